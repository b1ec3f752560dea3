import type { AppConfig } from '../config/app-config';
import { mintToken, type TokenRequest } from './token-minter';

/** No token may be minted with this configuration; the message says where tokens come from instead. */
export class MintingRefused extends Error {
  constructor() {
    super('Tokens are minted only in development with a shared secret; in production use your identity provider.');
    this.name = 'MintingRefused';
  }
}

/** Whether this configuration may mint development tokens at all (the CLI's and the console's). */
export const mintsDevelopmentTokens = (config: AppConfig): boolean =>
  config.nodeEnv !== 'production' && config.auth.secret !== null;

/**
 * A token signed with the configured shared secret (BRANCHFLOW_JWT_SECRET, or the development
 * secret): a development convenience behind `branchflow token` and the console's role picker.
 * Refused in production, where anyone holding the secret could sign any role, and when only
 * public keys are configured, since there is nothing to sign with.
 */
export async function mintDevelopmentToken(config: AppConfig, request: TokenRequest): Promise<string> {
  if (!mintsDevelopmentTokens(config)) throw new MintingRefused();
  return mintToken(config.auth, request);
}
