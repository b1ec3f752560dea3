import { REFUSAL_CODES, type Language, type RefusalCode } from '@app/domain';
import type { FieldError } from './validation';

/** The media type of an .xlsx workbook, as the import takes it. */
const WORKBOOK_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The answers the API's edge gives besides the domain's refusals: malformed requests, access,
 * routes and resources that do not exist, the event store's and the read models' trouble, and
 * the unexpected. Like the refusal catalogue, each code is declared once with its sentence in
 * both languages and example details for the test that renders them all.
 */
interface EdgeProblem<D> {
  readonly en: (details: D) => string;
  readonly zh: (details: D) => string;
  readonly examples: readonly [D, ...D[]];
}

const edge = <D extends object>(problem: EdgeProblem<D>): EdgeProblem<D> => problem;

/** What a store or worker error says in English, for operators: their sentences name files and remedies. */
type Reported = { readonly reason: string };

/** The Chinese of an operator's sentence: what happened for the bureau's clerk, then the technical account. */
const operatorNote = (zh: string) => (d: Reported) => `${zh}（技术信息：${d.reason}）`;

/** What the API can say does not exist, in both languages. */
export const RESOURCES = {
  branch: { en: 'branch', zh: '支部' },
  member: { en: 'member', zh: '党员' },
  committee: { en: 'committee', zh: '党组织' },
  election: { en: 'election', zh: '选举' },
  campaign: { en: 'campaign', zh: '换届工作' },
  'demonstration campaign': { en: 'demonstration campaign', zh: '示范创建活动' },
  'volunteer team': { en: 'volunteer team', zh: '志愿服务队' },
  'by-election': { en: 'by-election', zh: '补选' },
  restructuring: { en: 'restructuring', zh: '组织调整' },
  'rule policy version': { en: 'rule policy version', zh: '规则版本' },
  event: { en: 'event', zh: '事件' },
  stream: { en: 'stream', zh: '记录流' },
} as const;

export type Resource = keyof typeof RESOURCES;

/** Something asked for by id that does not exist (`recorded`: in the event log; `history`: in the organisation's history). */
export type Missing = {
  readonly resource: Resource;
  readonly id: string;
  readonly in?: 'recorded' | 'history';
};

function missingEn(d: Missing): string {
  if (d.in === 'history') {
    const noun = RESOURCES[d.resource].en;
    return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${d.id} does not appear in the organisation's history.`;
  }
  return `No ${RESOURCES[d.resource].en} ${d.id} ${d.in === 'recorded' ? 'is recorded' : 'exists'}.`;
}

function missingZh(d: Missing): string {
  if (d.in === 'history') return `组织历史中没有${RESOURCES[d.resource].zh} ${d.id}。`;
  return d.in === 'recorded'
    ? `没有记录${RESOURCES[d.resource].zh} ${d.id}。`
    : `${RESOURCES[d.resource].zh} ${d.id} 不存在。`;
}

type BadRequest =
  | { readonly kind: 'json'; readonly reason: string }
  | { readonly kind: 'uuid'; readonly reason: string }
  | { readonly kind: 'uri'; readonly reason: string }
  | { readonly kind: 'other'; readonly reason: string };

type Forbidden =
  | { readonly kind: 'noAccessRule' }
  | { readonly kind: 'role'; readonly roles: readonly string[]; readonly role: string }
  | { readonly kind: 'scopeNotForRole'; readonly role: string };

const ROLES: Readonly<Record<string, string>> = { admin: '管理员', auditor: '审计员', reporter: '报表作业' };
const role = (name: string): string => (ROLES[name] === undefined ? name : `${ROLES[name]}（${name}）`);

export const EDGE_PROBLEMS = {
  VALIDATION_FAILED: edge<{ readonly errors: readonly FieldError[] }>({
    en: (d) => `The request is invalid: ${d.errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | ')}`,
    zh: (d) => `请求的内容有误：${d.errors.map((e) => `${e.field}：${e.messages.join('；')}`).join('｜')}。`,
    examples: [{ errors: [{ field: 'name', messages: ['name must be a string'] }] }],
  }),
  BAD_REQUEST: edge<BadRequest>({
    en: (d) => (d.kind === 'uuid' ? 'Validation failed (uuid is expected)' : d.reason),
    zh: (d) => {
      switch (d.kind) {
        case 'json':
          return `请求正文不是可接受的 JSON（${d.reason}）。`;
        case 'uuid':
          return '路径中的编号须为 UUID。';
        case 'uri':
          return `请求地址的编码有误（${d.reason}）。`;
        case 'other':
          return `请求无法处理（${d.reason}）。`;
      }
    },
    examples: [
      { kind: 'json', reason: 'Unexpected end of JSON input' },
      { kind: 'uuid', reason: 'Validation failed (uuid is expected)' },
      { kind: 'uri', reason: "Failed to decode param '%FF'" },
      { kind: 'other', reason: 'request aborted' },
    ],
  }),
  UNAUTHENTICATED: edge<{ readonly kind: 'missing' | 'invalid' }>({
    en: (d) =>
      d.kind === 'missing'
        ? 'A bearer token is required (Authorization: Bearer <token>).'
        : 'The bearer token is invalid, expired or not meant for this API.',
    zh: (d) =>
      d.kind === 'missing'
        ? '请先登录：请求须带有访问令牌（Authorization: Bearer <令牌>）。'
        : '访问令牌无效、已过期，或不是签发给本系统的。',
    examples: [{ kind: 'missing' }, { kind: 'invalid' }],
  }),
  FORBIDDEN: edge<Forbidden>({
    en: (d) => {
      switch (d.kind) {
        case 'noAccessRule':
          return 'This route has no access rule, so it is closed to everyone.';
        case 'role':
          return `This route is for ${d.roles.join(' or ')}; the token's role is ${d.role}.`;
        case 'scopeNotForRole':
          return `A committee scope (committeeId) is for administrators only; this token's role is ${d.role}.`;
      }
    },
    zh: (d) => {
      switch (d.kind) {
        case 'noAccessRule':
          return '该接口没有设定访问规则，因此对所有人关闭。';
        case 'role':
          return `该接口只对${d.roles.map(role).join('或')}开放，当前令牌的角色是${role(d.role)}。`;
        case 'scopeNotForRole':
          return `只有管理员的令牌可以限定党组织范围（committeeId），当前令牌的角色是${role(d.role)}。`;
      }
    },
    examples: [
      { kind: 'noAccessRule' },
      { kind: 'role', roles: ['admin'], role: 'auditor' },
      { kind: 'scopeNotForRole', role: 'reporter' },
    ],
  }),
  NOT_FOUND: edge<Missing | { readonly route: string }>({
    en: (d) => ('route' in d ? `Cannot ${d.route}` : missingEn(d)),
    zh: (d) => ('route' in d ? `没有 ${d.route} 这一接口。` : missingZh(d)),
    examples: [
      { resource: 'election', id: 'e-1' },
      { resource: 'event', id: 'ev-1', in: 'recorded' },
      { resource: 'branch', id: 'b-1', in: 'history' },
      { route: 'GET /nowhere' },
    ],
  }),
  PAYLOAD_TOO_LARGE: edge<{ readonly limit: string }>({
    en: (d) => `The request body is larger than the ${d.limit} this API accepts.`,
    zh: (d) => `请求正文超过了本接口接受的 ${d.limit}。`,
    examples: [{ limit: '100 kB' }],
  }),
  UNSUPPORTED_MEDIA_TYPE: edge<{ readonly contentType: string | null; readonly workbook?: true } | Reported>({
    en: (d) => {
      if ('reason' in d) return d.reason;
      if (d.workbook) {
        return `The body is ${d.contentType ?? 'untyped'}; send the workbook itself as an .xlsx file (${WORKBOOK_MEDIA_TYPE}) or a UTF-8 CSV (text/csv).`;
      }
      return d.contentType === null
        ? 'The request has a body but no Content-Type; send it as application/json.'
        : `The body is ${d.contentType || 'untyped'}; every command body is application/json.`;
    },
    zh: (d) => {
      if ('reason' in d) return `请求正文的编码无法接受（${d.reason}）。`;
      if (d.workbook) {
        return `请求正文的类型是 ${d.contentType ?? '未声明'}：导入须直接发送工作簿文件本身，即 .xlsx 文件（${WORKBOOK_MEDIA_TYPE}）或 UTF-8 编码的 CSV（text/csv）。`;
      }
      return d.contentType === null
        ? '请求带有正文却没有 Content-Type：请以 application/json 发送。'
        : `请求正文的类型是 ${d.contentType || '未声明'}：所有命令的正文都须为 application/json。`;
    },
    examples: [
      { contentType: null },
      { contentType: 'text/plain' },
      { contentType: 'application/json', workbook: true },
      { reason: 'unsupported charset "LATIN1"' },
    ],
  }),
  TOO_MANY_REQUESTS: edge<Record<string, never>>({
    en: () => 'Too many writes from this caller in the last minute; wait as Retry-After says, then send it again.',
    zh: () => '一分钟内的写入请求过多：请按 Retry-After 所示等待后再提交。',
    examples: [{}],
  }),
  WRONG_EXPECTED_REVISION: edge<Reported & { readonly currentRevision: number | null }>({
    en: (d) => `${d.reason} Reload it and retry with If-Match: "${d.currentRevision ?? 'absent'}".`,
    // A clerk needs to know that someone else changed it and what to do; the stream's name and
    // the revision arithmetic stay in the English sentence and the answer's currentRevision.
    zh: (d) =>
      d.currentRevision === null
        ? '要修改的记录不存在（可能已被他人撤销或尚未建立）：请重新读取后再提交。'
        : `该记录已被他人修改（现为第 ${d.currentRevision} 版）：请重新读取，核对后再提交（If-Match: "${d.currentRevision}"）。`,
    examples: [
      { reason: 'Stream branch-1 was expected at revision 2 but is at revision 3.', currentRevision: 3 },
      { reason: 'Stream branch-1 was expected at revision 0 but is absent.', currentRevision: null },
    ],
  }),
  IDEMPOTENCY_CONFLICT: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote('本次提交与已记录的事件相冲突：它不是此前某次请求的重试，未记录任何内容。'),
    examples: [{ reason: 'Append to branch-1 reuses event ids already stored elsewhere or in part: e-1.' }],
  }),
  STREAM_NOT_FOUND: edge<Reported>({
    en: (d) => d.reason,
    zh: () => '所要求的记录不存在。',
    examples: [{ reason: 'Stream branch-1 does not exist.' }],
  }),
  STORE_UNAVAILABLE: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote('事件库暂时无法访问，本次操作未记录任何内容：请稍后重试。'),
    examples: [{ reason: 'The event store did not answer a ping within 3000 ms.' }],
  }),
  STORAGE_FULL: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote(
      '数据所在的磁盘已满，本次操作未记录任何内容：请运维人员释放磁盘空间后，用同一个 Idempotency-Key 重新提交。',
    ),
    examples: [{ reason: 'The event store could not write: the disk is full (SQLITE_FULL); free space on it.' }],
  }),
  STORAGE_READ_ONLY: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote(
      '数据文件目前只读，本次操作未记录任何内容：请运维人员恢复写入权限后，用同一个 Idempotency-Key 重新提交。',
    ),
    examples: [{ reason: 'The event store could not write: the file is read-only (SQLITE_READONLY).' }],
  }),
  STORAGE_FAILED: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote(
      '数据所在的磁盘或系统出现故障，本次操作未记录任何内容：请运维人员排除故障后，用同一个 Idempotency-Key 重新提交。',
    ),
    examples: [{ reason: 'The event store could not write: the disk reports an I/O error (SQLITE_IOERR).' }],
  }),
  STORAGE_CORRUPT: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote('数据文件已损坏，本次操作未记录任何内容：请运维人员从备份恢复。'),
    examples: [{ reason: 'The event store could not read: the file is damaged (SQLITE_CORRUPT).' }],
  }),
  DEGRADED: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote('有读模型或后台流程在处理某个事件时停止，暂时不能提供服务：需运维人员排除原因后重启。'),
    examples: [{ reason: 'Stopped on an event it could not handle: audit-log v3 (boom). Fix the cause and restart.' }],
  }),
  CATCHING_UP: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote('读模型正在追赶事件库的最新记录，暂时不能提供服务：请稍后再试。'),
    examples: [{ reason: 'Catching up: organisation-now v2 at position 10 of 355694.' }],
  }),
  READ_MODEL_DIVERGED: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote('读模型与事件库不一致，正在从事件库重建，重建完成前不提供服务。'),
    examples: [{ reason: 'The audit-log read model has applied events up to position 12, beyond the head (10).' }],
  }),
  WORKERS_UNAVAILABLE: edge<Reported>({
    en: (d) => d.reason,
    zh: operatorNote('没有进程在运行后台工作（读模型、流程和定时任务）：需运维人员启动。'),
    examples: [{ reason: 'No process has run the workers on these read models yet.' }],
  }),
  INTERNAL_ERROR: edge<Record<string, never>>({
    en: () => 'An unexpected error occurred; the request id locates it in the logs.',
    zh: () => '系统发生意外错误：可凭请求编号（requestId）在日志中查找原因。',
    examples: [{}],
  }),
} as const;

export type EdgeCode = keyof typeof EDGE_PROBLEMS;
export type EdgeDetails<C extends EdgeCode> = C extends EdgeCode
  ? (typeof EDGE_PROBLEMS)[C] extends EdgeProblem<infer D>
    ? D
    : never
  : never;

export type ProblemCode = RefusalCode | EdgeCode;

/** Every code the API can answer: the ProblemDetails `code` enum. */
export const PROBLEM_CODES: readonly ProblemCode[] = [
  ...REFUSAL_CODES,
  ...(Object.keys(EDGE_PROBLEMS) as EdgeCode[]),
].sort();

export function edgeMessage<C extends EdgeCode>(code: C, details: EdgeDetails<C>, language: Language): string {
  const problem = EDGE_PROBLEMS[code] as unknown as EdgeProblem<EdgeDetails<C>>;
  return language === 'en' ? problem.en(details) : problem.zh(details);
}

/**
 * An answer of the edge's own, raised where no better type exists (a middleware's 415): the
 * filter answers it with `status` and the sentence in the request's language.
 */
export function isEdgeRefusal(error: unknown): error is EdgeRefusal {
  return error instanceof EdgeRefusal;
}

export class EdgeRefusal<C extends EdgeCode = EdgeCode> extends Error {
  constructor(
    readonly status: number,
    readonly code: C,
    readonly details: EdgeDetails<C>,
  ) {
    super(edgeMessage(code, details, 'en'));
    this.name = 'EdgeRefusal';
  }
}
