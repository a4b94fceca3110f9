import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { assessmentStream } from '../../../src/assessments/application/assessment-stream.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';
import { verifyChain } from '../../../src/integrity/chain-verification.js';
import { IntegrityService } from '../../../src/integrity/integrity.service.js';
import { draftCommand } from '../../support/fixtures.js';
import { commandStack } from '../../support/projection-stack.js';

/** Writes two assessments of four events each through the real command path. */
async function ledgerOnDisk(file: string): Promise<string[]> {
  const { store, executor } = commandStack(new SqliteEventStore({ filename: file }));
  const ids = [randomUUID(), randomUUID()];
  for (const id of ids) {
    const meta = { actor: 'alice', correlationId: randomUUID() };
    await executor.execute(id, draftCommand(id), meta, 'no_stream');
    await executor.execute(id, { type: 'ChangeConfidence', data: { confidence: 'high', basis: 'new-information', rationale: 'r1' } }, meta, 0);
    await executor.execute(id, { type: 'RewordStatement', data: { statement: 'Escalation is very unlikely.', rationale: 'r2' } }, meta, 1);
    await executor.execute(id, { type: 'ChangeConfidence', data: { confidence: 'low', basis: 'correction', rationale: 'r3' } }, meta, 2);
  }
  await store.close();
  return ids;
}

/** Opens the file as an attacker would: directly, with the append-only triggers dropped. */
function tamper(file: string, sql: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER events_are_immutable_update; DROP TRIGGER events_are_immutable_delete;');
  sql(db);
  db.close();
}

describe('tamper evidence: every event is hash-chained to the one before it', () => {
  let dir: string;
  let file: string;
  let ids: string[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-tamper-'));
    file = join(dir, 'events.sqlite');
    ids = await ledgerOnDisk(file);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const check = async () => {
    const store = new SqliteEventStore({ filename: file });
    try {
      const stream = assessmentStream(ids[0]);
      return {
        one: verifyChain(stream, await store.readStream(stream)),
        all: await new IntegrityService(store).verifyAll('assessment-'),
      };
    } finally {
      await store.close();
    }
  };

  it('verifies an untouched ledger, every event carrying prevHash and hash', async () => {
    const { one, all } = await check();
    expect(one).toMatchObject({ valid: true, events: 4, firstBrokenRevision: null, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(all).toEqual({ streams: 2, events: 8, valid: true, broken: [] });
  });

  it('catches one changed byte of data at its revision', async () => {
    tamper(file, (db) =>
      db.prepare("UPDATE events SET data = replace(data, 'r2', 'r3') WHERE stream = ? AND revision = 2").run(assessmentStream(ids[0])),
    );
    const { one, all } = await check();
    expect(one).toMatchObject({ valid: false, firstBrokenRevision: 2, reason: 'hash-mismatch' });
    expect(all.broken).toEqual([expect.objectContaining({ stream: assessmentStream(ids[0]), firstBrokenRevision: 2 })]);
  });

  it('catches an edited actor in the metadata', async () => {
    tamper(file, (db) =>
      db.prepare("UPDATE events SET metadata = replace(metadata, '\"actor\":\"alice\"', '\"actor\":\"mallory\"') WHERE stream = ? AND revision = 1").run(assessmentStream(ids[0])),
    );
    expect((await check()).one).toMatchObject({ valid: false, firstBrokenRevision: 1, reason: 'hash-mismatch' });
  });

  it('catches two events swapped within the stream', async () => {
    tamper(file, (db) => {
      const stream = assessmentStream(ids[0]);
      db.prepare('UPDATE events SET revision = -1 WHERE stream = ? AND revision = 1').run(stream);
      db.prepare('UPDATE events SET revision = 1 WHERE stream = ? AND revision = 2').run(stream);
      db.prepare('UPDATE events SET revision = 2 WHERE stream = ? AND revision = -1').run(stream);
    });
    const { one, all } = await check();
    expect(one).toMatchObject({ valid: false, firstBrokenRevision: 1 });
    expect(all.valid).toBe(false);
  });

  it('catches events reordered in the log without touching their revisions', async () => {
    tamper(file, (db) => {
      const stream = assessmentStream(ids[0]);
      const [a, b] = db.prepare('SELECT position FROM events WHERE stream = ? AND revision IN (1, 2) ORDER BY revision').all(stream) as { position: number }[];
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a.position);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a.position, b.position);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b.position);
    });
    const { all } = await check();
    expect(all.broken).toEqual([expect.objectContaining({ stream: assessmentStream(ids[0]), firstBrokenRevision: 2, reason: 'revision-gap' })]);
  });

  it('catches a deleted event', async () => {
    tamper(file, (db) => db.prepare('DELETE FROM events WHERE stream = ? AND revision = 1').run(assessmentStream(ids[0])));
    const { one, all } = await check();
    expect(one).toMatchObject({ valid: false, firstBrokenRevision: 2, reason: 'revision-gap' });
    expect(all.broken).toHaveLength(1);
  });

  it('catches an event rewritten with a matching hash but a broken link', async () => {
    // A forger who recomputes the edited event's own hash still breaks the next event's prevHash.
    const store = new SqliteEventStore({ filename: file });
    const [, second] = await store.readStream(assessmentStream(ids[0]));
    await store.close();
    const { eventHash, withoutHash } = await import('../../../src/integrity/event-hash.js');
    const data = { ...(second.data as object), rationale: 'forged' };
    const metadata = second.metadata as Record<string, unknown>;
    const hash = eventHash({ stream: second.streamName, revision: 1, type: second.type, data, metadata: withoutHash(metadata) });
    tamper(file, (db) =>
      db.prepare('UPDATE events SET data = ?, metadata = ? WHERE id = ?').run(JSON.stringify(data), JSON.stringify({ ...metadata, hash }), second.id),
    );
    expect((await check()).one).toMatchObject({ valid: false, firstBrokenRevision: 2, reason: 'broken-link' });
  });
});
