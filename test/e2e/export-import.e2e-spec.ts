import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from '../../src/common/data-dir-lock.js';
import { draftBody } from '../support/fixtures.js';
import { runScript } from '../support/server-process.js';
import { startTestApp, tempDataDir } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const ESCALATION =
  'As long as Russian resources are primarily directed at the war against Ukraine, active escalation of these conflicts ' +
  'and increased military pressure on post-Soviet countries are unlikely in the short term.';

/** Two assessments with a history: changes by two people, a publication, evidence, and an idempotency record. */
async function writeHistory(api: TestApp): Promise<{ escalation: string; ties: string; position: string }> {
  const escalation = (await api.request('POST', '/assessments', { body: draftBody({ statement: ESCALATION }), headers: { 'idempotency-key': 'nta-2023-escalation' } })).body;
  const ties = (
    await api.request('POST', '/assessments', {
      body: draftBody({ statement: 'Russia expects closer economic ties with the CIS countries in the short term.', likelihood: { scale: 'nta', term: 'likely' } }),
    })
  ).body;
  const change = { likelihood: { scale: 'icd203', term: 'very-unlikely' }, basis: 'new-information', rationale: 'Further units withdrawn from Transnistria to Ukraine.', expectedRevision: 0, effectiveAt: '2023-03-01T00:00:00Z' };
  expect((await api.request('POST', `/assessments/${escalation.assessmentId}/likelihood`, { body: change })).status).toBe(200);
  const evidence = { title: 'Units redeployed towards Ukraine', source: 'Open-source reporting', reliability: 'B', credibility: 3, bearing: 'supports', rationale: 'Forces that could escalate are committed elsewhere.', expectedRevision: 1 };
  expect((await api.request('POST', `/assessments/${escalation.assessmentId}/evidence`, { body: evidence })).status).toBe(201);
  const published = await api.request('POST', `/assessments/${escalation.assessmentId}/publish`, { actor: 'bob', body: { rationale: 'Checked against the sources.', expectedRevision: 2 } });
  expect(published.status).toBe(200);
  return { escalation: escalation.assessmentId, ties: ties.assessmentId, position: published.body.position };
}

describe('npm run export / npm run import (e2e)', () => {
  const work = tempDataDir();
  const exported = join(work, 'ledger.ndjson');
  let source: { escalation: string; ties: string; position: string };
  const before: Record<string, unknown> = {};

  beforeAll(async () => {
    const api = await startTestApp(join(work, 'original'));
    source = await writeHistory(api);
    before.assessment = (await api.request('GET', `/assessments/${source.escalation}`)).body;
    before.history = (await api.request('GET', `/assessments/${source.escalation}/history`)).body;
    before.list = (await api.request('GET', `/assessments?minPosition=${source.position}`)).body;
    await api.stop();
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exports every event, hashes included, as NDJSON', () => {
    const result = runScript('export-ledger.js', join(work, 'original'), [exported]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/exported 6 events up to position 6/);
    const events = readFileSync(exported, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(events.map((e) => e.position)).toEqual(['1', '2', '3', '4', '5', '6']);
    const drafted = events.find((e) => e.type === 'AssessmentDrafted' && e.data.statement === ESCALATION);
    expect(Object.keys(drafted).sort()).toEqual(['data', 'id', 'metadata', 'position', 'revision', 'stream', 'type']);
    expect(drafted).toEqual(
      expect.objectContaining({
        stream: `assessment-${source.escalation}`,
        revision: 0,
        metadata: expect.objectContaining({ actor: 'alice', prevHash: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      }),
    );
    expect(events.some((e) => e.stream.startsWith('idempotency-') && e.type === 'CommandAnswered')).toBe(true);
    expect(existsSync(`${exported}.partial`)).toBe(false);
  });

  it('refuses to overwrite an existing file', () => {
    const again = runScript('export-ledger.js', join(work, 'original'), [exported]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('restores it into an empty data directory: the chains verify and the API answers as before', async () => {
    const restoredDir = join(work, 'restored');
    const imported = runScript('import-ledger.js', restoredDir, [exported]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/6 events in 3 streams, 2 hash chains verified/);
    expect(imported.stdout).toMatch(/imported 6 events into .*, positions unchanged; read models at position 6/);

    const verified = runScript('verify-ledger.js', restoredDir);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/ledger verified: 2 streams, 5 events, 0 broken/);

    const api = await startTestApp(restoredDir);
    expect((await api.request('GET', `/assessments/${source.escalation}`)).body).toEqual(before.assessment);
    expect((await api.request('GET', `/assessments/${source.escalation}/history`)).body).toEqual(before.history);
    expect((await api.request('GET', `/assessments?minPosition=${source.position}`)).body).toEqual(before.list);
    // The idempotency record came along: a retry of the first draft is still recognised.
    const retry = await api.request('POST', '/assessments', { body: draftBody({ statement: ESCALATION }), headers: { 'idempotency-key': 'nta-2023-escalation' } });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.assessmentId).toBe(source.escalation);
    await api.destroy();
  });

  it('refuses a data directory that already holds events', () => {
    const result = runScript('import-ledger.js', join(work, 'original'), [exported]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/already holds events; import restores into an empty ledger only/);
  });

  it('refuses while a service holds the data directory', () => {
    const running = join(work, 'running');
    mkdirSync(running);
    // Given: this process holds the directory, as a running service does.
    const lock = lockDataDir(running);
    try {
      const result = runScript('import-ledger.js', running, [exported]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`${running} is in use by another process (pid ${process.pid})`);
    } finally {
      lock.release();
    }
    expect(existsSync(join(running, 'events.sqlite'))).toBe(false);
  });

  describe('refuses a damaged file, naming the line, and writes nothing', () => {
    const lines = () => readFileSync(exported, 'utf8').trim().split('\n');
    const escalationLine = (revision: number) =>
      lines().findIndex((line) => {
        const event = JSON.parse(line);
        return event.stream === `assessment-${source.escalation}` && event.revision === revision;
      });

    const damaged: [string, () => string[], RegExp][] = [
      [
        'a rationale edited',
        () => lines().map((line, i) => (i === escalationLine(1) ? line.replace('Further units withdrawn', 'Further units returned') : line)),
        /its hash does not match its content/,
      ],
      ['an event removed', () => lines().filter((_, i) => i !== escalationLine(1)), /revision 2 where 1 was expected/],
      [
        'two events swapped',
        () => {
          const all = lines();
          const [a, b] = [escalationLine(1), escalationLine(2)];
          [all[a], all[b]] = [all[b], all[a]];
          return all;
        },
        /does not follow|where \d was expected/,
      ],
      ['a line that is not JSON', () => lines().map((line, i) => (i === 3 ? line.slice(0, 40) : line)), /not JSON/],
    ];

    it.each(damaged)('%s', (name, edit, reason) => {
      const edited = edit();
      const file = join(work, `${name.replace(/\W+/g, '-')}.ndjson`);
      writeFileSync(file, edited.join('\n') + '\n');
      const badLine = edited.findIndex((line, i) => line !== lines()[i]) + 1;
      const target = tempDataDir();
      const result = runScript('import-ledger.js', target, [file]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`line ${badLine}: `));
      expect(result.stderr).toMatch(reason);
      expect(result.stderr).toMatch(/nothing was imported/);
      // Nothing was written: the target is still an empty ledger.
      expect(runScript('verify-ledger.js', target).stdout).toMatch(/0 streams, 0 events/);
      rmSync(target, { recursive: true, force: true });
    });
  });
});
