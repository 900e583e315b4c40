/**
 * What an association's spreadsheet program saved: UTF-8 with or without BOM, GBK from Chinese Excel,
 * UTF-16 "Unicode text" — and what it must refuse with a clear message: empty, binary, workbooks, too large.
 */
import { decodeBytes, describeProblem, parseBatchFile, sniff } from '@/batch';
import { encodeGbk, fixture, utf8 } from './helpers';

const chinese = 'name,kind\n天津自行车有限公司,企业\n';

it('reads UTF-8 without a BOM', () => {
  expect(decodeBytes(utf8(chinese))).toEqual({ ok: true, text: chinese, encoding: 'utf-8' });
});

it('reads UTF-8 with a BOM and drops the BOM', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(chinese)]);
  expect(decodeBytes(bytes)).toEqual({ ok: true, text: chinese, encoding: 'utf-8-bom' });
});

it('recognises GBK, as Chinese Excel saves "CSV", and decodes the Chinese correctly', () => {
  const bytes = encodeGbk(chinese);
  expect(bytes.length).toBeLessThan(utf8(chinese).length);
  expect(decodeBytes(bytes)).toEqual({ ok: true, text: chinese, encoding: 'gbk' });
});

it('recognises GBK even when the first 64 KB are plain ASCII', () => {
  const text = `name,kind\n${'a,company\n'.repeat(7000)}天津,企业\n`;
  expect(decodeBytes(encodeGbk(text))).toMatchObject({ ok: true, encoding: 'gbk', text });
});

it('lets the user override the encoding', () => {
  // Bytes that are valid UTF-8 (“天津”) decode differently when the user says GBK.
  const decoded = decodeBytes(utf8('天津'), { encoding: 'gbk' });
  expect(decoded).toMatchObject({ ok: true, encoding: 'gbk' });
  expect(decoded.ok && decoded.text).not.toBe('天津');
});

it('says the encoding chosen by hand does not fit the file, rather than that the file is neither', () => {
  const gbkAsUtf8 = parseBatchFile(encodeGbk('名称\n天津'), fixture, { lang: 'zh', encoding: 'utf-8' });
  expect(gbkAsUtf8).toMatchObject({ ok: false, problem: { code: 'notChosenEncoding' } });
  expect(!gbkAsUtf8.ok && gbkAsUtf8.message).toBe('所选的编码“UTF-8”与文件不符：文件不是这种编码的文本。请改选“自动识别”或另一种编码。');
  // Chosen automatically, the same file reads.
  expect(decodeBytes(encodeGbk('名称\n天津'))).toMatchObject({ ok: true, encoding: 'gbk' });
});

it('reads UTF-16 "Unicode text" with its BOM', () => {
  const le = new Uint8Array([0xff, 0xfe, ...Array.from('a,天', (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat()]);
  expect(decodeBytes(le)).toEqual({ ok: true, text: 'a,天', encoding: 'utf-16le' });
});

it('refuses an empty file', () => {
  const result = parseBatchFile(new Uint8Array(), fixture, { lang: 'en' });
  expect(result).toMatchObject({ ok: false, problem: { code: 'empty' } });
  expect(!result.ok && result.message).toBe('The file is empty: download the template, fill it in and import it.');
});

it('refuses a binary file renamed .csv, saying how to save a CSV', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const result = parseBatchFile(png, fixture, { lang: 'zh' });
  expect(result).toMatchObject({ ok: false, problem: { code: 'binary' } });
  expect(!result.ok && result.message).toContain('这不是文本 CSV 文件');
  // No NUL byte, but mostly control characters.
  const noise = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
  expect(sniff(noise)).toMatchObject({ ok: false, problem: { code: 'binary' } });
});

it('recognises an Excel workbook renamed .csv', () => {
  const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]);
  const result = parseBatchFile(xlsx, fixture, { lang: 'en' });
  expect(result).toMatchObject({ ok: false, problem: { code: 'spreadsheet', params: { kind: '.xlsx' } } });
  expect(!result.ok && result.message).toContain('This is an Excel workbook (.xlsx), not a CSV file');
});

it('refuses a file over the browser limit (50 MB here), naming the sizes and the CLI', () => {
  const big = new Uint8Array(50 * 1024 * 1024);
  const result = parseBatchFile(big, fixture, { lang: 'en' });
  expect(result).toMatchObject({ ok: false, problem: { code: 'tooLarge', params: { size: 50, limit: 20 } } });
  expect(!result.ok && result.message).toContain('npm run assess -- --batch');
});

it('says so when the bytes are neither UTF-8 nor GBK', () => {
  // 0x81 starts a GBK pair that a line feed cannot end; 0xC0 0xC0 is not UTF-8.
  const bytes = new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xc0, 0xc0, 0x81, 0x0a]);
  expect(decodeBytes(bytes)).toMatchObject({ ok: false, problem: { code: 'undecodable' } });
  expect(describeProblem({ code: 'undecodable' }, 'en')).toContain('neither UTF-8 nor GBK');
});

it('does not take a file with a 0xFF byte for GBK (no GBK character uses it; Node would drop it silently)', () => {
  const gbk = encodeGbk('name,kind\n天津,企业\n');
  const stray = new Uint8Array([...gbk.slice(0, 12), 0xff, ...gbk.slice(12)]);
  expect(decodeBytes(stray)).toMatchObject({ ok: false, problem: { code: 'undecodable' } });
  expect(decodeBytes(stray, { encoding: 'gbk' })).toMatchObject({ ok: false, problem: { code: 'notChosenEncoding', params: { encoding: 'gbk' } } });
  expect(sniff(stray.subarray(0, 16), 'auto', false)).toMatchObject({ ok: false, problem: { code: 'undecodable' } });
  expect(decodeBytes(gbk)).toMatchObject({ ok: true, encoding: 'gbk' });
});
