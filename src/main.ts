import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './app.factory.js';
import { lockDataDirOrExit } from './common/data-dir-lock.js';
import { closeWithinGrace } from './common/lifecycle/close-within-grace.js';

/** How long the close may still take once the connections were cut. */
const HARD_EXIT_AFTER_GRACE_MS = 15_000;

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  // Before anything opens the data directory's files; held until the process ends.
  lockDataDirOrExit(config.dataDir, 'Stop it first, or give this service a DATA_DIR of its own.');
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('Main').log(`assessment ledger listening on ${await app.getUrl()} (data in ${config.dataDir})`);

  // Graceful shutdown: stop taking connections and let requests in flight
  // finish (Fastify's close) for up to SHUTDOWN_GRACE_MS, then cut what is
  // still open; stop the projection runner between batches, commit the
  // pending group of appends, then close both databases.
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const logger = new Logger('Shutdown');
    logger.log(`${signal}: finishing requests in flight (up to ${config.shutdownGraceMs} ms)`);
    // Last resort, should the close itself hang (a store that never answers): every acknowledged
    // command is committed already, so exiting loses none of them.
    setTimeout(() => {
      logger.error(`not closed ${HARD_EXIT_AFTER_GRACE_MS} ms after the grace; exiting without finishing the close`);
      process.exit(1);
    }, config.shutdownGraceMs + HARD_EXIT_AFTER_GRACE_MS).unref();
    closeWithinGrace(app, config.shutdownGraceMs, logger)
      .then(() => {
        logger.log('shut down cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

await bootstrap();
