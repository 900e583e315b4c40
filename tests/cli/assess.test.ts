/**
 * The CLI as a user runs it: `npm run assess -- <file> [--format json|md] [--lang zh|en]`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@/cli/assess';

const rulesDir = join(process.cwd(), 'tests', 'fixtures', 'rules');
const dir = mkdtempSync(join(tmpdir(), 'answers-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

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
  expect(stdout).toContain('- **Date**: 2026-01-02');
  expect(stdout).toContain('| （一） | Supporting green packaging | ? May apply |');
  expect(stdout).toContain('**Still to answer**: Do you use degradable packaging?（you answered “don’t know”）');
  expect(stdout).toContain('> 对使用可降解包装材料的本市企业给予技术指导。');
  expect(stdout).toContain('> **Disclaimer**: For guidance only.');
});

it('writes the Markdown report in Chinese by default, with near misses', () => {
  const { stdout } = cli([file('b.json', exporter), '--format=md']);
  expect(stdout).toContain('# 政策自测报告');
  expect(stdout).toContain('## 差一点适用');
  expect(stdout).toContain('如果“出口占销售额的比重”至少 50，则可能适用');
});

it('reads standard input with -', () => {
  const { code, stdout } = cli(['-'], exporter);
  expect(code).toBe(0);
  expect(JSON.parse(stdout).rulebook.id).toBe('demo-packaging');
});

it('exits 2 with every problem on stderr for an invalid answers file, and no stack trace', () => {
  const { code, stdout, stderr } = cli(['-'], JSON.stringify({ rulebook: 'demo-packaging', answers: { kind: 'ngo', staff: -1, wat: 1 } }));
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
  expect(cli([file('bad.json', '{"rulebook": ')]).stderr).toMatch(/^error: .*bad\.json is not a valid answers file \(1 problem\):\n {2}\(file\): not valid JSON/);
  expect(cli([join(dir, 'nope.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
  expect(cli([file('c.json', exporter), '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of json, md, not "pdf"') });
  expect(cli([file('d.json', exporter), '--lang', 'fr'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang must be zh or en') });
  expect(cli([])).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run assess') });
  for (const r of [cli(['-'], '[1'), cli([join(dir, 'nope.json')])]) expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
});
