/**
 * The answers file: `{ rulebook, answers }`, validated against the rulebook it names (the answers by
 * answersSchema). Used by the CLI, imports and share links, and loaded with them: it is kept out of
 * answers-file.ts, which the first load needs for saved sessions.
 */
import * as z from 'zod/mini';
import type { Answers, InterviewRulebook } from '../rulebook/schema.ts';
import { answersSchema, describe, formatPath, type AnswersFile, type InputProblem, type ParseResult } from './answers-file.ts';

/** Validate an answers file against the rulebook it names. */
export function parseAnswersFile<R extends InterviewRulebook>(rulebooks: R[], data: unknown): ParseResult<AnswersFile & { compiled: R }> {
  const known = rulebooks.map((r) => r.meta.id);
  const head = z
    .object(
      {
        rulebook: z.string({
          error: (iss) =>
            iss.input === undefined ? `missing: name the rulebook these answers are for (${known.map((k) => `"${k}"`).join(', ')})` : `expected a rulebook id, got ${describe(iss.input)}`,
        }),
        answers: z.optional(z.unknown()),
      },
      { error: (iss) => `expected an object { "rulebook": …, "answers": { … } }, got ${describe(iss.input)}` },
    )
    .safeParse(data);
  if (!head.success) return { ok: false, problems: toProblems(head.error) };
  const compiled = rulebooks.find((r) => r.meta.id === head.data.rulebook);
  if (!compiled) return { ok: false, problems: [{ path: 'rulebook', message: `unknown rulebook "${head.data.rulebook}"; known: ${known.join(', ')}` }] };
  if (head.data.answers === undefined) return { ok: false, problems: [{ path: 'answers', message: 'missing: the answers, as question id → answer' }] };

  const answers = answersSchema(compiled).safeParse(head.data.answers);
  if (!answers.success) return { ok: false, problems: toProblems(answers.error, ['answers']) };
  return { ok: true, value: { rulebook: compiled.meta.id, answers: stripUndefined(answers.data), compiled } };
}

export function toProblems(error: { issues: readonly { code: string; path: PropertyKey[]; message: string; keys?: string[] }[] }, prefix: (string | number)[] = []): InputProblem[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    // One problem per unknown key, at its own path.
    if (issue.code === 'unrecognized_keys' && issue.keys) return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: issue.message }));
    return [{ path: formatPath(path), message: issue.message }];
  });
}

function stripUndefined(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
}
