import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '../../../src/assessments/application/command-metadata.js';
import type { AssessmentCommand } from '../../../src/assessments/domain/assessment-commands.js';
import { SNAPSHOT_EVERY } from '../../../src/assessments/application/assessment-snapshots.js';
import { AssessmentRepository } from '../../../src/assessments/application/assessment.repository.js';
import { OPEN_END } from '../../../src/assessments/projections/assessment-read-model.schema.js';
import { ReadModelAssessmentSnapshots } from '../../../src/assessments/projections/read-model-assessment-snapshots.js';
import { draftCommand } from '../../support/fixtures.js';
import { commandStack, projectionStack } from '../../support/projection-stack.js';

const meta = (actor = 'alice', effectiveAt?: string): CommandMetadata => ({ actor, correlationId: randomUUID(), effectiveAt });

describe('AssessmentReadModelProjector', () => {
  const setup = () => {
    const commands = commandStack();
    const projection = projectionStack(commands.store);
    const id = randomUUID();
    let revision = -1;
    const run = async (command: AssessmentCommand, m: CommandMetadata = meta()) => {
      const result = await commands.executor.execute(id, command, m, revision < 0 ? 'no_stream' : revision);
      revision = result.revision;
      await projection.runner.catchUp();
      return result;
    };
    const one = <T>(sql: string, ...params: unknown[]) => projection.db.db.prepare(sql).get(...params) as T;
    const all = <T>(sql: string, ...params: unknown[]) => projection.db.db.prepare(sql).all(...params) as T[];
    return { id, run, one, all, ...projection };
  };

  it('AssessmentDrafted: key, wording, subject terms, an open current version and an audit entry', async () => {
    const t = setup();
    await t.run(draftCommand(t.id), meta('alice', '2023-02-05T00:00:00Z'));
    const version = t.one<Record<string, unknown>>('SELECT * FROM assessment_versions');
    expect(version).toMatchObject({
      revision: 0,
      status: 'draft',
      scale: 'nta',
      term: 'unlikely',
      p_low: 0,
      p_high: 0.25,
      p_mid: 0.125,
      confidence: 'moderate',
      horizon_term: 'short-term',
      horizon_end: Date.parse('2023-08-05T00:00:00Z'),
      eff_from: Date.parse('2023-02-05T00:00:00Z'),
      eff_to: OPEN_END,
      rec_to: OPEN_END,
      is_current: 1,
      updated_by: 'alice',
    });
    expect(t.one('SELECT created_by, first_effective_at, source_document FROM assessment_keys')).toEqual({
      created_by: 'alice',
      first_effective_at: Date.parse('2023-02-05T00:00:00Z'),
      source_document: 'National Threat Assessment 2023',
    });
    expect(t.all('SELECT kind, value FROM assessment_subject_terms ORDER BY kind, value')).toEqual([
      { kind: 'actor', value: 'Russia' },
      { kind: 'region', value: 'Georgia' },
      { kind: 'region', value: 'Moldova' },
      { kind: 'topic', value: 'military pressure' },
    ]);
    expect(t.one('SELECT event_type, updated_by, rationale, basis FROM assessment_versions')).toEqual({
      event_type: 'AssessmentDrafted',
      updated_by: 'alice',
      rationale: 'Russian resources are tied up in the war against Ukraine.',
      basis: null,
    });
    expect(t.all("SELECT rowid FROM statement_search WHERE statement_search MATCH 'escalation'")).toHaveLength(1);
    expect(t.all("SELECT rowid FROM rationale_search WHERE rationale_search MATCH 'ukraine'")).toHaveLength(1);
  });

  it('each change closes the previous version on both time axes and opens a new one', async () => {
    const t = setup();
    await t.run(draftCommand(t.id), meta('alice', '2023-02-05T00:00:00Z'));
    await t.run(
      { type: 'ChangeLikelihood', data: { likelihood: { probability: 0.1 }, basis: 'new-information', rationale: 'Redeployed.' } },
      meta('alice', '2023-03-01T00:00:00Z'),
    );
    const versions = t.all<Record<string, number | string>>('SELECT revision, eff_from, eff_to, rec_from, rec_to, is_current, p_mid FROM assessment_versions ORDER BY revision');
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatchObject({ eff_to: Date.parse('2023-03-01T00:00:00Z'), is_current: 0 });
    expect(versions[0].rec_to).toBe(versions[1].rec_from);
    expect(versions[1]).toMatchObject({ eff_from: Date.parse('2023-03-01T00:00:00Z'), eff_to: OPEN_END, is_current: 1, p_mid: 0.1 });
    expect(t.one('SELECT basis, event_type FROM assessment_versions WHERE revision = 1')).toEqual({ basis: 'new-information', event_type: 'LikelihoodChanged' });
  });

  it.each([
    ['StatementReworded', { type: 'RewordStatement', data: { statement: 'Escalation is very unlikely.', rationale: 'r' } }, 'SELECT count(*) AS n FROM assessment_statements', 2],
    ['SubjectChanged', { type: 'ChangeSubject', data: { subject: { actors: [], regions: ['Armenia'], topics: [] }, rationale: 'r' } }, 'SELECT count(*) AS n FROM assessment_subjects', 2],
    ['ConfidenceChanged', { type: 'ChangeConfidence', data: { confidence: 'high', basis: 'new-reasoning', rationale: 'r' } }, "SELECT count(*) AS n FROM assessment_versions WHERE confidence = 'high' AND is_current = 1", 1],
    ['HorizonChanged', { type: 'ChangeHorizon', data: { horizon: { term: 'near-term', start: '2026-01-01' }, rationale: 'r' } }, "SELECT count(*) AS n FROM assessment_versions WHERE horizon_term = 'near-term' AND is_current = 1", 1],
    ['AssessmentWithdrawn', { type: 'WithdrawAssessment', data: { rationale: 'r' } }, "SELECT count(*) AS n FROM assessment_versions WHERE status = 'withdrawn' AND is_current = 1", 1],
  ] as [string, AssessmentCommand, string, number][])('%s updates its rows', async (_type, command, sql, expected) => {
    const t = setup();
    await t.run(draftCommand(t.id));
    await t.run(command);
    expect(t.one<{ n: number }>(sql).n).toBe(expected);
    expect(t.one<{ n: number }>('SELECT count(*) AS n FROM assessment_versions WHERE is_current = 1').n).toBe(1);
    expect(t.one<{ n: number }>('SELECT count(*) AS n FROM assessment_versions').n).toBe(2);
  });

  it('AssessmentPublished and AssessmentSuperseded record who published and the successor', async () => {
    const t = setup();
    await t.run(draftCommand(t.id));
    await t.run({ type: 'PublishAssessment', data: { rationale: 'ok' } }, meta('bob'));
    const successor = randomUUID();
    await t.run({ type: 'SupersedeAssessment', data: { supersededBy: successor, rationale: 'new edition' } });
    expect(t.one('SELECT status, published_revision, published_by, superseded_by FROM assessment_versions WHERE is_current = 1')).toEqual({
      status: 'superseded',
      published_revision: 1,
      published_by: 'bob',
      superseded_by: successor,
    });
  });

  it('readers’ versions of a published assessment missing after a restart: it stops and asks for a rebuild rather than guess what was published', async () => {
    const t = setup();
    await t.run(draftCommand(t.id));
    await t.run({ type: 'PublishAssessment', data: { rationale: 'ok' } }, meta('bob'));
    await t.run({ type: 'RewordStatement', data: { statement: 'An unpublished wording.', rationale: 'r' } });
    // As a file an older version projected into would be: no readers' versions at all.
    t.db.db.exec('DELETE FROM assessment_public_versions');
    t.projector.reset();
    await expect(t.run({ type: 'WithdrawAssessment', data: { rationale: 'r' } })).rejects.toThrow(/rebuild the read models/);
    expect(t.all('SELECT statement_id FROM assessment_public_versions')).toEqual([]);
  });

  it('after a restart (nothing in memory), folds the assessment from the store and carries on', async () => {
    const t = setup();
    await t.run(draftCommand(t.id));
    await t.run({ type: 'ChangeConfidence', data: { confidence: 'high', basis: 'new-reasoning', rationale: 'r' } });
    t.projector.reset();
    await t.run({ type: 'ChangeConfidence', data: { confidence: 'low', basis: 'correction', rationale: 'r' } });
    expect(t.one('SELECT revision, confidence, statement_id FROM assessment_versions WHERE is_current = 1')).toEqual({
      revision: 2,
      confidence: 'low',
      statement_id: 1,
    });
  });
  it('an event type this version does not know still counts: versions and snapshots keep the stream’s revisions', async () => {
    const commands = commandStack();
    const projection = projectionStack(commands.store);
    const id = randomUUID();
    await commands.executor.execute(id, draftCommand(id), meta(), 'no_stream');
    const at = new Date().toISOString();
    await commands.store.appendToStream(
      `assessment-${id}`,
      [{ id: randomUUID(), type: 'WrittenByANewerVersion', data: {}, metadata: { actor: 'bob', recordedAt: at, effectiveAt: at } }],
      { expectedRevision: 0 },
    );
    // Up to the first snapshot's revision, the unknown event among them.
    for (let revision = 1; revision < SNAPSHOT_EVERY - 1; revision++) {
      const confidence = revision % 2 ? 'high' : 'low';
      const change: AssessmentCommand = { type: 'ChangeConfidence', data: { confidence, basis: 'new-information', rationale: 'r' } };
      expect((await commands.executor.execute(id, change, meta(), revision)).revision).toBe(revision + 1);
    }
    await projection.runner.catchUp();
    const versions = projection.db.db.prepare('SELECT revision FROM assessment_versions ORDER BY id').pluck().all();
    expect(versions.slice(0, 3)).toEqual([0, 2, 3]);
    expect(projection.runner.status().skipped).toEqual({ WrittenByANewerVersion: 1 });
    const snapshots = new ReadModelAssessmentSnapshots(projection.db);
    expect(snapshots.latestWithin(id, { kind: 'head' })?.state.revision).toBe(SNAPSHOT_EVERY - 1);
    const fromSnapshot = await new AssessmentRepository(commands.store, snapshots).load(id);
    expect(fromSnapshot).toEqual(await new AssessmentRepository(commands.store).load(id));
  });
  it('ClassificationChanged: the assessment’s marking and its new current version’s agree (current lists filter on the version’s alone)', async () => {
    const t = setup();
    await t.run(draftCommand(t.id));
    await t.run({ type: 'ChangeClassification', data: { classification: 'CONFIDENTIAL', rationale: 'Sources now sensitive.' } });
    await t.run({ type: 'ChangeConfidence', data: { confidence: 'high', basis: 'new-information', rationale: 'r' } });
    expect(t.one('SELECT classification FROM assessment_keys')).toEqual({ classification: 'CONFIDENTIAL' });
    expect(t.all('SELECT revision, classification, is_current FROM assessment_versions ORDER BY id')).toEqual([
      { revision: 0, classification: 'UNCLASSIFIED', is_current: 0 },
      { revision: 1, classification: 'CONFIDENTIAL', is_current: 0 },
      { revision: 2, classification: 'CONFIDENTIAL', is_current: 1 },
    ]);
  });
});
