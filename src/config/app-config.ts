import { resolve } from 'node:path';
import { DEFAULT_COUNT_LIMIT } from '../common/pagination/bounded-total.js';
import type { SqliteSynchronous } from '../event-store/sqlite/sqlite-event-store.schema.js';

/** Everything the service reads from its environment, parsed once at start. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Directory holding the embedded store's SQLite files and the read models. */
  readonly dataDir: string;
  /**
   * KurrentDB connection string; when set, events live there instead of the
   * embedded SQLite store.
   */
  readonly eventStoreUrl?: string;
  readonly sqliteSynchronous: SqliteSynchronous;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  /** Longest a client may take to send a whole request (headers and body); past it, 408 and the connection is closed. */
  readonly requestTimeoutMs: number;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
  readonly shutdownGraceMs: number;
  readonly logLevel: 'silent' | 'error' | 'warn' | 'log' | 'debug';
  /** Run the live projection runner (off for offline tools that drive projections themselves). */
  readonly runProjections: boolean;
  /** Longest a query with `minPosition` waits for the read models to catch up. */
  readonly readModelWaitMs: number;
  /** A published assessment not revised for this many days is due for review. */
  readonly reviewStaleDays: number;
  /** List answers kept in memory until the read models change; 0 turns the cache off. */
  readonly listCacheEntries: number;
  /** Folded states the read-model projector keeps (≈ 3.5 KB each); a dropped one is folded again from the log when its stream moves. */
  readonly projectorStates: number;
  /** Listings count their matches exactly up to this many; past it `total` is a lower bound. */
  readonly listCountLimit: number;
  /** Most judgments one analytic-line report may hold; a wider scope is refused (422) and must be narrowed. */
  readonly reportMaxJudgments: number;
  /** HS256 secret for bearer tokens; unset (and no public key) means a development secret in DATA_DIR. */
  readonly jwtSecret?: string;
  /** PEM public key (RS256 or ES256) for bearer tokens issued elsewhere; takes precedence over the secret. */
  readonly jwtPublicKey?: string;
  readonly jwtIssuer?: string;
  readonly jwtAudience?: string;
  /** Classification markings, lowest first. */
  readonly classificationLevels: readonly string[];
  /** Requests per minute per authenticated subject (or per address before authentication). */
  readonly rateLimitPerMinute: number;
  /** Most positions the read models may trail the log's head while /health/ready still answers ready. */
  readonly readyMaxLag: number;
  /** `/metrics` answers without a token (true) or to admins only (false). */
  readonly metricsPublic: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`invalid configuration: ${variable} ${message}`);
  }
}

const SYNCHRONOUS_LEVELS: readonly SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
const LOG_LEVELS: readonly AppConfig['logLevel'][] = ['silent', 'error', 'warn', 'log', 'debug'];
/** The schemes @kurrent/kurrentdb-client accepts (esdb ones are deprecated but still work). */
const EVENT_STORE_SCHEMES = [
  'kurrentdb',
  'kurrentdb+discover',
  'kurrent',
  'kurrent+discover',
  'kdb',
  'kdb+discover',
  'esdb',
  'esdb+discover',
] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    eventStoreUrl: connectionString(env, 'EVENTSTORE_URL', EVENT_STORE_SCHEMES),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', SYNCHRONOUS_LEVELS, 'FULL'),
    bodyLimit: integer(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 64 * 1024 * 1024),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1000, 3_600_000),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 3_600_000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'log'),
    runProjections: oneOf(env, 'PROJECTIONS', ['on', 'off'] as const, 'on') === 'on',
    readModelWaitMs: integer(env, 'READ_MODEL_WAIT_MS', 2000, 0, 60_000),
    reviewStaleDays: integer(env, 'REVIEW_STALE_DAYS', 180, 1, 36_500),
    listCacheEntries: integer(env, 'LIST_CACHE_ENTRIES', 1000, 0, 1_000_000),
    projectorStates: integer(env, 'PROJECTOR_STATES', 50_000, 100, 10_000_000),
    listCountLimit: integer(env, 'LIST_COUNT_LIMIT', DEFAULT_COUNT_LIMIT, 1, 1_000_000_000),
    reportMaxJudgments: integer(env, 'REPORT_MAX_JUDGMENTS', 2000, 1, 1_000_000),
    jwtSecret: secret(env, 'JWT_SECRET'),
    jwtPublicKey: publicKey(env, 'JWT_PUBLIC_KEY'),
    jwtIssuer: env.JWT_ISSUER?.trim() || undefined,
    jwtAudience: env.JWT_AUDIENCE?.trim() || undefined,
    classificationLevels: levels(env, 'CLASSIFICATION_LEVELS', ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET']),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 10_000_000),
    readyMaxLag: integer(env, 'READY_MAX_LAG', 1000, 0, Number.MAX_SAFE_INTEGER),
    metricsPublic: oneOf(env, 'METRICS_PUBLIC', ['true', 'false'] as const, 'true') === 'true',
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = (allowed as readonly string[]).find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!value) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  return value as T;
}

function secret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  // HS256 with a short secret can be brute-forced offline from any token.
  if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
  return raw;
}

function publicKey(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(raw.replace(/\\n/g, '\n'))) {
    throw new ConfigError(name, 'must be a PEM public key (-----BEGIN PUBLIC KEY----- ...)');
  }
  return raw.replace(/\\n/g, '\n');
}

function levels(env: NodeJS.ProcessEnv, name: string, fallback: string[]): string[] {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const list = raw.split(',').map((level) => level.trim());
  if (list.some((level) => !/^[A-Z][A-Z0-9 _-]{0,39}$/.test(level)) || new Set(list).size !== list.length) {
    throw new ConfigError(name, `must be distinct markings in capitals, lowest first, comma-separated (got "${raw}")`);
  }
  return list;
}

function connectionString(env: NodeJS.ProcessEnv, name: string, schemes: readonly string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  // Checked at start so a typo stops the service with the variable's name,
  // not with a parse error from inside the client once the module loads.
  const scheme = /^([a-z+]+):\/\/[^/?#\s]/.exec(raw)?.[1];
  if (!scheme || !schemes.includes(scheme)) {
    // The string may carry a password; the message goes to logs.
    const shown = raw.replace(/\/\/[^@/]*@/, '//***@');
    throw new ConfigError(
      name,
      `must be a connection string starting with ${schemes.map((s) => `${s}://`).join(', ')} and naming a host (got "${shown}")`,
    );
  }
  return raw;
}

/** Nest injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
