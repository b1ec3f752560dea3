/**
 * What the writer believes about the stream before appending.
 * - `noStream`: the stream must not exist yet;
 * - `streamExists`: it must have at least one event;
 * - `any`: no check;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'noStream' | 'streamExists' | 'any' | number;

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected;
}
