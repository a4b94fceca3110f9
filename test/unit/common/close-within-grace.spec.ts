import { closeWithinGrace } from '../../../src/common/lifecycle/close-within-grace.js';
import type { ClosableApp } from '../../../src/common/lifecycle/close-within-grace.js';

/** An app whose close ends when `finish` is called, or once its connections are cut if `endsWhenCut`. */
function appClosing({ open, endsWhenCut }: { open: number; endsWhenCut: boolean }) {
  let finish!: () => void;
  const closed = new Promise<void>((resolve) => (finish = resolve));
  const cuts: number[] = [];
  const app: ClosableApp = {
    close: () => closed,
    getHttpServer: () => ({
      getConnections: (callback: (error: Error | null, count: number) => void) => callback(null, open),
      closeAllConnections: () => {
        cuts.push(open);
        if (endsWhenCut) finish();
      },
    }),
  };
  return { app, finish, cuts };
}

describe('closeWithinGrace', () => {
  const log = () => ({ messages: [] as string[], warn(m: string) { this.messages.push(`warn: ${m}`); } });

  it('given requests that finish within the grace, when closing, then no connection is cut', async () => {
    const { app, finish, cuts } = appClosing({ open: 2, endsWhenCut: true });
    const logged = log();
    const closing = closeWithinGrace(app, 1000, logged);
    finish();
    await closing;
    expect(cuts).toEqual([]);
    expect(logged.messages).toEqual([]);
  });

  it('given a request still open when the grace is over, when closing, then its connection is cut and the close completes', async () => {
    const { app, cuts } = appClosing({ open: 1, endsWhenCut: true });
    const logged = log();
    await closeWithinGrace(app, 10, logged);
    expect(cuts).toEqual([1]);
    expect(logged.messages).toEqual(['warn: grace of 10 ms over: cutting 1 connection still open']);
  });

  it('given a close that fails, when closing, then the failure reaches the caller and no cut follows later', async () => {
    const cuts: number[] = [];
    const app: ClosableApp = {
      close: () => Promise.reject(new Error('store would not close')),
      getHttpServer: () => ({ getConnections: (callback) => callback(null, 3), closeAllConnections: () => void cuts.push(3) }),
    };
    await expect(closeWithinGrace(app, 10, log())).rejects.toThrow('store would not close');
    await new Promise((r) => setTimeout(r, 30));
    expect(cuts).toEqual([]);
  });
});
