import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * One process at a time owns a data directory. Two services on one directory
 * would both project into its read models, each folding from states the other
 * had moved past, and each keeping answers the other made stale; an offline
 * rebuild or import under a running service would do the same.
 *
 * The lock is SQLite's own: a connection in exclusive locking mode that has
 * written to `ledger.lock` keeps its exclusive file lock until it closes, and
 * the operating system drops it when the process dies, however it dies. So a
 * crash leaves nothing stale behind, unlike a pid file alone, whose pid may by
 * then belong to another program. `ledger.pid` is written beside it only to
 * name the holder in the refusal.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    /** The holder's pid as it wrote it, if it could be read. */
    readonly pid: number | null,
  ) {
    super(`${dataDir} is in use by another process (${pid === null ? 'pid unknown' : `pid ${pid}`}): a service or an offline tool`);
    this.name = 'DataDirInUseError';
  }
}

function lockFile(dataDir: string): string {
  return join(dataDir, 'ledger.lock');
}

function pidFile(dataDir: string): string {
  return join(dataDir, 'ledger.pid');
}

/** Data directories this process holds, by resolved path. */
const held = new Set<string>();

/** Whether this process holds `dataDir`: only its holder may remove what another version left there. */
export function holdsDataDir(dataDir: string): boolean {
  return held.has(resolve(dataDir));
}

/** Takes the data directory for this process, or throws DataDirInUseError at once if another holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(lockFile(dataDir), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write in exclusive locking mode takes the exclusive lock, and the connection keeps it past COMMIT.
    db.exec('BEGIN EXCLUSIVE');
    db.pragma(`user_version = ${process.pid}`);
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dataDir, holderPid(dataDir));
    throw error;
  }
  writeFileSync(pidFile(dataDir), String(process.pid));
  const removePid = () => rmSync(pidFile(dataDir), { force: true });
  process.once('exit', removePid);
  let holding = true;
  held.add(resolve(dataDir));
  return {
    release() {
      if (!holding) return;
      holding = false;
      held.delete(resolve(dataDir));
      process.removeListener('exit', removePid);
      removePid();
      db.close();
    },
  };
}

/**
 * For a process's entry point (the service, an offline tool): takes the data
 * directory for the life of the process, or says who holds it, with `advice`,
 * and exits 2.
 */
export function lockDataDirOrExit(dataDir: string, advice: string): void {
  try {
    lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    console.error(`${error.message}. ${advice}`);
    process.exit(2);
  }
}

function holderPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(pidFile(dataDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
