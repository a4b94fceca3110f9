import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Children always run the compiled JavaScript in dist/bench/, whether the
 * caller is itself compiled (npm run bench) or TypeScript loaded by Jest (the
 * smoke test): a forked Node process cannot load the TypeScript sources.
 */
const PROJECT_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('benchmark: cannot find the project root above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
})();

/** Path of a compiled benchmark module, e.g. `lib/http-server.child` → dist/bench/lib/http-server.child.js. */
export function compiledBenchModule(name: string): string {
  const path = join(PROJECT_ROOT, 'dist', 'bench', `${name}.js`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return path;
}

/**
 * Node options for a child. With BENCH_CPU_PROF_DIR set, every child writes a
 * V8 CPU profile there when it exits (open it in Chrome DevTools or speedscope):
 * that is how the hot paths in bench/README.md were found.
 */
function childExecArgv(): string[] {
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  if (!profileDir) return [];
  mkdirSync(profileDir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
}

/** Forks a compiled benchmark module with an IPC channel; all its output goes to this process's stderr. */
export function forkBenchChild(name: string, args: string[] = []): ChildProcess {
  return fork(compiledBenchModule(name), args, {
    // Not the parent's execArgv: under Jest that carries --experimental-vm-modules and friends.
    execArgv: childExecArgv(),
    // Children write to our stderr only: stdout carries the table and JSON the CLIs print.
    stdio: ['ignore', 2, 2, 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface ChildMessage {
  readonly type: string;
  readonly [key: string]: unknown;
}

/**
 * The next message of `type` from a child. Rejects if the child reports an
 * error, exits first, or stays silent past the timeout (so a wedged child
 * fails the benchmark instead of hanging it).
 */
export function nextMessage<T extends { readonly type: string }>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`child ${child.pid}: no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message?.type === type) finish(null, message as T);
      else if (message?.type === 'error') finish(new Error(`child ${child.pid}: ${String(message.stack ?? message.message)}`));
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`child ${child.pid} exited (code ${code}, signal ${signal}) before sending "${type}"`));
    function finish(error: Error | null, message?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Resolves when the child has exited, killing it if it has not done so within the grace period. */
export function childExited(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Sends an error to the parent in the shape nextMessage() understands. */
export function reportChildError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  process.send?.({ type: 'error', message, stack });
}

export interface ChildTaskResult<T> {
  readonly result: T;
  /** Peak resident set size of the child that ran the task. */
  readonly peakRssMb: number;
}

/**
 * Runs `exportName(options)` of a compiled benchmark module in a fresh Node
 * process and returns what it returned, with that process's peak RSS: each
 * figure then comes from a clean heap, and memory is the task's own.
 */
export async function runInChild<T>(moduleName: string, exportName: string, options: unknown, timeoutMs = 15 * 60_000): Promise<ChildTaskResult<T>> {
  const child = forkBenchChild('lib/child-task');
  try {
    child.send({ type: 'run', module: compiledBenchModule(moduleName), exportName, options });
    const done = await nextMessage<{ type: 'result'; result: T; peakRssMb: number }>(child, 'result', timeoutMs);
    return { result: done.result, peakRssMb: done.peakRssMb };
  } finally {
    if (child.connected) child.disconnect();
    await childExited(child);
  }
}
