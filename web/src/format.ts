/**
 * How values are written on the page. Times are shown in UTC, as the ledger
 * records them, so two analysts in different places read the same instant.
 */

export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—';
}

export function percent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

/** "15–35%", or "20%" for a point. */
export function formatBand(band: { low: number; high: number }): string {
  const low = Math.round(band.low * 1000) / 10;
  const high = Math.round(band.high * 1000) / 10;
  return low === high ? `${low}%` : `${low}–${high}%`;
}

export function formatNumber(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

/** "roughly-even-chance" → "roughly even chance". */
export function humanize(term: string | null | undefined): string {
  return term ? term.replace(/-/g, ' ') : '—';
}

/** The API's date filters take full ISO instants; a picked day means "as things stood at its end" (UTC). */
export function endOfDayUtc(day: string): string {
  return `${day}T23:59:59.999Z`;
}

/** "AssessmentDrafted" → "Assessment drafted". */
export function eventLabel(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
