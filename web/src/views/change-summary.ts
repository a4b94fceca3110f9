import type { HistoryEntry } from '../api-types.js';
import { formatBand, humanize } from '../format.js';
import { SCALE_NAMES } from '../vocabulary.js';
import type { LikelihoodScale } from '../vocabulary.js';

interface LikelihoodData {
  scale: string | null;
  term: string | null;
  probability: { low: number; high: number };
}

const likelihoodWords = (l: LikelihoodData | undefined) =>
  l ? (l.term ? `${humanize(l.term)} (${SCALE_NAMES[l.scale as LikelihoodScale] ?? l.scale}, ${formatBand(l.probability)})` : formatBand(l.probability)) : '?';

/** One line saying what an event changed, for the history and for conflicts. */
export function describeChange(entry: HistoryEntry): string {
  const d = entry.data as Record<string, any>;
  switch (entry.type) {
    case 'AssessmentDrafted':
      return `drafted: “${d.statement}”, ${likelihoodWords(d.likelihood)}, ${d.confidence} confidence`;
    case 'StatementReworded':
      return `statement now: “${d.statement}”`;
    case 'LikelihoodChanged':
      return `likelihood ${likelihoodWords(d.from)} → ${likelihoodWords(d.to)}`;
    case 'ConfidenceChanged':
      return `confidence ${d.from} → ${d.to}`;
    case 'HorizonChanged':
      return `horizon now ends ${String(d.to?.end ?? '').slice(0, 10)}`;
    case 'SubjectChanged':
      return `subject now: ${[d.actors, d.regions, d.topics].map((list) => (Array.isArray(list) && list.length ? list.join(', ') : '—')).join('; ')}`;
    case 'AssessmentPublished':
      return `published by ${d.reviewer ?? entry.actor}`;
    case 'EvidenceLinked':
      return `evidence linked: ${d.title} (${d.reliability}${d.credibility}, ${d.bearing})`;
    case 'EvidenceUnlinked':
      return 'evidence unlinked';
    case 'AssumptionStated':
      return `assumption stated: ${d.text}`;
    case 'AssumptionReviewed':
      return `assumption reviewed: ${d.verdict}`;
    case 'IndicatorAdded':
      return `indicator added: ${d.text}`;
    case 'IndicatorObserved':
      return `indicator observed: ${d.observation}`;
    case 'OutcomeRecorded':
      return `outcome: ${humanize(d.outcome)}, known ${String(d.knownAt).slice(0, 10)}`;
    case 'ClassificationChanged':
      return `marking ${d.from} → ${d.to}`;
    default:
      return humanize(entry.type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
  }
}
