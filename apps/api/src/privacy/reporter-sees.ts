import { SetMetadata } from '@nestjs/common';

export const REPORTER_SEES = 'branchflow:reporter-sees';

/**
 * What a reporting job (role `reporter`) sees of a route's answer, decided on every route a
 * reporter may read — as `@ReadAccess()`/`@ReportAccess()` decide who may call it — so a route
 * added tomorrow must say what it shows of a person:
 * - `everything`: the answer holds nothing reporters may not see (no birth date, age finer than
 *   a birth year, suspension reason, expulsion, vetting note, exclusion reason or free-text
 *   remark about a person), and reporters get exactly what auditors get;
 * - `redacted`: the handler answers reporters without those (it reads `@CallerRole()` and builds
 *   their answer from an allow-list, reporter-fields.ts).
 * test/privacy checks that every such route has a decision, that exactly the `redacted` ones take
 * `@CallerRole()`, and, over a history holding each kind of withheld data, that `everything`
 * routes answer both roles alike and `redacted` ones do not.
 */
export interface ReporterSeesDecision {
  readonly kind: 'everything' | 'redacted';
  /** Why, for the reviewer: what the answer holds of a person, or what is withheld. */
  readonly why: string;
}

export const ReporterSees = (kind: ReporterSeesDecision['kind'], why: string) =>
  SetMetadata(REPORTER_SEES, { kind, why } satisfies ReporterSeesDecision);
