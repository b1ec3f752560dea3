/**
 * Where a refusal's rule comes from: an article (or chapter) of a Party regulation, a section of
 * `docs/rules.md` (the rules this product enforces, with their sources), and the rule version
 * whose parameters judged the act. A refusal cites only what the product ships or what is
 * published; `docs/rules.md` §1 lists each regulation under the short English name used here.
 */
export type Regulation = 'election' | 'branch' | 'constitution';

const REGULATION_NAMES: Readonly<Record<Regulation, { readonly zh: string; readonly en: string }>> = {
  election: { zh: '《中国共产党基层组织选举工作条例》', en: 'Election Regulations' },
  branch: { zh: '《中国共产党支部工作条例（试行）》', en: 'Branch Work Regulations' },
  constitution: { zh: '《中国共产党章程》', en: 'Party Constitution' },
};

export type Reference =
  | { readonly regulation: Regulation; readonly articles?: readonly number[]; readonly chapter?: number }
  | { readonly rules: string }
  | { readonly policy: string };

/** An article (or several) of a regulation; without articles, the regulation as a whole. */
export const article = (regulation: Regulation, ...articles: number[]): Reference => ({ regulation, articles });
export const chapter = (regulation: Regulation, number: number): Reference => ({ regulation, chapter: number });
/** A section of docs/rules.md, e.g. `6.6`. */
export const rules = (section: string): Reference => ({ rules: section });
/** The rule version whose parameters judged the act. */
export const policy = (version: string): Reference => ({ policy: version });

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, as article numbers are written: 五, 十三, 二十四. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${tensText}${units === 0 ? '' : DIGITS[units]}`;
}

function referenceEn(reference: Reference): string {
  if ('policy' in reference) return `policy ${reference.policy}`;
  if ('rules' in reference) return `docs/rules.md §${reference.rules}`;
  const name = REGULATION_NAMES[reference.regulation].en;
  const articles = reference.articles ?? [];
  if (reference.chapter !== undefined) return `${name}, ch. ${reference.chapter}`;
  if (articles.length === 0) return name;
  if (articles.length === 1) return `${name}, Art. ${articles[0]}`;
  return `${name}, Arts. ${articles.slice(0, -1).join(', ')} and ${articles[articles.length - 1]}`;
}

function referenceZh(reference: Reference): string {
  if ('policy' in reference) return `规则版本 ${reference.policy}`;
  if ('rules' in reference) return `见 docs/rules.md 第 ${reference.rules} 节`;
  const name = REGULATION_NAMES[reference.regulation].zh;
  const articles = reference.articles ?? [];
  if (reference.chapter !== undefined) return `依据${name}第${chineseNumber(reference.chapter)}章`;
  if (articles.length === 0) return `依据${name}`;
  return `依据${name}${articles.map((n) => `第${chineseNumber(n)}条`).join('、')}`;
}

/** The references in order, with the sections of docs/rules.md gathered into one (`§6.8, §6.10`). */
function gathered(references: readonly Reference[]): (Reference | { readonly sections: readonly string[] })[] {
  const sections = references.flatMap((reference) => ('rules' in reference ? [reference.rules] : []));
  const first = references.findIndex((reference) => 'rules' in reference);
  const others = references.filter((reference) => !('rules' in reference));
  if (first < 0) return others;
  return [...others.slice(0, first), { sections }, ...others.slice(first)];
}

/** `(Election Regulations, Art. 24; docs/rules.md §6.8)`: the references of an English sentence. */
export function citeEn(...references: Reference[]): string {
  const parts = gathered(references).map((reference) =>
    'sections' in reference
      ? `docs/rules.md ${reference.sections.map((section) => `§${section}`).join(', ')}`
      : referenceEn(reference),
  );
  return `(${parts.join('; ')})`;
}

/** `（依据《中国共产党基层组织选举工作条例》第二十四条；见 docs/rules.md 第 6.8 节）`. */
export function citeZh(...references: Reference[]): string {
  const parts = gathered(references).map((reference) =>
    'sections' in reference ? `见 docs/rules.md 第 ${reference.sections.join('、')} 节` : referenceZh(reference),
  );
  return `（${parts.join('；')}）`;
}
