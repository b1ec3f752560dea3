/** Where the API finds the keys that sign its bearer tokens, and what it expects inside them. */
export interface AuthSettings {
  readonly issuer: string;
  readonly audience: string;
  /** HS256 shared secret: development and small installations. */
  readonly secret: string | null;
  /** PEM public key (RSA → RS256, EC P-256 → ES256) of the identity provider. */
  readonly publicKeyPem: string | null;
  /** A JWKS document (JSON) of the identity provider's public keys. */
  readonly jwks: string | null;
  /**
   * Where the identity provider publishes its JWKS (its `jwks_uri`): fetched when a token names
   * a key not yet known, so the provider can rotate keys without a restart.
   */
  readonly jwksUrl: string | null;
  /**
   * The longest a token may be valid, from its issue to its expiry: a leaked token is worth no
   * more than this. Tokens that claim longer lives are refused, however they are signed.
   */
  readonly maxLifetimeMinutes: number;
}

/** The secret the embedded default uses when none is configured; production refuses to start with it. */
export const DEVELOPMENT_SECRET = 'branchflow-development-secret-do-not-use-in-production';

export const DEFAULT_ISSUER = 'branchflow';
export const DEFAULT_AUDIENCE = 'branchflow-api';

/**
 * 12 hours: a working day with overtime, so a token fetched in the morning lasts the day (the
 * CLI mints 8-hour tokens), while identity providers' access tokens (minutes to an hour) are far
 * below it. A token minted for weeks, the kind that leaks into scripts, is refused.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_MINUTES = 720;

/** An upper bound for the setting itself: no deployment needs tokens that live beyond a week. */
export const MAX_TOKEN_LIFETIME_LIMIT_MINUTES = 10_080;

export const usesDevelopmentSecret = (settings: AuthSettings): boolean => settings.secret === DEVELOPMENT_SECRET;
