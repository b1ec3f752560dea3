/**
 * A deterministic, province-scale organisation history written straight into a SQLite event
 * file through the SqliteEventStore adapter (batched appends: consecutive events of a stream in
 * one append, appends grouped in outer transactions; synchronous=NORMAL), in business-date order. The file is cached under bench/tmp, keyed by the
 * parameters, so re-runs skip generation.
 *
 *   node -r @swc-node/register bench/generate-history.ts [branches] [members] [years]
 *
 * Each year: admissions and departures (~4%), confirmations of last year's probationary
 * members, transfers (30% of members), data corrections, voting suspensions and restorations,
 * shape assessments, renames, elections every term (all posts vacated and refilled), and a few
 * merges carried out as the restructuring process does (establish the target, transfer every
 * member, vacate the posts, dissolve the sources, BranchesMerged, RestructuringCompleted).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewEvent } from '../libs/event-store/src/port/envelope';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { mulberry32 } from '../apps/cli/src/demo/prng';

export interface HistoryParameters {
  readonly branches: number;
  readonly members: number;
  readonly years: number;
  readonly firstYear: number;
  readonly transferRate: number;
  readonly turnoverRate: number;
  readonly mergesPerYear: number;
  readonly seed: number;
}

export const PROVINCE: HistoryParameters = {
  branches: 3000,
  members: 150_000,
  years: 20,
  firstYear: 2005,
  transferRate: 0.3,
  turnoverRate: 0.04,
  mergesPerYear: 5,
  seed: 20221022,
};

export interface GeneratedHistory {
  readonly file: string;
  readonly events: number;
  readonly parameters: HistoryParameters;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly generatedSeconds: number | null;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '秀英桂兰建国志强淑珍德明玉兰凤英振华国强文明丽华秀珍宝山金花永安';
const POST_KINDS = ['secretary', 'deputySecretary', 'committeeMember', 'committeeMember', 'committeeMember'] as const;
const DUTIES = ['组织委员', '宣传委员', '纪检委员'];

interface Dated {
  readonly date: string;
  readonly stream: string;
  readonly event: NewEvent;
}

class Generator {
  private readonly random: () => number;
  private idCounter = 0;
  readonly log: Dated[] = [];
  // Members
  private readonly memberBranch: Int32Array;
  private readonly probationary: Uint8Array;
  private readonly suspended: Uint8Array;
  private memberCount = 0;
  // Branches
  private readonly branchOpen: boolean[] = [];
  private readonly branchCommittee: number[] = [];
  private readonly branchName: string[] = [];
  private readonly branchPosts: { postId: string; kind: string; personId: string; name: string }[][] = [];
  private readonly termStartYear: number[] = [];
  private readonly committees: number;

  constructor(private readonly p: HistoryParameters) {
    this.random = mulberry32(p.seed);
    const capacity = Math.ceil(p.members * (1 + p.turnoverRate * (p.years + 2))) + 10;
    this.memberBranch = new Int32Array(capacity).fill(-1);
    this.probationary = new Uint8Array(capacity);
    this.suspended = new Uint8Array(capacity);
    this.committees = Math.max(1, Math.round(p.branches / 50));
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private id(): string {
    this.idCounter += 1;
    const hex = this.idCounter.toString(16).padStart(12, '0');
    const salt = (this.p.seed >>> 0).toString(16).padStart(8, '0');
    return `${salt}-0000-4000-8000-${hex}`;
  }

  private date(year: number, dayOfYear = this.int(360)): string {
    const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
    return d.toISOString().slice(0, 10);
  }

  private push(stream: string, type: string, date: string, data: Record<string, unknown>): void {
    const at = `${date}T09:00:00.000+08:00`;
    const id = this.id();
    this.log.push({
      date,
      stream,
      event: {
        id,
        type,
        schemaVersion: 1,
        data: { ...data, at },
        metadata: {
          commandId: id,
          correlationId: id,
          causationId: id,
          actor: { id: 'bench', name: '基准', role: 'admin' },
          occurredAt: at,
          policyVersion: null,
        },
      },
    });
  }

  private personName(index: number): string {
    return `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 7) % GIVEN.length]}${GIVEN[(index * 13 + 3) % GIVEN.length]}`;
  }

  private branchId(b: number): string {
    return `b${b}`;
  }

  private memberId(m: number): string {
    return `m${m}`;
  }

  private openBranchesOf(committee?: number): number[] {
    const open: number[] = [];
    for (let b = 0; b < this.branchOpen.length; b += 1) {
      if (this.branchOpen[b] && (committee === undefined || this.branchCommittee[b] === committee)) open.push(b);
    }
    return open;
  }

  private establishBranch(committee: number, date: string, restructuringId: string | null, name?: string): number {
    const b = this.branchOpen.length;
    this.branchOpen.push(true);
    this.branchCommittee.push(committee);
    this.branchName.push(name ?? `第${committee + 1}党委第${b + 1}党支部`);
    this.branchPosts.push([]);
    this.termStartYear.push(Number(date.slice(0, 4)));
    this.push(`branch-${this.branchId(b)}`, 'BranchEstablished', date, {
      branchId: this.branchId(b),
      name: this.branchName[b],
      parentCommitteeId: `c${committee}`,
      managementLinks: [],
      joint: false,
      jointUnits: [],
      decisionReference: null,
      restructuringId,
      policyVersion: '2018-10-28',
    });
    return b;
  }

  private admit(branch: number, date: string, probationary: boolean): void {
    const m = this.memberCount;
    this.memberCount += 1;
    this.memberBranch[m] = branch;
    this.probationary[m] = probationary ? 1 : 0;
    this.push(`member-${this.memberId(m)}`, 'MemberAdmitted', date, {
      memberId: this.memberId(m),
      name: this.personName(m),
      sex: m % 2 ? 'male' : 'female',
      birthDate: `19${40 + (m % 20)}-0${1 + (m % 9)}-1${m % 10}`,
      joinedPartyOn: `19${60 + (m % 30)}-07-01`,
      formerPostLevel: m % 3 ? '科级' : '处级',
      membership: probationary ? 'probationary' : 'full',
      branchId: this.branchId(branch),
    });
  }

  private transfer(m: number, to: number, date: string, restructuringId: string | null): void {
    const from = this.memberBranch[m] as number;
    this.memberBranch[m] = to;
    this.push(`member-${this.memberId(m)}`, 'MemberTransferred', date, {
      memberId: this.memberId(m),
      fromBranchId: this.branchId(from),
      toBranchId: this.branchId(to),
      restructuringId,
      documentReference: null,
    });
  }

  private vacateAll(b: number, date: string, reason: string): void {
    for (const post of this.branchPosts[b] ?? []) {
      this.push(`branch-${this.branchId(b)}`, 'PostVacated', date, {
        branchId: this.branchId(b),
        postId: post.postId,
        kind: post.kind,
        holder: { personId: post.personId, name: post.name },
        reason,
        note: null,
        endDate: date,
      });
    }
    this.branchPosts[b] = [];
  }

  private elect(b: number, date: string, membersOf: number[]): void {
    this.vacateAll(b, date, 'termEnded');
    const posts: { postId: string; kind: string; personId: string; name: string }[] = [];
    const count = membersOf.length >= 7 ? POST_KINDS.length : Math.min(2, membersOf.length);
    for (let k = 0; k < count; k += 1) {
      const m = membersOf[(k * 3 + this.int(3)) % membersOf.length] as number;
      const kind = POST_KINDS[k] as string;
      const post = { postId: this.id(), kind, personId: this.memberId(m), name: this.personName(m) };
      posts.push(post);
      this.push(`branch-${this.branchId(b)}`, 'PostAssigned', date, {
        branchId: this.branchId(b),
        post: {
          postId: post.postId,
          kind,
          duty: kind === 'committeeMember' ? DUTIES[k % DUTIES.length] : null,
          source: 'elected',
          documentReference: null,
          holder: { personId: post.personId, name: post.name },
          startDate: date,
        },
      });
    }
    this.branchPosts[b] = posts;
    this.termStartYear[b] = Number(date.slice(0, 4));
  }

  private merge(year: number, sources: [number, number], membersOf: Map<number, number[]>): void {
    const r = this.id();
    const committee = this.branchCommittee[sources[0]] as number;
    const stream = `restructuring-${r}`;
    // At the year's end, after every member's own acts of the year, so the merge moves exactly
    // the members the sources hold then.
    const proposed = this.date(year, 300 + this.int(40));
    const day = this.date(year, 362 + this.int(2));
    const targetId = this.branchOpen.length;
    const targetName = `${this.branchName[sources[0]]}(合并)`;
    const plan = {
      kind: 'merge',
      sourceBranchIds: sources.map((b) => this.branchId(b)),
      target: {
        kind: 'new',
        branch: { branchId: this.branchId(targetId), name: targetName, parentCommitteeId: `c${committee}` },
      },
    };
    this.push(stream, 'RestructuringProposed', proposed, { restructuringId: r, plan, reason: '党员人数减少, 撤并' });
    this.push(stream, 'RestructuringApproved', proposed, {
      restructuringId: r,
      approvedBy: '市委老干部局',
      documentReference: `孝老干发〔${year}〕${this.int(50)}号`,
      approvedOn: proposed,
    });
    const moving = sources.flatMap((b) => (membersOf.get(b) ?? []).map((m) => [m, b] as const));
    this.push(stream, 'RestructuringExecutionStarted', day, {
      restructuringId: r,
      execution: {
        branchesToEstablish: [plan.target.branch],
        transfers: moving.map(([m, b]) => ({
          memberId: this.memberId(m),
          fromBranchId: this.branchId(b),
          toBranchId: this.branchId(targetId),
        })),
        branchesToClose: plan.sourceBranchIds,
        branchesToReassess: [this.branchId(targetId)],
        skipped: [],
      },
    });
    this.establishBranch(committee, day, r, targetName);
    for (const [m] of moving) this.transfer(m, targetId, day, r);
    for (const b of sources) {
      this.vacateAll(b, day, 'branchDissolved');
      this.branchOpen[b] = false;
      this.push(`branch-${this.branchId(b)}`, 'BranchDissolved', day, {
        branchId: this.branchId(b),
        reason: '撤并',
        decisionReference: null,
        restructuringId: r,
      });
    }
    membersOf.set(
      targetId,
      moving.map(([m]) => m),
    );
    for (const b of sources) membersOf.set(b, []);
    this.push(stream, 'BranchesMerged', day, {
      restructuringId: r,
      sourceBranchIds: plan.sourceBranchIds,
      targetBranchId: this.branchId(targetId),
    });
    this.push(stream, 'RestructuringCompleted', day, {
      restructuringId: r,
      kind: 'merge',
      counts: {
        membersTransferred: moving.length,
        membersLeftDuringExecution: 0,
        branchesEstablished: 1,
        branchesClosed: 2,
      },
    });
  }

  private membersByBranch(): Map<number, number[]> {
    const byBranch = new Map<number, number[]>();
    for (let m = 0; m < this.memberCount; m += 1) {
      const b = this.memberBranch[m] as number;
      if (b < 0) continue;
      const list = byBranch.get(b);
      if (list) list.push(m);
      else byBranch.set(b, [m]);
    }
    return byBranch;
  }

  /** Generates one year and returns its events in date order (stable within a stream). */
  year(index: number): Dated[] {
    const p = this.p;
    const year = p.firstYear + index;
    this.log.length = 0;
    if (index === 0) {
      for (let c = 0; c < this.committees; c += 1) {
        this.push(`committee-c${c}`, 'PartyCommitteeEstablished', this.date(year, 0), {
          committeeId: `c${c}`,
          name: `第${c + 1}离退休干部党委`,
          kind: 'committee',
          parentCommitteeId: null,
          decisionReference: null,
        });
      }
      for (let b = 0; b < p.branches; b += 1)
        this.establishBranch(b % this.committees, this.date(year, 1 + this.int(20)), null);
      for (let m = 0; m < p.members; m += 1)
        this.admit(m % p.branches, this.date(year, 30 + this.int(300)), this.random() < 0.15);
    } else {
      const open = this.openBranchesOf();
      const active: number[] = [];
      for (let m = 0; m < this.memberCount; m += 1) if ((this.memberBranch[m] as number) >= 0) active.push(m);
      for (const m of active) {
        const r = this.random();
        const stream = `member-${this.memberId(m)}`;
        if (this.probationary[m] && r < 0.9) {
          const on = this.date(year, this.int(120));
          this.probationary[m] = 0;
          this.push(stream, 'MemberConfirmed', on, {
            memberId: this.memberId(m),
            branchId: this.branchId(this.memberBranch[m] as number),
            confirmedOn: on,
          });
        }
        if (this.suspended[m]) {
          const on = this.date(year, 120 + this.int(60));
          this.suspended[m] = 0;
          this.push(stream, 'VotingRightsRestored', on, {
            memberId: this.memberId(m),
            reason: 'probation',
            restoredOn: on,
            documentReference: null,
          });
        } else if (r > 0.995) {
          const on = this.date(year, 60 + this.int(60));
          this.suspended[m] = 1;
          this.push(stream, 'VotingRightsSuspended', on, {
            memberId: this.memberId(m),
            reason: 'probation',
            from: on,
            until: null,
            documentReference: null,
          });
        }
        if (this.random() < 0.05) {
          this.push(stream, 'MemberDataCorrected', this.date(year, 150 + this.int(30)), {
            memberId: this.memberId(m),
            previous: { formerPostLevel: '科级' },
            corrections: { formerPostLevel: '处级' },
            reason: '档案核对',
          });
        }
        if (this.random() < p.transferRate) {
          const to = open[this.int(open.length)] as number;
          if (to !== this.memberBranch[m]) this.transfer(m, to, this.date(year, 180 + this.int(120)), null);
        }
        if (this.random() < p.turnoverRate) {
          const on = this.date(year, 300 + this.int(60));
          this.push(stream, 'MemberLeft', on, {
            memberId: this.memberId(m),
            branchId: this.branchId(this.memberBranch[m] as number),
            reason: this.random() < 0.8 ? 'death' : 'movedOut',
            leftOn: on,
            note: null,
          });
          this.memberBranch[m] = -1;
        }
      }
      const admissions = Math.round(active.length * p.turnoverRate);
      for (let k = 0; k < admissions; k += 1)
        this.admit(open[this.int(open.length)] as number, this.date(year, this.int(300)), this.random() < 0.3);
    }

    // Branch-level acts, on the membership as it stands after the members' year.
    const membersOf = this.membersByBranch();
    const termYears = year >= 2022 ? 5 : 3;
    for (const b of this.openBranchesOf()) {
      const members = membersOf.get(b) ?? [];
      const stream = `branch-${this.branchId(b)}`;
      if (index === 0 || year - (this.termStartYear[b] as number) >= termYears) {
        if (members.length > 0) this.elect(b, this.date(year, 200 + this.int(100)), members);
      }
      for (const day of [90, 270]) {
        const full = members.filter((m) => !this.probationary[m]).length;
        this.push(stream, 'BranchShapeAssessed', this.date(year, day + this.int(20)), {
          branchId: this.branchId(b),
          counts: { full, probationary: members.length - full },
          hasCommittee: (this.branchPosts[b] ?? []).some((post) => post.kind === 'committeeMember'),
          shape: {
            belowMinimum: full < 3,
            committeeRequired: full >= 7,
            electionRequired: false,
            overSize: members.length > 50,
            policyVersion: '2018-10-28',
          },
        });
      }
      if (index > 0 && this.random() < 0.005) {
        const name = `${this.branchName[b]}·${year}`;
        this.push(stream, 'BranchRenamed', this.date(year, 100 + this.int(100)), {
          branchId: this.branchId(b),
          previousName: this.branchName[b],
          name,
        });
        this.branchName[b] = name;
      }
    }
    if (index > 0) {
      for (let k = 0; k < p.mergesPerYear; k += 1) {
        const committee = this.int(this.committees);
        const candidates = this.openBranchesOf(committee);
        if (candidates.length < 2) continue;
        const first = candidates[this.int(candidates.length)] as number;
        const second = candidates.find((b) => b !== first) as number;
        this.merge(year, [first, second], membersOf);
      }
    }
    // Date order; same-day events keep the order they were decided in. Each act is dated so that
    // this is also a consistent order within every stream.
    const dated = this.log.map((entry, i) => ({ entry, i }));
    return dated.sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.i - b.i).map((d) => d.entry);
  }
}

const APPENDS_PER_TRANSACTION = 5000;

function keyOf(p: HistoryParameters): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...p, generator: 4 }))
    .digest('hex')
    .slice(0, 12);
}

function write(line: string): void {
  process.stderr.write(line);
}

/** The cached history file for these parameters, generating it first if needed. */
export async function ensureHistory(p: HistoryParameters, dir = join(__dirname, 'tmp')): Promise<GeneratedHistory> {
  mkdirSync(dir, { recursive: true });
  const base = `history-${p.branches}b-${p.members}m-${p.years}y-${keyOf(p)}`;
  const file = join(dir, `${base}.sqlite`);
  const summaryFile = join(dir, `${base}.json`);
  if (existsSync(file) && existsSync(summaryFile)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const summary = require(summaryFile) as GeneratedHistory;
    return { ...summary, file, generatedSeconds: null };
  }
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const started = Date.now();
  const store = SqliteEventStore.open({ file: partial, synchronous: 'NORMAL' });
  const generator = new Generator(p);
  const heads = new Map<string, number>();
  let events = 0;
  let firstDate = '';
  let lastDate = '';
  try {
    // The log must be in business-date order, as a live system appends it. Consecutive events of
    // one stream (a branch's election, say) go in one append; appends are grouped into outer
    // transactions of the store's own connection, because on this disk every commit costs far
    // more than the rows it writes. Each append still runs through the adapter (revision check,
    // hash chain, insert) inside its own savepoint.
    const db = (store as unknown as { db: Database.Database }).db;
    for (let index = 0; index < p.years; index += 1) {
      const year = generator.year(index);
      const appends: [string, NewEvent[]][] = [];
      for (const { stream, event } of year) {
        const last = appends[appends.length - 1];
        if (last && last[0] === stream) last[1].push(event);
        else appends.push([stream, [event]]);
      }
      for (let start = 0; start < appends.length; start += APPENDS_PER_TRANSACTION) {
        const pending: Promise<unknown>[] = [];
        db.transaction(() => {
          for (const [stream, list] of appends.slice(start, start + APPENDS_PER_TRANSACTION)) {
            const head = heads.get(stream);
            heads.set(stream, (head ?? -1) + list.length);
            pending.push(store.append(stream, list, { expectedRevision: head ?? 'noStream' }));
          }
        })();
        // The adapter's work is synchronous; a refusal surfaces here and the file is discarded.
        await Promise.all(pending);
      }
      events += year.length;
      firstDate ||= year[0]?.date ?? '';
      lastDate = year[year.length - 1]?.date ?? lastDate;
      const seconds = (Date.now() - started) / 1000;
      write(`generated ${p.firstYear + index}: ${events.toLocaleString('en')} events in ${seconds.toFixed(0)} s\n`);
    }
  } finally {
    await store.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  renameSync(partial, file);
  const summary: GeneratedHistory = {
    file,
    events,
    parameters: p,
    firstDate,
    lastDate,
    generatedSeconds: (Date.now() - started) / 1000,
  };
  writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

if (require.main === module) {
  const [branches, members, years] = process.argv.slice(2).map(Number);
  const p = {
    ...PROVINCE,
    ...(branches ? { branches } : {}),
    ...(members ? { members } : {}),
    ...(years ? { years } : {}),
  };
  ensureHistory(p)
    .then((h) => process.stdout.write(`${JSON.stringify(h)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
