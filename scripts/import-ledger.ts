/**
 * npm run import -- in.ndjson
 *
 * Restores an export (npm run export) into an EMPTY ledger, with the service
 * stopped. The whole file is checked first (JSON shape, position order,
 * unique ids, every stream's revisions, every hash chain, as npm run verify
 * does) and refused at the first bad line, naming it, before anything is
 * written; then its events are appended in order, with their ids, types,
 * data and metadata unchanged, and the read models are brought up to date.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { EVENT_STORE } from '../src/event-store/event-store.port.js';
import type { EventStore, RecordedEvent } from '../src/event-store/event-store.port.js';
import { PROJECTED_STREAM_PREFIX, ProjectionService } from '../src/projections/projection.service.js';
import { openLedger, refuse } from './lib/ledger-context.js';
import { LedgerFileError, parseExportLine } from './lib/ledger-file.js';
import { LedgerFileCheck } from './lib/ledger-file-check.js';
import { startProgress } from './lib/progress.js';

/** Events queued before waiting for their commit; the store writes them in a few group commits. */
const WINDOW = 2000;

/** Every event of the file with its line number, skipping blank lines. */
async function* eventsOf(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<{ event: RecordedEvent; line: number }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  let bytes = 0;
  for await (const text of lines) {
    number += 1;
    bytes += Buffer.byteLength(text) + 1;
    onBytes?.(bytes);
    if (text.trim() === '') continue;
    yield { event: parseExportLine(text, number), line: number };
  }
}

async function check(file: string): Promise<LedgerFileCheck> {
  const checked = new LedgerFileCheck((stream) => stream.startsWith(PROJECTED_STREAM_PREFIX));
  const progress = startProgress({ label: 'checking', unit: 'bytes', total: statSync(file).size });
  try {
    for await (const { event, line } of eventsOf(file, (bytes) => progress.update(bytes))) checked.add(event, line);
  } finally {
    progress.stop();
  }
  return checked;
}

/**
 * Appends in file order. Consecutive events of one stream go in one append
 * (atomic, like the command that wrote them); each append expects the
 * revision before its first event, so the store re-checks the order too.
 */
async function restore(file: string, store: EventStore, total: number): Promise<{ events: number; renumbered: number }> {
  const progress = startProgress({ label: 'importing', unit: 'events', total });
  let pending: Promise<void>[] = [];
  let queued = 0;
  let events = 0;
  let renumbered = 0;
  let group: RecordedEvent[] = [];
  const append = (events: RecordedEvent[]) => {
    const first = events[0];
    const last = events[events.length - 1];
    const toAppend = events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
    const expectedRevision = first.revision === 0 ? ('no_stream' as const) : first.revision - 1;
    pending.push(
      store.appendToStream(first.streamName, toAppend, { expectedRevision }).then((result) => {
        if (result.position !== last.position) renumbered += 1;
      }),
    );
  };
  const drain = async () => {
    await Promise.all(pending);
    events += queued;
    queued = 0;
    pending = [];
    progress.update(events);
  };
  try {
    for await (const { event } of eventsOf(file)) {
      if (group.length > 0 && group[0].streamName !== event.streamName) {
        append(group);
        group = [];
      }
      group.push(event);
      queued += 1;
      if (queued >= WINDOW) {
        append(group);
        group = [];
        await drain();
      }
    }
    if (group.length > 0) append(group);
    await drain();
  } finally {
    progress.stop();
  }
  return { events, renumbered };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) refuse('usage: npm run import -- <file.ndjson>');
  try {
    statSync(file);
  } catch {
    refuse(`${file}: no such file`);
  }
  const { app, config } = await openLedger({ writes: { advice: 'Stop it, import into an empty DATA_DIR, then start it again.' } });
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    const projections = app.get(ProjectionService);
    const where = config.eventStoreUrl ? 'the KurrentDB store' : config.dataDir;
    if ((await store.headPosition()) > 0n) refuse(`${where} already holds events; import restores into an empty ledger only (use a new DATA_DIR).`);
    if (projections.position > 0n) refuse(`${config.dataDir} holds read models of another ledger; remove read-models.sqlite first.`);

    let checked: LedgerFileCheck;
    try {
      checked = await check(file);
    } catch (error) {
      if (error instanceof LedgerFileError) {
        console.error(`${file} ${error.message}; nothing was imported`);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
    console.log(`${file}: ${checked.events} events in ${checked.streams} streams, ${checked.chainedStreams} hash chains verified`);

    const restored = await restore(file, store, checked.events);
    await projections.catchUp();
    console.log(
      `imported ${restored.events} events into ${where}` +
        (restored.renumbered > 0 ? ` (positions renumbered by the store; ids, revisions and hashes unchanged)` : ', positions unchanged') +
        `; read models at position ${projections.position}`,
    );
  } finally {
    await app.close();
  }
}

await main();
