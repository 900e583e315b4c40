/**
 * Every scenario case under rules/<rulebook>/cases/*.yaml becomes a test here: the author writes the
 * respondent's answers and the verdicts a policy expert expects; this runner checks the engine agrees.
 */
import { join } from 'node:path';
import { assess } from '@/engine';
import { loadCases, loadRulebook, rulebookFolders } from '@/rulebook/load';

// The real rulebooks and the generic test fixture (tests/fixtures/rules) run through the same runner.
const folders = [...rulebookFolders(join(process.cwd(), 'rules')), ...rulebookFolders(join(process.cwd(), 'tests', 'fixtures', 'rules'))];

for (const folder of folders) {
  const rulebook = loadRulebook(folder);
  const cases = loadCases(folder);

  describe(`${rulebook.meta.id} scenario cases`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const assessment = assess(rulebook, c.answers);
      const clauses = Object.fromEntries(assessment.clauses.map((r) => [String(r.clause), r.verdict]));
      const items = Object.fromEntries(assessment.clauses.flatMap((r) => r.supportItems.map((i) => [i.id, i])));

      const actualClauses = Object.fromEntries(Object.keys(c.expect.clauses).map((n) => [n, clauses[n]]));
      expect(actualClauses, `clause verdicts in ${c.file}`).toEqual(c.expect.clauses);
      const actualItems = Object.fromEntries(Object.keys(c.expect.items).map((id) => [id, items[id]?.verdict]));
      expect(actualItems, `support item verdicts in ${c.file}`).toEqual(c.expect.items);
      for (const id of c.expect.nearMiss) expect(items[id]?.nearMiss, `${id} should be a near miss`).not.toBeNull();
      for (const [id, questions] of Object.entries(c.expect.missing))
        expect(items[id]?.missing.map((m) => m.question), `missing answers of ${id}`).toEqual(questions);
    });
  });
}
