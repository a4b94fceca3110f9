import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AssessmentCommand } from '../../../src/assessments/domain/assessment-commands.js';
import { ListAssessmentsHandler } from '../../../src/assessments/queries/list-assessments.handler.js';
import { ListAssessmentsQuery } from '../../../src/assessments/queries/list-assessments.query.js';
import { loadConfig } from '../../../src/config/app-config.js';
import type { ProjectionService } from '../../../src/projections/projection.service.js';
import { commandStack, projectionStack } from '../../support/projection-stack.js';

const draft = (assessmentId: string, statement: string, rationale = 'r'): AssessmentCommand => ({
  type: 'DraftAssessment',
  data: {
    assessmentId,
    statement,
    likelihood: { scale: 'nta', term: 'unlikely' },
    confidence: 'moderate',
    horizon: { term: 'short-term' },
    subject: { actors: [], regions: ['Moldova'], topics: [] },
    rationale,
  },
});

/** A read-model file holding one drafted assessment, projected as the service does. */
async function readModelsWith(file: string, statement: string) {
  const { store, executor } = commandStack();
  const id = randomUUID();
  await executor.execute(id, draft(id, statement), { actor: 'alice', correlationId: randomUUID() }, 'no_stream');
  const projection = projectionStack(store, file);
  await projection.runner.catchUp();
  return { store, projection };
}

describe('ListAssessmentsHandler, with its answer cache off', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-list-handler-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a swapped-in file’s versions, not the views kept from the file before (whose version ids it reuses)', async () => {
    const live = await readModelsWith(join(dir, 'live.sqlite'), 'The first file’s statement.');
    const other = await readModelsWith(join(dir, 'other.sqlite'), 'The second file’s statement.');
    other.projection.db.closeForMove();
    const projections = { waitFor: async () => undefined, position: 0n } as unknown as ProjectionService;
    const handler = new ListAssessmentsHandler(live.projection.db, projections, { ...loadConfig({}), listCacheEntries: 0 });
    const query = new ListAssessmentsQuery({}, {}, { key: 'updatedAt', descending: true }, { limit: 10 });

    expect((await handler.execute(query)).items.map((item) => item.statement)).toEqual(['The first file’s statement.']);
    live.projection.db.swapIn(join(dir, 'other.sqlite'));
    expect((await handler.execute(query)).items.map((item) => item.statement)).toEqual(['The second file’s statement.']);
    live.projection.db.close();
    await live.store.close();
    await other.store.close();
  });

  it('a common search reuses its hits between pages, and reads them again once the read models moved', async () => {
    // Enough hits (statements and rationales) that the search is not "rare" and goes through the temporary tables.
    const { store, executor } = commandStack();
    const projection = projectionStack(store, join(dir, 'common-search.sqlite'));
    const draftWith = async (i: number) => {
      const id = randomUUID();
      await executor.execute(id, draft(id, `Escalation case ${i}.`, 'Escalation seen.'), { actor: 'alice', correlationId: randomUUID() }, 'no_stream');
    };
    for (let i = 0; i < 2600; i++) await draftWith(i);
    await projection.runner.catchUp();
    let position = 1n;
    const projections = { waitFor: async () => undefined, get position() { return position; } } as unknown as ProjectionService;
    const handler = new ListAssessmentsHandler(projection.db, projections, { ...loadConfig({}), listCacheEntries: 0 });
    const search = (cursor?: string) => handler.execute(new ListAssessmentsQuery({ text: 'escalation' }, {}, { key: 'createdAt', descending: false }, { limit: 1000, cursor }));

    const first = await search();
    const second = await search(first.nextCursor!);
    const third = await search(second.nextCursor!);
    expect(first.total).toBe(2600);
    expect(new Set([...first.items, ...second.items, ...third.items].map((item) => item.assessmentId)).size).toBe(2600);

    await draftWith(2600);
    await projection.runner.catchUp();
    position = 2n;
    expect((await search()).total).toBe(2601);
    projection.db.close();
    await store.close();
  }, 60_000);
});
