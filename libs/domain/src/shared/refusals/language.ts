/** The languages every refusal speaks: Simplified Chinese for the bureau's users, English for operators and logs. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The bureau's own language, when neither the request nor the setting says otherwise. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a BCP 47 tag asks for: any Chinese (`zh`, `zh-CN`, `zh-Hans`, `zh-TW`) is answered
 * in Simplified Chinese, the only Chinese we write; any English (`en`, `en-GB`) in English;
 * anything else in neither (undefined).
 */
export function languageOfTag(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return undefined;
}

interface Weighted {
  readonly tag: string;
  readonly q: number;
}

/** One `tag;q=0.8` element of an Accept-Language header, or undefined when it is malformed. */
function weighted(element: string): Weighted | undefined {
  const [tag = '', ...parameters] = element.split(';').map((part) => part.trim());
  if (!/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(tag)) return undefined;
  let q = 1;
  for (const parameter of parameters) {
    const match = /^q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)$/i.exec(parameter);
    if (!match) return undefined;
    q = Number(match[1]);
  }
  return { tag, q };
}

/**
 * The language to answer in, from an `Accept-Language` header (RFC 9110 §12.5.4): the
 * acceptable tag with the highest weight that we speak (the header's order breaks ties), where
 * `*` stands for `fallback`; a tag weighted `q=0` is not acceptable at all. No header, or none
 * we speak, gives `fallback` (the configured default).
 */
export function negotiateLanguage(header: string | undefined, fallback: Language): Language {
  if (header === undefined) return fallback;
  const ranges = header
    .split(',')
    .map(weighted)
    .filter((range): range is Weighted => range !== undefined);
  const refused = new Set(ranges.filter((range) => range.q === 0).flatMap((range) => languageOfTag(range.tag) ?? []));
  const acceptable = ranges
    .map((range, index) => ({ ...range, index }))
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of acceptable) {
    if (range.tag === '*') {
      const spoken = [fallback, ...LANGUAGES].find((language) => !refused.has(language));
      if (spoken !== undefined) return spoken;
      continue;
    }
    const language = languageOfTag(range.tag);
    if (language !== undefined && !refused.has(language)) return language;
  }
  return fallback;
}

/**
 * The language of a POSIX locale (`zh_CN.UTF-8`, `en_US`), as a command-line tool reads it from
 * LC_ALL, LC_MESSAGES or LANG; `C`, `POSIX` and other languages name none (undefined).
 */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (locale === undefined || locale.trim() === '') return undefined;
  return languageOfTag(locale.split('.')[0] ?? '');
}
