import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { draftBody } from './fixtures.js';
import { TEST_JWT_SECRET, tokenFor } from './test-app.js';

const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');

/** Environment of a child service or tool on `dataDir`, never picking up a developer's KurrentDB. */
export function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    EVENTSTORE_URL: '',
    JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '10000000',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'log',
    ...extra,
  };
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process printed so far. */
  output(): string;
  exited: Promise<number | null>;
}

/** Starts the built server as a real child process (with settings in `env`) and resolves once it listens. */
export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: childEnv(dataDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let listening = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/[^\s]+)/);
      if (match && !listening) {
        listening = true;
        resolve({ child, url: match[1], output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      if (!listening) reject(new Error(`server exited early (${code}): ${output}`));
    });
  });
}

/** Runs one of the built scripts (verify, rebuild, export, …) on `dataDir`, with its arguments. */
export function runScript(script: string, dataDir: string, args: string[] = []) {
  return spawnSync(process.execPath, [join(process.cwd(), 'dist', 'scripts', script), ...args], { env: childEnv(dataDir), encoding: 'utf8' });
}

export async function post(url: string, path: string, body: unknown, actor = 'alice') {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(actor)}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

export async function get(url: string, path: string) {
  const res = await fetch(url + path, { headers: { authorization: `Bearer ${tokenFor('auditor')}` } });
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * Keeps `writers` loops drafting and revising until `stop()`, remembering
 * for each assessment the highest revision the server acknowledged.
 */
export function writeLoad(url: string, writers: number) {
  const acknowledged = new Map<string, number>();
  let stopped = false;
  const loops = Array.from({ length: writers }, async () => {
    while (!stopped) {
      try {
        const draft = await post(url, '/assessments', draftBody());
        if (draft.status !== 201) continue;
        acknowledged.set(draft.body.assessmentId, 0);
        const change = await post(url, `/assessments/${draft.body.assessmentId}/likelihood`, {
          likelihood: { probability: 0.1 },
          basis: 'new-information',
          rationale: 'r',
          expectedRevision: 0,
        });
        if (change.status === 200) acknowledged.set(draft.body.assessmentId, 1);
      } catch {
        // connection cut by a kill or a shutdown: that command was never acknowledged
      }
    }
  });
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
