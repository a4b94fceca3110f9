import { createPublicKey, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

export interface TokenKeys {
  /**
   * What verifies a token, parsed once: given a string, jsonwebtoken would
   * try it as a PEM key and build a key object on every request, which was a
   * third of the service's CPU under load (bench/README.md).
   */
  readonly verifyKey: KeyObject;
  readonly algorithms: ('HS256' | 'RS256' | 'ES256')[];
  /** Whether this service can mint tokens itself (development). */
  readonly signingSecret: string | null;
  readonly source: 'public-key' | 'secret' | 'development';
}

/**
 * Where token keys come from: a public key or a secret from the environment,
 * or else a random development secret kept in DATA_DIR, shared by the
 * service and `npm run token` so a fresh clone works with one command.
 */
export function tokenKeys(config: Pick<AppConfig, 'jwtPublicKey' | 'jwtSecret' | 'dataDir'>): TokenKeys {
  if (config.jwtPublicKey) {
    return { verifyKey: createPublicKey(config.jwtPublicKey), algorithms: ['RS256', 'ES256'], signingSecret: null, source: 'public-key' };
  }
  const secret = config.jwtSecret ?? developmentSecret(config.dataDir);
  return {
    verifyKey: createSecretKey(Buffer.from(secret)),
    algorithms: ['HS256'],
    signingSecret: secret,
    source: config.jwtSecret ? 'secret' : 'development',
  };
}

function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-token-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { flag: 'wx' });
    chmodSync(file, 0o600);
    return secret;
  }
}
