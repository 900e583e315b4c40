/**
 * The answers file: `{ rulebook, answers }`, validated against the rulebook it names (the answers by
 * answersSchema). Used by the CLI, imports and share links, and loaded with them: it is kept out of
 * answers-file.ts, which the first load needs for saved sessions.
 */
import * as z from 'zod/mini';
import type { Answers, InterviewRulebook } from '../rulebook/schema.ts';
import { answersSchema, formatPath, type AnswersFile, type InputProblem, type ParseResult } from './answers-file.ts';
import { ENGLISH_PROBLEMS, type ProblemWords } from './problem-words.ts';

/** Validate an answers file against the rulebook it names; its problems in `words` (English by default). */
export function parseAnswersFile<R extends InterviewRulebook>(rulebooks: R[], data: unknown, words: ProblemWords = ENGLISH_PROBLEMS): ParseResult<AnswersFile & { compiled: R }> {
  const known = rulebooks.map((r) => r.meta.id);
  const head = z
    .object(
      {
        rulebook: z.string({
          error: (iss) => (iss.input === undefined ? words.missingRulebook(known.map((k) => `"${k}"`).join(', ')) : words.expectedRulebookId(words.describe(iss.input))),
        }),
        answers: z.optional(z.unknown()),
      },
      { error: (iss) => words.expectedAnswersFile(words.describe(iss.input)) },
    )
    .safeParse(data);
  if (!head.success) return { ok: false, problems: toProblems(head.error) };
  const compiled = rulebooks.find((r) => r.meta.id === head.data.rulebook);
  if (!compiled) return { ok: false, problems: [{ path: 'rulebook', message: words.unknownRulebook(head.data.rulebook, known.join(', ')) }] };
  if (head.data.answers === undefined) return { ok: false, problems: [{ path: 'answers', message: words.missingAnswers }] };

  const answers = answersSchema(compiled, words).safeParse(head.data.answers);
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
