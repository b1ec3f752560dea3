import { collision, forbidden, malformed, NoDetails, RefusalCatalogue, rule, unknown } from './refusal';

/**
 * Refusals of who may act where (an administrator scoped to one committee) and of a command
 * sent twice under one Idempotency-Key: judged by the application around every decider.
 */
export const ACCESS_REFUSALS = {
  ID_IN_USE: collision<NoDetails>({
    en: () => 'That id is already in use; leave it out to have one made, or choose another.',
    zh: () => '该编号已被使用：请不填编号，由系统生成，或者另选一个编号。',
    examples: [{}],
  }),
  BUREAU_WIDE_ACT: forbidden<NoDetails>({
    en: () =>
      'This changes something that belongs to the whole bureau (its rules, campaigns or digests), which an administrator scoped to one committee may not do.',
    zh: () => '此操作涉及全局事项（规则版本、换届工作或历史摘要），管理范围限于某一党组织的管理员无权办理。',
    examples: [{}],
  }),
  OUTSIDE_COMMITTEE_SCOPE: forbidden<{ readonly committeeId: string }>({
    en: (d) =>
      `An administrator scoped to committee ${d.committeeId} may act only within it and the committees below it; this would reach outside it.`,
    zh: (d) =>
      `管理范围限于党组织 ${d.committeeId} 的管理员，只能在该党组织及其下级党组织内办理事项：此操作超出了这一范围。`,
    examples: [{ committeeId: 'c-1' }],
  }),
  IDEMPOTENCY_KEY_REUSED: rule<{ readonly idempotencyKey: string }>({
    en: (d) =>
      `Idempotency-Key ${d.idempotencyKey} was already used for a different request (another body, route or target), so nothing was recorded; a retry repeats the first request exactly, and a new request needs a new key.`,
    zh: (d) =>
      `Idempotency-Key ${d.idempotencyKey} 已用于另一个不同的请求（内容、地址或对象不同），本次请求未记录任何内容：重试须与首次请求完全相同，新的请求请换用新的 Idempotency-Key。`,
    examples: [{ idempotencyKey: '5f0c2b1e-8f3a-4c55-9d7e-2a6b1c0d9e84' }],
  }),
  DEV_SIGN_IN_UNAVAILABLE: unknown<NoDetails>({
    en: () =>
      'Development sign-in is not available here (production, or only public keys are configured): sign in through the identity provider.',
    zh: () => '开发登录不可用：生产环境（或只配置了公钥）时，请通过统一身份认证登录。',
    examples: [{}],
  }),
  DEV_SIGN_IN_LOOPBACK_ONLY: forbidden<NoDetails>({
    en: () =>
      'Development sign-in answers only requests made directly on this machine (127.0.0.1 or ::1, not through a proxy).',
    zh: () => '开发登录只接受本机直接发出的请求（127.0.0.1 或 ::1，且未经代理转发）。',
    examples: [{}],
  }),
  COMMITTEE_SCOPE_FOR_ADMINS: malformed<NoDetails>({
    en: () => "Only an administrator's token can be limited to one party committee (committeeId).",
    zh: () => '只有管理员的令牌可以限定到某个党委（committeeId）。',
    examples: [{}],
  }),
} as const satisfies RefusalCatalogue;
