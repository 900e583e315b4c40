/**
 * npm run rules:check — validate every rulebook under rules/ (or the folder PSC_RULES_DIR names), print its coverage table
 * (clause → support items → quoted sentences) and the sentences nobody cites, and run its scenario
 * cases (cases/*.yaml). Exit 1 on any problem or failing case; each names its file and line.
 */
import { basename, join } from 'node:path';
import { runCases } from '../src/rulebook/cases';
import { checkRulebook } from '../src/rulebook/check';
import { formatProblems, loadCases, loadRulebook, locator, rulebookFolders, RulebookError, rulesDirectory } from '../src/rulebook/load';

const rulesDir = rulesDirectory(join(process.cwd(), 'rules'));
let failed = false;
// Drafts kept elsewhere (PSC_RULES_DIR): say which folder this is.
if (process.env.PSC_RULES_DIR) console.log(`Rulebooks in ${rulesDir}\n`);

const folders = rulebookFolders(rulesDir);
/** One line per rulebook for the closing summary: the end of a long output says how each fared. */
const summary: string[] = [];
if (folders.length === 0) {
  console.error(`✗ no rulebook in ${rulesDir}: each policy is a folder there with a rulebook.yaml`);
  failed = true;
}
for (const folder of folders) {
  try {
    const rulebook = loadRulebook(folder);
    const cases = loadCases(folder);
    const locate = locator(folder);
    const { coverage, problems } = checkRulebook(rulebook, cases, locate);
    const covered = coverage.clauses.filter((c) => c.measure).length;
    const sentences = coverage.clauses.flatMap((c) => c.sentences);
    const cited = sentences.filter((s) => s.citedBy.length > 0).length;
    const items = rulebook.measures.flatMap((m) => m.supportItems);

    console.log(`\n${rulebook.meta.title.zh} — ${rulebook.meta.id} v${rulebook.meta.version} (${rulebook.hash.slice(0, 12)})`);
    console.log(`Clauses with a measure: ${covered}/${coverage.clauses.length} · sentences cited: ${cited}/${sentences.length} · support items: ${items.length} (${items.filter((i) => i.audience === 'government').length} for information) · cases: ${cases.length} · examples: ${rulebook.examples?.length ?? 0}\n`);
    for (const { clause, measure, sentences: list } of coverage.clauses) {
      const supportItems = measure?.supportItems ?? [];
      console.log(`${clause.label} ${clause.heading}  [${measure ? measure.id : 'NO MEASURE'}] ${supportItems.length} support item(s), ${list.filter((s) => s.citedBy.length).length}/${list.length} sentences cited`);
      list.forEach((s, i) => {
        const mark = s.citedBy.length ? '✓' : '✗';
        console.log(`   ${mark} ${String(i + 1).padStart(2)}. ${truncate(s.sentence, 38)}  ← ${s.citedBy.length ? s.citedBy.join(', ') : 'NOT CITED'}`);
      });
    }
    if (coverage.uncited.length > 0) {
      console.log(`\nSentences nobody cites (${coverage.uncited.length}):`);
      for (const u of coverage.uncited) console.log(`   ${u.clause.label} ${u.sentence}`);
    } else console.log('\nEvery sentence of every clause is cited.');
    if (problems.length > 0) {
      failed = true;
      console.log(`\nProblems (${problems.length}):\n${formatProblems(problems)}`);
    }
    const run = runCases(rulebook, cases, locate);
    if (run.failed > 0) {
      failed = true;
      console.log(`\nFailing cases: ${run.failed} of ${cases.length} (${run.passed} passed):\n${formatProblems(run.problems)}`);
    } else console.log(cases.length === 0 ? '\nNo scenario cases (cases/*.yaml).' : cases.length === 1 ? '\nThe one scenario case passes.' : `\nAll ${cases.length} scenario cases pass.`);
    const faults = [plural(problems.length, 'problem'), run.failed > 0 ? `${run.failed} of ${cases.length} cases failing` : ''].filter(Boolean);
    summary.push(faults.length > 0 ? `✗ ${basename(folder)}: ${faults.join(', ')}` : `✓ ${basename(folder)}: valid, ${cases.length === 1 ? 'its one case passes' : `all ${cases.length} cases pass`}`);
  } catch (e) {
    if (!(e instanceof RulebookError)) throw e;
    failed = true;
    console.log(`\n${e.message}\nThe coverage table and the scenario cases come once the rulebook and its cases load.`);
    summary.push(`✗ ${basename(folder)}: invalid, ${plural(e.problems.length, 'problem')} (not checked further)`);
  }
}

// Several rulebooks print pages each: repeat at the end how each fared, so that the last lines never read as a pass.
if (summary.length > 1) console.log(`\nSummary:\n${summary.map((line) => `  ${line}`).join('\n')}`);

function plural(n: number, word: string): string {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}

process.exitCode = failed ? 1 : 0;
