/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or BENCH_CPU_PROF_DIR for
 * the benchmark children): time by part of the service, and the functions
 * with the most self time — what bench/README.md quotes as "where the time goes".
 *   node dist/bench/lib/cpu-profile-summary.js <file.cpuprofile> [top=15] [inclusive-filter]
 * With a third argument (a regular expression on "name file:line"), it also
 * prints the inclusive time (the function and all it calls) of the matching
 * functions: what a guard, a hook or a handler costs as a whole.
 */
import { readFileSync } from 'node:fs';
import { isMain } from './cli.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface HotFunction {
  readonly name: string;
  readonly where: string;
  readonly selfMs: number;
  readonly selfShare: number;
}

/** A frame's place, shortened to what follows node_modules/ or dist/. */
function whereOf(frame: ProfileNode['callFrame']): string {
  return frame.url ? `${frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}` : '(native)';
}

export function hottestFunctions(profile: CpuProfile, top = 15): HotFunction[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<string, { name: string; where: string; micros: number }>();
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const node = byNode.get(nodeId);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    total += delta;
    const frame = node.callFrame;
    const where = whereOf(frame);
    const key = `${frame.functionName}@${where}`;
    const entry = selfMicros.get(key) ?? { name: frame.functionName || '(anonymous)', where, micros: 0 };
    entry.micros += delta;
    selfMicros.set(key, entry);
  });
  return ranked(selfMicros.values(), total, top);
}

/** Time in each function and everything below it on the stack, for the functions whose "name where" matches `filter`. */
export function inclusiveTimes(profile: CpuProfile, filter: RegExp, top = 30): HotFunction[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const micros = new Map<string, { name: string; where: string; micros: number }>();
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const seen = new Set<string>();
    for (let cursor: number | undefined = nodeId; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byNode.get(cursor)!.callFrame;
      const where = whereOf(frame);
      const name = frame.functionName || '(anonymous)';
      const key = `${name} ${where}`;
      // A recursive function counts once per sample.
      if (seen.has(key) || !filter.test(key)) continue;
      seen.add(key);
      const entry = micros.get(key) ?? { name, where, micros: 0 };
      entry.micros += delta;
      micros.set(key, entry);
    }
  });
  return ranked(micros.values(), total, top);
}

/** The `top` entries with the most time, in ms and as a share of `total` (both in µs). */
function ranked(entries: Iterable<{ name: string; where: string; micros: number }>, total: number, top: number): HotFunction[] {
  return [...entries]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, top)
    .map((e) => ({ name: e.name, where: e.where, selfMs: Math.round(e.micros / 1000), selfShare: Math.round((e.micros / total) * 1000) / 10 }));
}

/**
 * Parts of the service, highest priority first. A sample counts for the
 * first part any frame of its stack belongs to: the projection runner and
 * the group commit run from timers, outside any request; a request's time
 * goes to loading, deciding, validating or else to the HTTP stack.
 */
export const SERVICE_PARTS: readonly { readonly part: string; readonly matches: (frame: ProfileNode['callFrame']) => boolean }[] = [
  { part: 'garbage collection', matches: (f) => f.functionName === '(garbage collector)' },
  { part: 'idle', matches: (f) => f.functionName === '(idle)' },
  // Not read-model-database: queries read through it too (the projector's own calls have it below them on the stack).
  { part: 'projection (read models)', matches: (f) => /projection-runner|read-model\.projector/.test(f.url) },
  {
    part: 'append (group commit incl. fsync)',
    matches: (f) => /sqlite-event-store/.test(f.url) && ['flush', 'commitBatch', 'appendOne', 'findDuplicate'].some((name) => f.functionName.includes(name)),
  },
  { part: 'list query (read-model SQL, rows to views)', matches: (f) => /list-assessments\.handler|assessment-version\.row|assessment-list\.sql/.test(f.url) },
  { part: 'load (read stream + fold)', matches: (f) => /assessment\.repository/.test(f.url) },
  { part: 'state to view (GET one)', matches: (f) => /get-assessment\.handler|queries\/assessment\.view/.test(f.url) },
  { part: 'decide + build events', matches: (f) => /assessment-command\.executor|domain\/decide/.test(f.url) },
  { part: 'validation (class-validator/-transformer)', matches: (f) => /class-validator|class-transformer|validation\.pipe|request-validation\.pipe/.test(f.url) },
  { part: 'HTTP (Node, Fastify, Nest)', matches: (f) => /node:_http|node:net|fastify|@nestjs|node_modules\/(find-my-way|avvio|light-my-request|secure-json-parse)/.test(f.url) },
  { part: 'module loading (start-up)', matches: (f) => /node:internal\/modules/.test(f.url) },
];

export function timeByPart(profile: CpuProfile, parts = SERVICE_PARTS): { part: string; ms: number; share: number }[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const partOfNode = new Map<number, number>();
  const partOf = (id: number): number => {
    const known = partOfNode.get(id);
    if (known !== undefined) return known;
    let best = parts.length; // "other"
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byNode.get(cursor)!.callFrame;
      const index = parts.findIndex((p) => p.matches(frame));
      if (index !== -1 && index < best) best = index;
    }
    partOfNode.set(id, best);
    return best;
  };
  const micros = new Array<number>(parts.length + 1).fill(0);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    micros[partOf(id)] += delta;
    total += delta;
  });
  return [...parts.map((p) => p.part), 'other']
    .map((part, i) => ({ part, ms: Math.round(micros[i] / 1000), share: Math.round((micros[i] / total) * 1000) / 10 }))
    .sort((a, b) => b.ms - a.ms);
}

if (isMain(import.meta.url)) {
  const [file, top, inclusive] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log('time by part of the service:');
  for (const part of timeByPart(profile)) console.log(`${String(part.share).padStart(5)}%  ${String(part.ms).padStart(7)} ms  ${part.part}`);
  console.log('\nfunctions with the most self time:');
  for (const hot of hottestFunctions(profile, Number(top ?? 15))) {
    console.log(`${String(hot.selfShare).padStart(5)}%  ${String(hot.selfMs).padStart(7)} ms  ${hot.name}  ${hot.where}`);
  }
  if (inclusive) {
    console.log(`\ninclusive time of the functions matching /${inclusive}/:`);
    for (const fn of inclusiveTimes(profile, new RegExp(inclusive), Number(top ?? 15))) {
      console.log(`${String(fn.selfShare).padStart(5)}%  ${String(fn.selfMs).padStart(7)} ms  ${fn.name}  ${fn.where}`);
    }
  }
}
