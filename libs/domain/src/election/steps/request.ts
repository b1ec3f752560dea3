import { optionalDocumentNumber } from '../../shared/document-number';
import { refuse } from '../../shared/domain-error';
import { requireCalendarDate, requireText } from '../../shared/iso-date';
import { addDays, addMonths, daysBetween } from '../calendar';
import { ApproveElectionRequest, BringElectionForward, PostponeElection, RequestElection } from '../election.commands';
import { ElectionEvent } from '../election.events';
import { ElectionIn } from '../election.state';
import { StatusesFor } from '../election.transitions';
import { minimumCommitteeCandidates, requireDateBetween } from '../guards';
import { Judge, stamp } from '../judge';

export function requestElection(
  command: RequestElection,
  state: ElectionIn<'censusTaken' | 'approvalLapsed'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { committee, committeeSeats, deputySecretary } = command.data;
  const { policy } = judge;
  const plannedDate = requireCalendarDate(command.data.plannedDate, 'planned election date');
  if (plannedDate < judge.on) {
    throw refuse('PLANNED_DATE_IN_PAST', { plannedDate, requestedOn: judge.on });
  }
  if (state.dueDate !== null && plannedDate > state.dueDate) {
    throw refuse('ELECTION_LATE_WITHOUT_APPROVAL', { plannedDate, dueDate: state.dueDate });
  }
  const { fullMembers, suspendedMembers, committeeRequired } = state.census;
  if (committee !== committeeRequired) {
    const shape = {
      fullMembers,
      threshold: policy.committeeRequiredFromFullMembers,
      policyVersion: policy.version,
    };
    throw committeeRequired ? refuse('COMMITTEE_REQUIRED', shape) : refuse('COMMITTEE_NOT_ALLOWED', shape);
  }
  const eligible = fullMembers - suspendedMembers;
  let minimumCandidates = 0;
  if (committee) {
    if (
      !Number.isInteger(committeeSeats) ||
      committeeSeats < policy.committeeSizeMin ||
      committeeSeats > policy.committeeSizeHardMax
    ) {
      throw refuse('COMMITTEE_SEATS_OUT_OF_RANGE', {
        committeeSeats,
        minimum: policy.committeeSizeMin,
        usualMaximum: policy.committeeSizeUsualMax,
        hardMaximum: policy.committeeSizeHardMax,
        policyVersion: policy.version,
      });
    }
    if (policy.committeeSeatsOdd && committeeSeats % 2 === 0) {
      throw refuse('COMMITTEE_SEATS_EVEN', { committeeSeats, policyVersion: policy.version });
    }
    minimumCandidates = minimumCommitteeCandidates(committeeSeats, policy.differentialSharePercent);
  } else if (committeeSeats !== 0) {
    throw refuse('COMMITTEE_SEATS_WITHOUT_COMMITTEE', { committeeSeats });
  }
  const needed = Math.max(minimumCandidates, deputySecretary ? 2 : 1);
  if (needed > eligible) {
    throw refuse('NOT_ENOUGH_ELIGIBLE_MEMBERS', { needed, eligible, policyVersion: policy.version });
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
        requestReference: optionalDocumentNumber(command.data.requestReference, 'request reference'),
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
    later ? 'reason for the postponement' : 'reason for the advance',
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
    throw refuse('SHIFT_DIRECTION_WRONG', { newDate, fromDate, direction: later ? 'postpone' : 'advance' });
  }
  if (newDate < judge.on) {
    throw refuse('NEW_DATE_IN_PAST', { newDate });
  }
  // Measured from the term end, so successive shifts cannot add up past the limit; in calendar
  // months, so that "one year" ends on the same date a year on, whatever 29 February does.
  const termEnd = state.census.currentTerm?.end ?? fromDate;
  const shiftDays = Math.abs(daysBetween(termEnd, newDate));
  const limitMonths = judge.policy.electionShiftLimitMonths;
  const furthest = addMonths(termEnd, newDate > termEnd ? limitMonths : -limitMonths);
  const beyondLimit = newDate > termEnd ? newDate > furthest : newDate < furthest;
  const override = command.data.overrideShiftLimit === true;
  if (beyondLimit && !override) {
    throw refuse('ELECTION_SHIFT_TOO_LARGE', {
      newDate,
      termEnd,
      furthest,
      limitMonths,
      policyVersion: judge.policy.version,
    });
  }
  const data = {
    ...stamp(state.electionId, judge),
    fromDate,
    newDate,
    shiftDays,
    reason,
    approvalReference,
    shiftLimitOverridden: override && beyondLimit,
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
