/**
 * What an answer must be, as a zod schema derived from its question: for saved sessions (here), and for answers
 * files (`{ rulebook, answers }`, read by parse-answers.ts for the CLI, imports and share links). Every problem
 * is reported with its path.
 */
// zod/mini: the same validation as classic zod with a fraction of the bundle size (this runs in the browser).
import { MAX_TEXT } from '../shared/text.ts';
import * as z from 'zod/mini';
import { DONT_KNOW } from '../rulebook/conditions.ts';
import type { Answers, InterviewRulebook, Question } from '../rulebook/schema.ts';
import { ENGLISH_PROBLEMS, type ProblemWords } from './problem-words.ts';

export type AnswersFile = { rulebook: string; answers: Answers };
export type InputProblem = { path: string; message: string };
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** The zod schema one answer must satisfy, derived from its question; its problems in `words` (English by default). */
export function answerSchema(question: Question, words: ProblemWords = ENGLISH_PROBLEMS): z.ZodMiniType {
  const values = (question.options ?? []).map((o) => o.value);
  const got = (input: unknown) => words.describe(input);
  const option = z
    .string({ error: (iss) => (iss.input === undefined ? words.required : words.expectedOption(got(iss.input))) })
    .check(z.refine((v) => values.includes(v), { error: (iss) => words.notOption(JSON.stringify(iss.input), question.id, values.join(', '), Boolean(question.dontKnow)) }));

  let schema: z.ZodMiniType;
  switch (question.type) {
    case 'single':
    case 'district':
      schema = option;
      break;
    case 'multi':
      {
        const exclusive = (question.options ?? []).filter((o) => o.exclusive).map((o) => o.value);
        schema = z.array(option, { error: (iss) => words.expectedList(got(iss.input)) }).check(
          z.refine((list) => list.length < 2 || !list.some((v) => exclusive.includes(v)), {
            error: (iss) => words.chosenAlone((iss.input as string[]).filter((v) => exclusive.includes(v)).map((v) => `"${v}"`).join(', ')),
          }),
        );
      }
      break;
    case 'boolean':
      schema = z.boolean({ error: (iss) => words.expectedBoolean(got(iss.input)) });
      break;
    case 'number': {
      const checks = [];
      if (question.min !== undefined) checks.push(z.minimum(question.min, words.atLeast(question.min)));
      if (question.max !== undefined) checks.push(z.maximum(question.max, words.atMost(question.max)));
      if (question.integer) checks.push(z.refine((n) => Number.isInteger(n), words.wholeNumber));
      // Beyond this, digits are lost (12345678901234567 is read as 12345678901234568).
      checks.push(z.refine((n) => typeof n !== 'number' || Math.abs(n) <= Number.MAX_SAFE_INTEGER, words.tooLarge));
      schema = z.number({ error: (iss) => words.expectedNumber(got(iss.input)) }).check(...checks);
      break;
    }
    case 'text':
      schema = z.string({ error: (iss) => words.expectedText(got(iss.input)) }).check(z.maxLength(MAX_TEXT, words.textTooLong(MAX_TEXT)));
      break;
  }
  if (!question.dontKnow) return schema;
  // "don't know" stands for the whole answer; anything else must satisfy the question's own schema,
  // whose message (not a union's) is the one worth showing.
  return z.pipe(
    z.unknown(),
    z.transform((value, ctx) => {
      if (value === DONT_KNOW) return value;
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      for (const issue of result.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, path: issue.path, input: value });
      return z.NEVER;
    }),
  );
}

/** The schemas made, by rulebook and words: making one took about 2 ms, forty times as long as checking an answers file with it (an import of 3,000 workspace entries took 8 s, now 1.5 s). */
const schemas = new WeakMap<InterviewRulebook, WeakMap<ProblemWords, z.ZodMiniType<Answers>>>();

export function answersSchema(rulebook: InterviewRulebook, words: ProblemWords = ENGLISH_PROBLEMS): z.ZodMiniType<Answers> {
  let byWords = schemas.get(rulebook);
  if (!byWords) schemas.set(rulebook, (byWords = new WeakMap()));
  let schema = byWords.get(words);
  if (!schema) {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const step of rulebook.questionnaire.steps) for (const q of step.questions) shape[q.id] = z.optional(answerSchema(q, words));
    schema = z.strictObject(shape, {
      error: (iss) => (iss.code === 'unrecognized_keys' ? words.noSuchQuestion(rulebook.meta.id) : words.expectedAnswers(words.describe(iss.input))),
    }) as unknown as z.ZodMiniType<Answers>;
    byWords.set(words, schema);
  }
  return schema;
}

export function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '(top level)';
}

/** A value as a problem's message names it, in English ("the text \"…\"", "a list", "number 5"). */
export const describe = (input: unknown): string => ENGLISH_PROBLEMS.describe(input);
