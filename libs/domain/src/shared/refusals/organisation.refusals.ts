import { zhDate } from '../zh-date';
import type { BranchCommand } from '../../organisation/branch/branch.commands';
import type { PostKind } from '../../organisation/branch/post';
import type { PartyCommitteeCommand } from '../../organisation/committee/committee.commands';
import type { DepartureReason, SuspensionReason } from '../../organisation/member/member.commands';
import { article, chapter, citeEn, citeZh, policy, rules } from './citations';
import { count, DEPARTURE_LABELS, POST_LABELS, SUSPENSION_LABELS, Term } from './labels';
import { collision, malformed, RefusalCatalogue, rule, unknown } from './refusal';

/** Whatever was dated before the organisation it concerns existed (DATED_BEFORE_ESTABLISHMENT). */
export type DatedAct =
  | { readonly kind: 'branch'; readonly command: BranchCommand['type']; readonly branch: string }
  | { readonly kind: 'committee'; readonly command: PartyCommitteeCommand['type']; readonly committee: string }
  | { readonly kind: 'admission' | 'transfer'; readonly member: string }
  | { readonly kind: 'postStart'; readonly holder: string; readonly post: PostKind }
  | { readonly kind: 'census' | 'restructuringProposal' }
  | { readonly kind: 'assignment'; readonly branchId: string; readonly group: string }
  | { readonly kind: 'designation' | 'volunteerTeam'; readonly branchId: string };

const BRANCH_ACTS: { readonly [C in BranchCommand['type']]: Term } = {
  EstablishBranch: { en: 'The establishment', zh: '成立' },
  RenameBranch: { en: 'The renaming', zh: '更名' },
  ReaffiliateBranch: { en: 'The re-affiliation', zh: '调整隶属关系' },
  AddManagementLink: { en: 'The new management link', zh: '增加管理关系' },
  RemoveManagementLink: { en: 'The removal of a management link', zh: '解除管理关系' },
  AssignPost: { en: 'The post assignment', zh: '任职登记' },
  VacatePost: { en: 'The vacating of a post', zh: '离任登记' },
  AssessBranchShape: { en: 'The shape assessment', zh: '组织设置评估' },
  DissolveBranch: { en: 'The dissolution', zh: '撤销' },
};

const COMMITTEE_ACTS: { readonly [C in PartyCommitteeCommand['type']]: Term } = {
  EstablishPartyCommittee: { en: 'The establishment', zh: '成立' },
  RenamePartyCommittee: { en: 'The renaming', zh: '更名' },
  DissolvePartyCommittee: { en: 'The dissolution', zh: '撤销' },
};

function actEn(act: DatedAct): string {
  switch (act.kind) {
    case 'branch':
      return `${BRANCH_ACTS[act.command].en} of branch ${act.branch}`;
    case 'committee':
      return `${COMMITTEE_ACTS[act.command].en} of party committee ${act.committee}`;
    case 'admission':
      return `The admission of ${act.member}`;
    case 'transfer':
      return `The transfer of ${act.member}`;
    case 'postStart':
      return `The start of ${act.holder}'s post as ${POST_LABELS[act.post].en}`;
    case 'census':
      return 'The census opening the election';
    case 'restructuringProposal':
      return 'The restructuring proposal';
    case 'assignment':
      return `The assignment of branch ${act.branchId} to working group ${act.group}`;
    case 'designation':
      return `Choosing branch ${act.branchId} for demonstration`;
    case 'volunteerTeam':
      return `The volunteer team led by branch ${act.branchId}`;
  }
}

function actZh(act: DatedAct): string {
  switch (act.kind) {
    case 'branch':
      return `${act.branch}${BRANCH_ACTS[act.command].zh}`;
    case 'committee':
      return `${act.committee}${COMMITTEE_ACTS[act.command].zh}`;
    case 'admission':
      return `${act.member}编入支部`;
    case 'transfer':
      return `${act.member}组织关系转接`;
    case 'postStart':
      return `${act.holder}任${POST_LABELS[act.post].zh}`;
    case 'census':
      return '本次选举的摸排';
    case 'restructuringProposal':
      return '提出组织调整方案';
    case 'assignment':
      return `将支部 ${act.branchId} 包联至${act.group}`;
    case 'designation':
      return `确定支部 ${act.branchId} 为示范创建支部`;
    case 'volunteerTeam':
      return `由支部 ${act.branchId} 牵头组建志愿服务队`;
  }
}

/** The calendar day of an instant (`2023-01-05T09:00:00+08:00` → `2023-01-05`), as a Chinese sentence gives it. */
const dayOf = (instant: string): string => instant.slice(0, 10);

const ORGANISATION_KIND: { readonly [K in 'branch' | 'committee']: Term } = {
  branch: { en: 'branch', zh: '党支部' },
  committee: { en: 'party committee', zh: '党组织' },
};

type DatedBeforeEstablishment = {
  readonly act: DatedAct;
  readonly date: string;
  readonly organisationKind: 'branch' | 'committee';
  readonly organisationId: string;
  readonly organisationName: string;
  readonly establishedOn: string;
};

type BranchNotFound = { readonly branchId: string; readonly purpose: 'change' | 'affiliation' | 'restructuring' };

type SourceEqualsTarget =
  | { readonly committeeId: string; readonly name: string }
  | { readonly memberId: string; readonly name: string; readonly branchId: string }
  | { readonly branchId: string };

type CommitteeDissolved =
  | { readonly committeeId: string; readonly name: string; readonly dissolvedAt: string }
  | { readonly parentCommitteeId: string };

type BranchAlreadyExists =
  { readonly branchId: string; readonly name: string } | { readonly branchId: string; readonly newBranchName: string };

/** Refusals of acts on party committees, branches, posts and members. */
export const ORGANISATION_REFUSALS = {
  TRANSFER_BEFORE_AFFILIATION: rule<{
    readonly memberId: string;
    readonly name: string;
    readonly transferOn: string;
    readonly affiliatedSince: string;
    readonly affiliatedBy: 'admission' | 'transfer';
  }>({
    en: (d) =>
      `The transfer of ${d.name} is dated ${d.transferOn}, before ${d.affiliatedBy === 'admission' ? 'their admission' : 'the transfer that brought them'} to their branch on ${d.affiliatedSince}; a member can only be transferred out of a branch they have joined ${citeEn(rules('3.1'))}.`,
    zh: (d) =>
      `${d.name}组织关系转接的日期为${zhDate(d.transferOn)}，早于其${d.affiliatedBy === 'admission' ? '编入' : '转入'}现支部的日期${zhDate(d.affiliatedSince)}：党员只能从已经编入的支部转出${citeZh(rules('3.1'))}。`,
    examples: [
      {
        memberId: 'm-1',
        name: '李全爱',
        transferOn: '2022-06-01',
        affiliatedSince: '2022-06-02',
        affiliatedBy: 'admission',
      },
      {
        memberId: 'm-1',
        name: '李全爱',
        transferOn: '2022-06-01',
        affiliatedSince: '2022-06-02',
        affiliatedBy: 'transfer',
      },
    ],
  }),
  DATED_BEFORE_ESTABLISHMENT: rule<DatedBeforeEstablishment>({
    en: (d) =>
      `${actEn(d.act)} is dated ${d.date}, before ${ORGANISATION_KIND[d.organisationKind].en} ${d.organisationName} was established on ${d.establishedOn}; nothing can be recorded for an organisation before it exists.`,
    zh: (d) =>
      `${actZh(d.act)}的日期为${zhDate(d.date)}，早于${d.organisationName}的成立日期${zhDate(d.establishedOn)}：组织成立之前，不能为其记载任何事项${citeZh(rules('2.6'))}。`,
    examples: [
      {
        act: { kind: 'admission', member: '李全爱' },
        date: '2023-03-01',
        organisationKind: 'branch',
        organisationId: 'b-fd',
        organisationName: '府中社区离退休干部党支部',
        establishedOn: '2023-03-02',
      },
      {
        act: { kind: 'postStart', holder: '李全爱', post: 'secretary' },
        date: '2020-06-30',
        organisationKind: 'branch',
        organisationId: 'b-fd',
        organisationName: '府中社区离退休干部党支部',
        establishedOn: '2023-03-02',
      },
      {
        act: { kind: 'branch', command: 'RenameBranch', branch: '府中社区离退休干部党支部' },
        date: '2023-03-01',
        organisationKind: 'branch',
        organisationId: 'b-fd',
        organisationName: '府中社区离退休干部党支部',
        establishedOn: '2023-03-02',
      },
      {
        act: { kind: 'committee', command: 'EstablishPartyCommittee', committee: '老体协党总支' },
        date: '2020-01-01',
        organisationKind: 'committee',
        organisationId: 'c-1',
        organisationName: '孝义市离退休干部党委',
        establishedOn: '2021-01-01',
      },
      {
        act: { kind: 'transfer', member: '李全爱' },
        date: '2023-03-01',
        organisationKind: 'branch',
        organisationId: 'b-ya',
        organisationName: '永安社区离退休干部党支部',
        establishedOn: '2023-03-02',
      },
      {
        act: { kind: 'census' },
        date: '2023-03-01',
        organisationKind: 'branch',
        organisationId: 'b-fd',
        organisationName: '府中社区离退休干部党支部',
        establishedOn: '2023-03-02',
      },
      {
        act: { kind: 'restructuringProposal' },
        date: '2023-03-01',
        organisationKind: 'committee',
        organisationId: 'c-1',
        organisationName: '孝义市离退休干部党委',
        establishedOn: '2023-03-02',
      },
      {
        act: { kind: 'assignment', branchId: 'b-fd', group: '第一换届工作领导小组' },
        date: '2023-03-01',
        organisationKind: 'branch',
        organisationId: 'b-fd',
        organisationName: '府中社区离退休干部党支部',
        establishedOn: '2023-03-02',
      },
    ],
  }),

  // Party committees (党委, 党总支)
  COMMITTEE_NOT_FOUND: unknown<{ readonly committeeId: string }>({
    en: (d) =>
      `Party committee ${d.committeeId} has not been established; only an established committee can be changed.`,
    zh: (d) => `党组织 ${d.committeeId} 尚未成立：只能对已成立的党组织办理变更。`,
    examples: [{ committeeId: 'c-1' }],
  }),
  COMMITTEE_ALREADY_EXISTS: collision<{ readonly committeeId: string }>({
    en: (d) => `Party committee ${d.committeeId} already exists; a committee is established once under its id.`,
    zh: (d) => `党组织 ${d.committeeId} 已经成立：同一编号只能成立一次。`,
    examples: [{ committeeId: 'c-1' }],
  }),
  COMMITTEE_DISSOLVED: rule<CommitteeDissolved>({
    en: (d) =>
      'committeeId' in d
        ? `Party committee ${d.name} was dissolved on ${d.dissolvedAt}; a dissolved committee accepts no further changes.`
        : `Parent committee ${d.parentCommitteeId} has been dissolved; nothing can be affiliated to a dissolved committee.`,
    zh: (d) =>
      'committeeId' in d
        ? `${d.name}已于 ${dayOf(d.dissolvedAt)} 撤销：已撤销的党组织不再办理任何变更。`
        : `上级党组织 ${d.parentCommitteeId} 已撤销：任何组织都不能隶属于已撤销的党组织。`,
    examples: [
      { committeeId: 'c-1', name: '孝义市离退休干部党委', dissolvedAt: '2023-01-01T00:00:00+08:00' },
      { parentCommitteeId: 'c-1' },
    ],
  }),
  PARENT_COMMITTEE_REQUIRED: malformed<{ readonly committeeId: string; readonly name: string }>({
    en: (d) =>
      `General branch ${d.name} names no parent committee; a general branch is always affiliated to the committee above it ${citeEn(rules('2.1'))}.`,
    zh: (d) => `${d.name}未填写上级党组织：党总支总是隶属于上一级党委${citeZh(rules('2.1'))}。`,
    examples: [{ committeeId: 'c-2', name: '老体协党总支' }],
  }),
  PARENT_COMMITTEE_NOT_FOUND: unknown<{ readonly parentCommitteeId: string }>({
    en: (d) =>
      `Parent committee ${d.parentCommitteeId} does not exist; an organisation can only be affiliated to an established committee.`,
    zh: (d) => `上级党组织 ${d.parentCommitteeId} 不存在：只能隶属于已成立的党组织。`,
    examples: [{ parentCommitteeId: 'c-9' }],
  }),
  COMMITTEE_HAS_ORGANISATIONS: rule<{
    readonly committeeId: string;
    readonly name: string;
    readonly openBranches: number;
    readonly activeChildCommittees: number;
  }>({
    en: (d) =>
      `Party committee ${d.name} still has ${d.openBranches} open branches and ${d.activeChildCommittees} active subordinate committees; it can be dissolved only after each has been re-affiliated or dissolved, so none is left without an affiliation ${citeEn(rules('2.5'))}.`,
    zh: (d) =>
      `${d.name}下仍有未撤销的党支部 ${d.openBranches} 个、下级党组织 ${d.activeChildCommittees} 个：须先逐一调整其隶属关系或予以撤销，确保没有组织失去隶属关系，方可撤销${citeZh(rules('2.5'))}。`,
    examples: [{ committeeId: 'c-1', name: '孝义市离退休干部党委', openBranches: 22, activeChildCommittees: 1 }],
  }),
  SOURCE_EQUALS_TARGET: malformed<SourceEqualsTarget>({
    en: (d) => {
      if ('committeeId' in d) {
        return `Party committee ${d.name} cannot be its own parent; affiliation always points to another organisation.`;
      }
      if ('memberId' in d) {
        return `${d.name} is already affiliated to branch ${d.branchId}; a transfer must move the affiliation to another branch.`;
      }
      return `Branch ${d.branchId} is both a source and the target; members can only be moved to a different branch.`;
    },
    zh: (d) => {
      if ('committeeId' in d) return `${d.name}不能隶属于自身：隶属关系总是指向另一个党组织。`;
      if ('memberId' in d) return `${d.name}的组织关系已在支部 ${d.branchId}：组织关系转接须转入另一个支部。`;
      return `支部 ${d.branchId} 既是转出支部又是转入支部：党员只能转入另一个支部。`;
    },
    examples: [
      { committeeId: 'c-1', name: '孝义市离退休干部党委' },
      { memberId: 'm-1', name: '李全爱', branchId: 'b-fd' },
      { branchId: 'b-fd' },
    ],
  }),

  // Branches (党支部)
  BRANCH_NOT_FOUND: unknown<BranchNotFound>({
    en: (d) => {
      switch (d.purpose) {
        case 'change':
          return `Branch ${d.branchId} has not been established; only an established branch can be changed.`;
        case 'affiliation':
          return `Branch ${d.branchId} does not exist; a member can only be affiliated to an established branch.`;
        case 'restructuring':
          return `Branch ${d.branchId} does not exist; a restructuring can only move members between established branches.`;
      }
    },
    zh: (d) => {
      switch (d.purpose) {
        case 'change':
          return `支部 ${d.branchId} 尚未成立：只能对已成立的支部办理变更。`;
        case 'affiliation':
          return `支部 ${d.branchId} 不存在：党员只能编入已成立的支部。`;
        case 'restructuring':
          return `支部 ${d.branchId} 不存在：组织调整只能在已成立的支部之间转移党员。`;
      }
    },
    examples: [
      { branchId: 'b-1', purpose: 'change' },
      { branchId: 'b-1', purpose: 'affiliation' },
      { branchId: 'b-1', purpose: 'restructuring' },
    ],
  }),
  BRANCH_DISSOLVED: rule<{ readonly branchId: string; readonly name: string; readonly dissolvedAt: string | null }>({
    en: (d) =>
      `Branch ${d.name} was dissolved${d.dissolvedAt === null ? '' : ` on ${d.dissolvedAt}`}; a dissolved branch accepts no further changes and no members ${citeEn(rules('2.5'))}.`,
    zh: (d) =>
      `${d.name === d.branchId ? `支部 ${d.branchId} ` : d.name}${d.dissolvedAt === null ? '已' : `已于 ${dayOf(d.dissolvedAt)} `}撤销：已撤销的支部不再办理任何事项，也不能接收党员${citeZh(rules('2.5'))}。`,
    examples: [
      { branchId: 'b-ys', name: '永盛社区离退休干部党支部', dissolvedAt: '2022-05-10T09:00:00+08:00' },
      { branchId: 'b-ys', name: 'b-ys', dissolvedAt: null },
    ],
  }),
  BRANCH_ALREADY_EXISTS: collision<BranchAlreadyExists>({
    en: (d) =>
      'name' in d
        ? `Branch ${d.branchId} already exists as ${d.name}; a branch is established once under its id.`
        : `Branch ${d.branchId} already exists; the restructuring must give the new branch ${d.newBranchName} an unused id.`,
    zh: (d) =>
      'name' in d
        ? `支部 ${d.branchId} 已经成立（${d.name}）：同一编号只能成立一次。`
        : `支部 ${d.branchId} 已经存在：调整方案须为新设的${d.newBranchName}另用一个未使用的编号。`,
    examples: [
      { branchId: 'b-fd', name: '府中社区离退休干部党支部' },
      { branchId: 'b-fd', newBranchName: '永安社区离退休干部党支部' },
    ],
  }),
  JOINT_BRANCH_NEEDS_UNITS: malformed<{ readonly branchId: string; readonly name: string; readonly units: number }>({
    en: (d) =>
      `Joint branch ${d.name} names ${count(d.units, 'unit', 'units')}; a joint branch exists to cover several units, so it must name at least two ${citeEn(rules('2.2'))}.`,
    zh: (d) =>
      `${d.name}只填写了 ${d.units} 个单位：联合党支部为覆盖多个单位而设，至少须填写两个单位${citeZh(rules('2.2'))}。`,
    examples: [{ branchId: 'b-j', name: '高阳镇老干联合党支部', units: 1 }],
  }),
  JOINT_UNITS_WITHOUT_JOINT_FLAG: malformed<{ readonly branchId: string; readonly name: string }>({
    en: (d) =>
      `Branch ${d.name} lists covered units but is not marked joint; only a joint branch covers several units.`,
    zh: (d) => `${d.name}填写了所覆盖的单位，却未标明为联合党支部：只有联合党支部才覆盖多个单位。`,
    examples: [{ branchId: 'b-j', name: '高阳镇老干党支部' }],
  }),
  JOINT_BRANCH_TOO_MANY_UNITS: rule<{
    readonly branchId: string;
    readonly name: string;
    readonly units: number;
    readonly max: number;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `Joint branch ${d.name} would cover ${d.units} units; a joint branch covers at most ${d.max} units ${citeEn(chapter('branch', 2), rules('2.2'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `${d.name}将覆盖 ${d.units} 个单位：联合党支部覆盖的单位一般不超过 ${d.max} 个${citeZh(chapter('branch', 2), rules('2.2'), policy(d.policyVersion))}。`,
    examples: [{ branchId: 'b-j', name: '高阳镇老干联合党支部', units: 6, max: 5, policyVersion: '2022-10-22' }],
  }),
  MANAGEMENT_LINK_ALREADY_EXISTS: collision<{ readonly linkId: string; readonly branchName: string }>({
    en: (d) =>
      `Branch ${d.branchName} already has management link ${d.linkId}; each co-managing organisation is linked once.`,
    zh: (d) => `${d.branchName}已登记管理关系 ${d.linkId}：每个共同管理的组织只登记一次。`,
    examples: [{ linkId: 'l-1', branchName: '府中社区离退休干部党支部' }],
  }),
  MANAGEMENT_LINK_NOT_FOUND: unknown<{ readonly linkId: string; readonly branchName: string }>({
    en: (d) => `Branch ${d.branchName} has no management link ${d.linkId}; only an existing link can be removed.`,
    zh: (d) => `${d.branchName}没有管理关系 ${d.linkId}：只能解除已登记的管理关系。`,
    examples: [{ linkId: 'l-9', branchName: '府中社区离退休干部党支部' }],
  }),
  BRANCH_HAS_MEMBERS: rule<{ readonly branchId: string; readonly name: string; readonly memberCount: number }>({
    en: (d) =>
      `Branch ${d.name} still has ${count(d.memberCount, 'member', 'members')}; a branch can be dissolved only after every member has been transferred ${citeEn(rules('2.5'))}.`,
    zh: (d) =>
      `${d.name}仍有党员 ${d.memberCount} 名：须将全部党员的组织关系转出后，方可撤销支部${citeZh(rules('2.5'))}。`,
    examples: [
      { branchId: 'b-ys', name: '永盛社区离退休干部党支部', memberCount: 37 },
      { branchId: 'b-ys', name: '永盛社区离退休干部党支部', memberCount: 1 },
    ],
  }),

  // Posts
  POST_ALREADY_EXISTS: collision<{ readonly postId: string; readonly branchName: string }>({
    en: (d) =>
      `Post ${d.postId} already exists on branch ${d.branchName}; a post id is used once, even after the post ends.`,
    zh: (d) => `${d.branchName}已有职务记录 ${d.postId}：职务编号只能使用一次，任职结束后也不能再用。`,
    examples: [{ postId: 'p-1', branchName: '府中社区离退休干部党支部' }],
  }),
  APPOINTMENT_NOT_ALLOWED_FOR_POST: rule<{ readonly kind: PostKind }>({
    en: (d) =>
      `A ${POST_LABELS[d.kind].en} cannot be appointed; the superior may appoint only a secretary or deputy secretary ${citeEn(chapter('branch', 6), rules('4.2'))}.`,
    zh: (d) =>
      `${POST_LABELS[d.kind].zh}不能由上级指派：确有必要时，上级党组织只能指派党支部书记或者副书记${citeZh(chapter('branch', 6), rules('4.2'))}。`,
    examples: [{ kind: 'committeeMember' }],
  }),
  POST_NOT_ELECTIVE: rule<{ readonly kind: PostKind }>({
    en: () =>
      `A party-affairs officer is a support assignment, not an elected post; record it as concurrent ${citeEn(rules('4.3'))}.`,
    zh: () => `党务干部是支持性的工作安排，不是选举产生的职务，请按兼任登记${citeZh(rules('4.3'))}。`,
    examples: [{ kind: 'partyAffairsOfficer' }],
  }),
  POST_HOLDER_NOT_ELIGIBLE: rule<{
    readonly personId: string;
    readonly holderName: string;
    readonly branchName: string;
    readonly isMemberOfBranch: boolean;
    readonly isFullMember: boolean;
    readonly votingRightsSuspended: boolean;
  }>({
    en: (d) =>
      `${d.holderName} is not a full member of branch ${d.branchName} with voting rights; only such a member can be elected to a branch post ${citeEn(article('election', 5), rules('4.1'))}.`,
    zh: (d) =>
      `${d.holderName}不是${d.branchName}享有表决权的正式党员：只有这样的党员才能当选支部职务${citeZh(article('election', 5), rules('4.1'))}。`,
    examples: [
      {
        personId: 'm-1',
        holderName: '李全爱',
        branchName: '府中社区离退休干部党支部',
        isMemberOfBranch: true,
        isFullMember: false,
        votingRightsSuspended: false,
      },
    ],
  }),
  CONCURRENT_NOT_ALLOWED_FOR_POST: rule<{ readonly kind: PostKind }>({
    en: () =>
      `A secretary cannot hold the post concurrently; a branch secretary is elected or, when really necessary, appointed ${citeEn(chapter('branch', 6), rules('4.3'))}.`,
    zh: () =>
      `党支部书记不能以兼任方式任职：书记由选举产生，确有必要时由上级党组织指派${citeZh(chapter('branch', 6), rules('4.3'))}。`,
    examples: [{ kind: 'secretary' }],
  }),
  POST_OCCUPIED: collision<{
    readonly kind: PostKind;
    readonly occupantPostId: string;
    readonly occupantName: string;
    readonly branchName: string;
  }>({
    en: (d) =>
      `Branch ${d.branchName} already has a ${POST_LABELS[d.kind].en}, ${d.occupantName}; the post must be vacated before another holder is assigned ${citeEn(rules('4.4'))}.`,
    zh: (d) =>
      `${d.branchName}已有${POST_LABELS[d.kind].zh}${d.occupantName}：须先办理其离任，才能由他人任职${citeZh(rules('4.4'))}。`,
    examples: [
      { kind: 'secretary', occupantPostId: 'p-1', occupantName: '李全爱', branchName: '府中社区离退休干部党支部' },
    ],
  }),
  PERSON_ALREADY_HOLDS_POST: collision<{
    readonly personId: string;
    readonly postId: string;
    readonly holderName: string;
    readonly heldKind: PostKind;
    readonly branchName: string;
  }>({
    en: (d) =>
      `${d.holderName} already holds the ${POST_LABELS[d.heldKind].en} post on branch ${d.branchName}; one person holds one post on a branch at a time ${citeEn(rules('4.4'))}.`,
    zh: (d) =>
      `${d.holderName}已担任${d.branchName}${POST_LABELS[d.heldKind].zh}：同一人在一个支部同一时间只担任一个职务${citeZh(rules('4.4'))}。`,
    examples: [
      {
        personId: 'm-1',
        postId: 'p-1',
        holderName: '李全爱',
        heldKind: 'deputySecretary',
        branchName: '府中社区离退休干部党支部',
      },
    ],
  }),
  POST_ALREADY_VACATED: collision<{ readonly postId: string; readonly branchName: string }>({
    en: (d) => `Post ${d.postId} on branch ${d.branchName} has already been vacated; a post ends once.`,
    zh: (d) => `${d.branchName}的职务 ${d.postId} 已经办理离任：一个职务只能结束一次。`,
    examples: [{ postId: 'p-1', branchName: '府中社区离退休干部党支部' }],
  }),
  POST_NOT_FOUND: unknown<{ readonly postId: string; readonly branchName: string }>({
    en: (d) => `Branch ${d.branchName} has no post ${d.postId}; only a held post can be vacated.`,
    zh: (d) => `${d.branchName}没有职务 ${d.postId}：只能对在任的职务办理离任。`,
    examples: [{ postId: 'p-9', branchName: '府中社区离退休干部党支部' }],
  }),

  // Members (党员)
  MEMBER_NOT_FOUND: unknown<{ readonly memberId: string }>({
    en: (d) => `Member ${d.memberId} has not been admitted; only a member on the roll can be changed.`,
    zh: (d) => `党员 ${d.memberId} 尚未编入：只能对花名册上的党员办理变更。`,
    examples: [{ memberId: 'm-9' }],
  }),
  MEMBER_ALREADY_EXISTS: collision<{ readonly memberId: string; readonly branchId: string }>({
    en: (d) =>
      `Member ${d.memberId} is already on the roll of branch ${d.branchId}; a member is admitted once and has one affiliation.`,
    zh: (d) => `党员 ${d.memberId} 已在支部 ${d.branchId} 的花名册上：每名党员只编入一次，只有一个组织关系。`,
    examples: [{ memberId: 'm-1', branchId: 'b-fd' }],
  }),
  MEMBER_LEFT: rule<{
    readonly memberId: string;
    readonly name: string;
    readonly leftOn: string;
    readonly reason: DepartureReason;
  }>({
    en: (d) =>
      `Member ${d.name} left on ${d.leftOn} (${DEPARTURE_LABELS[d.reason].en}); a member who has left has no affiliation and no rights to change.`,
    zh: (d) =>
      `${d.name}已于${zhDate(d.leftOn)}离开党组织（${DEPARTURE_LABELS[d.reason].zh}）：离开的党员已无组织关系，也没有可以变更的权利。`,
    examples: [{ memberId: 'm-1', name: '李全爱', leftOn: '2023-02-01', reason: 'death' }],
  }),
  MEMBER_ALREADY_FULL: collision<{ readonly memberId: string; readonly name: string }>({
    en: (d) => `${d.name} is already a full member; only a probationary member can be confirmed as full.`,
    zh: (d) => `${d.name}已是正式党员：只有预备党员才能办理转正。`,
    examples: [{ memberId: 'm-1', name: '李全爱' }],
  }),
  INVALID_SEX: malformed<{ readonly value: string }>({
    en: (d) => `The sex "${d.value}" is not one the roll records; it must be male or female.`,
    zh: (d) => `性别“${d.value}”无法登记：只能是男（male）或女（female）。`,
    examples: [{ value: 'x' }],
  }),
  JOINED_PARTY_IN_FUTURE: rule<{
    readonly name: string;
    readonly joinedPartyOn: string;
    readonly recordedOn: string;
    readonly act: 'admission' | 'correction';
  }>({
    en: (d) =>
      `${d.name}'s date of joining the Party, ${d.joinedPartyOn}, is after the date of the ${d.act}, ${d.recordedOn}; a date of joining is recorded once it has happened.`,
    zh: (d) =>
      `${d.name}的入党日期${zhDate(d.joinedPartyOn)}晚于本次${d.act === 'admission' ? '编入' : '更正'}的日期${zhDate(d.recordedOn)}：入党日期只能在入党之后登记。`,
    examples: [
      { name: '李全爱', joinedPartyOn: '2024-07-01', recordedOn: '2023-07-01', act: 'admission' },
      { name: '李全爱', joinedPartyOn: '2024-07-01', recordedOn: '2023-07-01', act: 'correction' },
    ],
  }),
  JOINED_PARTY_UNDER_AGE: rule<{
    readonly name: string;
    readonly birthDate: string;
    readonly joinedPartyOn: string;
    readonly minimumAge: number;
    readonly cameOfAgeOn: string;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `${d.name} was born on ${d.birthDate} and would have joined the Party on ${d.joinedPartyOn}, before turning ${d.minimumAge} on ${d.cameOfAgeOn}; a person joins the Party from the age of ${d.minimumAge} ${citeEn(article('constitution', 1), policy(d.policyVersion))}.`,
    zh: (d) =>
      `${d.name}出生于${zhDate(d.birthDate)}，入党日期${zhDate(d.joinedPartyOn)}早于其年满 ${d.minimumAge} 周岁之日${zhDate(d.cameOfAgeOn)}：年满 ${d.minimumAge} 岁方可入党${citeZh(article('constitution', 1), policy(d.policyVersion))}。`,
    examples: [
      {
        name: '李全爱',
        birthDate: '1950-03-01',
        joinedPartyOn: '1967-07-01',
        minimumAge: 18,
        cameOfAgeOn: '1968-03-01',
        policyVersion: '2022-10-22',
      },
    ],
  }),
  VOTING_RIGHTS_ALREADY_SUSPENDED: collision<{
    readonly memberId: string;
    readonly name: string;
    readonly since: string;
    readonly reason: SuspensionReason;
  }>({
    en: (d) =>
      `${d.name}'s voting rights have been suspended since ${d.since} (${SUSPENSION_LABELS[d.reason].en}); restore them before recording a new suspension.`,
    zh: (d) =>
      `${d.name}的表决权、选举权和被选举权自 ${d.since} 起已中止（${SUSPENSION_LABELS[d.reason].zh}）：须先恢复，才能登记新的中止。`,
    examples: [{ memberId: 'm-1', name: '李全爱', since: '2023-01-01', reason: 'probation' }],
  }),
  VOTING_RIGHTS_NOT_SUSPENDED: collision<{ readonly memberId: string; readonly name: string }>({
    en: (d) => `${d.name}'s voting rights are not suspended; only suspended rights can be restored.`,
    zh: (d) => `${d.name}的权利并未中止：只有已中止的权利才能恢复。`,
    examples: [{ memberId: 'm-1', name: '李全爱' }],
  }),
  MEMBER_NOT_IN_EXPECTED_BRANCH: collision<{
    readonly memberId: string;
    readonly name: string;
    readonly branchId: string;
    readonly expectedFromBranchId: string;
  }>({
    en: (d) =>
      `${d.name} is affiliated to branch ${d.branchId}, not ${d.expectedFromBranchId} as the transfer expects; the member moved since it was planned.`,
    zh: (d) =>
      `${d.name}的组织关系在支部 ${d.branchId}，而不是本次转接所依据的支部 ${d.expectedFromBranchId}：该党员在计划转接之后已有变动。`,
    examples: [{ memberId: 'm-1', name: '李全爱', branchId: 'b-fd', expectedFromBranchId: 'b-ys' }],
  }),
  NOTHING_TO_CORRECT: malformed<{ readonly memberId: string; readonly name: string }>({
    en: (d) => `The correction for ${d.name} changes no field; a correction must change at least one recorded value.`,
    zh: (d) => `对${d.name}的更正没有改动任何一项：更正至少要改动一项已登记的信息。`,
    examples: [{ memberId: 'm-1', name: '李全爱' }],
  }),
} as const satisfies RefusalCatalogue;
