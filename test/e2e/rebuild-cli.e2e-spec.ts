import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { lockDataDir } from '../../src/common/data-dir-lock.js';
import { draftBody } from '../support/fixtures.js';
import { childEnv } from '../support/server-process.js';
import { startTestApp, tempDataDir } from '../support/test-app.js';

const CLI = join(process.cwd(), 'dist', 'scripts', 'rebuild-projections.js');
const runCli = (dataDir: string) =>
  spawnSync(process.execPath, [CLI], { env: childEnv(dataDir), encoding: 'utf8' });

describe('npm run projections:rebuild (e2e)', () => {
  it('rebuilds the read models of a stopped service, and they answer as before', async () => {
    const dataDir = tempDataDir();
    let api = await startTestApp(dataDir);
    const created = (await api.request('POST', '/assessments', { body: draftBody() })).body;
    await api.request('POST', `/assessments/${created.assessmentId}/confidence`, {
      body: { confidence: 'high', basis: 'new-information', rationale: 'r', expectedRevision: 0 },
    });
    const before = (await api.request('GET', '/assessments?minPosition=2')).body;
    await api.stop();

    const result = runCli(dataDir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/rebuilt 2 events up to position 2/);

    api = await startTestApp(dataDir);
    expect((await api.request('GET', '/assessments?minPosition=2')).body).toEqual(before);
    await api.destroy();
  });

  it('refuses while a service holds the same data directory, and rebuilds once it is free', () => {
    const dataDir = tempDataDir();
    const lock = lockDataDir(dataDir);
    try {
      const result = runCli(dataDir);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/in use by another process .* POST .*\/admin\/projections\/rebuild/s);
    } finally {
      lock.release();
    }
    expect(runCli(dataDir).status).toBe(0);
  });
});
