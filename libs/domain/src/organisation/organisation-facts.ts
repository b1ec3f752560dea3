/**
 * Facts about other aggregates that a decider needs but does not own.
 *
 * Design choice: a decider sees only its own stream. When a rule depends on another stream
 * (is the target branch open? how many members does this branch have? is the post holder a full
 * member here?), the command carries those facts in `data.context`. The application layer fills
 * `context` from the store or the read models just before deciding, and appends with the expected
 * revision of the stream being written. The facts are therefore as fresh as that read; the rules
 * that must never be broken (a member has one affiliation; a branch closes only at zero members)
 * stay safe because each is enforced on the single stream that owns the fact, or re-checked by the
 * restructuring process immediately before the step that needs it. When an organisation was
 * established travels the same way (`EstablishmentFacts`, see ./establishment), so an act on
 * another stream is never dated before the branch or committee it concerns existed.
 */

/** What the application knows about a branch stream: absent, open, or dissolved. */
export type BranchStatusFact = 'notFound' | 'open' | 'dissolved';

/** What the application knows about a party committee stream. */
export type CommitteeStatusFact = 'notFound' | 'active' | 'dissolved';

/** A branch's members by standing, as counted from the member streams (the member roll). */
export interface MemberCounts {
  readonly full: number;
  readonly probationary: number;
}
