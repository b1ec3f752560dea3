import { subjectsOf } from './stream-subjects';

describe('subjectsOf', () => {
  it('names every branch, committee and member a redraw plan touches', () => {
    const proposed = {
      type: 'RestructuringProposed',
      data: {
        restructuringId: 'r1',
        reason: '社区调整',
        plan: {
          kind: 'redraw',
          assignments: [{ memberId: 'm1', toBranchId: 'b-new' }],
          newBranches: [{ branchId: 'b-new', name: '永安', parentCommitteeId: 'c1' }],
        },
        at: '2022-06-01',
      },
    };
    expect(subjectsOf('restructuring-r1', [proposed])).toEqual({
      kind: 'organisation',
      committees: ['c1'],
      branches: ['b-new', 'b-new'],
      members: ['m1'],
    });
  });

  it('reads a committee as itself and its parent', () => {
    const established = {
      type: 'PartyCommitteeEstablished',
      data: {
        committeeId: 'g1',
        name: '第一党总支',
        kind: 'general_branch',
        parentCommitteeId: 'c1',
        at: '2020-01-01',
      },
    };
    expect(subjectsOf('committee-g1', [established])).toEqual({
      kind: 'committee',
      committeeId: 'g1',
      parentCommitteeId: 'c1',
    });
  });

  it('counts a stream of no known kind as the bureau’s, and an empty one as no one’s', () => {
    expect(subjectsOf('campaign-1', [])).toEqual({ kind: 'bureau' });
    expect(subjectsOf('something-new-1', [])).toEqual({ kind: 'bureau' });
    expect(subjectsOf('branch-b1', [])).toEqual({ kind: 'organisation', committees: [], branches: [], members: [] });
  });
});
