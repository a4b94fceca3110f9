/**
 * How the load generator authenticates. The servers it drives are started
 * with BENCH_JWT_SECRET as their JWT_SECRET; every request carries a bearer
 * token for a caller with every role and the highest default clearance, so no
 * request is refused for lack of rights.
 */
import { mintToken } from '../../src/auth/mint-token.js';
import { ROLES } from '../../src/auth/principal.js';

/** HS256 secret shared by the benchmark's servers and clients (the service requires ≥ 32 characters). */
export const BENCH_JWT_SECRET = 'assessment-ledger-benchmark-secret-not-for-production';

export function benchBearerToken(subject = 'bench', validForSeconds = 24 * 3600): string {
  return mintToken(BENCH_JWT_SECRET, { sub: subject, roles: [...ROLES], clearance: 'SECRET' }, validForSeconds);
}

/** Headers every benchmark request sends. */
export const BENCH_AUTH_HEADERS: Readonly<Record<string, string>> = { authorization: `Bearer ${benchBearerToken()}` };
