/**
 * Batch assessment (issue 6): an association imports a CSV or an Excel workbook of its members, every row
 * is validated, the valid ones are assessed, and the member × clause matrix is exported. Pure TypeScript:
 * no DOM, no fs — the app's worker passes the file's bytes, the CLI streams text through BatchReader itself.
 */
import type { Language } from '../i18n/index.ts';
import type { CompiledRulebook } from '../rulebook/schema.ts';
import type { CsvRecord } from './csv-parse.ts';
import { BROWSER_MAX_BYTES, decodeBytes, isWorkbook, type DetectedEncoding, type EncodingChoice } from './decode.ts';
import { describeProblem, type BatchIssue, type FileProblem } from './problems.ts';
import { BatchReader, type BatchFormat, type BatchMember } from './reader.ts';

export { batchColumns, MULTI_SEPARATOR, NAME_COLUMN, NAME_QUESTION, type BatchColumn, type BatchColumns } from './columns.ts';
export { CsvParser, parseCsv, type CsvRecord } from './csv-parse.ts';
export { BOM, csvCell, csvLine, neutralise, toCsv } from './csv-write.ts';
export { BROWSER_MAX_BYTES, decodeBytes, ENCODINGS, isCfb, isEncodingChoice, isWorkbook, isZip, sniff, SNIFF_BYTES, textDecoder, type DetectedEncoding, type EncodingChoice } from './decode.ts';
export { mulberry32, sampleAnswers, sampleMembers, type GeneratedMember } from './generate.ts';
export { assessMembers, batchMatrix, matrixClauses, matrixCsv, matrixCsvLine, matrixCsvHeader, matrixRow, type BatchMatrix, type MatrixClause, type MatrixRow } from './matrix.ts';
export { columnLetter, describeIssue, describeProblem, issueLine, type BatchIssue, type FileProblem } from './problems.ts';
export { BatchReader, type BatchFormat, type BatchMember } from './reader.ts';
export { batchExample, batchTemplate, memberCells, type ExampleMember } from './template.ts';

export type BatchFile =
  | {
      ok: true;
      rulebook: CompiledRulebook;
      format: BatchFormat;
      /** CSV: how its bytes were decoded (a workbook's XML is UTF-8). */
      encoding: DetectedEncoding;
      /** A workbook: the worksheet read (the first one). */
      sheet?: string;
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
export function parseBatchFile(bytes: Uint8Array, rulebooks: CompiledRulebook | CompiledRulebook[], options: { encoding?: EncodingChoice; maxBytes?: number; lang?: Language; prefer?: string } = {}): BatchFile {
  const lang = options.lang ?? 'zh';
  const decoded = decodeBytes(bytes, options);
  if (!decoded.ok) return { ok: false, problem: decoded.problem, message: describeProblem(decoded.problem, lang) };
  return parseBatchText(decoded.text, rulebooks, { lang, encoding: decoded.encoding, prefer: options.prefer });
}

/**
 * Read a batch file already decoded to text. `prefer`: the rulebook to use when the header fits several equally
 * (see BatchReader).
 */
export function parseBatchText(text: string, rulebooks: CompiledRulebook | CompiledRulebook[], options: { lang?: Language; encoding?: DetectedEncoding; prefer?: string | undefined } = {}): BatchFile {
  const reader = new BatchReader(rulebooks, { prefer: options.prefer });
  const members = [...reader.push(text.replace(/^\uFEFF/, '')), ...reader.end()];
  return result(reader, members, { lang: options.lang, format: 'csv', encoding: options.encoding ?? 'utf-8' });
}

/** Read a worksheet's rows, already split into cells (src/batch/xlsx.ts): the same validation as CSV text. */
export function parseBatchRecords(records: CsvRecord[], rulebooks: CompiledRulebook | CompiledRulebook[], options: { lang?: Language; sheet?: string; prefer?: string | undefined } = {}): BatchFile {
  const reader = new BatchReader(rulebooks, { format: 'xlsx', prefer: options.prefer });
  const members = [...reader.pushRecords(records), ...reader.end()];
  return result(reader, members, { lang: options.lang, format: 'xlsx', encoding: 'utf-8', sheet: options.sheet });
}

/**
 * Read an imported file of either kind: an Excel workbook (.xlsx; an old .xls or a password-protected one is
 * refused with its own message) is read by src/batch/xlsx.ts, loaded only then; anything else as CSV.
 */
export async function readBatchFile(bytes: Uint8Array, rulebooks: CompiledRulebook | CompiledRulebook[], options: { encoding?: EncodingChoice; maxBytes?: number; lang?: Language; prefer?: string } = {}): Promise<BatchFile> {
  if (!isWorkbook(bytes)) return parseBatchFile(bytes, rulebooks, options);
  const lang = options.lang ?? 'zh';
  const maxBytes = options.maxBytes ?? BROWSER_MAX_BYTES;
  const refuse = (problem: FileProblem): BatchFile => ({ ok: false, problem, message: describeProblem(problem, lang) });
  const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
  if (bytes.length > maxBytes) return refuse({ code: 'tooLarge', params: { size: mb(bytes.length), limit: mb(maxBytes) } });
  const { readXlsx } = await import('./xlsx.ts');
  const sheet = readXlsx(bytes);
  if (!sheet.ok) return refuse(sheet.problem);
  return parseBatchRecords(sheet.records, rulebooks, { lang, sheet: sheet.sheet, prefer: options.prefer });
}

function result(reader: BatchReader, members: BatchMember[], options: { lang: Language | undefined; format: BatchFormat; encoding: DetectedEncoding; sheet?: string }): BatchFile {
  if (reader.problem) return { ok: false, problem: reader.problem, message: describeProblem(reader.problem, options.lang ?? 'zh') };
  return {
    ok: true,
    rulebook: reader.rulebook!,
    format: options.format,
    encoding: options.encoding,
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    members,
    issues: [...reader.headerIssues, ...members.flatMap((m) => m.issues)],
    counts: { valid: reader.members, invalid: reader.invalidRows, warnings: reader.warnings },
  };
}
