/**
 * assess(rulebook, answers) → Assessment: a verdict for every support item and every clause, with the
 * reasons behind it (ARCHITECTURE.md "Verdicts"). Pure: the same inputs give the same output.
 */
import type { Answers, Audience, CompiledRulebook, LocalizedText, Measure, SupportItem, Verdict } from '../rulebook/schema.ts';
import { answerStates, type AnswerStates, type MissingAnswer } from './answers-state.ts';
import { cheapestFix, decisiveLeaves, evaluate, leaves, type EvalNode, type LeafTrace, type Truth } from './evaluate.ts';

export type SupportItemResult = {
  id: string;
  audience: Audience;
  title: LocalizedText;
  benefit: LocalizedText;
  quotes: string[];
  /** English renderings of the quotes, when the rulebook gives them. */
  quoteTranslations: string[] | undefined;
  nextSteps: LocalizedText[];
  departments: LocalizedText[];
  verdict: Verdict;
  /** The leaves that decided the verdict: what holds (applies), what is unknown (possible), what fails (does not apply). */
  reasons: LeafTrace[];
  /** Every leaf evaluated: scope, audience and the item's own condition. */
  trace: LeafTrace[];
  /** The leaves of the item's own condition (`when`) only. */
  conditionTrace: LeafTrace[];
  /** For "possible": exactly the answers still needed. */
  missing: MissingAnswer[];
  /** "Does not apply" because one answer differs: that answer ("would apply if …"). */
  nearMiss: LeafTrace | null;
  /** Which part of the condition failed first: the policy's scope, the audience, or the item's own condition. */
  failedAt: 'scope' | 'audience' | 'condition' | null;
};

export type ClauseResult = {
  id: string;
  clause: number;
  section: string;
  title: LocalizedText;
  departments: LocalizedText[];
  verdict: Verdict;
  nearMiss: boolean;
  missing: MissingAnswer[];
  supportItems: SupportItemResult[];
};

export type Assessment = {
  rulebook: { id: string; version: string; hash: string; title: LocalizedText };
  /** Whether the respondent is within the policy's territorial or other scope. */
  inScope: Truth;
  scopeNotice: LocalizedText | null;
  clauses: ClauseResult[];
  counts: Record<Verdict, number>;
};

const RANK: Record<Verdict, number> = { applies: 3, possible: 2, does_not_apply: 1, for_information: 0 };

/** What does not depend on the answers, worked out once per rulebook. */
type Prepared = {
  /** Questions whose answers are circumstances: never suggested as near misses. */
  circumstances: ReadonlySet<string>;
  measures: { measure: Measure; departments: LocalizedText[]; items: { item: SupportItem; departments: LocalizedText[] }[] }[];
};
const prepared = new WeakMap<CompiledRulebook, Prepared>();

function prepare(rulebook: CompiledRulebook): Prepared {
  let p = prepared.get(rulebook);
  if (p) return p;
  const departmentNames = new Map(rulebook.meta.departments.map((d) => [d.id, d.name]));
  const names = (ids: string[]) => ids.map((id) => departmentNames.get(id)).filter((n): n is LocalizedText => n !== undefined);
  p = {
    circumstances: new Set(rulebook.questionnaire.steps.flatMap((s) => s.questions.filter((q) => q.nearMiss === false).map((q) => q.id))),
    measures: rulebook.measures.map((measure) => ({
      measure,
      departments: names(measure.departments),
      items: measure.supportItems.map((item) => ({ item, departments: names(item.departments) })),
    })),
  };
  prepared.set(rulebook, p);
  return p;
}

/** The parts of an item's condition that hold for every item of an audience: scope, then audience. */
type Part = { part: ItemPart; node: EvalNode; leaves: LeafTrace[] };

export function assess(rulebook: CompiledRulebook, answers: Answers): Assessment {
  const states = answerStates(rulebook.questionnaire, answers, rulebook.parameters);
  const { measures, circumstances } = prepare(rulebook);

  const scopeNode = rulebook.meta.scope ? evaluate(rulebook.meta.scope.when, states.lookup) : null;
  const scopePart: Part | null = scopeNode ? { part: 'scope', node: scopeNode, leaves: leaves(scopeNode) } : null;
  // Scope and audience are evaluated once per assessment and shared by the items.
  const sharedParts = new Map<Audience, Part[]>();
  const partsFor = (audience: Audience): Part[] => {
    let parts = sharedParts.get(audience);
    if (!parts) {
      parts = scopePart ? [scopePart] : [];
      const condition = audience === 'government' ? undefined : rulebook.meta.audiences[audience];
      if (condition) {
        const node = evaluate(condition, states.lookup);
        parts.push({ part: 'audience', node, leaves: leaves(node) });
      }
      sharedParts.set(audience, parts);
    }
    return parts;
  };

  const counts: Record<Verdict, number> = { applies: 0, possible: 0, does_not_apply: 0, for_information: 0 };
  const clauses: ClauseResult[] = [];
  for (const { measure, departments, items } of measures) {
    const supportItems: SupportItemResult[] = [];
    let verdict: Verdict = 'for_information';
    let nearMiss = false;
    for (const { item, departments: itemDepartments } of items) {
      const result = assessItem(item, itemDepartments, partsFor(item.audience), states, circumstances);
      supportItems.push(result);
      if (result.verdict !== 'for_information' && (verdict === 'for_information' || RANK[result.verdict] > RANK[verdict])) verdict = result.verdict;
      if (result.nearMiss) nearMiss = true;
    }
    counts[verdict] += 1;
    clauses.push({
      id: measure.id,
      clause: measure.clause,
      section: measure.section,
      title: measure.title,
      departments,
      verdict,
      nearMiss: verdict === 'does_not_apply' && nearMiss,
      missing: verdict === 'possible' ? uniqueMissing(concat(supportItems.filter((i) => i.verdict === 'possible').map((i) => i.missing))) : [],
      supportItems,
    });
  }

  return {
    rulebook: { id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash, title: rulebook.meta.title },
    inScope: scopeNode ? scopeNode.result : true,
    scopeNotice: scopeNode && scopeNode.result !== true ? (rulebook.meta.scope?.notice ?? null) : null,
    clauses,
    counts,
  };
}

const NONE: never[] = [];

/** One object literal with every field, in one order: V8 keeps one shape for all results. */
function itemResult(
  item: SupportItem,
  departments: LocalizedText[],
  verdict: Verdict,
  reasons: LeafTrace[],
  trace: LeafTrace[],
  conditionTrace: LeafTrace[],
  missing: MissingAnswer[],
  nearMiss: LeafTrace | null,
  failedAt: SupportItemResult['failedAt'],
): SupportItemResult {
  return {
    id: item.id,
    audience: item.audience,
    title: item.title,
    benefit: item.benefit,
    quotes: item.quotes,
    quoteTranslations: item.quoteTranslations,
    nextSteps: item.nextSteps,
    departments,
    verdict,
    reasons,
    trace,
    conditionTrace,
    missing,
    nearMiss,
    failedAt,
  };
}

function assessItem(item: SupportItem, departments: LocalizedText[], shared: Part[], states: AnswerStates, circumstances: ReadonlySet<string>): SupportItemResult {
  if (item.audience === 'government') return itemResult(item, departments, 'for_information', [], [], [], [], null, null);

  // The item holds when the respondent is in scope, in the audience, and meets the item's own condition.
  let parts = shared;
  let own: Part | null = null;
  if (item.when) {
    const node = evaluate(item.when, states.lookup);
    own = { part: 'condition', node, leaves: leaves(node) };
    parts = [...shared, own];
  }
  const trace = concat(parts.map((p) => p.leaves));
  const conditionTrace = own ? own.leaves : NONE.slice();

  let failed: Part | null = null;
  let unknown = false;
  for (const p of parts) {
    if (p.node.result === false) {
      failed = p;
      break;
    }
    if (p.node.result === 'unknown') unknown = true;
  }
  if (failed) {
    // A near miss only when the item's own condition is all that fails (never "would apply if you were in Tianjin").
    const fix = failed === own ? cheapestFix(failed.node, true, circumstances) : null;
    return itemResult(item, departments, 'does_not_apply', decisiveLeaves(failed.node, false), trace, conditionTrace, [], fix && fix.cost === 1 ? (fix.leaves[0] ?? null) : null, failed.part);
  }
  if (unknown) {
    const reasons: LeafTrace[] = [];
    for (const p of parts) if (p.node.result === 'unknown') decisiveLeaves(p.node, 'unknown', reasons);
    return itemResult(item, departments, 'possible', reasons, trace, conditionTrace, missingOf(reasons, states), null, null);
  }
  // What made it apply: the item's own condition (scope and audience are the same for every item and stay in the trace).
  const reasons: LeafTrace[] = [];
  for (const p of own ? [own] : parts) decisiveLeaves(p.node, true, reasons);
  return itemResult(item, departments, 'applies', reasons, trace, conditionTrace, [], null, null);
}

type ItemPart = 'scope' | 'audience' | 'condition';

function missingOf(unknownLeaves: LeafTrace[], states: AnswerStates): MissingAnswer[] {
  return uniqueMissing(concat(unknownLeaves.map((leaf) => states.missingFor(leaf.question))));
}

/** Arrays joined into one. (Array.prototype.flatMap is many times slower in V8 and this runs per support item.) */
function concat<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (const list of lists) for (const x of list) out.push(x);
  return out;
}

function uniqueMissing(list: MissingAnswer[]): MissingAnswer[] {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m.question) ? false : (seen.add(m.question), true)));
}
