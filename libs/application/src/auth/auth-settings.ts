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
}

/** The secret the embedded default uses when none is configured; production refuses to start with it. */
export const DEVELOPMENT_SECRET = 'branchflow-development-secret-do-not-use-in-production';

export const DEFAULT_ISSUER = 'branchflow';
export const DEFAULT_AUDIENCE = 'branchflow-api';

export const usesDevelopmentSecret = (settings: AuthSettings): boolean => settings.secret === DEVELOPMENT_SECRET;
