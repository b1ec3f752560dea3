import { NotFoundException } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Answers a GET of one aggregate: 404 when its stream holds nothing, else the state with the
 * stream revision as the ETag (the value to send back in If-Match).
 */
export function sendState<S extends { readonly status: string }>(
  response: Response,
  state: S,
  revision: number | null,
  what: string,
): S & { revision: number } {
  if (state.status === 'none' || revision === null) throw new NotFoundException(`No ${what} exists.`);
  response.setHeader('ETag', `"${revision}"`);
  return { ...state, revision };
}
