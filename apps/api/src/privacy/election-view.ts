import type { ElectionView } from '@app/application';
import { REPORTER_FIELDS, reporterShape, type FieldShape } from '@app/read-models';

const PERSON = { personId: true, name: true } as const;
const OFFICER = { ...PERSON, votes: { for: true, against: true, abstain: true } } as const;
const ELECTED = { ...PERSON, votes: true, roundNo: true } as const;
const ROUND = { roundNo: true, kind: true, candidates: PERSON, seats: true } as const;

/**
 * GET /elections/:id for a reporting job, by an allow-list of every field an election's state
 * can have in any status (a field added to the state fails to compile here until it is decided),
 * withholding what the change feed withholds of the same facts (reporter-fields.ts): each roll
 * entry's suspension reason, each exclusion's reason (illness, a sentence) and the free-text
 * reason of a cancellation, which every blocked action quotes (`cancelledFor`: the sentence goes
 * without it). The state never holds vetting notes or community opinions (only who was vetted,
 * how and when). Ballots, counts, seat reductions, officers and the approval are shown as the
 * feed shows the events that recorded them.
 */
function electionShape(cancelledFor: string | null): FieldShape<ElectionView> {
  // The blocked actions' sentences quote the reason, in English ` (…)` or in Chinese `（…）`.
  const quoted = cancelledFor === null ? null : [` (${cancelledFor})`, `（${cancelledFor}）`, cancelledFor];
  return {
    electionId: true,
    revision: true,
    termNumber: true,
    documentNumbers: { request: true, requestApproval: true, resultReport: true, resultApproval: true, filing: true },
    state: {
      status: true,
      electionId: true,
      branchId: true,
      census: {
        fullMembers: true,
        probationaryMembers: true,
        suspendedMembers: true,
        committeeRequired: true,
        overSize: true,
        currentTerm: { start: true, end: true },
        policyVersion: true,
        termNumber: true,
        termNumberBasis: true,
      },
      dueDate: true,
      lastActOn: true,
      request: {
        plannedDate: true,
        committee: true,
        committeeSeats: true,
        deputySecretary: true,
        minimumCommitteeCandidates: true,
        requestedOn: true,
        requestReference: true,
      },
      approval: { approvalReference: true, approvedOn: true, lapsesOn: true },
      lapsedApproval: { approvalReference: true, approvedOn: true, lapsesOn: true },
      nominations: {
        recommendations: { nominee: PERSON, forPost: true, recommendedBy: PERSON },
        nominees: { nominee: PERSON, forPost: true, nominatedBy: true },
        vettings: { nominee: PERSON, method: true, on: true },
        consultations: { nominee: PERSON, community: true },
      },
      slate: { committeeCandidates: PERSON, secretaryCandidates: PERSON, deputySecretaryCandidates: PERSON },
      slateApproval: { approvalReference: true, approvedOn: true },
      assembly: {
        date: true,
        policyVersion: true,
        roll: { memberId: true, name: true, membership: true, suspension: false },
        exclusions: { memberId: true, reason: false, approvalReference: true },
        dueVoters: PERSON,
        presentVoters: PERSON,
        nonVotingAttendees: { person: PERSON, kind: true },
        concurrentPostHolders: PERSON,
        scrutineers: PERSON,
        tellers: PERSON,
      },
      races: {
        race: true,
        seats: true,
        slateCandidates: PERSON,
        elected: ELECTED,
        rounds: REPORTER_FIELDS.BallotsRecorded.fields,
        counts: REPORTER_FIELDS.BallotsCounted.fields,
        nextRoundNo: true,
        phase: true,
        round: ROUND,
        recorded: REPORTER_FIELDS.BallotsRecorded.fields,
        notElected: PERSON,
      },
      seatReductions: REPORTER_FIELDS.SeatsReduced.fields,
      officers: {
        electedBy: true,
        chair: PERSON,
        secretary: OFFICER,
        deputySecretary: OFFICER,
        scrutineers: PERSON,
        duties: true,
      },
      report: {
        reportReference: true,
        deviations: { kind: true, race: true, person: PERSON, post: true, fromSeats: true, toSeats: true },
      },
      resultApproval: {
        approvalReference: true,
        approvedOn: true,
        approvedOfficers: PERSON,
        filedCommitteeMembers: PERSON,
        filingReference: true,
        superiorDecision: { reference: true, decision: true },
      },
      installation: {
        posts: { postId: true, kind: true, duty: true, holder: PERSON },
        termStart: true,
        termEnd: true,
        termYears: true,
        termPolicyVersion: true,
      },
      installedAt: true,
      reason: false,
      cancelledInStatus: true,
      cancelledAt: true,
      termEndReminders: { daysBefore: true, dueOn: true, termEnd: true },
    },
    steps: {
      revision: true,
      type: true,
      occurredAt: true,
      recordedAt: true,
      actor: { id: true, name: true, role: true },
      policyVersion: true,
    },
    policyInForce: true,
    asOf: true,
    nextActions: {
      command: true,
      allowed: true,
      code: true,
      reason:
        quoted === null
          ? true
          : (sentence: string) => quoted.reduce((text, quoting) => text.split(quoting).join(''), sentence),
    },
  };
}

export function electionForReporter(view: ElectionView): Record<string, unknown> {
  const cancelledFor = view.state.status === 'cancelled' ? view.state.reason : null;
  return reporterShape(electionShape(cancelledFor), view);
}
