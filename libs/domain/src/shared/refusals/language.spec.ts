import { languageOfLocale, languageOfTag, negotiateLanguage } from './language';

describe('choosing the language of an answer', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', undefined],
    ['*', undefined],
  ])('the tag %s asks for %s', (tag, language) => {
    expect(languageOfTag(tag)).toBe(language);
  });

  it.each([
    [undefined, 'zh-CN', 'zh-CN'],
    [undefined, 'en', 'en'],
    ['', 'zh-CN', 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'zh-CN', 'en'],
    ['en;q=0.4, zh;q=0.8', 'en', 'zh-CN'],
    ['zh-CN;q=0.8, en-US;q=0.8', 'en', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'zh-CN', 'en'],
    ['fr, de', 'en', 'en'],
    ['*', 'en', 'en'],
    ['zh;q=0, *', 'zh-CN', 'en'],
    ['en;q=0', 'en', 'en'],
    ['en;q=oops, zh', 'en', 'zh-CN'],
    ['en;q=1.5, zh', 'en', 'zh-CN'],
  ] as const)('Accept-Language %p with the default %s answers in %s', (header, fallback, language) => {
    expect(negotiateLanguage(header, fallback)).toBe(language);
  });

  it.each([
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh_TW', 'zh-CN'],
    ['en_US.UTF-8', 'en'],
    ['C.UTF-8', undefined],
    ['POSIX', undefined],
    ['de_DE', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('the locale %p reads as %p', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
