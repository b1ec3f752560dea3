/**
 * Test support for the restructuring integration tests: one "process" of branchflow on a data
 * directory (the SQLite event file, the read-model database with the organisation projection
 * running in-process, the command handlers, and the restructuring process manager on its
 * checkpoint), plus a deterministic generator of a Xiaoyi-like organisation. Not exported.
 */
import { join } from 'node:path';
import type { Membership, Sex } from '@app/domain';
import { createEventStore, type EventStore } from '@app/event-store';
import {
  OrganisationQueries,
  openReadModelDatabase,
  organisationNowProjection,
  ProjectionRunner,
  type ReadModelDatabase,
} from '@app/read-models';
import type { CommandOutcome } from '../command-handling/domain-command-message';
import type { CommandContext } from '../command-handling/handle-command';
import { BranchCommandHandler, ExecuteBranchCommand } from '../organisation/branch/branch-command.handler';
import { CommitteeCommandHandler, ExecuteCommitteeCommand } from '../organisation/committee/committee-command.handler';
import { ExecuteMemberCommand, MemberCommandHandler } from '../organisation/member/member-command.handler';
import { OrganisationFacts } from '../organisation/organisation-facts';
import { RulePolicies } from '../policy/rule-policies';
import { SqlCheckpointStore } from '../process-managers/checkpoint-store';
export { waitUntil } from '../process-managers/crash-safety.fixture';
import { ProcessManagerRunner, type ProcessLogger } from '../process-managers/process-manager-runner';
import { ReadModelFreshness } from '../read-models/read-model-freshness';
import { ExecuteRestructuringCommand, RestructuringCommandHandler } from './restructuring-command.handler';
import { RestructuringProcessManager, type RestructuringProcessOptions } from './restructuring.process-manager';

export const ACTOR = { id: 'u-admin', name: '孝义市委老干部局管理员', role: 'admin' } as const;

/** Sends commands through the real handlers, each with a deterministic command id. */
export class Commands {
  private sequence = 0;
  constructor(
    private readonly runtime: Runtime,
    private readonly prefix: string,
  ) {}

  private context(occurredAt: string): CommandContext {
    this.sequence += 1;
    return { commandId: `${this.prefix}-${this.sequence}`, actor: ACTOR, occurredAt };
  }

  committee(input: ExecuteCommitteeCommand['input'], at: string): Promise<CommandOutcome> {
    return this.runtime.committees.execute(new ExecuteCommitteeCommand(input, this.context(at)));
  }
  branch(input: ExecuteBranchCommand['input'], at: string): Promise<CommandOutcome> {
    return this.runtime.branches.execute(new ExecuteBranchCommand(input, this.context(at)));
  }
  member(input: ExecuteMemberCommand['input'], at: string): Promise<CommandOutcome> {
    return this.runtime.members.execute(new ExecuteMemberCommand(input, this.context(at)));
  }
  restructuring(input: ExecuteRestructuringCommand['input'], at: string): Promise<CommandOutcome> {
    return this.runtime.restructurings.execute(new ExecuteRestructuringCommand(input, this.context(at)));
  }
}

export interface Runtime {
  readonly store: EventStore;
  readonly db: ReadModelDatabase;
  readonly queries: OrganisationQueries;
  readonly facts: OrganisationFacts;
  readonly committees: CommitteeCommandHandler;
  readonly branches: BranchCommandHandler;
  readonly members: MemberCommandHandler;
  readonly restructurings: RestructuringCommandHandler;
  readonly checkpoints: SqlCheckpointStore;
  readonly projection: ProjectionRunner;
  /** A new runner of a new restructuring process manager on this process's checkpoint store. */
  startProcessManager(options?: RestructuringProcessOptions, logger?: ProcessLogger): ProcessManagerRunner;
  /** Stops every runner and closes both databases, like a process exiting. */
  close(): Promise<void>;
}

/**
 * Opens a process on `dataDir`. `synchronous: 'NORMAL'` trades the fsync per append for speed
 * (WAL still keeps the file consistent; only the last commits could be lost at a power cut,
 * which these tests do not simulate).
 */
export async function openRuntime(
  dataDir: string,
  options: { synchronous?: 'FULL' | 'NORMAL' } = {},
): Promise<Runtime> {
  const store = await createEventStore({ dataDir, sqliteSynchronous: options.synchronous ?? 'FULL' });
  const db = openReadModelDatabase(join(dataDir, 'read-models.sqlite'));
  const projection = new ProjectionRunner(store, db, organisationNowProjection);
  projection.start();
  const queries = new OrganisationQueries(db);
  const facts = new OrganisationFacts(store, queries, new ReadModelFreshness(store, db, { timeoutMs: 20_000 }));
  const checkpoints = new SqlCheckpointStore(db);
  const policies = new RulePolicies(store);
  const runners: ProcessManagerRunner[] = [];
  return {
    store,
    db,
    queries,
    facts,
    committees: new CommitteeCommandHandler(store, facts, policies),
    branches: new BranchCommandHandler(store, facts, policies),
    members: new MemberCommandHandler(store, facts, policies),
    restructurings: new RestructuringCommandHandler(store, facts, policies),
    checkpoints,
    projection,
    startProcessManager(managerOptions = {}, logger = { warn: () => undefined, error: () => undefined }) {
      const manager = new RestructuringProcessManager(store, facts, policies, managerOptions);
      const runner = new ProcessManagerRunner(store, checkpoints, manager, { logger });
      runner.start();
      runners.push(runner);
      return runner;
    },
    async close() {
      await Promise.all(runners.map((runner) => runner.stop()));
      await projection.stop();
      db.close();
      await store.close();
    },
  };
}

/** mulberry32: a small seeded PRNG, so the generated organisation is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedMember {
  readonly memberId: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly joinedPartyOn: string;
  readonly formerPostLevel: string;
  readonly membership: Membership;
  readonly branchId: string;
  /** Where the member lives; a redraw moves members by address. */
  readonly address: string;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '建国华明秀英文玉兰凤芳桂珍志强海军红梅丽敏春生金德成福贵荣平安永胜利民润田';
const POST_LEVELS = ['一般干部', '一般干部', '乡科级', '乡科级', '乡科级', '县处级', '县处级', '厅局级'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Members spread over `branches` with the given sizes: retired cadres born 1928-1962, mostly
 * full members (about 3% probationary), each living in one of the branch's residential areas.
 */
export function generateMembers(
  random: () => number,
  branches: readonly { readonly branchId: string; readonly size: number; readonly areas: readonly string[] }[],
  idPrefix = 'm',
): GeneratedMember[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const members: GeneratedMember[] = [];
  for (const branch of branches) {
    for (let i = 0; i < branch.size; i += 1) {
      const number = members.length + 1;
      const birthYear = 1928 + Math.floor(random() * 35);
      // 19 years on, whatever the months: nobody joins the Party before turning 18.
      const joinYear = birthYear + 19 + Math.floor(random() * 30);
      // The first three of every branch are full members, so each branch starts well-formed.
      const membership: Membership = i >= 3 && random() < 0.03 ? 'probationary' : 'full';
      const given = pick([...GIVEN]) + (random() < 0.7 ? pick([...GIVEN]) : '');
      members.push({
        memberId: `${idPrefix}-${pad(number, 4)}`,
        name: `${pick([...SURNAMES])}${given}`,
        sex: random() < 0.62 ? 'male' : 'female',
        birthDate: `${birthYear}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
        joinedPartyOn: `${Math.min(joinYear, 2022)}-${pad(1 + Math.floor(random() * 12))}-01`,
        formerPostLevel: pick(POST_LEVELS),
        membership,
        branchId: branch.branchId,
        address: pick(branch.areas),
      });
    }
  }
  return members;
}

/** Sizes summing to `total`, each at least `min`, shaped by the PRNG. */
export function spread(random: () => number, count: number, total: number, min: number): number[] {
  const weights = Array.from({ length: count }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => min + Math.floor(((total - min * count) * w) / sum));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest -= 1) sizes[i] = (sizes[i] as number) + 1;
  return sizes;
}

/** Admits every generated member through the member handler, in order (so command ids are deterministic). */
export async function admitAll(commands: Commands, members: readonly GeneratedMember[], at: string): Promise<void> {
  for (const member of members) {
    const { address: _address, ...data } = member;
    await commands.member({ type: 'AdmitMember', data }, at);
  }
}
