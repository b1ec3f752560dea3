import type { ElectionView } from '@app/application';

/**
 * GET /elections/:id for a reporting job, withholding what the change feed withholds of the
 * same facts (reporter-fields.ts): each roll entry's suspension reason, each exclusion's reason
 * (illness, a sentence) and the free-text reason of a cancellation. The election's own state
 * never holds vetting notes or community opinions (only who was vetted, how and when).
 */
export function electionForReporter(view: ElectionView): Record<string, unknown> {
  const state = view.state;
  if (state.status === 'cancelled') {
    const { reason, ...shown } = state;
    // Every blocked action quotes the cancellation's reason (blockedBy): the sentence goes without it.
    const nextActions = view.nextActions.map((action) =>
      action.allowed ? action : { ...action, reason: action.reason.split(` (${reason})`).join('') },
    );
    return { ...view, state: shown, nextActions };
  }
  if (!('assembly' in state)) return { ...view };
  const assembly = {
    ...state.assembly,
    roll: state.assembly.roll.map(({ suspension: _suspension, ...entry }) => entry),
    exclusions: state.assembly.exclusions.map(({ reason: _reason, ...exclusion }) => exclusion),
  };
  return { ...view, state: { ...state, assembly } };
}
