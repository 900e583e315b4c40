/**
 * The interview as a state machine generated from the rulebook's questionnaire:
 * intro → each visible step → review → results. It routes only: guards ask routing.ts (and through
 * it the engine's show-condition evaluator) where to go; no eligibility logic lives here.
 */
import { assign, setup } from 'xstate';
import type { AnswerValue, Answers, InterviewRulebook } from '@/rulebook/schema';
import { isIncomplete, nextIncompleteStep, nextStep, previousStep, stepById, visibleSteps, type Position } from './routing';

/** Answers from one step; `undefined` clears a question the respondent emptied. */
export type StepAnswers = Record<string, AnswerValue | undefined>;

export type WizardContext = {
  answers: Answers;
  /** Where to return after editing a step from the review or the results. */
  returnTo: 'review' | 'results' | null;
  /** Where `boot` sends the interview: a fresh start, a resumed session, a share link. */
  resumeAt: Position | null;
};

export type WizardEvent =
  | { type: 'wizard.start' }
  | { type: 'answer.change'; answers: StepAnswers }
  | { type: 'answer.submit'; answers: StepAnswers }
  | { type: 'step.back' }
  | { type: 'review.edit'; step: string; returnTo?: 'review' | 'results' }
  | { type: 'review.confirm' }
  | { type: 'results.review' }
  | { type: 'assessment.restart' }
  | { type: 'assessment.restore'; answers: Answers; at: Position }
  /**
   * The browser's Back or Forward: to a screen shown before, with the answers as they are now (`returnTo`: the
   * step was being changed from the review or the results, and returns there).
   */
  | { type: 'history.go'; at: Position; returnTo?: 'review' | 'results' | null };

/** `returnTo`: a step resumed while it was being changed from the review or the results (see WizardContext). */
export type WizardInput = { answers?: Answers; at?: Position; returnTo?: 'review' | 'results' | null };

function merge(answers: Answers, update: StepAnswers): Answers {
  const next: Answers = { ...answers };
  for (const [id, value] of Object.entries(update)) {
    if (value === undefined) delete next[id];
    else next[id] = value;
  }
  return next;
}

export function positionKey(p: Position): string {
  return p.at === 'step' ? `step:${p.step}` : p.at;
}

export function createWizardMachine(rulebook: InterviewRulebook) {
  const stepIds = rulebook.questionnaire.steps.map((s) => s.id);
  const first = stepIds[0]!;

  /** Where a submitted step leads: the next visible step, or back where the edit came from. */
  const afterSubmit = (context: WizardContext, stepId: string, update: StepAnswers): string => {
    const answers = merge(context.answers, update);
    if (context.returnTo) return nextIncompleteStep(rulebook, stepId, answers) ?? context.returnTo;
    return nextStep(rulebook, stepId, answers) ?? 'review';
  };

  const isVisible = (answers: Answers, step: string) => visibleSteps(rulebook, answers).some((s) => s.id === step);
  /** The first visible step (before `before`, when given) still missing a required answer. */
  const firstIncomplete = (answers: Answers, before?: string): string | undefined => {
    const steps = visibleSteps(rulebook, answers);
    const end = before === undefined ? steps.length : steps.findIndex((s) => s.id === before);
    return steps.slice(0, end < 0 ? steps.length : end).find((s) => isIncomplete(rulebook, s, answers))?.id;
  };

  /**
   * Where `boot` goes for a resume position that may no longer exist or be visible. A step comes after the
   * steps before it are answered, as when it was first reached: a step whose earlier steps miss answers (Forward
   * after "start again", a rulebook with a new question) gives way to the first of them; so do the review and the
   * results (Back to them after an answer changed opened a new question).
   */
  const resumeTarget = (context: WizardContext): string => {
    const p = context.resumeAt;
    if (!p || p.at === 'intro') return 'intro';
    if (p.at === 'step') {
      if (!stepById(rulebook, p.step)) return first;
      // A step the answers no longer ask (Forward after an answer changed on the way back): where they lead next.
      if (!isVisible(context.answers, p.step)) return firstIncomplete(context.answers) ?? nextStep(rulebook, p.step, context.answers) ?? 'review';
      return firstIncomplete(context.answers, p.step) ?? p.step;
    }
    // The review and the results come after every step, likewise.
    return firstIncomplete(context.answers) ?? p.at;
  };

  /** "Start", or "continue where you left off": the first step missing answers, or the review when none does. */
  const startTarget = (answers: Answers): string => (Object.keys(answers).length === 0 ? first : (firstIncomplete(answers) ?? 'review'));

  const destinations = [...stepIds, 'review', 'results'];
  const targetOf = (d: string) => (d === 'review' || d === 'results' ? `#wizard.${d}` : `#wizard.steps.${d}`);

  /** Editing a step from the review or the results returns there afterwards. */
  const editTransitions = (from: 'review' | 'results') =>
    stepIds.map((d) => ({
      guard: { type: 'editsStep' as const, params: { step: d } },
      target: targetOf(d),
      actions: { type: 'rememberReturn' as const, params: { from } },
    }));

  const stepStates = Object.fromEntries(
    stepIds.map((id) => [
      id,
      {
        on: {
          'answer.submit': destinations.map((d) => ({
            guard: { type: 'submitLeadsTo' as const, params: { from: id, to: d } },
            target: targetOf(d),
            actions: ['mergeAnswers' as const, ...(d === 'review' || d === 'results' ? (['clearReturn'] as const) : [])],
          })),
          'step.back': [
            ...stepIds.map((d) => ({ guard: { type: 'backLeadsTo' as const, params: { from: id, to: d } }, target: targetOf(d) })),
            { target: '#wizard.intro' },
          ],
        },
      },
    ]),
  );

  return setup({
    types: {
      context: {} as WizardContext,
      events: {} as WizardEvent,
      input: {} as WizardInput,
    },
    guards: {
      submitLeadsTo: ({ context, event }, params: { from: string; to: string }) =>
        event.type === 'answer.submit' && afterSubmit(context, params.from, event.answers) === params.to,
      backLeadsTo: ({ context }, params: { from: string; to: string }) => previousStep(rulebook, params.from, context.answers) === params.to,
      resumesAt: ({ context }, params: { to: string }) => resumeTarget(context) === params.to,
      startsAt: ({ context }, params: { to: string }) => startTarget(context.answers) === params.to,
      editsStep: ({ event }, params: { step: string }) => event.type === 'review.edit' && event.step === params.step,
      isLastStep: ({ context }, params: { step: string }) => visibleSteps(rulebook, context.answers).at(-1)?.id === params.step,
    },
    actions: {
      mergeAnswers: assign({
        answers: ({ context, event }) => (event.type === 'answer.submit' || event.type === 'answer.change' ? merge(context.answers, event.answers) : context.answers),
      }),
      clearReturn: assign({ returnTo: null }),
      rememberReturn: assign({
        returnTo: ({ event }, params: { from: 'review' | 'results' }) => (event.type === 'review.edit' ? (event.returnTo ?? params.from) : null),
      }),
    },
  }).createMachine({
    id: 'wizard',
    context: ({ input }) => ({ answers: input.answers ?? {}, returnTo: input.at?.at === 'step' ? (input.returnTo ?? null) : null, resumeAt: input.at ?? null }),
    initial: 'boot',
    on: {
      'answer.change': { actions: 'mergeAnswers' },
      'assessment.restart': { target: '.intro', actions: assign({ answers: {}, returnTo: null, resumeAt: null }) },
      'assessment.restore': {
        target: '.boot',
        actions: assign(({ event }) => ({ answers: event.answers, returnTo: null, resumeAt: event.at })),
      },
      // As a resumed session: a step no longer shown for these answers gives way (see resumeTarget); the review
      // and the results of no answers at all (Back after "start again") give way to the intro.
      'history.go': {
        target: '.boot',
        actions: assign(({ context, event }) => ({
          // Back to a step being changed from the review or the results: it returns there again (while it is asked,
          // and the steps before it are answered: not after "start again").
          returnTo:
            event.at.at === 'step' && Object.keys(context.answers).length > 0 && isVisible(context.answers, event.at.step) && !firstIncomplete(context.answers, event.at.step)
              ? (event.returnTo ?? null)
              : null,
          resumeAt: (event.at.at === 'review' || event.at.at === 'results') && Object.keys(context.answers).length === 0 ? { at: 'intro' as const } : event.at,
        })),
      },
    },
    states: {
      boot: {
        always: ['intro', ...destinations].map((d) => ({
          guard: { type: 'resumesAt' as const, params: { to: d } },
          target: d === 'intro' ? '#wizard.intro' : targetOf(d),
        })),
      },
      intro: {
        on: {
          'wizard.start': destinations.map((d) => ({ guard: { type: 'startsAt' as const, params: { to: d } }, target: targetOf(d) })),
        },
      },
      steps: {
        initial: first,
        states: stepStates,
      },
      review: {
        on: {
          'review.confirm': { target: 'results' },
          'step.back': [
            ...stepIds.map((d) => ({ guard: { type: 'isLastStep' as const, params: { step: d } }, target: targetOf(d) })),
            { target: '#wizard.intro' },
          ],
          'review.edit': editTransitions('review'),
        },
      },
      results: {
        on: {
          'results.review': { target: 'review' },
          'review.edit': editTransitions('results'),
        },
      },
    },
  });
}

export type WizardMachine = ReturnType<typeof createWizardMachine>;

/** The screen a snapshot value stands for. */
export function positionOf(value: unknown): Position {
  if (typeof value === 'object' && value !== null && 'steps' in value) return { at: 'step', step: String((value as { steps: string }).steps) };
  if (value === 'review' || value === 'results' || value === 'intro') return { at: value };
  return { at: 'intro' };
}
