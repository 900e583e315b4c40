/**
 * Every scenario case under rules/<rulebook>/cases/*.yaml becomes a test here: the author writes the
 * respondent's answers and the verdicts a policy expert expects; the runner (src/rulebook/cases.ts,
 * which `npm run rules:check` uses too) says where the engine disagrees.
 */
import { join } from 'node:path';
import { caseFailures } from '@/rulebook/cases';
import { loadCases, loadRulebook, rulebookFolders } from '@/rulebook/load';

// The real rulebooks and the generic test fixture (tests/fixtures/rules) run through the same runner.
const folders = [...rulebookFolders(join(process.cwd(), 'rules')), ...rulebookFolders(join(process.cwd(), 'tests', 'fixtures', 'rules'))];

for (const folder of folders) {
  const rulebook = loadRulebook(folder);
  const cases = loadCases(folder);

  describe(`${rulebook.meta.id} scenario cases`, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(caseFailures(rulebook, c).map((f) => f.message), `verdicts in ${c.file}`).toEqual([]);
    });
  });
}
