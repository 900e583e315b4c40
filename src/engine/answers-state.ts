/**
 * Which questions are asked for a set of answers, and the state of each answer as the evaluator sees it.
 * A question is asked when its step's and its own show-conditions hold; a show-condition may only refer to
 * earlier questions (the rulebook checker enforces it), so one pass in questionnaire order settles everything.
 */
import { DONT_KNOW } from '../rulebook/conditions.ts';
import type { AnswerValue, Answers, Condition, ParameterRows, Questionnaire } from '../rulebook/schema.ts';
import type { AnswerLookup, AnswerState, Truth } from './evaluate.ts';
import { ConditionPlan, decisiveNodes, evaluateTree, truth, type PlanNode, type QuestionInfo } from './plan.ts';

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
  index: number;
  /** The index of its step's first question: the step's show-condition sees only the questions before it. */
  stepStart: number;
  stepShowIf: PlanNode | null;
  showIf: PlanNode | null;
  table: { value: AnswerValue; when: PlanNode }[] | null;
};

const NO_PARAMETERS: ParameterRows[] = [];
const plans = new WeakMap<Questionnaire, WeakMap<ParameterRows[], QuestionnairePlan>>();

export function questionnairePlan(questionnaire: Questionnaire, parameters: ParameterRows[] = NO_PARAMETERS): QuestionnairePlan {
  let byParameters = plans.get(questionnaire);
  if (!byParameters) plans.set(questionnaire, (byParameters = new WeakMap()));
  let plan = byParameters.get(parameters);
  if (plan) return plan;

  const all = questionnaire.steps.flatMap((s) => s.questions);
  const info: QuestionInfo = { index: new Map(all.map((q, i) => [q.id, i])), circumstances: new Set(all.filter((q) => q.nearMiss === false).map((q) => q.id)) };
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
        index: questions.length,
        stepStart,
        stepShowIf,
        showIf: question.showIf ? conditions.add(question.showIf as Condition, 'ask') : null,
        table: table ? table.rows.map((row) => ({ value: row.value, when: conditions.add(row.when, 'ask') })) : null,
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
  answers: Answers;
  states: AnswerState[];
  visibility: Truth[];
  stepVisibility: Truth[];
  derived: (AnswerValue | undefined)[];
  /** missingFor's answers, worked out once per question. */
  missing: (MissingAnswer[] | undefined)[];
};

export function readAnswers(plan: QuestionnairePlan, answers: Answers): AnswerFrame {
  const n = plan.questions.length;
  const states = new Array<AnswerState>(n);
  const visibility = new Array<Truth>(n);
  const stepVisibility = new Array<Truth>(plan.steps.length);
  const derived = new Array<AnswerValue | undefined>(n);
  for (let s = 0; s < plan.steps.length; s += 1) {
    const step = plan.steps[s]!;
    const stepVisible: Truth = step.showIf ? truth(step.showIf, states, step.start) : true;
    stepVisibility[s] = stepVisible;
    for (const question of step.questions) {
      let visible = stepVisible;
      if (question.showIf && visible !== false) {
        const result = truth(question.showIf, states, question.index);
        visible = result === false ? false : visible === 'unknown' || result === 'unknown' ? 'unknown' : true;
      }
      visibility[question.index] = visible;
      const proposal = question.table ? derive(question.table, states, question.index) : undefined;
      derived[question.index] = proposal;
      // The respondent's own answer wins over the table's proposal.
      const given = answers[question.id];
      states[question.index] = given === undefined && proposal !== undefined && visible === true ? { kind: 'value', value: proposal, derived: true } : stateOf(given, visible);
    }
  }
  return { plan, answers, states, visibility, stepVisibility, derived, missing: new Array<undefined>(n) };
}

/** The first row of the table that holds gives the value; none while an earlier row is still unknown. */
function derive(table: { value: AnswerValue; when: PlanNode }[], states: AnswerState[], before: number): AnswerValue | undefined {
  for (const row of table) {
    const result = truth(row.when, states, before);
    if (result === true) return row.value;
    if (result === 'unknown') return undefined;
  }
  return undefined;
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
    if (frame.answers[questionId] === undefined) out.push({ question: questionId, reason: 'unanswered' });
  } else if (state.kind === 'missing') out.push({ question: questionId, reason: 'unanswered' });
  else if (state.kind === 'dont_know') out.push({ question: questionId, reason: 'dont_know' });
  return out;
}

/** When a show-condition is unknown: the answers missing behind its unknown leaves. */
function missingIn(frame: AnswerFrame, showIf: PlanNode, before: number, seen: Set<string>, out: MissingAnswer[]) {
  const results: Truth[] = [];
  if (evaluateTree(showIf, frame.states, before, results) !== 'unknown') return;
  const leaves: PlanNode[] = [];
  decisiveNodes(showIf, 'unknown', results, leaves);
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

const MISSING: AnswerState = { kind: 'missing' };
const HIDDEN: AnswerState = { kind: 'hidden' };
const DONT_KNOW_STATE: AnswerState = { kind: 'dont_know' };

function stateOf(value: Answers[string] | undefined, visible: Truth): AnswerState {
  if (visible === false) return HIDDEN;
  if (visible === 'unknown' || value === undefined) return MISSING;
  if (value === DONT_KNOW) return DONT_KNOW_STATE;
  return { kind: 'value', value };
}
