import type { MajorityBase } from '../../policy/rule-policy';
import { zhDate } from '../zh-date';
import { article, chapter, citeEn, citeZh, policy, rules } from './citations';
import { FieldLabel, fieldZh, POST_LABELS, Term } from './labels';
import { collision, malformed, RefusalCatalogue, rule, unknown } from './refusal';
import type { PostKind } from '../../organisation/branch/post';

/** The steps of a by-election (补选), as a refusal names them. */
export type ByElectionStep = 'consent' | 'hold' | 'file';

const STEP_LABELS: { readonly [S in ByElectionStep]: Term } = {
  consent: { en: 'consent to', zh: '同意' },
  hold: { en: 'hold', zh: '召开党员大会补选' },
  file: { en: 'file the result of', zh: '报备结果' },
};

/** The by-election's status, as a refusal names it. */
export type ByElectionStatusName = 'requested' | 'consented' | 'held' | 'filed';

const STATUS_LABELS: { readonly [S in ByElectionStatusName]: Term } = {
  requested: { en: 'requested, awaiting the superior’s consent', zh: '已提交补选请示，待上级党组织同意' },
  consented: { en: 'consented, awaiting the assembly', zh: '上级党组织已同意，待召开党员大会' },
  held: { en: 'held, awaiting its filing', zh: '已召开党员大会补选，待报备结果' },
  filed: { en: 'filed', zh: '已报备结果' },
};

const MAJORITY_BASE: { readonly [B in MajorityBase]: Term } = {
  due: { en: 'due to vote', zh: '应到会有选举权的党员' },
  present: { en: 'present with a vote', zh: '实到会有选举权的党员' },
};

/** What a by-election's date must not precede. */
export type ByElectionPrecedent = 'vacancy' | 'request' | 'consent' | 'assembly';

const PRECEDENT_LABELS: { readonly [P in ByElectionPrecedent]: Term } = {
  vacancy: { en: 'the post was vacated', zh: '职务出缺' },
  request: { en: 'the by-election was requested', zh: '提交补选请示' },
  consent: { en: 'the superior consented', zh: '上级党组织同意补选' },
  assembly: { en: "the members' assembly voted", zh: '党员大会补选' },
};

/** Refusals of a by-election (补选) after a vacancy (docs/rules.md §6.16). */
export const BY_ELECTION_REFUSALS = {
  BY_ELECTION_NOT_FOUND: unknown<{ readonly byElectionId: string }>({
    en: (d) => `By-election ${d.byElectionId} has not been requested; a by-election begins with its request.`,
    zh: (d) => `补选 ${d.byElectionId} 尚未提交补选请示：补选自提交请示开始。`,
    examples: [{ byElectionId: 'y-9' }],
  }),
  BY_ELECTION_ALREADY_EXISTS: collision<{ readonly byElectionId: string; readonly status: ByElectionStatusName }>({
    en: (d) => `By-election ${d.byElectionId} was already requested and is ${STATUS_LABELS[d.status].en}.`,
    zh: (d) => `补选 ${d.byElectionId} 已提交请示，当前${STATUS_LABELS[d.status].zh}。`,
    examples: [{ byElectionId: 'y-1', status: 'consented' }],
  }),
  NO_VACANCY_FOR_POST: rule<{ readonly postId: string; readonly branchName: string }>({
    en: (d) =>
      `Branch ${d.branchName} has no vacancy for post ${d.postId}; a by-election fills an elected post left empty mid-term by death, removal, resignation or transfer, once ${citeEn(chapter('branch', 6), rules('6.16'))}.`,
    zh: (d) =>
      `${d.branchName}的职务 ${d.postId} 没有出缺：补选只填补任期内因去世、免职、辞职或调离而空缺的选任职务，且每个空缺只补选一次${citeZh(chapter('branch', 6), rules('6.16'))}。`,
    examples: [{ postId: 'p-1', branchName: '府中社区离退休干部党支部' }],
  }),
  VACANCY_BEFORE_TERM: rule<{
    readonly postId: string;
    readonly branchName: string;
    readonly endDate: string;
    readonly termStart: string;
  }>({
    en: (d) =>
      `Post ${d.postId} of branch ${d.branchName} was vacated on ${d.endDate}, before the current term began on ${d.termStart}; the election of the new term filled the committee, so there is nothing to by-elect ${citeEn(rules('6.16'))}.`,
    zh: (d) =>
      `${d.branchName}的职务 ${d.postId} 于${zhDate(d.endDate)}出缺，早于本届任期起始日${zhDate(d.termStart)}：本届换届选举已产生班子，无需补选${citeZh(rules('6.16'))}。`,
    examples: [
      { postId: 'p-1', branchName: '府中社区离退休干部党支部', endDate: '2022-03-01', termStart: '2023-06-30' },
    ],
  }),
  BY_ELECTION_DATED_BEFORE_STEP: rule<{
    readonly field: FieldLabel;
    readonly date: string;
    readonly precedent: ByElectionPrecedent;
    readonly precedentDate: string;
  }>({
    en: (d) =>
      `The ${d.field} ${d.date} is before ${PRECEDENT_LABELS[d.precedent].en} on ${d.precedentDate}; a by-election's steps follow one another: vacancy, request, consent, assembly, filing ${citeEn(rules('6.16'))}.`,
    zh: (d) =>
      `${fieldZh(d.field)}${zhDate(d.date)}早于${PRECEDENT_LABELS[d.precedent].zh}的日期${zhDate(d.precedentDate)}：补选须依次经过出缺、请示、上级同意、党员大会补选、报备，后一步不能早于前一步${citeZh(rules('6.16'))}。`,
    examples: [
      { field: 'date of the act', date: '2024-04-10', precedent: 'consent', precedentDate: '2024-04-12' },
      { field: 'planned by-election date', date: '2024-03-01', precedent: 'request', precedentDate: '2024-03-10' },
    ],
  }),
  BY_ELECTION_CANDIDATES_REQUIRED: malformed<{ readonly byElectionId: string }>({
    en: (d) =>
      `By-election ${d.byElectionId} names no candidate; the request names whom the branch proposes, for the superior to review ${citeEn(rules('6.16'))}.`,
    zh: (d) =>
      `补选 ${d.byElectionId} 的请示未列明人选：补选请示须写明拟补选人选，报上级党组织审查${citeZh(rules('6.16'))}。`,
    examples: [{ byElectionId: 'y-1' }],
  }),
  BY_ELECTION_NOT_CONSENTED: rule<{ readonly byElectionId: string; readonly kind: PostKind }>({
    en: (d) =>
      `By-election ${d.byElectionId} of a ${POST_LABELS[d.kind].en} has not received the superior's consent; the members' assembly by-elects only after the superior has consented and reviewed the candidates ${citeEn(rules('6.16'))}.`,
    zh: (d) =>
      `补选${POST_LABELS[d.kind].zh}（${d.byElectionId}）尚未经上级党组织同意：须经上级党组织同意并审查人选后，方可召开党员大会进行补选${citeZh(rules('6.16'))}。`,
    examples: [{ byElectionId: 'y-1', kind: 'committeeMember' }],
  }),
  BY_ELECTION_STEP_OUT_OF_ORDER: rule<{
    readonly byElectionId: string;
    readonly step: ByElectionStep;
    readonly status: ByElectionStatusName;
  }>({
    en: (d) =>
      `Cannot ${STEP_LABELS[d.step].en} by-election ${d.byElectionId} now: it is ${STATUS_LABELS[d.status].en}; a by-election goes request, consent, assembly, filing, each once ${citeEn(rules('6.16'))}.`,
    zh: (d) =>
      `补选 ${d.byElectionId} 当前${STATUS_LABELS[d.status].zh}，不能${STEP_LABELS[d.step].zh}：补选依次为请示、上级同意、党员大会补选、报备结果，每步只办理一次${citeZh(rules('6.16'))}。`,
    examples: [
      { byElectionId: 'y-1', step: 'file', status: 'consented' },
      { byElectionId: 'y-1', step: 'consent', status: 'filed' },
      { byElectionId: 'y-1', step: 'hold', status: 'held' },
    ],
  }),
  BY_ELECTION_HELD_BY_COMMITTEE: rule<{ readonly byElectionId: string; readonly kind: PostKind }>({
    en: (d) =>
      `By-election ${d.byElectionId} of a ${POST_LABELS[d.kind].en} cannot be held by the committee; a vacancy is filled by the members' assembly, never by the committee ${citeEn(article('election', 4), rules('6.16'))}.`,
    zh: (d) =>
      `补选${POST_LABELS[d.kind].zh}（${d.byElectionId}）不能由支部委员会进行：出缺的职务由党员大会补选，不得由支部委员会补选${citeZh(article('election', 4), rules('6.16'))}。`,
    examples: [{ byElectionId: 'y-1', kind: 'secretary' }],
  }),
  BY_ELECTION_BALLOTS_EXCEED_ISSUED: rule<{ readonly issued: number; readonly returned: number }>({
    en: (d) =>
      `${d.returned} ballots were returned of ${d.issued} issued; a vote with more ballots returned than issued is void and is taken again ${citeEn(rules('6.8'), rules('6.16'))}.`,
    zh: (d) =>
      `收回选票 ${d.returned} 张，多于发出的 ${d.issued} 张：收回选票多于发出选票的，选举无效，应重新投票${citeZh(rules('6.8'), rules('6.16'))}。`,
    examples: [{ issued: 12, returned: 13 }],
  }),
  BY_ELECTION_NO_MAJORITY: rule<{
    readonly kind: PostKind;
    readonly name: string | null;
    readonly votes: number;
    readonly base: number;
    readonly majorityBase: MajorityBase;
    readonly policyVersion: string;
  }>({
    en: (d) =>
      `No one is by-elected ${POST_LABELS[d.kind].en}: ${d.name === null ? 'no candidate received a vote' : `${d.name} received the most votes, ${d.votes}`}, and the yes-votes must exceed half of the ${d.base} members ${MAJORITY_BASE[d.majorityBase].en}, as in the term election ${citeEn(rules('6.9'), rules('6.16'), policy(d.policyVersion))}.`,
    zh: (d) =>
      `未能补选出${POST_LABELS[d.kind].zh}：${d.name === null ? '无人得票' : `得票最多的${d.name}得 ${d.votes} 票`}，而当选须获得超过${MAJORITY_BASE[d.majorityBase].zh}（${d.base} 名）半数的赞成票，与换届选举相同${citeZh(rules('6.9'), rules('6.16'), policy(d.policyVersion))}。`,
    examples: [
      { kind: 'committeeMember', name: '王秀英', votes: 6, base: 12, majorityBase: 'due', policyVersion: '2022-10-22' },
      { kind: 'secretary', name: null, votes: 0, base: 10, majorityBase: 'present', policyVersion: '2022-10-22' },
    ],
  }),
} as const satisfies RefusalCatalogue;
