import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { childEnv } from '../support/server-process.js';
import { startTestApp, tempDataDir } from '../support/test-app.js';

const SEED = join(process.cwd(), 'dist', 'scripts', 'seed-demo.js');
const seed = (dataDir: string) => spawnSync(process.execPath, [SEED], { env: childEnv(dataDir), encoding: 'utf8' });

describe('npm run seed:demo (e2e)', () => {
  it('loads the NTA 2023 statements with a history that shows every feature, marked as demo data', async () => {
    const dataDir = tempDataDir();
    const result = seed(dataDir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/seeded 8 demo assessments/);

    const api = await startTestApp(dataDir);
    const list = (await api.request('GET', '/assessments?limit=100&minPosition=1')).body;
    expect(list.total).toBe(8);
    expect(new Set(list.items.map((i: any) => i.status))).toEqual(new Set(['published', 'resolved', 'withdrawn', 'superseded']));
    for (const item of list.items) {
      expect(item.source.document).toMatch(/DEMO DATA/);
      expect(item.createdBy).toMatch(/^demo\./);
      expect(item.effectiveAt).toBe('2023-02-05T00:00:00.000Z');
    }
    const audit = (await api.request('GET', '/audit?limit=500')).body;
    expect(audit.items.every((e: any) => e.rationale.startsWith('[demo]'))).toBe(true);
    const calibration = (await api.request('GET', '/calibration')).body;
    expect(calibration.count).toBe(2);
    const escalation = list.items.find((i: any) => i.statement.startsWith('As long as Russian resources'));
    const detail = (await api.request('GET', `/assessments/${escalation.assessmentId}`)).body;
    expect(detail).toMatchObject({ status: 'resolved', score: { scored: true }, evidence: { summary: { total: 1 } } });
    const history = (await api.request('GET', `/assessments/${escalation.assessmentId}/history`)).body.events;
    expect(history.find((e: any) => e.type === 'LikelihoodChanged').causedBy).toMatchObject({ type: 'IndicatorObserved' });
    await api.stop();

    const again = seed(dataDir);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds events/);
    await api.destroy();
  });
});
