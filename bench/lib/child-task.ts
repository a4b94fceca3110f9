/**
 * Child entry for runInChild(): imports a compiled benchmark module, runs one
 * of its exported functions with the options it is sent, and answers with
 * the result and this process's peak RSS.
 */
import { pathToFileURL } from 'node:url';
import { reportChildError } from './child-process.js';
import { peakRssMb } from './stats.js';

interface RunMessage {
  readonly type: 'run';
  readonly module: string;
  readonly exportName: string;
  readonly options: unknown;
}

process.once('message', async (message: RunMessage) => {
  try {
    const module = (await import(pathToFileURL(message.module).href)) as Record<string, (options: unknown) => unknown>;
    const task = module[message.exportName];
    if (typeof task !== 'function') throw new Error(`${message.module} exports no function ${message.exportName}`);
    const result = await task(message.options);
    process.send?.({ type: 'result', result, peakRssMb: peakRssMb() });
  } catch (error) {
    reportChildError(error);
  }
});

// The parent disconnects once it has the answer; a task that left a handle open must not keep the child alive.
process.once('disconnect', () => process.exit(0));
