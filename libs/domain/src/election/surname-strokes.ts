/**
 * 姓氏笔画 order, as committee candidates are listed on the ballot (选举工作条例 Art 24): fewer
 * strokes first; the same count, by the strokes in writing order, 横 before 竖 before 撇 before 点
 * before 折; then the next character, so the given name decides between one surname. ICU's
 * `zh-u-co-stroke` collation breaks ties differently (it puts 张 before 李, both of seven strokes,
 * though 李 begins with 横 and 张 with 折), so the order is computed here from stroke data.
 *
 * The data is not the domain's: for each character the application passes its strokes in writing
 * order, one digit per stroke, `1` 横(提) `2` 竖(竖钩) `3` 撇 `4` 点(捺) `5` 折 (李 → `1234521`, 张 →
 * `5153154`). Only the characters of the names being ordered are needed, and the order the
 * decider computes is recorded in the event, so a replay never depends on the data again.
 */
export type StrokeTable = Readonly<Record<string, string>>;

const STROKES = /^[1-5]+$/;

/** A character's rank key: known characters by count, then sequence; unknown ones after all known, alike. */
function compareCharacters(a: string, b: string, strokes: StrokeTable): number {
  if (a === b) return 0;
  const x = strokes[a];
  const y = strokes[b];
  const knownX = x !== undefined && STROKES.test(x);
  const knownY = y !== undefined && STROKES.test(y);
  if (!knownX || !knownY) return knownX === knownY ? 0 : knownX ? -1 : 1;
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compares two names character by character; a name that is the start of the other comes first. */
export function compareByStrokes(a: string, b: string, strokes: StrokeTable): number {
  const left = [...a.trim()];
  const right = [...b.trim()];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const order = compareCharacters(left[i] as string, right[i] as string, strokes);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/** The people in 姓氏笔画 order; people the data cannot tell apart keep the order they were given. */
export function inStrokeOrder<P extends { readonly name: string }>(people: readonly P[], strokes: StrokeTable): P[] {
  return [...people].sort((a, b) => compareByStrokes(a.name, b.name, strokes));
}
