import { SetMetadata } from '@nestjs/common';
import type { Role } from '@app/application';

/** Every route states who may call it; a route without a decision is refused (deny by default). */
export type AccessDecision = { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export const ACCESS = 'branchflow:access';

const roles = (...allowed: Role[]) => SetMetadata(ACCESS, { kind: 'roles', roles: allowed } satisfies AccessDecision);

/** Health probes and the API description: no token needed. */
export const PublicAccess = () => SetMetadata(ACCESS, { kind: 'public' } satisfies AccessDecision);
/** Commands that change the organisation or an election: administrators only. */
export const AdminAccess = () => roles('admin');
/** The organisation as it stands (a branch, a member, a roll): every role. */
export const ReadAccess = () => roles('admin', 'auditor', 'reporter');
/** History, as-of views, diffs, verification and digests: auditors. */
export const AuditAccess = () => roles('auditor');
/**
 * The organisation as of a date and what changed between two dates: auditors, and the
 * administrators who drive restructurings and elections (a committee-scoped one sees their part).
 */
export const OverviewAccess = () => roles('admin', 'auditor');
/** Statistics, exports and the change feed: reporting jobs, and auditors who read everything. */
export const ReportAccess = () => roles('reporter', 'auditor');
