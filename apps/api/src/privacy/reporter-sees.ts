import { SetMetadata } from '@nestjs/common';

export const REPORTER_SEES = 'branchflow:reporter-sees';

/**
 * What a reporting job (role `reporter`) sees of a route's answer, decided on every route a
 * reporter may read — as `@ReadAccess()`/`@ReportAccess()` decide who may call it — so a route
 * added tomorrow must say what it shows of a person (test/privacy checks every such route has
 * a decision):
 * - `everything`: the answer holds nothing reporters may not see (no birth date, suspension
 *   reason, vetting note, exclusion reason or free-text remark about a person);
 * - `redacted`: the handler answers reporters without those fields (it reads `@CallerRole()`).
 */
export interface ReporterSeesDecision {
  readonly kind: 'everything' | 'redacted';
  /** Why, for the reviewer: what the answer holds of a person, or what is withheld. */
  readonly why: string;
}

export const ReporterSees = (kind: ReporterSeesDecision['kind'], why: string) =>
  SetMetadata(REPORTER_SEES, { kind, why } satisfies ReporterSeesDecision);
