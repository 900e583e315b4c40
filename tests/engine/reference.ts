/**
 * The engine as it was before the compiled plan (src/engine/plan.ts): answerStates and assess written
 * directly over the reference evaluator (evaluate, decisiveLeaves, cheapestFix in src/engine/evaluate.ts),
 * one condition at a time. Slow and plain, it is the specification the fast engine is checked against
 * (tests/engine/plan.test.ts). Not used by the app.
 *
 * It builds on evaluate.ts, which gives each leaf trace its polarity (LeafTrace.negated: under an odd number of
 * `not`s; its result as the condition uses it) while the nodes of the evaluated tree keep the comparison's own
 * result, which decisiveLeaves and cheapestFix walk. So that the oracle does not merely repeat evaluate.ts on
 * that point, plan.test.ts also checks the polarity on its own: against each condition as written, and
 * against the verdicts (every reason reads as its item's verdict says, a near miss as failing).
 */
import { cheapestFix, decisiveLeaves, evaluate, leaves, type AnswerState, type EvalNode, type LeafTrace, type Truth } from '@/engine';
import type { Assessment, ClauseResult, SupportItemResult } from '@/engine';
import type { MissingAnswer } from '@/engine';
import { DONT_KNOW } from '@/rulebook/conditions';
import type { AnswerValue, Answers, Audience, CompiledRulebook, Condition, LocalizedText, ParameterTable, Questionnaire, SupportItem, Verdict } from '@/rulebook/schema';

export type ReferenceStates = {
  visibility: Map<string, Truth>;
  stepVisibility: Map<string, Truth>;
  lookup: (id: string) => AnswerState;
  derived: Map<string, AnswerValue>;
  missingFor(questionId: string): MissingAnswer[];
};

const MISSING: AnswerState = { kind: 'missing' };

export function referenceAnswerStates(questionnaire: Questionnaire, answers: Answers, parameters: ParameterTable[] = []): ReferenceStates {
  const tables = new Map(parameters.map((t) => [t.id, t]));
  const derived = new Map<string, AnswerValue>();
  const visibility = new Map<string, Truth>();
  const stepVisibility = new Map<string, Truth>();
  const showIfNodes = new Map<string, EvalNode[]>();
  const states = new Map<string, AnswerState>();
  const lookup = (id: string) => states.get(id) ?? MISSING;

  for (const step of questionnaire.steps) {
    const stepNode = step.showIf ? evaluate(step.showIf, lookup) : undefined;
    const stepVisible: Truth = stepNode ? stepNode.result : true;
    stepVisibility.set(step.id, stepVisible);
    for (const question of step.questions) {
      const nodes: EvalNode[] = [];
      if (stepNode) nodes.push(stepNode);
      let visible = stepVisible;
      if (question.showIf && visible !== false) {
        const node = evaluate(question.showIf as Condition, lookup);
        nodes.push(node);
        visible = node.result === false ? false : visible === 'unknown' || node.result === 'unknown' ? 'unknown' : true;
      }
      visibility.set(question.id, visible);
      showIfNodes.set(question.id, nodes);
      const table = question.derivedFrom ? tables.get(question.derivedFrom) : undefined;
      let proposal: AnswerValue | undefined;
      for (const row of table?.rows ?? []) {
        const result = evaluate(row.when, lookup).result;
        if (result === 'unknown') break;
        if (result === true) {
          proposal = row.value;
          break;
        }
      }
      if (proposal !== undefined) derived.set(question.id, proposal);
      const given = answers[question.id];
      let state: AnswerState;
      if (given === undefined && proposal !== undefined && visible === true) state = { kind: 'value', value: proposal, derived: true };
      else if (visible === false) state = { kind: 'hidden' };
      else if (visible === 'unknown' || given === undefined) state = MISSING;
      else if (given === DONT_KNOW) state = { kind: 'dont_know' };
      else state = { kind: 'value', value: given };
      states.set(question.id, state);
    }
  }

  function missingFor(questionId: string, seen = new Set<string>()): MissingAnswer[] {
    if (seen.has(questionId)) return [];
    seen.add(questionId);
    const state = lookup(questionId);
    const out: MissingAnswer[] = [];
    if (visibility.get(questionId) === 'unknown') {
      for (const node of showIfNodes.get(questionId) ?? []) if (node.result === 'unknown') for (const leaf of decisiveLeaves(node, 'unknown')) out.push(...missingFor(leaf.question, seen));
      if (answers[questionId] === undefined) out.push({ question: questionId, reason: 'unanswered' });
    } else if (state.kind === 'missing') out.push({ question: questionId, reason: 'unanswered' });
    else if (state.kind === 'dont_know') out.push({ question: questionId, reason: 'dont_know' });
    return out;
  }

  return { visibility, stepVisibility, lookup, derived, missingFor: (id) => missingFor(id) };
}

const RANK: Record<Verdict, number> = { applies: 3, possible: 2, does_not_apply: 1, for_information: 0 };
type Part = { part: 'scope' | 'audience' | 'condition'; node: EvalNode; leaves: LeafTrace[] };

export function referenceAssess(rulebook: CompiledRulebook, answers: Answers): Assessment {
  const states = referenceAnswerStates(rulebook.questionnaire, answers, rulebook.parameters);
  const circumstances = new Set(rulebook.questionnaire.steps.flatMap((s) => s.questions.filter((q) => q.nearMiss === false).map((q) => q.id)));
  const departmentNames = new Map(rulebook.meta.departments.map((d) => [d.id, d.name]));
  const names = (ids: string[]) => ids.map((id) => departmentNames.get(id)).filter((n): n is LocalizedText => n !== undefined);

  const scopeNode = rulebook.meta.scope ? evaluate(rulebook.meta.scope.when, states.lookup) : null;
  const scopePart: Part | null = scopeNode ? { part: 'scope', node: scopeNode, leaves: leaves(scopeNode) } : null;
  // Scope and audience are evaluated once per assessment and shared by the items (the same trace objects).
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
  const clauses: ClauseResult[] = rulebook.measures.map((measure) => {
    const supportItems = measure.supportItems.map((item) => assessItem(item, names(item.departments), partsFor(item.audience), states, circumstances));
    let verdict: Verdict = 'for_information';
    for (const i of supportItems) if (i.verdict !== 'for_information' && (verdict === 'for_information' || RANK[i.verdict] > RANK[verdict])) verdict = i.verdict;
    counts[verdict] += 1;
    return {
      id: measure.id,
      clause: measure.clause,
      section: measure.section,
      title: measure.title,
      departments: names(measure.departments),
      verdict,
      nearMiss: verdict === 'does_not_apply' && supportItems.some((i) => i.nearMiss),
      missing: verdict === 'possible' ? uniqueMissing(supportItems.filter((i) => i.verdict === 'possible').flatMap((i) => i.missing)) : [],
      supportItems,
    };
  });
  return {
    rulebook: { id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash, title: rulebook.meta.title },
    inScope: scopeNode ? scopeNode.result : true,
    scopeNotice: scopeNode && scopeNode.result !== true ? (rulebook.meta.scope?.notice ?? null) : null,
    clauses,
    counts,
  };
}

function assessItem(item: SupportItem, departments: LocalizedText[], shared: Part[], states: ReferenceStates, circumstances: ReadonlySet<string>): SupportItemResult {
  const result = (verdict: Verdict, reasons: LeafTrace[], trace: LeafTrace[], conditionTrace: LeafTrace[], missing: MissingAnswer[], nearMiss: LeafTrace | null, failedAt: SupportItemResult['failedAt']): SupportItemResult => ({
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
  });
  if (item.audience === 'government') return result('for_information', [], [], [], [], null, null);

  let parts = shared;
  let own: Part | null = null;
  if (item.when) {
    const node = evaluate(item.when, states.lookup);
    own = { part: 'condition', node, leaves: leaves(node) };
    parts = [...shared, own];
  }
  const trace = parts.flatMap((p) => p.leaves);
  const conditionTrace = own ? own.leaves : [];
  const failed = parts.find((p) => p.node.result === false);
  if (failed) {
    // A near miss only when the item's own condition is all that fails.
    const fix = failed === own ? cheapestFix(failed.node, true, circumstances) : null;
    return result('does_not_apply', decisiveLeaves(failed.node, false), trace, conditionTrace, [], fix && fix.cost === 1 ? (fix.leaves[0] ?? null) : null, failed.part);
  }
  if (parts.some((p) => p.node.result === 'unknown')) {
    const reasons: LeafTrace[] = [];
    for (const p of parts) if (p.node.result === 'unknown') decisiveLeaves(p.node, 'unknown', reasons);
    return result('possible', reasons, trace, conditionTrace, uniqueMissing(reasons.flatMap((leaf) => states.missingFor(leaf.question))), null, null);
  }
  const reasons: LeafTrace[] = [];
  for (const p of own ? [own] : parts) decisiveLeaves(p.node, true, reasons);
  return result('applies', reasons, trace, conditionTrace, [], null, null);
}

function uniqueMissing(list: MissingAnswer[]): MissingAnswer[] {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m.question) ? false : (seen.add(m.question), true)));
}
