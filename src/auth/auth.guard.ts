import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Optional, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import { LedgerMetrics } from '../metrics/ledger-metrics.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators.js';
import { ROLES, visibilityOf } from './principal.js';
import type { Principal, Role, Visibility } from './principal.js';
import { TOKEN_KEYS } from './auth.tokens.js';
import type { TokenKeys } from './token-signing-key.js';

const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/**
 * Verifying a token's signature and claims costs more than the rest of a
 * cached read, and a client sends the same token on every request until it
 * expires. A verified token is remembered until its expiry (never longer than
 * this), so only its first use pays for the verification.
 */
const VERIFIED_TOKEN_TTL_MS = 5 * 60_000;
const VERIFIED_TOKENS_KEPT = 10_000;

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal; visibility?: Visibility };

/** A verified token's principal, with what it may see (both fixed for the token's life). */
interface Authenticated {
  readonly principal: Principal;
  readonly visibility: Visibility;
}

/**
 * Every route needs a valid bearer token unless marked @Public(), and a
 * role the route allows. The token's subject becomes the actor of every
 * event the request causes; nothing in the body or other headers can say
 * otherwise.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(TOKEN_KEYS) private readonly keys: TokenKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: LedgerMetrics,
  ) {}

  private readonly verified = new LRUCache<string, Authenticated>({ max: VERIFIED_TOKENS_KEPT, ttl: VERIFIED_TOKEN_TTL_MS });

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { principal, visibility } = await this.authenticate(request.headers.authorization);
    request.principal = principal;
    request.visibility = visibility;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed || !principal.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException(`this needs one of the roles: ${(allowed ?? []).join(', ') || 'none'}`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Authenticated> {
    const token = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header ?? '')?.[1];
    if (!token) throw unauthorized('a bearer token is required (Authorization: Bearer <token>)');
    const known = this.verified.get(token);
    this.metrics?.recordCacheLookup('token', known !== undefined);
    if (known) return known;
    let claims: Record<string, unknown>;
    try {
      // The key itself comes from the module's secretOrKeyProvider (a parsed KeyObject).
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        algorithms: this.keys.algorithms,
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
      });
    } catch {
      throw unauthorized('the bearer token is invalid or expired');
    }
    const { sub, roles, clearance } = claims;
    if (typeof sub !== 'string' || !SUBJECT.test(sub)) throw unauthorized('the token subject is missing or malformed');
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => (ROLES as readonly unknown[]).includes(r))) {
      throw unauthorized(`the token must carry roles from: ${ROLES.join(', ')}`);
    }
    if (typeof clearance !== 'string' || !this.config.classificationLevels.includes(clearance)) {
      throw unauthorized(`the token must carry a clearance from: ${this.config.classificationLevels.join(', ')}`);
    }
    const principal: Principal = Object.freeze({ subject: sub, roles: Object.freeze([...roles]) as Role[], clearance });
    // Frozen: every request with this token gets this very object.
    const visibility = visibilityOf(principal, this.config.classificationLevels);
    const authenticated = { principal, visibility: Object.freeze({ ...visibility, levels: Object.freeze([...visibility.levels]) }) };
    const validForMs = typeof claims.exp === 'number' ? claims.exp * 1000 - Date.now() : VERIFIED_TOKEN_TTL_MS;
    if (validForMs > 0) this.verified.set(token, authenticated, { ttl: Math.min(validForMs, VERIFIED_TOKEN_TTL_MS) });
    return authenticated;
  }
}

function unauthorized(message: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message });
}
