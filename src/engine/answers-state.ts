/**
 * Which questions are asked for a set of answers, and the state of each answer as the evaluator sees it.
 * A question is asked when its step's and its own show-conditions hold; a show-condition may only refer to
 * earlier questions (the rulebook checker enforces it), so one pass in questionnaire order settles everything.
 */
import { DONT_KNOW } from '../rulebook/conditions.ts';
import type { AnswerValue, Answers, Condition, ParameterRows, Questionnaire } from '../rulebook/schema.ts';
import type { AnswerLookup, AnswerState, Truth } from './evaluate.ts';
import { NOT_FOUND, Recent } from './recent.ts';
import { ConditionPlan, DONT_KNOW_CODE, FALSE, HIDDEN_CODE, MISSING_CODE, TRUE, TRUTH, UNKNOWN, decisiveNodes, evaluateTree, truth, type PlanNode, type QuestionInfo } from './plan.ts';

export type MissingAnswer = { question: string; reason: 'unanswered' | 'dont_know' };

export type AnswerStates = {
  /** Whether each question is asked: true, false, or unknown while an earlier answer is missing. */
  visibility: Map<string, Truth>;
  /** Whether each step is shown. */
  stepVisibility: Map<string, Truth>;
  lookup: AnswerLookup;
  /** Answers proposed by a parameter table (e.g. a size class from staff and revenue), whether or not the respondent gave one. */
  derived: Map<string, AnswerValue>;
  /** The answers still needed to settle a question's answer: itself, or what decides whether it is asked. */
  missingFor(questionId: string): MissingAnswer[];
};

/** The questionnaire compiled once: questions numbered in order, show-conditions and parameter tables as plan nodes. */
export type QuestionnairePlan = {
  info: QuestionInfo;
  /** `start`: the index of the step's first question. */
  steps: { id: string; showIf: PlanNode | null; start: number; questions: QuestionPlan[] }[];
  questions: QuestionPlan[];
  /** The show-conditions' and tables' nodes (a plan of their own: they are evaluated while the answers are read). */
  conditions: ConditionPlan;
};

type QuestionPlan = {
  id: string;
  /** Its answers are lists (several choices): they have no code. */
  list: boolean;
  /** A list's options as bits (see AnswerFrame.masks); null when it has too many, or is not a list. */
  bits: ReadonlyMap<string, number> | null;
  /** Its answer states, named by codes (see AnswerFrame.codes). */
  codes: AnswerCodes;
  index: number;
  /** The index of its step's first question: the step's show-condition sees only the questions before it. */
  stepStart: number;
  stepShowIf: PlanNode | null;
  showIf: PlanNode | null;
  table: Table | null;
};

/** A parameter table's rows, and its recent proposals by the answers its rows look at (64 rows for an SME size class). */
type Table = { rows: { value: AnswerValue; when: PlanNode }[]; recent: Recent<AnswerValue | undefined> };

const NO_PARAMETERS: ParameterRows[] = [];
const plans = new WeakMap<Questionnaire, WeakMap<ParameterRows[], QuestionnairePlan>>();

export function questionnairePlan(questionnaire: Questionnaire, parameters: ParameterRows[] = NO_PARAMETERS): QuestionnairePlan {
  let byParameters = plans.get(questionnaire);
  if (!byParameters) plans.set(questionnaire, (byParameters = new WeakMap()));
  let plan = byParameters.get(parameters);
  if (plan) return plan;

  const all = questionnaire.steps.flatMap((s) => s.questions);
  // A list's options as bits (up to 31 of them: a mask is a 32-bit integer).
  const bits = new Map(all.filter((q) => q.type === 'multi' && q.options && q.options.length <= 31).map((q) => [q.id, new Map(q.options!.map((o, i) => [String(o.value), i]))]));
  const info: QuestionInfo = { index: new Map(all.map((q, i) => [q.id, i])), circumstances: new Set(all.filter((q) => q.nearMiss === false).map((q) => q.id)), bits };
  const conditions = new ConditionPlan(info);
  const tables = new Map(parameters.map((t) => [t.id, t]));
  const questions: QuestionPlan[] = [];
  const steps = questionnaire.steps.map((step) => {
    const stepShowIf = step.showIf ? conditions.add(step.showIf, 'ask') : null;
    const stepStart = questions.length;
    const own = step.questions.map((question) => {
      const table = question.derivedFrom ? tables.get(question.derivedFrom) : undefined;
      const q: QuestionPlan = {
        id: question.id,
        list: question.type === 'multi',
        bits: bits.get(question.id) ?? null,
        codes: new AnswerCodes(),
        index: questions.length,
        stepStart,
        stepShowIf,
        showIf: question.showIf ? conditions.add(question.showIf as Condition, 'ask') : null,
        table: table ? planTable(table.rows.map((row) => ({ value: row.value, when: conditions.add(row.when, 'ask') })), questions.length) : null,
      };
      questions.push(q);
      return q;
    });
    return { id: step.id, showIf: stepShowIf, start: stepStart, questions: own };
  });
  plan = { info, steps, questions, conditions };
  byParameters.set(parameters, plan);
  return plan;
}

/** One respondent's answers read against a questionnaire plan: arrays indexed like `plan.questions`. */
export type AnswerFrame = {
  plan: QuestionnairePlan;
  /** The answers as given, by question index. */
  given: (AnswerValue | undefined)[];
  states: AnswerState[];
  /**
   * Each answer state named by a number, the same for the same state of the same question in every frame of
   * this plan (-1: not named, when a question has had too many different answers). Results that depend only
   * on some questions' states can be remembered by their codes (assess does, per support item).
   */
  codes: number[];
  /**
   * For a list answer without a code: the options chosen as bits (QuestionInfo.bits; choices that are not
   * options have none), so that includesAny / includesAll are one AND; -1 otherwise.
   */
  masks: number[];
  visibility: Truth[];
  stepVisibility: Truth[];
  derived: (AnswerValue | undefined)[];
  /** missingFor's answers, worked out once per question. */
  missing: (MissingAnswer[] | undefined)[];
};

export function readAnswers(plan: QuestionnairePlan, answers: Answers): AnswerFrame {
  const n = plan.questions.length;
  const states = new Array<AnswerState>(n);
  // A plain array: a typed one costs more to make than it saves here.
  const codes = new Array<number>(n);
  const masks = new Array<number>(n);
  const visibility = new Array<Truth>(n);
  const stepVisibility = new Array<Truth>(plan.steps.length);
  const derived = new Array<AnswerValue | undefined>(n);
  // One pass over the answers rather than a look-up per question: answers objects come in many shapes (one per
  // set of questions answered), which makes V8's look-ups by name slow.
  const given = new Array<AnswerValue | undefined>(n);
  for (const id in answers) {
    const index = plan.info.index.get(id);
    if (index !== undefined) given[index] = answers[id];
  }
  for (let s = 0; s < plan.steps.length; s += 1) {
    const step = plan.steps[s]!;
    const stepVisible = step.showIf ? truth(step.showIf, states, codes, masks, step.start) : TRUE;
    stepVisibility[s] = TRUTH[stepVisible]!;
    for (const question of step.questions) {
      let visible = stepVisible;
      if (question.showIf && visible !== FALSE) {
        const result = truth(question.showIf, states, codes, masks, question.index);
        visible = result === FALSE ? FALSE : visible === UNKNOWN || result === UNKNOWN ? UNKNOWN : TRUE;
      }
      visibility[question.index] = TRUTH[visible]!;
      const proposal = question.table ? derive(question.table, states, codes, masks, question.index) : undefined;
      derived[question.index] = proposal;
      // The respondent's own answer wins over the table's proposal.
      const value = given[question.index];
      let code: number;
      if (value === undefined && proposal !== undefined && visible === TRUE) code = question.codes.value(proposal, true);
      else if (visible === FALSE) code = HIDDEN_CODE;
      else if (visible === UNKNOWN || value === undefined) code = MISSING_CODE;
      else if (value === DONT_KNOW) code = DONT_KNOW_CODE;
      else code = question.codes.value(value, false);
      codes[question.index] = code;
      masks[question.index] = code < 0 && question.bits && Array.isArray(value) ? maskOf(value, question.bits) : -1;
      if (code >= 0) states[question.index] = question.codes.states[code]!;
      else states[question.index] = value === undefined ? { kind: 'value', value: proposal!, derived: true } : { kind: 'value', value };
    }
  }
  return { plan, given, states, codes, masks, visibility, stepVisibility, derived, missing: new Array<undefined>(n) };
}

function planTable(rows: Table['rows'], before: number): Table {
  // The questions before the derived one (later ones are not settled when it is read).
  const key = [...new Set(rows.flatMap((row) => row.when.leaves.map((l) => l.question)))].filter((q) => q >= 0 && q < before);
  return { rows, recent: new Recent(key) };
}

function maskOf(list: readonly unknown[], bits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (let i = 0; i < list.length; i += 1) {
    const bit = typeof list[i] === 'string' ? bits.get(list[i] as string) : undefined;
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask;
}

/** The first row of the table that holds gives the value; none while an earlier row is still unknown. */
function derive(table: Table, states: AnswerState[], codes: number[], masks: number[], before: number): AnswerValue | undefined {
  const entry = table.recent.find(codes);
  if (entry >= 0) return table.recent.value(entry);
  let value: AnswerValue | undefined;
  for (const row of table.rows) {
    const result = truth(row.when, states, codes, masks, before);
    if (result === UNKNOWN) break;
    if (result === TRUE) {
      value = row.value;
      break;
    }
  }
  if (entry === NOT_FOUND) table.recent.remember(value);
  return value;
}

/** The answers still needed to settle a question's answer (`index` -1: the questionnaire has no such question). */
export function missingFor(frame: AnswerFrame, index: number, questionId: string): MissingAnswer[] {
  if (index < 0) return missingAt(frame, index, questionId, new Set());
  let out = frame.missing[index];
  if (!out) {
    out = missingAt(frame, index, questionId, new Set());
    frame.missing[index] = out;
  }
  return out;
}

function missingAt(frame: AnswerFrame, index: number, questionId: string, seen: Set<string>): MissingAnswer[] {
  if (seen.has(questionId)) return [];
  seen.add(questionId);
  if (index < 0) return [{ question: questionId, reason: 'unanswered' }];
  const state = frame.states[index]!;
  const out: MissingAnswer[] = [];
  if (frame.visibility[index] === 'unknown') {
    const question = frame.plan.questions[index]!;
    // What is still unknown in its step's and its own show-condition, as they stood when the question came up.
    if (question.stepShowIf) missingIn(frame, question.stepShowIf, question.stepStart, seen, out);
    if (question.showIf) missingIn(frame, question.showIf, index, seen, out);
    if (frame.given[index] === undefined) out.push({ question: questionId, reason: 'unanswered' });
  } else if (state.kind === 'missing') out.push({ question: questionId, reason: 'unanswered' });
  else if (state.kind === 'dont_know') out.push({ question: questionId, reason: 'dont_know' });
  return out;
}

/** When a show-condition is unknown: the answers missing behind its unknown leaves. */
function missingIn(frame: AnswerFrame, showIf: PlanNode, before: number, seen: Set<string>, out: MissingAnswer[]) {
  const results: number[] = [];
  if (evaluateTree(showIf, frame.states, frame.codes, frame.masks, before, results) !== UNKNOWN) return;
  const leaves: PlanNode[] = [];
  decisiveNodes(showIf, UNKNOWN, (node) => results[node.id]!, leaves);
  for (const leaf of leaves) out.push(...missingAt(frame, leaf.question, leaf.questionId, seen));
}

export function answerStates(questionnaire: Questionnaire, answers: Answers, parameters: ParameterRows[] = NO_PARAMETERS): AnswerStates {
  const plan = questionnairePlan(questionnaire, parameters);
  const frame = readAnswers(plan, answers);
  const visibility = new Map<string, Truth>();
  const derived = new Map<string, AnswerValue>();
  for (const q of plan.questions) {
    visibility.set(q.id, frame.visibility[q.index]!);
    const proposal = frame.derived[q.index];
    if (proposal !== undefined) derived.set(q.id, proposal);
  }
  return {
    visibility,
    stepVisibility: new Map(plan.steps.map((s, i) => [s.id, frame.stepVisibility[i]!])),
    lookup: (id) => {
      const index = plan.info.index.get(id);
      return index === undefined ? MISSING : frame.states[index]!;
    },
    derived,
    missingFor: (id) => missingFor(frame, plan.info.index.get(id) ?? -1, id),
  };
}

const MISSING: AnswerState = Object.freeze({ kind: 'missing' });
const HIDDEN: AnswerState = Object.freeze({ kind: 'hidden' });
const DONT_KNOW_STATE: AnswerState = Object.freeze({ kind: 'dont_know' });
/** Codes are below this: a question names at most this many answer states (numbers could otherwise grow without bound); later ones get -1. */
export const MAX_CODES = 256;

/**
 * One question's answer states, each named by a code: the three without a value first, then each single value
 * (a choice, a yes/no, a number) as it is first seen. Lists (multiple choices) are not named: they have too
 * many combinations for remembering them to pay.
 */
class AnswerCodes {
  /** In the order of their codes: MISSING_CODE, DONT_KNOW_CODE, HIDDEN_CODE, then the values. */
  readonly states: AnswerState[] = [MISSING, DONT_KNOW_STATE, HIDDEN];
  private readonly given = new Map<AnswerValue, number>();
  private readonly derived = new Map<AnswerValue, number>();

  value(value: AnswerValue, derived: boolean): number {
    if (Array.isArray(value)) return -1;
    const map = derived ? this.derived : this.given;
    let code = map.get(value);
    if (code === undefined) {
      if (this.states.length >= MAX_CODES) return -1;
      code = this.states.length;
      this.states.push(Object.freeze(derived ? { kind: 'value', value, derived: true } : { kind: 'value', value }));
      map.set(value, code);
    }
    return code;
  }
}
