/**
 * npm run bench [-- --full] [-- --only=writes,reads,...]
 *
 * Runs every benchmark, each in a fresh Node process, prints one table of
 * figures with the baseline measured in the same run beside each, and
 * records the run in bench/results.json. Quick mode (default) stays under
 * two minutes on a 2-core machine; --full uses the sizes the README quotes.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppendsOptions } from './appends.bench.js';
import type { FoldOptions } from './fold.bench.js';
import type { HttpReadsOptions } from './http-reads.bench.js';
import type { HttpWritesOptions } from './http-writes.bench.js';
import { runInChild } from './lib/child-process.js';
import { printTable, tableOf } from './lib/report.js';
import type { Results } from './lib/report.js';
import { round } from './lib/stats.js';
import type { PeerAppendsOptions } from './peer-appends.bench.js';
import type { RebuildOptions } from './rebuild.bench.js';

type Mode = 'quick' | 'full';

interface Sizes {
  writes: HttpWritesOptions;
  reads: HttpReadsOptions;
  appends: AppendsOptions;
  peer: PeerAppendsOptions;
  rebuild: RebuildOptions;
  fold: FoldOptions;
}

const SIZES: Record<Mode, Sizes> = {
  quick: {
    writes: { assessments: 1000, connections: 64, durationSeconds: 5, warmupSeconds: 1, rounds: 1 },
    reads: { assessments: 1000, eventsPerAssessment: 10, connections: 64, durationSeconds: 3, warmupSeconds: 1, rounds: 1 },
    appends: { singleAppends: 1000, batches: 50, batchSize: 100, concurrency: 64, rounds: 3 },
    peer: { singleAppends: 300, batches: 20, batchSize: 100, concurrency: 64, rounds: 2 },
    rebuild: { events: 100_000, eventsPerAssessment: 10, batchSize: 5000 },
    fold: { events: 10_000, iterations: 100, coldIterations: 5, warmupIterations: 3, maxSecondsPerLimit: 2 },
  },
  full: {
    writes: { assessments: 1000, connections: 64, durationSeconds: 5, warmupSeconds: 3, rounds: 4 },
    reads: { assessments: 1000, eventsPerAssessment: 10, connections: 64, durationSeconds: 5, warmupSeconds: 3, rounds: 3 },
    appends: { singleAppends: 5000, batches: 200, batchSize: 100, concurrency: 64, rounds: 5 },
    peer: { singleAppends: 2000, batches: 100, batchSize: 100, concurrency: 64, rounds: 7 },
    rebuild: { events: 1_000_000, eventsPerAssessment: 10, batchSize: 5000 },
    fold: { events: 10_000, iterations: 500, coldIterations: 30, warmupIterations: 10, maxSecondsPerLimit: 15 },
  },
};

const BENCHES: { key: keyof Sizes; module: string; exportName: string }[] = [
  { key: 'writes', module: 'http-writes.bench', exportName: 'benchHttpWrites' },
  { key: 'reads', module: 'http-reads.bench', exportName: 'benchHttpReads' },
  { key: 'appends', module: 'appends.bench', exportName: 'benchAppends' },
  { key: 'peer', module: 'peer-appends.bench', exportName: 'benchPeerAppends' },
  { key: 'rebuild', module: 'rebuild.bench', exportName: 'benchRebuild' },
  { key: 'fold', module: 'fold.bench', exportName: 'benchFold' },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mode: Mode = args.includes('--full') ? 'full' : 'quick';
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const sizes = SIZES[mode];
  const started = performance.now();
  const results: Results = {};
  const timings: Record<string, number> = {};
  for (const bench of BENCHES) {
    if (only && !only.includes(bench.key)) continue;
    const benchStarted = performance.now();
    process.stderr.write(`bench ${bench.key} (${mode}) ... `);
    const { result } = await runInChild<never>(bench.module, bench.exportName, sizes[bench.key]);
    timings[bench.key] = round((performance.now() - benchStarted) / 1000, 1);
    process.stderr.write(`${timings[bench.key]} s\n`);
    (results as Record<string, unknown>)[bench.key] = result;
  }
  const table = tableOf(results);
  printTable(table);

  const record = {
    timestamp: new Date().toISOString(),
    mode,
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
    seconds: round((performance.now() - started) / 1000, 1),
    secondsPerBench: timings,
    note: 'Every ratio divides a figure by a baseline measured in the same run on the same machine; see bench/README.md.',
    table,
    figures: results,
  };
  // A whole run is written next to the sources (bench/results.json, not dist/): it is the committed record
  // of the last run. A partial one (--only) must not replace that record, so it stays in dist/.
  const here = dirname(fileURLToPath(import.meta.url));
  const target = only ? join(here, 'results.partial.json') : join(here, '..', '..', 'bench', 'results.json');
  writeFileSync(`${target}.tmp`, JSON.stringify(record, null, 2) + '\n');
  renameSync(`${target}.tmp`, target);
  console.log(`\n${mode} run in ${record.seconds} s on ${record.cores} cores, node ${record.node}; written to ${target}`);
}

await main();
