import { rmSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { createApp } from '../../src/app.factory.js';
import { mintToken } from '../../src/auth/mint-token.js';
import type { TokenClaims } from '../../src/auth/mint-token.js';
import { ROLES } from '../../src/auth/principal.js';
import { closeWithinGrace } from '../../src/common/lifecycle/close-within-grace.js';
import { AppConfig, loadConfig } from '../../src/config/app-config.js';
import { tempDataDir } from './temp-data-dirs.js';

/** The HS256 secret every test app verifies tokens with. */
export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters';

/** A token for `sub`; by default with every role and the highest clearance. */
export function tokenFor(sub: string, claims: Partial<Omit<TokenClaims, 'sub'>> = {}): string {
  return mintToken(TEST_JWT_SECRET, { sub, roles: claims.roles ?? [...ROLES], clearance: claims.clearance ?? 'SECRET' });
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text, sent as is (for malformed input). */
  raw?: string;
  /** Acts as this subject with every role and top clearance (default alice); null sends no token. */
  actor?: string | null;
  /** A token to send instead (overrides `actor`). */
  token?: string;
  headers?: Record<string, string>;
}

/** The real application on a temporary data directory, served over real HTTP on a free port. */
export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  dataDir: string;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Closes the app; the data directory is kept for a restart. */
  stop(): Promise<void>;
  /** Closes the app and deletes its data directory. */
  destroy(): Promise<void>;
}

export interface StartOptions {
  /** Capture the JSON log lines here instead of stdout (give logLevel in the overrides too). */
  logDestination?: DestinationStream;
  /** Runs after the app is built and before it listens (e.g. to add a Fastify onRoute hook). */
  beforeListen?: (app: NestFastifyApplication) => void;
}

/** How long a test app's close waits for requests in flight before cutting their connections. */
const TEST_SHUTDOWN_GRACE_MS = 5000;

export { tempDataDir };

export async function startTestApp(
  dataDir = tempDataDir(),
  overrides: Partial<AppConfig> = {},
  options: StartOptions = {},
): Promise<TestApp> {
  const config: AppConfig = {
    ...loadConfig({}),
    dataDir,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    jwtSecret: TEST_JWT_SECRET,
    rateLimitPerMinute: 1_000_000,
    ...overrides,
  };
  const app = await createApp(config, { logDestination: options.logDestination });
  options.beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // As the service closes (src/main.ts); a cut is reported, since it means a test left a request open.
    await closeWithinGrace(app, TEST_SHUTDOWN_GRACE_MS, { warn: (message) => console.warn(`test app close: ${message}`) });
  };
  return {
    app,
    url,
    dataDir,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const actor = options.actor === undefined ? 'alice' : options.actor;
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      else if (actor !== null) headers.authorization = `Bearer ${tokenFor(actor)}`;
      let body: string | undefined;
      if (options.raw !== undefined) body = options.raw;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(url + path, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed as any };
    },
    stop,
    async destroy() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
