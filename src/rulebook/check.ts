/**
 * The rulebook checker's verdict on a compiled rulebook and its scenario cases: coverage gaps and cases sharing
 * a name, each with its file, line and path when `locate` (load.ts `locator`) can find them. Loading errors are
 * load.ts's business; a case whose answers the rulebook's questions refuse, or expecting a verdict for a clause
 * or an item the rulebook does not have, is a failing case (cases.ts), reported there only.
 */
import { formatPath } from '../engine/answers-file.ts';
import { coverageOf, type Coverage } from './coverage.ts';
import type { LoadedCase, Locate, LocatedProblem } from './load.ts';
import type { CompiledRulebook } from './schema.ts';

export type CheckReport = { coverage: Coverage; problems: LocatedProblem[] };

/** Without a locator, problems name the file inside the rulebook folder and no line. */
export const noLines: Locate = (name) => ({ file: name });

export function checkRulebook(rulebook: CompiledRulebook, cases: LoadedCase[], locate: Locate = noLines): CheckReport {
  const coverage = coverageOf(rulebook);
  const problems: LocatedProblem[] = [];
  const at = (name: string, path: (string | number)[], message: string) => problems.push({ ...locate(name, path), path: formatPath(path), message });
  const M = 'measures.yaml';
  const measureIndex = (clause: number) => rulebook.measures.findIndex((m) => m.clause === clause);

  for (const clause of coverage.missingClauses) at(M, ['measures'], `clause ${clause.number} ${clause.label} of the source has no measure`);
  for (const { clause, sentence } of coverage.uncited) {
    const m = measureIndex(clause.number);
    at(M, m < 0 ? ['measures'] : ['measures', m, 'supportItems'], `clause ${clause.number} ${clause.label}: no support item quotes "${sentence}" (add an item, or a government item if it binds public bodies only)`);
  }

  rulebook.measures.forEach((measure, m) =>
    measure.supportItems.forEach((item, i) => {
      if (!item.quoteTranslations) at(M, ['measures', m, 'supportItems', i], `${item.id}: add quoteTranslations (an English rendering of each quote)`);
    }),
  );

  const named = new Map<string, LoadedCase>();
  for (const c of cases) {
    const inCase = (path: (string | number)[], message: string) => at(c.source, ['cases', c.index, ...path], `case "${c.name}": ${message}`);
    const first = named.get(c.name);
    if (first) inCase(['name'], `another case has this name: ${first.source}, cases[${first.index}]`);
    else named.set(c.name, c);
  }
  return { coverage, problems };
}
