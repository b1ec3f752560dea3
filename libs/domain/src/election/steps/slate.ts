import { refuse } from '../../shared/domain-error';
import { anniversaryOf, requireText } from '../../shared/iso-date';
import { ApproveCandidateSlate, MemberStanding, Person, SubmitCandidateSlate } from '../election.commands';
import { ElectionEvent, SlateWarning } from '../election.events';
import { ElectionIn } from '../election.state';
import {
  minimumCommitteeCandidates,
  personOf,
  requireDateBetween,
  requireEligibleNominee,
  requirePostInElection,
} from '../guards';
import { Judge, stamp } from '../judge';

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
      throw refuse('DUPLICATE_CANDIDATE', { list: label });
    }
  }
  const minimum = request.committee
    ? minimumCommitteeCandidates(request.committeeSeats, policy.differentialSharePercent)
    : 0;
  if (request.committee && committeeCandidates.length < minimum) {
    throw refuse('TOO_FEW_COMMITTEE_CANDIDATES', {
      candidates: committeeCandidates.length,
      seats: request.committeeSeats,
      minimum,
      sharePercent: policy.differentialSharePercent,
      policyVersion: policy.version,
    });
  }
  if (!request.committee && committeeCandidates.length > 0) {
    throw refuse('COMMITTEE_CANDIDATES_WITHOUT_COMMITTEE', { candidates: committeeCandidates.length });
  }
  if (deputySecretaryCandidates.length > 0) requirePostInElection('deputySecretary', state);
  const perOffice = policy.officersUncontestedAllowed ? 1 : 2;
  for (const [list, office, wanted] of [
    [secretaryCandidates, 'secretary', true],
    [deputySecretaryCandidates, 'deputy secretary', request.deputySecretary],
  ] as const) {
    if (wanted && list.length < perOffice) {
      throw refuse('TOO_FEW_OFFICER_CANDIDATES', {
        office,
        candidates: list.length,
        minimum: perOffice,
        policyVersion: policy.version,
      });
    }
  }
  const secretaryIds = new Set(secretaryCandidates.map((person) => person.personId));
  const both = deputySecretaryCandidates.find((person) => secretaryIds.has(person.personId));
  if (both !== undefined) {
    throw refuse('CANDIDATE_FOR_BOTH_OFFICES', { personId: both.personId, name: both.name, stage: 'slate' });
  }
  if (request.committee) {
    const committeeIds = new Set(committeeCandidates.map((person) => person.personId));
    const outside = [...secretaryCandidates, ...deputySecretaryCandidates].find(
      (person) => !committeeIds.has(person.personId),
    );
    if (outside !== undefined) {
      throw refuse('OFFICER_CANDIDATE_NOT_ON_COMMITTEE_SLATE', { personId: outside.personId, name: outside.name });
    }
  }
  const nominated = new Set(state.nominations.nominees.map((entry) => entry.nominee.personId));
  for (const person of [...committeeCandidates, ...secretaryCandidates, ...deputySecretaryCandidates]) {
    if (!nominated.has(person.personId)) {
      throw refuse('SLATE_CANDIDATE_NOT_NOMINATED', { personId: person.personId, name: person.name });
    }
    requireEligibleNominee(person, context.members[person.personId], state.branchId, policy);
  }
  const warnings = secretaryCandidates.flatMap((person) =>
    secretaryStandingShortfall(personOf(person), context.members[person.personId], judge),
  );
  return [
    {
      type: 'CandidateSlateSubmitted',
      data: {
        ...stamp(state.electionId, judge),
        committeeCandidates: committeeCandidates.map(personOf),
        secretaryCandidates: secretaryCandidates.map(personOf),
        deputySecretaryCandidates: deputySecretaryCandidates.map(personOf),
        minimumCommitteeCandidates: minimum,
        warnings,
      },
    },
  ];
}

/**
 * A secretary candidate whose party standing (党龄) falls short of the rule version's minimum on
 * the slate's date (支部工作条例 Art 23: "一般应具有1年以上党龄"): refused, or returned as a warning
 * for the superior, as the version says. 党龄 counts from full membership; the roll records the
 * date of joining, so full membership is taken to begin after the one year of probation the
 * Constitution sets (Art 7), which a probation extended past a year would overstate.
 */
function secretaryStandingShortfall(
  person: Person,
  standing: MemberStanding | undefined,
  judge: Judge,
): SlateWarning[] {
  const { policy } = judge;
  const joinedPartyOn = standing?.joinedPartyOn ?? null;
  if (joinedPartyOn === null) return [];
  const minimumYears = policy.secretaryMinPartyStandingYears;
  const standingReachedOn = anniversaryOf(joinedPartyOn, 1 + minimumYears);
  if (standingReachedOn <= judge.on) return [];
  const facts = { personId: person.personId, name: person.name, joinedPartyOn, standingReachedOn, minimumYears };
  if (policy.secretaryPartyStandingShortfall === 'refusal') {
    throw refuse('SECRETARY_PARTY_STANDING_TOO_SHORT', { ...facts, on: judge.on, policyVersion: policy.version });
  }
  return [{ kind: 'secretaryPartyStandingShort', ...facts }];
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
