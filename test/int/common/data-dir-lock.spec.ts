import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdsDataDir, lockDataDir } from '../../../src/common/data-dir-lock.js';

describe('data directory lock: who holds it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is known to the holder from the moment it takes the directory until it lets go, by any spelling of the path', () => {
    expect(holdsDataDir(dir)).toBe(false);
    const lock = lockDataDir(dir);
    expect(holdsDataDir(dir)).toBe(true);
    expect(holdsDataDir(`${dir}/./`)).toBe(true);
    lock.release();
    expect(holdsDataDir(dir)).toBe(false);
  });
});
