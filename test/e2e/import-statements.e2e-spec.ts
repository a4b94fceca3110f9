import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript } from '../support/server-process.js';
import { startTestApp, tempDataDir } from '../support/test-app.js';

const ESCALATION =
  'As long as Russian resources are primarily directed at the war against Ukraine, active escalation of these conflicts ' +
  'and increased military pressure on post-Soviet countries are unlikely in the short term.';
const TIES = 'Russia expects closer economic ties with the CIS countries in the short term.';

/** Judgments of the NTA 2023 excerpt, two of them written wrongly on purpose; one entry per line group. */
const FILE = `[
  {
    "statement": ${JSON.stringify(ESCALATION)},
    "scale": "nta", "term": "unlikely", "confidence": "moderate",
    "horizon": "short-term", "effectiveAt": "2023-02-05T00:00:00Z",
    "source": { "document": "National Threat Assessment 2023", "section": "Post-Soviet region" }
  },
  {
    "statement": "The regime of Alyaksandr Lukashenka is dependent on Russia.",
    "scale": "nta", "term": "very-likely", "confidence": "high",
    "horizon": "medium-term", "effectiveAt": "2023-02-05T00:00:00Z", "source": "National Threat Assessment 2023"
  },
  {
    "statement": ${JSON.stringify(TIES)},
    "scale": "nta", "term": "likely", "confidence": "moderate",
    "horizon": { "start": "2023-02-05T00:00:00Z", "end": "2023-08-05T00:00:00Z" },
    "effectiveAt": "2023-02-05T00:00:00Z", "source": "National Threat Assessment 2023"
  },
  { "statement": "Russia supports pro-Kremlin parties in Moldova, Georgia and Armenia.", "scale": "nta", "term": "likely",
    "confidence": "certain", "horizon": "near-term", "source": "National Threat Assessment 2023" },
  { "statement": "Unrecognised field.", "scale": "nta", "term": "likely", "confidence": "low", "horizon": "near-term", "author": "someone" }
]
`;

describe('npm run import:statements (e2e)', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, 'nta-2023.json');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('drafts the valid entries through the command path and reports each rejected one with its line, reason and field', async () => {
    writeFileSync(file, FILE);
    const result = runScript('import-statements.js', dataDir, [file, '--actor', 'nta.importer']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = result.stdout.trim().split('\n');
    expect(report).toEqual([
      expect.stringMatching(/^entry 1 \(line 2\): drafted [0-9a-f-]{36}$/),
      'entry 2 (line 8): rejected: likelihood.term must be one of unlikely, possible, likely, highly-likely for scale nta [field likelihood.term]',
      expect.stringMatching(/^entry 3 \(line 13\): drafted [0-9a-f-]{36}$/),
      'entry 4 (line 19): rejected: confidence must be one of low, moderate, high [field confidence]',
      'entry 5 (line 21): rejected: unknown field author [field author]',
      expect.stringMatching(/^2 drafted, 0 already imported, 3 rejected of 5 entries in .* \(actor nta\.importer, correlation [0-9a-f-]{36}\)$/),
    ]);

    const api = await startTestApp(dataDir);
    const list = await api.request('GET', '/assessments?minPosition=2&sort=createdAt');
    expect(list.body.items.map((item: { statement: string }) => item.statement)).toEqual([ESCALATION, TIES]);
    const [escalation, ties] = list.body.items;
    expect(escalation).toEqual(
      expect.objectContaining({
        status: 'draft',
        createdBy: 'nta.importer',
        likelihood: { scale: 'nta', term: 'unlikely', probability: { low: 0, high: 0.25 } },
        confidence: 'moderate',
        horizon: { term: 'short-term', start: '2023-02-05T00:00:00.000Z', end: '2023-08-05T00:00:00.000Z' },
        source: { document: 'National Threat Assessment 2023', section: 'Post-Soviet region' },
        effectiveAt: '2023-02-05T00:00:00.000Z',
      }),
    );
    expect(ties.source).toEqual({ document: 'National Threat Assessment 2023', section: null });
    expect(ties.horizon).toEqual({ term: null, start: '2023-02-05T00:00:00.000Z', end: '2023-08-05T00:00:00.000Z' });
    // One run, one correlation id, and the rationale says where the judgment came from.
    const histories = await Promise.all(list.body.items.map((item: { assessmentId: string }) => api.request('GET', `/assessments/${item.assessmentId}/history`)));
    const events = histories.map((history) => history.body.events[0]);
    expect(new Set(events.map((event) => event.correlationId)).size).toBe(1);
    expect(events[0]).toEqual(expect.objectContaining({ actor: 'nta.importer', rationale: 'Imported from nta-2023.json.' }));
    await api.stop();
  });

  it('drafts nothing twice when the same file is imported again', () => {
    const result = runScript('import-statements.js', dataDir, [file, '--actor', 'nta.importer']);
    expect(result.stdout).toMatch(/^entry 1 \(line 2\): already imported as [0-9a-f-]{36}$/m);
    expect(result.stdout).toMatch(/^entry 3 \(line 13\): already imported as [0-9a-f-]{36}$/m);
    expect(result.stdout).toMatch(/0 drafted, 2 already imported, 3 rejected of 5 entries/);
  });

  it('exits 0 when every entry is drafted, and refuses a file that is not a list', () => {
    const target = tempDataDir();
    const valid = join(target, 'valid.json');
    writeFileSync(valid, JSON.stringify([{ statement: TIES, scale: 'nta', term: 'likely', confidence: 'moderate', horizon: 'short-term' }]));
    const ok = runScript('import-statements.js', target, [valid]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/1 drafted, 0 already imported, 0 rejected of 1 entries/);

    const notList = join(target, 'object.json');
    writeFileSync(notList, JSON.stringify({ statement: TIES }));
    const refused = runScript('import-statements.js', target, [notList]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/must be a JSON list of statements/);
    rmSync(target, { recursive: true, force: true });
  });
});
