import { sortInSlices } from './sort-in-slices';

describe('sorting in slices', () => {
  it.each([0, 1, 2, 2047, 2048, 2049, 10_000])('sorts %i items as Array.prototype.sort does, stably', async (count) => {
    const items = Array.from({ length: count }, (_, i) => ({ key: (i * 7919) % 1000, i }));
    const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
    expect(await sortInSlices(items, compare)).toEqual([...items].sort(compare));
  });
});
