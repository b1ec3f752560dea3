import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restructuringStreamName } from '@app/domain';
import { Commands, openRuntime, waitUntil, type Runtime } from './restructuring.fixture';
import { RESTRUCTURING_PROCESS_MANAGER, type RestructuringStep } from './restructuring.process-manager';

const AT = '2023-04-01T09:00:00+08:00';

describe('RestructuringProcessManager refusals', () => {
  let dataDir: string;
  let runtime: Runtime;
  let commands: Commands;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'branchflow-pm-'));
    runtime = await openRuntime(dataDir);
    commands = new Commands(runtime, 'pm');
    await commands.committee(
      { type: 'EstablishPartyCommittee', data: { committeeId: 'c', name: '离退休干部党委', kind: 'committee' } },
      AT,
    );
    for (const id of ['b-ys', 'b-fd', 'b-sh']) {
      await commands.branch(
        { type: 'EstablishBranch', data: { branchId: id, name: `支部${id}`, parentCommitteeId: 'c', joint: false } },
        AT,
      );
    }
    for (const memberId of ['m-1', 'm-2', 'm-3']) {
      await commands.member(
        {
          type: 'AdmitMember',
          data: {
            memberId,
            name: `党员${memberId}`,
            birthDate: '1948-02-01',
            sex: 'female',
            joinedPartyOn: '1972-07-01',
            formerPostLevel: '乡科级',
            membership: 'full',
            branchId: 'b-ys',
          },
        },
        AT,
      );
    }
    await commands.restructuring(
      {
        type: 'ProposeDissolution',
        data: { restructuringId: 'r-1', branchId: 'b-ys', destinationBranchId: 'b-fd', reason: '并入府东' },
      },
      AT,
    );
    await commands.restructuring(
      {
        type: 'ApproveRestructuring',
        data: { restructuringId: 'r-1', approvedBy: '党委', documentReference: '文1号', approvedOn: '2023-03-30' },
      },
      AT,
    );
    await commands.restructuring({ type: 'StartRestructuringExecution', data: { restructuringId: 'r-1' } }, AT);
  });

  afterEach(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops loudly when a member was moved elsewhere after the plan froze, and resumes once that is put right', async () => {
    // Someone transfers m-2 by hand while the restructuring waits to run.
    await commands.member({ type: 'TransferMember', data: { memberId: 'm-2', toBranchId: 'b-sh' } }, AT);
    const errors: string[] = [];
    const runner = runtime.startProcessManager({}, { warn: () => undefined, error: (message) => errors.push(message) });
    const [started] = await runtime.store.readStream(restructuringStreamName('r-1'), { fromRevision: 2 });
    await expect(runner.waitForPosition(started?.position ?? 0)).rejects.toThrow(
      'Restructuring r-1, step transfer m-2, was refused: MEMBER_NOT_IN_EXPECTED_BRANCH',
    );
    expect(errors).toEqual([expect.stringContaining('Process manager restructuring-execution stopped')]);
    expect(runtime.checkpoints.load(RESTRUCTURING_PROCESS_MANAGER)).toBeLessThan(started?.position ?? 0);
    await runner.stop();

    // Put right: m-2 goes back to the branch being dissolved, and the process manager restarts.
    await commands.member({ type: 'TransferMember', data: { memberId: 'm-2', toBranchId: 'b-ys' } }, AT);
    const steps: RestructuringStep[] = [];
    const again = runtime.startProcessManager({ afterStep: (step) => void steps.push(step) });
    await waitUntil(async () => (await runtime.facts.branchStatus('b-ys')) === 'dissolved', again, runtime);
    await again.waitForPosition((await runtime.store.headPosition()) ?? 0);
    expect(steps.map((step) => `${step.kind} ${step.targetId} ${step.result}`)).toEqual([
      'transfer m-1 replayed',
      'transfer m-2 done',
      'transfer m-3 done',
      'dissolve b-ys done',
      'assess b-fd done',
      'complete r-1 done',
    ]);
    expect(await runtime.facts.memberCounts('b-fd')).toEqual({ full: 3, probationary: 0 });
  });

  it('skips a member who left meanwhile and counts them as left', async () => {
    await commands.member(
      { type: 'RecordMemberDeparture', data: { memberId: 'm-3', reason: 'movedOut', leftOn: '2023-03-31' } },
      AT,
    );
    const steps: RestructuringStep[] = [];
    const runner = runtime.startProcessManager({ afterStep: (step) => void steps.push(step) });
    await waitUntil(() => Promise.resolve(steps.some((step) => step.kind === 'complete')), runner, runtime);
    expect(steps.map((step) => `${step.kind} ${step.targetId} ${step.result}`)).toEqual([
      'transfer m-1 done',
      'transfer m-2 done',
      'transfer m-3 skipped',
      'dissolve b-ys done',
      'assess b-fd done',
      'complete r-1 done',
    ]);
    const [, , , completed] = await runtime.store.readStream(restructuringStreamName('r-1'));
    expect(completed).toMatchObject({
      type: 'RestructuringCompleted',
      data: { counts: { membersTransferred: 2, membersLeftDuringExecution: 1, branchesClosed: 1 } },
    });
  });
});
