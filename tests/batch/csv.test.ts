/**
 * Reading and writing CSV as Excel does: RFC 4180 quoting, CRLF or LF, row numbers as Excel shows them,
 * any chunking (the CLI streams), and cells that cannot smuggle a formula into a spreadsheet.
 */
import { CsvParser, csvLine, neutralise, parseCsv, toCsv } from '@/batch';

const cells = (text: string) => parseCsv(text).map((r) => r.cells);

it('reads quoted cells holding commas, doubled quotes and line breaks', () => {
  expect(cells('a,"b,c","say ""hi""","line 1\nline 2"\n')).toEqual([['a', 'b,c', 'say "hi"', 'line 1\nline 2']]);
});

it('reads CRLF and LF line ends alike, and keeps empty cells', () => {
  expect(cells('a,b\r\n1,\r\n,2\n3,4')).toEqual([
    ['a', 'b'],
    ['1', ''],
    ['', '2'],
    ['3', '4'],
  ]);
});

it('numbers records as Excel numbers rows: a line break inside a quoted cell does not add a row', () => {
  const records = parseCsv('h1,h2\r\n"two\r\nlines",x\r\nlast,y\r\n');
  expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
  expect(records[1]!.cells[0]).toBe('two\r\nlines');
});

it('gives the same records however the text is cut into chunks', () => {
  const text = 'id,"q ""x"", y"\r\n1,"a\r\nb"\r\n2,""\r\n3,"end"""\r\n';
  const whole = parseCsv(text);
  for (let size = 1; size <= 5; size += 1) {
    const parser = new CsvParser();
    const records = [];
    for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
    records.push(...parser.end());
    expect(records).toEqual(whole);
  }
  expect(whole.map((r) => r.cells)).toEqual([
    ['id', 'q "x", y'],
    ['1', 'a\r\nb'],
    ['2', ''],
    ['3', 'end"'],
  ]);
});

it('flags a quote that is never closed, with the cell where it opened', () => {
  const records = parseCsv('a,b\n1,"open\n2,3\n');
  expect(records).toHaveLength(2);
  expect(records[1]).toMatchObject({ row: 2, unclosedQuoteAt: 1, cells: ['1', 'open\n2,3\n'] });
});

it('quotes cells that need it and neutralises formulas, but leaves negative numbers alone', () => {
  expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines'])).toBe('plain,"a,b","say ""hi""","two\nlines"\r\n');
  expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
  expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(neutralise('+86 22 1234')).toBe("'+86 22 1234");
  expect(neutralise('-5')).toBe('-5');
  expect(toCsv([['=1+1', 'x']])).toBe("'=1+1,x\r\n");
});
