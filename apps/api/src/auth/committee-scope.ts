import { Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { ReadModelFreshness } from '@app/application';
import { OrganisationQueries, organisationNowProjection } from '@app/read-models';

/** Request fields (route parameters or body) that name something belonging to a committee. */
const BRANCH_FIELDS = ['branchId', 'toBranchId', 'destinationBranchId'] as const;
const COMMITTEE_FIELDS = ['committeeId', 'parentCommitteeId'] as const;
const MEMBER_FIELDS = ['memberId'] as const;

/**
 * Keeps an administrator scoped to one committee inside it. Anything the request names that
 * belongs to another committee answers 404 — the same as if it did not exist — so a scoped
 * administrator cannot even learn what other committees hold.
 */
@Injectable()
export class CommitteeScope {
  constructor(
    private readonly queries: OrganisationQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async assertWithin(committeeId: string, request: Request): Promise<void> {
    // Ownership is read from the organisation model, so let it catch up with every write first.
    await this.freshness.waitForHead(organisationNowProjection.name);
    const named = { ...(request.body as Record<string, unknown> | undefined), ...request.params };
    const owners = new Set<string | null>();
    for (const field of COMMITTEE_FIELDS) if (typeof named[field] === 'string') owners.add(named[field]);
    for (const field of BRANCH_FIELDS) {
      if (typeof named[field] === 'string') owners.add(this.queries.committeeOfBranch(named[field]));
    }
    for (const field of MEMBER_FIELDS) {
      if (typeof named[field] === 'string') owners.add(this.queries.committeeOfMember(named[field]));
    }
    for (const sourceId of Array.isArray(named.sourceBranchIds) ? named.sourceBranchIds : []) {
      if (typeof sourceId === 'string') owners.add(this.queries.committeeOfBranch(sourceId));
    }
    // Unknown ids (null) fall through: the route itself answers 404 for them.
    owners.delete(null);
    if ([...owners].some((owner) => owner !== committeeId)) {
      throw new NotFoundException('No such resource.');
    }
  }
}
