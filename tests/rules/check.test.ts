/**
 * What a rule author sees from `npm run rules:check` beyond loading errors: coverage gaps, cases that
 * refer to what does not exist, and cases whose expected verdicts the engine does not give — each
 * with the file, the line and the path inside it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir';
import { runCases } from '@/rulebook/cases';
import { checkRulebook } from '@/rulebook/check';
import { formatProblems, loadCases, loadRulebook, locator } from '@/rulebook/load';
import { FIXTURE_DIR } from '../engine/helpers';

/** A copy of the fixture rulebook under <tmp>/rules/, with files edited; returns the folder holding rules/. */
function copyWith(edits: Record<string, (text: string) => string> = {}): string {
  const root = tempDir('rules-check-');
  const folder = join(root, 'rules', 'demo-packaging');
  cpSync(FIXTURE_DIR, folder, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) writeFileSync(join(folder, file), edit(readFileSync(join(folder, file), 'utf8')));
  return root;
}

function check(root: string) {
  const folder = join(root, 'rules', 'demo-packaging');
  const rulebook = loadRulebook(folder, root);
  const cases = loadCases(folder, root);
  const locate = locator(folder, root);
  return { problems: formatProblems(checkRulebook(rulebook, cases, locate).problems).split('\n'), run: runCases(rulebook, cases, locate) };
}

const WRONG_ANSWERS = `  - name: A company answering whether its packaging is degradable in words is told its answers are wrong.
    answers: { kind: company, located_here: true, degradable: "yes", exports: false }
    expect:
      clauses: { 1: applies }
`;

const WRONG_REFERENCES = `  - name: A case expecting a clause and a support item the rulebook does not have fails.
    answers: { kind: company, located_here: true, staff: 12 }
    expect:
      clauses:
        1: possible
        7: applies
      nearMiss: [c1-nothing]
`;

it('locates coverage gaps in measures.yaml: an uncited sentence at its measure, a missing translation at its item', () => {
  const root = copyWith({
    'source.zh.txt': (t) => t.replace('市场监管部门定期开展包装抽查。', '市场监管部门定期开展包装抽查。抽查结果向社会公布。'),
    'measures.yaml': (t) => t.replace('        quoteTranslations: ["Market regulators carry out regular spot checks of packaging."]\n', ''),
  });
  expect(check(root).problems).toEqual([
    '  rules/demo-packaging/measures.yaml:35  measures[1].supportItems: clause 2 （二）: no support item quotes "抽查结果向社会公布。" (add an item, or a government item if it binds public bodies only)',
    '  rules/demo-packaging/measures.yaml:35  measures[1].supportItems[0]: c2-inspections: add quoteTranslations (an English rendering of each quote)',
  ]);
});

it('reports a case whose answers the questions refuse once, at the answer, as a failing case that is not run', () => {
  const root = copyWith({ 'cases/basic.yaml': (t) => t + WRONG_ANSWERS });
  const { problems, run } = check(root);
  expect(problems.filter((p) => p.includes('cases[3]'))).toEqual([]);
  expect(run.failed).toBe(1);
  expect(formatProblems(run.problems).split('\n')).toEqual([
    '  rules/demo-packaging/cases/basic.yaml:18  cases[3].answers.degradable: case "A company answering whether its packaging is degradable in words is told its answers are wrong.": expected true or false, got the text "yes" (the case is run once its answers are valid)',
  ]);
});

it('fails a case that refers to a clause or an item that does not exist, at its line', () => {
  const root = copyWith({ 'cases/basic.yaml': (t) => t + WRONG_REFERENCES });
  const name = 'case "A case expecting a clause and a support item the rulebook does not have fails."';
  const { problems, run } = check(root);
  expect(problems.filter((p) => p.includes('cases[3]'))).toEqual([]);
  expect(run.failed).toBe(1);
  expect(formatProblems(run.problems).split('\n')).toEqual([
    `  rules/demo-packaging/cases/basic.yaml:22  cases[3].expect.clauses.7: ${name}: clause 7: expected applies, got nothing (no measure for clause 7)`,
    `  rules/demo-packaging/cases/basic.yaml:23  cases[3].expect.nearMiss[0]: ${name}: c1-nothing: expected a near miss, got nothing (no support item "c1-nothing")`,
  ]);
});

it('runs the cases and names each failing one with its file, line, clause or item, and expected vs actual verdict', () => {
  const root = copyWith({
    'cases/basic.yaml': (t) =>
      t
        .replace('clauses: { 1: applies, 2: for_information, 3: applies }', 'clauses: { 1: possible, 2: for_information, 3: applies }')
        .replace('c3-association-standards: does_not_apply', 'c3-association-standards: applies')
        .replace('missing: { c1-degradable: [degradable], c3-small-training: [size] }', 'missing: { c1-degradable: [degradable, exports] }')
        .replace('nearMiss: [c1-export-standard, c1-degradable]', 'nearMiss: [c1-export-standard, c2-inspections]'),
  });
  const { run } = check(root);
  expect(run.passed).toBe(0);
  expect(run.failed).toBe(3);
  const first = 'case "A local company using degradable packaging and exporting most of its sales gets both clause 1 items."';
  expect(formatProblems(run.problems).split('\n')).toEqual([
    `  rules/demo-packaging/cases/basic.yaml:5  cases[0].expect.clauses.1: ${first}: clause 1: expected possible, got applies`,
    `  rules/demo-packaging/cases/basic.yaml:6  cases[0].expect.items.c3-association-standards: ${first}: c3-association-standards: expected applies, got does_not_apply`,
    '  rules/demo-packaging/cases/basic.yaml:11  cases[1].expect.missing.c1-degradable: case "A company that does not know whether its packaging is degradable is told clause 1 may apply and what is missing.": c1-degradable: expected missing answers [degradable, exports], got [degradable] (verdict possible)',
    '  rules/demo-packaging/cases/basic.yaml:16  cases[2].expect.nearMiss[1]: case "An exporter just below the export share is a near miss.": c2-inspections: expected a near miss, got none (verdict for_information)',
  ]);
});

it('names the case a case shares its name with, in another file', () => {
  const root = copyWith();
  const basic = readFileSync(join(root, 'rules', 'demo-packaging', 'cases', 'basic.yaml'), 'utf8');
  writeFileSync(join(root, 'rules', 'demo-packaging', 'cases', 'more.yaml'), `cases:\n${basic.split('cases:\n')[1]!.split('  - name:').slice(0, 2).join('  - name:')}`);
  expect(check(root).problems).toEqual([
    '  rules/demo-packaging/cases/more.yaml:2  cases[0].name: case "A local company using degradable packaging and exporting most of its sales gets both clause 1 items.": another case has this name: cases/basic.yaml, cases[0]',
  ]);
});

describe('npm run rules:check', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const script = join(process.cwd(), 'scripts', 'rules-check.ts');
  const rulesCheck = (root: string) => spawnSync(tsx, [script], { cwd: root, encoding: 'utf8' });

  it('runs the scenario cases and says how many passed', () => {
    const result = rulesCheck(copyWith());
    expect(result.stdout).toContain('\nAll 3 scenario cases pass.\n');
    expect(result.status).toBe(0);
  });

  it('checks the drafts PSC_RULES_DIR names, and says which folder it checked', () => {
    const root = copyWith({ 'cases/basic.yaml': (t) => t.replace('clauses: { 1: does_not_apply, 3: does_not_apply }', 'clauses: { 1: does_not_apply, 3: applies }') });
    const result = spawnSync(tsx, [script], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, PSC_RULES_DIR: join(root, 'rules') } });
    expect(result.stdout.startsWith(`Rulebooks in ${join(root, 'rules')}\n`)).toBe(true);
    expect(result.stdout).toContain('Failing cases: 1 of 3 (2 passed):');
    expect(result.status).toBe(1);
  });

  it('says what it has not checked yet when a file does not fit its schema, so that a clean second run is not taken for a pass', () => {
    const result = rulesCheck(copyWith({ 'measures.yaml': (t) => t.replace(/clause: 1\b/, 'clause: "one"') }));
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-3)).toMatch(/measures\.yaml:\d+ {2}measures\[0\]\.clause: /);
    expect(lines.slice(-2)).toEqual([
      'Not checked until these are fixed: the ids, the references between the files and the quotes against the source text, the example answers files (examples/*.json).',
      'The coverage table and the scenario cases come once the rulebook and its cases load.',
    ]);
    expect(result.status).toBe(1);
  });

  it('ends with how each rulebook fared when there are several, so that the last one passing does not read as a pass', () => {
    const root = copyWith();
    // A policy started as a copy of the first, its id not yet changed: listed first, its problem scrolls away.
    cpSync(join(root, 'rules', 'demo-packaging'), join(root, 'rules', 'another-policy'), { recursive: true });
    const result = rulesCheck(root);
    expect(result.stdout.trim().split('\n').slice(-3)).toEqual(['Summary:', '  ✗ another-policy: invalid, 1 problem (not checked further)', '  ✓ demo-packaging: valid, all 3 cases pass']);
    expect(result.status).toBe(1);
  });

  it('reports a failing case with its file and line, and exits 1', () => {
    const result = rulesCheck(copyWith({ 'cases/basic.yaml': (t) => t.replace('clauses: { 1: does_not_apply, 3: does_not_apply }', 'clauses: { 1: does_not_apply, 3: applies }') }));
    expect(result.stdout).toContain(
      'Failing cases: 1 of 3 (2 passed):\n  rules/demo-packaging/cases/basic.yaml:15  cases[2].expect.clauses.3: case "An exporter just below the export share is a near miss.": clause 3: expected applies, got does_not_apply\n',
    );
    expect(result.status).toBe(1);
  });

  it('reports a case naming a clause or an item the rulebook does not have once, with its file and line', () => {
    const result = rulesCheck(copyWith({ 'cases/basic.yaml': (t) => t + WRONG_REFERENCES }));
    const name = 'case "A case expecting a clause and a support item the rulebook does not have fails."';
    const lines = result.stdout.split('\n');
    expect(lines.filter((l) => l.includes('clause 7'))).toEqual([`  rules/demo-packaging/cases/basic.yaml:22  cases[3].expect.clauses.7: ${name}: clause 7: expected applies, got nothing (no measure for clause 7)`]);
    expect(lines.filter((l) => l.includes('c1-nothing'))).toEqual([`  rules/demo-packaging/cases/basic.yaml:23  cases[3].expect.nearMiss[0]: ${name}: c1-nothing: expected a near miss, got nothing (no support item "c1-nothing")`]);
    expect(result.status).toBe(1);
  });

  it('reports a case whose answers are refused once, as a failing case, and does not run it', () => {
    const result = rulesCheck(copyWith({ 'cases/basic.yaml': (t) => t + WRONG_ANSWERS }));
    expect(result.stdout.split('\n').filter((l) => l.includes('cases[3]'))).toEqual([
      '  rules/demo-packaging/cases/basic.yaml:18  cases[3].answers.degradable: case "A company answering whether its packaging is degradable in words is told its answers are wrong.": expected true or false, got the text "yes" (the case is run once its answers are valid)',
    ]);
    expect(result.stdout).toContain('\nFailing cases: 1 of 4 (3 passed):\n');
    expect(result.status).toBe(1);
  });
});
