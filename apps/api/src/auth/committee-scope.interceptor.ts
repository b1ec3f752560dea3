import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { CallerScope } from '@app/application';
import type { AuthenticatedRequest } from './auth.guard';

/**
 * Serves the request of an administrator whose token names a committee inside that committee's
 * scope (CallerScope), so the event store judges every stream the route reads or writes. Runs
 * after the guard, which has verified the token; Nest binds the handler's async context when
 * `handle()` is called, so the scope reaches everything the handler awaits.
 */
@Injectable()
export class CommitteeScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const committeeId = context.switchToHttp().getRequest<AuthenticatedRequest>().principal?.committeeId ?? null;
    return committeeId === null ? next.handle() : CallerScope.run(committeeId, () => next.handle());
  }
}
