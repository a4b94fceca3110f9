import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../../src/event-store/event-store.port.js';
import type { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { assessmentStream } from '../../src/assessments/application/assessment-stream.js';
import { EVENT_SCHEMA_VERSION } from '../../src/assessments/domain/assessment-events.js';
import type { AssessmentEvent } from '../../src/assessments/domain/assessment-events.js';
import { SCALE_TERMS } from '../../src/assessments/domain/likelihood-scales.js';

const REGIONS = ['Moldova', 'Georgia', 'Armenia', 'Belarus', 'Kazakhstan', 'Azerbaijan', 'Ukraine', 'Baltic states'];
const TOPICS = ['military pressure', 'economic integration', 'frozen conflicts', 'sanctions circumvention', 'elections', 'energy'];
const WORDS = 'escalation pressure influence integration sanctions logistics mobilisation elections trade investment dependence'.split(' ');

/** A deterministic pseudo-random source, so every run generates the same history. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]);
  return `${out.join(' ')}.`;
}

/**
 * Events as the service writes them (same types, payload shapes and
 * metadata), with realistic sizes: statements of ~25 words, rationales of ~15;
 * about one event in ten a publication, so most assessments are published and
 * many have changes awaiting the next one (what readers do not see yet).
 * `eventsPerAssessment` includes the draft.
 */
export function assessmentHistory(random: () => number, eventsPerAssessment: number): { id: string; events: EventToAppend[] } {
  const id = randomUUID();
  const nta = SCALE_TERMS.nta;
  const icd = SCALE_TERMS.icd203;
  let clock = Date.parse('2023-02-05T00:00:00Z') + Math.floor(random() * 86_400_000);
  let likelihood = { scale: 'nta' as const, term: nta[0].term, probability: nta[0].band };
  let confidence: 'low' | 'moderate' | 'high' = 'moderate';
  let statement = sentence(random, 25);
  const events: AssessmentEvent[] = [
    {
      type: 'AssessmentDrafted',
      data: {
        assessmentId: id,
        statement,
        likelihood,
        confidence,
        horizon: { term: 'short-term', start: new Date(clock).toISOString(), end: new Date(clock + 182 * 86_400_000).toISOString() },
        subject: { actors: ['Russia'], regions: [REGIONS[Math.floor(random() * REGIONS.length)]], topics: [TOPICS[Math.floor(random() * TOPICS.length)]] },
        classification: 'UNCLASSIFIED',
        source: { document: 'National Threat Assessment 2023', section: 'Post-Soviet region' },
        rationale: sentence(random, 15),
      },
    },
  ];
  // A reviewer who never authors a change publishes (four eyes), as the service would allow.
  const publishers = new Set<number>();
  while (events.length < eventsPerAssessment) {
    const pick = random();
    const rationale = sentence(random, 15);
    if (pick < 0.4) {
      const term = icd[Math.floor(random() * icd.length)];
      const to = { scale: 'icd203' as const, term: term.term, probability: term.band };
      events.push({ type: 'LikelihoodChanged', data: { from: likelihood as never, to: to as never, basis: 'new-information', rationale } });
      likelihood = to as never;
    } else if (pick < 0.67) {
      const to = (['low', 'moderate', 'high'] as const).filter((c) => c !== confidence)[Math.floor(random() * 2)];
      events.push({ type: 'ConfidenceChanged', data: { from: confidence, to, basis: 'new-reasoning', rationale } });
      confidence = to;
    } else if (pick < 0.9 || events[events.length - 1].type === 'AssessmentPublished') {
      const to = sentence(random, 25);
      events.push({ type: 'StatementReworded', data: { from: statement, statement: to, rationale } });
      statement = to;
    } else {
      // About one event in ten publishes what changed since the last publication: readers see the rest only then.
      publishers.add(events.length);
      events.push({ type: 'AssessmentPublished', data: { reviewer: 'carol', rationale } });
    }
  }
  return {
    id,
    events: events.map((event, index) => {
      clock += Math.floor(random() * 7 * 86_400_000);
      const at = new Date(clock).toISOString();
      return {
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: {
          actor: publishers.has(index) ? 'carol' : index % 3 === 0 ? 'alice' : 'bob',
          recordedAt: at,
          effectiveAt: at,
          correlationId: randomUUID(),
          causationId: randomUUID(),
          commandId: randomUUID(),
          schemaVersion: EVENT_SCHEMA_VERSION,
        },
      };
    }),
  };
}

/**
 * In which order the histories reach the log: each assessment's events one
 * after the other (one append each), or interleaved, as a ledger written over
 * months holds them: every assessment's first event, then every second one, ….
 */
export type HistoryOrder = 'by-assessment' | 'interleaved';

/** Fills a store with `assessments` histories of `eventsPerAssessment` events each; returns how many events it wrote. */
export async function generateHistory(
  store: SqliteEventStore,
  assessments: number,
  eventsPerAssessment: number,
  seed = 2023,
  order: HistoryOrder = 'by-assessment',
): Promise<number> {
  if (order === 'by-assessment') return (await generateAssessments(store, assessments, eventsPerAssessment, seed)).events;
  const random = seeded(seed);
  const histories = Array.from({ length: assessments }, () => assessmentHistory(random, eventsPerAssessment));
  const chunk = 500;
  for (let round = 0; round < eventsPerAssessment; round++) {
    for (let start = 0; start < assessments; start += chunk) {
      await Promise.all(
        histories
          .slice(start, start + chunk)
          .map(({ id, events }) => store.appendToStream(assessmentStream(id), [events[round]], { expectedRevision: round === 0 ? 'no_stream' : round - 1 })),
      );
    }
  }
  return assessments * eventsPerAssessment;
}

/** As generateHistory, also returning the assessment ids (each stream's last revision is `eventsPerAssessment - 1`). */
export async function generateAssessments(
  store: SqliteEventStore,
  assessments: number,
  eventsPerAssessment: number,
  seed = 2023,
): Promise<{ ids: string[]; events: number }> {
  const random = seeded(seed);
  const ids: string[] = [];
  let written = 0;
  const chunk = 500;
  for (let start = 0; start < assessments; start += chunk) {
    const appends: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(assessments, start + chunk); i++) {
      const { id, events } = assessmentHistory(random, eventsPerAssessment);
      ids.push(id);
      appends.push(store.appendToStream(assessmentStream(id), events, { expectedRevision: 'no_stream' }));
      written += events.length;
    }
    await Promise.all(appends);
  }
  return { ids, events: written };
}
