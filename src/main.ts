import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './app.factory.js';
import { writeServiceLock } from './projections/service-lock.js';

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
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  writeServiceLock(config.dataDir);
  console.log(`assessment ledger listening on ${await app.getUrl()} (data in ${config.dataDir})`);
}

await bootstrap();
