import { stringify } from 'csv-stringify/sync';
import { diffWords } from 'diff';
import type { AnalyticLineReport, LineClass, LineItem } from '../queries/get-analytic-line-report.query.js';

const HEADINGS: Record<LineClass, string> = {
  new: 'New judgments',
  changed: 'Changed judgments',
  consistent: 'Consistent judgments',
  withdrawn: 'Withdrawn judgments',
  superseded: 'Superseded judgments',
  resolved: 'Resolved judgments',
};

const day = (iso: string) => iso.slice(0, 10);
const likelihoodText = (l: LineItem['atTo']['likelihood']) =>
  `${l.term ? `${l.term.replace(/-/g, ' ')} (${l.scale}, ` : '('}${Math.round(l.probability.low * 100)}–${Math.round(l.probability.high * 100)}%)`;
/** Markdown-safe inline text: no stray emphasis, links or tables from the judgment's own words. */
const inline = (text: string) => text.replace(/([\\`*_[\]|<>#~])/g, '\\$1').replace(/\s+/g, ' ');

/** A reworded statement as one line: removed words struck through, added words in bold. */
export function wordDiff(from: string, to: string): string {
  let out = '';
  let previousMarked = false;
  for (const part of diffWords(from, to)) {
    const text = inline(part.value);
    const marked = (part.added || part.removed) && text.trim() !== '';
    if (!marked) {
      out += text;
      previousMarked = false;
      continue;
    }
    // Markers go round the words only; whitespace stays outside them, and a removal
    // followed straight by an addition is kept apart by one space.
    const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
    const mark = part.added ? '**' : '~~';
    out += `${previousMarked && !lead ? ' ' : lead}${mark}${core}${mark}${trail}`;
    previousMarked = !trail;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function itemMarkdown(item: LineItem): string[] {
  const lines = [`- ${inline(item.atTo.statement)} — ${likelihoodText(item.atTo.likelihood)}, ${item.atTo.confidence} confidence`];
  const c = item.changes;
  if (c.likelihood) {
    lines.push(`  - Likelihood ${c.likelihood.direction ?? 'restated'}: ${likelihoodText(c.likelihood.from)} → ${likelihoodText(c.likelihood.to)}`);
  }
  if (c.confidence) lines.push(`  - Confidence ${c.confidence.direction}: ${c.confidence.from} → ${c.confidence.to}`);
  if (c.reworded) lines.push(`  - Reworded: ${wordDiff(c.reworded.from, c.reworded.to)}`);
  if (item.createdInWindow && item.class !== 'new') lines.push('  - Created within the period.');
  for (const change of item.interim.filter((i) => i.rationale)) {
    const basis = change.basis ? `, ${change.basis}` : '';
    lines.push(`  - ${day(change.effectiveAt)} ${change.type} (${change.actor}${basis}): ${inline(change.rationale!)}`);
  }
  return lines;
}

/** The report as an edition's "changes since the last edition" annex. */
export function analyticLineMarkdown(report: AnalyticLineReport): string {
  const out = [
    `# Changes in judgments, ${day(report.from)} to ${day(report.to)}${report.line === 'published' ? ' (as published)' : ''}`,
    '',
    Object.entries(report.counts)
      .map(([cls, n]) => `${HEADINGS[cls as LineClass]}: ${n}`)
      .join(' · '),
  ];
  for (const cls of Object.keys(HEADINGS) as LineClass[]) {
    const items = report.items.filter((item) => item.class === cls);
    if (items.length === 0) continue;
    out.push('', `## ${HEADINGS[cls]} (${items.length})`, '', ...items.flatMap(itemMarkdown));
  }
  return out.join('\n') + '\n';
}

const CSV_COLUMNS = [
  'class',
  'assessment_id',
  'created_in_window',
  'statement',
  'statement_at_from',
  'likelihood_from',
  'likelihood_to',
  'likelihood_direction',
  'confidence_from',
  'confidence_to',
  'confidence_direction',
  'status_from',
  'status_to',
  'rationales',
];

export function analyticLineCsv(report: AnalyticLineReport): string {
  const rows = report.items.map((item) => [
    item.class,
    item.assessmentId,
    item.createdInWindow,
    item.atTo.statement,
    item.atFrom?.statement ?? '',
    item.atFrom ? likelihoodText(item.atFrom.likelihood) : '',
    likelihoodText(item.atTo.likelihood),
    item.changes.likelihood?.direction ?? '',
    item.atFrom?.confidence ?? '',
    item.atTo.confidence,
    item.changes.confidence?.direction ?? '',
    item.atFrom?.status ?? '',
    item.atTo.status,
    item.interim
      .filter((i) => i.rationale)
      .map((i) => `${day(i.effectiveAt)} ${i.type}: ${i.rationale}`)
      .join(' | '),
  ]);
  return stringify(rows, { header: true, columns: CSV_COLUMNS });
}
