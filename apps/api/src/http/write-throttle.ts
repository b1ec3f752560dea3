import { Injectable, Module, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@app/application';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { SlidingWindowStorage } from './sliding-window-storage';

/**
 * Limits writes per caller, so a runaway script cannot flood the history; reads are never
 * throttled. Callers are told apart by their token's subject (after the auth guard), else by
 * address. Over the limit: 429 problem+json with Retry-After.
 */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const { method } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return Promise.resolve(method === 'GET' || method === 'HEAD' || method === 'OPTIONS');
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal, ip } = request as unknown as AuthenticatedRequest;
    return Promise.resolve(principal ? `subject:${principal.id}` : `ip:${ip ?? 'unknown'}`);
  }

  /** The library's key (route, throttler, caller) without hashing it: it only names an entry of a map. */
  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${throttlerName}-${tracker}`;
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      // The default name keeps the standard header names (Retry-After, X-RateLimit-*). The storage
      // answers each request at constant cost (sliding-window-storage.ts).
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.writesPerMinute }],
        storage: new SlidingWindowStorage(),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: WriteThrottlerGuard }],
})
export class WriteThrottleModule {}
