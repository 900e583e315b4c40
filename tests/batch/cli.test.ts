/**
 * The batch CLI as an association's IT person runs it: `npm run assess -- --batch members.csv [--format csv|json]`.
 * Rows are written as they are assessed, row errors go to stderr, and an unusable file exits 2.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir';
import { Readable } from 'node:stream';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadRulebook } from '@/rulebook/load';
import { batchMain, runBatch, type BatchOptions } from '@/cli/batch';
import { batchExample, memberCells, batchColumns, sampleMembers, csvLine } from '@/batch';
import { xlsxWorkbook } from '@/batch/xlsx-write';
import { encodeGbk, fixture } from './helpers';
import { translator } from '@/i18n';

const rulesDir = join(process.cwd(), 'tests', 'fixtures', 'rules');
const dir = tempDir('batch-');
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function cli(options: Partial<BatchOptions> & { input: string }, stdin?: string) {
  const writes: string[] = [];
  let stderr = '';
  const code = await runBatch(
    { format: 'csv', lang: 'en', ...options },
    { stdout: (s) => void writes.push(s), stderr: (s) => (stderr += s), rulesDir, stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]) },
  );
  return { code, stdout: writes.join(''), writes, stderr };
}

const header = 'name,kind,located_here,degradable,exports,export_share,staff\n';
const small = header + 'Green Box Ltd,company,true,true,true,80,10\nBroken Co,ngo,true,,,,\nDemo Association,association,true,,,,\n';

it('writes one CSV row per valid member, lists row errors on stderr and exits 0', async () => {
  const { code, stdout, stderr } = await cli({ input: file('small.csv', small) });
  expect(code).toBe(0);
  const lines = stdout.split('\r\n');
  expect(lines[0]).toMatch(/^Row,Name,\(1\) .*,In scope,Applies,May apply,Does not apply,For information$/);
  expect(lines.slice(1, 3).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['2,Green Box Ltd', '4,Demo Association']);
  expect(lines[1]).toBe('2,Green Box Ltd,Applies,For information,Applies,Yes,2,0,0,1');
  expect(lines).toHaveLength(4);
  expect(stderr).toBe(
    [
      'row 3, column kind (B3): "ngo" is not an option of "kind"; write an option\'s code or its label (row 2 of the template): company, association',
      '2 members assessed; 1 row with errors (not assessed); 0 warnings. Encoding: UTF-8.',
      '',
    ].join('\n'),
  );
});

it('writes JSON Lines with --format json: one member per line with its clause verdicts and missing answers', async () => {
  const { code, stdout } = await cli({ input: file('small-json.csv', small), format: 'json' });
  expect(code).toBe(0);
  const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(rows.map((r) => [r.row, r.name, r.counts.applies])).toEqual([
    [2, 'Green Box Ltd', 2],
    [4, 'Demo Association', expect.any(Number)],
  ]);
  expect(rows[0].clauses[0]).toEqual({ clause: 1, id: fixture.measures[0]!.id, verdict: 'applies', nearMiss: false, missing: [] });
});

it('streams: a large file is written in many pieces, with quoted line breaks split across chunks read correctly', async () => {
  const columns = batchColumns(fixture);
  const members = sampleMembers(fixture, 4000, { seed: 3, name: (n) => `Member\n${n}, "quoted"` });
  const text = csvLine(columns.columns.map((c) => c.id)) + members.map((m) => csvLine(memberCells(columns, m, 'en'))).join('');
  expect(text.length).toBeGreaterThan(3 * 64 * 1024);
  const { code, writes, stderr } = await cli({ input: file('large.csv', text), values: 'codes' });
  expect(code).toBe(0);
  expect(writes.length).toBeGreaterThan(3);
  expect(stderr).toBe('4000 members assessed; 0 rows with errors (not assessed); 0 warnings. Encoding: UTF-8.\n');
  expect(writes.join('').split('\r\n')[4000]).toMatch(/^4001,"Member\n4000, ""quoted""",/);
});

it('ends quietly when the reader of its output stops early (… | head)', async () => {
  const tianjin = loadRulebook(join(process.cwd(), 'rules', 'tianjin-2022'), process.cwd());
  const columns = batchColumns(tianjin);
  const text = csvLine(columns.columns.map((c) => c.id)) + sampleMembers(tianjin, 3000).map((m) => csvLine(memberCells(columns, m, 'en'))).join('');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/assess.ts', '--batch', file('head.csv', text)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit');
  // More than a pipe holds: the CLI is still writing when the reader goes.
  await once(child.stdout, 'data');
  child.stdout.destroy();
  const [code] = await exited;
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 30_000);

it('reads GBK files (detected, or named with --encoding) and standard input', async () => {
  const gbk = file('gbk.csv', encodeGbk('name,kind,located_here\n绿色包装有限公司,企业,是\n'));
  for (const encoding of [undefined, 'gbk'] as const) {
    const { code, stdout, stderr } = await cli({ input: gbk, encoding, lang: 'zh' });
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[1]).toMatch(/^2,绿色包装有限公司,/);
    expect(stderr).toContain('编码：GBK（中文版 Excel）');
  }
  const { code, stdout } = await cli({ input: '-' }, small);
  expect(code).toBe(0);
  expect(stdout).toContain('2,Green Box Ltd,');
});

it('says which encoding to name when the file is not in the one named or detected', async () => {
  // UTF-8 read as GBK ("中," is not GBK), and GBK after 64 KB of plain text that looked like UTF-8.
  const utf8 = file('utf8-named-gbk.csv', 'name,kind,located_here\n中,company,true\n');
  expect(await cli({ input: utf8, encoding: 'gbk' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: .*Near row \d+ the file is not valid GBK .*name the encoding \(--encoding utf-8\)\.\n$/) });
  const filler = 'Demo Association,association,true\n'.repeat(Math.ceil(70_000 / 34));
  const late = file('gbk-late.csv', Buffer.concat([Buffer.from(header + filler), encodeGbk('绿色包装有限公司,company,true\n')]));
  expect(await cli({ input: late })).toMatchObject({ code: 2, stderr: expect.stringContaining('name the encoding (--encoding gbk).') });
});

it('writes to a file with --out, with a BOM for Excel', async () => {
  const out = join(dir, 'matrix.csv');
  const { code, stdout } = await cli({ input: file('out.csv', small), out });
  expect(code).toBe(0);
  expect(stdout).toBe('');
  expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFRow,Name,.*\r\n2,Green Box Ltd,/);
});

describe('--out names a file that cannot be written: exits 2 before reading anything, and the batch file is untouched', () => {
  it('the batch file itself, by its name or through a link', async () => {
    const members = file('members-out.csv', small);
    const link = join(dir, 'link-to-members.csv');
    symlinkSync(members, link);
    for (const out of [members, link]) {
      const r = await cli({ input: members, out });
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: `error: --out ${out} would overwrite the batch file\n` });
    }
    expect(readFileSync(members, 'utf8')).toBe(small);
  });

  it.each([
    ['in a folder that does not exist', () => join(dir, 'no-such-folder', 'matrix.csv'), 'no such folder'],
    ['a folder', () => dir, 'it is a folder'],
  ])('%s', async (_, out, reason) => {
    const r = await cli({ input: file('members-ok.csv', small), out: out() });
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: `error: cannot write ${out()}: ${reason}\n` });
  });

  it('empty, or an option', async () => {
    expect(await cli({ input: file('members-ok.csv', small), out: '' })).toMatchObject({ code: 2, stderr: 'error: --out needs a file name, not ""\n' });
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (s: string) => (stderr += s), rulesDir };
    // "--lang=en" is taken as the file's name: the language stays Chinese.
    expect(await batchMain(['--batch', file('members-ok.csv', small), '--out', '--lang=en'], io)).toBe(2);
    expect(stderr).toBe('error: --out 后面需要一个文件名，不能是“--lang=en”\n');
  });
});

it.each([
  ['an empty file', '', 'The file is empty'],
  ['a semicolon-separated file', 'name;kind;located_here\nA;company;true\n', 'The columns are separated by semicolons (;), not commas'],
  ['a file without a header', 'Green Box Ltd,company,true\n', 'Row 1 should hold question ids'],
  ['a header without members', header, 'The file has a header but no member rows'],
  ['a binary file', new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]), 'This is not a text CSV file'],
])('exits 2 for %s, with a clear message and no output', async (_, content, message) => {
  const { code, stdout, stderr } = await cli({ input: file('bad.csv', content) });
  expect(code).toBe(2);
  expect(stdout.split('\r\n').length).toBeLessThanOrEqual(2);
  expect(stderr).toBe(`error: Cannot use this file: ${stderr.slice('error: Cannot use this file: '.length)}`);
  expect(stderr).toContain(message);
});

it('exits 2 for a missing file and for bad arguments, with the usage', async () => {
  expect(await cli({ input: join(dir, 'nope.csv') })).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
  let stderr = '';
  const io = { stdout: () => undefined, stderr: (s: string) => (stderr += s), rulesDir };
  expect(await batchMain([file('ok.csv', small), '--format', 'xml', '--lang', 'en'], io)).toBe(2);
  expect(stderr).toBe(`error: --format must be one of csv, json, not "xml"\n${translator('en')('batch.cli.usage')}\n`);
  // In Chinese unless --lang names English: the mistake, the usage, and a file that is not there.
  stderr = '';
  expect(await batchMain([file('ok.csv', small), '--format', 'xml'], io)).toBe(2);
  expect(stderr).toMatch(/^error: --format 只能是 csv, json 之一，不能是“xml”\n用法：npm run assess -- --batch/);
  stderr = '';
  expect(await batchMain([join(dir, 'nope.csv')], io)).toBe(2);
  expect(stderr).toBe(`error: 无法使用此文件：无法读取 ${join(dir, 'nope.csv')}：文件不存在\n`);
});

it('assesses the example file it offers for download without a single error', async () => {
  const { code, stderr } = await cli({ input: file('example.csv', batchExample(fixture, { lang: 'zh' })), lang: 'zh' });
  expect(code).toBe(0);
  expect(stderr).toBe('已评估 3 个会员；0 行有错误（未评估）；0 条提醒。编码：UTF-8（带 BOM）。\n');
});

it('reads an Excel workbook (.xlsx) as the app does: the same rows and errors, and says which worksheet it read', async () => {
  const rows = small.trim().split('\n').map((line) => line.split(',').map((cell) => cell || null));
  const fromCsv = await cli({ input: file('small-again.csv', small) });
  const { code, stdout, stderr } = await cli({ input: file('members.xlsx', xlsxWorkbook('会员名单', rows)) });
  expect(code).toBe(0);
  expect(stdout).toBe(fromCsv.stdout);
  expect(stderr).toBe(fromCsv.stderr.replace('Encoding: UTF-8.', 'Read from the Excel worksheet "会员名单".'));
  // An old .xls workbook is refused with the app's words.
  expect((await cli({ input: file('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])) })).stderr).toMatch(/^error: Cannot use this file: .*\.xls/);
});
