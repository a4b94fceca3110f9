import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import { AuthGuard } from './auth.guard.js';
import { TOKEN_KEYS } from './auth.tokens.js';
import { SubjectThrottlerGuard } from './subject-throttler.guard.js';
import { tokenKeys } from './token-signing-key.js';

/** Bearer tokens, roles, and rate limits: global guards, in this order (authenticate, then limit). */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const { verifyKey } = tokenKeys(config);
        return { secretOrKeyProvider: () => verifyKey };
      },
    }),
  ],
  providers: [
    { provide: TOKEN_KEYS, useFactory: (config: AppConfig) => tokenKeys(config), inject: [APP_CONFIG] },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: SubjectThrottlerGuard },
  ],
  exports: [TOKEN_KEYS],
})
export class AuthModule {}
