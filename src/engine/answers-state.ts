/**
 * Which questions are asked for a set of answers, and the state of each answer as the evaluator sees it.
 * A question is asked when its step's and its own show-conditions hold; a show-condition may only refer to
 * earlier questions (the rulebook checker enforces it), so one pass in questionnaire order settles everything.
 */
import { DONT_KNOW } from '../rulebook/conditions.ts';
import type { AnswerValue, Answers, Condition, ParameterTable, Questionnaire } from '../rulebook/schema.ts';
import { decisiveLeaves, evaluate, type AnswerLookup, type AnswerState, type EvalNode, type Truth } from './evaluate.ts';

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

export function answerStates(questionnaire: Questionnaire, answers: Answers, parameters: ParameterTable[] = []): AnswerStates {
  const tables = new Map(parameters.map((t) => [t.id, t]));
  const derived = new Map<string, AnswerValue>();
  const visibility = new Map<string, Truth>();
  const stepVisibility = new Map<string, Truth>();
  const showIfNodes = new Map<string, EvalNode[]>();
  const states = new Map<string, AnswerState>();

  const lookup: AnswerLookup = (id) => states.get(id) ?? MISSING;

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
      const proposal = table ? derive(table, lookup) : undefined;
      if (proposal !== undefined) derived.set(question.id, proposal);
      // The respondent's own answer wins over the table's proposal.
      const given = answers[question.id];
      states.set(question.id, given === undefined && proposal !== undefined && visible === true ? { kind: 'value', value: proposal, derived: true } : stateOf(given, visible));
    }
  }

  function missingFor(questionId: string, seen = new Set<string>()): MissingAnswer[] {
    if (seen.has(questionId)) return [];
    seen.add(questionId);
    const state = lookup(questionId);
    const out: MissingAnswer[] = [];
    if (visibility.get(questionId) === 'unknown') {
      for (const node of showIfNodes.get(questionId) ?? [])
        if (node.result === 'unknown')
          for (const leaf of decisiveLeaves(node, 'unknown')) out.push(...missingFor(leaf.question, seen));
      if (answers[questionId] === undefined) out.push({ question: questionId, reason: 'unanswered' });
    } else if (state.kind === 'missing') out.push({ question: questionId, reason: 'unanswered' });
    else if (state.kind === 'dont_know') out.push({ question: questionId, reason: 'dont_know' });
    return out;
  }

  return { visibility, stepVisibility, lookup, derived, missingFor: (id) => missingFor(id) };
}

/** The first row of the table that holds gives the value; none while an earlier row is still unknown. */
function derive(table: ParameterTable, lookup: AnswerLookup): AnswerValue | undefined {
  for (const row of table.rows) {
    const result = evaluate(row.when, lookup).result;
    if (result === true) return row.value;
    if (result === 'unknown') return undefined;
  }
  return undefined;
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
