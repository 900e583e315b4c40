/**
 * Batch assessment (issue 6): an association imports a CSV of its members, every row is validated, the
 * valid ones are assessed, and the member × clause matrix is exported. Pure TypeScript: no DOM, no fs —
 * the app's worker passes the file's bytes, the CLI streams text through BatchReader itself.
 */
import type { Language } from '../i18n/index.ts';
import type { CompiledRulebook } from '../rulebook/schema.ts';
import { decodeBytes, type DetectedEncoding, type EncodingChoice } from './decode.ts';
import { describeProblem, type BatchIssue, type FileProblem } from './problems.ts';
import { BatchReader, type BatchMember } from './reader.ts';

export { batchColumns, MULTI_SEPARATOR, NAME_COLUMN, NAME_QUESTION, type BatchColumn, type BatchColumns } from './columns.ts';
export { CsvParser, parseCsv, type CsvRecord } from './csv-parse.ts';
export { BOM, csvCell, csvLine, neutralise, toCsv } from './csv-write.ts';
export { BROWSER_MAX_BYTES, decodeBytes, ENCODINGS, isEncodingChoice, sniff, SNIFF_BYTES, textDecoder, type DetectedEncoding, type EncodingChoice } from './decode.ts';
export { mulberry32, sampleAnswers, sampleMembers, type GeneratedMember } from './generate.ts';
export { assessMembers, batchMatrix, matrixClauses, matrixCsv, matrixCsvCells, matrixCsvHeader, matrixRow, type BatchMatrix, type MatrixClause, type MatrixRow } from './matrix.ts';
export { columnLetter, describeIssue, describeProblem, issueLine, type BatchIssue, type FileProblem } from './problems.ts';
export { BatchReader, type BatchMember } from './reader.ts';
export { batchExample, batchTemplate, memberCells, type ExampleMember } from './template.ts';

export type BatchFile =
  | {
      ok: true;
      rulebook: CompiledRulebook;
      encoding: DetectedEncoding;
      /** Every member row, valid or not, in file order. */
      members: BatchMember[];
      /** Every issue: the header's, then each row's. */
      issues: BatchIssue[];
      counts: { valid: number; invalid: number; warnings: number };
    }
  | { ok: false; problem: FileProblem; message: string };

/**
 * Read an imported file (the browser path): decode (UTF-8 with or without BOM, GBK; or as chosen), check
 * it is a usable CSV, validate every row. Nothing is assessed yet and nothing is stored: a bad file
 * changes nothing.
 */
export function parseBatchFile(bytes: Uint8Array, rulebooks: CompiledRulebook | CompiledRulebook[], options: { encoding?: EncodingChoice; maxBytes?: number; lang?: Language } = {}): BatchFile {
  const lang = options.lang ?? 'zh';
  const decoded = decodeBytes(bytes, options);
  if (!decoded.ok) return { ok: false, problem: decoded.problem, message: describeProblem(decoded.problem, lang) };
  return parseBatchText(decoded.text, rulebooks, { lang, encoding: decoded.encoding });
}

/** Read a batch file already decoded to text. */
export function parseBatchText(text: string, rulebooks: CompiledRulebook | CompiledRulebook[], options: { lang?: Language; encoding?: DetectedEncoding } = {}): BatchFile {
  const reader = new BatchReader(rulebooks);
  const members = [...reader.push(text.replace(/^\uFEFF/, '')), ...reader.end()];
  if (reader.problem) return { ok: false, problem: reader.problem, message: describeProblem(reader.problem, options.lang ?? 'zh') };
  return {
    ok: true,
    rulebook: reader.rulebook!,
    encoding: options.encoding ?? 'utf-8',
    members,
    issues: [...reader.headerIssues, ...members.flatMap((m) => m.issues)],
    counts: { valid: reader.members, invalid: reader.invalidRows, warnings: reader.warnings },
  };
}
