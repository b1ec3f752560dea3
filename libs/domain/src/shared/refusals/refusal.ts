import { Language } from './language';

/** How the edge should answer a refusal. The domain never speaks HTTP; the filter maps these. */
export type ErrorCategory = 'validation' | 'rule' | 'notFound' | 'conflict' | 'forbidden';

/** Details of a refusal that states no facts. */
export type NoDetails = { readonly [key: string]: never };

/**
 * One declared refusal: its category, and its sentence in each language, built from the facts
 * the refusal carries (`D`, also given to programs as `details`). `examples` are details as real
 * refusals carry them, one per way the sentence can read, so a test can render every message.
 */
export interface RefusalEntry<D> {
  readonly category: ErrorCategory;
  readonly en: (details: D) => string;
  readonly zh: (details: D) => string;
  readonly examples: readonly [D, ...D[]];
}

/** What every catalogue part is checked against (entries differ only in their details). */
export type RefusalCatalogue = Readonly<
  Record<
    string,
    {
      readonly category: ErrorCategory;
      readonly en: (details: never) => string;
      readonly zh: (details: never) => string;
      readonly examples: readonly unknown[];
    }
  >
>;

type Messages<D> = Omit<RefusalEntry<D>, 'category'>;

/** A rule refuses the command (422). */
export const rule = <D extends object>(messages: Messages<D>): RefusalEntry<D> => ({ category: 'rule', ...messages });

/** The command's data is malformed: nothing in the world refused it (400). */
export const malformed = <D extends object>(messages: Messages<D>): RefusalEntry<D> => ({
  category: 'validation',
  ...messages,
});

/** What the command addresses, or names, does not exist (404). */
export const unknown = <D extends object>(messages: Messages<D>): RefusalEntry<D> => ({
  category: 'notFound',
  ...messages,
});

/** The command collides with what already exists (409). */
export const collision = <D extends object>(messages: Messages<D>): RefusalEntry<D> => ({
  category: 'conflict',
  ...messages,
});

/** The caller may not do this (403). */
export const forbidden = <D extends object>(messages: Messages<D>): RefusalEntry<D> => ({
  category: 'forbidden',
  ...messages,
});

/** The sentence of an entry in a language. */
export function render<D>(entry: RefusalEntry<D>, details: D, language: Language): string {
  return language === 'en' ? entry.en(details) : entry.zh(details);
}
