import { startProgress } from '../../../scripts/lib/progress.js';

/** A stand-in for stdout that is not a terminal and keeps what is written. */
function pipe() {
  const written: string[] = [];
  const stream = { isTTY: false, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progress output without a terminal', () => {
  it('prints plain lines with counts, percentage and rate, at most one per interval', () => {
    const { stream, written } = pipe();
    const progress = startProgress({ label: 'verifying', unit: 'positions', total: 200, stream, intervalMs: 0 });
    progress.update(50);
    progress.update(200);
    progress.stop();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^verifying: 50 of 200 positions \(25%\), \d+ positions\/s\n$/);
    expect(written[1]).toMatch(/^verifying: 200 of 200 positions \(100%\), \d+ positions\/s\n$/);
  });

  it('follows a total that grows and shows bytes in MiB', () => {
    const { stream, written } = pipe();
    const progress = startProgress({ label: 'checking', unit: 'bytes', total: 0, stream, intervalMs: 0 });
    progress.update(1024 * 1024, 4 * 1024 * 1024);
    expect(written[0]).toMatch(/^checking: 1\.0 of 4\.0 MiB \(25%\), [\d.]+ MiB\/s\n$/);
  });

  it('stays quiet within the interval, so a short run prints only its summary', () => {
    const { stream, written } = pipe();
    const progress = startProgress({ label: 'importing', unit: 'events', total: 10, stream, intervalMs: 60_000 });
    for (let i = 1; i <= 10; i++) progress.update(i);
    progress.stop();
    expect(written).toEqual([]);
  });
});
