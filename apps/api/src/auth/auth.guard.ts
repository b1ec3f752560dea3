import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { InvalidToken, TokenVerifier, type Principal } from '@app/application';
import { ACCESS, type AccessDecision } from './access.decorators';
import { CommitteeScope } from './committee-scope';
import { Forbidden, Unauthenticated } from './auth-errors';

export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * The one gate every request passes: the route's access decision, then the bearer token, then
 * the role, then (for an administrator scoped to one committee) whether the addressed branch,
 * member or committee is theirs — answered 404 when it is not, so existence does not leak.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    private readonly scope: CommitteeScope,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const decision = this.reflector.getAllAndOverride<AccessDecision | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!decision) {
      this.logger.error(`No access decision on ${request.method} ${request.path}: refused`);
      throw new Forbidden('This route has no access rule, so it is closed to everyone.');
    }
    if (decision.kind === 'public') return true;
    const principal = await this.authenticate(request);
    request.principal = principal;
    if (!decision.roles.includes(principal.role)) {
      throw new Forbidden(`This route is for ${decision.roles.join(' or ')}; the token's role is ${principal.role}.`);
    }
    if (principal.committeeId !== null) await this.scope.assertWithin(principal.committeeId, request);
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new Unauthenticated('A bearer token is required (Authorization: Bearer <token>).');
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidToken) {
        this.logger.warn(`Bearer token refused: ${error.message}`);
        throw new Unauthenticated('The bearer token is invalid, expired or not meant for this API.');
      }
      throw error;
    }
  }
}
