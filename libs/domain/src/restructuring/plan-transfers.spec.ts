import { DomainError } from '../shared/domain-error';
import { planTransfers } from './plan-transfers';
import { RollEntry } from './restructuring-plan';

const roll: readonly RollEntry[] = [
  { memberId: 'm-3', branchId: 'b-ys' },
  { memberId: 'm-1', branchId: 'b-ys' },
  { memberId: 'm-2', branchId: 'b-sh' },
  { memberId: 'm-4', branchId: 'b-fd' },
  { memberId: 'm-5', branchId: 'b-fd' },
];

describe('planTransfers', () => {
  it('merge: moves every member of each source to the target, in source order then member id, and closes the sources', () => {
    expect(
      planTransfers(
        { kind: 'merge', sourceBranchIds: ['b-ys', 'b-sh'], target: { kind: 'existing', branchId: 'b-fd' } },
        roll,
      ),
    ).toEqual({
      branchesToEstablish: [],
      transfers: [
        { memberId: 'm-1', fromBranchId: 'b-ys', toBranchId: 'b-fd' },
        { memberId: 'm-3', fromBranchId: 'b-ys', toBranchId: 'b-fd' },
        { memberId: 'm-2', fromBranchId: 'b-sh', toBranchId: 'b-fd' },
      ],
      branchesToClose: ['b-ys', 'b-sh'],
      branchesToReassess: ['b-fd'],
      skipped: [],
    });
  });

  it('merge into a new branch establishes it first', () => {
    const ya = { branchId: 'b-ya', name: '永安社区离退休干部党支部', parentCommitteeId: 'c-lt' };
    const plan = planTransfers({ kind: 'merge', sourceBranchIds: ['b-sh'], target: { kind: 'new', branch: ya } }, roll);
    expect(plan.branchesToEstablish).toEqual([ya]);
    expect(plan.transfers).toEqual([{ memberId: 'm-2', fromBranchId: 'b-sh', toBranchId: 'b-ya' }]);
  });

  it('dissolution: moves every member to the destination and closes the branch', () => {
    expect(planTransfers({ kind: 'dissolution', branchId: 'b-fd', destinationBranchId: 'b-sh' }, roll)).toEqual({
      branchesToEstablish: [],
      transfers: [
        { memberId: 'm-4', fromBranchId: 'b-fd', toBranchId: 'b-sh' },
        { memberId: 'm-5', fromBranchId: 'b-fd', toBranchId: 'b-sh' },
      ],
      branchesToClose: ['b-fd'],
      branchesToReassess: ['b-sh'],
      skipped: [],
    });
  });

  it('redraw: moves the assigned members, skips those gone or already there, closes nothing and re-assesses every branch touched', () => {
    const ya = { branchId: 'b-ya', name: '永安社区离退休干部党支部', parentCommitteeId: 'c-lt' };
    const unused = { branchId: 'b-zz', name: '未用', parentCommitteeId: 'c-lt' };
    expect(
      planTransfers(
        {
          kind: 'redraw',
          assignments: [
            { memberId: 'm-4', toBranchId: 'b-ya' },
            { memberId: 'm-9', toBranchId: 'b-ya' },
            { memberId: 'm-2', toBranchId: 'b-sh' },
            { memberId: 'm-1', toBranchId: 'b-sh' },
          ],
          newBranches: [ya, unused],
        },
        roll,
      ),
    ).toEqual({
      branchesToEstablish: [ya],
      transfers: [
        { memberId: 'm-4', fromBranchId: 'b-fd', toBranchId: 'b-ya' },
        { memberId: 'm-1', fromBranchId: 'b-ys', toBranchId: 'b-sh' },
      ],
      branchesToClose: [],
      branchesToReassess: ['b-fd', 'b-sh', 'b-ya', 'b-ys'],
      skipped: [
        { memberId: 'm-9', reason: 'notOnRoll' },
        { memberId: 'm-2', reason: 'alreadyInTarget' },
      ],
    });
  });

  it('gives the same steps whatever the order of the roll', () => {
    const plan = {
      kind: 'merge',
      sourceBranchIds: ['b-ys', 'b-fd'],
      target: { kind: 'existing', branchId: 'b-sh' },
    } as const;
    expect(planTransfers(plan, [...roll].reverse())).toEqual(planTransfers(plan, roll));
  });

  it('refuses a roll listing a member twice with ROLL_DUPLICATE_MEMBER', () => {
    const run = (): unknown =>
      planTransfers({ kind: 'dissolution', branchId: 'b-fd', destinationBranchId: 'b-sh' }, [
        ...roll,
        { memberId: 'm-4', branchId: 'b-sh' },
      ]);
    expect(run).toThrow(DomainError);
    expect(run).toThrow(expect.objectContaining({ code: 'ROLL_DUPLICATE_MEMBER' }) as Error);
  });
});
