import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { InvalidToken, TokenVerifier, type Principal } from '@app/application';
import { ACCESS, type AccessDecision } from './access.decorators';
import { Forbidden, Unauthenticated } from './auth-errors';

export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * The one gate every request passes: the route's access decision, then the bearer token, then
 * the role. A committee-scoped administrator's request then runs inside that scope
 * (CommitteeScopeInterceptor), which the event store enforces on every stream it touches.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const decision = this.reflector.getAllAndOverride<AccessDecision | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!decision) {
      this.logger.error(`No access decision on ${request.method} ${request.path}: refused`);
      throw new Forbidden({ kind: 'noAccessRule' });
    }
    if (decision.kind === 'public') return true;
    const principal = await this.authenticate(request);
    request.principal = principal;
    if (!decision.roles.includes(principal.role)) {
      throw new Forbidden({ kind: 'role', roles: decision.roles, role: principal.role });
    }
    // Only administrators' acts are limited to a committee; an auditor or reporter token that
    // names one was issued wrongly, and is refused rather than quietly read as unlimited.
    if (principal.committeeId !== null && principal.role !== 'admin') {
      throw new Forbidden({ kind: 'scopeNotForRole', role: principal.role });
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new Unauthenticated({ kind: 'missing' });
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidToken) {
        this.logger.warn(`Bearer token refused: ${error.message}`);
        throw new Unauthenticated({ kind: 'invalid' });
      }
      throw error;
    }
  }
}
