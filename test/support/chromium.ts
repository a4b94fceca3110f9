import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';

/**
 * Closes a persistent Chromium context without letting a slow shutdown fail
 * the suite. Chromium's graceful close has hung past Jest's hook timeout on a
 * loaded CI machine after every test had passed; a browser that has not gone
 * within `graceMs` is killed instead. Playwright does not expose the process
 * of a persistent context, so it is found by its unique --user-data-dir.
 */
export async function closeChromium(context: BrowserContext | undefined, userDataDir: string, graceMs = 10_000): Promise<void> {
  if (!context) return;
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    context.close().then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
  ]).finally(() => clearTimeout(timer));
  if (closed) return;
  const killed = killProcessesMentioning(userDataDir);
  console.warn(`Chromium did not close within ${graceMs} ms; killed ${killed} of its processes.`);
}

/** SIGKILLs every process whose command line contains `needle`; returns how many. */
function killProcessesMentioning(needle: string): number {
  let killed = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    if (!commandLine.includes(needle)) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
      killed += 1;
    } catch {
      // already gone
    }
  }
  return killed;
}
