/**
 * What can be wrong with a batch file: a problem with the whole file (nothing is assessed), or an issue
 * with one cell, row or column (the other rows are still assessed). Both carry a code and parameters,
 * so the app can show them in the reader's language; `describe*` renders them.
 */
import { shortened } from '../shared/text.ts';
import type { batchMessages } from '../features/batch/messages.ts';
import { translator, type Language } from '../i18n/index.ts';
// Registers the batch messages (t('batch.…')).
import '../features/batch/messages.ts';

type Catalogue = (typeof batchMessages)['zh'];
export type FileProblemCode = keyof Catalogue['file'];
export type IssueCode = keyof Catalogue['issue'];
export type Delimiter = keyof Catalogue['delimiter'];
type Params = Record<string, string | number>;

/** The file cannot be used at all: empty, binary, a workbook, too large, undecodable, wrong delimiter, no header, no rows. */
export type FileProblem = { code: FileProblemCode; params?: Params };

/**
 * One problem in the file, where Excel shows it: `row` as Excel numbers rows (the header is row 1; a cell
 * with line breaks does not add rows), `column` the header's question id, `cell` e.g. "C5".
 * An error makes its row invalid (not assessed); a warning does not.
 */
export type BatchIssue = {
  row: number;
  column: string | null;
  cell: string | null;
  value: string;
  code: IssueCode;
  params: Params;
  severity: 'error' | 'warning';
};

export function describeProblem(problem: FileProblem, lang: Language): string {
  const t = translator(lang);
  const params: Params = { ...problem.params };
  if (problem.code === 'wrongDelimiter' && typeof params.delimiter === 'string') params.delimiter = t(`batch.delimiter.${params.delimiter}`);
  if (typeof params.encoding === 'string') params.encoding = t(`batch.encoding.${params.encoding}`);
  return t(`batch.file.${problem.code}`, params);
}

export function describeIssue(issue: BatchIssue, lang: Language): string {
  return translator(lang)(`batch.issue.${issue.code}`, { value: shortened(issue.value, QUOTED_CHARACTERS), column: issue.column ?? '', ...issue.params });
}

/** As much of a cell's value as a message quotes (a cell may hold thousands of characters, pasted by mistake). */
export const QUOTED_CHARACTERS = 60;


/** "row 5, column industries (C5): …" — one line per issue, as the CLI prints them. */
export function issueLine(issue: BatchIssue, lang: Language): string {
  const t = translator(lang);
  const message = describeIssue(issue, lang);
  const line = issue.column && issue.cell ? t('batch.cli.rowIssue', { row: issue.row, column: issue.column, cell: issue.cell, message }) : t('batch.cli.rowIssueNoColumn', { row: issue.row, message });
  return issue.severity === 'warning' ? `${t('batch.cli.warning')}${line}` : line;
}

/** Excel's column name for a 0-based index: A … Z, AA, AB, … */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
