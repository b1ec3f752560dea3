import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type RestructuringKind = Schemas['RestructuringPlanDto']['kind'];
export type SkipReason = Schemas['SkippedAssignmentDto']['reason'];

/** Typed over the schema's enums: a kind the API adds fails to compile here until it has its words. */
export const KIND_LABELS: Readonly<Record<RestructuringKind, string>> = {
  merge: '合并',
  redraw: '区域调整',
  dissolution: '撤销',
};

export const KIND_PURPOSES: Readonly<Record<RestructuringKind, string>> = {
  merge: '被合并党支部的全体党员转入一个现有或新设的党支部，被合并的党支部撤销。',
  redraw: '结合城市社区调整，按住址把党员逐一转入现有或新设的党支部，原党支部保留。',
  dissolution: '撤销一个党支部，其全体党员转入另一个党支部。',
};

export const SKIP_REASON_LABELS: Readonly<Record<SkipReason, string>> = {
  notOnRoll: '已不在册，无需转接',
  alreadyInTarget: '已在转入的党支部，无需转接',
};
