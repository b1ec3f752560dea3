import type { MemberState } from '@app/domain';

/**
 * GET /members/:id for a reporting job: no birth date, and of a suspension only the day it
 * began. The reason (留党察看, 留置, 逮捕) is withheld, and so is the planned end, which points to
 * it (留党察看 runs a fixed period): the same as the change feed shows.
 */
export function memberForReporter(view: MemberState & { readonly revision: number }): Record<string, unknown> {
  if (view.status === 'none') return { ...view };
  const { birthDate: _birthDate, ...personal } = view.personal;
  if (view.status === 'left') return { ...view, personal };
  return { ...view, personal, suspension: view.suspension === null ? null : { from: view.suspension.from } };
}
