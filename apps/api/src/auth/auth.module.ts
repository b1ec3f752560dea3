import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, TokenVerifier, type AppConfig } from '@app/application';
import { AuthGuard } from './auth.guard';
import { CommitteeScope } from './committee-scope';

/** Bearer-token authentication and per-route roles for every request (deny by default). */
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => TokenVerifier.create(config.auth),
    },
    CommitteeScope,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
