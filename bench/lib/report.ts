/** The table every run prints and records: each figure beside its same-run baseline, their ratio and the target. */
import type { AppendsFigures } from '../appends.bench.js';
import type { FoldFigures } from '../fold.bench.js';
import type { HttpReadsFigures } from '../http-reads.bench.js';
import type { HttpWritesFigures } from '../http-writes.bench.js';
import type { PeerAppendsFigures } from '../peer-appends.bench.js';
import type { RebuildFigures } from '../rebuild.bench.js';
import { round } from './stats.js';

/** One line of the table: a figure, its same-run baseline, their ratio and the design target. */
export interface TableRow {
  readonly figure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: number | null;
  readonly target: string;
  readonly met: boolean | null;
}

export interface Results {
  writes?: HttpWritesFigures;
  reads?: HttpReadsFigures;
  appends?: AppendsFigures;
  peer?: PeerAppendsFigures;
  rebuild?: RebuildFigures;
  fold?: FoldFigures;
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(2)} ms`;
const atLeast = (ratio: number, target: number) => ratio >= target;

export function tableOf(results: Results): TableRow[] {
  const rows: TableRow[] = [];
  const { writes, reads, appends, peer, rebuild, fold } = results;
  if (writes) {
    const l = writes.ledger;
    rows.push({
      figure: `HTTP revisions, durable, ${writes.options.connections} conn (req/s)`,
      value: `${n(l.requestsPerSecond)} (p50 ${ms(l.p50Ms)}, p99 ${ms(l.p99Ms)}; 2xx ${(l.share2xx * 100).toFixed(2)}%, non-2xx ${l.non2xx}; ${l.appendsPerCommit ?? '?'} appends/commit)`,
      baseline: `bare Fastify ${n(writes.bare.requestsPerSecond)} (p50 ${ms(writes.bare.p50Ms)}, p99 ${ms(writes.bare.p99Ms)})${byRound(writes.roundRatios)}`,
      ratio: writes.throughputRatio,
      target: '≥ 0.25',
      met: atLeast(writes.throughputRatio, 0.25) && l.share2xx >= 0.999,
    });
  }
  if (reads) {
    rows.push({
      figure: 'HTTP GET /assessments/:id (req/s)',
      value: `${n(reads.ledger.getOne.requestsPerSecond)} (p50 ${ms(reads.ledger.getOne.p50Ms)}, p99 ${ms(reads.ledger.getOne.p99Ms)})`,
      baseline: `bare Fastify ${n(reads.bare.getOne.requestsPerSecond)}, same ${reads.responseBytes.getOne} B${byRound(reads.roundRatios.getOne)}`,
      ratio: reads.getOneRatio,
      target: '≥ 0.5',
      met: atLeast(reads.getOneRatio, 0.5),
    });
    rows.push({
      figure: `HTTP GET ${reads.listPath} (req/s)`,
      value: `${n(reads.ledger.list.requestsPerSecond)} (p50 ${ms(reads.ledger.list.p50Ms)}, p99 ${ms(reads.ledger.list.p99Ms)})`,
      baseline: `bare Fastify ${n(reads.bare.list.requestsPerSecond)}, same ${reads.responseBytes.list} B${byRound(reads.roundRatios.list)}`,
      ratio: reads.listRatio,
      target: '≥ 0.5',
      met: atLeast(reads.listRatio, 0.5),
    });
    const u = reads.ledger.listUncached;
    rows.push({
      figure: `… the same list, answer cache off (req/s)`,
      value: `${n(u.requestsPerSecond)} (p50 ${ms(u.p50Ms)}, p99 ${ms(u.p99Ms)})`,
      baseline: `bare Fastify ${n(reads.bare.list.requestsPerSecond)}${byRound(reads.roundRatios.listUncached)}`,
      ratio: reads.listUncachedRatio,
      target: '≥ 0.5',
      met: atLeast(reads.listUncachedRatio, 0.5),
    });
  }
  if (appends) {
    rows.push({
      figure: 'Store appends, 1 event each, awaited (events/s)',
      value: n(appends.single.store.eventsPerSecond),
      baseline: `raw better-sqlite3 ${n(appends.single.raw.eventsPerSecond)}`,
      ratio: appends.single.ratio,
      target: '≥ 0.6',
      met: atLeast(appends.single.ratio, 0.6),
    });
    rows.push({
      figure: `Store appends, ${appends.options.batchSize} events each (events/s)`,
      value: n(appends.batch.store.eventsPerSecond),
      baseline: `raw better-sqlite3 ${n(appends.batch.raw.eventsPerSecond)}`,
      ratio: appends.batch.ratio,
      target: '≥ 0.6',
      met: atLeast(appends.batch.ratio, 0.6),
    });
    rows.push({
      figure: `Group commit, ${appends.options.concurrency} in flight (events/s)`,
      value: `${n(appends.groupCommit.concurrent.eventsPerSecond)} (${appends.groupCommit.concurrent.appendsPerCommit} appends/commit)`,
      baseline: `awaited one by one ${n(appends.groupCommit.sequential.eventsPerSecond)}`,
      ratio: appends.groupCommit.gain,
      target: '—',
      met: null,
    });
  }
  if (peer) {
    rows.push({
      figure: 'Ledger vs Emmett, 1 event each, awaited (events/s)',
      value: n(peer.single.ledger.eventsPerSecond),
      baseline: `Emmett ${n(peer.single.peer.eventsPerSecond)}${peer.peerRetries ? ` (${peer.peerRetries} SQLITE_BUSY retries)` : ''}; raw limit = ${peer.single.rawRatio}× Emmett`,
      ratio: peer.single.ratio,
      target: '≥ 3',
      met: atLeast(peer.single.ratio, 3),
    });
    rows.push({
      figure: `Ledger vs Emmett, ${peer.options.batchSize} events each (events/s)`,
      value: n(peer.batch.ledger.eventsPerSecond),
      baseline: `Emmett ${n(peer.batch.peer.eventsPerSecond)}; raw limit = ${peer.batch.rawRatio}× Emmett${byRound(peer.batch.roundRatios)}`,
      ratio: peer.batch.ratio,
      target: '≥ 3',
      met: atLeast(peer.batch.ratio, 3),
    });
    rows.push({
      figure: `Ledger group commit vs Emmett, 1 event each (events/s)`,
      value: n(peer.ledgerGroupCommit.eventsPerSecond),
      baseline: `Emmett ${n(peer.single.peer.eventsPerSecond)} (cannot take concurrent appends)`,
      ratio: peer.ledgerGroupCommit.ratio,
      target: '—',
      met: null,
    });
  }
  if (rebuild) {
    rows.push({
      figure: `Projection rebuild, ${n(rebuild.rebuild.events)} events (events/s)`,
      value: `${n(rebuild.rebuild.eventsPerSecond)} (load ${rebuild.rebuild.loadSeconds} s + index ${rebuild.rebuild.indexSeconds} s)`,
      baseline: `read+parse only ${n(rebuild.readBaseline.eventsPerSecond)}`,
      ratio: rebuild.ratio,
      target: '≥ 100,000 events/s',
      met: rebuild.rebuild.eventsPerSecond >= 100_000,
    });
  }
  if (fold) {
    const raw = `raw SELECT of all rows p50 ${ms(fold.rawRead.p50Ms)}, p99 ${ms(fold.rawRead.p99Ms)}`;
    const limits = [
      ['head', 'head'],
      ['asOfRevision', `as of revision ${fold.asOfRevision}`],
      ['asOfEffective', 'as of a middle effective time'],
    ] as const;
    const temperatures = [
      ['warm', 'warm (one repository)'],
      ['cold', `cold (new repository, from the stored snapshots: ${n(fold.snapshots.count)}, newest ${n(fold.snapshots.headBytes)} B)`],
      ['coldWithoutSnapshots', 'cold, without snapshots (every event folded)'],
    ] as const;
    for (const [temperature, label] of temperatures) {
      for (const [limit, limitLabel] of limits) {
        const summary = fold[temperature][limit];
        rows.push({
          figure: `Fold of ${n(fold.options.events)} events, ${limitLabel}, ${label}`,
          value: `p50 ${ms(summary.p50Ms)}, p99 ${ms(summary.p99Ms)} (${summary.samples} loads)`,
          baseline: raw,
          // Latency: the floor's time over ours, so 1 means "as fast as reading the rows raw".
          ratio: summary.p99Ms > 0 ? round(fold.rawRead.p99Ms / summary.p99Ms, 3) : null,
          // Without snapshots is the comparison, not a way the service loads.
          target: temperature === 'coldWithoutSnapshots' ? '—' : 'p99 ≤ 2 ms',
          met: temperature === 'coldWithoutSnapshots' ? null : summary.p99Ms <= 2,
        });
      }
    }
  }
  if (writes) {
    rows.push({
      figure: 'Peak RSS, server during HTTP revisions (MB)',
      value: n(writes.ledger.serverPeakRssMb),
      baseline: `bare Fastify ${n(writes.bare.serverPeakRssMb)}`,
      ratio: writes.memoryRatio,
      target: '—',
      met: null,
    });
  }
  if (rebuild) {
    rows.push({
      figure: `Peak RSS, rebuild of ${n(rebuild.rebuild.events)} events (MB)`,
      value: `${n(rebuild.rebuild.peakRssMb)} (${n(rebuild.rebuild.loadPeakRssMb)} when the rows were loaded, heap ${n(rebuild.rebuild.loadHeapUsedMb)}; the rest is indexing)`,
      baseline: `read+parse only ${n(rebuild.readBaseline.peakRssMb)}`,
      ratio: rebuild.memoryRatio,
      target: '—',
      met: null,
    });
  }
  return rows;
}

export function printTable(rows: readonly TableRow[]): void {
  const header = ['figure', 'value', 'same-run baseline', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [r.figure, r.value, r.baseline, r.ratio === null ? '—' : String(r.ratio), r.target, r.met === null ? '' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
}

/** Ratios of the rounds, alternated with their baseline, when there were several. */
function byRound(ratios: readonly number[]): string {
  return ratios.length > 1 ? `; ratio by round ${ratios.join(' / ')}` : '';
}
