import { ACCESS_REFUSALS } from './access.refusals';
import { BY_ELECTION_REFUSALS } from './by-election.refusals';
import { CAMPAIGN_REFUSALS } from './campaign.refusals';
import { DEMONSTRATION_REFUSALS } from './demonstration.refusals';
import { DOCUMENT_REFUSALS } from './documents.refusals';
import { ELECTION_REFUSALS } from './election.refusals';
import { IMPORT_REFUSALS } from './import.refusals';
import { Language } from './language';
import { ORGANISATION_REFUSALS } from './organisation.refusals';
import { POLICY_REFUSALS } from './policy.refusals';
import { RECORD_REFUSALS } from './records.refusals';
import { ErrorCategory, render, RefusalCatalogue, RefusalEntry } from './refusal';
import { RESTRUCTURING_REFUSALS } from './restructuring.refusals';

/** The catalogue's parts, one per context; no code is declared in two of them (a test checks). */
export const REFUSAL_CATALOGUE_PARTS: readonly RefusalCatalogue[] = [
  RECORD_REFUSALS,
  ORGANISATION_REFUSALS,
  ELECTION_REFUSALS,
  DOCUMENT_REFUSALS,
  RESTRUCTURING_REFUSALS,
  CAMPAIGN_REFUSALS,
  BY_ELECTION_REFUSALS,
  POLICY_REFUSALS,
  ACCESS_REFUSALS,
  IMPORT_REFUSALS,
  DEMONSTRATION_REFUSALS,
];

/**
 * Every refusal the domain and the application can answer, declared once: its category and its
 * sentence in Chinese and English, built from typed details. `refuse` accepts only these codes,
 * each with its own details, so an undeclared code or a missing fact fails to compile.
 */
export const REFUSALS = {
  ...RECORD_REFUSALS,
  ...ORGANISATION_REFUSALS,
  ...ELECTION_REFUSALS,
  ...DOCUMENT_REFUSALS,
  ...RESTRUCTURING_REFUSALS,
  ...CAMPAIGN_REFUSALS,
  ...BY_ELECTION_REFUSALS,
  ...POLICY_REFUSALS,
  ...ACCESS_REFUSALS,
  ...IMPORT_REFUSALS,
  ...DEMONSTRATION_REFUSALS,
} as const;

export type RefusalCode = keyof typeof REFUSALS;

/** The facts a refusal with this code carries (its `details`), from which its sentences are built. */
export type RefusalDetails<C extends RefusalCode> = C extends RefusalCode
  ? (typeof REFUSALS)[C] extends RefusalEntry<infer D>
    ? D
    : never
  : never;

/** A refusal as data: a code with its own details (what a guard returns before anything is thrown). */
export type Refusal = {
  readonly [C in RefusalCode]: { readonly code: C; readonly details: RefusalDetails<C> };
}[RefusalCode];

/** Every declared code, sorted. */
export const REFUSAL_CODES = Object.keys(REFUSALS).sort() as readonly RefusalCode[];

export function isRefusalCode(code: string): code is RefusalCode {
  return Object.prototype.hasOwnProperty.call(REFUSALS, code);
}

function entryOf<C extends RefusalCode>(code: C): RefusalEntry<RefusalDetails<C>> {
  // Each entry is built from its own details type; indexing by a generic code loses that link.
  return REFUSALS[code] as unknown as RefusalEntry<RefusalDetails<C>>;
}

export function refusalCategory(code: RefusalCode): ErrorCategory {
  return REFUSALS[code].category;
}

/** The refusal's sentence in `language`, naming its rule and the regulation it comes from. */
export function refusalMessage<C extends RefusalCode>(code: C, details: RefusalDetails<C>, language: Language): string {
  return render(entryOf(code), details, language);
}
