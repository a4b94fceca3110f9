import { JwtService } from '@nestjs/jwt';
import type { Role } from './principal.js';

export interface TokenClaims {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly clearance: string;
}

/** Signs an HS256 bearer token: for `npm run token` in development, and for tests. */
export function mintToken(secret: string, claims: TokenClaims, expiresInSeconds = 8 * 3600): string {
  return new JwtService({ secret }).sign({ ...claims, roles: [...claims.roles] }, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}
