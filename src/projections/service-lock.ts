import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A pid file in the data directory marks the running service, so offline
 * tools (rebuild, import) refuse to write under its feet.
 */
export function lockFile(dataDir: string): string {
  return join(dataDir, 'ledger.pid');
}

export function writeServiceLock(dataDir: string): void {
  const file = lockFile(dataDir);
  writeFileSync(file, String(process.pid));
  process.once('exit', () => rmSync(file, { force: true }));
}

/** The pid of a live service using this data directory, if there is one. */
export function runningServicePid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile(dataDir), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // stale file from a killed process
  }
}
