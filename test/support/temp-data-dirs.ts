import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** A fresh data directory, removed when its test file ends (remove-temp-data-dirs.ts) if the test did not. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  made.add(dir);
  return dir;
}

/** Removes every data directory tempDataDir made in this test file. */
export function removeTempDataDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}
