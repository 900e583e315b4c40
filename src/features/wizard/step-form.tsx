/**
 * One step of the interview: a react-hook-form form whose zod schema is derived from the questions
 * visible for the answers so far (including answers given higher up in the same step).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from '@/i18n/react';
import { answerStates } from '@/engine/answers-state';
import { localize } from '@/i18n';
import { useLanguage } from '@/app/language';
import { DONT_KNOW } from '@/rulebook/conditions';
import type { AnswerValue, Answers, InterviewRulebook, Step } from '@/rulebook/schema';
import type { StepAnswers } from './machine';
import { QuestionField } from './question-field';
import { draftAnswers, stepSchema, toFieldValue, toFormValues, type FormValues } from './step-schema';

type Props = {
  rulebook: InterviewRulebook;
  step: Step;
  answers: Answers;
  returning: boolean;
  onChange: (answers: StepAnswers) => void;
  onSubmit: (answers: StepAnswers) => void;
  onBack: () => void;
};

function merged(answers: Answers, update: StepAnswers): Answers {
  const out: Answers = { ...answers };
  for (const [k, v] of Object.entries(update)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** A question's field focused, with the whole question in view (its label above the field, on a phone too). */
export function focusQuestion(id: string): boolean {
  // A field of its own (select, number, text), else the choice made, else the first choice.
  let element = document.getElementById(`q-${id}`) ?? document.querySelector<HTMLElement>(`[name="${id}"]:checked`) ?? document.querySelector<HTMLElement>(`[name="${id}"]`);
  if (!element) return false;
  const question = element.closest('.question');
  // A number answered "don't know" has its field switched off: the box ticked is what there is to change.
  if (element instanceof HTMLInputElement && element.disabled) element = question?.querySelector<HTMLElement>('input:not(:disabled)') ?? element;
  element.focus({ preventScroll: true });
  (question ?? element).scrollIntoView?.({ block: 'start' });
  return true;
}

export function StepForm({ rulebook, step, answers, returning, onChange, onSubmit, onBack }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();

  // The answers as the step opened: what the respondent had already said.
  const [initialAnswers] = useState(answers);

  // Derived answers (e.g. a size class) are proposed when the respondent has not answered.
  const initial = useMemo(() => {
    const derived = answerStates(rulebook.questionnaire, answers, rulebook.parameters).derived;
    const values = toFormValues(step.questions, answers);
    for (const q of step.questions) if (answers[q.id] === undefined && derived.has(q.id)) values[q.id] = toFieldValue(q, derived.get(q.id));
    return values;
    // Only when the step opens: later changes come from the form itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step.id]);

  const visibleFor = (values: FormValues) => {
    const live = merged(answers, draftAnswers(step.questions, values));
    const states = answerStates(rulebook.questionnaire, live, rulebook.parameters);
    // A follow-up appears once the answer it depends on is given.
    return { questions: step.questions.filter((q) => states.visibility.get(q.id) === true), derived: states.derived };
  };

  // The step's schema for the questions visible with these values; each field's first problem is its error.
  const resolver: Resolver<FormValues, unknown, StepAnswers> = (values) => {
    const result = stepSchema(visibleFor(values).questions, t).safeParse(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: FieldErrors<FormValues> = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '');
      errors[name] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors };
  };

  const form = useForm<FormValues, unknown, StepAnswers>({ defaultValues: initial, resolver, shouldFocusError: false, mode: 'onSubmit', reValidateMode: 'onChange' });
  const values = useWatch({ control: form.control }) as FormValues;
  const { questions, derived } = visibleFor({ ...initial, ...values });

  // A derived proposal the respondent left alone stays a proposal: it follows the answers it comes from.
  const withoutUntouchedProposals = (update: StepAnswers): StepAnswers => {
    const out = { ...update };
    for (const q of questions) if (q.derivedFrom && initialAnswers[q.id] === undefined && !form.getFieldState(q.id).isDirty) out[q.id] = undefined;
    return out;
  };

  // Save every answer as it is given.
  useEffect(() => {
    onChange(withoutUntouchedProposals(draftAnswers(questions, { ...initial, ...values })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(values)]);

  // Keep a derived proposal in step with the answers it comes from, until the respondent gives an answer of their
  // own (now, or before: the step opened with it). A "don't know" given before those answers were there gives way to
  // the proposal they bring; one given with the proposal in sight stays.
  const proposals = useRef<Map<string, AnswerValue | undefined> | null>(null);
  useEffect(() => {
    const before = proposals.current;
    proposals.current = new Map(questions.filter((q) => q.derivedFrom).map((q) => [q.id, derived.get(q.id)]));
    for (const q of questions) {
      if (!q.derivedFrom) continue;
      const proposal = derived.get(q.id);
      if (form.getFieldState(q.id).isDirty || initialAnswers[q.id] !== undefined) {
        if (before && proposal !== undefined && before.get(q.id) === undefined && form.getValues(q.id) === DONT_KNOW) form.resetField(q.id, { defaultValue: toFieldValue(q, proposal) });
        continue;
      }
      const value = proposal === undefined ? '' : toFieldValue(q, proposal);
      // Checked again once the step has been submitted: an error shown before the proposal came (choose one) goes.
      if (form.getValues(q.id) !== value) form.setValue(q.id, value, { shouldDirty: false, shouldValidate: form.formState.isSubmitted });
    }
  });

  // Focus the first question with an error, in the order the questions are shown.
  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = questions.find((q) => q.id in errors);
    if (first) focusQuestion(first.id);
  };
  const submit = form.handleSubmit((data) => onSubmit(withoutUntouchedProposals(data)), focusFirstError);
  const { errors } = form.formState;
  const withErrors = questions.filter((q) => errors[q.id]?.message);

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-labelledby="screen-heading">
        {step.intro && <p className="step-intro">{localize(step.intro, lang)}</p>}
        {withErrors.length > 0 && form.formState.isSubmitted && (
          <div className="error-summary" role="alert">
            <p>{t('wizard.errorSummary', { count: withErrors.length })}</p>
            <ul>
              {withErrors.map((q) => (
                <li key={q.id}>
                  <button type="button" className="link-button" onClick={() => focusQuestion(q.id)}>
                    {t('wizard.errorItem', { question: localize(q.label, lang), message: String(errors[q.id]!.message) })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {questions.map((q) => {
          const proposal = derived.get(q.id);
          const derivedLabel = q.derivedFrom && proposal !== undefined ? (q.options?.find((o) => o.value === proposal)?.label[lang] ?? String(proposal)) : undefined;
          return <QuestionField key={q.id} question={q} rulebook={rulebook} dependents={rulebook.outline.dependents[q.id] ?? []} derivedLabel={derivedLabel} />;
        })}
        <div className="actions">
          <button type="button" className="button secondary" onClick={onBack}>
            {t('wizard.back')}
          </button>
          <button type="submit" className="button">
            {returning ? t('wizard.saveAndReturn') : t('wizard.next')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
