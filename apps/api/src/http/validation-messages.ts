import { CALENDAR_DATE_FORM, DATE_OR_DATE_TIME_FORM } from './calendar-date';
import { firstHumanTextProblem, HUMAN_TEXT_PROBLEMS } from './human-text';

/** One failed check of a property, as class-validator reports it and as its metadata declared it. */
export interface Check {
  readonly property: string;
  /** The arguments the decorator was declared with (`Max(5000)` → `[5000]`). */
  readonly args: readonly unknown[];
  /** Declared with `{ each: true }`: the check applies to every element of a list. */
  readonly each: boolean;
  /** The value checked (never shown; some messages depend on it). */
  readonly value: unknown;
  /** The message the DTO declared instead of the default, as a template (`$property …`), if any. */
  readonly template: string | undefined;
}

const CALENDAR_DATE_ZH = '按 YYYY-MM-DD 填写的、确实存在的日历日期（如 2023-03-15）';
const DATE_OR_DATE_TIME_ZH =
  '按 YYYY-MM-DD 填写的日期（如 2023-03-15），或带时区偏移的 RFC 3339 时间（如 2023-03-15T09:30:00+08:00 或 2023-03-15T01:30:00Z）';
const NOT_ACCEPTED_FORMS_ZH = '不接受 ISO 基本格式（20230315）、周格式（2023-W11-3）和序数日格式（2023-074）';

/**
 * Chinese for the English a DTO or a pipe writes itself (gettext-style: the English is the key).
 * Messages class-validator writes are built from the constraint and its arguments instead, below.
 * A test walks every DTO and fails on an English text missing here.
 */
export const CHINESE_FOR: Readonly<Record<string, string>> = {
  // Templates DTOs declare (`$property` is the property's name).
  '$property may contain letters, digits, ".", "_" and "-" only': '$property 只能包含字母、数字、“.”、“_”和“-”',
  'each type must be an event type name such as MemberTransferred':
    '每个 type 都须为事件类型名称，例如 MemberTransferred',
  // What KeyedRecord properties say of their keys and values.
  'person id (UUID)': '人员编号（UUID）',
  '"for", "against" or "abstain"': '"for"（赞成）、"against"（反对）或 "abstain"（弃权）',
  'a duty of 1 to 50 characters on one line, with something visible': '1 至 50 个字符、含可见字符的单行委员分工',
  // Sentences the pipes and headers checks write (after the field's name).
  'must be 1-200 characters of letters, digits, ".", "_", ":" or "-"':
    '须为 1 至 200 个字符，只能包含字母、数字、“.”、“_”、“:”或“-”',
  'must be 1-200 letters, digits, "-", "_" or ":"': '须为 1 至 200 个字母、数字、“-”、“_”或“:”',
  'must be an ETag this API returned, e.g. "3"': '须为本接口返回过的 ETag，例如 "3"',
  [`must be ${DATE_OR_DATE_TIME_FORM}`]: `须为${DATE_OR_DATE_TIME_ZH}`,
  [`must be ${CALENDAR_DATE_FORM}`]: `须为${CALENDAR_DATE_ZH}`,
  'must not be in the future': '不能晚于当前时间',
};

/** The Chinese for an English text this API writes itself, or the English when none is known. */
export function chineseFor(english: string): string {
  return CHINESE_FOR[english] ?? english;
}

const list = (values: unknown): string => (Array.isArray(values) ? values.map(String).join('、') : String(values));
const subject = (check: Check): string => (check.each ? `${check.property} 中的每一项` : check.property);

function lengthZh(check: Check): string {
  const [min, max] = check.args as [number | undefined, number | undefined];
  const text = typeof check.value === 'string' ? check.value : undefined;
  if (!check.each && text !== undefined && min !== undefined && text.length < min) {
    return `${subject(check)} 至少须有 ${min} 个字符`;
  }
  if (!check.each && text !== undefined && max !== undefined && text.length > max) {
    return `${subject(check)} 至多 ${max} 个字符`;
  }
  if (min !== undefined && max !== undefined) return `${subject(check)} 的长度须在 ${min} 至 ${max} 个字符之间`;
  return min !== undefined
    ? `${subject(check)} 至少须有 ${min} 个字符`
    : `${subject(check)} 至多 ${String(max)} 个字符`;
}

/**
 * The Chinese of every check the API's DTOs declare, by class-validator's constraint name: each
 * says what the English says, from the same arguments. A test walks every DTO and fails on a
 * constraint missing here.
 */
export const CHINESE_CHECKS: Readonly<Record<string, (check: Check) => string>> = {
  isUuid: (c) => `${subject(c)} 须为 UUID`,
  isIn: (c) => `${subject(c)} 须为以下值之一：${list(c.args[0])}`,
  isEnum: (c) => `${subject(c)} 须为以下值之一：${list(Object.values(c.args[0] as object))}`,
  min: (c) => `${subject(c)} 不得小于 ${String(c.args[0])}`,
  max: (c) => `${subject(c)} 不得大于 ${String(c.args[0])}`,
  isInt: (c) => `${subject(c)} 须为整数`,
  isNumber: (c) => `${subject(c)} 须为数字`,
  isPositive: (c) => `${subject(c)} 须为正数`,
  isString: (c) => `${subject(c)} 须为字符串`,
  isBoolean: (c) => `${subject(c)} 须为布尔值（true 或 false）`,
  isLength: lengthZh,
  minLength: (c) => `${subject(c)} 至少须有 ${String(c.args[0])} 个字符`,
  maxLength: (c) => `${subject(c)} 至多 ${String(c.args[0])} 个字符`,
  isNotEmpty: (c) => `${subject(c)} 不能为空`,
  isDefined: (c) => `${subject(c)} 必须填写`,
  isArray: (c) => `${subject(c)} 须为列表，不能是 null、对象或单个值`,
  isObject: (c) => `${subject(c)} 须为对象，不能是 null、列表或单个值`,
  arrayMinSize: (c) => `${c.property} 至少须有 ${String(c.args[0])} 项`,
  arrayMaxSize: (c) => `${c.property} 至多 ${String(c.args[0])} 项`,
  arrayNotEmpty: (c) => `${c.property} 不能为空列表`,
  arrayUnique: (c) => `${c.property} 中的各项不能重复`,
  matches: (c) => `${subject(c)} 的格式须符合 ${String(c.args[0])}`,
  isCalendarDate: (c) => `${c.property} 须为${CALENDAR_DATE_ZH}；${NOT_ACCEPTED_FORMS_ZH}`,
  isDateOrDateTime: (c) => `${c.property} 须为${DATE_OR_DATE_TIME_ZH}；${NOT_ACCEPTED_FORMS_ZH}`,
  isHumanText: (c) => {
    const problem = firstHumanTextProblem(c.value, { multiline: c.args[0] === true });
    return `${c.property} ${problem === undefined ? '不是可接受的文字' : HUMAN_TEXT_PROBLEMS[problem].zh}`;
  },
  isKeyedRecord: (c) => {
    const [max, keys, values] = c.args as [number, string, string];
    return `${c.property} 须为至多 ${max} 项的对象，键为${chineseFor(keys)}，每项的值为${chineseFor(values)}`;
  },
  onlyWhenKind: (c) => `只有 kind 为 "${String(c.args[0])}" 时才能填写 ${c.property}`,
  whitelistValidation: (c) => `不接受字段 ${c.property}`,
  nestedValidation: (c) => `嵌套字段 ${c.property} 须为对象或列表`,
  unknownValue: () => '收到的内容无法校验：请求须为 JSON 对象',
};

/**
 * Checks whose English template (Nested, NestedList in nested.ts) says no more than the
 * constraint's own Chinese above: they need no entry in CHINESE_FOR.
 */
export const SAID_BY_CONSTRAINT: ReadonlySet<string> = new Set(['isObject', 'isArray']);

/** The Chinese of one failed check named `constraint`, or undefined when neither table knows it. */
export function chineseCheck(constraint: string, check: Check): string | undefined {
  if (check.template !== undefined) {
    const template = CHINESE_FOR[check.template];
    if (template !== undefined) return template.replace(/\$property/g, check.property);
  }
  return CHINESE_CHECKS[constraint]?.(check);
}
