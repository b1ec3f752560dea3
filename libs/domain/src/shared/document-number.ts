import { refuse } from './domain-error';
import type { FieldLabel } from './refusals';

/**
 * A 文号 as party organs write it (GB/T 9704): the issuer's code, the year in brackets, the serial
 * number and 号 — 孝离党字〔2022〕12号. Clerks type the brackets as 〔〕, ［］, [] or （）, all
 * taken as written; the serial may carry a leading 第.
 */
const DOCUMENT_NUMBER = /^[\p{Script=Han}A-Za-z0-9·]{1,40}[〔［[（(]\d{4}[〕］\]）)]第?\d{1,6}号$/u;

/** The 文号 as given (trimmed), or null when none was given; refused when it is not written like one. */
export function optionalDocumentNumber(value: string | undefined, field: FieldLabel): string | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (!DOCUMENT_NUMBER.test(text)) throw refuse('DOCUMENT_NUMBER_MALFORMED', { field, value: text });
  return text;
}
