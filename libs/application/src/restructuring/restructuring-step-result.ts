/**
 * How a step ended: `done` appended its events; `replayed` had been done before under the same
 * command id (a retry after a crash); `unchanged` needed no event (e.g. the shape flags did not
 * change); `alreadyDone` was refused because the world already matches (e.g. dissolved by another
 * route); `skipped` cannot apply any more and need not (a member who left meanwhile).
 */
export type RestructuringStepResult = 'done' | 'replayed' | 'unchanged' | 'alreadyDone' | 'skipped';
