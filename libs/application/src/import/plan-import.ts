import {
  branchStreamName,
  createBranchDecider,
  createMemberDecider,
  establishmentOf,
  memberStreamName,
  partyCommitteeDecider,
  partyCommitteeStreamName,
  refuse,
  zhDate,
  type BranchState,
  type EstablishmentFacts,
  type MemberState,
  type PartyCommitteeState,
  type PersonalData,
  type RulePolicy,
} from '@app/domain';
import type { Actor, EventStore } from '@app/event-store';
import type { OrganisationDirectory } from '@app/read-models';
import { uuidV5 } from '../ids/uuid-v5';
import { ImportSimulation } from './import-simulation';
import type { BranchRow, CommitteeRow, ImportProblem, MemberRow, ParsedRoll, PostRow } from './parse-roll';

export interface ImportSettings {
  readonly store: EventStore;
  readonly policies: readonly RulePolicy[];
  readonly actor: Actor;
  /** The business date of the import's acts (YYYY-MM-DD): admissions, corrections, transfers, posts. */
  readonly asOf: string;
  /** The instant a business date stands for (the start of that day in the bureau's time zone). */
  readonly instantOf: (date: string) => string;
  /** What is on record, to match the workbook's names to existing committees, branches and members. */
  readonly directory: OrganisationDirectory;
}

const SEX_ZH = { male: '男', female: '女' } as const;
const MEMBERSHIP_ZH = { full: '正式党员', probationary: '预备党员' } as const;
const POST_ZH = {
  secretary: '书记',
  deputySecretary: '副书记',
  committeeMember: '委员',
  partyAffairsOfficer: '党务干部',
} as const;
const FIELD_ZH: Readonly<Record<keyof PersonalData, string>> = {
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  joinedPartyOn: '入党日期',
  formerPostLevel: '原职级',
};

/** A person's key in the workbook: the member number when the roll has one, else name and birth date. */
const personKey = (row: { number: string | null; name: string; birthDate: string }) =>
  row.number !== null ? `number:${row.number}` : `person:${row.name}|${row.birthDate}`;

/**
 * Plans an import: matches every name to what the workbook establishes or what is on record
 * (by name; new ones get ids derived from their names, so a second import finds them), and
 * decides, row by row, the commands that bring the record to what the workbook says — nothing
 * for a row already recorded as it stands, the correction for an edited one, a refusal where
 * an import may not undo what is recorded.
 */
export async function planImport(roll: ParsedRoll, settings: ImportSettings): Promise<ImportSimulation> {
  const simulation = new ImportSimulation(settings.store, settings.policies, settings.actor);
  const problems = simulation.problems;
  problems.push(...roll.problems);
  const at = settings.instantOf(settings.asOf);

  // Committees, parents first.
  const committeeIds = new Map(settings.directory.committees.map((c) => [c.name, c.id]));
  const committeeRows = unique(
    roll.committees,
    (row) => row.name,
    (row) => `党组织“${row.name}”`,
    problems,
  );
  for (const row of committeeRows)
    if (!committeeIds.has(row.name)) committeeIds.set(row.name, uuidV5(`import:committee:${row.name}`));
  simulation.enterPhase('committees');
  const established = new Set<string>();
  const pendingCommittees = [...committeeRows];
  while (pendingCommittees.length > 0) {
    const ready = pendingCommittees.findIndex(
      (row) => row.parent === null || !pendingCommittees.some((other) => other !== row && other.name === row.parent),
    );
    const row = pendingCommittees.splice(ready < 0 ? 0 : ready, 1)[0] as CommitteeRow;
    await planCommittee(row, committeeIds, simulation, settings, at);
    established.add(row.name);
  }

  // Branches.
  const branchIds = new Map(settings.directory.branches.map((b) => [b.name, b.id]));
  const branchRows = unique(
    roll.branches,
    (row) => row.name,
    (row) => `支部“${row.name}”`,
    problems,
  );
  for (const row of branchRows)
    if (!branchIds.has(row.name)) branchIds.set(row.name, uuidV5(`import:branch:${row.name}`));
  simulation.enterPhase('branches');
  await simulation.prefetch([...branchIds.values()].map(branchStreamName));
  for (const row of branchRows) await planBranch(row, committeeIds, branchIds, simulation, settings, at);

  // Members.
  simulation.enterPhase('members');
  const recordedByPerson = new Map<string, string>();
  for (const member of settings.directory.members)
    recordedByPerson.set(`person:${member.name}|${member.birthDate}`, member.id);
  const memberRows = unique(
    roll.members,
    personKey,
    (row) => `${row.name}（${zhDate(row.birthDate)}出生${row.number === null ? '' : `，编号 ${row.number}`}）`,
    problems,
  );
  const memberIdOf = new Map<MemberRow, string>();
  for (const row of memberRows) {
    const id =
      row.number !== null
        ? uuidV5(`import:member-number:${row.number}`)
        : (recordedByPerson.get(personKey(row)) ?? uuidV5(`import:member:${personKey(row)}`));
    memberIdOf.set(row, id);
  }
  await simulation.prefetch([...memberIdOf.values()].map(memberStreamName));
  for (const row of memberRows)
    await planMember(row, memberIdOf.get(row) as string, branchIds, simulation, settings, at);

  // Posts.
  simulation.enterPhase('posts');
  const membersByBranchName = new Map<string, MemberRow[]>();
  for (const row of memberRows)
    membersByBranchName.set(row.branch, [...(membersByBranchName.get(row.branch) ?? []), row]);
  const byNumber = new Map(memberRows.filter((row) => row.number !== null).map((row) => [row.number as string, row]));
  const postRows = unique(
    roll.posts,
    (row) => `${row.branch}|${row.kind}|${row.memberNumber ?? row.name}|${row.termStart}`,
    (row) => `${row.branch}的${POST_ZH[row.kind]}${row.name}`,
    problems,
  );
  for (const row of postRows) {
    const branchId = branchIds.get(row.branch);
    if (branchId === undefined) {
      problems.push(
        cellProblem(row, '支部', row.branch, refuse('IMPORT_UNKNOWN_NAME', { kind: 'branch', name: row.branch })),
      );
      continue;
    }
    let holderId: string | null = null;
    if (row.memberNumber !== null) {
      const member = byNumber.get(row.memberNumber);
      holderId = member ? (memberIdOf.get(member) as string) : uuidV5(`import:member-number:${row.memberNumber}`);
    } else {
      const namesakes = (membersByBranchName.get(row.branch) ?? []).filter((member) => member.name === row.name);
      if (namesakes.length > 1) {
        problems.push(
          cellProblem(
            row,
            '姓名',
            row.name,
            refuse('IMPORT_AMBIGUOUS_NAME', { name: row.name, count: namesakes.length }),
          ),
        );
        continue;
      }
      holderId = namesakes[0]
        ? (memberIdOf.get(namesakes[0]) as string)
        : await recordedMemberOfBranch(row.name, branchId, settings, simulation);
    }
    if (holderId === null && row.source !== 'concurrent') {
      problems.push(
        cellProblem(row, '姓名', row.name, refuse('IMPORT_UNKNOWN_NAME', { kind: 'member', name: row.name })),
      );
      continue;
    }
    await planPost(row, branchId, holderId ?? uuidV5(`import:person:${row.name}`), simulation, settings, at);
  }
  return simulation;
}

async function planCommittee(
  row: CommitteeRow,
  ids: Map<string, string>,
  simulation: ImportSimulation,
  settings: ImportSettings,
  at: string,
): Promise<void> {
  const committeeId = ids.get(row.name) as string;
  const stream = partyCommitteeStreamName(committeeId);
  const state = await simulation.state<PartyCommitteeState>(partyCommitteeDecider, stream);
  const parentId = row.parent === null ? undefined : ids.get(row.parent);
  if (row.parent !== null && parentId === undefined) {
    simulation.problems.push(
      cellProblem(
        row,
        '上级党组织',
        row.parent,
        refuse('IMPORT_UNKNOWN_NAME', { kind: 'committee', name: row.parent }),
      ),
    );
    return;
  }
  if (state.status !== 'none') {
    if (state.kind !== row.kind)
      differs(simulation, row, `党组织“${row.name}”的类别`, kindZh(state.kind), kindZh(row.kind));
    else if ((state.parentCommitteeId ?? undefined) !== parentId)
      differs(simulation, row, `党组织“${row.name}”的上级党组织`, '另一党组织', row.parent ?? '无');
    return;
  }
  const parentState =
    parentId === undefined
      ? null
      : await simulation.state<PartyCommitteeState>(partyCommitteeDecider, partyCommitteeStreamName(parentId));
  const establishedFacts: EstablishmentFacts =
    parentId !== undefined && parentState !== null && parentState.status !== 'none'
      ? { [parentId]: establishmentOf('committee', parentState, parentId) }
      : {};
  await simulation.decide(
    partyCommitteeDecider,
    stream,
    {
      type: 'EstablishPartyCommittee',
      data: {
        committeeId,
        name: row.name,
        kind: row.kind,
        ...(parentId === undefined ? {} : { parentCommitteeId: parentId }),
        ...(row.document === null ? {} : { decisionReference: row.document }),
        context: {
          parentCommitteeStatus:
            parentState === null ? undefined : parentState.status === 'none' ? 'notFound' : parentState.status,
          established: establishedFacts,
        },
      },
    },
    row.establishedOn === null ? at : settings.instantOf(row.establishedOn),
    { sheet: row.sheet, row: row.row, action: '新建党组织', subject: row.name },
  );
}

async function planBranch(
  row: BranchRow,
  committeeIds: Map<string, string>,
  branchIds: Map<string, string>,
  simulation: ImportSimulation,
  settings: ImportSettings,
  at: string,
): Promise<void> {
  const committeeId = committeeIds.get(row.committee);
  if (committeeId === undefined) {
    simulation.problems.push(
      cellProblem(
        row,
        '所属党组织',
        row.committee,
        refuse('IMPORT_UNKNOWN_NAME', { kind: 'committee', name: row.committee }),
      ),
    );
    return;
  }
  const branchId = branchIds.get(row.name) as string;
  const stream = branchStreamName(branchId);
  const decider = createBranchDecider(settings.policies);
  const state = await simulation.state<BranchState>(decider, stream);
  const committee = await simulation.state<PartyCommitteeState>(
    partyCommitteeDecider,
    partyCommitteeStreamName(committeeId),
  );
  const committeeContext = {
    parentCommitteeStatus: committee.status === 'none' ? ('notFound' as const) : committee.status,
    established:
      committee.status === 'none' ? {} : { [committeeId]: establishmentOf('committee', committee, committeeId) },
  };
  const origin = { sheet: row.sheet, row: row.row };
  const links = row.links.map((link) => ({
    linkId: uuidV5(`import:link:${branchId}:${link.kind}:${link.name}`),
    ...link,
  }));
  if (state.status === 'none') {
    await simulation.decide(
      decider,
      stream,
      {
        type: 'EstablishBranch',
        data: {
          branchId,
          name: row.name,
          parentCommitteeId: committeeId,
          managementLinks: links,
          joint: row.joint,
          ...(row.joint ? { jointUnits: row.jointUnits } : {}),
          ...(row.document === null ? {} : { decisionReference: row.document }),
          context: committeeContext,
        },
      },
      row.establishedOn === null ? at : settings.instantOf(row.establishedOn),
      { ...origin, action: '新建支部', subject: row.name },
    );
    return;
  }
  if (state.status === 'dissolved') {
    differs(simulation, row, `支部“${row.name}”`, `已于${zhDate(state.dissolvedAt)}撤销`, '在册');
    return;
  }
  if (state.joint !== row.joint) {
    differs(simulation, row, `支部“${row.name}”的类型`, state.joint ? '联合' : '单独', row.joint ? '联合' : '单独');
    return;
  }
  if (state.parentCommitteeId !== committeeId) {
    await simulation.decide(
      decider,
      stream,
      { type: 'ReaffiliateBranch', data: { branchId, parentCommitteeId: committeeId, context: committeeContext } },
      at,
      { ...origin, action: `改隶${row.committee}`, subject: row.name },
    );
  }
  for (const link of links) {
    if (state.managementLinks.some((known) => known.kind === link.kind && known.name === link.name)) continue;
    await simulation.decide(decider, stream, { type: 'AddManagementLink', data: { branchId, link } }, at, {
      ...origin,
      action: `增加共管单位${link.name}`,
      subject: row.name,
    });
  }
}

async function planMember(
  row: MemberRow,
  memberId: string,
  branchIds: Map<string, string>,
  simulation: ImportSimulation,
  settings: ImportSettings,
  at: string,
): Promise<void> {
  const branchId = branchIds.get(row.branch);
  if (branchId === undefined) {
    simulation.problems.push(
      cellProblem(row, '支部', row.branch, refuse('IMPORT_UNKNOWN_NAME', { kind: 'branch', name: row.branch })),
    );
    return;
  }
  const decider = createMemberDecider(settings.policies);
  const stream = memberStreamName(memberId);
  const state = await simulation.state<MemberState>(decider, stream);
  const origin = { sheet: row.sheet, row: row.row };
  const branchContext = async () => {
    const branch = await simulation.state<BranchState>(
      createBranchDecider(settings.policies),
      branchStreamName(branchId),
    );
    return {
      status: branch.status === 'none' ? ('notFound' as const) : branch.status,
      established: branch.status === 'none' ? {} : { [branchId]: establishmentOf('branch', branch, branchId) },
    };
  };
  const personal: PersonalData = {
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    joinedPartyOn: row.joinedPartyOn,
    formerPostLevel: row.formerPostLevel,
  };
  if (state.status === 'none') {
    const branch = await branchContext();
    const confirmLater = row.membership === 'full' && row.confirmedOn !== null;
    const admitted = await simulation.decide(
      decider,
      stream,
      {
        type: 'AdmitMember',
        data: {
          memberId,
          ...personal,
          membership: confirmLater ? 'probationary' : row.membership,
          branchId,
          context: { branchStatus: branch.status, established: branch.established },
        },
      },
      at,
      { ...origin, action: `接收为${MEMBERSHIP_ZH[row.membership]}`, subject: row.name },
    );
    if (admitted && confirmLater) {
      await simulation.decide(
        decider,
        stream,
        { type: 'ConfirmMember', data: { memberId, confirmedOn: row.confirmedOn } },
        at,
        {
          ...origin,
          action: `记载${zhDate(row.confirmedOn)}转正`,
          subject: row.name,
        },
      );
    }
    return;
  }
  if (state.status === 'left') {
    differs(simulation, row, row.name, `已于${zhDate(state.leftOn)}离开党员名册`, '在册');
    return;
  }
  const changed = (Object.keys(personal) as (keyof PersonalData)[]).filter(
    (key) => personal[key] !== state.personal[key],
  );
  if (changed.length > 0) {
    const corrections = Object.fromEntries(changed.map((key) => [key, personal[key]]));
    await simulation.decide(
      decider,
      stream,
      {
        type: 'CorrectMemberData',
        data: { memberId, corrections, reason: `按导入的花名册更正（${row.sheet}第 ${row.row} 行）` },
      },
      at,
      {
        ...origin,
        action: `更正${changed.map((key) => `${FIELD_ZH[key]}为${shown(key, personal[key])}`).join('、')}`,
        subject: state.personal.name,
      },
    );
  }
  if (state.membership !== row.membership) {
    if (row.membership === 'probationary') {
      differs(simulation, row, `${row.name}的党员类别`, MEMBERSHIP_ZH.full, MEMBERSHIP_ZH.probationary);
    } else if (row.confirmedOn === null) {
      simulation.problems.push(
        cellProblem(row, '转正日期', null, refuse('IMPORT_CELL_REQUIRED', { column: '转正日期' })),
      );
    } else {
      await simulation.decide(
        decider,
        stream,
        { type: 'ConfirmMember', data: { memberId, confirmedOn: row.confirmedOn } },
        at,
        {
          ...origin,
          action: `记载${zhDate(row.confirmedOn)}转正`,
          subject: row.name,
        },
      );
    }
  }
  if (state.branchId !== branchId) {
    const branch = await branchContext();
    await simulation.decide(
      decider,
      stream,
      {
        type: 'TransferMember',
        data: {
          memberId,
          toBranchId: branchId,
          expectedFromBranchId: state.branchId,
          context: { toBranchStatus: branch.status, established: branch.established },
        },
      },
      at,
      { ...origin, action: `转入${row.branch}`, subject: row.name },
    );
  }
}

async function planPost(
  row: PostRow,
  branchId: string,
  personId: string,
  simulation: ImportSimulation,
  settings: ImportSettings,
  at: string,
): Promise<void> {
  const decider = createBranchDecider(settings.policies);
  const stream = branchStreamName(branchId);
  const branch = await simulation.state<BranchState>(decider, stream);
  if (branch.status === 'open') {
    const same = branch.posts.find((post) => post.kind === row.kind && post.holder.personId === personId);
    if (same) {
      if (same.startDate !== row.termStart)
        differs(
          simulation,
          row,
          `${row.name}任${POST_ZH[row.kind]}的起始日期`,
          zhDate(same.startDate),
          zhDate(row.termStart),
        );
      else if ((same.duty ?? null) !== row.duty && row.kind === 'committeeMember')
        differs(simulation, row, `${row.name}的分工`, same.duty ?? '无', row.duty ?? '无');
      return;
    }
    const taken = branch.posts.find(
      (post) => post.kind === row.kind && (row.kind === 'secretary' || row.kind === 'deputySecretary'),
    );
    if (taken) {
      differs(simulation, row, `${row.branch}的${POST_ZH[row.kind]}`, taken.holder.name, row.name);
      return;
    }
  }
  const member = await simulation.state<MemberState>(
    createMemberDecider(settings.policies),
    memberStreamName(personId),
  );
  const inBranch = member.status === 'active' && member.branchId === branchId;
  const holder = {
    isMemberOfBranch: inBranch,
    isFullMember: inBranch && member.membership === 'full',
    votingRightsSuspended: inBranch && member.suspension !== null,
  };
  await simulation.decide(
    decider,
    stream,
    {
      type: 'AssignPost',
      data: {
        branchId,
        postId: uuidV5(`import:post:${branchId}:${row.kind}:${personId}:${row.termStart}`),
        kind: row.kind,
        ...(row.duty === null ? {} : { duty: row.duty }),
        source: row.source,
        ...(row.document === null ? {} : { documentReference: row.document }),
        holder: { personId, name: row.name },
        startDate: row.termStart,
        context: { holder },
      },
    },
    at,
    {
      sheet: row.sheet,
      row: row.row,
      action: `任${row.duty ?? POST_ZH[row.kind]}（自${zhDate(row.termStart)}起）`,
      subject: row.name,
    },
  );
}

/** A member on record in the branch by name, when the workbook does not list them. */
async function recordedMemberOfBranch(
  name: string,
  branchId: string,
  settings: ImportSettings,
  simulation: ImportSimulation,
): Promise<string | null> {
  for (const candidate of settings.directory.members.filter((member) => member.name === name)) {
    const state = await simulation.state<MemberState>(
      createMemberDecider(settings.policies),
      memberStreamName(candidate.id),
    );
    if (state.status === 'active' && state.branchId === branchId) return candidate.id;
  }
  return null;
}

/** The rows of a sheet, each key once; a repeated key is a problem of the later row. */
function unique<R extends { sheet: string; row: number }>(
  rows: readonly R[],
  key: (row: R) => string,
  describe: (row: R) => string,
  problems: ImportProblem[],
): R[] {
  const first = new Map<string, R>();
  const kept: R[] = [];
  const repeated = new Set<string>();
  for (const row of rows) {
    const k = key(row);
    const earlier = first.get(k);
    if (earlier) {
      repeated.add(k);
      problems.push({
        sheet: row.sheet,
        row: row.row,
        column: null,
        value: describe(row),
        refusal: { code: 'IMPORT_DUPLICATE_ROW', details: { what: describe(row), firstRow: earlier.row } },
      });
      continue;
    }
    first.set(k, row);
    kept.push(row);
  }
  // A person listed twice is taken from neither row: which one is right is the clerk's call.
  return kept.filter((row) => !repeated.has(key(row)));
}

function cellProblem(
  row: { sheet: string; row: number },
  column: string,
  value: string | null,
  error: { code: string; details: unknown },
): ImportProblem {
  return {
    sheet: row.sheet,
    row: row.row,
    column,
    value,
    refusal: { code: error.code, details: error.details } as ImportProblem['refusal'],
  };
}

function differs(
  simulation: ImportSimulation,
  row: { sheet: string; row: number },
  what: string,
  recorded: string,
  given: string,
): void {
  simulation.problems.push({
    sheet: row.sheet,
    row: row.row,
    column: null,
    value: given,
    refusal: { code: 'IMPORT_DIFFERS_FROM_RECORD', details: { what, recorded, given } },
  });
}

function kindZh(kind: 'committee' | 'general_branch'): string {
  return kind === 'committee' ? '党委' : '党总支';
}

function shown(key: keyof PersonalData, value: string): string {
  if (key === 'sex') return SEX_ZH[value as 'male' | 'female'];
  if (key === 'birthDate' || key === 'joinedPartyOn') return zhDate(value);
  return value;
}
