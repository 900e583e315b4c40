/**
 * The interview machine, without React: where each answer leads, back and edit, skip logic per
 * show-condition, restart and restore, and that every screen can be reached.
 */
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { assess } from '@/engine';
import { createWizardMachine, positionOf, type WizardEvent } from '@/features/wizard/machine';
import { fixture } from '../engine/helpers';

const machine = createWizardMachine(fixture);
const start = () => {
  const actor = createActor(machine, { input: {} }).start();
  return actor;
};
const company = { kind: 'company', located_here: true };
const packaging = { degradable: true, exports: true, export_share: 60, staff: 10 };
const where = (actor: ReturnType<typeof start>) => positionOf(actor.getSnapshot().value);
const verdictOf = (answers: Record<string, unknown>, id: string) =>
  assess(fixture, answers as never).clauses.flatMap((c) => c.supportItems).find((i) => i.id === id)?.verdict;

it('starts at the intro and goes to the first step', () => {
  const actor = start();
  expect(where(actor)).toEqual({ at: 'intro' });
  actor.send({ type: 'wizard.start' });
  expect(where(actor)).toEqual({ at: 'step', step: 'who' });
});

it('walks a company through every step to the review and the results', () => {
  const actor = start();
  actor.send({ type: 'wizard.start' });
  actor.send({ type: 'answer.submit', answers: company });
  expect(where(actor)).toEqual({ at: 'step', step: 'packaging' });
  actor.send({ type: 'answer.submit', answers: packaging });
  expect(where(actor)).toEqual({ at: 'review' });
  actor.send({ type: 'review.confirm' });
  expect(where(actor)).toEqual({ at: 'results' });
  expect(actor.getSnapshot().context.answers).toEqual({ ...company, degradable: true, exports: true, export_share: 60, staff: 10 });
});

it('skips a step whose show-condition is false', () => {
  const actor = start();
  actor.send({ type: 'wizard.start' });
  actor.send({ type: 'answer.submit', answers: { kind: 'association', located_here: true } });
  expect(where(actor)).toEqual({ at: 'review' });
  actor.send({ type: 'step.back' });
  expect(where(actor)).toEqual({ at: 'step', step: 'who' });
});

it('keeps answers when going back', () => {
  const actor = start();
  actor.send({ type: 'wizard.start' });
  actor.send({ type: 'answer.submit', answers: company });
  actor.send({ type: 'answer.change', answers: { degradable: false } });
  actor.send({ type: 'step.back' });
  expect(where(actor)).toEqual({ at: 'step', step: 'who' });
  expect(actor.getSnapshot().context.answers).toEqual({ ...company, degradable: false });
  actor.send({ type: 'step.back' });
  expect(where(actor)).toEqual({ at: 'intro' });
});

it('returns to the review after an edit, and drops hidden answers from the assessment until they reappear', () => {
  const actor = start();
  actor.send({ type: 'wizard.start' });
  actor.send({ type: 'answer.submit', answers: company });
  actor.send({ type: 'answer.submit', answers: packaging });
  expect(verdictOf(actor.getSnapshot().context.answers, 'c1-degradable')).toBe('applies');

  actor.send({ type: 'review.edit', step: 'who' });
  expect(where(actor)).toEqual({ at: 'step', step: 'who' });
  actor.send({ type: 'answer.submit', answers: { kind: 'association' } });
  expect(where(actor)).toEqual({ at: 'review' });
  // The packaging step is hidden for an association: its answers do not count...
  expect(verdictOf(actor.getSnapshot().context.answers, 'c1-degradable')).toBe('does_not_apply');
  expect(verdictOf(actor.getSnapshot().context.answers, 'c3-association-standards')).toBe('applies');

  // ...and come back when the step reappears in the same session.
  actor.send({ type: 'review.edit', step: 'who' });
  actor.send({ type: 'answer.submit', answers: { kind: 'company' } });
  expect(where(actor)).toEqual({ at: 'review' });
  expect(verdictOf(actor.getSnapshot().context.answers, 'c1-degradable')).toBe('applies');
});

it('after an edit, asks the steps that became visible and are still unanswered before returning', () => {
  const actor = start();
  actor.send({ type: 'wizard.start' });
  actor.send({ type: 'answer.submit', answers: { kind: 'association', located_here: true } });
  actor.send({ type: 'review.edit', step: 'who' });
  actor.send({ type: 'answer.submit', answers: { kind: 'company' } });
  expect(where(actor)).toEqual({ at: 'step', step: 'packaging' });
  actor.send({ type: 'answer.submit', answers: packaging });
  expect(where(actor)).toEqual({ at: 'review' });
});

it('edits from the results return to the results', () => {
  const actor = createActor(machine, { input: { answers: { ...company, ...packaging }, at: { at: 'results' } } }).start();
  expect(where(actor)).toEqual({ at: 'results' });
  actor.send({ type: 'review.edit', step: 'packaging' });
  actor.send({ type: 'answer.submit', answers: { degradable: false } });
  expect(where(actor)).toEqual({ at: 'results' });
  expect(actor.getSnapshot().context.answers.degradable).toBe(false);
});

it('restarts with no answers', () => {
  const actor = createActor(machine, { input: { answers: company, at: { at: 'review' } } }).start();
  actor.send({ type: 'assessment.restart' });
  expect(where(actor)).toEqual({ at: 'intro' });
  expect(actor.getSnapshot().context.answers).toEqual({});
});

it('restores answers and position, falling back to the first step for a step that is gone or hidden', () => {
  const actor = start();
  actor.send({ type: 'assessment.restore', answers: { ...company }, at: { at: 'step', step: 'packaging' } });
  expect(where(actor)).toEqual({ at: 'step', step: 'packaging' });
  actor.send({ type: 'assessment.restore', answers: { kind: 'association' }, at: { at: 'step', step: 'packaging' } });
  expect(where(actor)).toEqual({ at: 'step', step: 'who' });
  actor.send({ type: 'assessment.restore', answers: {}, at: { at: 'step', step: 'no-such-step' } });
  expect(where(actor)).toEqual({ at: 'step', step: 'who' });
  actor.send({ type: 'assessment.restore', answers: { ...company, ...packaging }, at: { at: 'results' } });
  expect(where(actor)).toEqual({ at: 'results' });
});

it('reaches every step, the review and the results (xstate/graph)', () => {
  const events: WizardEvent[] = [
    { type: 'wizard.start' },
    { type: 'answer.submit', answers: company },
    { type: 'answer.submit', answers: { kind: 'association', located_here: true } },
    { type: 'answer.submit', answers: packaging },
    { type: 'step.back' },
    { type: 'review.confirm' },
    { type: 'review.edit', step: 'who' },
    { type: 'review.edit', step: 'packaging' },
  ];
  const paths = getShortestPaths(machine, { events, input: {}, serializeState: (s: { value: unknown; context: { answers: unknown } }) => JSON.stringify([s.value, s.context.answers]) } as never);
  const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
  expect(reached).toEqual(new Set(['"intro"', '{"steps":"who"}', '{"steps":"packaging"}', '"review"', '"results"']));
});

it('"continue where you left off" goes to the first step still missing answers, or to the review when none does', () => {
  const resumed = (answers: Record<string, unknown>) => {
    const actor = createActor(machine, { input: { answers: answers as never, at: { at: 'intro' } } }).start();
    actor.send({ type: 'wizard.start' });
    return where(actor);
  };
  expect(resumed({})).toEqual({ at: 'step', step: 'who' });
  expect(resumed(company)).toEqual({ at: 'step', step: 'packaging' });
  expect(resumed({ ...company, ...packaging })).toEqual({ at: 'review' });
});

it('Back or Forward to a step whose earlier steps miss answers (after "start again") goes to the first of them', () => {
  const actor = start();
  actor.send({ type: 'history.go', at: { at: 'step', step: 'packaging' } });
  expect(where(actor)).toEqual({ at: 'step', step: 'who' });
  actor.send({ type: 'answer.submit', answers: company });
  actor.send({ type: 'history.go', at: { at: 'step', step: 'who' } });
  actor.send({ type: 'history.go', at: { at: 'step', step: 'packaging' } });
  expect(where(actor)).toEqual({ at: 'step', step: 'packaging' });
});

it('Forward after "start again" to a step that was being changed from the review is a plain step again', () => {
  const actor = start();
  actor.send({ type: 'history.go', at: { at: 'step', step: 'who' }, returnTo: 'review' });
  expect(where(actor)).toEqual({ at: 'step', step: 'who' });
  expect(actor.getSnapshot().context.returnTo).toBeNull();
});
