/**
 * Where the interview goes next. Routing only: which steps and questions are shown for the answers so
 * far (the engine's show-condition evaluation decides), never whether a measure applies.
 * A step or question whose show-condition is still unknown is shown: better to ask than to skip.
 */
import { answerStates } from '@/engine/answers-state';
import type { Answers, InterviewRulebook, Question, Step } from '@/rulebook/schema';

export type Position = { at: 'intro' } | { at: 'step'; step: string } | { at: 'review' } | { at: 'results' };

export function visibleSteps(rulebook: InterviewRulebook, answers: Answers): Step[] {
  const states = answerStates(rulebook.questionnaire, answers, rulebook.parameters);
  return rulebook.questionnaire.steps.filter((s) => states.stepVisibility.get(s.id) !== false);
}

export function visibleQuestions(rulebook: InterviewRulebook, step: Step, answers: Answers): Question[] {
  const states = answerStates(rulebook.questionnaire, answers, rulebook.parameters);
  return step.questions.filter((q) => states.visibility.get(q.id) !== false);
}

export function stepById(rulebook: InterviewRulebook, id: string): Step | undefined {
  return rulebook.questionnaire.steps.find((s) => s.id === id);
}

export function stepOfQuestion(rulebook: InterviewRulebook, questionId: string): Step | undefined {
  return rulebook.questionnaire.steps.find((s) => s.questions.some((q) => q.id === questionId));
}

/** The next visible step after `stepId`, or null at the end. */
export function nextStep(rulebook: InterviewRulebook, stepId: string, answers: Answers): string | null {
  const order = rulebook.questionnaire.steps.map((s) => s.id);
  const visible = new Set(visibleSteps(rulebook, answers).map((s) => s.id));
  return order.slice(order.indexOf(stepId) + 1).find((id) => visible.has(id)) ?? null;
}

/** The previous visible step before `stepId`, or null at the start. */
export function previousStep(rulebook: InterviewRulebook, stepId: string, answers: Answers): string | null {
  const order = rulebook.questionnaire.steps.map((s) => s.id);
  const visible = new Set(visibleSteps(rulebook, answers).map((s) => s.id));
  return order.slice(0, Math.max(0, order.indexOf(stepId))).reverse().find((id) => visible.has(id)) ?? null;
}

/** Whether a visible, required question of the step has no answer yet (a derived proposal counts as one). */
export function isIncomplete(rulebook: InterviewRulebook, step: Step, answers: Answers): boolean {
  const states = answerStates(rulebook.questionnaire, answers, rulebook.parameters);
  return step.questions.some((q) => states.visibility.get(q.id) === true && !q.optional && isEmpty(answers[q.id]) && !states.derived.has(q.id));
}

/** After an edit: the first later visible step still missing required answers, else null. */
export function nextIncompleteStep(rulebook: InterviewRulebook, stepId: string, answers: Answers): string | null {
  const order = rulebook.questionnaire.steps.map((s) => s.id);
  return (
    visibleSteps(rulebook, answers)
      .filter((s) => order.indexOf(s.id) > order.indexOf(stepId))
      .find((s) => isIncomplete(rulebook, s, answers))?.id ?? null
  );
}

/** "Step k of n", counted over the steps visible for these answers. */
export function stepProgress(rulebook: InterviewRulebook, stepId: string, answers: Answers): { index: number; total: number } {
  const steps = visibleSteps(rulebook, answers);
  return { index: steps.findIndex((s) => s.id === stepId) + 1, total: steps.length };
}

/** The answers that count: those to questions asked for these answers. */
export function askedAnswers(rulebook: InterviewRulebook, answers: Answers): Answers {
  const states = answerStates(rulebook.questionnaire, answers, rulebook.parameters);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => states.visibility.get(id) !== false));
}

/** Answers as a key: the same for the same answers, whatever the order of the questions or of the choices in a list. */
export function answersKey(answers: Answers): string {
  const entries = Object.keys(answers)
    .filter((k) => answers[k] !== undefined)
    .sort()
    .map((k) => {
      const value = answers[k];
      return [k, Array.isArray(value) ? [...value].sort() : value];
    });
  return JSON.stringify(entries);
}

/**
 * Two sets of answers are the same interview when they answer the questions asked alike: answers kept for
 * questions no longer asked (hidden by a later change, or carried by a file) are not what the user sees.
 */
export function sameAskedAnswers(rulebook: InterviewRulebook, a: Answers, b: Answers): boolean {
  return answersKey(askedAnswers(rulebook, a)) === answersKey(askedAnswers(rulebook, b));
}

function isEmpty(value: Answers[string] | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
