import { invalid, refuse } from '../../shared/domain-error';
import { requireCalendarDate, requireText } from '../../shared/iso-date';
import { addDays, daysBetween } from '../calendar';
import { ApproveElectionRequest, BringElectionForward, PostponeElection, RequestElection } from '../election.commands';
import { ElectionEvent } from '../election.events';
import { ElectionIn } from '../election.state';
import { StatusesFor } from '../election.transitions';
import { minimumCommitteeCandidates, requireDateBetween } from '../guards';
import { Judge, ruleOf, stamp } from '../judge';

export function requestElection(
  command: RequestElection,
  state: ElectionIn<'censusTaken' | 'approvalLapsed'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { committee, committeeSeats, deputySecretary } = command.data;
  const { policy } = judge;
  const plannedDate = requireCalendarDate(command.data.plannedDate, 'planned election date');
  if (plannedDate < judge.on) {
    throw invalid(
      'PLANNED_DATE_IN_PAST',
      `The planned election date ${plannedDate} is before the request of ${judge.on}; a request plans an assembly still to come.`,
      { plannedDate },
    );
  }
  if (state.dueDate !== null && plannedDate > state.dueDate) {
    throw refuse(
      'ELECTION_LATE_WITHOUT_APPROVAL',
      `The planned date ${plannedDate} is after the election's due date ${state.dueDate}; a late election needs the superior's approval of a postponement first (选举工作条例 Art 3).`,
      { plannedDate, dueDate: state.dueDate },
    );
  }
  const { fullMembers, suspendedMembers, committeeRequired } = state.census;
  if (committee !== committeeRequired) {
    throw committeeRequired
      ? refuse(
          'COMMITTEE_REQUIRED',
          `The branch has ${fullMembers} full members, at least ${policy.committeeRequiredFromFullMembers}, so it must elect a committee (支部工作条例 ch. 6; RULES §2.2, ${ruleOf(policy)}).`,
          { fullMembers },
        )
      : refuse(
          'COMMITTEE_NOT_ALLOWED',
          `The branch has ${fullMembers} full members, fewer than ${policy.committeeRequiredFromFullMembers}, so it has no committee and elects its secretary (and a deputy if needed) at the assembly (支部工作条例 ch. 6; RULES §2.2, ${ruleOf(policy)}).`,
          { fullMembers },
        );
  }
  const eligible = fullMembers - suspendedMembers;
  let minimumCandidates = 0;
  if (committee) {
    if (
      !Number.isInteger(committeeSeats) ||
      committeeSeats < policy.committeeSizeMin ||
      committeeSeats > policy.committeeSizeHardMax
    ) {
      throw refuse(
        'COMMITTEE_SEATS_OUT_OF_RANGE',
        `A committee of ${committeeSeats} is outside ${policy.committeeSizeMin}–${policy.committeeSizeHardMax} members; a branch committee has ${policy.committeeSizeMin}–${policy.committeeSizeUsualMax} members and generally no more than ${policy.committeeSizeHardMax} (支部工作条例 ch. 6; RULES §2.2, ${ruleOf(policy)}).`,
        { committeeSeats },
      );
    }
    minimumCandidates = minimumCommitteeCandidates(committeeSeats, policy.differentialSharePercent);
  } else if (committeeSeats !== 0) {
    throw invalid(
      'COMMITTEE_SEATS_WITHOUT_COMMITTEE',
      `The request names ${committeeSeats} committee seats for a branch without a committee; such a branch elects only a secretary and an optional deputy (RULES §2.2).`,
      { committeeSeats },
    );
  }
  const needed = Math.max(minimumCandidates, deputySecretary ? 2 : 1);
  if (needed > eligible) {
    throw refuse(
      'NOT_ENOUGH_ELIGIBLE_MEMBERS',
      `The election needs at least ${needed} candidates but the branch has only ${eligible} full members with voting rights, and only they may be elected (选举工作条例 Arts 5 and 13, ${ruleOf(policy)}).`,
      { needed, eligible },
    );
  }
  return [
    {
      type: 'ElectionRequested',
      data: {
        ...stamp(state.electionId, judge),
        plannedDate,
        committee,
        committeeSeats,
        deputySecretary,
        electionMethod: requireText(command.data.electionMethod, 'election method'),
        nominationMethod: requireText(command.data.nominationMethod, 'nomination method'),
        agenda: (command.data.agenda ?? []).map((item) => requireText(item, 'agenda item')),
        minimumCommitteeCandidates: minimumCandidates,
        seatsAboveUsual: committee && committeeSeats > policy.committeeSizeUsualMax,
      },
    },
  ];
}

export function approveRequest(
  command: ApproveElectionRequest,
  state: ElectionIn<'requested'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const approvalReference = requireText(
    command.data.approvalReference,
    'approval reference',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const approvedOn = requireDateBetween(command.data.approvedOn, 'approval date', state.request.requestedOn, judge.on);
  return [
    {
      type: 'ElectionRequestApproved',
      data: {
        ...stamp(state.electionId, judge),
        approvalReference,
        approvedOn,
        lapsesOn: addDays(approvedOn, judge.policy.approvalLapseDays),
      },
    },
  ];
}

export function shiftElection(
  command: PostponeElection | BringElectionForward,
  state: ElectionIn<StatusesFor<'PostponeElection'>>,
  judge: Judge,
): readonly ElectionEvent[] {
  const later = command.type === 'PostponeElection';
  const reason = requireText(
    command.data.reason,
    `reason for the ${later ? 'postponement' : 'advance'}`,
    'REASON_REQUIRED',
  );
  const approvalReference = requireText(
    command.data.approvalReference,
    "superior's approval reference",
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const newDate = requireCalendarDate(command.data.newDate, 'new election date');
  const fromDate = state.dueDate ?? judge.on;
  if (later ? newDate <= fromDate : newDate >= fromDate) {
    throw invalid(
      'SHIFT_DIRECTION_WRONG',
      `The new date ${newDate} is not ${later ? 'after' : 'before'} the current due date ${fromDate}; ${later ? 'a postponement moves the election later' : 'an advance moves it earlier'}.`,
      { newDate, fromDate },
    );
  }
  if (newDate < judge.on) {
    throw invalid(
      'NEW_DATE_IN_PAST',
      `The new date ${newDate} has already passed; an election is moved to a day still to come.`,
      {
        newDate,
      },
    );
  }
  // Measured from the term end, so successive shifts cannot add up past the limit.
  const termEnd = state.census.currentTerm?.end ?? fromDate;
  const shiftDays = Math.abs(daysBetween(termEnd, newDate));
  const override = command.data.overrideShiftLimit === true;
  if (shiftDays > judge.policy.electionShiftLimitDays && !override) {
    throw refuse(
      'ELECTION_SHIFT_TOO_LARGE',
      `Moving the election to ${newDate} shifts it ${shiftDays} days from the term end ${termEnd}; a postponement or advance is generally at most ${judge.policy.electionShiftLimitDays} days (选举工作条例 Art 3, ${ruleOf(judge.policy)}).`,
      { shiftDays, limit: judge.policy.electionShiftLimitDays },
    );
  }
  const data = {
    ...stamp(state.electionId, judge),
    fromDate,
    newDate,
    shiftDays,
    reason,
    approvalReference,
    shiftLimitOverridden: override && shiftDays > judge.policy.electionShiftLimitDays,
  };
  return [later ? { type: 'ElectionPostponed', data } : { type: 'ElectionBroughtForward', data }];
}

export function lapseApproval(state: ElectionIn<StatusesFor<'LapseApproval'>>, judge: Judge): readonly ElectionEvent[] {
  return [
    {
      type: 'ApprovalLapsed',
      data: {
        ...stamp(state.electionId, judge),
        approvalReference: state.approval.approvalReference,
        lapsesOn: state.approval.lapsesOn,
      },
    },
  ];
}
