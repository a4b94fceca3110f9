const NOT_YET = Symbol('not yet');
const INTERRUPTED = Symbol('interrupted');

/**
 * Reads an async iterator in batches of what has already arrived: it waits
 * for the first item, then keeps taking items only while they are ready
 * without waiting, up to the batch size. While catching up that gives full
 * batches; once live, each append is handed over as soon as it comes.
 *
 * interrupt() ends a wait at once. A cancelled gRPC stream is not guaranteed
 * to settle its pending read, so stopping must not depend on the source.
 */
export class ArrivedBatchReader<T> {
  private pending: Promise<IteratorResult<T>> | null = null;
  private wakeWaiter: (() => void) | null = null;
  private interrupted = false;
  private ended = false;

  constructor(private readonly source: AsyncIterator<T>) {}

  /** True once the source said it has nothing more (as opposed to an interrupt). */
  get sourceEnded(): boolean {
    return this.ended;
  }

  /**
   * Up to `max` items, at least one; an empty array when the source ended or
   * the reader was interrupted. A source error is thrown, and items already
   * taken in this call are dropped with it: the caller resumes from what it
   * delivered, so they are read again rather than lost.
   */
  async read(max: number): Promise<T[]> {
    const items: T[] = [];
    while (items.length < max && !this.interrupted && !this.ended) {
      const next = this.pending ?? this.source.next();
      this.pending = next;
      const outcome = items.length === 0 ? await this.untilInterrupted(next) : await this.unlessWaiting(next);
      if (outcome === NOT_YET || outcome === INTERRUPTED) break;
      this.pending = null;
      if (outcome.done) {
        this.ended = true;
        break;
      }
      items.push(outcome.value);
    }
    return items;
  }

  interrupt(): void {
    this.interrupted = true;
    this.wakeWaiter?.();
  }

  private untilInterrupted(next: Promise<IteratorResult<T>>): Promise<IteratorResult<T> | typeof INTERRUPTED> {
    // A fresh promise per wait (not one shared "stopped" promise) so that
    // settled waits leave no reactions behind on a long-lived subscription.
    const interrupted = new Promise<typeof INTERRUPTED>((resolve) => {
      this.wakeWaiter = () => resolve(INTERRUPTED);
    });
    return Promise.race([next, interrupted]).finally(() => {
      this.wakeWaiter = null;
    });
  }

  private unlessWaiting(next: Promise<IteratorResult<T>>): Promise<IteratorResult<T> | typeof NOT_YET> {
    // An item already buffered resolves within microtasks, before the next
    // turn of the event loop; one that has to come over the wire does not.
    const nextTurn = new Promise<typeof NOT_YET>((resolve) => setImmediate(resolve, NOT_YET));
    return Promise.race([next, nextTurn]);
  }
}
