/**
 * Runs a rulebook's scenario cases (rules/<rulebook>/cases/*.yaml): the author writes a respondent's
 * answers and the verdicts a policy expert expects; this says where the engine disagrees. Shared by
 * `npm run rules:check` and the tests (tests/rules/cases.test.ts).
 */
import { assess } from '../engine/assess.ts';
import { formatPath } from '../engine/answers-file.ts';
import { parseAnswersFile } from '../engine/parse-answers.ts';
import { noLines } from './check.ts';
import type { LoadedCase, Locate, LocatedProblem } from './load.ts';
import type { CompiledRulebook } from './schema.ts';

/** One disagreement, at its path inside the case (e.g. ["expect", "clauses", "5"]). */
export type CaseFailure = { path: (string | number)[]; message: string };

/**
 * Where the engine's assessment of the case's answers differs from what the case expects; none when it passes.
 * Answers the rulebook's questions refuse are the failures: verdicts from them would only add noise.
 */
export function caseFailures(rulebook: CompiledRulebook, c: LoadedCase): CaseFailure[] {
  const parsed = parseAnswersFile([rulebook], { rulebook: rulebook.meta.id, answers: c.answers });
  if (!parsed.ok) return parsed.problems.map((p) => ({ path: pathOf(p.path), message: `${p.message} (the case is run once its answers are valid)` }));
  const assessment = assess(rulebook, c.answers);
  const clauses = new Map(assessment.clauses.map((r) => [String(r.clause), r.verdict]));
  const items = new Map(assessment.clauses.flatMap((r) => r.supportItems.map((i) => [i.id, i])));
  const failures: CaseFailure[] = [];

  for (const [n, expected] of Object.entries(c.expect.clauses)) {
    const actual = clauses.get(n);
    if (actual !== expected) failures.push({ path: ['expect', 'clauses', n], message: `clause ${n}: expected ${expected}, got ${actual ?? `nothing (no measure for clause ${n})`}` });
  }
  for (const [id, expected] of Object.entries(c.expect.items)) {
    const actual = items.get(id)?.verdict;
    if (actual !== expected) failures.push({ path: ['expect', 'items', id], message: `${id}: expected ${expected}, got ${actual ?? `nothing (no support item "${id}")`}` });
  }
  c.expect.nearMiss.forEach((id, k) => {
    const item = items.get(id);
    if (!item) failures.push({ path: ['expect', 'nearMiss', k], message: `${id}: expected a near miss, got nothing (no support item "${id}")` });
    else if (!item.nearMiss) failures.push({ path: ['expect', 'nearMiss', k], message: `${id}: expected a near miss, got none (verdict ${item.verdict})` });
  });
  for (const [id, expected] of Object.entries(c.expect.missing)) {
    const item = items.get(id);
    const actual = item?.missing.map((m) => m.question);
    if (!actual) failures.push({ path: ['expect', 'missing', id], message: `${id}: expected missing answers [${expected.join(', ')}], got nothing (no support item "${id}")` });
    else if (actual.join('\n') !== expected.join('\n'))
      failures.push({ path: ['expect', 'missing', id], message: `${id}: expected missing answers [${expected.join(', ')}], got [${actual.join(', ')}] (verdict ${item!.verdict})` });
  }
  return failures;
}

/** "answers.products[0]" → ["answers", "products", 0]. */
function pathOf(text: string): (string | number)[] {
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

export type CasesRun = { passed: number; failed: number; problems: LocatedProblem[] };

/** Every case of a rulebook; each disagreement names the file, the line, the case and expected vs actual. */
export function runCases(rulebook: CompiledRulebook, cases: LoadedCase[], locate: Locate = noLines): CasesRun {
  const problems: LocatedProblem[] = [];
  let failed = 0;
  for (const c of cases) {
    const failures = caseFailures(rulebook, c);
    if (failures.length > 0) failed += 1;
    for (const f of failures) {
      const path = ['cases', c.index, ...f.path];
      problems.push({ ...locate(c.source, path), path: formatPath(path), message: `case "${c.name}": ${f.message}` });
    }
  }
  return { passed: cases.length - failed, failed, problems };
}
