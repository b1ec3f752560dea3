import { zhDate } from '../zh-date';
import { citeEn, citeZh, rules } from './citations';
import { collision, malformed, RefusalCatalogue, rule, unknown } from './refusal';

/** Why a field of a rule version cannot be applied (INVALID_RULE_POLICY). */
export type PolicyFieldProblem =
  | { readonly kind: 'blank' }
  | { readonly kind: 'blankDescription' }
  | { readonly kind: 'notCalendarDate'; readonly value: string }
  | { readonly kind: 'notWholeNumber'; readonly minimum: number; readonly value: string }
  | { readonly kind: 'committeeThresholdBelowMinimum'; readonly threshold: number; readonly minimum: number }
  | { readonly kind: 'joiningAgeTooHigh'; readonly age: number }
  | { readonly kind: 'quorumAboveOne'; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'notBoolean' }
  | { readonly kind: 'majorityBase'; readonly value: string }
  | { readonly kind: 'percentAbove100'; readonly percent: number }
  | {
      readonly kind: 'committeeSizesDecrease';
      readonly min: number;
      readonly usualMax: number;
      readonly hardMax: number;
    }
  | { readonly kind: 'reminderMonths' }
  | { readonly kind: 'oneOf'; readonly allowed: readonly string[]; readonly value: string }
  | { readonly kind: 'listOf'; readonly allowed: readonly string[] };

function problemEn(problem: PolicyFieldProblem): string {
  switch (problem.kind) {
    case 'blank':
      return 'it may not be blank';
    case 'blankDescription':
      return 'auditors read it, so it may not be blank';
    case 'notCalendarDate':
      return `"${problem.value}" is not a calendar date written YYYY-MM-DD`;
    case 'notWholeNumber':
      return `it must be a whole number of at least ${problem.minimum}, not ${problem.value}`;
    case 'committeeThresholdBelowMinimum':
      return `a committee threshold of ${problem.threshold} is below the branch minimum of ${problem.minimum}`;
    case 'joiningAgeTooHigh':
      return `${problem.age} years is not an age at which people join`;
    case 'quorumAboveOne':
      return `the quorum ${problem.numerator}/${problem.denominator} is above 1; a quorum is a share in (0, 1]`;
    case 'notBoolean':
      return 'it must be true or false';
    case 'majorityBase':
      return `it must be "due" or "present", not ${problem.value}`;
    case 'percentAbove100':
      return `${problem.percent}% is above 100%`;
    case 'committeeSizesDecrease':
      return `the minimum ${problem.min}, usual maximum ${problem.usualMax} and hard maximum ${problem.hardMax} must not decrease`;
    case 'reminderMonths':
      return 'it must list distinct whole numbers of months, each at least 1';
    case 'oneOf':
      return `it must be one of ${problem.allowed.join(', ')}, not ${problem.value}`;
    case 'listOf':
      return `it must list distinct values among ${problem.allowed.join(', ')}`;
  }
}

function problemZh(problem: PolicyFieldProblem): string {
  switch (problem.kind) {
    case 'blank':
      return '不能为空白';
    case 'blankDescription':
      return '审计人员要阅读这段说明，不能为空白';
    case 'notCalendarDate':
      return `“${problem.value}”不是按 YYYY-MM-DD 填写的日期`;
    case 'notWholeNumber':
      return `须为不小于 ${problem.minimum} 的整数，而不是 ${problem.value}`;
    case 'committeeThresholdBelowMinimum':
      return `设立支部委员会的正式党员人数 ${problem.threshold} 低于设立支部的最低人数 ${problem.minimum}`;
    case 'joiningAgeTooHigh':
      return `${problem.age} 岁不是入党的年龄`;
    case 'quorumAboveOne':
      return `到会比例 ${problem.numerator}/${problem.denominator} 大于 1，比例须大于 0 且不超过 1`;
    case 'notBoolean':
      return '须为 true 或 false';
    case 'majorityBase':
      return `须为 "due"（应到会人数）或 "present"（实到会人数），而不是 ${problem.value}`;
    case 'percentAbove100':
      return `${problem.percent}% 超过了 100%`;
    case 'committeeSizesDecrease':
      return `最少 ${problem.min} 人、一般最多 ${problem.usualMax} 人、最多 ${problem.hardMax} 人三者须依次不减`;
    case 'reminderMonths':
      return '须列出互不相同的月数，每个都是不小于 1 的整数';
    case 'oneOf':
      return `须为 ${problem.allowed.join('、')} 之一，而不是 ${problem.value}`;
    case 'listOf':
      return `须列出 ${problem.allowed.join('、')} 中互不相同的取值`;
  }
}

/** Refusals of rule versions (规则版本): publishing them and choosing the one in force. */
export const POLICY_REFUSALS = {
  INVALID_RULE_POLICY: malformed<{
    readonly field: string;
    readonly version: string;
    readonly problem: PolicyFieldProblem;
  }>({
    en: (d) => `Rule policy ${d.version || '(no version)'} has an unusable ${d.field}: ${problemEn(d.problem)}.`,
    zh: (d) =>
      `规则版本${d.version ? ` ${d.version} ` : '（未填写版本号）'}的 ${d.field} 无法使用：${problemZh(d.problem)}。`,
    examples: [
      { field: 'version', version: '', problem: { kind: 'blank' } },
      { field: 'description', version: '2024-01-01', problem: { kind: 'blankDescription' } },
      { field: 'effectiveFrom', version: '2024-01-01', problem: { kind: 'notCalendarDate', value: '2024-13-01' } },
      { field: 'termYears', version: '2024-01-01', problem: { kind: 'notWholeNumber', minimum: 1, value: '"five"' } },
      {
        field: 'committeeRequiredFromFullMembers',
        version: '2024-01-01',
        problem: { kind: 'committeeThresholdBelowMinimum', threshold: 2, minimum: 3 },
      },
      { field: 'minimumPartyJoiningAge', version: '2024-01-01', problem: { kind: 'joiningAgeTooHigh', age: 120 } },
      {
        field: 'quorumNumerator',
        version: '2024-01-01',
        problem: { kind: 'quorumAboveOne', numerator: 6, denominator: 5 },
      },
      { field: 'quorumInclusive', version: '2024-01-01', problem: { kind: 'notBoolean' } },
      { field: 'majorityBase', version: '2024-01-01', problem: { kind: 'majorityBase', value: '"all"' } },
      { field: 'differentialSharePercent', version: '2024-01-01', problem: { kind: 'percentAbove100', percent: 120 } },
      {
        field: 'committee sizes',
        version: '2024-01-01',
        problem: { kind: 'committeeSizesDecrease', min: 5, usualMax: 3, hardMax: 7 },
      },
      { field: 'termEndReminderMonths', version: '2024-01-01', problem: { kind: 'reminderMonths' } },
    ],
  }),
  POLICY_NOT_IN_FORCE: unknown<{ readonly date: string; readonly earliest: string | null }>({
    en: (d) =>
      `No rule policy was in force on ${d.date}; every act must be judged by a policy version effective on or before its date ${citeEn(rules('9'))}.`,
    zh: (d) =>
      `${zhDate(d.date)}没有生效的规则版本：每项事务都须依据当日或此前已生效的规则版本判断${citeZh(rules('9'))}。`,
    examples: [{ date: '1990-01-01', earliest: '2020-07-13' }],
  }),
  POLICY_AMBIGUOUS: malformed<{ readonly versions: readonly string[]; readonly effectiveFrom: string }>({
    en: (d) =>
      `Policy versions ${d.versions.join(', ')} all take effect on ${d.effectiveFrom}; exactly one version may govern a given date.`,
    zh: (d) => `规则版本 ${d.versions.join('、')} 同于${zhDate(d.effectiveFrom)}生效：同一日期只能适用一个规则版本。`,
    examples: [{ versions: ['2024-a', '2024-b'], effectiveFrom: '2024-01-01' }],
  }),
  POLICY_VERSION_UNKNOWN: unknown<{ readonly version: string }>({
    en: (d) =>
      `Rule policy version ${d.version} is not configured; a recorded decision can only be replayed against the version it names.`,
    zh: (d) => `规则版本 ${d.version} 不存在：已记录的决定只能按其载明的规则版本重新判断。`,
    examples: [{ version: '1999-01-01' }],
  }),
  POLICY_VERSION_EXISTS: collision<{ readonly version: string }>({
    en: (d) =>
      `Rule policy version ${d.version} already exists; a version is published once and never changed, because recorded decisions name it ${citeEn(rules('9'))}.`,
    zh: (d) =>
      `规则版本 ${d.version} 已经存在：规则版本只发布一次、永不修改，因为已记录的决定都载明了所依据的版本${citeZh(rules('9'))}。`,
    examples: [{ version: '2022-10-22' }],
  }),
  POLICY_EFFECTIVE_DATE_TAKEN: collision<{
    readonly version: string;
    readonly rival: string;
    readonly effectiveFrom: string;
  }>({
    en: (d) =>
      `Rule policy version ${d.rival} already takes effect on ${d.effectiveFrom}; exactly one version may govern a given date.`,
    zh: (d) => `规则版本 ${d.rival} 已定于${zhDate(d.effectiveFrom)}生效：同一日期只能适用一个规则版本。`,
    examples: [{ version: '2024-b', rival: '2024-a', effectiveFrom: '2024-01-01' }],
  }),
  POLICY_RETROACTIVE: rule<{ readonly version: string; readonly effectiveFrom: string; readonly publishedOn: string }>({
    en: (d) =>
      `Rule policy version ${d.version} would take effect on ${d.effectiveFrom}, before its publication on ${d.publishedOn}; acts already judged must keep the rules that were in force when they were decided ${citeEn(rules('9'))}.`,
    zh: (d) =>
      `规则版本 ${d.version} 的生效日期${zhDate(d.effectiveFrom)}早于发布日期${zhDate(d.publishedOn)}：已经作出的判断须保持当时有效的规则，新版本不能溯及既往${citeZh(rules('9'))}。`,
    examples: [{ version: '2024-01-01', effectiveFrom: '2024-01-01', publishedOn: '2024-03-01' }],
  }),
} as const satisfies RefusalCatalogue;
