import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { Role } from '@app/application';
import { ProblemResponses } from '../http/problem-responses';

/** Every route states who may call it; a route without a decision is refused (deny by default). */
export type AccessDecision = { readonly kind: 'public' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export const ACCESS = 'branchflow:access';

/**
 * The decision, and what the OpenAPI document says of it, from one place: a route for roles
 * needs the bearer token (401 without one) and refuses other roles (403, which names them); a
 * public route needs nothing. A change of roles here changes the document with it.
 */
function access(decision: AccessDecision): MethodDecorator & ClassDecorator {
  if (decision.kind === 'public') {
    // An empty requirement: no token needed (open-api.ts writes it as `security: []`).
    return applyDecorators(SetMetadata(ACCESS, decision), ApiSecurity({}));
  }
  return applyDecorators(
    SetMetadata(ACCESS, decision),
    ApiBearerAuth(),
    ProblemResponses({
      401: true,
      403:
        `For ${decision.roles.join(', ')}: another role is refused, and so is a committee scope in a token that is ` +
        'not an administrator’s, or an act outside the committee an administrator’s token is scoped to.',
    }),
  );
}

const roles = (...allowed: Role[]) => access({ kind: 'roles', roles: allowed });

/** Health probes and the API description: no token needed. */
export const PublicAccess = () => access({ kind: 'public' });
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
