/**
 * What a rule author sees when a rulebook is wrong: the file, the line, the path inside it and the problem.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir';
import { formatProblems, loadCases, loadRulebook, rulebookFolders, RulebookError } from '@/rulebook/load';
import { FIXTURE_DIR } from '../engine/helpers';

/** A copy of the fixture rulebook with one file edited. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const root = tempDir('rules-');
  const folder = join(root, 'demo-packaging');
  cpSync(FIXTURE_DIR, folder, { recursive: true });
  writeFileSync(join(folder, file), edit(readFileSync(join(folder, file), 'utf8')));
  return folder;
}

function problemsOf(folder: string) {
  try {
    loadRulebook(folder, join(folder, '..'));
  } catch (e) {
    if (e instanceof RulebookError) return e.problems;
    throw e;
  }
  throw new Error('expected the rulebook to be rejected');
}

it('loads the fixture without problems', () => {
  expect(() => loadRulebook(FIXTURE_DIR)).not.toThrow();
});

it('reads the source text the same with Windows line ends or a byte-order mark: same content, same hash', () => {
  const plain = loadRulebook(FIXTURE_DIR);
  const windows = loadRulebook(brokenCopy('source.zh.txt', (text) => '\uFEFF' + text.replace(/\n/g, '\r\n')));
  expect(windows.source).toBe(plain.source);
  expect(windows.hash).toBe(plain.hash);
});

it('finds a rulebook whose rulebook.yaml was saved as rulebook.yml, and says to rename it', () => {
  const folder = brokenCopy('rulebook.yaml', (text) => text);
  renameSync(join(folder, 'rulebook.yaml'), join(folder, 'rulebook.yml'));
  expect(rulebookFolders(join(folder, '..'))).toEqual([folder]);
  expect(problemsOf(folder)).toEqual([expect.objectContaining({ file: 'demo-packaging/rulebook.yaml', message: 'the file is missing (there is rulebook.yml: name it rulebook.yaml)' })]);
});

it('refuses a JSON file in parameters/ or cases/, naming it and saying that only YAML files are read there', () => {
  const folder = brokenCopy('parameters/size-table.yaml', (t) => t);
  renameSync(join(folder, 'parameters', 'size-table.yaml'), join(folder, 'parameters', 'size-table.json'));
  writeFileSync(join(folder, 'cases', 'more.json'), '{ "cases": [] }\n');
  const root = join(folder, '..');
  expect(formatProblems(problemsOf(folder))).toBe(
    '  demo-packaging/parameters/size-table.json  (file): only .yaml and .yml files are read in parameters/: rename it size-table.yaml (JSON is valid YAML) or move it out of the folder',
  );
  let error: unknown;
  try {
    loadCases(folder, root);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RulebookError);
  expect(formatProblems((error as RulebookError).problems)).toBe(
    '  demo-packaging/cases/more.json  (file): only .yaml and .yml files are read in cases/: rename it more.yaml (JSON is valid YAML) or move it out of the folder',
  );
});

it('refuses any other file in parameters/ or cases/ but a README.md, naming it and saying what is read there', () => {
  const folder = brokenCopy('cases/basic.yaml', (t) => t);
  renameSync(join(folder, 'cases', 'basic.yaml'), join(folder, 'cases', 'basic.YAML'));
  writeFileSync(join(folder, 'cases', 'notes.txt'), 'cases still to write\n');
  writeFileSync(join(folder, 'cases', 'README.md'), '# Cases\n');
  mkdirSync(join(folder, 'cases', 'old'));
  // A folder with a YAML file's name is a folder all the same (it was read as a file, and the loader crashed).
  mkdirSync(join(folder, 'cases', 'archive.yaml'));
  mkdirSync(join(folder, 'parameters', 'tables.yml'));
  writeFileSync(join(folder, 'parameters', 'size-table.yaml.bak'), '');
  writeFileSync(join(folder, 'parameters', 'readme.md'), '');
  expect(formatProblems(problemsOf(folder)).split('\n')).toEqual([
    '  demo-packaging/parameters/size-table.yaml.bak  (file): only .yaml and .yml files are read in parameters/ (and a README.md, for notes): move it out of the folder',
    '  demo-packaging/parameters/tables.yml  (folder): only .yaml and .yml files are read in parameters/, not the folders inside it: move its files into parameters/, or the folder out of it',
  ]);
  let error: unknown;
  try {
    loadCases(folder, join(folder, '..'));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RulebookError);
  expect(formatProblems((error as RulebookError).problems).split('\n')).toEqual([
    '  demo-packaging/cases/archive.yaml  (folder): only .yaml and .yml files are read in cases/, not the folders inside it: move its files into cases/, or the folder out of it',
    '  demo-packaging/cases/basic.YAML  (file): only .yaml and .yml files are read in cases/, in lower case: rename it basic.yaml',
    '  demo-packaging/cases/notes.txt  (file): only .yaml and .yml files are read in cases/ (and a README.md, for notes): move it out of the folder',
    '  demo-packaging/cases/old  (folder): only .yaml and .yml files are read in cases/, not the folders inside it: move its files into cases/, or the folder out of it',
  ]);
});

it('reads the example answers files (examples/*.json) and checks each against the questionnaire, naming the file and the path', () => {
  const folder = brokenCopy('source.zh.txt', (t) => t);
  mkdirSync(join(folder, 'examples'));
  const answers = { kind: 'company', located_here: true, exports: true, export_share: 80, staff: 10 };
  writeFileSync(join(folder, 'examples', 'good.json'), JSON.stringify({ rulebook: 'demo-packaging', answers }));
  writeFileSync(join(folder, 'examples', 'notes.md'), 'Read only .json files.');
  expect(loadRulebook(folder, join(folder, '..')).examples).toEqual([{ file: 'good.json', answers }]);

  writeFileSync(join(folder, 'examples', 'bad.json'), JSON.stringify({ rulebook: 'demo-packaging', answers: { ...answers, kind: 'ngo', staff: -1 } }));
  writeFileSync(join(folder, 'examples', 'cut.json'), '{ "rulebook": "demo-packaging", ');
  writeFileSync(join(folder, 'examples', 'copied.json'), JSON.stringify({ rulebook: 'tianjin-2022', answers }));
  expect(formatProblems(problemsOf(folder))).toMatch(
    /^ {2}demo-packaging\/examples\/bad\.json {2}answers\.kind: "ngo" is not an option of .*\n {2}demo-packaging\/examples\/bad\.json {2}answers\.staff: .*\n {2}demo-packaging\/examples\/copied\.json {2}rulebook: "tianjin-2022" should be "demo-packaging": an example in this folder is for the rulebook it holds\n {2}demo-packaging\/examples\/cut\.json {2}\(file\): not valid JSON: .+$/,
  );
});

it('reports a backslash before a quote in a value not in double quotes, which the app would show', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('en: Technical guidance. }', 'en: Technical guidance from the \\"Green\\" desk. }'));
  expect(formatProblems(problemsOf(folder))).toBe(
    '  demo-packaging/measures.yaml:11  measures[0].supportItems[0].benefit.en: a backslash before a quote is shown as it is: write the quote alone, or the whole value in double quotes ("… \\"…\\" …")',
  );
});

it('reports a YAML syntax error with its line', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('  - id: c2\n', '  - id: c2\n   bad: [\n'));
  expect(problemsOf(folder)[0]).toEqual({ file: 'demo-packaging/measures.yaml', line: 30, path: '(syntax)', message: 'Sequence item without - indicator' });
});

it('names a key written twice, in block and in flow style, with its line', () => {
  const block = brokenCopy('measures.yaml', (t) => t.replace('    clause: 2\n', '    clause: 2\n    clause: 3\n'));
  const flow = brokenCopy('measures.yaml', (t) => t.replace('{ answer: degradable, is: true }', '{ answer: degradable, is: true, answer: exports }'));
  expect(formatProblems(problemsOf(block))).toBe('  demo-packaging/measures.yaml:31  (syntax): the key clause is written twice in the same mapping (the parser would keep only one)');
  expect(formatProblems(problemsOf(flow))).toBe('  demo-packaging/measures.yaml:16  (syntax): the key answer is written twice in the same mapping (the parser would keep only one)');
});

it('reports a schema error at its path and line', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('    clause: 2\n', '    clause: two\n'));
  expect(problemsOf(folder)).toEqual([{ file: 'demo-packaging/measures.yaml', line: 30, path: 'measures[1].clause', message: 'Invalid input: expected number, received string' }]);
});

it('names a required field that is missing, at the object that lacks it and its line', () => {
  const noQuotes = brokenCopy('measures.yaml', (t) => t.replace('        quotes: [市场监管部门定期开展包装抽查。]\n', ''));
  const noType = brokenCopy('questionnaire.yaml', (t) => t.replace('        type: boolean\n        label: { zh: 是否位于示例市？', '        label: { zh: 是否位于示例市？'));
  const noEnglish = brokenCopy('measures.yaml', (t) => t.replace('title: { zh: 加强监督检查, en: Inspections }', 'title: { zh: 加强监督检查 }'));
  expect(formatProblems(problemsOf(noQuotes))).toBe('  demo-packaging/measures.yaml:35  measures[1].supportItems[0]: required field `quotes` is missing');
  expect(formatProblems(problemsOf(noType))).toBe('  demo-packaging/questionnaire.yaml:11  steps[0].questions[1]: required field `type` is missing');
  expect(problemsOf(noEnglish)).toEqual([{ file: 'demo-packaging/measures.yaml', line: 32, path: 'measures[1].title', message: 'required field `en` is missing' }]);
});

it('says when a field is written with no value after its colon', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('        quotes: [市场监管部门定期开展包装抽查。]\n', '        quotes:\n'));
  expect(problemsOf(folder)).toEqual([{ file: 'demo-packaging/measures.yaml', line: 39, path: 'measures[1].supportItems[0].quotes', message: '`quotes` has no value (expected array)' }]);
});

it('reports a misspelt comparison in a condition', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('{ answer: degradable, is: true }', '{ answer: degradable, iss: true }'));
  expect(problemsOf(folder).map((p) => [p.path, p.message])).toEqual([
    ['measures[0].supportItems[0].when', 'Unrecognized key: "iss"'],
    ['measures[0].supportItems[0].when', '"answer: degradable" needs one comparison (is, in, includesAny, includesAll, atLeast, atMost, answered)'],
  ]);
});

it('reports a condition on a question that does not exist', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('{ answer: degradable, is: true }', '{ answer: degradeable, is: true }'));
  expect(problemsOf(folder)).toContainEqual({ file: 'demo-packaging/measures.yaml', line: 16, path: 'measures[0].supportItems[0].when.answer', message: 'no question "degradeable" in questionnaire.yaml' });
});

it('reports an option a question does not have, and a comparison that does not fit the question', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('{ answer: size, is: small }', '{ all: [{ answer: size, is: tiny }, { answer: staff, includesAny: [a] }] }'));
  expect(problemsOf(folder).map((p) => p.message)).toEqual(['"tiny" is not an option of "size" (small, large)', '"includesAny" does not fit the number question "staff"']);
});

it('reports a quote that is not verbatim in the source, and where it leaves its clause', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('quotes: [市场监管部门定期开展包装抽查。]', 'quotes: [市场监管部门每月开展包装抽查。]'));
  expect(problemsOf(folder)).toEqual([
    {
      file: 'demo-packaging/measures.yaml',
      line: 39,
      path: 'measures[1].supportItems[0].quotes[0]',
      message: 'not found verbatim in source.zh.txt: "市场监管部门每月开展包装抽查。"; it follows clause 2 as far as "市场监管部门", then the quote has "每月开展包装抽查。" where clause 2 has "定期开展包装抽查。（市市…"',
    },
  ]);
  // A quote whose first character the clause does not have, and one the clause ends before.
  expect(problemsOf(brokenCopy('measures.yaml', (t) => t.replace('quotes: [市场监管部门定期开展包装抽查。]', 'quotes: [每月开展包装抽查。]')))[0]!.message).toBe('not found verbatim in source.zh.txt: "每月开展包装抽查。"; clause 2 has no "每"');
  expect(problemsOf(brokenCopy('measures.yaml', (t) => t.replace('quotes: [市场监管部门定期开展包装抽查。]', 'quotes: [（市市场监管局负责）另有规定。]')))[0]!.message).toBe(
    'not found verbatim in source.zh.txt: "（市市场监管局负责）另有规定。"; it follows clause 2 as far as "（市市场监管局负责）", then the quote has "另有规定。" where clause 2 ends',
  );
});

it('reports a department the clause does not name', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('    departments: [market]\n    supportItems:\n      - id: c2-inspections', '    departments: [commerce]\n    supportItems:\n      - id: c2-inspections'));
  expect(problemsOf(folder).map((p) => p.message)).toEqual(['"市商务局" is not named in clause 2\'s "（…负责）" notes']);
});

it('reports a show-condition that looks ahead, and a question no condition uses', () => {
  const folder = brokenCopy('questionnaire.yaml', (t) => t.replace('showIf: { answer: exports, is: true }', 'showIf: { answer: staff, atLeast: 1 }').replace('        optional: true\n        label: { zh: 员工人数', '        optional: true\n        label: { zh: 员工人数'));
  const messages = problemsOf(folder).map((p) => p.message);
  expect(messages).toContain('a show-condition or a derived answer may only use questions asked before it; "staff" comes later');
});

it('reports an optional question whose label says it is optional, which the app says already', () => {
  const folder = brokenCopy('questionnaire.yaml', (t) => t.replace('        label: { zh: 名称, en: Name }', '        label: { zh: 名称（可选）, en: Name (optional) }'));
  expect(problemsOf(folder).map((p) => p.message)).toEqual(['an optional question\'s label need not say it is optional: the app adds "（选填）" / "(optional)"']);
});

it('reports duplicate ids', () => {
  const folder = brokenCopy('measures.yaml', (t) => t.replace('id: c3-small-training', 'id: c3-association-standards'));
  expect(problemsOf(folder).map((p) => p.message)).toEqual(['support item id "c3-association-standards" is used twice']);
});

it('reports a folder whose name differs from the rulebook id', () => {
  const folder = brokenCopy('rulebook.yaml', (t) => t.replace('id: demo-packaging', 'id: demo-other'));
  expect(problemsOf(folder)).toEqual([{ file: 'demo-packaging/rulebook.yaml', line: 1, path: 'id', message: 'the id "demo-other" must match the folder name "demo-packaging"' }]);
});
