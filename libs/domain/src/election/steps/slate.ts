import { invalid, refuse } from '../../shared/domain-error';
import { requireText } from '../../shared/iso-date';
import { ApproveCandidateSlate, SubmitCandidateSlate } from '../election.commands';
import { ElectionEvent } from '../election.events';
import { ElectionIn } from '../election.state';
import {
  minimumCommitteeCandidates,
  personOf,
  requireDateBetween,
  requireEligibleNominee,
  requirePostInElection,
} from '../guards';
import { Judge, ruleOf, stamp } from '../judge';

export function submitSlate(
  command: SubmitCandidateSlate,
  state: ElectionIn<'requestApproved' | 'slateSubmitted'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { policy } = judge;
  const { committeeCandidates, secretaryCandidates, deputySecretaryCandidates, context } = command.data;
  const { request } = state;
  for (const [list, label] of [
    [committeeCandidates, 'committee'],
    [secretaryCandidates, 'secretary'],
    [deputySecretaryCandidates, 'deputy secretary'],
  ] as const) {
    const ids = list.map((person) => person.personId);
    if (new Set(ids).size !== ids.length) {
      throw invalid(
        'DUPLICATE_CANDIDATE',
        `The ${label} list names someone twice; each candidate appears once on a list.`,
        {
          list: label,
        },
      );
    }
  }
  const minimum = request.committee
    ? minimumCommitteeCandidates(request.committeeSeats, policy.differentialSharePercent)
    : 0;
  if (request.committee && committeeCandidates.length < minimum) {
    throw refuse(
      'TOO_FEW_COMMITTEE_CANDIDATES',
      `The slate names ${committeeCandidates.length} candidates for ${request.committeeSeats} committee seats; committee candidates must exceed the seats by at least ${policy.differentialSharePercent}%, rounded up, so at least ${minimum} are needed (选举工作条例 Art 13, ${ruleOf(policy)}).`,
      { candidates: committeeCandidates.length, seats: request.committeeSeats, minimum },
    );
  }
  if (!request.committee && committeeCandidates.length > 0) {
    throw invalid(
      'COMMITTEE_CANDIDATES_WITHOUT_COMMITTEE',
      `The slate names committee candidates for a branch without a committee, which elects only its secretary and an optional deputy (RULES §2.2).`,
      { candidates: committeeCandidates.length },
    );
  }
  if (deputySecretaryCandidates.length > 0) requirePostInElection('deputySecretary', state);
  const perOffice = policy.officersUncontestedAllowed ? 1 : 2;
  for (const [list, office, wanted] of [
    [secretaryCandidates, 'secretary', true],
    [deputySecretaryCandidates, 'deputy secretary', request.deputySecretary],
  ] as const) {
    if (wanted && list.length < perOffice) {
      throw refuse(
        'TOO_FEW_OFFICER_CANDIDATES',
        `The slate names ${list.length} candidates for ${office}; ${perOffice === 1 ? 'at least one is needed (an uncontested 等额 election is allowed)' : 'this policy requires a contested election with at least two'} (RULES §1.3, ${ruleOf(policy)}).`,
        { office, candidates: list.length, minimum: perOffice },
      );
    }
  }
  const secretaryIds = new Set(secretaryCandidates.map((person) => person.personId));
  const both = deputySecretaryCandidates.find((person) => secretaryIds.has(person.personId));
  if (both !== undefined) {
    throw refuse(
      'CANDIDATE_FOR_BOTH_OFFICES',
      `${both.name} is a candidate for both secretary and deputy secretary; one person stands for one office (RULES §1.3).`,
      { personId: both.personId },
    );
  }
  if (request.committee) {
    const committeeIds = new Set(committeeCandidates.map((person) => person.personId));
    const outside = [...secretaryCandidates, ...deputySecretaryCandidates].find(
      (person) => !committeeIds.has(person.personId),
    );
    if (outside !== undefined) {
      throw refuse(
        'OFFICER_CANDIDATE_NOT_ON_COMMITTEE_SLATE',
        `${outside.name} is proposed as an officer but is not a committee candidate; the secretary and deputy are elected from the new committee (RULES §1.3).`,
        { personId: outside.personId },
      );
    }
  }
  const nominated = new Set(state.nominations.nominees.map((entry) => entry.nominee.personId));
  for (const person of [...committeeCandidates, ...secretaryCandidates, ...deputySecretaryCandidates]) {
    if (!nominated.has(person.personId)) {
      throw refuse(
        'SLATE_CANDIDATE_NOT_NOMINATED',
        `${person.name} is on the slate without having been nominated; candidates come from the nomination by the outgoing committee (选举工作条例 Art 14).`,
        { personId: person.personId },
      );
    }
    requireEligibleNominee(person, context.members[person.personId], state.branchId);
  }
  return [
    {
      type: 'CandidateSlateSubmitted',
      data: {
        ...stamp(state.electionId, judge),
        committeeCandidates: committeeCandidates.map(personOf),
        secretaryCandidates: secretaryCandidates.map(personOf),
        deputySecretaryCandidates: deputySecretaryCandidates.map(personOf),
        minimumCommitteeCandidates: minimum,
      },
    },
  ];
}

export function approveSlate(
  command: ApproveCandidateSlate,
  state: ElectionIn<'slateSubmitted'>,
  judge: Judge,
): readonly ElectionEvent[] {
  return [
    {
      type: 'CandidateSlateApproved',
      data: {
        ...stamp(state.electionId, judge),
        approvalReference: requireText(
          command.data.approvalReference,
          'slate approval reference',
          'DOCUMENT_REFERENCE_REQUIRED',
        ),
        approvedOn: requireDateBetween(
          command.data.approvedOn,
          'slate approval date',
          state.approval.approvedOn,
          judge.on,
        ),
      },
    },
  ];
}
