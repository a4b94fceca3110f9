import fc from 'fast-check';
import { commandStack, dumpReadModels, projectionStack } from '../../support/projection-stack.js';
import { historyStep, HistoryStep, playHistory } from '../../support/random-history.js';

/** Projects a history as it happens (random batch sizes, random restarts), then rebuilds it from 0. */
async function incrementalAndRebuilt(steps: readonly HistoryStep[], liveMaxTracked?: number, rebuiltMaxTracked?: number) {
  const { store, executor } = commandStack();
  const live = projectionStack(store, ':memory:', { maxTracked: liveMaxTracked });
  const history = await playHistory(executor, steps, async (step) => {
    if (step.sync === 2) live.projector.reset();
    if (step.sync > 0) await live.runner.catchUp({ batchSize: step.batchSize });
  });
  await live.runner.catchUp({ batchSize: 7 });

  const rebuilt = projectionStack(store, ':memory:', { bulkLoad: true, maxTracked: rebuiltMaxTracked });
  // Small batches when the rebuild keeps few states, so that states are dropped between them.
  await rebuilt.runner.catchUp({ batchSize: rebuiltMaxTracked === undefined ? 5000 : 3 });
  rebuilt.db.createIndexes();

  const result = { history, incremental: dumpReadModels(live.db), rebuilt: dumpReadModels(rebuilt.db) };
  live.db.close();
  rebuilt.db.close();
  await store.close();
  return result;
}

/**
 * As a rebuild under a running service goes: load and index what the log held
 * when it started, then apply the tail written meanwhile before the swap.
 */
async function incrementalAndRebuiltWithTail(steps: readonly HistoryStep[], tailFrom: number) {
  const { store, executor } = commandStack();
  const live = projectionStack(store, ':memory:');
  const rebuilt = projectionStack(store, ':memory:', { bulkLoad: true });
  let played = 0;
  let loaded = 0n;
  const history = await playHistory(executor, steps, async () => {
    if (++played !== tailFrom) return;
    await rebuilt.runner.catchUp({ batchSize: 5000 });
    rebuilt.db.createIndexes();
    loaded = rebuilt.runner.position;
  });
  await rebuilt.runner.catchUp({ batchSize: 5000 });
  await live.runner.catchUp({ batchSize: 7 });

  const result = { tail: rebuilt.runner.position - loaded, incremental: dumpReadModels(live.db), rebuilt: dumpReadModels(rebuilt.db) };
  live.db.close();
  rebuilt.db.close();
  await store.close();
  return result;
}

describe('read models: incremental projection equals a rebuild', () => {
  it('when events are appended between the rebuild\'s indexing and its swap (the tail is searchable too)', async () => {
    const steps = fc.sample(historyStep, { numRuns: 400, seed: 20261128 });
    const { tail, incremental, rebuilt } = await incrementalAndRebuiltWithTail(steps, 200);
    expect(tail).toBeGreaterThan(50n);
    expect(rebuilt.rationale_search.length).toBe(incremental.rationale_search.length);
    expect(incremental).toEqual(rebuilt);
  });

  it('for any random valid history (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(historyStep, { minLength: 1, maxLength: 60 }), async (steps) => {
        const { incremental, rebuilt } = await incrementalAndRebuilt(steps);
        expect(incremental).toEqual(rebuilt);
      }),
      { numRuns: 40 },
    );
  });

  it('for any random valid history, when the projector keeps only two folded states (property)', async () => {
    // Every other event then belongs to an assessment whose state was dropped and must be folded again from the store.
    await fc.assert(
      fc.asyncProperty(fc.array(historyStep, { minLength: 1, maxLength: 60 }), async (steps) => {
        const { incremental, rebuilt } = await incrementalAndRebuilt(steps, 2);
        expect(incremental).toEqual(rebuilt);
      }),
      { numRuns: 40 },
    );
  });

  it('for any random valid history, when the rebuild keeps only two folded states (property)', async () => {
    // A bulk load has no indexes yet: a dropped state comes back with the rows it had, not from a lookup.
    await fc.assert(
      fc.asyncProperty(fc.array(historyStep, { minLength: 1, maxLength: 60 }), async (steps) => {
        const { incremental, rebuilt } = await incrementalAndRebuilt(steps, undefined, 2);
        expect(incremental).toEqual(rebuilt);
      }),
      { numRuns: 40 },
    );
  });

  it('after a long random history', async () => {
    const steps = fc.sample(historyStep, { numRuns: 3000, seed: 20230205 });
    const { history, incremental, rebuilt } = await incrementalAndRebuilt(steps);
    expect(history.accepted).toBeGreaterThan(600);
    expect(incremental.assessment_versions.length).toBe(history.accepted);
    expect(incremental).toEqual(rebuilt);
  });
});
