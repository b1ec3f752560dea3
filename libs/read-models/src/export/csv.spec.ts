import { columnsOf, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with the UTF-8 BOM, keeps Chinese intact and quotes what needs quoting', () => {
    const rows = [{ id: 'b1', name: '永盛社区离退休干部党支部', note: 'a, "b"\nc', count: 3, flag: true, none: null }];
    const bytes = toCsv(columnsOf<(typeof rows)[number]>(['id', 'name', 'note', 'count', 'flag', 'none']), rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'id,name,note,count,flag,none\r\nb1,永盛社区离退休干部党支部,"a, ""b""\nc",3,true,\r\n',
    );
  });

  it('writes the header row even without rows', () => {
    expect(toCsv(columnsOf<{ a: string; b: string }>(['a', 'b']), []).toString('utf8')).toBe('\uFEFFa,b\r\n');
  });

  describe('text a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const csvOf = (value: unknown) =>
      toCsv(columnsOf<{ v: unknown }>(['v']), [{ v: value }])
        .toString('utf8')
        .slice('\uFEFFv\r\n'.length, -2);

    it.each([
      ['=1+2', `"'=1+2"`],
      ['+86 138', `"'+86 138"`],
      ['-张三', `"'-张三"`],
      ['@某', `"'@某"`],
      ['\tcmd', `"'\tcmd"`],
      ['\rcmd', `"'\rcmd"`],
      ['=HYPERLINK("http://x","点击")', `"'=HYPERLINK(""http://x"",""点击"")"`],
    ])('%j is exported as text behind a single quote, in double quotes', (text, expected) => {
      expect(csvOf(text)).toBe(expected);
    });

    it('leaves numbers, a negative one included, and other text as they are', () => {
      expect(csvOf(-3)).toBe('-3');
      expect(csvOf(-0.5)).toBe('-0.5');
      expect(csvOf('张三=李四')).toBe('张三=李四');
      expect(csvOf(' =1')).toBe(' =1');
      expect(csvOf('2023-03-15')).toBe('2023-03-15');
    });
  });
});
