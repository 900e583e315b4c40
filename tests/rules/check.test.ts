/**
 * What a rule author sees from `npm run rules:check` beyond loading errors: coverage gaps and cases
 * that refer to what does not exist, each with the file, the line and the path inside it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRulebook } from '@/rulebook/check';
import { formatProblems, loadCases, loadRulebook, locator } from '@/rulebook/load';
import { FIXTURE_DIR } from '../engine/helpers';

/** A copy of the fixture rulebook under <tmp>/rules/, with files edited; returns the folder holding rules/. */
function copyWith(edits: Record<string, (text: string) => string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'rules-check-'));
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
  return { problems: formatProblems(checkRulebook(rulebook, cases, locate).problems).split('\n') };
}

const WRONG_CASE = `  - name: A company answering the number of staff in words is told its answers are wrong.
    answers: { kind: company, located_here: true, staff: many }
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

it('locates a case that refers to a clause or an item that does not exist, or gives an answer of the wrong kind', () => {
  const root = copyWith({ 'cases/basic.yaml': (t) => t + WRONG_CASE });
  const name = 'case "A company answering the number of staff in words is told its answers are wrong."';
  expect(check(root).problems).toEqual([
    `  rules/demo-packaging/cases/basic.yaml:18  cases[3].answers.staff: ${name}: expected a number, got the text "many"`,
    `  rules/demo-packaging/cases/basic.yaml:22  cases[3].expect.clauses.7: ${name}: no measure for clause 7`,
    `  rules/demo-packaging/cases/basic.yaml:23  cases[3].expect.nearMiss[0]: ${name}: no support item "c1-nothing"`,
  ]);
});
