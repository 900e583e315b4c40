/**
 * What is wrong with an answer, or with an answers file, in words: English for the CLI and the English interface,
 * Chinese for the Chinese one (an import's problems are listed under their path in the file, e.g.
 * `answers.products[0]`). The validation (answers-file.ts, parse-answers.ts) takes the words it writes in.
 */
import type { z } from 'zod';

export type ProblemWords = {
  /** A value as a message names it: the text "…", a list, the number 5. */
  describe(input: unknown): string;
  required: string;
  notOption(input: string, question: string, allowed: string, dontKnow: boolean): string;
  expectedOption(got: string): string;
  expectedList(got: string): string;
  chosenAlone(options: string): string;
  expectedBoolean(got: string): string;
  atLeast(min: number): string;
  atMost(max: number): string;
  wholeNumber: string;
  tooLarge: string;
  expectedNumber(got: string): string;
  expectedText(got: string): string;
  textTooLong(max: number): string;
  noSuchQuestion(rulebook: string): string;
  expectedAnswers(got: string): string;
  /** The answers file `{ rulebook, answers }`. */
  missingRulebook(known: string): string;
  expectedRulebookId(got: string): string;
  expectedAnswersFile(got: string): string;
  unknownRulebook(id: string, known: string): string;
  missingAnswers: string;
  /** The file itself. */
  emptyFile: string;
  /** Bytes that are not text (an image, a PDF, an archive): what the parser would quote of them is noise. */
  notText: string;
  notJson(detail: string): string;
  expectedFormat(format: string): string;
  newerVersion(version: number, supported: number): string;
  /**
   * How zod words the problems of an exported file's structure (a field missing or of the wrong kind, in a
   * file edited by hand), when not in its own English.
   */
  structure?: z.core.$ZodErrorMap;
};

/**
 * What JSON.parse said was wrong with `text`, with the line and column where it says "at position N" (Node's
 * messages give only the position: a person looks for a line).
 */
export function jsonErrorDetail(error: unknown, text: string): string {
  const message = (error as Error).message.split('\n')[0] ?? '';
  const position = /at position (\d+)/.exec(message);
  if (!position || /\(line \d+/.test(message)) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/**
 * Whether a file read as text holds bytes no text file has: control characters other than tabs and line ends,
 * or bytes that are not UTF-8 (decoded as U+FFFD), in its first kilobyte.
 */
export function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  return /[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(text.slice(0, 1024));
}

/** A text quoted in a message, shortened (a cell may hold thousands of characters). */
export const shown = (text: string) => JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text);

export const ENGLISH_PROBLEMS: ProblemWords = {
  describe(input) {
    if (input === null) return 'null';
    if (Array.isArray(input)) return 'a list';
    if (typeof input === 'string') return `the text ${shown(input)}`;
    if (typeof input === 'object') return 'an object';
    if (input === undefined) return 'nothing';
    // NaN and ±Infinity (YAML .nan, .inf; JSON 1e400): JSON would write them as null.
    if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
    return `${typeof input} ${JSON.stringify(input)}`;
  },
  required: 'required',
  notOption: (input, question, allowed, dontKnow) => `${input} is not an option of "${question}"; allowed: ${allowed}${dontKnow ? ', or "dont_know" for the whole question' : ''}`,
  expectedOption: (got) => `expected an option value (text), got ${got}`,
  expectedList: (got) => `expected a list of options, got ${got}`,
  chosenAlone: (options) => `${options} is chosen alone, not with other options`,
  expectedBoolean: (got) => `expected true or false, got ${got}`,
  atLeast: (min) => `must be at least ${min}`,
  atMost: (max) => `must be at most ${max}`,
  wholeNumber: 'must be a whole number',
  tooLarge: 'is too large to be kept exactly',
  expectedNumber: (got) => `expected a number, got ${got}`,
  expectedText: (got) => `expected text, got ${got}`,
  textTooLong: (max) => `must be at most ${max} characters`,
  noSuchQuestion: (rulebook) => `no such question in rulebook "${rulebook}"`,
  expectedAnswers: (got) => `expected an object of question id → answer, got ${got}`,
  missingRulebook: (known) => `missing: name the rulebook these answers are for (${known})`,
  expectedRulebookId: (got) => `expected a rulebook id, got ${got}`,
  expectedAnswersFile: (got) => `expected an object { "rulebook": …, "answers": { … } }, got ${got}`,
  unknownRulebook: (id, known) => `unknown rulebook "${id}"; known: ${known}`,
  missingAnswers: 'missing: the answers, as question id → answer',
  emptyFile: 'the file is empty',
  notText: 'not a text file (an image, a PDF or an archive, perhaps)',
  notJson: (detail) => `not valid JSON: ${detail}`,
  expectedFormat: (format) => `expected "${format}"`,
  newerVersion: (version, supported) => `version ${version} is newer than ${supported}`,
};
