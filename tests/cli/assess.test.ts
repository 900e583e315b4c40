/**
 * The CLI as a user runs it: `npm run assess -- <file> [--format json|md|csv] [--lang zh|en] [--out file]`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir';
import { run } from '@/cli/assess';
import { OutputError } from '@/cli/args';
import { CHINESE_PROBLEMS } from '@/engine/problem-words-zh';
import { assess } from '@/engine';
import { exportJson } from '@/report/export-file';
import { fixture } from '../engine/helpers';
import { readCsv } from '../report/helpers';

const rulesDir = join(process.cwd(), 'tests', 'fixtures', 'rules');
const dir = tempDir('answers-');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** In English: what goes wrong follows --lang, Chinese by default as the report. */
const cliEn = (args: string[], stdin = '') => cli([...args, '--lang', 'en'], stdin);

function cli(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => stdin, today: () => '2026-01-02', rulesDir });
  return { code, stdout, stderr };
}

const exporter = JSON.stringify({ rulebook: 'demo-packaging', answers: { kind: 'company', located_here: true, degradable: true, exports: true, export_share: 30, staff: 8, respondent_name: undefined } });

it('prints the assessment as JSON: clause numbers, verdicts, reasons, quotes and departments', () => {
  const { code, stdout, stderr } = cli([file('a.json', exporter)]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const assessment = JSON.parse(stdout);
  expect(assessment.rulebook).toMatchObject({ id: 'demo-packaging', version: '1.2.3' });
  expect(assessment.clauses.map((c: { clause: number; verdict: string }) => [c.clause, c.verdict])).toEqual([
    [1, 'applies'],
    [2, 'for_information'],
    [3, 'applies'],
  ]);
  const share = assessment.clauses[0].supportItems[1];
  expect(share).toMatchObject({ id: 'c1-export-standard', verdict: 'does_not_apply', quotes: ['鼓励出口比重较高的企业采用国际通行的绿色包装标准。'], departments: [{ zh: '市商务局', en: 'Commerce Bureau' }] });
  expect(share.nearMiss).toMatchObject({ question: 'export_share', expected: 50, actual: 30 });
});

it('reads YAML answers and writes a Markdown report in English', () => {
  const yaml = file('a.yaml', 'rulebook: demo-packaging\nanswers:\n  kind: company\n  located_here: true\n  degradable: dont_know\n  exports: false\n');
  const { code, stdout } = cli([yaml, '--format', 'md', '--lang', 'en']);
  expect(code).toBe(0);
  expect(stdout).toContain('# Policy Self-Check report: Demo City Measures on Green Packaging');
  expect(stdout).toContain('- **Date**: January 2, 2026');
  expect(stdout).toContain('| (1) | Supporting green packaging | ? May apply |');
  expect(stdout).toContain('**Still to answer**: Do you use degradable packaging? (you answered “don’t know”)');
  expect(stdout).toContain('> 对使用可降解包装材料的本市企业给予技术指导。');
  expect(stdout).toContain('> **Disclaimer**: For guidance only.');
});

it('writes the Markdown report in Chinese by default, with near misses', () => {
  const { stdout } = cli([file('b.json', exporter), '--format=md']);
  expect(stdout).toContain('# 政策自测报告');
  expect(stdout).toContain('## 差一点适用的支持事项');
  expect(stdout).toContain('如果“出口占销售额的比重”至少 50，则可能适用');
});

it('keeps a name or text answer with line breaks on its line of the Markdown report', () => {
  const name = 'Evil\r\n# Injected\r| x | y |';
  const answers = { rulebook: 'demo-packaging', answers: { kind: 'company', located_here: true, company_name: name } };
  const { code, stdout } = cli([file('inject.json', JSON.stringify(answers)), '--format', 'md', '--lang', 'en']);
  expect(code).toBe(0);
  expect(stdout).toContain('- **Respondent**: Evil # Injected \\| x \\| y \\|\n');
  expect(stdout).toContain('| Evil # Injected \\| x \\| y \\| |');
  expect(stdout.split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1);
  expect(stdout).not.toContain('\r');
});

it('reads a JSON file that starts with a byte-order mark, as Windows editors save it', () => {
  const r = cli([file('bom.json', '\uFEFF' + exporter)]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).rulebook.id).toBe('demo-packaging');
});

it('run through npm from another folder, reads and writes file names relative to that folder', async () => {
  const folder = tempDir('user-folder-');
  copyFileSync(join(process.cwd(), 'rules', 'tianjin-2022', 'examples', 'bicycle-exporter.json'), join(folder, 'mine.json'));
  // npm runs the script in the project's folder and names the user's folder in INIT_CWD.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/assess.ts', 'mine.json', '--format', 'csv', '--out', 'report.csv'], {
    cwd: process.cwd(),
    env: { ...process.env, INIT_CWD: folder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = await once(child, 'exit');
  expect(stderr).toContain('report.csv');
  expect(code).toBe(0);
  expect(readFileSync(join(folder, 'report.csv'), 'utf8')).toMatch(/^\uFEFF/);
  expect(existsSync(join(process.cwd(), 'report.csv'))).toBe(false);
}, 30_000);

it('answers --help with the usage on standard output, and names an empty file, a folder, and a number that is not one', () => {
  // In Chinese unless --lang says otherwise, as everything the command says.
  expect(cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^用法：npm run assess -- <answers\.json/), stderr: '' });
  expect(cliEn(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: npm run assess'), stderr: '' });
  // Batch mode is found from the single file's help.
  expect(cliEn(['--help']).stdout).toContain('\nA file of members: npm run assess -- --batch members.csv … (its options: npm run assess -- --batch --help)\n');
  expect(cliEn([file('empty.yaml', '  \n')])).toMatchObject({ code: 2, stderr: expect.stringContaining('(file): the file is empty') });
  expect(cliEn([dir])).toMatchObject({ code: 2, stderr: `error: cannot read ${dir}: it is a folder, not a file\n` });
  const nan = cliEn([file('nan.yaml', 'rulebook: demo-packaging\nanswers:\n  kind: company\n  staff: .nan\n')]);
  expect(nan).toMatchObject({ code: 2, stderr: expect.stringContaining('answers.staff: expected a number, got NaN') });
});

it('reads YAML written inline on standard input', () => {
  const r = cliEn(['-'], '{rulebook: demo-packaging, answers: {kind: company, located_here: true}}');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).rulebook.id).toBe('demo-packaging');
  expect(cliEn(['-'], '{"rulebook": ').stderr).toContain('not valid JSON');
});

it('reads standard input with -', () => {
  const { code, stdout } = cli(['-'], exporter);
  expect(code).toBe(0);
  expect(JSON.parse(stdout).rulebook.id).toBe('demo-packaging');
});

it('exits 2 with every problem on stderr for an invalid answers file, and no stack trace', () => {
  const { code, stdout, stderr } = cliEn(['-'], JSON.stringify({ rulebook: 'demo-packaging', answers: { kind: 'ngo', staff: -1, wat: 1 } }));
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toBe(
    [
      'error: - is not a valid answers file (3 problems):',
      '  answers.kind: "ngo" is not an option of "kind"; allowed: company, association',
      '  answers.staff: must be at least 0',
      '  answers.wat: no such question in rulebook "demo-packaging"',
      '',
    ].join('\n'),
  );
});

it('exits 2 on malformed JSON, a missing file, and bad options', () => {
  expect(cliEn([file('bad.json', '{"rulebook": ')]).stderr).toMatch(/^error: .*bad\.json is not a valid answers file \(1 problem\):\n {2}\(file\): not valid JSON/);
  // Where, as a person looks for it: the line and column.
  expect(cliEn([file('comma.json', '{\n  "rulebook": "tianjin-2022"\n  "answers": {}\n}\n')]).stderr).toMatch(/\(file\): not valid JSON: .* at position 33 \(line 3, column 3\)\n/);
  expect(cliEn([join(dir, 'nope.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
  expect(cliEn([file('c.json', exporter), '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of json, md, csv, not "pdf"') });
  expect(cliEn([file('c.json', exporter), '--colour'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: unknown option --colour\nUsage: npm run assess/) });
  // A mistake on the command line is told in Chinese unless --lang names English, the usage with it.
  expect(cli([file('d.json', exporter), '--lang', 'fr'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: --lang 只能是 zh, en 之一，不能是“fr”\n用法：npm run assess/) });
  expect(cli([file('d.json', exporter), '--colour'])).toMatchObject({ code: 2, stderr: expect.stringContaining('error: 没有 --colour 这个选项\n') });
  expect(cli([])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: 请指定一个回答文件，或用 - 表示从标准输入读取\n用法：/) });
  expect(cli([join(dir, 'nope.json')])).toMatchObject({ code: 2, stderr: `error: 无法读取 ${join(dir, 'nope.json')}：文件不存在\n` });
  for (const r of [cliEn(['-'], '[1'), cliEn([join(dir, 'nope.json')])]) expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
});

it('says a file that is not text (a photo renamed .json or .yaml) is not text, rather than printing its bytes', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
  for (const name of ['photo.json', 'photo.yaml']) {
    writeFileSync(join(dir, name), png);
    expect(cli([join(dir, name)])).toMatchObject({ code: 2, stderr: `error: ${join(dir, name)} 不是有效的回答文件（1 处问题）：\n  (file): 不是文本文件（可能是图片、PDF 或压缩包）\n` });
  }
  expect(cliEn([join(dir, 'photo.json')]).stderr).toContain('(file): not a text file (an image, a PDF or an archive, perhaps)\n');
});

it('says a file cannot be made in a folder that is there but takes none, rather than that the folder is missing', () => {
  const inProc = OutputError.from('/proc/report.md', Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));
  expect(inProc.say('zh')).toBe('无法写入 /proc/report.md：不能在这个文件夹里创建文件');
  expect(OutputError.from(join(dir, 'gone', 'report.md'), Object.assign(new Error('ENOENT'), { code: 'ENOENT' })).say('en')).toBe(`cannot write ${join(dir, 'gone', 'report.md')}: no such folder`);
});

describe('--format csv and --out', () => {
  it('prints the CSV report, one row per support item, on standard output (no BOM there)', () => {
    const { code, stdout, stderr } = cli([file('e.json', exporter), '--format', 'csv', '--lang', 'en']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF')).toBe(false);
    const rows = readCsv(stdout);
    expect(rows[0]).toEqual(['Clause', 'Clause title', 'Support item id', 'Support item', 'For', 'Verdict', 'Why', 'Responsible departments', 'Policy text']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[5]])).toEqual([
      ['(1)', 'c1-degradable', 'Applies'],
      ['(1)', 'c1-export-standard', 'Does not apply'],
      ['(2)', 'c2-inspections', 'For information'],
      ['(3)', 'c3-association-standards', 'Does not apply'],
      ['(3)', 'c3-small-training', 'Applies'],
    ]);
    expect(rows[2]![6]).toContain('Near misses: Would apply if “Exports as a share of sales” is at least 50');
  });

  it('writes the CSV to a file with a BOM for Excel, says so on stderr, and prints nothing else', () => {
    const out = join(dir, 'report.csv');
    const { code, stdout, stderr } = cli([file('f.json', exporter), '--format=csv', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(readCsv(text)[1]!.slice(0, 6)).toEqual(['（一）', '支持企业使用绿色包装', 'c1-degradable', '可降解包装技术指导', '企业', '适用']);
    expect(stderr).toBe(`已写入 ${out}（CSV，${bytes.length} 字节）\n`);
  });

  it('writes the Markdown report or the JSON assessment to a file with --out too (no BOM)', () => {
    const md = join(dir, 'report.md');
    const r = cli([file('g.json', exporter), '--format', 'md', '--lang', 'en', '--out', md]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toMatch(/^Wrote .*report\.md \(MD, \d+ bytes\)\n$/);
    expect(readFileSync(md, 'utf8')).toContain('# Policy Self-Check report: Demo City Measures on Green Packaging');
    const json = join(dir, 'assessment.json');
    expect(cli([file('h.json', exporter), `--out=${json}`]).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).rulebook.id).toBe('demo-packaging');
  });

  it('exits 2 without a stack trace when the file cannot be written, or would overwrite the answers', () => {
    const missing = cliEn([file('i.json', exporter), '--format', 'csv', '--out', join(dir, 'no-such-folder', 'x.csv')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe(`error: cannot write ${join(dir, 'no-such-folder', 'x.csv')}: no such folder\n`);
    expect(cli([file('i.json', exporter), '--out', join(dir, 'no-such-folder', 'x.csv')]).stderr).toBe(`error: 无法写入 ${join(dir, 'no-such-folder', 'x.csv')}：所在文件夹不存在\n`);
    const answers = file('j.json', exporter);
    const clobber = cliEn([answers, '--out', answers]);
    expect(clobber.code).toBe(2);
    expect(clobber.stderr).toContain(`error: --out ${answers} would overwrite the answers file`);
    expect(cli([answers, '--out', answers]).stderr).toContain(`error: --out ${answers} 会覆盖回答文件\n`);
    const link = join(dir, 'link-to-j.json');
    symlinkSync(answers, link);
    expect(cliEn([answers, '--out', link])).toMatchObject({ code: 2, stderr: expect.stringContaining(`error: --out ${link} would overwrite the answers file`) });
    expect(readFileSync(answers, 'utf8')).toBe(exporter);
    expect(cliEn([answers, '--out', dir])).toMatchObject({ code: 2, stderr: `error: cannot write ${dir}: it is a folder\n` });
    expect(cli([answers, '--out'])).toMatchObject({ code: 2, stderr: expect.stringContaining('error: --out 后面需要一个值\n') });
    for (const r of [missing, clobber]) expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('does not write the file when the answers are invalid', () => {
    const out = join(dir, 'never.csv');
    const r = cli(['-', '--format', 'csv', '--out', out], JSON.stringify({ rulebook: 'demo-packaging', answers: { kind: 'ngo' } }));
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('an assessment file exported by the app', () => {
  const answers = JSON.parse(exporter).answers;
  const exported = () => JSON.parse(exportJson({ rulebook: fixture, assessment: assess(fixture, answers), answers, exportedAt: '2026-01-02T00:00:00.000Z' }));

  it('is assessed again: the same verdicts as the answers file', () => {
    const r = cli([file('k.json', JSON.stringify(exported()))]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(cli([file('l.json', exporter)]).stdout));
  });

  it('made under other rules: says on stderr which clauses changed, was → now', () => {
    const old = exported();
    old.rulebook = { ...old.rulebook, version: '1.0.0', hash: 'a'.repeat(64) };
    old.assessment.clauses[0].verdict = 'possible';
    const r = cli([file('m.json', JSON.stringify(old)), '--format', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `The file was made with rulebook demo-packaging v1.0.0 · aaaaaaaaaaaa; it has been assessed again under the current rulebook demo-packaging v1.2.3 · ${fixture.hash.slice(0, 12)}. These clauses changed:\n` +
        '  (1) Supporting green packaging: May apply → Applies\n',
    );
  });

  it('exits 2 with the problems when it is damaged', () => {
    const bad = exported();
    bad.assessment.clauses = 'none';
    const r = cliEn([file('n.json', JSON.stringify(bad))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: ${join(dir, 'n.json')} is not a valid answers file (1 problem): The assessment file is damaged or was edited (1 problem).\n  assessment.clauses: Invalid input: expected array, received string\n`,
    );
  });
});

it('says what is wrong with the file in the report\'s language, Chinese by default, as the batch mode does', () => {
  expect(cli([join(dir, 'nope.json')])).toMatchObject({ code: 2, stderr: `error: 无法读取 ${join(dir, 'nope.json')}：文件不存在\n` });
  const { code, stderr } = cli(['-'], JSON.stringify({ rulebook: 'demo-packaging', answers: { kind: 'ngo' } }));
  expect(code).toBe(2);
  expect(stderr.split('\n')[0]).toBe('error: - 不是有效的回答文件（1 处问题）：');
  expect(stderr.split('\n')[1]).toMatch(/^ {2}answers\.kind: "ngo" 不是问题“kind”的选项/);
  expect(cli([file('empty.yaml', '  \n')]).stderr).toContain(`(file): ${CHINESE_PROBLEMS.emptyFile}`);
});

it('points a members list given as one answers file to the batch mode', () => {
  expect(cliEn([file('members.csv', 'name,kind\nA,company\n')])).toMatchObject({ code: 2, stderr: `error: ${join(dir, 'members.csv')} is a spreadsheet, not an answers file. To assess a list of members: npm run assess -- --batch ${join(dir, 'members.csv')}\n` });
});
