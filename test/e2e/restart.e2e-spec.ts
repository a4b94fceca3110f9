import { spawn, ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { draftBody } from '../support/fixtures.js';
import { startTestApp, tempDataDir } from '../support/test-app.js';

const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');

/** Starts the built server as a real child process and resolves with its URL once it listens. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, EVENTSTORE_URL: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/[^\s]+)/);
      if (match) resolve({ child, url: match[1] });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
  });
}

async function post(url: string, path: string, body: unknown, actor = 'alice') {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-actor': actor },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('Restarts (e2e)', () => {
  it('keeps every change across a graceful close and reopen of the app', async () => {
    const dataDir = tempDataDir();
    let api = await startTestApp(dataDir);
    const { assessmentId: id } = (await api.request('POST', '/assessments', { body: draftBody() })).body;
    await api.request('POST', `/assessments/${id}/confidence`, {
      body: { confidence: 'high', basis: 'new-information', rationale: 'r', expectedRevision: 0 },
    });
    await api.stop();
    api = await startTestApp(dataDir);
    const read = await api.request('GET', `/assessments/${id}`);
    expect(read.body).toMatchObject({ revision: 1, confidence: 'high' });
    await api.destroy();
  });

  it('after SIGKILL under concurrent load, every acknowledged command is there', async () => {
    const dataDir = tempDataDir();
    const acknowledged = new Map<string, number>();
    try {
      for (let round = 0; round < 3; round++) {
        const { child, url } = await startServer(dataDir);
        const exited = new Promise((r) => child.once('exit', r));
        // Keep drafting and revising until the kill lands; remember what the server acknowledged.
        let killed = false;
        const writers = Array.from({ length: 8 }, async () => {
          while (!killed) {
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
              // connection cut by the kill: this command was never acknowledged
            }
          }
        });
        await new Promise((r) => setTimeout(r, 150 + round * 100));
        child.kill('SIGKILL');
        killed = true;
        await exited;
        await Promise.all(writers);
      }
      expect(acknowledged.size).toBeGreaterThan(10);

      const { child, url } = await startServer(dataDir);
      try {
        for (const [id, revision] of acknowledged) {
          const res = await fetch(`${url}/assessments/${id}`);
          expect(res.status).toBe(200);
          expect(((await res.json()) as { revision: number }).revision).toBeGreaterThanOrEqual(revision);
        }
      } finally {
        child.kill('SIGKILL');
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
