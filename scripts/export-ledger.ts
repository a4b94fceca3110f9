/**
 * npm run export -- out.ndjson
 *
 * Writes every event of the log (every stream: assessments and idempotency
 * records), in position order, one JSON object per line: stream, revision,
 * position, id, type, data and metadata with its hashes. Reads only, up to
 * the head it finds at the start, so it is a consistent backup even while
 * the service runs. The file appears under its name only once complete.
 */
import { once } from 'node:events';
import { closeSync, createWriteStream, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { EVENT_STORE } from '../src/event-store/event-store.port.js';
import type { EventStore } from '../src/event-store/event-store.port.js';
import { openLedger, refuse } from './lib/ledger-context.js';
import { toExportLine } from './lib/ledger-file.js';
import { startProgress } from './lib/progress.js';

const BATCH = 5000;

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) refuse('usage: npm run export -- <file.ndjson>');
  if (existsSync(file)) refuse(`${file} already exists; export to a new file`);
  const { app, config } = await openLedger();
  const partial = `${file}.partial`;
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const out = createWriteStream(partial, { flags: 'w' });
    const progress = startProgress({ label: 'exporting', unit: 'positions', total: Number(head) });
    let after = 0n;
    let events = 0;
    while (after < head) {
      const batch = (await store.readAll({ after, maxCount: BATCH })).filter((event) => event.position <= head);
      if (batch.length === 0) break;
      for (const event of batch) {
        if (!out.write(toExportLine(event) + '\n')) await once(out, 'drain');
      }
      events += batch.length;
      after = batch[batch.length - 1].position;
      progress.update(Number(after));
    }
    progress.stop();
    out.end();
    await once(out, 'close');
    // On disk before it takes its name: a backup that a power cut can truncate is no backup.
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, file);
    console.log(`exported ${events} events up to position ${head} from ${config.eventStoreUrl ? 'KurrentDB' : config.dataDir} to ${file}`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await app.close();
  }
}

await main();
