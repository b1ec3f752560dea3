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
});
