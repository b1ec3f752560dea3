import { DEFAULT_RULE_POLICIES } from '../../policy/default-rule-policies';
import { policyInForce } from '../../policy/policy-in-force';
import { RulePolicy } from '../../policy/rule-policy';
import { assertNever, Decider } from '../../shared/decider';
import { refuse } from '../../shared/domain-error';
import { requireCalendarDate, requireOrderedDates, requireText } from '../../shared/iso-date';
import { FieldLabel } from '../../shared/refusals';
import { requireParentActive } from '../committee/committee.decider';
import { Establishment, establishmentOf, requireEstablishedBy } from '../establishment';
import { branchShape } from './branch-shape';
import {
  AddManagementLink,
  AssessBranchShape,
  AssignPost,
  BranchCommand,
  DissolveBranch,
  EstablishBranch,
  ManagementLink,
  ReaffiliateBranch,
  RemoveManagementLink,
  RenameBranch,
  VacatePost,
} from './branch.commands';
import { BranchEvent, PostAssignmentEvent, PostVacated } from './branch.events';
import { BranchState, hasCommittee, OpenBranch } from './branch.state';
import { leavesVacancy, Post, SINGLE_HOLDER_POSTS } from './post';

export const branchStreamName = (branchId: string): string => `branch-${branchId}`;

export type BranchDecider = Decider<BranchCommand, BranchEvent, BranchState>;

const branchEstablishment = (state: OpenBranch): Establishment => establishmentOf('branch', state, state.branchId);

/**
 * The branch decider judges thresholds by the policy in force on the command's `metadata.at`,
 * chosen from `policies`; events that applied a threshold record the version.
 */
export function createBranchDecider(policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES): BranchDecider {
  return {
    initialState: () => ({ status: 'none' }),
    decide: (command, state) => decide(command, state, policies),
    evolve,
  };
}

export const branchDecider: BranchDecider = createBranchDecider();

function decide(command: BranchCommand, state: BranchState, policies: readonly RulePolicy[]): readonly BranchEvent[] {
  if (command.type === 'EstablishBranch') return establish(command, state, policies);
  const open = requireOpen(state, command.data.branchId);
  requireEstablishedBy(
    { kind: 'branch', command: command.type, branch: open.name },
    command.metadata.at,
    branchEstablishment(open),
  );
  switch (command.type) {
    case 'RenameBranch':
      return rename(command, open);
    case 'ReaffiliateBranch':
      return reaffiliate(command, open);
    case 'AddManagementLink':
      return addLink(command, open);
    case 'RemoveManagementLink':
      return removeLink(command, open);
    case 'AssignPost':
      return assignPost(command, open);
    case 'VacatePost':
      return vacatePost(command, open);
    case 'AssessBranchShape':
      return assessShape(command, open, policies);
    case 'DissolveBranch':
      return dissolve(command, open);
    default:
      return assertNever(command);
  }
}

function evolve(state: BranchState, event: BranchEvent): BranchState {
  switch (event.type) {
    case 'BranchEstablished':
      return {
        status: 'open',
        branchId: event.data.branchId,
        name: event.data.name,
        parentCommitteeId: event.data.parentCommitteeId,
        managementLinks: event.data.managementLinks,
        joint: event.data.joint,
        jointUnits: event.data.jointUnits,
        posts: [],
        endedPostIds: [],
        vacancies: [],
        lastShape: null,
        establishedAt: event.data.at,
        founded: event.data.restructuringId !== null || event.data.decisionReference !== null,
      };
    case 'BranchRenamed':
      return state.status === 'open' ? { ...state, name: event.data.name } : state;
    case 'BranchReaffiliated':
      return state.status === 'open' ? { ...state, parentCommitteeId: event.data.toCommitteeId } : state;
    case 'ManagementLinkAdded':
      return state.status === 'open'
        ? { ...state, managementLinks: [...state.managementLinks, event.data.link] }
        : state;
    case 'ManagementLinkRemoved':
      return state.status === 'open'
        ? { ...state, managementLinks: state.managementLinks.filter((link) => link.linkId !== event.data.link.linkId) }
        : state;
    case 'PostAssigned':
    case 'OfficerAppointed':
    case 'ViceSecretaryCrossAppointed':
    case 'PartyAffairsOfficerAssigned':
      return state.status === 'open'
        ? {
            ...state,
            posts: [...state.posts, event.data.post],
            vacancies: state.vacancies.filter((vacancy) => vacancy.postId !== event.data.vacancyPostId),
          }
        : state;
    case 'PostVacated':
      return state.status === 'open' ? withPostVacated(state, event) : state;
    case 'BranchShapeAssessed':
      return state.status === 'open' ? { ...state, lastShape: event.data.shape } : state;
    case 'BranchDissolved':
      return state.status === 'open'
        ? {
            status: 'dissolved',
            branchId: state.branchId,
            name: state.name,
            parentCommitteeId: state.parentCommitteeId,
            establishedAt: state.establishedAt,
            dissolvedAt: event.data.at,
            restructuringId: event.data.restructuringId,
          }
        : state;
    default:
      return assertNever(event);
  }
}

function withPostVacated(state: OpenBranch, event: PostVacated): OpenBranch {
  const { postId, reason, endDate } = event.data;
  const post = state.posts.find((candidate) => candidate.postId === postId);
  const vacancy =
    post !== undefined && leavesVacancy(post, reason)
      ? [{ postId, kind: post.kind, duty: post.duty, holder: post.holder, reason, endDate }]
      : [];
  return {
    ...state,
    posts: state.posts.filter((candidate) => candidate.postId !== postId),
    endedPostIds: [...state.endedPostIds, postId],
    vacancies: [...state.vacancies, ...vacancy],
  };
}

function requireOpen(state: BranchState, branchId: string): OpenBranch {
  switch (state.status) {
    case 'none':
      throw refuse('BRANCH_NOT_FOUND', { branchId, purpose: 'change' });
    case 'dissolved':
      throw branchDissolved(state.name, state.branchId, state.dissolvedAt);
    case 'open':
      return state;
    default:
      return assertNever(state);
  }
}

export function branchDissolved(name: string, branchId: string, dissolvedAt?: string): Error {
  return refuse('BRANCH_DISSOLVED', { branchId, name, dissolvedAt: dissolvedAt ?? null });
}

function establish(
  command: EstablishBranch,
  state: BranchState,
  policies: readonly RulePolicy[],
): readonly BranchEvent[] {
  const { branchId, parentCommitteeId, joint, context } = command.data;
  if (state.status === 'dissolved') throw branchDissolved(state.name, state.branchId, state.dissolvedAt);
  if (state.status === 'open') {
    throw refuse('BRANCH_ALREADY_EXISTS', { branchId, name: state.name });
  }
  const name = requireText(command.data.name, 'branch name', 'INVALID_NAME');
  requireParentActive(parentCommitteeId, context.parentCommitteeStatus);
  requireEstablishedBy(
    { kind: 'branch', command: 'EstablishBranch', branch: name },
    command.metadata.at,
    context.established[parentCommitteeId],
  );
  const policy = policyInForce(policies, command.metadata.at);
  const jointUnits = command.data.jointUnits ?? [];
  if (joint && jointUnits.length < 2) {
    throw refuse('JOINT_BRANCH_NEEDS_UNITS', { branchId, name, units: jointUnits.length });
  }
  if (!joint && jointUnits.length > 0) {
    throw refuse('JOINT_UNITS_WITHOUT_JOINT_FLAG', { branchId, name });
  }
  if (jointUnits.length > policy.jointBranchMaxUnits) {
    throw refuse('JOINT_BRANCH_TOO_MANY_UNITS', {
      branchId,
      name,
      units: jointUnits.length,
      max: policy.jointBranchMaxUnits,
      policyVersion: policy.version,
    });
  }
  const managementLinks = command.data.managementLinks ?? [];
  managementLinks.forEach((link, index) => {
    requireText(link.name, 'management link name', 'INVALID_NAME');
    if (managementLinks.findIndex((other) => other.linkId === link.linkId) !== index) throw duplicateLink(name, link);
  });
  return [
    {
      type: 'BranchEstablished',
      data: {
        branchId,
        name,
        parentCommitteeId,
        managementLinks,
        joint,
        jointUnits,
        decisionReference: command.data.decisionReference ?? null,
        restructuringId: command.data.restructuringId ?? null,
        policyVersion: policy.version,
        at: command.metadata.at,
      },
    },
  ];
}

function rename(command: RenameBranch, state: OpenBranch): readonly BranchEvent[] {
  const name = requireText(command.data.name, 'branch name', 'INVALID_NAME');
  if (name === state.name) return [];
  return [
    {
      type: 'BranchRenamed',
      data: { branchId: state.branchId, previousName: state.name, name, at: command.metadata.at },
    },
  ];
}

function reaffiliate(command: ReaffiliateBranch, state: OpenBranch): readonly BranchEvent[] {
  const { parentCommitteeId, context } = command.data;
  if (parentCommitteeId === state.parentCommitteeId) return [];
  requireParentActive(parentCommitteeId, context.parentCommitteeStatus);
  requireEstablishedBy(
    { kind: 'branch', command: 'ReaffiliateBranch', branch: state.name },
    command.metadata.at,
    context.established[parentCommitteeId],
  );
  return [
    {
      type: 'BranchReaffiliated',
      data: {
        branchId: state.branchId,
        fromCommitteeId: state.parentCommitteeId,
        toCommitteeId: parentCommitteeId,
        decisionReference: command.data.decisionReference ?? null,
        at: command.metadata.at,
      },
    },
  ];
}

function duplicateLink(branchName: string, link: ManagementLink): Error {
  return refuse('MANAGEMENT_LINK_ALREADY_EXISTS', { linkId: link.linkId, branchName });
}

function addLink(command: AddManagementLink, state: OpenBranch): readonly BranchEvent[] {
  const { link } = command.data;
  requireText(link.name, 'management link name', 'INVALID_NAME');
  if (state.managementLinks.some((existing) => existing.linkId === link.linkId)) throw duplicateLink(state.name, link);
  return [{ type: 'ManagementLinkAdded', data: { branchId: state.branchId, link, at: command.metadata.at } }];
}

function removeLink(command: RemoveManagementLink, state: OpenBranch): readonly BranchEvent[] {
  const link = state.managementLinks.find((existing) => existing.linkId === command.data.linkId);
  if (link === undefined) {
    throw refuse('MANAGEMENT_LINK_NOT_FOUND', { linkId: command.data.linkId, branchName: state.name });
  }
  return [{ type: 'ManagementLinkRemoved', data: { branchId: state.branchId, link, at: command.metadata.at } }];
}

function assignPost(command: AssignPost, state: OpenBranch): readonly BranchEvent[] {
  const { postId, kind, source, holder, context } = command.data;
  const startDate = requireCalendarDate(command.data.startDate, 'post start date');
  const holderName = requireText(holder.name, 'post holder name', 'INVALID_NAME');
  // A post is held in a branch, so it cannot have begun before the branch was founded. A branch
  // taken over keeps the officers it had, whose posts began before the bureau's record did.
  if (state.founded) {
    requireEstablishedBy({ kind: 'postStart', holder: holderName, post: kind }, startDate, branchEstablishment(state));
  }
  if (state.posts.some((post) => post.postId === postId) || state.endedPostIds.includes(postId)) {
    throw refuse('POST_ALREADY_EXISTS', { postId, branchName: state.name });
  }
  const duty =
    kind === 'committeeMember' ? requireText(command.data.duty, 'committee member duty', 'DUTY_REQUIRED') : null;
  const documentReference = command.data.documentReference?.trim() || null;
  switch (source) {
    case 'appointed':
      if (kind !== 'secretary' && kind !== 'deputySecretary') {
        throw refuse('APPOINTMENT_NOT_ALLOWED_FOR_POST', { kind });
      }
      if (documentReference === null) {
        throw refuse('DOCUMENT_REFERENCE_REQUIRED', { postId, holderName });
      }
      break;
    case 'elected':
      if (kind === 'partyAffairsOfficer') {
        throw refuse('POST_NOT_ELECTIVE', { kind });
      }
      if (!context.holder.isMemberOfBranch || !context.holder.isFullMember || context.holder.votingRightsSuspended) {
        throw refuse('POST_HOLDER_NOT_ELIGIBLE', {
          personId: holder.personId,
          holderName,
          branchName: state.name,
          ...context.holder,
        });
      }
      break;
    case 'concurrent':
      if (kind === 'secretary') {
        throw refuse('CONCURRENT_NOT_ALLOWED_FOR_POST', { kind });
      }
      break;
    default:
      assertNever(source);
  }
  if (SINGLE_HOLDER_POSTS.includes(kind)) {
    const occupant = state.posts.find((post) => post.kind === kind);
    if (occupant !== undefined) {
      throw refuse('POST_OCCUPIED', {
        kind,
        occupantPostId: occupant.postId,
        occupantName: occupant.holder.name,
        branchName: state.name,
      });
    }
  }
  const vacancyPostId = command.data.vacancyPostId;
  if (vacancyPostId !== undefined) {
    const vacancy = state.vacancies.find((candidate) => candidate.postId === vacancyPostId);
    if (vacancy === undefined || vacancy.kind !== kind || source !== 'elected') {
      throw refuse('NO_VACANCY_FOR_POST', { postId: vacancyPostId, branchName: state.name });
    }
  }
  const held = state.posts.find((post) => post.holder.personId === holder.personId);
  if (held !== undefined) {
    throw refuse('PERSON_ALREADY_HOLDS_POST', {
      personId: holder.personId,
      postId: held.postId,
      holderName,
      heldKind: held.kind,
      branchName: state.name,
    });
  }
  const post: Post = {
    postId,
    kind,
    duty,
    source,
    documentReference,
    holder: { personId: holder.personId, name: holderName },
    startDate,
  };
  const data = {
    branchId: state.branchId,
    post,
    ...(vacancyPostId === undefined ? {} : { vacancyPostId }),
    at: command.metadata.at,
  };
  return [{ type: assignmentEventType(post), data }];
}

/** The glossary names each way a post is filled; they share one data shape. */
function assignmentEventType(post: Post): PostAssignmentEvent['type'] {
  if (post.source === 'appointed') return 'OfficerAppointed';
  if (post.kind === 'partyAffairsOfficer') return 'PartyAffairsOfficerAssigned';
  if (post.source === 'concurrent' && post.kind === 'deputySecretary') return 'ViceSecretaryCrossAppointed';
  return 'PostAssigned';
}

function vacatePost(command: VacatePost, state: OpenBranch): readonly BranchEvent[] {
  const { postId, reason } = command.data;
  const post = state.posts.find((candidate) => candidate.postId === postId);
  if (post === undefined) {
    if (state.endedPostIds.includes(postId)) {
      throw refuse('POST_ALREADY_VACATED', { postId, branchName: state.name });
    }
    throw refuse('POST_NOT_FOUND', { postId, branchName: state.name });
  }
  const endDate = requireCalendarDate(command.data.endDate, 'post end date');
  requireOrderedDates(post.startDate, endDate, 'post');
  return [postVacated(state.branchId, post, reason, command.data.note?.trim() || null, endDate, command.metadata.at)];
}

function postVacated(
  branchId: string,
  post: Post,
  reason: PostVacated['data']['reason'],
  note: string | null,
  endDate: string,
  at: string,
): PostVacated {
  return {
    type: 'PostVacated',
    data: { branchId, postId: post.postId, kind: post.kind, holder: post.holder, reason, note, endDate, at },
  };
}

function assessShape(
  command: AssessBranchShape,
  state: OpenBranch,
  policies: readonly RulePolicy[],
): readonly BranchEvent[] {
  const { counts } = command.data.context;
  requireCounts(counts.full, 'full member count');
  requireCounts(counts.probationary, 'probationary member count');
  const committee = hasCommittee(state);
  const shape = branchShape(counts, committee, policyInForce(policies, command.metadata.at));
  // Recorded only when a flag (or the policy judging it) changes, so repeats append nothing.
  if (state.lastShape !== null && sameShape(state.lastShape, shape)) return [];
  return [
    {
      type: 'BranchShapeAssessed',
      data: { branchId: state.branchId, counts, hasCommittee: committee, shape, at: command.metadata.at },
    },
  ];
}

function sameShape(a: NonNullable<OpenBranch['lastShape']>, b: NonNullable<OpenBranch['lastShape']>): boolean {
  return (
    a.belowMinimum === b.belowMinimum &&
    a.committeeRequired === b.committeeRequired &&
    a.electionRequired === b.electionRequired &&
    a.overSize === b.overSize &&
    a.policyVersion === b.policyVersion
  );
}

function requireCounts(value: number, field: FieldLabel): void {
  if (!Number.isInteger(value) || value < 0) throw refuse('INVALID_COUNT', { field, value });
}

function dissolve(command: DissolveBranch, state: OpenBranch): readonly BranchEvent[] {
  const { memberCount } = command.data.context;
  const reason = requireText(command.data.reason, 'reason for dissolution', 'REASON_REQUIRED');
  requireCounts(memberCount, 'member count');
  if (memberCount > 0) {
    throw refuse('BRANCH_HAS_MEMBERS', { branchId: state.branchId, name: state.name, memberCount });
  }
  const endDate = requireCalendarDate(command.metadata.at, 'dissolution date');
  // Officer posts end with the branch (RULES B: DISSOLVE), each recorded for the archive.
  const endedPosts = state.posts.map((post) =>
    postVacated(state.branchId, post, 'branchDissolved', null, endDate, command.metadata.at),
  );
  return [
    ...endedPosts,
    {
      type: 'BranchDissolved',
      data: {
        branchId: state.branchId,
        reason,
        decisionReference: command.data.decisionReference ?? null,
        restructuringId: command.data.restructuringId ?? null,
        at: command.metadata.at,
      },
    },
  ];
}
