import { randomUUID } from 'node:crypto';
import { AssessmentCommandExecutor } from '../../../src/assessments/application/assessment-command.executor.js';
import { AssessmentRepository } from '../../../src/assessments/application/assessment.repository.js';
import type { AssessmentCommand } from '../../../src/assessments/domain/assessment-commands.js';
import type { EventStore } from '../../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';
import { draftCommand } from '../../support/fixtures.js';

/** Counts the events a repository reads back, to see which loads fold nothing new. */
function countingReads(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const counted = Object.create(store) as EventStore;
  counted.readStream = async (...args) => {
    const events = await store.readStream(...args);
    reads += events.length;
    return events;
  };
  return { store: counted, reads: () => reads };
}

const EVIDENCE = randomUUID();
const ASSUMPTION = randomUUID();
const INDICATOR = randomUUID();
const DISSENT = randomUUID();

/** Every kind of command an assessment takes, in an order the rules accept, with who gives it. */
function everyCommand(successor: string): [AssessmentCommand, string][] {
  const rationale = 'Because the reporting changed.';
  return [
    [{ type: 'RewordStatement', data: { statement: 'Active escalation is unlikely in the short term.', rationale } }, 'alice'],
    [{ type: 'ChangeLikelihood', data: { likelihood: { scale: 'icd203', term: 'likely' }, basis: 'new-information', rationale } }, 'alice'],
    [{ type: 'ChangeLikelihood', data: { likelihood: { probability: 0.35 }, basis: 'new-reasoning', rationale } }, 'alice'],
    [{ type: 'ChangeConfidence', data: { confidence: 'high', basis: 'new-information', rationale } }, 'alice'],
    [{ type: 'ChangeHorizon', data: { horizon: { term: 'medium-term' }, rationale } }, 'alice'],
    [{ type: 'ChangeSubject', data: { subject: { actors: ['Russia'], regions: ['Moldova', 'Georgia'], topics: ['energy'] }, rationale } }, 'alice'],
    [
      {
        type: 'LinkEvidence',
        data: { evidenceId: EVIDENCE, title: 'Troop movements', source: 'Open reporting', reliability: 'B', credibility: 2, bearing: 'supports', url: null, rationale },
      },
      'alice',
    ],
    [{ type: 'StateAssumption', data: { assumptionId: ASSUMPTION, text: 'The war absorbs Russian reserves.', linchpin: true, rationale } }, 'alice'],
    [{ type: 'ReviewAssumption', data: { assumptionId: ASSUMPTION, verdict: 'weakened', rationale } }, 'alice'],
    [{ type: 'AddIndicator', data: { indicatorId: INDICATOR, text: 'Troops return to Transnistria', direction: 'raises', rationale } }, 'alice'],
    [
      {
        type: 'ObserveIndicator',
        data: { indicatorId: INDICATOR, observationId: randomUUID(), observation: 'A battalion moved.', observedAt: '2026-01-10T00:00:00.000Z', rationale },
      },
      'alice',
    ],
    [{ type: 'RecordDissent', data: { dissentId: DISSENT, likelihood: { probability: 0.7 }, evidenceIds: [EVIDENCE], rationale } }, 'bob'],
    [{ type: 'ReviseDissent', data: { dissentId: DISSENT, confidence: 'low', rationale } }, 'bob'],
    [{ type: 'PublishAssessment', data: { rationale } }, 'carol'],
    [{ type: 'ChangeClassification', data: { classification: 'CONFIDENTIAL', rationale } }, 'alice'],
    [{ type: 'UnlinkEvidence', data: { evidenceId: EVIDENCE, rationale } }, 'alice'],
    [{ type: 'WithdrawDissent', data: { dissentId: DISSENT, rationale } }, 'bob'],
    [{ type: 'RecordOutcome', data: { outcome: 'did-not-occur', knownAt: '2026-02-01T00:00:00.000Z', rationale } }, 'alice'],
    [{ type: 'RetractOutcome', data: { rationale } }, 'alice'],
    [{ type: 'SupersedeAssessment', data: { supersededBy: successor, rationale } }, 'alice'],
  ];
}

describe('the state a command appended, kept by the repository', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
  });
  afterEach(() => store.close());

  const meta = (actor: string, effectiveAt?: string) => ({ actor, correlationId: randomUUID(), effectiveAt });

  it('equals, after every kind of command, the fold of what the store holds, judgments included', async () => {
    const counted = countingReads(store);
    const repository = new AssessmentRepository(counted.store);
    const executor = new AssessmentCommandExecutor(repository);
    const id = randomUUID();
    const successor = randomUUID();
    await executor.execute(successor, draftCommand(successor), meta('alice'), 'no_stream');
    // Backdated, so that the outcomes below, known in 2026, come after the judgment.
    await executor.execute(id, draftCommand(id), meta('alice', '2025-06-01T00:00:00.000Z'), 'no_stream');
    let revision = 0;
    for (const [command, actor] of everyCommand(successor)) {
      const readsBefore = counted.reads();
      const kept = await repository.loadJudged(id);
      // Given: the command before appended its events; when: this one loads; then: no event is read back.
      expect({ command: command.type, reads: counted.reads() - readsBefore }).toEqual({ command: command.type, reads: 0 });
      const fresh = await new AssessmentRepository(store).loadJudged(id);
      // Strict: the kept state must be what a fold of the stored JSON gives, down to absent fields.
      expect(kept).toStrictEqual(fresh);
      expect((await repository.loadForChange(id))!.lastHash).toBe((await new AssessmentRepository(store).loadForChange(id))!.lastHash);
      revision = (await executor.execute(id, command, meta(actor), revision)).revision;
    }
    expect(await repository.loadJudged(id)).toStrictEqual(await new AssessmentRepository(store).loadJudged(id));
    expect(revision).toBe(everyCommand(successor).length);
    // The one closing command the stream above cannot also take.
    await executor.execute(successor, { type: 'WithdrawAssessment', data: { rationale: 'Overtaken.' } }, meta('alice'), 0);
    expect((await repository.loadJudged(successor))!.state.status).toBe('withdrawn');
    expect(await repository.loadJudged(successor)).toStrictEqual(await new AssessmentRepository(store).loadJudged(successor));
  });

  it('is not kept when the store recognised the append as a retry, whose stored events carry the first attempt’s times', async () => {
    const repository = new AssessmentRepository(store);
    const id = randomUUID();
    await new AssessmentCommandExecutor(repository).execute(id, draftCommand(id), meta('alice'), 'no_stream');
    // Given: two instances at revision 0; the first appends a rewording, the second retries it (same event id) with other times.
    const other = new AssessmentRepository(store);
    const otherBase = await other.loadForChange(id);
    const [drafted] = await repository.readEvents(id);
    const event = { id: randomUUID(), type: 'StatementReworded', data: { from: 'x', statement: 'A new wording.', rationale: 'r' } };
    const at = (time: string) => ({ ...drafted.metadata, recordedAt: time, effectiveAt: time, hash: 'h1' });
    const first = await repository.appendDecided(id, await repository.loadForChange(id), [{ ...event, metadata: at('2026-01-01T00:00:00.000Z') }]);
    expect(first).toMatchObject({ nextRevision: 1, written: true });

    const retry = await other.appendDecided(id, otherBase, [{ ...event, metadata: at('2026-03-01T00:00:00.000Z') }]);

    // Then: the store answered as the first time, and the second instance reads what is stored, not what it sent.
    expect(retry).toMatchObject({ nextRevision: 1, written: false });
    expect((await other.load(id))!.updatedAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await repository.load(id))!.updatedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});
