import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { decodeJwt } from 'jose';
import { APP_CONFIG, mintDevelopmentToken, mintsDevelopmentTokens, type AppConfig, type Role } from '@app/application';
import { refuse } from '@app/domain';
import { PublicAccess } from '../auth/access.decorators';
import { ProblemResponses } from '../http/problem-responses';
import { ConsoleConfig, DevToken, DevTokenBody } from './dev-token.dto';
import { isDirectLoopback } from './loopback';

const DEVELOPMENT_NAMES: Readonly<Record<Role, string>> = {
  admin: '管理员（开发）',
  auditor: '审计员（开发）',
  reporter: '报表（开发）',
};

/**
 * What the console needs before anyone has signed in: how to sign in (its settings), and in
 * development a token for a role picked on the sign-in page.
 */
@ApiTags('console')
@Controller()
export class ConsoleController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('console/config.json')
  @PublicAccess()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The console's sign-in settings: development role picker, OpenID Connect provider" })
  @ApiOkResponse({ type: ConsoleConfig })
  settings(@Req() request: Request): ConsoleConfig {
    return {
      devSignIn: mintsDevelopmentTokens(this.config) && isDirectLoopback(request),
      oidc: this.config.console.oidc,
    };
  }

  /**
   * Development sign-in: mints what `branchflow token` mints. Answers 404 wherever no token may
   * be minted (production, or only public keys configured), as if the route did not exist, and
   * 403 to anything but a direct loopback client: the development secret is public, so a token
   * from it must never be handed across a network. JSON bodies only (415 otherwise), so no
   * cross-site form can post here, and no CORS, so no other origin can read the answer.
   */
  @Post('auth/dev-token')
  @PublicAccess()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Development only, from this machine only: a token for a role (the console role picker)' })
  @ApiCreatedResponse({ type: DevToken })
  @ProblemResponses({
    400: true,
    403: 'Not a direct loopback client: a token from the public development secret never crosses a network.',
    404: 'Development sign-in is unavailable here (production, or only public keys configured).',
    413: true,
    415: true,
    429: true,
  })
  async devToken(@Body() body: DevTokenBody, @Req() request: Request): Promise<DevToken> {
    if (!mintsDevelopmentTokens(this.config)) {
      throw refuse('DEV_SIGN_IN_UNAVAILABLE', {});
    }
    if (!isDirectLoopback(request)) {
      throw refuse('DEV_SIGN_IN_LOOPBACK_ONLY', {});
    }
    if (body.committeeId !== undefined && body.role !== 'admin') {
      throw refuse('COMMITTEE_SCOPE_FOR_ADMINS', {});
    }
    const name = DEVELOPMENT_NAMES[body.role];
    const token = await mintDevelopmentToken(this.config, {
      subject: `console-dev-${body.role}`,
      name,
      role: body.role,
      committeeId: body.committeeId,
    });
    const expires = decodeJwt(token).exp ?? 0;
    return {
      token,
      role: body.role,
      name,
      committeeId: body.committeeId ?? null,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }
}
