import { addDays } from '@app/domain';
import { writeWorkbook, type WrittenCell, type WrittenSheet } from '@app/application';
import { atStart, memberById } from './script-support';
import type { DemoBranch, XiaoyiYear } from './xiaoyi-year';

const SEX_ZH = { male: '男', female: '女' } as const;
const MEMBERSHIP_ZH = { full: '正式', probationary: '预备' } as const;
const POST_ZH = { secretary: '书记', committeeMember: '委员' } as const;

/**
 * The day the Xiaoyi roll stands complete in the generated year (the rolls are entered over the
 * first days of January, the 2019 committees on the third): the `--as-of` of its import, and the
 * day on which the workbook's tree and the generator's agree.
 */
export const xiaoyiRollDate = (year: XiaoyiYear): string => addDays(year.registeredOn, 3);

/** A member's number in the workbook: the bureau numbers its roll; the generator's sequence stands in. */
const memberNumber = (seq: number) => `XY${String(seq).padStart(4, '0')}`;

/**
 * The Xiaoyi organisation at the start of the year as the bureau keeps it in Excel: the
 * committee, the branches that exist in January (with the communities, former units and
 * associations that co-manage them), the roll, and the committees elected in 2019 — the same
 * organisation the demo's first phase enters command by command, in the template's sheets and
 * columns, so that importing it gives the same tree.
 */
export function xiaoyiRollSheets(year: XiaoyiYear): WrittenSheet[] {
  const { committee } = year;
  const committees: WrittenCell[][] = [
    ['党组织名称', '类别', '上级党组织', '成立日期', '文号'],
    [committee.name, '党委', '', year.registeredOn, committee.decisionReference],
  ];
  const branches: WrittenCell[][] = [['支部名称', '所属党组织', '单独/联合', '共管社区', '原单位', '协会', '成立日期']];
  for (const branch of atStart(year)) {
    const link = (kind: DemoBranch['managementLinks'][number]['kind']) =>
      branch.managementLinks
        .filter((candidate) => candidate.kind === kind)
        .map((candidate) => candidate.name)
        .join('、');
    branches.push([
      branch.name,
      committee.name,
      '单独',
      link('community'),
      link('formerUnit'),
      link('association'),
      year.registeredOn,
    ]);
  }
  const branchName = new Map(year.branches.map((branch) => [branch.key, branch.name]));
  const members: WrittenCell[][] = [
    ['党员编号', '姓名', '性别', '出生日期', '入党日期', '正式/预备', '原职级', '支部', '住址或社区'],
  ];
  for (const member of year.members) {
    members.push([
      memberNumber(member.seq),
      member.name,
      SEX_ZH[member.sex],
      member.birthDate,
      member.joinedPartyOn,
      MEMBERSHIP_ZH[member.membership],
      member.formerPostLevel,
      branchName.get(member.branchKey) ?? '',
      member.address,
    ]);
  }
  const member = memberById(year);
  const posts: WrittenCell[][] = [['支部', '任期开始', '党员编号', '姓名', '职务', '分工', '任职方式']];
  for (const term of year.previousTerms) {
    for (const post of term.posts) {
      const holder = member(post.memberId);
      posts.push([
        branchName.get(term.branchKey) ?? '',
        term.startDate,
        memberNumber(holder.seq),
        holder.name,
        POST_ZH[post.kind],
        post.duty ?? '',
        '选举',
      ]);
    }
  }
  return [
    { name: '党委', rows: committees },
    { name: '支部', rows: branches },
    { name: '党员', rows: members },
    { name: '委员会任职', rows: posts },
  ];
}

/** The Xiaoyi roll as an `.xlsx` the import takes. */
export const xiaoyiWorkbook = (year: XiaoyiYear): Promise<Buffer> => writeWorkbook(xiaoyiRollSheets(year));
