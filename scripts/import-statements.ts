/**
 * npm run import:statements -- statements.json [--actor importer] [--rationale "..."]
 *
 * Drafts one assessment per entry of a JSON list, through the same command
 * path as POST /assessments (CommandBus, DraftAssessmentCommand, the domain's
 * own validation), and reports for each entry whether it was drafted,
 * already imported, or rejected and why (with the field the domain named).
 *
 *   [{ "statement": "...", "scale": "nta", "term": "unlikely", "confidence": "moderate",
 *      "horizon": "short-term" | { "start": "...", "end": "..." },
 *      "effectiveAt": "2023-02-05T00:00:00Z",
 *      "source": "National Threat Assessment 2023" | { "document": "...", "section": "..." } }]
 *
 * Optional per entry: probability (instead of scale and term), subject,
 * classification, rationale. Each entry's assessment id derives from the
 * actor and the entry itself, so running the same file again drafts nothing
 * twice. Exit code 1 when any entry was rejected (the others are drafted).
 */
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { v5 as uuidv5 } from 'uuid';
import { DraftAssessmentCommand } from '../src/assessments/commands/draft-assessment.command.js';
import { DomainError, DomainValidationError } from '../src/assessments/domain/domain-errors.js';
import { canonicalJson } from '../src/common/canonical-json.js';
import { WrongExpectedRevisionError } from '../src/event-store/event-store.errors.js';
import { arrayElementLines } from './lib/json-array-lines.js';
import { openLedger, refuse } from './lib/ledger-context.js';

const NAMESPACE = 'c4a3f1e2-6b5d-4f7a-9e8c-1d2b3a4c5e6f';
const FIELDS = ['statement', 'scale', 'term', 'probability', 'confidence', 'horizon', 'effectiveAt', 'source', 'subject', 'classification', 'rationale'];
const SUBJECT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

type Entry = Record<string, unknown>;

/** An entry the script refuses before the domain sees it (wrong JSON shape), with the field at fault. */
class EntryShapeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function draftData(entry: Entry, assessmentId: string, rationale: string): DraftAssessmentCommand['data'] {
  const unknown = Object.keys(entry).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) throw new EntryShapeError(unknown[0], `unknown field ${unknown.join(', ')}`);
  const horizon = entry.horizon;
  const source = entry.source;
  // The domain validates every value; these only map the file's shorthand onto the command's shapes.
  return {
    assessmentId,
    statement: entry.statement as string,
    likelihood: (entry.probability !== undefined
      ? { probability: entry.probability }
      : { scale: entry.scale, term: entry.term }) as DraftAssessmentCommand['data']['likelihood'],
    confidence: entry.confidence as DraftAssessmentCommand['data']['confidence'],
    horizon: (typeof horizon === 'string' ? { term: horizon } : horizon) as DraftAssessmentCommand['data']['horizon'],
    subject: (entry.subject ?? { actors: [], regions: [], topics: [] }) as DraftAssessmentCommand['data']['subject'],
    source:
      source === undefined || source === null
        ? null
        : typeof source === 'string'
          ? { document: source, section: null }
          : (source as { document: string; section?: string | null }),
    ...(entry.classification !== undefined ? { classification: entry.classification as string } : {}),
    rationale: (entry.rationale as string | undefined) ?? rationale,
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { actor: { type: 'string', default: 'importer' }, rationale: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) refuse('usage: npm run import:statements -- <statements.json> [--actor <subject>] [--rationale <text>]');
  if (!SUBJECT_PATTERN.test(values.actor)) refuse('--actor must be 1-100 letters, digits, ".", "_", "@" or "-"');
  let text: string;
  let entries: unknown;
  try {
    text = readFileSync(file, 'utf8');
    entries = JSON.parse(text);
  } catch (error) {
    refuse(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(entries)) refuse(`${file}: must be a JSON list of statements ([{ "statement": ... }, ...])`);
  const lines = arrayElementLines(text);
  const rationale = values.rationale ?? `Imported from ${basename(file)}.`;

  const { app, config } = await openLedger({ writes: { advice: 'Stop it first, or draft through POST /assessments.' } });
  const bus = app.get(CommandBus);
  // One correlation id for the whole run ties its events together in the history and audit feed.
  const correlationId = randomUUID();
  const counts = { drafted: 0, existing: 0, rejected: 0 };
  try {
    for (const [index, entry] of entries.entries()) {
      const where = `entry ${index + 1} (line ${lines[index] ?? '?'})`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        counts.rejected += 1;
        console.log(`${where}: rejected: must be an object [field entry]`);
        continue;
      }
      const assessmentId = uuidv5(`${values.actor}\u0000${canonicalJson(entry)}`, NAMESPACE);
      try {
        const data = draftData(entry as Entry, assessmentId, rationale);
        const effectiveAt = (entry as Entry).effectiveAt as string | undefined;
        await bus.execute(
          // A new command id each run: a second run then meets the existing stream and says so,
          // where a repeated id would be taken for a retry of the first append and pass silently.
          new DraftAssessmentCommand(data, { actor: values.actor, correlationId, effectiveAt }),
        );
        counts.drafted += 1;
        console.log(`${where}: drafted ${assessmentId}`);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) {
          counts.existing += 1;
          console.log(`${where}: already imported as ${assessmentId}`);
        } else if (error instanceof DomainValidationError || error instanceof EntryShapeError) {
          counts.rejected += 1;
          console.log(`${where}: rejected: ${error.message} [field ${error.field}]`);
        } else if (error instanceof DomainError) {
          counts.rejected += 1;
          const field = (error as { field?: string }).field;
          console.log(`${where}: rejected: ${error.message} [${error.code}${field ? `, field ${field}` : ''}]`);
        } else {
          throw error;
        }
      }
    }
  } finally {
    await app.close();
  }
  console.log(
    `${counts.drafted} drafted, ${counts.existing} already imported, ${counts.rejected} rejected of ${entries.length} entries ` +
      `in ${config.eventStoreUrl ? 'the KurrentDB store' : config.dataDir} (actor ${values.actor}, correlation ${correlationId})`,
  );
  process.exitCode = counts.rejected > 0 ? 1 : 0;
}

await main();
