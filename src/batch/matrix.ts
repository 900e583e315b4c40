/**
 * The batch result: one row per member, one column per clause verdict, plus the counts — and its CSV
 * export. Members are assessed one at a time (a generator), so the worker can report progress and stop,
 * and the CLI can write each row as soon as it is known.
 */
import { assessVerdicts, type Truth, type Verdicts } from '../engine/index.ts';
import { translator, type Language } from '../i18n/index.ts';
import { VERDICTS, type CompiledRulebook, type LocalizedText, type Verdict } from '../rulebook/schema.ts';
import { clauseLabel } from '../rulebook/source.ts';
import { BOM, csvCell, csvLine } from './csv-write.ts';
import type { BatchMember } from './reader.ts';
// Registers the batch messages (t('batch.…')).
import '../features/batch/messages.ts';
// Reports may be in English whatever the page's language: the English catalogue loads with them.
import '../i18n/english.ts';

export type MatrixClause = { id: string; clause: number; title: LocalizedText };
export type MatrixRow = {
  /** The member's row in the imported file. */
  row: number;
  name: string;
  inScope: Truth;
  /** One verdict per clause, in the order of `BatchMatrix.clauses`. */
  verdicts: Verdict[];
  counts: Record<Verdict, number>;
};
export type BatchMatrix = {
  rulebook: { id: string; version: string; hash: string; title: LocalizedText };
  clauses: MatrixClause[];
  rows: MatrixRow[];
};

export function matrixClauses(rulebook: CompiledRulebook): MatrixClause[] {
  return rulebook.measures.map((m) => ({ id: m.id, clause: m.clause, title: m.title }));
}

/** A member's row, from its verdicts (assessVerdicts) or its whole assessment (assess). */
export function matrixRow(member: Pick<BatchMember, 'row' | 'name'>, verdicts: Verdicts): MatrixRow {
  return { row: member.row, name: member.name, inScope: verdicts.inScope, verdicts: verdicts.clauses.map((c) => c.verdict), counts: verdicts.counts };
}

/**
 * Assess the valid members one by one: each member's verdicts and its matrix row. (A member's report is its
 * whole assessment, made when it is opened: a batch shows only the verdicts, which come quicker alone.)
 */
export function* assessMembers(rulebook: CompiledRulebook, members: Iterable<BatchMember>): Generator<{ member: BatchMember; verdicts: Verdicts; row: MatrixRow }> {
  for (const member of members) {
    if (!member.valid) continue;
    const verdicts = assessVerdicts(rulebook, member.answers);
    yield { member, verdicts, row: matrixRow(member, verdicts) };
  }
}

export function batchMatrix(rulebook: CompiledRulebook, members: Iterable<BatchMember>): BatchMatrix {
  const rows = Array.from(assessMembers(rulebook, members), (r) => r.row);
  return { rulebook: { id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash, title: rulebook.meta.title }, clauses: matrixClauses(rulebook), rows };
}

/** Header: row, name, one column per clause ("（五） title"), in scope, then the count of each verdict. */
export function matrixCsvHeader(clauses: MatrixClause[], lang: Language): string[] {
  const t = translator(lang);
  return [
    t('batch.matrix.row'),
    t('batch.matrix.name'),
    ...clauses.map((c) => t('batch.matrix.clause', { label: clauseLabel(c.clause, lang), title: c.title[lang] })),
    t('batch.matrix.inScope'),
    ...VERDICTS.map((v) => t(`verdict.${v}`)),
  ];
}

/**
 * One member's CSV line (csvLine of its cells: row, name, verdicts, in scope, counts). `values: 'codes'` writes
 * applies/possible/… instead of the words, for other programs to read.
 */
export function matrixCsvLine(row: MatrixRow, lang: Language, values: 'labels' | 'codes' = 'labels'): string {
  const words = cellWords(lang, values);
  let line = `${row.row},${csvCell(row.name || translator(lang)('batch.matrix.rowName', { row: row.row }))}`;
  for (const v of row.verdicts) line += `,${words.verdict[v]}`;
  line += `,${words.truth[String(row.inScope)]!}`;
  for (const v of VERDICTS) line += `,${row.counts[v]}`;
  return `${line}\r\n`;
}

/** The matrix cells' words, as CSV cells (csvCell): made once per language, for the CLI writes millions of them. */
type CellWords = { verdict: Record<Verdict, string>; truth: Record<string, string> };
const wordCache = new Map<string, CellWords>();

function cellWords(lang: Language, values: 'labels' | 'codes'): CellWords {
  const key = `${lang}:${values}`;
  let words = wordCache.get(key);
  if (!words) {
    const t = translator(lang);
    const codes = values === 'codes';
    words = {
      verdict: Object.fromEntries(VERDICTS.map((v) => [v, csvCell(codes ? v : t(`verdict.${v}`))])) as Record<Verdict, string>,
      truth: { true: csvCell(codes ? 'true' : t('answer.yes')), false: csvCell(codes ? 'false' : t('answer.no')), unknown: csvCell(codes ? 'unknown' : t('answer.dontKnow')) },
    };
    wordCache.set(key, words);
  }
  return words;
}

/** The whole matrix as CSV, with a BOM so Excel reads it as UTF-8. */
export function matrixCsv(matrix: BatchMatrix, lang: Language, options: { values?: 'labels' | 'codes'; bom?: boolean } = {}): string {
  let out = options.bom === false ? '' : BOM;
  out += csvLine(matrixCsvHeader(matrix.clauses, lang));
  for (const row of matrix.rows) out += matrixCsvLine(row, lang, options.values);
  return out;
}
