// What the rest of the domain and the layers above use of the refusal catalogue; the builders,
// labels and citations stay inside it.
export * from './language';
export type { ErrorCategory, NoDetails, RefusalEntry } from './refusal';
export * from './catalogue';
export type { FieldLabel, Period } from './labels';
export type { BlankTextCode } from './records.refusals';
export type { DatedAct } from './organisation.refusals';
export type { Blocked, MotionSubject, OfficeName } from './election.refusals';
export type { EmptyPlanProblem, RestructuringAction } from './restructuring.refusals';
export type { PolicyFieldProblem } from './policy.refusals';
export type { FiledDocument } from './documents.refusals';
export { chineseNumber } from './citations';
export type { UnreadableWorkbook } from './import.refusals';
export type { NamedItem, OpenBranchPurpose } from './demonstration.refusals';
export type { ByElectionPrecedent, ByElectionStatusName, ByElectionStep } from './by-election.refusals';
