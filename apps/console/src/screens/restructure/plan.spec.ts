import { describe, expect, it } from '@jest/globals';
import { choiceProblems, movesOf, plannedMoves, proposal, type Choice, type RollRow } from './plan';

const member = (memberId: string, membership: RollRow['membership'] = 'full'): RollRow => ({
  memberId,
  name: `党员${memberId}`,
  membership,
  votingSuspended: false,
});
const rolls = new Map<string, readonly RollRow[]>([
  ['zhenxing', [member('m1'), member('m2', 'probationary')]],
  ['yongsheng', [member('m3')]],
  ['xiguan', [member('m4')]],
]);

describe('the wizard’s plan', () => {
  it('moves every member of every merged branch to the target', () => {
    const choice: Choice = {
      kind: 'merge',
      sources: ['zhenxing', 'yongsheng'],
      target: { kind: 'existing', branchId: 'xiguan' },
    };
    expect(plannedMoves(choice, rolls)).toEqual([
      { memberId: 'm1', fromBranchId: 'zhenxing', toBranchId: 'xiguan' },
      { memberId: 'm2', fromBranchId: 'zhenxing', toBranchId: 'xiguan' },
      { memberId: 'm3', fromBranchId: 'yongsheng', toBranchId: 'xiguan' },
    ]);
  });

  it('moves a dissolved branch’s members to its destination, and in a redraw only those given another branch', () => {
    expect(plannedMoves({ kind: 'dissolution', branchId: 'yongsheng', destinationBranchId: 'xiguan' }, rolls)).toEqual([
      { memberId: 'm3', fromBranchId: 'yongsheng', toBranchId: 'xiguan' },
    ]);
    const redraw: Choice = {
      kind: 'redraw',
      sources: ['zhenxing'],
      newBranches: [{ branchId: 'yongan', name: '永安社区离退休干部党支部', parentCommitteeId: 'c' }],
      assignments: { m1: 'yongan', m2: 'zhenxing' },
    };
    const moves = plannedMoves(redraw, rolls);
    expect(moves).toEqual([{ memberId: 'm1', fromBranchId: 'zhenxing', toBranchId: 'yongan' }]);
    expect(proposal(redraw, ' 社区调整 ', '2023-05-10', moves)).toEqual({
      route: '/restructurings/redraw',
      body: {
        reason: '社区调整',
        occurredAt: '2023-05-10',
        assignments: [{ memberId: 'm1', toBranchId: 'yongan' }],
        newBranches: [{ branchId: 'yongan', name: '永安社区离退休干部党支部', parentCommitteeId: 'c' }],
      },
    });
  });

  it('proposes a merge into a new branch under the id the preview named, and a dissolution with its destination', () => {
    const merge: Choice = {
      kind: 'merge',
      sources: ['zhenxing'],
      target: { kind: 'new', branchId: 'yongan', name: ' 永安社区离退休干部党支部 ', parentCommitteeId: 'c' },
    };
    const moves = plannedMoves(merge, rolls);
    expect(moves.map((m) => m.toBranchId)).toEqual(['yongan', 'yongan']);
    expect(proposal(merge, '撤并', '2023-05-08', moves)).toEqual({
      route: '/restructurings/merge',
      body: {
        reason: '撤并',
        occurredAt: '2023-05-08',
        sourceBranchIds: ['zhenxing'],
        target: {
          kind: 'new',
          branch: { branchId: 'yongan', name: '永安社区离退休干部党支部', parentCommitteeId: 'c' },
        },
      },
    });
    const dissolution: Choice = { kind: 'dissolution', branchId: 'yongsheng', destinationBranchId: 'xiguan' };
    expect(proposal(dissolution, '撤销', '2023-05-08', [])).toEqual({
      route: '/restructurings/dissolution',
      body: { reason: '撤销', occurredAt: '2023-05-08', branchId: 'yongsheng', destinationBranchId: 'xiguan' },
    });
  });

  it('says in Chinese what is missing before the preview, and nothing once it is complete', () => {
    const incomplete: Choice = { kind: 'merge', sources: ['xiguan'], target: { kind: 'existing', branchId: 'xiguan' } };
    expect(choiceProblems(incomplete, '')).toEqual(['请填写调整事由。', '并入的党支部不能同时是被合并的党支部。']);
    expect(
      choiceProblems(
        { kind: 'merge', sources: [], target: { kind: 'new', branchId: 'n', name: '', parentCommitteeId: '' } },
        '撤并',
      ),
    ).toEqual(['请选择被合并的党支部。', '请填写新设党支部的名称。', '请选择新设党支部隶属的党委。']);
    expect(choiceProblems({ kind: 'dissolution', branchId: 'xiguan', destinationBranchId: 'xiguan' }, '撤销')).toEqual([
      '党员转入的党支部不能是被撤销的党支部。',
    ]);
    expect(
      choiceProblems(
        { kind: 'merge', sources: ['zhenxing'], target: { kind: 'existing', branchId: 'xiguan' } },
        '撤并',
      ),
    ).toEqual([]);
  });

  it('shows a recorded restructuring’s frozen transfers once executing, and before that what its plan would do', () => {
    const proposed = {
      status: 'proposed' as const,
      revision: 0,
      plan: {
        kind: 'merge' as const,
        sourceBranchIds: ['yongsheng'],
        target: { kind: 'existing' as const, branchId: 'xiguan' },
      },
    };
    expect(movesOf(proposed, rolls, () => undefined)).toEqual([
      { memberId: 'm3', fromBranchId: 'yongsheng', toBranchId: 'xiguan' },
    ]);
    const executing = {
      ...proposed,
      status: 'executing' as const,
      execution: {
        branchesToEstablish: [],
        transfers: [{ memberId: 'm9', fromBranchId: 'yongsheng', toBranchId: 'xiguan' }],
        branchesToClose: ['yongsheng'],
        branchesToReassess: ['xiguan'],
        skipped: [],
      },
    };
    expect(movesOf(executing, rolls, () => undefined)).toEqual([
      { memberId: 'm9', fromBranchId: 'yongsheng', toBranchId: 'xiguan' },
    ]);
  });
});
