import { refuse } from '../shared/domain-error';
import { calendarDateOf } from '../shared/iso-date';
import { DatedAct } from '../shared/refusals';
import { Establishment } from './establishment-facts';

// The facts are types of their own file, so commands can carry them without importing the refusals.
export type { Establishment, EstablishmentFacts } from './establishment-facts';

/** An establishment read from an organisation's own state (for the acts on its own stream). */
export function establishmentOf(
  kind: Establishment['kind'],
  state: { readonly name: string; readonly establishedAt: string },
  id: string,
): Establishment {
  return { kind, id, name: state.name, on: calendarDateOf(state.establishedAt) ?? state.establishedAt };
}

/**
 * Refuses an act dated before the organisation it concerns was established: nothing can happen
 * in a branch or a committee before it exists (a member admitted, a post started, a rename, an
 * election opened, a restructuring proposed). `act` names the act for the sentence, `date` is its
 * date (a calendar date or the command's instant; compared as calendar dates, so the same day is
 * allowed). Every causality rule about organisations goes through here, so each reads the same.
 */
export function requireEstablishedBy(act: DatedAct, date: string, establishment: Establishment | undefined): void {
  if (establishment === undefined) return;
  const on = calendarDateOf(date) ?? date;
  if (on >= establishment.on) return;
  throw refuse('DATED_BEFORE_ESTABLISHMENT', {
    act,
    date: on,
    organisationKind: establishment.kind,
    organisationId: establishment.id,
    organisationName: establishment.name,
    establishedOn: establishment.on,
  });
}
