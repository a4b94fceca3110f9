import { Global, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency.store.js';

/**
 * Idempotency-Key handling for command routes. The interceptor is bound to
 * each command route (by `ApiCommand`), not globally: a global interceptor
 * wraps every request, reads included, in an Observable pipeline, which cost
 * reads a fifth or more of their throughput.
 */
@Global()
@Module({
  providers: [IdempotencyStore, IdempotencyInterceptor],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
