/**
 * assess(rulebook, answers) → Assessment: a verdict for every support item and every clause, with the
 * reasons behind it (ARCHITECTURE.md "Verdicts"). Pure: the same inputs give the same output.
 */
import type { Answers, Audience, CompiledRulebook, LocalizedText, Measure, SupportItem, Verdict } from '../rulebook/schema.ts';
import { missingFor, questionnairePlan, readAnswers, type AnswerFrame, type MissingAnswer, type QuestionnairePlan } from './answers-state.ts';
import type { LeafTrace, Truth } from './evaluate.ts';
import { ConditionPlan, Evaluation, FALSE, TRUTH, UNKNOWN, truth, type PlanNode } from './plan.ts';
import { NOT_FOUND, Recent } from './recent.ts';

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

/**
 * An Assessment is read-only, all the way down: its parts are shared with other assessments of the same
 * rulebook (a support item's or a clause's result with respondents who answered its questions alike, leaf
 * traces with every respondent who gave the same answer) and within it (an item's reasons with the other
 * items decided by the same condition).
 */
export type Assessment = {
  rulebook: { id: string; version: string; hash: string; title: LocalizedText };
  /** Whether the respondent is within the policy's territorial or other scope. */
  inScope: Truth;
  scopeNotice: LocalizedText | null;
  clauses: ClauseResult[];
  counts: Record<Verdict, number>;
};

/**
 * What a batch keeps of a clause (the matrix, the CLI's rows): its verdict, whether it is a near miss, the
 * answers it still needs — as in its ClauseResult, without the support items' results.
 */
export type ClauseVerdict = Pick<ClauseResult, 'id' | 'clause' | 'verdict' | 'nearMiss' | 'missing'>;
/** What a batch keeps of an assessment: assessVerdicts(). */
export type Verdicts = Pick<Assessment, 'inScope' | 'counts'> & { clauses: ClauseVerdict[] };

/**
 * The empty array of every assessment (see Assessment: read-only), frozen so that a change fails loudly.
 */
const NONE: readonly never[] = Object.freeze([]);

/** A clause takes the best verdict of its items: applies, then possible, then does not apply. */
function rank(verdict: Verdict): number {
  return verdict === 'applies' ? 3 : verdict === 'possible' ? 2 : verdict === 'does_not_apply' ? 1 : 0;
}
/** The verdict of each rank. */
const BY_RANK: readonly Verdict[] = ['for_information', 'does_not_apply', 'possible', 'applies'];

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
type PreparedMeasure = Pick<Measure, 'id' | 'clause' | 'section' | 'title'> & {
  departments: LocalizedText[];
  items: PreparedItem[];
  /** Recent results, by the answers to every question its items depend on (see assess). */
  recent: Recent<ClauseResult>;
  /** The same for assessVerdicts. */
  recentVerdicts: Recent<ClauseVerdict>;
};
type PreparedItem = Pick<SupportItem, 'id' | 'audience' | 'title' | 'benefit' | 'quotes' | 'nextSteps'> & {
  quoteTranslations: string[] | undefined;
  departments: LocalizedText[];
  government: boolean;
  /** Scope, audience, own condition, in that order (empty for government items). */
  parts: Part[];
  own: PlanNode | null;
  /** Every leaf of the parts, in order: the item's trace. */
  leaves: PlanNode[];
  /** Government items: their one result, the same for every respondent. */
  constant: SupportItemResult | null;
  /** The questions (by index) whose answers the item's result depends on. */
  key: number[];
  /** Recent results, by the answers to the key's questions (see itemFor). */
  recent: Recent<SupportItemResult>;
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
  // The questions a result depends on, each once; lists first: they have no code, and finding one ends the look-up.
  const keyOf = (questions: number[]) => [...new Set(questions.filter((q) => q >= 0))].sort((a, b) => Number(questionnaire.questions[b]!.list) - Number(questionnaire.questions[a]!.list));
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
    const leaves = parts.flatMap((x) => x.node.leaves);
    const key = keyOf(leaves.map((l) => l.question));
    const p: PreparedItem = {
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
      leaves,
      constant: null,
      key,
      recent: new Recent(key),
    };
    if (p.government) p.constant = itemResult(p, 'for_information', NONE, NONE, NONE, NONE, null, null);
    return p;
  };
  p = {
    questionnaire,
    conditions,
    scope,
    measures: rulebook.measures.map((m) => {
      const items = m.supportItems.map(prepareItem);
      const key = keyOf(items.flatMap((i) => i.key));
      return { id: m.id, clause: m.clause, section: m.section, title: m.title, departments: names(m.departments), items, recent: new Recent(key), recentVerdicts: new Recent(key) };
    }),
  };
  prepared.set(rulebook, p);
  return p;
}

export function assess(rulebook: CompiledRulebook, answers: Answers): Assessment {
  const { questionnaire, conditions, scope, measures } = prepare(rulebook);
  const frame = readAnswers(questionnaire, answers);
  const run: Run = { conditions, frame, evaluation: null, missing: null };

  const clauses = new Array<ClauseResult>(measures.length);
  const { codes } = frame;
  for (let m = 0; m < measures.length; m += 1) {
    // A clause whose questions are answered as by a recent respondent has the same result (results are read-only).
    const measure = measures[m]!;
    const entry = measure.recent.find(codes);
    let clause: ClauseResult;
    if (entry >= 0) clause = measure.recent.value(entry);
    else {
      clause = assessClause(measure, run);
      if (entry === NOT_FOUND && !clause.supportItems.some((i) => i.verdict === 'possible')) measure.recent.remember(clause);
    }
    clauses[m] = clause;
  }

  const inScope = scope ? TRUTH[truth(scope, frame.states, frame.codes, frame.masks, frame.states.length)]! : true;
  return {
    rulebook: { id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash, title: rulebook.meta.title },
    inScope,
    scopeNotice: scope && inScope !== true ? (rulebook.meta.scope?.notice ?? null) : null,
    clauses,
    counts: countVerdicts(clauses),
  };
}

/**
 * Each clause's verdict, near miss and missing answers, and the counts: what assess() gives, without the
 * support items' results (no traces, no reasons), for a batch of many members, which shows only those.
 */
export function assessVerdicts(rulebook: CompiledRulebook, answers: Answers): Verdicts {
  const { questionnaire, conditions, scope, measures } = prepare(rulebook);
  const frame = readAnswers(questionnaire, answers);
  const ev = new Evaluation(conditions, frame.states, frame.codes, frame.masks);
  const run: Run = { conditions, frame, evaluation: ev, missing: null };
  const clauses = new Array<ClauseVerdict>(measures.length);
  for (let m = 0; m < measures.length; m += 1) {
    const measure = measures[m]!;
    const entry = measure.recentVerdicts.find(frame.codes);
    if (entry >= 0) {
      clauses[m] = measure.recentVerdicts.value(entry);
      continue;
    }
    let best = 0;
    let nearMiss = false;
    let missing: MissingAnswer[] | null = null;
    for (const item of measure.items) {
      if (item.government) continue;
      const outcome = judge(item.parts, ev);
      if (outcome === POSSIBLE) {
        best = Math.max(best, 2);
        for (const a of itemMissing(item.parts, run)) (missing ??= []).push(a);
      } else if (outcome === APPLIES) best = 3;
      else {
        best = Math.max(best, 1);
        if (item.parts[outcome]!.node === item.own && ev.nearMiss(item.own) !== null) nearMiss = true;
      }
    }
    const verdict = BY_RANK[best]!;
    const clause: ClauseVerdict = { id: measure.id, clause: measure.clause, verdict, nearMiss: verdict === 'does_not_apply' && nearMiss, missing: verdict === 'possible' ? uniqueMissing(missing!) : NONE };
    if (entry === NOT_FOUND && verdict !== 'possible') measure.recentVerdicts.remember(clause);
    clauses[m] = clause;
  }
  return { inScope: scope ? ev.result(scope) : true, clauses, counts: countVerdicts(clauses) };
}

/** How many clauses have each verdict. (Counted in variables: an object indexed by the verdict is a slow, megamorphic, store in V8.) */
function countVerdicts(clauses: readonly { verdict: Verdict }[]): Record<Verdict, number> {
  let applies = 0;
  let possible = 0;
  let doesNotApply = 0;
  for (const { verdict } of clauses) {
    if (verdict === 'applies') applies += 1;
    else if (verdict === 'possible') possible += 1;
    else if (verdict === 'does_not_apply') doesNotApply += 1;
  }
  return { applies, possible, does_not_apply: doesNotApply, for_information: clauses.length - applies - possible - doesNotApply };
}

/** judge(): the item applies; it may apply (a part is unknown, none fails); else the index of the first part that fails. */
const APPLIES = -2;
const POSSIBLE = -1;

/** An item holds when the respondent is in scope, in the audience, and meets its own condition: its parts, in that order. */
function judge(parts: readonly Part[], ev: Evaluation): number {
  let unknown = false;
  for (let i = 0; i < parts.length; i += 1) {
    const result = ev.value(parts[i]!.node);
    if (result === FALSE) return i;
    if (result === UNKNOWN) unknown = true;
  }
  return unknown ? POSSIBLE : APPLIES;
}

function assessClause(measure: PreparedMeasure, run: Run): ClauseResult {
  const { items } = measure;
  const supportItems = new Array<SupportItemResult>(items.length);
  let verdict: Verdict = 'for_information';
  let nearMiss = false;
  for (let i = 0; i < items.length; i += 1) {
    const result = itemFor(items[i]!, run);
    supportItems[i] = result;
    if (result.verdict !== 'for_information' && (verdict === 'for_information' || rank(result.verdict) > rank(verdict))) verdict = result.verdict;
    if (result.nearMiss) nearMiss = true;
  }
  return {
    id: measure.id,
    clause: measure.clause,
    section: measure.section,
    title: measure.title,
    departments: measure.departments,
    verdict,
    nearMiss: verdict === 'does_not_apply' && nearMiss,
    missing: verdict === 'possible' ? clauseMissing(supportItems) : NONE,
    supportItems,
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

/**
 * One assessment: the answers read, the conditions (evaluated when an item is not remembered; made when first
 * needed), and the missing answers behind each unknown root (by slot; made when first needed).
 */
type Run = { conditions: ConditionPlan; frame: AnswerFrame; evaluation: Evaluation | null; missing: (readonly MissingAnswer[] | undefined)[] | null };

/**
 * An item's result: the same as for a recent respondent who answered the item's questions alike (results are
 * read-only, hence shared). Not remembered: "possible" results, whose missing answers depend on more
 * questions (what decides whether a question is asked); they are rare.
 */
function itemFor(item: PreparedItem, run: Run): SupportItemResult {
  if (item.constant) return item.constant;
  const entry = item.recent.find(run.frame.codes);
  if (entry >= 0) return item.recent.value(entry);
  const result = assessItem(item, run);
  if (entry === NOT_FOUND && result.verdict !== 'possible') item.recent.remember(result);
  return result;
}

function assessItem(prepared: PreparedItem, run: Run): SupportItemResult {
  const { parts, own } = prepared;
  const ev = (run.evaluation ??= new Evaluation(run.conditions, run.frame.states, run.frame.codes, run.frame.masks));

  // The item holds when the respondent is in scope, in the audience, and meets the item's own condition.
  // Its trace: the parts' traces (each made once per assessment) one after the other.
  const trace = new Array<LeafTrace>(prepared.leaves.length);
  let at = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const part = ev.trace(parts[i]!.node);
    for (let j = 0; j < part.length; j += 1) trace[at++] = part[j]!;
  }
  const conditionTrace = own ? ev.trace(own) : NONE;

  const outcome = judge(parts, ev);
  if (outcome >= 0) {
    const failed = parts[outcome]!;
    // A near miss only when the item's own condition is all that fails (never "would apply if you were in Tianjin").
    const nearMiss = failed.node === own ? ev.nearMiss(failed.node) : null;
    return itemResult(prepared, 'does_not_apply', ev.reasons(failed.node), trace, conditionTrace, NONE, nearMiss, failed.part);
  }
  if (outcome === POSSIBLE) {
    // Usually one part is unknown: its reasons are then shared by every item it decides.
    let reasons: readonly LeafTrace[] | null = null;
    for (const p of parts) if (ev.value(p.node) === UNKNOWN) reasons = reasons ? [...reasons, ...ev.reasons(p.node)] : ev.reasons(p.node);
    return itemResult(prepared, 'possible', reasons!, trace, conditionTrace, itemMissing(parts, run), null, null);
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

/** An item that may apply: the answers behind its unknown parts, each named once (usually one part's, shared by every item it decides). */
function itemMissing(parts: readonly Part[], run: Run): readonly MissingAnswer[] {
  let missing: readonly MissingAnswer[] | null = null;
  for (const p of parts) {
    if (run.evaluation!.value(p.node) !== UNKNOWN) continue;
    missing = missing ? uniqueMissing([...missing, ...missingOf(p.node, run)]) : missingOf(p.node, run);
  }
  return missing!;
}

/** The answers behind an unknown root's unknown leaves, each named once. */
function missingOf(root: PlanNode, run: Run): readonly MissingAnswer[] {
  run.missing ??= new Array<undefined>(run.conditions.roots);
  let out = run.missing[root.slot];
  if (!out) {
    const all: MissingAnswer[] = [];
    for (const leaf of run.evaluation!.decisive(root)) for (const m of missingFor(run.frame, leaf.question, leaf.questionId)) all.push(m);
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
