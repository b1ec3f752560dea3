import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { deciderSpecification } from '../shared/decider-specification';
import { BringElectionForward, ElectionCommand, PostponeElection, SubmitCandidateSlate } from './election.commands';
import { createElectionDecider, electionDecider } from './election.decider';
import { ElectionEvent } from './election.events';
import {
  approveRequest,
  approveResult,
  BRANCH,
  approveSlate,
  ballot,
  cancelElection,
  COMMITTEE_BALLOTS,
  COMMUNITY_SECRETARY,
  confirmInstallation,
  convene,
  countBallots,
  ELECTION,
  electOfficers,
  fullMember,
  history,
  meta,
  nominate,
  person,
  recordBallots,
  reportResult,
  requestElection,
  requestInstallation,
  ROLL,
  small,
  SMALL_SECRETARY_SHORT,
  SMALL_TO_ASSEMBLY,
  smallConvene,
  standing,
  stateOf,
  submitSlate,
  takeCensus,
  TELLER,
  TO_COMMITTEE_ELECTED,
  TO_RESULT_APPROVED,
  TO_SLATE_APPROVED,
  STROKES,
} from './election.fixtures';

const spec = deciderSpecification(electionDecider);
/** A bureau's version allowing an even number of committee seats, for the rules that concern other things. */
const evenSeats = createElectionDecider(
  DEFAULT_RULE_POLICIES.map((policy) => ({ ...policy, committeeSeatsOdd: false })),
);
const given = (commands: readonly ElectionCommand[]): ElectionEvent[] => history(commands);
const stamp = (date: string, policyVersion = '2022-10-22') => ({
  electionId: ELECTION,
  policyVersion,
  at: `${date}T09:00:00+08:00`,
});
const decide = (commands: readonly ElectionCommand[], command: ElectionCommand): readonly ElectionEvent[] =>
  electionDecider.decide(command, stateOf(given(commands)));
/** The history after the decider accepted `command` on it. */
const after = (events: readonly ElectionEvent[], command: ElectionCommand): ElectionEvent[] => [
  ...events,
  ...electionDecider.decide(command, stateOf(events)),
];
const only = <T extends ElectionEvent['type']>(
  events: readonly ElectionEvent[],
  type: T,
): Extract<ElectionEvent, { type: T }> => {
  const found = events.filter((event): event is Extract<ElectionEvent, { type: T }> => event.type === type);
  expect(found).toHaveLength(1);
  return found[0]!;
};

const CENSUS = given([takeCensus()]);
const REQUESTED = given([takeCensus(), requestElection()]);
const APPROVED = given([takeCensus(), requestElection(), approveRequest()]);
const SLATE_APPROVED = given(TO_SLATE_APPROVED);
const ASSEMBLY = given([...TO_SLATE_APPROVED, convene()]);
const COMMITTEE = given(TO_COMMITTEE_ELECTED);

describe('Election decider', () => {
  describe('TakeCensus (摸排)', () => {
    it('counts full, probationary and suspended members from the roll snapshot and records the policy version', () => {
      spec
        .given([])
        .when(takeCensus({ notes: '无' }))
        .then([
          {
            type: 'CensusTaken',
            data: {
              ...stamp('2023-03-01'),
              branchId: 'b-fudong',
              fullMembers: 11,
              probationaryMembers: 1,
              suspendedMembers: 1,
              committeeRequired: true,
              overSize: false,
              currentTerm: { start: '2020-06-30', end: '2023-06-30' },
              committeeWorking: '支委会运转正常',
              secretarySituation: '书记年龄偏大，愿意交班',
              notes: '无',
              termNumber: 2,
              termNumberBasis: 'committeesOnRecord',
            },
          },
        ]);
    });

    it('finds no committee required below 7 full members, judged by the 2018 version before 2022-10-22', () => {
      const roll = [1, 2, 3, 4, 5, 6].map(fullMember);
      const events = electionDecider.decide(
        {
          ...takeCensus({ context: { branchStatus: 'open', roll, currentTerm: null, established: {} } }),
          metadata: meta('2021-03-01'),
        },
        { status: 'none' },
      );
      expect(only(events, 'CensusTaken').data).toMatchObject({
        committeeRequired: false,
        fullMembers: 6,
        policyVersion: '2018-10-28',
      });
    });

    it('refuses a branch below 3 full members with BRANCH_BELOW_MINIMUM', () => {
      spec
        .given([])
        .when(
          takeCensus({
            context: { branchStatus: 'open', roll: [1, 2].map(fullMember), currentTerm: null, established: {} },
          }),
        )
        .thenThrows('BRANCH_BELOW_MINIMUM');
    });

    it('refuses a census dated before the branch was established with DATED_BEFORE_ESTABLISHMENT', () => {
      const branch = { kind: 'branch', id: BRANCH, name: '府前社区离退休干部党支部', on: '2030-01-01' } as const;
      const error = spec
        .given([])
        .when(
          takeCensus({
            context: { branchStatus: 'open', roll: ROLL, currentTerm: null, established: { [BRANCH]: branch } },
          }),
        )
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
      expect(error.message).toContain('The census opening the election is dated');
      expect(error.message).toContain('was established on 2030-01-01');
    });

    it('refuses a dissolved branch with BRANCH_NOT_OPEN', () => {
      spec
        .given([])
        .when(takeCensus({ context: { branchStatus: 'dissolved', roll: ROLL, currentTerm: null, established: {} } }))
        .thenThrows('BRANCH_NOT_OPEN');
    });

    it('refuses a roll listing a member twice, a blank account, and another branch on the same stream', () => {
      spec
        .given([])
        .when(
          takeCensus({
            context: { branchStatus: 'open', roll: [...ROLL, fullMember(1)], currentTerm: null, established: {} },
          }),
        )
        .thenThrows('DUPLICATE_ROLL_ENTRY');
      spec
        .given([])
        .when(takeCensus({ secretarySituation: ' ' }))
        .thenThrows('REQUIRED_FIELD');
      spec
        .given(CENSUS)
        .when(takeCensus({ branchId: 'b-other' }))
        .thenThrows('ELECTION_BRANCH_MISMATCH');
    });

    it('closes once the request is submitted with CENSUS_CLOSED', () => {
      spec.given(REQUESTED).when(takeCensus()).thenThrows('CENSUS_CLOSED');
    });
  });

  describe('RequestElection (换届请示)', () => {
    it('records seats, method and the minimum number of committee candidates', () => {
      spec
        .given(CENSUS)
        .when(requestElection({ agenda: ['工作报告', '选举'] }))
        .then([
          {
            type: 'ElectionRequested',
            data: {
              ...stamp('2023-03-10'),
              plannedDate: '2023-05-20',
              committee: true,
              committeeSeats: 3,
              deputySecretary: true,
              electionMethod: '差额选举，无记名投票',
              nominationMethod: '党员推荐，支委会提名',
              agenda: ['工作报告', '选举'],
              minimumCommitteeCandidates: 4,
              seatsAboveUsual: false,
              requestReference: null,
            },
          },
        ]);
    });

    it('flags seats above the usual five and refuses more than the hard maximum of seven', () => {
      const wide = evenSeats.decide(requestElection({ committeeSeats: 6 }), stateOf(CENSUS));
      expect(only(wide, 'ElectionRequested').data).toMatchObject({
        seatsAboveUsual: true,
        minimumCommitteeCandidates: 8,
      });
      spec
        .given(CENSUS)
        .when(requestElection({ committeeSeats: 8 }))
        .thenThrows('COMMITTEE_SEATS_OUT_OF_RANGE');
      spec
        .given(CENSUS)
        .when(requestElection({ committeeSeats: 2 }))
        .thenThrows('COMMITTEE_SEATS_OUT_OF_RANGE');
    });

    it('refuses an even number of committee seats while the rule version asks for an odd one (RULES X4)', () => {
      spec
        .given(CENSUS)
        .when(requestElection({ committeeSeats: 4 }))
        .thenThrows('COMMITTEE_SEATS_EVEN');
      expect(evenSeats.decide(requestElection({ committeeSeats: 4 }), stateOf(CENSUS))).toHaveLength(1);
    });

    it('refuses a branch of 7+ full members without a committee, and a small branch with one', () => {
      spec
        .given(CENSUS)
        .when(requestElection({ committee: false, committeeSeats: 0 }))
        .thenThrows('COMMITTEE_REQUIRED');
      spec
        .given(given(SMALL_TO_ASSEMBLY.slice(0, 1)))
        .when(requestElection())
        .thenThrows('COMMITTEE_NOT_ALLOWED');
      spec
        .given(given(SMALL_TO_ASSEMBLY.slice(0, 1)))
        .when(requestElection({ committee: false, committeeSeats: 3 }))
        .thenThrows('COMMITTEE_SEATS_WITHOUT_COMMITTEE');
    });

    it('refuses more seats than eligible members could contest with NOT_ENOUGH_ELIGIBLE_MEMBERS', () => {
      // 7 full members, one suspended: 6 eligible; 5 seats need 6 candidates, 6 seats would need 8.
      const roll = [...[1, 2, 3, 4, 5, 6].map(fullMember), { ...fullMember(7), suspension: 'detention' as const }];
      const census = given([
        takeCensus({ context: { branchStatus: 'open', roll, currentTerm: null, established: {} } }),
      ]);
      deciderSpecification(evenSeats)
        .given(census)
        .when(requestElection({ committeeSeats: 6 }))
        .thenThrows('NOT_ENOUGH_ELIGIBLE_MEMBERS');
      expect(
        decide(
          [takeCensus({ context: { branchStatus: 'open', roll, currentTerm: null, established: {} } })],
          requestElection({ committeeSeats: 5 }),
        ),
      ).toHaveLength(1);
    });

    it('refuses a planned date after the term end without a postponement, and a date in the past', () => {
      spec
        .given(CENSUS)
        .when(requestElection({ plannedDate: '2023-07-15' }))
        .thenThrows('ELECTION_LATE_WITHOUT_APPROVAL');
      spec
        .given(CENSUS)
        .when(requestElection({ plannedDate: '2023-03-01' }))
        .thenThrows('PLANNED_DATE_IN_PAST');
    });

    it('may not be submitted twice with REQUEST_ALREADY_SUBMITTED, nor before the census with ELECTION_NOT_STARTED', () => {
      spec.given(REQUESTED).when(requestElection()).thenThrows('REQUEST_ALREADY_SUBMITTED');
      spec.given([]).when(requestElection()).thenThrows('ELECTION_NOT_STARTED');
    });
  });

  describe('ApproveElectionRequest (批复) and LapseApproval', () => {
    it('stores the reference and date, and the lapse date from the policy (90 days)', () => {
      spec
        .given(REQUESTED)
        .when(approveRequest())
        .then([
          {
            type: 'ElectionRequestApproved',
            data: {
              ...stamp('2023-03-20'),
              approvalReference: '孝离党字〔2023〕5号',
              approvedOn: '2023-03-20',
              lapsesOn: '2023-06-18',
            },
          },
        ]);
    });

    it('uses the lapse days of the policy in force', () => {
      const quick = createElectionDecider(
        DEFAULT_RULE_POLICIES.map((policy) => ({ ...policy, approvalLapseDays: 30 })),
      );
      const events = quick.decide(approveRequest(), stateOf(REQUESTED));
      expect(only(events, 'ElectionRequestApproved').data.lapsesOn).toBe('2023-04-19');
    });

    it('refuses an approval dated before the request, a blank reference, and a second approval', () => {
      spec
        .given(REQUESTED)
        .when({ ...approveRequest(), data: { electionId: ELECTION, approvalReference: 'x', approvedOn: '2023-03-05' } })
        .thenThrows('DATE_OUT_OF_ORDER');
      spec
        .given(REQUESTED)
        .when({ ...approveRequest(), data: { electionId: ELECTION, approvalReference: '', approvedOn: '2023-03-20' } })
        .thenThrows('DOCUMENT_REFERENCE_REQUIRED');
      spec.given(APPROVED).when(approveRequest()).thenThrows('REQUEST_NOT_PENDING');
    });

    it('lapses on the due date when the timer fires, and is refused the day before', () => {
      const lapse = (date: string): ElectionCommand => ({
        type: 'LapseApproval',
        data: { electionId: ELECTION },
        metadata: meta(date),
      });
      spec.given(APPROVED).when(lapse('2023-06-17')).thenThrows('APPROVAL_NOT_YET_LAPSED');
      spec
        .given(APPROVED)
        .when(lapse('2023-06-18'))
        .then([
          {
            type: 'ApprovalLapsed',
            data: { ...stamp('2023-06-18'), approvalReference: '孝离党字〔2023〕5号', lapsesOn: '2023-06-18' },
          },
        ]);
      spec.given(ASSEMBLY).when(lapse('2023-07-01')).thenThrows('NO_UNUSED_APPROVAL');
    });

    it('after a lapse refuses the slate and the assembly, and takes a new request', () => {
      const lapsed = [
        ...given(TO_SLATE_APPROVED),
        ...decide(TO_SLATE_APPROVED, {
          type: 'LapseApproval',
          data: { electionId: ELECTION },
          metadata: meta('2023-06-20'),
        }),
      ];
      expect(stateOf(lapsed).status).toBe('approvalLapsed');
      spec.given(lapsed).when(convene({}, '2023-06-21')).thenThrows('SLATE_NOT_APPROVED');
      const again = electionDecider.decide(
        requestElection({ plannedDate: '2023-06-28' }, '2023-06-21'),
        stateOf(lapsed),
      );
      expect(only(again, 'ElectionRequested').data.plannedDate).toBe('2023-06-28');
    });

    it('refuses steps that use an approval past its lapse date even before the timer fires, with APPROVAL_LAPSED', () => {
      spec.given(SLATE_APPROVED).when(convene({}, '2023-06-18')).thenThrows('APPROVAL_LAPSED');
    });
  });

  describe('PostponeElection and BringElectionForward (Art 3)', () => {
    const shift = (
      type: 'PostponeElection' | 'BringElectionForward',
      newDate: string,
      override = false,
    ): PostponeElection | BringElectionForward => ({
      type,
      data: {
        electionId: ELECTION,
        newDate,
        reason: '社区调整',
        approvalReference: '孝离党字〔2023〕7号',
        overrideShiftLimit: override,
      },
      metadata: meta('2023-03-05'),
    });

    it('postpones within a calendar year of the term end with the superior approval, and moves the due date', () => {
      spec
        .given(CENSUS)
        .when(shift('PostponeElection', '2024-06-29'))
        .then([
          {
            type: 'ElectionPostponed',
            data: {
              ...stamp('2023-03-05'),
              fromDate: '2023-06-30',
              newDate: '2024-06-29',
              shiftDays: 365,
              reason: '社区调整',
              approvalReference: '孝离党字〔2023〕7号',
              shiftLimitOverridden: false,
            },
          },
        ]);
      const postponed = [...CENSUS, ...decide([takeCensus()], shift('PostponeElection', '2024-06-29'))];
      expect(electionDecider.decide(requestElection({ plannedDate: '2024-05-01' }), stateOf(postponed))).toHaveLength(
        1,
      );
    });

    it('allows exactly one calendar year across 29 February (366 days), as the limit is in months', () => {
      const events = electionDecider.decide(shift('PostponeElection', '2024-06-30'), stateOf(CENSUS));
      expect(only(events, 'ElectionPostponed').data).toMatchObject({ shiftDays: 366, shiftLimitOverridden: false });
    });

    it('refuses a day past one calendar year with ELECTION_SHIFT_TOO_LARGE unless explicitly overridden', () => {
      spec.given(CENSUS).when(shift('PostponeElection', '2024-07-01')).thenThrows('ELECTION_SHIFT_TOO_LARGE');
      const overridden = electionDecider.decide(shift('PostponeElection', '2024-07-01', true), stateOf(CENSUS));
      expect(only(overridden, 'ElectionPostponed').data.shiftLimitOverridden).toBe(true);
    });

    it('takes the limit from the rule version: six months refuse what twelve allow', () => {
      const halfYear = createElectionDecider(
        DEFAULT_RULE_POLICIES.map((policy) => ({ ...policy, electionShiftLimitMonths: 6 })),
      );
      expect(only(halfYear.decide(shift('PostponeElection', '2023-12-30'), stateOf(CENSUS)), 'ElectionPostponed'));
      expect(() => halfYear.decide(shift('PostponeElection', '2024-01-01'), stateOf(CENSUS))).toThrow(
        expect.objectContaining({ code: 'ELECTION_SHIFT_TOO_LARGE' }),
      );
    });

    it('brings the election forward, refusing a date that is not earlier or already past', () => {
      const events = electionDecider.decide(shift('BringElectionForward', '2023-04-30'), stateOf(CENSUS));
      expect(only(events, 'ElectionBroughtForward').data).toMatchObject({
        fromDate: '2023-06-30',
        newDate: '2023-04-30',
        shiftDays: 61,
      });
      spec.given(CENSUS).when(shift('BringElectionForward', '2023-07-30')).thenThrows('SHIFT_DIRECTION_WRONG');
      spec.given(CENSUS).when(shift('BringElectionForward', '2023-03-01')).thenThrows('NEW_DATE_IN_PAST');
    });

    it('refuses without a known term end, without a reference, and after the assembly', () => {
      const noTerm = given([
        takeCensus({ context: { branchStatus: 'open', roll: ROLL, currentTerm: null, established: {} } }),
      ]);
      spec.given(noTerm).when(shift('PostponeElection', '2023-09-01')).thenThrows('TERM_END_UNKNOWN');
      spec
        .given(CENSUS)
        .when({
          ...shift('PostponeElection', '2023-09-01'),
          data: { electionId: ELECTION, newDate: '2023-09-01', reason: 'x', approvalReference: '' },
        })
        .thenThrows('DOCUMENT_REFERENCE_REQUIRED');
      spec.given(ASSEMBLY).when(shift('PostponeElection', '2023-09-01')).thenThrows('ELECTION_ALREADY_HELD');
    });
  });

  describe('Recommendation, nomination, vetting, community consultation', () => {
    it('records who recommended whom', () => {
      spec
        .given(APPROVED)
        .when({
          type: 'RecommendCandidate',
          data: {
            electionId: ELECTION,
            nominee: person(1),
            forPost: 'secretary',
            recommendedBy: [person(5), person(6)],
            context: { nominee: standing() },
          },
          metadata: meta('2023-03-25'),
        })
        .then([
          {
            type: 'CandidateRecommended',
            data: {
              ...stamp('2023-03-25'),
              nominee: person(1),
              forPost: 'secretary',
              recommendedBy: [person(5), person(6)],
            },
          },
        ]);
    });

    it('nominates a full member of this branch, and a repeat appends nothing', () => {
      spec
        .given(APPROVED)
        .when(nominate(1))
        .then([
          {
            type: 'CandidateNominated',
            data: { ...stamp('2023-04-01'), nominee: person(1), forPost: 'committee', nominatedBy: '上届支委会' },
          },
        ]);
      spec
        .given(given([takeCensus(), requestElection(), approveRequest(), nominate(1)]))
        .when(nominate(1))
        .thenNothingHappened();
    });

    it('refuses a probationary member with NOMINEE_NOT_FULL_MEMBER', () => {
      const error = spec
        .given(APPROVED)
        .when(nominate(11, 'committee', standing({ membership: 'probationary' })))
        .thenThrows('NOMINEE_NOT_FULL_MEMBER');
      expect(error.message).toContain('Election Regulations, Art. 5');
      expect(error.messageIn('zh-CN')).toBe(
        '吴晓东是预备党员，预备党员没有被选举权（依据《中国共产党基层组织选举工作条例》第五条）。',
      );
    });

    it('refuses a suspended member with NOMINEE_RIGHTS_SUSPENDED', () => {
      spec
        .given(APPROVED)
        .when(nominate(12, 'committee', standing({ suspension: 'probation' })))
        .thenThrows('NOMINEE_RIGHTS_SUSPENDED');
    });

    it('refuses a member of another branch, someone who left, and an unknown person with NOMINEE_NOT_MEMBER_OF_BRANCH', () => {
      spec
        .given(APPROVED)
        .when(nominate(1, 'committee', standing({ branchId: 'b-other' })))
        .thenThrows('NOMINEE_NOT_MEMBER_OF_BRANCH');
      spec
        .given(APPROVED)
        .when(nominate(1, 'committee', standing({ status: 'left' })))
        .thenThrows('NOMINEE_NOT_MEMBER_OF_BRANCH');
      spec
        .given(APPROVED)
        .when(
          nominate(
            COMMUNITY_SECRETARY,
            'deputySecretary',
            standing({ status: 'notFound', branchId: null, membership: null }),
          ),
        )
        .thenThrows('NOMINEE_NOT_MEMBER_OF_BRANCH');
    });

    it('refuses a post the request does not elect, and a recommendation naming no recommender', () => {
      const small = given(SMALL_TO_ASSEMBLY.slice(0, 3));
      spec
        .given(small)
        .when(nominate(1, 'committee', standing({ branchId: 'b-yongan' })))
        .thenThrows('POST_NOT_IN_ELECTION');
      spec
        .given(APPROVED)
        .when({
          type: 'RecommendCandidate',
          data: {
            electionId: ELECTION,
            nominee: person(1),
            forPost: 'committee',
            recommendedBy: [],
            context: { nominee: standing() },
          },
          metadata: meta('2023-03-25'),
        })
        .thenThrows('RECOMMENDERS_REQUIRED');
    });

    it('refuses nominations before the approval with NOMINATION_NOT_OPEN', () => {
      spec.given(REQUESTED).when(nominate(1)).thenThrows('NOMINATION_NOT_OPEN');
    });

    it('records vetting (谈心谈话, 走访) and community consultation about nominees', () => {
      const nominated = given([takeCensus(), requestElection(), approveRequest(), nominate(1)]);
      spec
        .given(nominated)
        .when({
          type: 'VetCandidate',
          data: {
            electionId: ELECTION,
            memberId: 'm1',
            method: 'talk',
            by: '第一工作组',
            notes: '身体较好，愿意干',
            on: '2023-04-02',
          },
          metadata: meta('2023-04-02'),
        })
        .then([
          {
            type: 'CandidateVetted',
            data: {
              ...stamp('2023-04-02'),
              nominee: person(1),
              method: 'talk',
              by: '第一工作组',
              notes: '身体较好，愿意干',
              on: '2023-04-02',
            },
          },
        ]);
      spec
        .given(nominated)
        .when({
          type: 'ConsultCommunity',
          data: { electionId: ELECTION, memberId: 'm1', community: '府东社区党委', opinion: '同意', on: '2023-04-03' },
          metadata: meta('2023-04-03'),
        })
        .then([
          {
            type: 'CommunityConsulted',
            data: {
              ...stamp('2023-04-03'),
              nominee: person(1),
              community: '府东社区党委',
              opinion: '同意',
              on: '2023-04-03',
            },
          },
        ]);
      spec
        .given(nominated)
        .when({
          type: 'VetCandidate',
          data: { electionId: ELECTION, memberId: 'm9', method: 'visit', by: 'x', notes: 'y', on: '2023-04-02' },
          metadata: meta('2023-04-02'),
        })
        .thenThrows('CANDIDATE_NOT_NOMINATED');
    });
  });

  describe('SubmitCandidateSlate and ApproveCandidateSlate', () => {
    const nominated = [
      takeCensus(),
      requestElection(),
      approveRequest(),
      nominate(1),
      nominate(2),
      nominate(3),
      nominate(4),
      nominate(5),
    ];

    it('refuses 3 candidates for 3 committee seats with TOO_FEW_COMMITTEE_CANDIDATES', () => {
      const error = spec
        .given(given(nominated))
        .when(submitSlate([1, 2, 3]))
        .thenThrows('TOO_FEW_COMMITTEE_CANDIDATES');
      expect(error.message).toContain('(Election Regulations, Art. 13; policy 2022-10-22)');
      expect(error.messageIn('zh-CN')).toContain('至少需要 4 名（依据《中国共产党基层组织选举工作条例》第十三条；');
    });

    it('accepts 4 candidates for 3 seats, keeping the order of the lists', () => {
      spec
        .given(given(nominated))
        .when(submitSlate([4, 2, 3, 1]))
        .then([
          {
            type: 'CandidateSlateSubmitted',
            data: {
              ...stamp('2023-04-10'),
              committeeCandidates: [person(4), person(2), person(3), person(1)],
              secretaryCandidates: [person(1)],
              deputySecretaryCandidates: [person(2)],
              minimumCommitteeCandidates: 4,
              warnings: [],
            },
          },
        ]);
    });

    it('refuses officer candidates outside the committee list, for both offices, or for an office not elected', () => {
      spec
        .given(given(nominated))
        .when(submitSlate([1, 2, 3, 4], [5]))
        .thenThrows('OFFICER_CANDIDATE_NOT_ON_COMMITTEE_SLATE');
      spec
        .given(given(nominated))
        .when(submitSlate([1, 2, 3, 4], [1], [1]))
        .thenThrows('CANDIDATE_FOR_BOTH_OFFICES');
      spec
        .given(given(nominated))
        .when(submitSlate([1, 2, 3, 4], [], [2]))
        .thenThrows('TOO_FEW_OFFICER_CANDIDATES');
      spec
        .given(given(nominated))
        .when(submitSlate([1, 1, 3, 4]))
        .thenThrows('DUPLICATE_CANDIDATE');
    });

    it('refuses an uncontested officer slate when the policy requires contested officer elections', () => {
      const contested = createElectionDecider(
        DEFAULT_RULE_POLICIES.map((policy) => ({ ...policy, officersUncontestedAllowed: false })),
      );
      deciderSpecification(contested)
        .given(given(nominated))
        .when(submitSlate())
        .thenThrows('TOO_FEW_OFFICER_CANDIDATES');
    });

    it('refuses a candidate never nominated, or one whose rights were suspended since', () => {
      spec
        .given(given(nominated))
        .when(submitSlate([1, 2, 3, 4, 6]))
        .thenThrows('SLATE_CANDIDATE_NOT_NOMINATED');
      const suspended = submitSlate();
      spec
        .given(given(nominated))
        .when({
          ...suspended,
          data: {
            ...suspended.data,
            context: { members: { m1: standing({ suspension: 'detention' }) } },
          },
        })
        .thenThrows('NOMINEE_RIGHTS_SUSPENDED');
    });

    it('may be resubmitted before approval, is approved as submitted, and not approved twice', () => {
      const submitted = given([...nominated, submitSlate()]);
      expect(electionDecider.decide(submitSlate([1, 2, 3, 4, 5]), stateOf(submitted))).toHaveLength(1);
      spec
        .given(submitted)
        .when(approveSlate())
        .then([
          {
            type: 'CandidateSlateApproved',
            data: { ...stamp('2023-04-20'), approvalReference: '孝离党字〔2023〕9号', approvedOn: '2023-04-20' },
          },
        ]);
      spec.given(SLATE_APPROVED).when(approveSlate()).thenThrows('SLATE_NOT_SUBMITTED');
      spec.given(SLATE_APPROVED).when(submitSlate()).thenThrows('SLATE_NOT_OPEN');
    });
  });

  describe('ConveneMembersAssembly (党员大会)', () => {
    it('computes due voters from the roll snapshot: full members with rights, less approved exclusions', () => {
      const events = electionDecider.decide(
        convene({
          exclusions: [{ memberId: 'm10', reason: 'frailOrBedridden', approvalReference: '孝离党字〔2023〕12号' }],
        }),
        stateOf(SLATE_APPROVED),
      );
      const data = only(events, 'MembersAssemblyConvened').data;
      expect(data.dueVoters.map((voter) => voter.personId)).toEqual([
        'm1',
        'm2',
        'm3',
        'm4',
        'm5',
        'm6',
        'm7',
        'm8',
        'm9',
      ]);
      expect(data.quorum).toEqual({ due: 9, present: 8, numerator: 4, denominator: 5, inclusive: true });
      // The ballot lists the slate (李全爱 武雅君 张建国 王秀英) by 姓氏笔画: 王 (4), 李 (7, 横…), 张 (7, 折…), 武 (8).
      expect(data.races).toEqual([{ race: 'committee', seats: 3, candidates: [4, 1, 3, 2].map(person) }]);
      expect(data.nonVotingAttendees).toContainEqual({ person: COMMUNITY_SECRETARY, kind: 'crossAppointed' });
      expect(data.tellers).toEqual([TELLER]);
    });

    it('accepts present voters exactly 4/5 of due (8 of 10)', () => {
      expect(stateOf(after(SLATE_APPROVED, convene())).status).toBe('assemblyOpen');
    });

    it('refuses one fewer (7 of 10) with QUORUM_NOT_MET', () => {
      const error = spec
        .given(SLATE_APPROVED)
        .when(
          convene({
            presentVoters: [1, 2, 3, 4, 5, 6, 7].map(person),
            scrutineersApproval: { for: 7, against: 0, abstain: 0 },
            electionMethodAdoption: { for: 7, against: 0, abstain: 0 },
          }),
        )
        .thenThrows('QUORUM_NOT_MET');
      expect(error.message).toContain('4/5');
    });

    it('refuses a cross-appointed vice-secretary (concurrent, non-member) counted as a voter with CONCURRENT_HOLDER_CANNOT_VOTE', () => {
      spec
        .given(SLATE_APPROVED)
        .when(convene({ presentVoters: [...[1, 2, 3, 4, 5, 6, 7].map(person), COMMUNITY_SECRETARY] }))
        .thenThrows('CONCURRENT_HOLDER_CANNOT_VOTE');
    });

    it('refuses the probationary, the suspended, non-members and excluded members as voters', () => {
      const eight = [1, 2, 3, 4, 5, 6, 7].map(person);
      spec
        .given(SLATE_APPROVED)
        .when(convene({ presentVoters: [...eight, person(11)] }))
        .thenThrows('PROBATIONARY_CANNOT_VOTE');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ presentVoters: [...eight, person(12)] }))
        .thenThrows('RIGHTS_SUSPENDED_CANNOT_VOTE');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ presentVoters: [...eight, { personId: 'z1', name: '路人' }] }))
        .thenThrows('NON_MEMBER_CANNOT_VOTE');
      spec
        .given(SLATE_APPROVED)
        .when(
          convene({
            presentVoters: [...eight, person(8)],
            exclusions: [{ memberId: 'm8', reason: 'illnessPreventsExpression', approvalReference: 'x' }],
          }),
        )
        .thenThrows('EXCLUDED_MEMBER_LISTED_PRESENT');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ presentVoters: [...eight, person(7)] }))
        .thenThrows('DUPLICATE_ATTENDEE');
    });

    it('refuses exclusions without an approval, on other grounds, or of someone not due', () => {
      spec
        .given(SLATE_APPROVED)
        .when(convene({ exclusions: [{ memberId: 'm10', reason: 'frailOrBedridden', approvalReference: ' ' }] }))
        .thenThrows('EXCLUSION_NOT_APPROVED');
      spec
        .given(SLATE_APPROVED)
        .when(
          convene({
            exclusions: [{ memberId: 'm10', reason: 'busy' as unknown as 'frailOrBedridden', approvalReference: 'x' }],
          }),
        )
        .thenThrows('EXCLUSION_REASON_UNKNOWN');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ exclusions: [{ memberId: 'm11', reason: 'frailOrBedridden', approvalReference: 'x' }] }))
        .thenThrows('EXCLUSION_NOT_A_DUE_VOTER');
    });

    it('keeps non-voting attendees apart from voters', () => {
      spec
        .given(SLATE_APPROVED)
        .when(convene({ nonVotingAttendees: [{ person: person(1), kind: 'nonMember' }] }))
        .thenThrows('ATTENDEE_LISTED_TWICE');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ nonVotingAttendees: [{ person: person(9), kind: 'nonMember' }] }))
        .thenThrows('DUE_VOTER_LISTED_AS_NON_VOTING');
    });

    it('refuses candidates as scrutineers or tellers, absent scrutineers, and unapproved scrutineers', () => {
      spec
        .given(SLATE_APPROVED)
        .when(convene({ scrutineers: [person(1)] }))
        .thenThrows('SCRUTINEER_IS_CANDIDATE');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ scrutineers: [person(9)] }))
        .thenThrows('SCRUTINEER_NOT_PRESENT_VOTER');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ scrutineers: [] }))
        .thenThrows('SCRUTINEERS_REQUIRED');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ tellers: [person(2)] }))
        .thenThrows('TELLER_IS_CANDIDATE');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ tellers: [] }))
        .thenThrows('TELLERS_REQUIRED');
      spec
        .given(SLATE_APPROVED)
        .when(convene({ scrutineersApproval: { for: 5, against: 3, abstain: 0 } }))
        .thenThrows('SCRUTINEERS_NOT_APPROVED');
    });

    it('adopts the election method only by more than half of the due voters (6 of 10, not 5)', () => {
      spec
        .given(SLATE_APPROVED)
        .when(convene({ electionMethodAdoption: { for: 5, against: 3, abstain: 0 } }))
        .thenThrows('ELECTION_METHOD_NOT_ADOPTED');
      expect(
        electionDecider.decide(
          convene({ electionMethodAdoption: { for: 6, against: 2, abstain: 0 } }),
          stateOf(SLATE_APPROVED),
        ),
      ).toHaveLength(1);
      spec
        .given(SLATE_APPROVED)
        .when(convene({ electionMethodAdoption: { for: 8, against: 1, abstain: 0 } }))
        .thenThrows('MOTION_TALLY_INVALID');
    });

    it('refuses a candidate who is no longer eligible on the roll of the day', () => {
      const roll = ROLL.map((entry) => (entry.memberId === 'm4' ? { ...entry, suspension: 'arrest' as const } : entry));
      spec
        .given(SLATE_APPROVED)
        .when(
          convene({
            presentVoters: [1, 2, 3, 5, 6, 7, 8, 9].map(person),
            context: { roll, concurrentPostHolders: [], strokes: STROKES },
          }),
        )
        .thenThrows('CANDIDATE_NO_LONGER_ELIGIBLE');
    });

    it('refuses an assembly dated before the slate was approved, and any step dated before the previous one', () => {
      spec.given(SLATE_APPROVED).when(convene({}, '2023-04-19')).thenThrows('ASSEMBLY_BEFORE_SLATE_APPROVAL');
      spec.given(CENSUS).when(requestElection({}, '2023-02-28')).thenThrows('ELECTION_STEP_BEFORE_PREVIOUS');
      spec
        .given(given([takeCensus(), requestElection()]))
        .when(approveRequest('2023-03-09'))
        .thenThrows('ELECTION_STEP_BEFORE_PREVIOUS');
      // The same day as the previous step is not before it.
      expect(stateOf(after(SLATE_APPROVED, convene({}, '2023-04-20'))).status).toBe('assemblyOpen');
    });

    it('refuses an assembly after the due date without a postponement, and before the slate is approved', () => {
      spec.given(SLATE_APPROVED).when(convene({}, '2023-07-01')).thenThrows('APPROVAL_LAPSED');
      const late = createElectionDecider(
        DEFAULT_RULE_POLICIES.map((policy) => ({ ...policy, approvalLapseDays: 365 })),
      );
      deciderSpecification(late)
        .given(history(TO_SLATE_APPROVED, late))
        .when(convene({}, '2023-07-01'))
        .thenThrows('ELECTION_LATE_WITHOUT_APPROVAL');
      spec
        .given(given(TO_SLATE_APPROVED.slice(0, -1)))
        .when(convene())
        .thenThrows('SLATE_NOT_APPROVED');
    });
  });

  describe('rules from the rule version (secretary standing, non-voters, exclusion grounds)', () => {
    const NOMINATED = given(TO_SLATE_APPROVED.slice(0, -2));
    const recentSecretary = (): SubmitCandidateSlate => {
      const slate = submitSlate();
      const members = { ...slate.data.context.members, m1: standing({ joinedPartyOn: '2022-09-01' }) };
      return { ...slate, data: { ...slate.data, context: { members } } };
    };
    const refusing = createElectionDecider(
      DEFAULT_RULE_POLICIES.map((version) => ({ ...version, secretaryPartyStandingShortfall: 'refusal' as const })),
    );

    it('records a secretary candidate short of a year of standing (from full membership) with a warning, or refuses under a version that says so', () => {
      const [submitted] = electionDecider.decide(recentSecretary(), stateOf(NOMINATED));
      expect(submitted?.data).toMatchObject({
        warnings: [
          {
            kind: 'secretaryPartyStandingShort',
            personId: 'm1',
            joinedPartyOn: '2022-09-01',
            standingReachedOn: '2024-09-01',
            minimumYears: 1,
          },
        ],
      });
      deciderSpecification(refusing)
        .given(NOMINATED)
        .when(recentSecretary())
        .thenThrows('SECRETARY_PARTY_STANDING_TOO_SHORT');
    });

    it('leaves 停止党籍 out of those due, and excuses a 流动党员 on their own application only where the version lists it', () => {
      const roll = [...ROLL.slice(0, 9), { ...fullMember(10), suspension: 'membershipSuspended' as const }];
      const withRoll = (overrides: Parameters<typeof convene>[0] = {}) => {
        const command = convene(overrides);
        if (command.type !== 'ConveneMembersAssembly') throw new Error('not an assembly');
        return { ...command, data: { ...command.data, context: { ...command.data.context, roll } } };
      };
      const floating = [
        { memberId: 'm9', reason: 'floatingOnOwnApplication' as const, approvalReference: '孝离党字〔2023〕11号' },
      ];
      const [convened] = electionDecider.decide(withRoll({ exclusions: floating }), stateOf(SLATE_APPROVED));
      expect(convened?.data).toMatchObject({ quorum: { due: 8, present: 8 } });
      expect(
        (convened?.data as unknown as { dueVoters: { personId: string }[] }).dueVoters.map((p) => p.personId),
      ).not.toContain('m10');
      const older = createElectionDecider(
        DEFAULT_RULE_POLICIES.map((version) => ({
          ...version,
          dueVoterExclusionReasons: version.dueVoterExclusionReasons.filter((r) => r !== 'floatingOnOwnApplication'),
        })),
      );
      deciderSpecification(older)
        .given(SLATE_APPROVED)
        .when(withRoll({ exclusions: floating }))
        .thenThrows('EXCLUSION_REASON_NOT_IN_POLICY');
    });
  });

  describe('RecordBallots and CountBallots', () => {
    it('records issued, returned, valid and invalid ballots and per-candidate for/against/abstain', () => {
      const events = electionDecider.decide(recordBallots('committee', COMMITTEE_BALLOTS), stateOf(ASSEMBLY));
      expect(only(events, 'BallotsRecorded').data).toMatchObject({
        race: 'committee',
        roundNo: 1,
        roundKind: 'regular',
        issued: 8,
        returned: 8,
        valid: 8,
        invalid: 0,
        tallies: [
          { personId: 'm4', for: 2, against: 0, abstain: 6 },
          { personId: 'm1', for: 8, against: 0, abstain: 0 },
          { personId: 'm3', for: 6, against: 2, abstain: 0 },
          { personId: 'm2', for: 7, against: 1, abstain: 0 },
        ],
      });
    });

    it('refuses ballots issued to anyone but the voters present', () => {
      spec
        .given(ASSEMBLY)
        .when(recordBallots('committee', COMMITTEE_BALLOTS.slice(0, 7), 9))
        .thenThrows('BALLOTS_ISSUED_NOT_PRESENT_VOTERS');
    });

    it('voids the round when more ballots are returned than issued, and the round is voted again', () => {
      spec
        .given(ASSEMBLY)
        .when(recordBallots('committee', [...COMMITTEE_BALLOTS, ballot({ m1: 'for' })]))
        .then([
          {
            type: 'BallotRoundVoided',
            data: { ...stamp('2023-05-20'), race: 'committee', roundNo: 1, issued: 8, returned: 9 },
          },
        ]);
      const voided = given([
        ...TO_SLATE_APPROVED,
        convene(),
        recordBallots('committee', [...COMMITTEE_BALLOTS, ballot({})]),
      ]);
      spec.given(voided).when(countBallots('committee')).thenThrows('NO_BALLOTS_TO_COUNT');
      expect(
        only(electionDecider.decide(recordBallots('committee', COMMITTEE_BALLOTS), stateOf(voided)), 'BallotsRecorded')
          .data.roundNo,
      ).toBe(2);
    });

    it('counts a ballot marking more names than seats, or a write-in not beside an against, as invalid', () => {
      const ballots = [
        ...COMMITTEE_BALLOTS.slice(0, 5),
        ballot({ m1: 'for', m2: 'for', m3: 'for', m4: 'for' }),
        ballot({ m1: 'abstain' }, { writeIns: [{ beside: 'm1', person: person(9) }] }),
        ballot({ m1: 'against' }, { writeIns: [{ beside: 'm1', person: person(9) }] }),
      ];
      const data = only(
        electionDecider.decide(recordBallots('committee', ballots), stateOf(ASSEMBLY)),
        'BallotsRecorded',
      ).data;
      expect(data).toMatchObject({ returned: 8, valid: 6, invalid: 2 });
      expect(data.invalidByReason).toMatchObject({ tooManyNames: 1, writeInWithoutAgainst: 1 });
      expect(data.writeIns).toEqual([{ personId: 'm9', name: person(9).name, votes: 1 }]);
    });

    it('refuses a mark for someone who is not on the ballot', () => {
      spec
        .given(ASSEMBLY)
        .when(recordBallots('committee', [ballot({ m9: 'for' })]))
        .thenThrows('UNKNOWN_CANDIDATE_ON_BALLOT');
    });

    it('elects those with more than half of the due voters, ranked by votes, and moves to the first committee meeting', () => {
      const recorded = given([...TO_SLATE_APPROVED, convene(), recordBallots('committee', COMMITTEE_BALLOTS)]);
      const events = electionDecider.decide(countBallots('committee'), stateOf(recorded));
      expect(only(events, 'BallotsCounted').data).toMatchObject({
        majorityBase: 'due',
        base: 10,
        dueVoters: 10,
        presentVoters: 8,
        outcome: 'complete',
        elected: [
          { personId: 'm1', votes: 8, roundNo: 1 },
          { personId: 'm2', votes: 7, roundNo: 1 },
          { personId: 'm3', votes: 6, roundNo: 1 },
        ],
        remainingSeats: 0,
      });
      expect(stateOf([...recorded, ...events]).status).toBe('committeeElected');
    });

    // m3 has 5 votes: exactly half of the 10 due voters, more than half of the 8 present.
    const M3_AT_HALF = COMMITTEE_BALLOTS.map((paper, i) =>
      i === 5 ? ballot({ ...paper.marks, m3: 'against' }) : paper,
    );

    it('does not elect a candidate with exactly half of the base: a shortfall follows', () => {
      const recorded = given([...TO_SLATE_APPROVED, convene(), recordBallots('committee', M3_AT_HALF)]);
      const counted = only(electionDecider.decide(countBallots('committee'), stateOf(recorded)), 'BallotsCounted').data;
      expect(counted.elected.map((elected) => elected.personId)).toEqual(['m1', 'm2']);
      expect(counted.notElected).toContainEqual({ personId: 'm3', name: person(3).name, votes: 5 });
      expect(counted.outcome).toBe('shortfall');
    });

    it('uses the present voters as base when the policy says so', () => {
      const present = createElectionDecider(
        DEFAULT_RULE_POLICIES.map((policy) => ({ ...policy, majorityBase: 'present' as const })),
      );
      const recorded = history([...TO_SLATE_APPROVED, convene(), recordBallots('committee', M3_AT_HALF)], present);
      const counted = only(
        present.decide(countBallots('committee'), stateOf(recorded, present)),
        'BallotsCounted',
      ).data;
      expect(counted).toMatchObject({ majorityBase: 'present', base: 8, outcome: 'complete' });
    });

    it('sends a tie at the last seat to a runoff among the tied', () => {
      // All ten present, base 10: m1 10, m2 8, m3 6, m4 6 for 3 seats → m1, m2 elected, m3/m4 tied for the last seat.
      const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(person);
      const ballots = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) =>
        i < 8
          ? ballot({ m1: 'for', m2: 'for', [i % 2 === 0 ? 'm3' : 'm4']: 'for' })
          : ballot({ m1: 'for', m3: 'for', m4: 'for' }),
      );
      const recorded = given([
        ...TO_SLATE_APPROVED,
        convene({ presentVoters: ten }),
        recordBallots('committee', ballots, 10),
      ]);
      const events = electionDecider.decide(countBallots('committee'), stateOf(recorded));
      const counted = only(events, 'BallotsCounted').data;
      expect(counted.outcome).toBe('runoff');
      expect(counted.elected.map((elected) => elected.personId)).toEqual(['m1', 'm2']);
      expect(counted.runoff).toEqual({ candidates: [person(4), person(3)], seats: 1 });
      const afterCount = [...recorded, ...events];
      const runoffBallots = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ballot({ [i < 6 ? 'm3' : 'm4']: 'for' }));
      spec
        .given(afterCount)
        .when(recordBallots('committee', [ballot({ m1: 'for' })], 10))
        .thenThrows('UNKNOWN_CANDIDATE_ON_BALLOT');
      const runoff = after(afterCount, recordBallots('committee', runoffBallots, 10));
      const final = electionDecider.decide(countBallots('committee'), stateOf(runoff));
      expect(only(final, 'BallotsCounted').data).toMatchObject({
        roundNo: 2,
        roundKind: 'runoff',
        outcome: 'complete',
        elected: [{ personId: 'm3', votes: 6, roundNo: 2 }],
      });
      expect(stateOf([...runoff, ...final]).status).toBe('committeeElected');
    });

    it('refuses counting when nothing is recorded, and recording a race the assembly does not hold', () => {
      spec.given(ASSEMBLY).when(countBallots('committee')).thenThrows('NO_BALLOTS_TO_COUNT');
      spec.given(ASSEMBLY).when(recordBallots('secretary', COMMITTEE_BALLOTS)).thenThrows('RACE_NOT_IN_ELECTION');
      spec.given(SLATE_APPROVED).when(recordBallots('committee', COMMITTEE_BALLOTS)).thenThrows('ASSEMBLY_NOT_OPEN');
    });
  });

  describe('Shortfall: HoldSupplementaryBallot and ReduceSeats', () => {
    // One elected (m1 8 votes), the others at 5 or below: two seats empty.
    const weak = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
      ballot({ m1: 'for', ...(i < 5 ? { m2: 'for' as const } : { m3: 'for' as const }) }),
    );
    const SHORT = given([...TO_SLATE_APPROVED, convene(), recordBallots('committee', weak), countBallots('committee')]);
    const supplementary = (candidates: readonly number[]): ElectionCommand => ({
      type: 'HoldSupplementaryBallot',
      data: { electionId: ELECTION, race: 'committee', candidates: candidates.map(person) },
      metadata: meta('2023-05-20'),
    });
    const reduce = (consentFor: number, race: 'committee' | 'secretary' = 'committee'): ElectionCommand => ({
      type: 'ReduceSeats',
      data: { electionId: ELECTION, race, consent: { for: consentFor, against: 8 - consentFor, abstain: 0 } },
      metadata: meta('2023-05-20'),
    });

    it('holds a supplementary ballot for the empty seats among eligible members not yet elected', () => {
      spec
        .given(SHORT)
        .when(supplementary([2, 3, 9]))
        .then([
          {
            type: 'SupplementaryBallotHeld',
            data: {
              ...stamp('2023-05-20'),
              race: 'committee',
              roundNo: 2,
              candidates: [2, 3, 9].map(person),
              seats: 2,
            },
          },
        ]);
      spec
        .given(SHORT)
        .when(supplementary([2]))
        .thenThrows('TOO_FEW_SUPPLEMENTARY_CANDIDATES');
      spec
        .given(SHORT)
        .when(supplementary([1, 2]))
        .thenThrows('SUPPLEMENTARY_CANDIDATE_NOT_ELIGIBLE');
      spec
        .given(SHORT)
        .when(supplementary([2, 11]))
        .thenThrows('SUPPLEMENTARY_CANDIDATE_NOT_ELIGIBLE');
      spec
        .given(ASSEMBLY)
        .when(supplementary([2, 3]))
        .thenThrows('NO_SHORTFALL');
    });

    it('refuses to reduce a committee below the policy minimum of 3', () => {
      spec.given(SHORT).when(reduce(8)).thenThrows('SEATS_CANNOT_BE_REDUCED');
    });

    it('reduces seats with more than half of the electors consenting, and records it for the superior', () => {
      const four = history(
        [
          takeCensus(),
          requestElection({ committeeSeats: 4 }),
          approveRequest(),
          ...[1, 2, 3, 4, 5].map((n) => nominate(n)),
          submitSlate([1, 2, 3, 4, 5]),
          approveSlate(),
          convene({ scrutineers: [person(6)] }),
          recordBallots(
            'committee',
            [0, 1, 2, 3, 4, 5, 6, 7].map(() => ballot({ m1: 'for', m2: 'for', m3: 'for' })),
          ),
          countBallots('committee'),
        ],
        evenSeats,
      );
      spec.given(four).when(reduce(5)).thenThrows('SEAT_REDUCTION_NOT_CONSENTED');
      spec
        .given(four)
        .when(reduce(6))
        .then([
          {
            type: 'SeatsReduced',
            data: {
              ...stamp('2023-05-20'),
              race: 'committee',
              fromSeats: 4,
              toSeats: 3,
              consent: { for: 6, against: 2, abstain: 0 },
              dueVoters: 10,
            },
          },
        ]);
      const reduced = after(four, reduce(6));
      expect(stateOf(reduced).status).toBe('committeeElected');
      const officers = after(reduced, electOfficers());
      const reported = only(electionDecider.decide(reportResult(), stateOf(officers)), 'ElectionResultReported');
      expect(reported.data.deviations).toEqual([{ kind: 'seatsReduced', race: 'committee', fromSeats: 4, toSeats: 3 }]);
    });
  });

  describe('ElectOfficers (first committee meeting)', () => {
    it('elects the secretary and deputy from the new committee, chaired by a new member', () => {
      spec
        .given(COMMITTEE)
        .when(electOfficers())
        .then([
          {
            type: 'OfficersElected',
            data: {
              ...stamp('2023-05-20'),
              electedBy: 'committeeFirstMeeting',
              chair: person(3),
              secretary: { ...person(1), votes: { for: 3, against: 0, abstain: 0 } },
              deputySecretary: { ...person(2), votes: { for: 2, against: 0, abstain: 1 } },
              scrutineers: [person(3)],
              duties: { m3: '组织委员' },
            },
          },
        ]);
    });

    it('refuses officers, chair or scrutineers from outside the committee, a minority vote, and a candidate scrutineer', () => {
      spec
        .given(COMMITTEE)
        .when(electOfficers({ secretary: { memberId: 'm4', votes: { for: 3, against: 0, abstain: 0 } } }))
        .thenThrows('OFFICER_NOT_ON_COMMITTEE');
      spec
        .given(COMMITTEE)
        .when(electOfficers({ chairMemberId: 'm9' }))
        .thenThrows('CHAIR_NOT_NEW_COMMITTEE_MEMBER');
      spec
        .given(COMMITTEE)
        .when(electOfficers({ secretary: { memberId: 'm1', votes: { for: 1, against: 1, abstain: 1 } } }))
        .thenThrows('OFFICER_NOT_ELECTED_BY_MAJORITY');
      spec
        .given(COMMITTEE)
        .when(electOfficers({ scrutineers: [person(1)] }))
        .thenThrows('SCRUTINEER_IS_CANDIDATE');
      spec
        .given(COMMITTEE)
        .when(electOfficers({ scrutineers: [person(5)] }))
        .thenThrows('SCRUTINEER_NOT_COMMITTEE_MEMBER');
      spec
        .given(COMMITTEE)
        .when(electOfficers({ deputySecretary: { memberId: 'm1', votes: { for: 3, against: 0, abstain: 0 } } }))
        .thenThrows('CANDIDATE_FOR_BOTH_OFFICES');
      spec
        .given(COMMITTEE)
        .when(electOfficers({ duties: { m9: '宣传委员' } }))
        .thenThrows('DUTY_FOR_NON_COMMITTEE_MEMBER');
    });

    it('is not held before the committee is elected', () => {
      spec.given(ASSEMBLY).when(electOfficers()).thenThrows('COMMITTEE_NOT_ELECTED');
    });
  });

  describe('Branch without a committee (fewer than 7 full members)', () => {
    const SMALL = given(SMALL_TO_ASSEMBLY);

    it('elects the secretary and deputy directly at the assembly', () => {
      const events = given([
        ...SMALL_TO_ASSEMBLY,
        smallConvene(),
        recordBallots(
          'secretary',
          [1, 2, 3, 4].map(() => ballot({ s1: 'for' })),
          4,
        ),
        countBallots('secretary'),
        recordBallots(
          'deputySecretary',
          [1, 2, 3, 4].map((i) => ballot({ s2: i < 4 ? 'for' : 'abstain' })),
          4,
        ),
      ]);
      const decided = electionDecider.decide(countBallots('deputySecretary'), stateOf(events));
      expect(decided.map((event) => event.type)).toEqual(['BallotsCounted', 'OfficersElected']);
      expect(only(decided, 'OfficersElected').data).toMatchObject({
        electedBy: 'membersAssembly',
        chair: null,
        secretary: { ...small(1), votes: { for: 4, against: 0, abstain: 0 } },
        deputySecretary: { ...small(2), votes: { for: 3, against: 0, abstain: 1 } },
      });
      expect(stateOf([...events, ...decided]).status).toBe('officersElected');
    });

    it('refuses the cross-appointed vice-secretary as a voter, yet records him as a non-voting attendee', () => {
      spec
        .given(SMALL)
        .when(smallConvene([1, 2, 3, COMMUNITY_SECRETARY].map((p) => (typeof p === 'number' ? small(p) : p))))
        .thenThrows('CONCURRENT_HOLDER_CANNOT_VOTE');
      const data = only(electionDecider.decide(smallConvene(), stateOf(SMALL)), 'MembersAssemblyConvened').data;
      expect(data.presentVoters.map((voter) => voter.personId)).not.toContain(COMMUNITY_SECRETARY.personId);
      expect(data.nonVotingAttendees).toContainEqual({ person: COMMUNITY_SECRETARY, kind: 'crossAppointed' });
      expect(data.quorum).toMatchObject({ due: 5, present: 4 });
      expect(data.races.map((race) => race.race)).toEqual(['secretary', 'deputySecretary']);
    });

    const reduce = (race: 'secretary' | 'deputySecretary'): ElectionCommand => ({
      type: 'ReduceSeats',
      data: { electionId: ELECTION, race, consent: { for: 4, against: 0, abstain: 0 } },
      metadata: meta('2023-05-20'),
    });

    it('never reduces the secretary seat away', () => {
      spec.given(given(SMALL_SECRETARY_SHORT)).when(reduce('secretary')).thenThrows('SEATS_CANNOT_BE_REDUCED');
    });

    it('reduces an empty deputy seat while the empty secretary seat waits for a supplementary ballot', () => {
      const bothShort = given([
        ...SMALL_SECRETARY_SHORT,
        recordBallots(
          'deputySecretary',
          [1, 2, 3, 4].map(() => ballot({ s2: 'against' })),
          4,
        ),
        countBallots('deputySecretary'),
      ]);
      spec
        .given(bothShort)
        .when(reduce('deputySecretary'))
        .then([
          {
            type: 'SeatsReduced',
            data: {
              ...stamp('2023-05-20'),
              race: 'deputySecretary',
              fromSeats: 1,
              toSeats: 0,
              consent: { for: 4, against: 0, abstain: 0 },
              dueVoters: 5,
            },
          },
        ]);
      const refusal = spec.given(bothShort).when(reduce('secretary')).thenThrows('SEATS_CANNOT_BE_REDUCED');
      expect(refusal.message).toContain('A branch always has a secretary');
      expect(refusal.details).toEqual({
        race: 'secretary',
        elected: 0,
        committeeSizeMin: 3,
        policyVersion: '2022-10-22',
      });
    });
  });

  describe('Report, approval and installation', () => {
    const OFFICERS = given([...TO_COMMITTEE_ELECTED, electOfficers()]);
    const REPORTED = given([...TO_COMMITTEE_ELECTED, electOfficers(), reportResult()]);
    const RESULT_APPROVED = given(TO_RESULT_APPROVED);

    it('reports the elected committee with its votes and the officers', () => {
      const data = only(electionDecider.decide(reportResult(), stateOf(OFFICERS)), 'ElectionResultReported').data;
      expect(data).toMatchObject({ reportReference: '府东支〔2023〕2号', deviations: [] });
      expect(data.committeeMembers.map((member) => [member.personId, member.votes])).toEqual([
        ['m1', 8],
        ['m2', 7],
        ['m3', 6],
      ]);
      spec.given(COMMITTEE).when(reportResult()).thenThrows('OFFICERS_NOT_ELECTED');
    });

    it('approves the secretary and deputy and files the committee members', () => {
      spec
        .given(REPORTED)
        .when(approveResult())
        .then([
          {
            type: 'ElectionResultApproved',
            data: {
              ...stamp('2023-06-05'),
              approvalReference: '孝离党字〔2023〕20号',
              approvedOn: '2023-06-05',
              approvedOfficers: [person(1), person(2)],
              filedCommitteeMembers: [person(1), person(2), person(3)],
              filingReference: '孝离党备〔2023〕3号',
              superiorDecision: null,
            },
          },
        ]);
      spec
        .given(REPORTED)
        .when(approveResult({ filingReference: '' }))
        .thenThrows('FILING_REFERENCE_REQUIRED');
      spec.given(OFFICERS).when(approveResult()).thenThrows('RESULT_NOT_REPORTED');
    });

    it('needs the superior decision when the result differs from the approved slate', () => {
      // The committee elects m3 secretary, who was not the slate's secretary candidate.
      const differing = given([
        ...TO_COMMITTEE_ELECTED,
        electOfficers({
          secretary: { memberId: 'm3', votes: { for: 2, against: 1, abstain: 0 } },
          chairMemberId: 'm1',
          scrutineers: [person(1)],
        }),
        reportResult(),
      ]);
      const state = stateOf(differing);
      expect(state.status === 'resultReported' && state.report.deviations).toEqual([
        { kind: 'officerNotSlateCandidate', post: 'secretary', person: person(3) },
      ]);
      spec.given(differing).when(approveResult()).thenThrows('SUPERIOR_DECISION_REQUIRED');
      const approved = electionDecider.decide(
        approveResult({ superiorDecision: { reference: '孝离党委会〔2023〕4号', decision: '同意' } }),
        state,
      );
      expect(only(approved, 'ElectionResultApproved').data.superiorDecision).toEqual({
        reference: '孝离党委会〔2023〕4号',
        decision: '同意',
      });
    });

    it('requests installation of the posts with the term end from the election-day policy (5 years)', () => {
      spec
        .given(RESULT_APPROVED)
        .when(requestInstallation())
        .then([
          {
            type: 'InstallationRequested',
            data: {
              ...stamp('2023-06-06'),
              branchId: 'b-fudong',
              posts: [
                { postId: `${ELECTION}-secretary-m1`, kind: 'secretary', duty: null, holder: person(1) },
                { postId: `${ELECTION}-deputySecretary-m2`, kind: 'deputySecretary', duty: null, holder: person(2) },
                {
                  postId: `${ELECTION}-committeeMember-m3`,
                  kind: 'committeeMember',
                  duty: '组织委员',
                  holder: person(3),
                },
              ],
              termStart: '2023-05-20',
              termEnd: '2028-05-20',
              termYears: 5,
              termPolicyVersion: '2022-10-22',
            },
          },
        ]);
    });

    it('makes installing a result without approval impossible: RESULT_NOT_APPROVED at every earlier step', () => {
      for (const before of [[], CENSUS, ASSEMBLY, given(TO_COMMITTEE_ELECTED), OFFICERS, REPORTED]) {
        const code = before.length === 0 ? 'ELECTION_NOT_STARTED' : 'RESULT_NOT_APPROVED';
        spec.given(before).when(requestInstallation()).thenThrows(code);
        spec
          .given(before)
          .when(confirmInstallation([]))
          .thenThrows(before.length === 0 ? 'ELECTION_NOT_STARTED' : 'INSTALLATION_NOT_REQUESTED');
      }
    });

    it('confirms installation once the branch holds every post, and only then', () => {
      const installing = after(RESULT_APPROVED, requestInstallation());
      spec
        .given(installing)
        .when(confirmInstallation([`${ELECTION}-secretary-m1`]))
        .thenThrows('INSTALLATION_INCOMPLETE');
      const ids = [`${ELECTION}-secretary-m1`, `${ELECTION}-deputySecretary-m2`, `${ELECTION}-committeeMember-m3`];
      const done = electionDecider.decide(confirmInstallation(ids), stateOf(installing));
      expect(only(done, 'ResultInstalled').data).toMatchObject({ termStart: '2023-05-20', termEnd: '2028-05-20' });
      const installed = [...installing, ...done];
      expect(stateOf(installed).status).toBe('installed');
      spec.given(installed).when(cancelElection('2023-06-07')).thenThrows('ELECTION_COMPLETED');
    });
  });

  describe('CancelElection', () => {
    it('cancels with a reason, after which nothing else runs', () => {
      spec
        .given(APPROVED)
        .when(cancelElection())
        .then([
          {
            type: 'ElectionCancelled',
            data: { ...stamp('2023-04-01'), reason: '支部撤并', cancelledInStatus: 'requestApproved' },
          },
        ]);
      const cancelled = after(APPROVED, cancelElection());
      spec.given(cancelled).when(nominate(1)).thenThrows('ELECTION_CANCELLED');
      spec
        .given(APPROVED)
        .when({ ...cancelElection(), data: { electionId: ELECTION, reason: '' } })
        .thenThrows('REASON_REQUIRED');
    });

    it('is refused once the result is approved, and before the election started', () => {
      spec.given(given(TO_RESULT_APPROVED)).when(cancelElection('2023-06-06')).thenThrows('RESULT_ALREADY_APPROVED');
      spec.given([]).when(cancelElection()).thenThrows('ELECTION_NOT_STARTED');
    });
  });
});
