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

export type AnswersFile = { rulebook: string; answers: Answers };
export type InputProblem = { path: string; message: string };
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** The zod schema one answer must satisfy, derived from its question. */
export function answerSchema(question: Question): z.ZodMiniType {
  const values = (question.options ?? []).map((o) => o.value);
  const optionError = (input: unknown) =>
    `${JSON.stringify(input)} is not an option of "${question.id}"; allowed: ${values.join(', ')}${question.dontKnow ? `, or "${DONT_KNOW}" for the whole question` : ''}`;
  const option = z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : `expected an option value (text), got ${describe(iss.input)}`) })
    .check(z.refine((v) => values.includes(v), { error: (iss) => optionError(iss.input) }));

  let schema: z.ZodMiniType;
  switch (question.type) {
    case 'single':
    case 'district':
      schema = option;
      break;
    case 'multi':
      {
        const exclusive = (question.options ?? []).filter((o) => o.exclusive).map((o) => o.value);
        schema = z.array(option, { error: (iss) => `expected a list of options, got ${describe(iss.input)}` }).check(
          z.refine((list) => list.length < 2 || !list.some((v) => exclusive.includes(v)), {
            error: (iss) => `${(iss.input as string[]).filter((v) => exclusive.includes(v)).map((v) => `"${v}"`).join(', ')} is chosen alone, not with other options`,
          }),
        );
      }
      break;
    case 'boolean':
      schema = z.boolean({ error: (iss) => `expected true or false, got ${describe(iss.input)}` });
      break;
    case 'number': {
      const checks = [];
      if (question.min !== undefined) checks.push(z.minimum(question.min, `must be at least ${question.min}`));
      if (question.max !== undefined) checks.push(z.maximum(question.max, `must be at most ${question.max}`));
      if (question.integer) checks.push(z.refine((n) => Number.isInteger(n), 'must be a whole number'));
      // Beyond this, digits are lost (12345678901234567 is read as 12345678901234568).
      checks.push(z.refine((n) => typeof n !== 'number' || Math.abs(n) <= Number.MAX_SAFE_INTEGER, 'is too large to be kept exactly'));
      schema = z.number({ error: (iss) => `expected a number, got ${describe(iss.input)}` }).check(...checks);
      break;
    }
    case 'text':
      schema = z.string({ error: (iss) => `expected text, got ${describe(iss.input)}` }).check(z.maxLength(MAX_TEXT, `must be at most ${MAX_TEXT} characters`));
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

export function answersSchema(rulebook: InterviewRulebook) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const step of rulebook.questionnaire.steps) for (const q of step.questions) shape[q.id] = z.optional(answerSchema(q));
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `no such question in rulebook "${rulebook.meta.id}"`
        : `expected an object of question id → answer, got ${describe(iss.input)}`,
  }) as unknown as z.ZodMiniType<Answers>;
}

export function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '(top level)';
}

/** A value as a problem's message names it ("the text \"…\"", "a list", "number 5"). */
export function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return `the text ${JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)}`;
  if (typeof input === 'object') return 'an object';
  if (input === undefined) return 'nothing';
  // NaN and ±Infinity (YAML .nan, .inf; JSON 1e400): JSON would write them as null.
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return `${typeof input} ${JSON.stringify(input)}`;
}
