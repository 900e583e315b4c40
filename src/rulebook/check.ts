/**
 * The rulebook checker's verdict on a compiled rulebook and its scenario cases: coverage gaps and
 * case files that refer to things the rulebook does not have. Loading errors are load.ts's business.
 */
import { parseAnswersFile } from '../engine/answers-file.ts';
import { coverageOf, type Coverage } from './coverage.ts';
import type { LoadedCase } from './load.ts';
import type { CompiledRulebook } from './schema.ts';

export type CheckReport = { coverage: Coverage; problems: string[] };

export function checkRulebook(rulebook: CompiledRulebook, cases: LoadedCase[]): CheckReport {
  const coverage = coverageOf(rulebook);
  const problems: string[] = [];
  for (const clause of coverage.missingClauses) problems.push(`measures.yaml: clause ${clause.number} ${clause.label} of the source has no measure`);
  for (const { clause, sentence } of coverage.uncited)
    problems.push(`measures.yaml: clause ${clause.number} ${clause.label}: no support item quotes "${sentence}" (add an item, or a government item if it binds public bodies only)`);

  for (const measure of rulebook.measures)
    for (const item of measure.supportItems)
      if (!item.quoteTranslations) problems.push(`measures.yaml: ${item.id}: add quoteTranslations (an English rendering of each quote)`);

  const itemIds = new Set(rulebook.measures.flatMap((m) => m.supportItems.map((i) => i.id)));
  const clauseNumbers = new Set(rulebook.measures.map((m) => String(m.clause)));
  const names = new Set<string>();
  for (const c of cases) {
    const where = `${c.file}: "${c.name}"`;
    if (names.has(c.name)) problems.push(`${where}: two cases have this name`);
    names.add(c.name);
    const parsed = parseAnswersFile([rulebook], { rulebook: rulebook.meta.id, answers: c.answers });
    if (!parsed.ok) for (const p of parsed.problems) problems.push(`${where}: ${p.path}: ${p.message}`);
    for (const n of Object.keys(c.expect.clauses)) if (!clauseNumbers.has(n)) problems.push(`${where}: expect.clauses: no measure for clause ${n}`);
    for (const id of [...Object.keys(c.expect.items), ...c.expect.nearMiss, ...Object.keys(c.expect.missing)])
      if (!itemIds.has(id)) problems.push(`${where}: expect: no support item "${id}"`);
  }
  return { coverage, problems };
}
