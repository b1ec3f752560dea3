import { collision, forbidden, NoDetails, RefusalCatalogue, rule } from './refusal';

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
  IDEMPOTENCY_KEY_REUSED: rule<NoDetails>({
    en: () =>
      'This Idempotency-Key was already used for a different request, so nothing was recorded; send this request with a new key.',
    zh: () =>
      '该 Idempotency-Key 已用于另一个不同的请求，本次请求未记录任何内容：请换用新的 Idempotency-Key 重新提交。',
    examples: [{}],
  }),
} as const satisfies RefusalCatalogue;
