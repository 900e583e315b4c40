/**
 * The form of one step: field values as the inputs hold them, and the zod schema derived from the
 * step's questions that validates them (required, ranges, choices, "don't know") and turns them into answers.
 */
import { MAX_TEXT } from '@/shared/text';
import { parseNumber, unitsOf } from '@/shared/number';
import type { TFunction } from '@/i18n';
import * as z from 'zod/mini';
import { DONT_KNOW } from '@/rulebook/conditions';
import type { AnswerValue, Answers, Question } from '@/rulebook/schema';
import type { StepAnswers } from './machine';

/** What an input holds: text for radios, selects and number fields; a list for checkboxes. */
export type FieldValue = string | string[];
export type FormValues = Record<string, FieldValue>;

export function toFieldValue(question: Question, answer: AnswerValue | undefined): FieldValue {
  if (question.type === 'multi') return answer === DONT_KNOW ? [DONT_KNOW] : Array.isArray(answer) ? answer : [];
  if (answer === undefined) return '';
  if (typeof answer === 'boolean') return answer ? 'true' : 'false';
  // Every digit, never "1e+23" (which the field would then refuse).
  if (typeof answer === 'number') return answer.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return String(answer);
}

export function toFormValues(questions: Question[], answers: Answers): FormValues {
  return Object.fromEntries(questions.map((q) => [q.id, toFieldValue(q, answers[q.id])]));
}

function fieldSchema(question: Question, t: TFunction): z.ZodMiniType<AnswerValue | undefined, FieldValue> {
  const required = !question.optional;
  switch (question.type) {
    case 'multi':
      return z.pipe(
        z.array(z.string()).check(z.refine((v) => !required || v.length > 0, t('wizard.errors.chooseAtLeastOne'))),
        // Nothing ticked on an optional question is an answer: none of these ("都没有可不选").
        z.transform((v: string[]) => (v.includes(DONT_KNOW) ? DONT_KNOW : v)),
      ) as never;
    case 'boolean':
      return z.pipe(
        // A radio group with nothing checked may reach the schema as null (after a first submit): "choose one", not zod's "Invalid input".
        chosen(t('wizard.errors.chooseOne')).check(z.refine((v) => !required || v !== '', t('wizard.errors.chooseOne'))),
        z.transform((v: string) => (v === 'true' ? true : v === 'false' ? false : v === DONT_KNOW ? DONT_KNOW : undefined)),
      ) as never;
    case 'number':
      return z.pipe(
        z.string(),
        z.transform((v: string, ctx) => {
          const fail = (message: string) => ctx.issues.push({ code: 'custom', message, input: v });
          if (v === DONT_KNOW) return DONT_KNOW;
          if (v.trim() === '') {
            if (required) fail(t('wizard.errors.enterNumber'));
            return undefined;
          }
          // The unit in either language; the English is not there until it has loaded (see src/rulebook/english-split.ts).
          const n = parseNumber(v, unitsOf(question));
          if (n === null) fail(question.min !== undefined && question.max !== undefined ? t('wizard.errors.notANumberBetween', { min: question.min, max: question.max }) : t('wizard.errors.notANumber'));
          // Beyond this, digits are lost: 12345678901234567 would be kept as 12345678901234568.
          else if (Math.abs(n) > Number.MAX_SAFE_INTEGER) fail(t('wizard.errors.tooLarge'));
          else if (question.integer && !Number.isInteger(n)) fail(t('wizard.errors.wholeNumber'));
          else if (question.min !== undefined && n < question.min) fail(t('wizard.errors.min', { min: question.min }));
          else if (question.max !== undefined && n > question.max) fail(t('wizard.errors.max', { max: question.max }));
          return n ?? undefined;
        }),
      ) as never;
    case 'text':
      return z.pipe(
        z.string().check(z.maxLength(MAX_TEXT, t('wizard.errors.tooLong', { max: MAX_TEXT })), z.refine((v) => !required || v.trim() !== '', t('wizard.errors.enterText'))),
        z.transform((v: string) => (v.trim() === '' ? undefined : v.trim())),
      ) as never;
    case 'single':
    case 'district':
      return z.pipe(
        chosen(t('wizard.errors.chooseOne')).check(z.refine((v) => !required || v !== '', t('wizard.errors.chooseOne'))),
        z.transform((v: string) => (v === '' ? undefined : v)),
      ) as never;
  }
}

/** A radio group's value: the checked option's value, or '' when none is (null and undefined included). */
function chosen(message: string) {
  return z.pipe(
    z.transform((v: unknown) => (v === null || v === undefined ? '' : v)),
    z.string({ error: message }),
  );
}

/** The schema of a step's visible questions; its output is the answers to send with `answer.submit`. */
export function stepSchema(questions: Question[], t: TFunction): z.ZodMiniType<StepAnswers, FormValues> {
  return z.object(Object.fromEntries(questions.map((q) => [q.id, fieldSchema(q, t)]))) as unknown as z.ZodMiniType<StepAnswers, FormValues>;
}

/** Answers from field values as they stand, ignoring what does not parse yet (for saving as the user types). */
export function draftAnswers(questions: Question[], values: FormValues): StepAnswers {
  const out: StepAnswers = {};
  for (const q of questions) {
    const v = values[q.id];
    if (v === undefined) continue;
    // Not yet ticked is not yet answered, until the step is submitted.
    if (q.type === 'multi' && Array.isArray(v) && v.length === 0) {
      out[q.id] = undefined;
      continue;
    }
    // What the step would refuse (12.5 staff, a number out of range, a required field emptied) is left out: the
    // answer given before stays, and nothing saved is one that the step, a reload or a share link would refuse.
    const parsed = fieldSchema(q, ((k: string) => k) as unknown as TFunction).safeParse(v);
    if (parsed.success) out[q.id] = parsed.data;
  }
  return out;
}
