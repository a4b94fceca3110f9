import { benchAppends } from '../../bench/appends.bench.js';
import { benchFold } from '../../bench/fold.bench.js';
import { benchHttpReads } from '../../bench/http-reads.bench.js';
import { benchHttpWrites } from '../../bench/http-writes.bench.js';
import { tableOf } from '../../bench/lib/report.js';
import type { Results } from '../../bench/lib/report.js';
import { benchListScale } from '../../bench/list-scale.bench.js';
import { benchListSql } from '../../bench/list-sql.bench.js';
import { benchPeerAppends } from '../../bench/peer-appends.bench.js';
import { benchProjectorMemory } from '../../bench/projector-memory.bench.js';
import { benchRebuildFloor } from '../../bench/rebuild-floor.bench.js';
import { benchRebuild } from '../../bench/rebuild.bench.js';

/**
 * The benchmark harness at toy sizes: every benchmark runs end to end
 * (servers and load generator in their child processes, compiled by the
 * pretest build) and reports sane figures. No timing is asserted: this
 * machine is shared and its speed is not what the test is about.
 */
describe('benchmark harness (smoke)', () => {
  /**
   * Each benchmark starts child processes (servers, load generator) and runs
   * fixed-length loads: the reads take ~25 s on an idle 2-core machine, so the
   * default 30 s would fail a slow CI machine on speed, which is not under test.
   */
  const CHILD_PROCESSES_TIMEOUT_MS = 180_000;
  const results: Results = {};
  const positiveRate = (value: number) => expect(value).toBeGreaterThan(0);

  it('drives durable revisions over HTTP with no conflicts, against a bare handler', async () => {
    const figures = await benchHttpWrites({ assessments: 16, connections: 4, durationSeconds: 1, warmupSeconds: 0, rounds: 2 });
    positiveRate(figures.bare.requestsPerSecond);
    positiveRate(figures.ledger.requestsPerSecond);
    expect(figures.ledger.statusCodes['409'] ?? 0).toBe(0);
    expect(figures.ledger.non2xx).toBe(0);
    expect(figures.ledger.share2xx).toBe(1);
    expect(figures.ledger.p99Ms).toBeGreaterThanOrEqual(figures.ledger.p50Ms);
    expect(figures.throughputRatio).toBeGreaterThan(0);
    positiveRate(figures.ledger.serverPeakRssMb);
    expect(figures.ledger.appendsPerCommit).toBeGreaterThanOrEqual(1);
    // The second round starts from what the ledger held after the first: still no conflict, no no-op.
    expect(figures.roundRatios).toHaveLength(2);
    results.writes = figures;
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('reads one assessment and a filtered list over HTTP, against a bare handler', async () => {
    const figures = await benchHttpReads({ assessments: 16, eventsPerAssessment: 3, connections: 4, durationSeconds: 1, warmupSeconds: 0, rounds: 2 });
    for (const load of [figures.bare.getOne, figures.bare.list, figures.ledger.getOne, figures.ledger.list, figures.ledger.listUncached]) {
      positiveRate(load.requestsPerSecond);
      expect(load.share2xx).toBe(1);
    }
    expect(figures.responseBytes.list).toBeGreaterThan(0);
    expect(figures.getOneRatio).toBeGreaterThan(0);
    expect(figures.listRatio).toBeGreaterThan(0);
    expect(figures.listUncachedRatio).toBeGreaterThan(0);
    // Two rounds, combined: each load's requests are the sum of its rounds'.
    expect(figures.roundRatios.getOne).toHaveLength(2);
    expect(figures.ledger.getOne.seconds).toBeGreaterThanOrEqual(1.5);
    results.reads = figures;
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('appends through the store, raw better-sqlite3 and group commit', async () => {
    const figures = await benchAppends({ singleAppends: 20, batches: 3, batchSize: 10, concurrency: 4, rounds: 1 });
    for (const rate of [figures.single.raw, figures.single.store, figures.batch.raw, figures.batch.store, figures.groupCommit.concurrent]) {
      positiveRate(rate.eventsPerSecond);
    }
    expect(figures.single.store.events).toBe(20);
    expect(figures.batch.store.events).toBe(30);
    expect(figures.single.ratio).toBeGreaterThan(0);
    expect(figures.groupCommit.concurrent.appendsPerCommit).toBeGreaterThanOrEqual(1);
    results.appends = figures;
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('appends the same events through the peer (Emmett on SQLite)', async () => {
    const figures = await benchPeerAppends({ singleAppends: 10, batches: 2, batchSize: 10, concurrency: 4, rounds: 2 });
    positiveRate(figures.single.peer.eventsPerSecond);
    positiveRate(figures.batch.peer.eventsPerSecond);
    expect(figures.single.ratio).toBeGreaterThan(0);
    expect(figures.batch.ratio).toBeGreaterThan(0);
    positiveRate(figures.batch.raw.eventsPerSecond);
    expect(figures.single.rawRatio).toBeGreaterThan(0);
    expect(figures.batch.roundRatios).toHaveLength(2);
    for (const roundRatio of figures.batch.roundRatios) expect(roundRatio).toBeGreaterThan(0);
    results.peer = figures;
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('rebuilds the read models and reads the log in child processes', async () => {
    const figures = await benchRebuild({ events: 200, eventsPerAssessment: 10, batchSize: 50 });
    expect(figures.rebuild.events).toBe(200);
    expect(figures.readBaseline.events).toBe(200);
    positiveRate(figures.rebuild.eventsPerSecond);
    positiveRate(figures.rebuild.peakRssMb);
    expect(figures.ratio).toBeGreaterThan(0);
    results.rebuild = figures;
    // The same histories interleaved in the log, as a ledger written over time holds them.
    const interleaved = await benchRebuild({ events: 200, eventsPerAssessment: 10, batchSize: 50, order: 'interleaved' });
    expect(interleaved.rebuild.events).toBe(200);
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('copies a rebuild\'s rows into a fresh file in SQL alone and indexes them: the rebuild\'s floor', async () => {
    const figures = await benchRebuildFloor(200);
    expect(figures.events).toBe(200);
    expect(figures.rows.assessment_versions).toBe(200);
    expect(figures.rows.assessment_keys).toBe(20);
    positiveRate(figures.floorEventsPerSecond);
  });

  it('folds a long stream at head and as of a revision and an effective time, warm, cold from snapshots and cold without', async () => {
    const figures = await benchFold({ events: 200, iterations: 5, coldIterations: 3, warmupIterations: 1, maxSecondsPerLimit: 5 });
    expect(figures.asOfRevision).toBe(99);
    for (const summary of [...Object.values(figures.warm), ...Object.values(figures.cold), figures.rawRead]) expect(summary.samples).toBe(5);
    for (const summary of Object.values(figures.coldWithoutSnapshots)) expect(summary.samples).toBe(3);
    for (const summary of [...Object.values(figures.warm), ...Object.values(figures.cold), ...Object.values(figures.coldWithoutSnapshots)]) {
      expect(summary.p99Ms).toBeGreaterThanOrEqual(summary.p50Ms);
    }
    // 200 events: snapshots at revisions 63, 127 and 191.
    expect(figures.snapshots.count).toBe(3);
    expect(figures.snapshots.headBytes).toBeGreaterThan(0);
    results.fold = figures;
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('times the list and tail-read statements one by one', async () => {
    const figures = await benchListSql({ assessments: 40, eventsPerAssessment: 4, executions: 5 });
    for (const plan of [figures.withoutStatistics, figures.withStatistics]) {
      expect(plan.plan.length).toBeGreaterThan(0);
      expect(plan.countMs).toBeGreaterThan(0);
      expect(plan.pageMs).toBeGreaterThan(0);
    }
    expect(figures.withStatistics.widePageMs).toBeGreaterThan(0);
    expect(figures.withStatistics.rowsByIdMs).toBeGreaterThan(0);
    expect(figures.withStatistics.rowsByIdArraysMs).toBeGreaterThan(0);
    expect(figures.withStatistics.rowsByIdPrepareRowsMs).toBeGreaterThan(0);
    expect(figures.tailRead.boundLimitUs).toBeGreaterThan(0);
    expect(figures.tailRead.noLimitUs).toBeGreaterThan(0);
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('asks every listing of a generated ledger through its handler', async () => {
    const figures = await benchListScale({ assessments: 60, eventsPerAssessment: 10 });
    expect(figures.versions).toBe(600);
    expect(figures.timings).toHaveLength(26);
    // The generated history publishes, so readers have versions to list.
    expect(figures.readerVersions).toBeGreaterThan(0);
    expect(figures.readerVersions).toBeLessThan(600);
    for (const timing of figures.timings) {
      expect(timing.firstMs).toBeGreaterThanOrEqual(0);
      expect(timing.items).toBeLessThanOrEqual(20);
    }
    const all = figures.timings.find((timing) => timing.query === 'GET /assessments')!;
    expect(all).toMatchObject({ total: 60, totalIsLowerBound: false, items: 20 });
    expect(figures.timings.find((timing) => timing.query === 'GET /audit')).toMatchObject({ total: 600, items: 20 });
    const readers = figures.timings.find((timing) => timing.query === 'reader: GET /assessments')!;
    expect(readers.total).toBeGreaterThan(0);
    expect(readers.total).toBeLessThan(60);
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('measures the heap the projector retains per folded state', async () => {
    // Enough states (≈ 1.3 KB each) that what they retain stands well above the heap's noise in a test process.
    const figures = await benchProjectorMemory({ assessments: 2000, eventsPerAssessment: 2 });
    expect(figures.retainedMb).toBeGreaterThan(0);
    expect(figures.perStateKb).toBeGreaterThan(0);
  }, CHILD_PROCESSES_TIMEOUT_MS);

  it('turns the figures into a table with a ratio on every row', () => {
    const table = tableOf(results);
    expect(table.length).toBeGreaterThanOrEqual(18);
    for (const row of table) {
      expect(row.ratio).not.toBeNull();
      expect(Number.isFinite(row.ratio)).toBe(true);
    }
  });
});
