import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@app/application';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Unauthenticated } from '../auth/auth-errors';

/**
 * Reads the verified token's role. Exported so test/privacy can tell, from a handler's parameter
 * metadata, that a route declared `@ReporterSees('redacted')` really reads the caller's role.
 */
export function callerRoleOf(_: unknown, context: ExecutionContext): Role {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // The guard authenticates every non-public route before its handler runs.
  if (!principal) throw new Unauthenticated({ kind: 'missing' });
  return principal.role;
}

/** The verified token's role, for a handler that answers reporters differently (`@ReporterSees('redacted')`). */
export const CallerRole = createParamDecorator(callerRoleOf);
