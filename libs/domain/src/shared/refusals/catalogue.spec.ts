import { REFUSAL_CATALOGUE_PARTS, REFUSAL_CODES, REFUSALS, refusalMessage } from './catalogue';
import { chineseNumber, citeZh, rules, article, policy } from './citations';
import { LANGUAGES } from './language';
import { RefusalEntry } from './refusal';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Every string a refusal's details hold, however deep: the facts a sentence may quote as given. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const entries = REFUSAL_CODES.map((code) => [code, REFUSALS[code] as unknown as RefusalEntry<unknown>] as const);

describe('the refusal catalogue', () => {
  it('declares each code once, in one part', () => {
    const declared = REFUSAL_CATALOGUE_PARTS.flatMap((part) => Object.keys(part));
    expect(declared.length).toBe(new Set(declared).size);
    expect([...declared].sort()).toEqual([...REFUSAL_CODES]);
    expect(REFUSAL_CODES).toContain('IDEMPOTENCY_KEY_REUSED');
  });

  it.each(entries)('%s speaks Chinese and English for every example of its details', (code, entry) => {
    expect(['validation', 'rule', 'notFound', 'conflict', 'forbidden']).toContain(entry.category);
    expect(entry.examples.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const details of entry.examples) {
      const zh = refusalMessage(code, details as never, 'zh-CN');
      const en = refusalMessage(code, details as never, 'en');
      for (const message of [zh, en]) {
        expect(message.trim()).not.toBe('');
        expect(message).not.toMatch(/undefined|\[object Object\]|NaN|\$\{/);
      }
      expect(zh).toMatch(CJK);
      expect(zh).toMatch(/。$/);
      expect(zh).not.toMatch(/RULES|\bpolicy\b/);
      // English quotes Chinese only where a fact given in the details is Chinese (a name).
      const quoted = stringsIn(details).sort((a, b) => b.length - a.length);
      const own = quoted.reduce((text, fact) => text.split(fact).join(''), en);
      expect(own).not.toMatch(CJK);
      expect(en).toMatch(/[.!?)]$/);
      expect(en).not.toMatch(/RULES/);
      seen.add(zh);
    }
    // Each example is there to show another way the sentence reads.
    expect(seen.size).toBe(entry.examples.length);
  });

  it('renders the language asked for, and cites regulations by article in Chinese', () => {
    const details = {
      present: 11,
      due: 15,
      numerator: 4,
      denominator: 5,
      inclusive: true,
      policyVersion: '2022-10-22',
    };
    expect(refusalMessage('QUORUM_NOT_MET', details, 'zh-CN')).toBe(
      '应到会有选举权的党员 15 名，实到 11 名：有选举权的到会人数须达到应到会人数的五分之四（恰好达到的也有效），方可进行选举' +
        '（依据《中国共产党基层组织选举工作条例》；见 docs/rules.md 第 6.6 节；规则版本 2022-10-22）。',
    );
    expect(refusalMessage('QUORUM_NOT_MET', details, 'en')).toBe(
      '11 voters are present of 15 due; the election may proceed only when those present with voting rights reach 4/5 ' +
        'of those due, exactly that share included (Election Regulations; docs/rules.md §6.6; policy 2022-10-22).',
    );
    expect(LANGUAGES).toEqual(['zh-CN', 'en']);
  });

  it('writes article numbers in Chinese numerals', () => {
    expect([1, 3, 5, 10, 13, 14, 20, 22, 24, 31].map(chineseNumber)).toEqual([
      '一',
      '三',
      '五',
      '十',
      '十三',
      '十四',
      '二十',
      '二十二',
      '二十四',
      '三十一',
    ]);
    expect(citeZh(article('election', 24), rules('6.8'), policy('2022-10-22'))).toBe(
      '（依据《中国共产党基层组织选举工作条例》第二十四条；见 docs/rules.md 第 6.8 节；规则版本 2022-10-22）',
    );
  });
});
