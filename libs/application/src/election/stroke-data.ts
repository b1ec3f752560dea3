import cnchar from 'cnchar';
import order from 'cnchar-order';
import type { StrokeTable } from '@app/domain';

cnchar.use(order);

/**
 * cnchar-order names 30 stroke shapes by a letter each; the ballot order needs the five classes
 * of the 笔顺 standard, with 提 counted as 横, 竖钩 as 竖, 捺 (and the 点 written as a rising
 * stroke, `d`) as 点, and every stroke that turns (横折, 竖弯钩, 斜钩 …) as 折.
 */
const CLASS_OF_LETTER: Readonly<Record<string, string>> = {
  j: '1', // 横
  i: '1', // 提
  f: '2', // 竖
  g: '2', // 竖钩
  s: '3', // 撇
  k: '4', // 点
  d: '4', // 点 (as in 心's first stroke)
  l: '4', // 捺
  ...Object.fromEntries([...'ecbuxvqwaproyzhnmt'].map((letter) => [letter, '5'])), // the 折 strokes
};

/**
 * The strokes of each distinct character of `names` as the domain's 姓氏笔画 order reads them
 * (see libs/domain/src/election/surname-strokes.ts), from cnchar-order's data. A character the
 * data lacks, or has a stroke we cannot class, is left out: the domain lists such names after the
 * others rather than guessing.
 */
export function strokeTable(names: readonly string[]): StrokeTable {
  const table: Record<string, string> = {};
  for (const character of new Set(names.flatMap((name) => [...name]))) {
    const [letters] = cnchar.stroke(character, 'order') as unknown as (string | undefined)[];
    if (typeof letters !== 'string' || letters === '') continue;
    const classes = [...letters].map((letter) => CLASS_OF_LETTER[letter]);
    if (classes.every((digit) => digit !== undefined)) table[character] = classes.join('');
  }
  return table;
}
