import { inStrokeOrder } from '@app/domain';
import { strokeTable } from './stroke-data';

/**
 * Twenty common surnames as a clerk checks a ballot by 姓氏笔画: by count, then 横 竖 撇 点 折 one
 * stroke after another. Worked by hand from the 笔顺编号 (1 横 2 竖 3 撇 4 点 5 折):
 *   2 丁 12 · 3 马 551 · 4 王 1121
 *   6 朱 311234 < 刘 413422 < 孙 521234 (first strokes 撇, 点, 折)
 *   7 李 1234521 < 杨 1234533 (sixth stroke 竖 before 撇) < 吴 2511134 < 何 3212512
 *     < 张 5153154 < 陈 5215234 (second stroke 横 before 竖)
 *   8 林 12341234 < 罗 25221354 < 周 35121251
 *   9 赵 121213434 < 胡 122513511 (third stroke 横 before 竖)
 *   10 高 4125125251 < 郭 4125152152 (sixth stroke 竖 before 折)
 *   11 黄 12212512134
 */
const SURNAMES = [...'王丁李张刘陈杨赵黄周吴孙马朱胡郭何高林罗'];
const BY_STROKES = [...'丁马王朱刘孙李杨吴何张陈林罗周赵胡高郭黄'];

describe('stroke data for the ballot order (cnchar-order)', () => {
  it('orders twenty common surnames as a clerk does by 姓氏笔画', () => {
    const people = SURNAMES.map((name) => ({ name }));
    expect(inStrokeOrder(people, strokeTable(SURNAMES)).map((person) => person.name)).toEqual(BY_STROKES);
  });

  it('classes every stroke into the five of the standard: 李 1234521, 张 5153154, 心 4544, 冯 41551', () => {
    expect(strokeTable(['李张心冯'])).toEqual({ 李: '1234521', 张: '5153154', 心: '4544', 冯: '41551' });
  });

  it('differs from ICU’s zh-u-co-stroke collation, which puts 张 before 李 and 陈 among the eight-stroke names', () => {
    const icu = [...SURNAMES].sort(new Intl.Collator('zh-u-co-stroke').compare);
    expect(icu.indexOf('张')).toBeLessThan(icu.indexOf('李'));
    expect(icu).not.toEqual(BY_STROKES);
  });

  it('leaves out characters it has no data for, so the domain lists them last instead of guessing', () => {
    expect(strokeTable(['A王'])).toEqual({ 王: '1121' });
  });
});
