import { compareByStrokes, inStrokeOrder, StrokeTable } from './surname-strokes';

/** 笔顺编号 from the 现代汉语通用字笔顺规范 (1 横 2 竖 3 撇 4 点 5 折), as a clerk would look them up. */
const STROKES: StrokeTable = {
  王: '1121',
  文: '4134',
  林: '12341234',
  欧: '13453534',
  李: '1234521',
  张: '5153154',
  丁: '12',
  一: '1',
  乙: '5',
  伟: '3211152',
  民: '51515',
  芳: '122453',
};

const names = (list: readonly string[]) =>
  inStrokeOrder(
    list.map((name) => ({ name })),
    STROKES,
  ).map((p) => p.name);

describe('姓氏笔画 order (Election Regulations Art 24)', () => {
  it('puts fewer strokes first: 丁 (2) before 王 (4) before 李 (7)', () => {
    expect(names(['李四', '王五', '丁一'])).toEqual(['丁一', '王五', '李四']);
  });

  it('breaks an equal count by the first stroke, 横 竖 撇 点 折: 王 before 文, 林 before 欧, 李 before 张', () => {
    expect(compareByStrokes('文', '王', STROKES)).toBeGreaterThan(0);
    expect(compareByStrokes('林', '欧', STROKES)).toBeLessThan(0);
    expect(names(['张伟', '李伟'])).toEqual(['李伟', '张伟']);
  });

  it('goes on to later strokes when the first ones agree: 林 (12341234) before 欧 (13453534) by the second stroke', () => {
    expect(names(['欧民', '林民'])).toEqual(['林民', '欧民']);
  });

  it('orders one surname by the given name, and a name that begins another first', () => {
    expect(names(['王芳', '王伟', '王'])).toEqual(['王', '王芳', '王伟']);
    expect(names(['李伟民', '李伟'])).toEqual(['李伟', '李伟民']);
  });

  it('lists a name with a character the data lacks after the others, keeping such names in the order given', () => {
    expect(names(['𠮷甲', '李四', '𠮷申', '丁一'])).toEqual(['丁一', '李四', '𠮷甲', '𠮷申']);
  });
});
