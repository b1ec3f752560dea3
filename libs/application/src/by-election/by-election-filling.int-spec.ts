import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { branchStreamName, byElectionStreamName } from '@app/domain';
import { readWholeStream } from '../command-handling/load-stream';
import type { CommandContext } from '../command-handling/handle-command';
import { ElectionFacts } from '../election/election-facts';
import { ElectionIndex } from '../election/election-index';
import {
  ACTOR,
  BRANCH,
  Commands,
  member,
  openElectionRuntime,
  prepareBranch,
  type ElectionRuntime,
} from '../election/election.fixture';
import { ByElectionCommandHandler, ExecuteByElectionCommand } from './by-election-command.handler';
import { ByElectionFillingProcessManager } from './by-election-filling.process-manager';

/**
 * The filling process manager on the real SQLite store: the deputy secretary (m2) dies mid-term,
 * a committee member (m3, 组织委员) is by-elected deputy, and the filed result gives the branch
 * the deputy's post from the filing date — m3 leaving the committee post first (one person, one
 * post). Handled again, as after a crash before the checkpoint, it appends nothing more.
 */
describe('by-election filling process manager', () => {
  let dataDir: string;
  let runtime: ElectionRuntime;
  let sequence = 0;

  const context = (date: string): CommandContext => {
    sequence += 1;
    return { commandId: `by-election-${sequence}`, actor: ACTOR, occurredAt: `${date}T09:00:00+08:00` };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'branchflow-by-election-'));
    runtime = await openElectionRuntime(dataDir);
    const commands = new Commands(runtime, 'setup');
    await prepareBranch(commands);
    await commands.branch(
      {
        type: 'VacatePost',
        data: { branchId: BRANCH, postId: 'p-old-deputySecretary-m2', reason: 'deceased', endDate: '2021-03-01' },
      },
      '2021-03-02',
    );
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fills the vacancy from the filing date, moving the holder off their other post, once', async () => {
    const handler = new ByElectionCommandHandler(
      runtime.store,
      runtime.facts,
      new ElectionFacts(runtime.facts, new ElectionIndex(runtime.store)),
      runtime.policies,
    );
    const send = (input: ExecuteByElectionCommand['input'], date: string) =>
      handler.execute(new ExecuteByElectionCommand(input, context(date)));
    const byElectionId = 'y-deputy';
    await send(
      {
        type: 'RequestByElection',
        data: {
          byElectionId,
          branchId: BRANCH,
          vacatedPostId: 'p-old-deputySecretary-m2',
          reason: '副书记武雅君病故',
          plannedDate: '2021-04-20',
          candidates: [member(3)],
        },
      },
      '2021-03-10',
    );
    await send(
      {
        type: 'ConsentToByElection',
        data: { byElectionId, consentReference: '孝老干字〔2021〕5号', consentedOn: '2021-03-20' },
      },
      '2021-03-20',
    );
    const present = [1, 3, 4, 5, 6, 7, 8, 9].map(member);
    await send(
      {
        type: 'HoldByElection',
        data: {
          byElectionId,
          heldBy: 'membersAssembly',
          exclusions: [],
          presentVoters: present,
          issued: present.length,
          ballots: present.map(() => ({ marks: { m3: 'for' } })),
        },
      },
      '2021-04-20',
    );
    await send(
      {
        type: 'FileByElectionResult',
        data: { byElectionId, filingReference: '孝老干字〔2021〕9号', filedOn: '2021-04-25' },
      },
      '2021-04-25',
    );

    const manager = new ByElectionFillingProcessManager(runtime.store, runtime.facts, runtime.policies);
    const filed = (await readWholeStream(runtime.store, byElectionStreamName(byElectionId))).at(-1)!;
    expect(filed.type).toBe('ByElectionFiled');
    await manager.handle(filed);
    const once = await readWholeStream(runtime.store, branchStreamName(BRANCH));
    await manager.handle(filed);
    expect(await readWholeStream(runtime.store, branchStreamName(BRANCH))).toHaveLength(once.length);

    const appended = once
      .slice(-2)
      .map((event) => ({ type: event.type, data: event.data, causationId: event.metadata.causationId }));
    expect(appended).toEqual([
      {
        type: 'PostVacated',
        data: expect.objectContaining({ postId: 'p-old-committeeMember-m3', reason: 'other', endDate: '2021-04-25' }),
        causationId: filed.id,
      },
      {
        type: 'PostAssigned',
        data: expect.objectContaining({
          vacancyPostId: 'p-old-deputySecretary-m2',
          post: expect.objectContaining({
            postId: `${byElectionId}-deputySecretary-m3`,
            kind: 'deputySecretary',
            holder: member(3),
            startDate: '2021-04-25',
            documentReference: '孝老干字〔2021〕9号',
          }),
        }),
        causationId: filed.id,
      },
    ]);
    const branch = await runtime.facts.branch(BRANCH);
    expect(branch.status === 'open' && branch.vacancies).toEqual([]);
  });
});
