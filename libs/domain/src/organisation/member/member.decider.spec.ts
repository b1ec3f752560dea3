import { CommandMetadata, fold } from '../../shared/decider';
import { deciderSpecification } from '../../shared/decider-specification';
import { BranchStatusFact } from '../organisation-facts';
import { AdmitMember, MemberCommand, PersonalData, TransferMember } from './member.commands';
import { DEFAULT_RULE_POLICIES } from '../../policy/default-rule-policies';
import { Establishment } from '../establishment';
import { createMemberDecider, memberDecider } from './member.decider';
import { MemberAdmitted, MemberLeft, MemberTransferred, VotingRightsSuspended } from './member.events';
import { isEligibleToVote } from './member.state';

const spec = deciderSpecification(memberDecider);
const at = '2023-03-01T09:00:00+08:00';
const metadata: CommandMetadata = { at, actor: { id: 'u-1', name: '管理员', role: 'admin' } };
const personal = {
  name: '武雅君',
  birthDate: '1961-04-12',
  sex: 'female',
  joinedPartyOn: '1985-07-01',
  formerPostLevel: '科级',
} as const;

const admit = (overrides: Partial<AdmitMember['data']> = {}): AdmitMember => ({
  type: 'AdmitMember',
  data: {
    memberId: 'm-1',
    ...personal,
    membership: 'full',
    branchId: 'b-fd',
    context: { branchStatus: 'open', established: {} },
    ...overrides,
  },
  metadata,
});
const admitted: MemberAdmitted = {
  type: 'MemberAdmitted',
  data: { memberId: 'm-1', ...personal, membership: 'full', branchId: 'b-fd', at },
};
const probationaryAdmitted: MemberAdmitted = {
  ...admitted,
  data: { ...admitted.data, membership: 'probationary', joinedPartyOn: '2022-07-01' },
};
const transfer = (
  toBranchId: string,
  toBranchStatus: BranchStatusFact = 'open',
  extra: Partial<TransferMember['data']> = {},
): TransferMember => ({
  type: 'TransferMember',
  data: { memberId: 'm-1', toBranchId, context: { toBranchStatus, established: {} }, ...extra },
  metadata,
});
const transferred = (
  toBranchId: string,
  restructuringId: string | null = null,
  fromBranchId = 'b-fd',
): MemberTransferred => ({
  type: 'MemberTransferred',
  data: { memberId: 'm-1', fromBranchId, toBranchId, restructuringId, documentReference: null, at },
});
const left: MemberLeft = {
  type: 'MemberLeft',
  data: { memberId: 'm-1', branchId: 'b-fd', reason: 'death', leftOn: '2023-02-01', note: null, at },
};
const suspended: VotingRightsSuspended = {
  type: 'VotingRightsSuspended',
  data: {
    memberId: 'm-1',
    reason: 'probation',
    from: '2023-01-10',
    until: '2024-01-09',
    documentReference: '孝纪字〔2023〕2号',
    at,
  },
};

describe('Member decider', () => {
  describe('AdmitMember', () => {
    it('admits a full member to an open branch', () => {
      spec.given([]).when(admit()).then([admitted]);
    });

    it('admits a probationary member', () => {
      spec
        .given([])
        .when(admit({ membership: 'probationary', joinedPartyOn: '2022-07-01' }))
        .then([probationaryAdmitted]);
    });

    it('refuses a dissolved branch with BRANCH_DISSOLVED', () => {
      spec
        .given([])
        .when(admit({ context: { branchStatus: 'dissolved', established: {} } }))
        .thenThrows('BRANCH_DISSOLVED');
    });

    it('refuses an unknown branch with BRANCH_NOT_FOUND', () => {
      spec
        .given([])
        .when(admit({ context: { branchStatus: 'notFound', established: {} } }))
        .thenThrows('BRANCH_NOT_FOUND');
    });

    it('refuses a member already on the roll with MEMBER_ALREADY_EXISTS', () => {
      spec
        .given([admitted])
        .when(admit({ branchId: 'b-other' }))
        .thenThrows('MEMBER_ALREADY_EXISTS');
    });

    it('refuses a member who left with MEMBER_LEFT', () => {
      spec.given([admitted, left]).when(admit()).thenThrows('MEMBER_LEFT');
    });

    it('refuses a blank name with INVALID_NAME', () => {
      spec
        .given([])
        .when(admit({ name: ' ' }))
        .thenThrows('INVALID_NAME');
    });

    it('refuses a malformed date with INVALID_DATE', () => {
      spec
        .given([])
        .when(admit({ birthDate: '1961/04/12' }))
        .thenThrows('INVALID_DATE');
    });

    it('refuses joining before birth with INVALID_DATE_RANGE', () => {
      spec
        .given([])
        .when(admit({ joinedPartyOn: '1960-01-01' }))
        .thenThrows('INVALID_DATE_RANGE');
    });

    it('refuses an unknown sex with INVALID_SEX', () => {
      spec
        .given([])
        .when(admit({ sex: 'x' as never }))
        .thenThrows('INVALID_SEX');
    });
  });

  describe('ConfirmMember', () => {
    const confirm = (confirmedOn = '2023-07-01'): MemberCommand => ({
      type: 'ConfirmMember',
      data: { memberId: 'm-1', confirmedOn },
      metadata,
    });

    it('confirms a probationary member as full', () => {
      spec
        .given([probationaryAdmitted])
        .when(confirm())
        .then([
          { type: 'MemberConfirmed', data: { memberId: 'm-1', branchId: 'b-fd', confirmedOn: '2023-07-01', at } },
        ]);
    });

    it('refuses a full member with MEMBER_ALREADY_FULL', () => {
      spec.given([admitted]).when(confirm()).thenThrows('MEMBER_ALREADY_FULL');
    });

    it('refuses a confirmation before joining with INVALID_DATE_RANGE', () => {
      spec.given([probationaryAdmitted]).when(confirm('2022-01-01')).thenThrows('INVALID_DATE_RANGE');
    });

    it('refuses a member never admitted with MEMBER_NOT_FOUND', () => {
      spec.given([]).when(confirm()).thenThrows('MEMBER_NOT_FOUND');
    });
  });

  describe('voting rights', () => {
    const suspend = (from = '2023-01-10', until: string | undefined = '2024-01-09'): MemberCommand => ({
      type: 'SuspendVotingRights',
      data: {
        memberId: 'm-1',
        reason: 'probation',
        from,
        ...(until === undefined ? {} : { until }),
        documentReference: '孝纪字〔2023〕2号',
      },
      metadata,
    });
    const restore = (restoredOn = '2024-01-10'): MemberCommand => ({
      type: 'RestoreVotingRights',
      data: { memberId: 'm-1', restoredOn },
      metadata,
    });

    it('suspends for 留党察看 with dates', () => {
      spec.given([admitted]).when(suspend()).then([suspended]);
    });

    it('suspends for 留置 without a known end', () => {
      spec
        .given([admitted])
        .when({
          type: 'SuspendVotingRights',
          data: { memberId: 'm-1', reason: 'detention', from: '2023-02-01' },
          metadata,
        })
        .then([
          {
            type: 'VotingRightsSuspended',
            data: {
              memberId: 'm-1',
              reason: 'detention',
              from: '2023-02-01',
              until: null,
              documentReference: null,
              at,
            },
          },
        ]);
    });

    it('refuses a second suspension with VOTING_RIGHTS_ALREADY_SUSPENDED', () => {
      spec.given([admitted, suspended]).when(suspend()).thenThrows('VOTING_RIGHTS_ALREADY_SUSPENDED');
    });

    it('refuses an end before the start with INVALID_DATE_RANGE', () => {
      spec.given([admitted]).when(suspend('2023-05-01', '2023-04-01')).thenThrows('INVALID_DATE_RANGE');
    });

    it('restores suspended rights', () => {
      spec
        .given([admitted, suspended])
        .when(restore())
        .then([
          {
            type: 'VotingRightsRestored',
            data: { memberId: 'm-1', reason: 'probation', restoredOn: '2024-01-10', documentReference: null, at },
          },
        ]);
    });

    it('refuses to restore rights that are not suspended with VOTING_RIGHTS_NOT_SUSPENDED', () => {
      spec.given([admitted]).when(restore()).thenThrows('VOTING_RIGHTS_NOT_SUSPENDED');
    });

    it('refuses a restoration before the suspension began with INVALID_DATE_RANGE', () => {
      spec.given([admitted, suspended]).when(restore('2022-12-31')).thenThrows('INVALID_DATE_RANGE');
    });
  });

  describe('TransferMember (组织关系转接)', () => {
    it('refuses a transfer dated before the admission, or before the transfer that brought the member, naming both dates', () => {
      const before = { ...metadata, at: '2023-02-28T09:00:00+08:00' };
      spec
        .given([admitted])
        .when({ ...transfer('b-ya'), metadata: before })
        .thenThrows('TRANSFER_BEFORE_AFFILIATION');
      spec
        .given([
          admitted,
          { ...transferred('b-ya'), data: { ...transferred('b-ya').data, at: '2023-03-10T09:00:00+08:00' } },
        ])
        .when({ ...transfer('b-fd'), metadata: { ...metadata, at: '2023-03-09T09:00:00+08:00' } })
        .thenThrows('TRANSFER_BEFORE_AFFILIATION');
      // The same day as the admission is not before it.
      spec
        .given([admitted])
        .when(transfer('b-ya'))
        .then([transferred('b-ya')]);
    });

    it('moves the one affiliation in one event', () => {
      spec
        .given([admitted])
        .when(transfer('b-ya'))
        .then([transferred('b-ya')]);
    });

    it('carries the restructuring as causation', () => {
      spec
        .given([admitted])
        .when(transfer('b-ya', 'open', { restructuringId: 'r-1', expectedFromBranchId: 'b-fd' }))
        .then([transferred('b-ya', 'r-1')]);
    });

    it('treats a restructuring retrying a transfer it already made as done', () => {
      spec
        .given([admitted, transferred('b-ya', 'r-1')])
        .when(transfer('b-ya', 'open', { restructuringId: 'r-1', expectedFromBranchId: 'b-fd' }))
        .thenNothingHappened();
    });

    it('refuses a transfer to the branch the member is in with SOURCE_EQUALS_TARGET', () => {
      spec.given([admitted]).when(transfer('b-fd')).thenThrows('SOURCE_EQUALS_TARGET');
      spec
        .given([admitted, transferred('b-ya', 'r-1')])
        .when(transfer('b-ya', 'open', { restructuringId: 'r-2' }))
        .thenThrows('SOURCE_EQUALS_TARGET');
    });

    it('refuses a transfer to a dissolved branch with BRANCH_DISSOLVED', () => {
      spec.given([admitted]).when(transfer('b-sh', 'dissolved')).thenThrows('BRANCH_DISSOLVED');
    });

    it('refuses a transfer to an unknown branch with BRANCH_NOT_FOUND', () => {
      spec.given([admitted]).when(transfer('b-x', 'notFound')).thenThrows('BRANCH_NOT_FOUND');
    });

    it('refuses a member no longer where the plan expected with MEMBER_NOT_IN_EXPECTED_BRANCH', () => {
      spec
        .given([admitted, transferred('b-lz')])
        .when(transfer('b-ya', 'open', { expectedFromBranchId: 'b-fd' }))
        .thenThrows('MEMBER_NOT_IN_EXPECTED_BRANCH');
    });

    it('refuses a member who left with MEMBER_LEFT', () => {
      spec.given([admitted, left]).when(transfer('b-ya')).thenThrows('MEMBER_LEFT');
    });

    it('refuses a member never admitted with MEMBER_NOT_FOUND', () => {
      spec.given([]).when(transfer('b-ya')).thenThrows('MEMBER_NOT_FOUND');
    });
  });

  describe('RecordMemberDeparture', () => {
    it('records a death, ending the affiliation', () => {
      spec
        .given([admitted])
        .when({
          type: 'RecordMemberDeparture',
          data: { memberId: 'm-1', reason: 'death', leftOn: '2023-02-01' },
          metadata,
        })
        .then([left]);
    });

    it('records leaving from the current branch after a transfer', () => {
      spec
        .given([admitted, transferred('b-ya')])
        .when({
          type: 'RecordMemberDeparture',
          data: { memberId: 'm-1', reason: 'movedOut', leftOn: '2023-05-01', note: ' 转往太原 ' },
          metadata,
        })
        .then([
          {
            type: 'MemberLeft',
            data: { memberId: 'm-1', branchId: 'b-ya', reason: 'movedOut', leftOn: '2023-05-01', note: '转往太原', at },
          },
        ]);
    });

    it('refuses a member who already left with MEMBER_LEFT', () => {
      spec
        .given([admitted, left])
        .when({
          type: 'RecordMemberDeparture',
          data: { memberId: 'm-1', reason: 'expelled', leftOn: '2023-02-02' },
          metadata,
        })
        .thenThrows('MEMBER_LEFT');
    });

    it('refuses a malformed date with INVALID_DATE', () => {
      spec
        .given([admitted])
        .when({
          type: 'RecordMemberDeparture',
          data: { memberId: 'm-1', reason: 'death', leftOn: 'yesterday' },
          metadata,
        })
        .thenThrows('INVALID_DATE');
    });
  });

  describe('CorrectMemberData', () => {
    const correct = (corrections: Partial<PersonalData>, reason = '档案核对'): MemberCommand => ({
      type: 'CorrectMemberData',
      data: { memberId: 'm-1', corrections, reason },
      metadata,
    });

    it('records only the changed fields, with the values they replace', () => {
      spec
        .given([admitted])
        .when(correct({ birthDate: '1961-04-21', name: '武雅君' }))
        .then([
          {
            type: 'MemberDataCorrected',
            data: {
              memberId: 'm-1',
              previous: { birthDate: '1961-04-12' },
              corrections: { birthDate: '1961-04-21' },
              reason: '档案核对',
              at,
            },
          },
        ]);
    });

    it('corrects the record of a member who has left (the archive stays accurate)', () => {
      spec
        .given([admitted, left])
        .when(correct({ formerPostLevel: '处级' }))
        .then([
          {
            type: 'MemberDataCorrected',
            data: {
              memberId: 'm-1',
              previous: { formerPostLevel: '科级' },
              corrections: { formerPostLevel: '处级' },
              reason: '档案核对',
              at,
            },
          },
        ]);
    });

    it('refuses a correction that changes nothing with NOTHING_TO_CORRECT', () => {
      spec
        .given([admitted])
        .when(correct({ name: '武雅君' }))
        .thenThrows('NOTHING_TO_CORRECT');
    });

    it('refuses a correction without a reason with REASON_REQUIRED', () => {
      spec
        .given([admitted])
        .when(correct({ name: '武雅珺' }, ' '))
        .thenThrows('REASON_REQUIRED');
    });

    it('refuses a correction that makes the dates impossible with INVALID_DATE_RANGE', () => {
      spec
        .given([admitted])
        .when(correct({ joinedPartyOn: '1950-01-01' }))
        .thenThrows('INVALID_DATE_RANGE');
    });

    it('refuses a member never admitted with MEMBER_NOT_FOUND', () => {
      spec
        .given([])
        .when(correct({ name: 'x' }))
        .thenThrows('MEMBER_NOT_FOUND');
    });
  });
});

describe('dates that cannot be true', () => {
  const fudong: Establishment = { kind: 'branch', id: 'b-fd', name: '府东社区离退休干部党支部', on: '2022-05-10' };
  const correct = (corrections: Partial<PersonalData>): MemberCommand => ({
    type: 'CorrectMemberData',
    data: { memberId: 'm-1', corrections, reason: '档案核对' },
    metadata,
  });

  it('refuses a date of joining after the admission with JOINED_PARTY_IN_FUTURE, naming both dates', () => {
    const error = spec
      .given([])
      .when(admit({ joinedPartyOn: '2023-03-02' }))
      .thenThrows('JOINED_PARTY_IN_FUTURE');
    expect(error.category).toBe('rule');
    expect(error.message).toContain('2023-03-02');
    expect(error.message).toContain('2023-03-01');
    spec
      .given([admitted])
      .when(correct({ joinedPartyOn: '2024-07-01' }))
      .thenThrows('JOINED_PARTY_IN_FUTURE');
  });

  it('accepts joining on the day of the admission', () => {
    spec
      .given([])
      .when(admit({ membership: 'probationary', joinedPartyOn: '2023-03-01' }))
      .then([{ ...probationaryAdmitted, data: { ...probationaryAdmitted.data, joinedPartyOn: '2023-03-01' } }]);
  });

  it('refuses joining before the age of the policy in force (18) with JOINED_PARTY_UNDER_AGE, naming the dates and the version', () => {
    const error = spec
      .given([])
      .when(admit({ birthDate: '1961-04-12', joinedPartyOn: '1979-04-11' }))
      .thenThrows('JOINED_PARTY_UNDER_AGE');
    expect(error.category).toBe('rule');
    expect(error.message).toContain('before turning 18 on 1979-04-12');
    expect(error.details).toMatchObject({ minimumAge: 18, policyVersion: '2022-10-22' });
    expect(() =>
      memberDecider.decide(admit({ birthDate: '1961-04-12', joinedPartyOn: '1979-04-12' }), { status: 'none' }),
    ).not.toThrow();
    spec
      .given([admitted])
      .when(correct({ birthDate: '1970-01-01' }))
      .thenThrows('JOINED_PARTY_UNDER_AGE');
  });

  it('counts a 29 February birthday as reached on 1 March in a common year', () => {
    const born = { birthDate: '1960-02-29' };
    expect(() => memberDecider.decide(admit({ ...born, joinedPartyOn: '1978-02-28' }), { status: 'none' })).toThrow(
      expect.objectContaining({ code: 'JOINED_PARTY_UNDER_AGE' }),
    );
    expect(() =>
      memberDecider.decide(admit({ ...born, joinedPartyOn: '1978-03-01' }), { status: 'none' }),
    ).not.toThrow();
  });

  it('takes the age from the rule policy, not from the code', () => {
    const younger = DEFAULT_RULE_POLICIES.map((policy) => ({ ...policy, minimumPartyJoiningAge: 16 }));
    const command = admit({ birthDate: '1961-04-12', joinedPartyOn: '1978-05-01' });
    expect(() => memberDecider.decide(command, { status: 'none' })).toThrow(
      expect.objectContaining({ code: 'JOINED_PARTY_UNDER_AGE' }),
    );
    expect(createMemberDecider(younger).decide(command, { status: 'none' })).toHaveLength(1);
  });

  it('refuses an admission or a transfer dated before the branch was established with DATED_BEFORE_ESTABLISHMENT', () => {
    const early = spec
      .given([])
      .when(admit({ context: { branchStatus: 'open', established: { 'b-fd': { ...fudong, on: '2023-03-02' } } } }))
      .thenThrows('DATED_BEFORE_ESTABLISHMENT');
    expect(early.category).toBe('rule');
    expect(early.message).toContain(
      'dated 2023-03-01, before branch 府东社区离退休干部党支部 was established on 2023-03-02',
    );
    expect(early.details).toMatchObject({ organisationId: 'b-fd', establishedOn: '2023-03-02', date: '2023-03-01' });
    spec
      .given([])
      .when(admit({ context: { branchStatus: 'open', established: { 'b-fd': { ...fudong, on: '2023-03-01' } } } }))
      .then([admitted]);
    const yongan: Establishment = { kind: 'branch', id: 'b-ya', name: '永安社区离退休干部党支部', on: '2023-04-01' };
    spec
      .given([admitted])
      .when(transfer('b-ya', 'open', { context: { toBranchStatus: 'open', established: { 'b-ya': yongan } } }))
      .thenThrows('DATED_BEFORE_ESTABLISHMENT');
  });
});

describe('isEligibleToVote', () => {
  it('holds for a full member without suspension, and only in the affiliation branch', () => {
    const s = fold(memberDecider, [admitted]);
    expect(isEligibleToVote(s)).toBe(true);
    expect(isEligibleToVote(s, 'b-fd')).toBe(true);
    expect(isEligibleToVote(s, 'b-other')).toBe(false);
  });

  it('fails for probationary, suspended, departed and unknown members', () => {
    expect(isEligibleToVote(fold(memberDecider, [probationaryAdmitted]))).toBe(false);
    expect(isEligibleToVote(fold(memberDecider, [admitted, suspended]))).toBe(false);
    expect(isEligibleToVote(fold(memberDecider, [admitted, left]))).toBe(false);
    expect(isEligibleToVote(memberDecider.initialState())).toBe(false);
  });
});
