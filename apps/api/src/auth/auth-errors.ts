/** No usable credentials: 401 with a WWW-Authenticate challenge. */
export class Unauthenticated extends Error {
  readonly code = 'UNAUTHENTICATED';
}

/** Authenticated, but the role may not call this route: 403. */
export class Forbidden extends Error {
  readonly code = 'FORBIDDEN';
}
