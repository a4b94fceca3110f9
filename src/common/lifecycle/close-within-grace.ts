/** What the shutdown needs of the Nest application (a narrow view, so it can be tested without one). */
export interface ClosableApp {
  close(): Promise<void>;
  /** The node:http server's own methods. */
  getHttpServer(): { getConnections(callback: (error: Error | null, count: number) => void): unknown; closeAllConnections(): void };
}

/** Where a cut is reported. */
export interface ShutdownLog {
  warn(message: string): void;
}

/**
 * Closes the application, giving requests in flight `graceMs` to finish.
 * After that their connections are cut: a client trickling a request in, or
 * a handler that never ends, must not keep an orchestrator's SIGTERM from
 * taking effect until its SIGKILL, which would skip the stores' orderly close.
 * No acknowledged command is lost by the cut: a command is answered only
 * after its events are committed, and the stores still close in order after it.
 */
export async function closeWithinGrace(app: ClosableApp, graceMs: number, log: ShutdownLog): Promise<void> {
  const server = app.getHttpServer();
  const cutter = setTimeout(() => {
    server.getConnections((error, open) => {
      log.warn(`grace of ${graceMs} ms over: cutting ${error ? 'the' : open} connection${open === 1 ? '' : 's'} still open`);
      server.closeAllConnections();
    });
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cutter);
  }
}
