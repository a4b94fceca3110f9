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

const draft = (assessmentId: string, statement: string): AssessmentCommand => ({
  type: 'DraftAssessment',
  data: {
    assessmentId,
    statement,
    likelihood: { scale: 'nta', term: 'unlikely' },
    confidence: 'moderate',
    horizon: { term: 'short-term' },
    subject: { actors: [], regions: ['Moldova'], topics: [] },
    rationale: 'r',
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
});
