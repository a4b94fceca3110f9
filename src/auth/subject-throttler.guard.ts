import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import type { AuthenticatedRequest } from './auth.guard.js';

/**
 * Rate limits per authenticated subject (it runs after AuthGuard), so one
 * caller cannot starve the others however many addresses they use; public
 * routes are limited per address. Over the limit: 429 with Retry-After.
 *
 * rate-limiter-flexible rather than @nestjs/throttler: the latter is
 * CommonJS requiring Nest 12's ES modules, which Jest's module loader cannot
 * do on Node 20, so the real app could not be tested with it.
 */
@Injectable()
export class SubjectThrottlerGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new RateLimiterMemory({ points: config.rateLimitPerMinute, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.principal ? `subject:${request.principal.subject}` : `address:${request.ip}`;
    try {
      await this.limiter.consume(key);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      reply.header('Retry-After', String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))));
      throw new HttpException(
        { statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message: 'rate limit exceeded; retry after the indicated delay' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
