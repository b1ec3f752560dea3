import { edgeMessage, type EdgeDetails } from '../http/problem-catalogue';

/** No usable credentials (`missing` or `invalid`): 401 with a WWW-Authenticate challenge. */
export class Unauthenticated extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(readonly details: EdgeDetails<'UNAUTHENTICATED'>) {
    super(edgeMessage('UNAUTHENTICATED', details, 'en'));
  }
}

/** Authenticated, but the role may not call this route: 403. */
export class Forbidden extends Error {
  readonly code = 'FORBIDDEN';
  constructor(readonly details: EdgeDetails<'FORBIDDEN'>) {
    super(edgeMessage('FORBIDDEN', details, 'en'));
  }
}
