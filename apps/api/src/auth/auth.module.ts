import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG, TokenVerifier, type AppConfig } from '@app/application';
import { AuthGuard } from './auth.guard';
import { CommitteeScopeInterceptor } from './committee-scope.interceptor';

/**
 * Bearer-token authentication and per-route roles for every request (deny by default), and the
 * committee scope of administrators whose token names one.
 */
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => TokenVerifier.create(config.auth),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: CommitteeScopeInterceptor },
  ],
})
export class AuthModule {}
