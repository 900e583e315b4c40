/**
 * assess(rulebook, answers) → Assessment: a verdict for every support item and every clause, with the
 * reasons behind it (ARCHITECTURE.md "Verdicts"). Pure: the same inputs give the same output.
 */
import type { Answers, Audience, CompiledRulebook, LocalizedText, Measure, SupportItem, Verdict } from '../rulebook/schema.ts';
import { missingFor, questionnairePlan, readAnswers, type AnswerFrame, type MissingAnswer, type QuestionnairePlan } from './answers-state.ts';
import type { LeafTrace, Truth } from './evaluate.ts';
import { ConditionPlan, Evaluation, type PlanNode } from './plan.ts';

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
  reasons: readonly LeafTrace[];
  /** Every leaf evaluated: scope, audience and the item's own condition. */
  trace: readonly LeafTrace[];
  /** The leaves of the item's own condition (`when`) only. */
  conditionTrace: readonly LeafTrace[];
  /** For "possible": exactly the answers still needed. */
  missing: readonly MissingAnswer[];
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
  missing: readonly MissingAnswer[];
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

/**
 * The arrays of an Assessment are read-only: results share them (an item's reasons with the other items
 * decided by the same condition). The empty one is shared by every assessment, and frozen so that a
 * change fails loudly.
 */
const NONE: readonly never[] = Object.freeze([]);

/** A clause takes the best verdict of its items: applies, then possible, then does not apply. */
function rank(verdict: Verdict): number {
  return verdict === 'applies' ? 3 : verdict === 'possible' ? 2 : verdict === 'does_not_apply' ? 1 : 0;
}

type ItemPart = 'scope' | 'audience' | 'condition';
/** A part of an item's condition: the scope and the audience are shared by many items, the item's own condition (`when`) is its own. */
type Part = { part: ItemPart; node: PlanNode };

/**
 * What does not depend on the answers, worked out once per rulebook. The fields copied from the rulebook's
 * measures and items are read from objects of one shape each (the rulebook's own objects have several, as
 * optional fields come and go), which keeps V8's property loads fast.
 */
type Prepared = {
  questionnaire: QuestionnairePlan;
  /** Scope, audiences and the items' conditions. */
  conditions: ConditionPlan;
  scope: PlanNode | null;
  measures: PreparedMeasure[];
};
type PreparedMeasure = Pick<Measure, 'id' | 'clause' | 'section' | 'title'> & { departments: LocalizedText[]; items: PreparedItem[] };
type PreparedItem = Pick<SupportItem, 'id' | 'audience' | 'title' | 'benefit' | 'quotes' | 'nextSteps'> & {
  quoteTranslations: string[] | undefined;
  departments: LocalizedText[];
  government: boolean;
  /** Scope, audience, own condition, in that order (empty for government items). */
  parts: Part[];
  own: PlanNode | null;
  /** Every leaf of the parts, in order: the item's trace. */
  leaves: PlanNode[];
};
const prepared = new WeakMap<CompiledRulebook, Prepared>();

function prepare(rulebook: CompiledRulebook): Prepared {
  let p = prepared.get(rulebook);
  if (p) return p;
  const questionnaire = questionnairePlan(rulebook.questionnaire, rulebook.parameters);
  const conditions = new ConditionPlan(questionnaire.info);
  const departmentNames = new Map(rulebook.meta.departments.map((d) => [d.id, d.name]));
  const names = (ids: string[]) => ids.map((id) => departmentNames.get(id)).filter((n): n is LocalizedText => n !== undefined);
  // Scope and audiences apart from the items' conditions (see ConditionPlan.add).
  const scope = rulebook.meta.scope ? conditions.root(rulebook.meta.scope.when, 'scope') : null;
  const audiences = new Map<Audience, PlanNode | null>();
  const audience = (a: Audience) => {
    if (!audiences.has(a)) {
      const condition = a === 'government' ? undefined : rulebook.meta.audiences[a];
      audiences.set(a, condition ? conditions.root(condition, 'audience') : null);
    }
    return audiences.get(a)!;
  };
  const prepareItem = (item: SupportItem): PreparedItem => {
    const parts: Part[] = [];
    let own: PlanNode | null = null;
    if (item.audience !== 'government') {
      const audienceNode = audience(item.audience);
      if (scope) parts.push({ part: 'scope', node: scope });
      if (audienceNode) parts.push({ part: 'audience', node: audienceNode });
      if (item.when) {
        own = conditions.root(item.when, 'item');
        parts.push({ part: 'condition', node: own });
      }
    }
    return {
      id: item.id,
      audience: item.audience,
      title: item.title,
      benefit: item.benefit,
      quotes: item.quotes,
      quoteTranslations: item.quoteTranslations,
      nextSteps: item.nextSteps,
      departments: names(item.departments),
      government: item.audience === 'government',
      parts,
      own,
      leaves: parts.flatMap((x) => x.node.leaves),
    };
  };
  p = {
    questionnaire,
    conditions,
    scope,
    measures: rulebook.measures.map((m) => ({ id: m.id, clause: m.clause, section: m.section, title: m.title, departments: names(m.departments), items: m.supportItems.map(prepareItem) })),
  };
  prepared.set(rulebook, p);
  return p;
}

export function assess(rulebook: CompiledRulebook, answers: Answers): Assessment {
  const { questionnaire, conditions, scope, measures } = prepare(rulebook);
  const frame = readAnswers(questionnaire, answers);
  // Every condition evaluated once; the items share the results.
  const ev = new Evaluation(conditions, frame.states);
  const run: Run = { ev, frame, missing: null };

  const counts: Record<Verdict, number> = { applies: 0, possible: 0, does_not_apply: 0, for_information: 0 };
  const clauses: ClauseResult[] = [];
  for (const measure of measures) {
    const { items } = measure;
    const supportItems = new Array<SupportItemResult>(items.length);
    let verdict: Verdict = 'for_information';
    let nearMiss = false;
    for (let i = 0; i < items.length; i += 1) {
      const result = assessItem(items[i]!, run);
      supportItems[i] = result;
      if (result.verdict !== 'for_information' && (verdict === 'for_information' || rank(result.verdict) > rank(verdict))) verdict = result.verdict;
      if (result.nearMiss) nearMiss = true;
    }
    counts[verdict] += 1;
    clauses.push({
      id: measure.id,
      clause: measure.clause,
      section: measure.section,
      title: measure.title,
      departments: measure.departments,
      verdict,
      nearMiss: verdict === 'does_not_apply' && nearMiss,
      missing: verdict === 'possible' ? clauseMissing(supportItems) : NONE,
      supportItems,
    });
  }

  const inScope = scope ? ev.results[scope.id]! : true;
  return {
    rulebook: { id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash, title: rulebook.meta.title },
    inScope,
    scopeNotice: scope && inScope !== true ? (rulebook.meta.scope?.notice ?? null) : null,
    clauses,
    counts,
  };
}

/** One object literal with every field, in one order: V8 keeps one shape for all results. */
function itemResult(
  item: PreparedItem,
  verdict: Verdict,
  reasons: readonly LeafTrace[],
  trace: readonly LeafTrace[],
  conditionTrace: readonly LeafTrace[],
  missing: readonly MissingAnswer[],
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
    departments: item.departments,
    verdict,
    reasons,
    trace,
    conditionTrace,
    missing,
    nearMiss,
    failedAt,
  };
}

/** One assessment: the conditions evaluated, the answers read, and the missing answers behind each unknown root (by slot; made when first needed). */
type Run = { ev: Evaluation; frame: AnswerFrame; missing: (readonly MissingAnswer[] | undefined)[] | null };

function assessItem(prepared: PreparedItem, run: Run): SupportItemResult {
  const { parts, own } = prepared;
  const { ev } = run;
  if (prepared.government) return itemResult(prepared, 'for_information', NONE, NONE, NONE, NONE, null, null);

  // The item holds when the respondent is in scope, in the audience, and meets the item's own condition.
  const { leaves } = prepared;
  const trace = new Array<LeafTrace>(leaves.length);
  for (let i = 0; i < leaves.length; i += 1) trace[i] = ev.traces[leaves[i]!.id]!;
  const conditionTrace = own ? ev.trace(own) : NONE;

  let failed: Part | null = null;
  let unknown = false;
  for (const p of parts) {
    const result = ev.results[p.node.id];
    if (result === false) {
      failed = p;
      break;
    }
    if (result === 'unknown') unknown = true;
  }
  if (failed) {
    // A near miss only when the item's own condition is all that fails (never "would apply if you were in Tianjin").
    const nearMiss = failed.node === own ? ev.nearMiss(failed.node) : null;
    return itemResult(prepared, 'does_not_apply', ev.reasons(failed.node), trace, conditionTrace, NONE, nearMiss, failed.part);
  }
  if (unknown) {
    // Usually one part is unknown: its reasons and missing answers are then shared by every item it decides.
    let reasons: readonly LeafTrace[] | null = null;
    let missing: readonly MissingAnswer[] | null = null;
    for (const p of parts) {
      if (ev.results[p.node.id] !== 'unknown') continue;
      reasons = reasons ? [...reasons, ...ev.reasons(p.node)] : ev.reasons(p.node);
      missing = missing ? uniqueMissing([...missing, ...missingOf(p.node, run)]) : missingOf(p.node, run);
    }
    return itemResult(prepared, 'possible', reasons!, trace, conditionTrace, missing!, null, null);
  }
  // What made it apply: the item's own condition (scope and audience are the same for every item and stay in the trace).
  let reasons: readonly LeafTrace[];
  if (own) reasons = ev.reasons(own);
  else {
    const all: LeafTrace[] = [];
    for (const p of parts) for (const r of ev.reasons(p.node)) all.push(r);
    reasons = all;
  }
  return itemResult(prepared, 'applies', reasons, trace, conditionTrace, NONE, null, null);
}

/** The answers behind an unknown root's unknown leaves, each named once. */
function missingOf(root: PlanNode, run: Run): readonly MissingAnswer[] {
  run.missing ??= new Array<undefined>(run.ev.roots);
  let out = run.missing[root.slot];
  if (!out) {
    const all: MissingAnswer[] = [];
    for (const leaf of run.ev.decisive(root)) for (const m of missingFor(run.frame, leaf.question, leaf.questionId)) all.push(m);
    out = uniqueMissing(all);
    run.missing[root.slot] = out;
  }
  return out;
}

/** A clause that may apply: the answers its possible items still need, each named once. */
function clauseMissing(items: SupportItemResult[]): MissingAnswer[] {
  const all: MissingAnswer[] = [];
  for (const item of items) if (item.verdict === 'possible') for (const m of item.missing) all.push(m);
  return uniqueMissing(all);
}

/** The first of each question, in order. (The lists are short: a scan beats a Set.) */
function uniqueMissing(list: readonly MissingAnswer[]): MissingAnswer[] {
  const out: MissingAnswer[] = [];
  for (const m of list) if (!out.some((o) => o.question === m.question)) out.push(m);
  return out;
}
