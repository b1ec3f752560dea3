import { NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import { missingNamed } from './not-found';
import type { Resource } from './problem-catalogue';

/**
 * Answers a GET of one aggregate: 404 when its stream holds nothing, else the state with the
 * stream revision as the ETag (the value to send back in If-Match). `what` names it, `branch b-1`.
 */
export function sendState<S extends { readonly status: string }>(
  response: Response,
  state: S,
  revision: number | null,
  what: `${Resource} ${string}`,
): S & { revision: number } {
  if (state.status === 'none' || revision === null) throw new NotFoundException(missingNamed(what));
  response.setHeader('ETag', `"${revision}"`);
  return { ...state, revision };
}
