import { optionalDocumentNumber } from '../../shared/document-number';
import { refuse } from '../../shared/domain-error';
import { requireText } from '../../shared/iso-date';
import { ApproveElectionResult, Person, ReportElectionResult } from '../election.commands';
import { ElectedOfficer, ElectionEvent, SlateDeviation } from '../election.events';
import { ElectionIn } from '../election.state';
import { personOf, requireDateBetween } from '../guards';
import { Judge, stamp } from '../judge';
import { committeeMembersOf } from './officers';

/** How the result departs from the approved slate; each needs the superior's decision. */
export function slateDeviations(
  state: ElectionIn<'officersElected' | 'resultReported' | 'resultApproved'>,
): readonly SlateDeviation[] {
  const deviations: SlateDeviation[] = [];
  for (const race of state.races) {
    const slateIds = new Set(race.slateCandidates.map((person) => person.personId));
    for (const person of race.elected) {
      if (!slateIds.has(person.personId))
        deviations.push({ kind: 'writeInElected', race: race.race, person: personOf(person) });
    }
  }
  if (state.request.committee) {
    const check = (
      officer: ElectedOfficer | null,
      list: readonly Person[],
      post: 'secretary' | 'deputySecretary',
    ): void => {
      if (officer !== null && !list.some((person) => person.personId === officer.personId)) {
        deviations.push({ kind: 'officerNotSlateCandidate', post, person: personOf(officer) });
      }
    };
    check(state.officers.secretary, state.slate.secretaryCandidates, 'secretary');
    check(state.officers.deputySecretary, state.slate.deputySecretaryCandidates, 'deputySecretary');
  }
  if (state.request.deputySecretary && state.officers.deputySecretary === null)
    deviations.push({ kind: 'deputyNotElected' });
  for (const reduction of state.seatReductions) {
    deviations.push({
      kind: 'seatsReduced',
      race: reduction.race,
      fromSeats: reduction.fromSeats,
      toSeats: reduction.toSeats,
    });
  }
  return deviations;
}

export function report(
  command: ReportElectionResult,
  state: ElectionIn<'officersElected'>,
  judge: Judge,
): readonly ElectionEvent[] {
  return [
    {
      type: 'ElectionResultReported',
      data: {
        ...stamp(state.electionId, judge),
        reportReference: requireText(command.data.reportReference, 'report reference', 'DOCUMENT_REFERENCE_REQUIRED'),
        committeeMembers: state.races.find((race) => race.race === 'committee')?.elected ?? [],
        secretary: state.officers.secretary,
        deputySecretary: state.officers.deputySecretary,
        deviations: slateDeviations(state),
      },
    },
  ];
}

export function approveResult(
  command: ApproveElectionResult,
  state: ElectionIn<'resultReported'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const approvalReference = requireText(
    command.data.approvalReference,
    'result approval reference',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const approvedOn = requireDateBetween(command.data.approvedOn, 'result approval date', state.assembly.date, judge.on);
  const committee = committeeMembersOf(state);
  const filingReference = optionalDocumentNumber(command.data.filingReference?.trim() || undefined, 'filing reference');
  if (state.request.committee && filingReference === null) {
    throw refuse('FILING_REFERENCE_REQUIRED', {});
  }
  const decision = command.data.superiorDecision;
  if (
    state.report.deviations.length > 0 &&
    (decision === undefined || decision.reference.trim() === '' || decision.decision.trim() === '')
  ) {
    throw refuse('SUPERIOR_DECISION_REQUIRED', { deviations: state.report.deviations });
  }
  const officers = [state.officers.secretary, state.officers.deputySecretary].filter(
    (officer): officer is ElectedOfficer => officer !== null,
  );
  return [
    {
      type: 'ElectionResultApproved',
      data: {
        ...stamp(state.electionId, judge),
        approvalReference,
        approvedOn,
        approvedOfficers: officers.map(personOf),
        filedCommitteeMembers: committee,
        filingReference,
        superiorDecision:
          decision === undefined || state.report.deviations.length === 0
            ? null
            : { reference: decision.reference.trim(), decision: decision.decision.trim() },
      },
    },
  ];
}
