import { DEFAULT_RULE_POLICIES } from '../../policy/default-rule-policies';
import { policyInForce } from '../../policy/policy-in-force';
import { RulePolicy } from '../../policy/rule-policy';
import { assertNever, Decider } from '../../shared/decider';
import { refuse } from '../../shared/domain-error';
import {
  anniversaryOf,
  calendarDateOf,
  requireCalendarDate,
  requireOrderedDates,
  requireText,
} from '../../shared/iso-date';
import { branchDissolved } from '../branch/branch.decider';
import { requireEstablishedBy } from '../establishment';
import { BranchStatusFact } from '../organisation-facts';
import {
  AdmitMember,
  ConfirmMember,
  CorrectMemberData,
  MemberCommand,
  PersonalData,
  RecordMemberDeparture,
  RestoreVotingRights,
  SuspendVotingRights,
  TransferMember,
} from './member.commands';
import { MemberEvent } from './member.events';
import { ActiveMember, MemberState } from './member.state';

export const memberStreamName = (memberId: string): string => `member-${memberId}`;

type Left = Extract<MemberState, { status: 'left' }>;

export type MemberDecider = Decider<MemberCommand, MemberEvent, MemberState>;

/**
 * The member decider judges the joining age by the policy in force on the command's
 * `metadata.at`, chosen from `policies` (built-in and published versions).
 */
export function createMemberDecider(policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES): MemberDecider {
  return {
    initialState: () => ({ status: 'none' }),
    decide: (command, state) => decide(command, state, policies),
    evolve,
  };
}

export const memberDecider: MemberDecider = createMemberDecider();

function decide(command: MemberCommand, state: MemberState, policies: readonly RulePolicy[]): readonly MemberEvent[] {
  switch (command.type) {
    case 'AdmitMember':
      return admit(command, state, policies);
    case 'CorrectMemberData':
      return correct(command, requireKnown(state, command.data.memberId), policies);
    case 'ConfirmMember':
      return confirm(command, requireActive(state, command.data.memberId));
    case 'SuspendVotingRights':
      return suspend(command, requireActive(state, command.data.memberId));
    case 'RestoreVotingRights':
      return restore(command, requireActive(state, command.data.memberId));
    case 'TransferMember':
      return transfer(command, requireActive(state, command.data.memberId));
    case 'RecordMemberDeparture':
      return depart(command, requireActive(state, command.data.memberId));
    default:
      return assertNever(command);
  }
}

function evolve(state: MemberState, event: MemberEvent): MemberState {
  switch (event.type) {
    case 'MemberAdmitted': {
      const { memberId, membership, branchId, name, birthDate, sex, joinedPartyOn, formerPostLevel } = event.data;
      return {
        status: 'active',
        memberId,
        personal: { name, birthDate, sex, joinedPartyOn, formerPostLevel },
        membership,
        branchId,
        suspension: null,
        lastTransferRestructuringId: null,
        affiliated: { since: calendarDateOf(event.data.at) ?? event.data.at, by: 'admission' },
      };
    }
    case 'MemberConfirmed':
      return state.status === 'active' ? { ...state, membership: 'full' } : state;
    case 'VotingRightsSuspended':
      return state.status === 'active'
        ? { ...state, suspension: { reason: event.data.reason, from: event.data.from, until: event.data.until } }
        : state;
    case 'VotingRightsRestored':
      return state.status === 'active' ? { ...state, suspension: null } : state;
    case 'MemberTransferred':
      return state.status === 'active'
        ? {
            ...state,
            branchId: event.data.toBranchId,
            lastTransferRestructuringId: event.data.restructuringId,
            affiliated: { since: calendarDateOf(event.data.at) ?? event.data.at, by: 'transfer' },
          }
        : state;
    case 'MemberLeft':
      return state.status === 'active'
        ? {
            status: 'left',
            memberId: state.memberId,
            personal: state.personal,
            membership: state.membership,
            lastBranchId: state.branchId,
            reason: event.data.reason,
            leftOn: event.data.leftOn,
          }
        : state;
    case 'MemberDataCorrected':
      return state.status === 'none' ? state : { ...state, personal: { ...state.personal, ...event.data.corrections } };
    default:
      return assertNever(event);
  }
}

function requireKnown(state: MemberState, memberId: string): ActiveMember | Left {
  if (state.status === 'none') {
    throw refuse('MEMBER_NOT_FOUND', { memberId });
  }
  return state;
}

function requireActive(state: MemberState, memberId: string): ActiveMember {
  const known = requireKnown(state, memberId);
  if (known.status === 'left') throw memberLeft(known);
  return known;
}

function memberLeft(state: Left): Error {
  return refuse('MEMBER_LEFT', {
    memberId: state.memberId,
    name: state.personal.name,
    leftOn: state.leftOn,
    reason: state.reason,
  });
}

/** The branch a member joins must be open: no one may be attached to a closed or unknown branch. */
function requireBranchOpen(branchId: string, status: BranchStatusFact): void {
  switch (status) {
    case 'notFound':
      throw refuse('BRANCH_NOT_FOUND', { branchId, purpose: 'affiliation' });
    case 'dissolved':
      throw branchDissolved(branchId, branchId);
    case 'open':
      return;
    default:
      assertNever(status);
  }
}

function requirePersonalData(data: Partial<PersonalData>): void {
  if (data.name !== undefined) requireText(data.name, 'member name', 'INVALID_NAME');
  if (data.birthDate !== undefined) requireCalendarDate(data.birthDate, 'birth date');
  if (data.joinedPartyOn !== undefined) requireCalendarDate(data.joinedPartyOn, 'date of joining the Party');
  if (data.formerPostLevel !== undefined) requireText(data.formerPostLevel, 'former post level');
  if (data.sex !== undefined && data.sex !== 'male' && data.sex !== 'female') {
    throw refuse('INVALID_SEX', { value: String(data.sex) });
  }
}

function requireBornBeforeJoining(personal: PersonalData): void {
  if (personal.joinedPartyOn <= personal.birthDate) {
    throw refuse('INVALID_DATE_RANGE', {
      name: personal.name,
      birthDate: personal.birthDate,
      joinedPartyOn: personal.joinedPartyOn,
    });
  }
}

/**
 * A date of joining that cannot be true: after the record that states it (so in the future when
 * the record was made), or before the person reached the joining age of the policy in force.
 */
function requireJoiningPossible(
  personal: PersonalData,
  at: string,
  policies: readonly RulePolicy[],
  act: 'admission' | 'correction',
): void {
  const recordedOn = calendarDateOf(at) ?? at;
  if (personal.joinedPartyOn > recordedOn) {
    throw refuse('JOINED_PARTY_IN_FUTURE', {
      name: personal.name,
      joinedPartyOn: personal.joinedPartyOn,
      recordedOn,
      act,
    });
  }
  const policy = policyInForce(policies, at);
  const age = policy.minimumPartyJoiningAge;
  const cameOfAge = anniversaryOf(personal.birthDate, age);
  if (personal.joinedPartyOn < cameOfAge) {
    throw refuse('JOINED_PARTY_UNDER_AGE', {
      name: personal.name,
      birthDate: personal.birthDate,
      joinedPartyOn: personal.joinedPartyOn,
      minimumAge: age,
      cameOfAgeOn: cameOfAge,
      policyVersion: policy.version,
    });
  }
}

function admit(command: AdmitMember, state: MemberState, policies: readonly RulePolicy[]): readonly MemberEvent[] {
  const { memberId, membership, branchId, context, name, birthDate, sex, joinedPartyOn, formerPostLevel } =
    command.data;
  if (state.status === 'active') {
    throw refuse('MEMBER_ALREADY_EXISTS', { memberId, branchId: state.branchId });
  }
  if (state.status === 'left') throw memberLeft(state);
  const personal: PersonalData = {
    name: name.trim(),
    birthDate,
    sex,
    joinedPartyOn,
    formerPostLevel: formerPostLevel.trim(),
  };
  requirePersonalData(personal);
  requireBornBeforeJoining(personal);
  requireBranchOpen(branchId, context.branchStatus);
  requireEstablishedBy(
    { kind: 'admission', member: personal.name },
    command.metadata.at,
    context.established[branchId],
  );
  requireJoiningPossible(personal, command.metadata.at, policies, 'admission');
  return [{ type: 'MemberAdmitted', data: { memberId, ...personal, membership, branchId, at: command.metadata.at } }];
}

function confirm(command: ConfirmMember, state: ActiveMember): readonly MemberEvent[] {
  if (state.membership === 'full') {
    throw refuse('MEMBER_ALREADY_FULL', { memberId: state.memberId, name: state.personal.name });
  }
  const confirmedOn = requireCalendarDate(command.data.confirmedOn, 'confirmation date');
  requireOrderedDates(state.personal.joinedPartyOn, confirmedOn, 'probation');
  return [
    {
      type: 'MemberConfirmed',
      data: { memberId: state.memberId, branchId: state.branchId, confirmedOn, at: command.metadata.at },
    },
  ];
}

function suspend(command: SuspendVotingRights, state: ActiveMember): readonly MemberEvent[] {
  const { reason, until } = command.data;
  if (state.suspension !== null) {
    throw refuse('VOTING_RIGHTS_ALREADY_SUSPENDED', {
      memberId: state.memberId,
      name: state.personal.name,
      since: state.suspension.from,
      reason: state.suspension.reason,
    });
  }
  const from = requireCalendarDate(command.data.from, 'suspension start date');
  if (until !== undefined) requireOrderedDates(from, until, 'suspension');
  return [
    {
      type: 'VotingRightsSuspended',
      data: {
        memberId: state.memberId,
        reason,
        from,
        until: until ?? null,
        documentReference: command.data.documentReference ?? null,
        at: command.metadata.at,
      },
    },
  ];
}

function restore(command: RestoreVotingRights, state: ActiveMember): readonly MemberEvent[] {
  if (state.suspension === null) {
    throw refuse('VOTING_RIGHTS_NOT_SUSPENDED', { memberId: state.memberId, name: state.personal.name });
  }
  const restoredOn = requireCalendarDate(command.data.restoredOn, 'restoration date');
  requireOrderedDates(state.suspension.from, restoredOn, 'suspension');
  return [
    {
      type: 'VotingRightsRestored',
      data: {
        memberId: state.memberId,
        reason: state.suspension.reason,
        restoredOn,
        documentReference: command.data.documentReference ?? null,
        at: command.metadata.at,
      },
    },
  ];
}

function transfer(command: TransferMember, state: ActiveMember): readonly MemberEvent[] {
  const { toBranchId, expectedFromBranchId, restructuringId, context } = command.data;
  if (toBranchId === state.branchId) {
    // A restructuring retrying a step it already completed: nothing more to do.
    if (restructuringId !== undefined && state.lastTransferRestructuringId === restructuringId) return [];
    throw refuse('SOURCE_EQUALS_TARGET', { memberId: state.memberId, name: state.personal.name, branchId: toBranchId });
  }
  if (expectedFromBranchId !== undefined && expectedFromBranchId !== state.branchId) {
    throw refuse('MEMBER_NOT_IN_EXPECTED_BRANCH', {
      memberId: state.memberId,
      name: state.personal.name,
      branchId: state.branchId,
      expectedFromBranchId,
    });
  }
  // A member leaves a branch only after joining it: by admission, or by the transfer that brought them.
  const transferOn = calendarDateOf(command.metadata.at) ?? command.metadata.at;
  if (transferOn < state.affiliated.since) {
    throw refuse('TRANSFER_BEFORE_AFFILIATION', {
      memberId: state.memberId,
      name: state.personal.name,
      transferOn,
      affiliatedSince: state.affiliated.since,
      affiliatedBy: state.affiliated.by,
    });
  }
  requireBranchOpen(toBranchId, context.toBranchStatus);
  requireEstablishedBy(
    { kind: 'transfer', member: state.personal.name },
    command.metadata.at,
    context.established[toBranchId],
  );
  return [
    {
      type: 'MemberTransferred',
      data: {
        memberId: state.memberId,
        fromBranchId: state.branchId,
        toBranchId,
        restructuringId: restructuringId ?? null,
        documentReference: command.data.documentReference ?? null,
        at: command.metadata.at,
      },
    },
  ];
}

function depart(command: RecordMemberDeparture, state: ActiveMember): readonly MemberEvent[] {
  const leftOn = requireCalendarDate(command.data.leftOn, 'date of leaving');
  return [
    {
      type: 'MemberLeft',
      data: {
        memberId: state.memberId,
        branchId: state.branchId,
        reason: command.data.reason,
        leftOn,
        note: command.data.note?.trim() || null,
        at: command.metadata.at,
      },
    },
  ];
}

function correct(
  command: CorrectMemberData,
  state: ActiveMember | Left,
  policies: readonly RulePolicy[],
): readonly MemberEvent[] {
  const reason = requireText(command.data.reason, 'reason for the correction', 'REASON_REQUIRED');
  const keys = (Object.keys(command.data.corrections) as (keyof PersonalData)[]).filter(
    (key) => command.data.corrections[key] !== undefined && command.data.corrections[key] !== state.personal[key],
  );
  if (keys.length === 0) {
    throw refuse('NOTHING_TO_CORRECT', { memberId: state.memberId, name: state.personal.name });
  }
  const corrections: Partial<PersonalData> = Object.fromEntries(
    keys.map((key) => [key, command.data.corrections[key]]),
  );
  const previous: Partial<PersonalData> = Object.fromEntries(keys.map((key) => [key, state.personal[key]]));
  requirePersonalData(corrections);
  const corrected = { ...state.personal, ...corrections };
  requireBornBeforeJoining(corrected);
  // Only a correction of the dates can make them impossible; a renaming leaves them as judged.
  if (corrections.birthDate !== undefined || corrections.joinedPartyOn !== undefined) {
    requireJoiningPossible(corrected, command.metadata.at, policies, 'correction');
  }
  return [
    {
      type: 'MemberDataCorrected',
      data: { memberId: state.memberId, previous, corrections, reason, at: command.metadata.at },
    },
  ];
}
