import { describe, expect, it } from '@jest/globals';
import { joinCsvPages, wholeCsv } from './download';

describe('a paged CSV export saved as one file', () => {
  it('keeps the first header row, drops the others, and starts with a byte order mark', () => {
    const pages = ['\uFEFF姓名,所在支部\r\n王建国,府前\r\n', '姓名,所在支部\r\n"李,秀英",新义\r\n'];
    expect(joinCsvPages(pages)).toBe('\uFEFF姓名,所在支部\r\n王建国,府前\r\n"李,秀英",新义\r\n');
  });

  it('asks for each page after the cursor the previous one answered', async () => {
    const asked: (string | undefined)[] = [];
    const csv = await wholeCsv((after) => {
      asked.push(after);
      return Promise.resolve(
        after === undefined ? { text: 'h\r\n1\r\n', next: 'm-1' } : { text: 'h\r\n2\r\n', next: null },
      );
    });
    expect(asked).toEqual([undefined, 'm-1']);
    expect(csv).toBe('\uFEFFh\r\n1\r\n2\r\n');
  });
});
