/**
 * One batch run, as a sequence of events: the file read and validated (or the reason it cannot be used),
 * then the matrix rows in chunks, then done. Pure — the same generator runs in the Web Worker and, where
 * there is no Worker (tests), on the main thread between pauses. Asynchronous only because an Excel
 * workbook's reader is loaded when the first workbook arrives.
 */
import { assessMembers, readBatchFile, type BatchFormat, type BatchIssue, type DetectedEncoding, type EncodingChoice, type FileProblem, type MatrixRow } from '@/batch';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';

/** `prefer`: the policy chosen on the screen, used when the file's header fits several equally (see BatchReader). */
export type BatchRequest = { bytes: Uint8Array; encoding: EncodingChoice; rulebooks: CompiledRulebook[]; prefer?: string };

/** A valid member: what its report and its workspace entry need. */
export type BatchMemberRef = { row: number; name: string; answers: Answers };

export type BatchEvent =
  | { type: 'failed'; problem: FileProblem }
  | { type: 'parsed'; rulebookId: string; format: BatchFormat; encoding: DetectedEncoding; sheet?: string; issues: BatchIssue[]; counts: { valid: number; invalid: number; warnings: number }; total: number }
  /** The next members assessed, with their answers (sent in chunks: one large message would stall the page while it is read). */
  | { type: 'rows'; rows: MatrixRow[]; members: BatchMemberRef[]; done: number; total: number }
  | { type: 'done' };

/** Rows per progress report: small enough for a smooth bar, large enough not to flood the page with messages. */
export const CHUNK = 250;

export async function* batchRun({ bytes, encoding, rulebooks, prefer }: BatchRequest, chunk = CHUNK): AsyncGenerator<BatchEvent> {
  const file = await readBatchFile(bytes, rulebooks, { encoding, ...(prefer !== undefined && { prefer }) });
  if (!file.ok) {
    yield { type: 'failed', problem: file.problem };
    return;
  }
  const valid = file.members.filter((m) => m.valid);
  yield {
    type: 'parsed',
    rulebookId: file.rulebook.meta.id,
    format: file.format,
    encoding: file.encoding,
    ...(file.sheet !== undefined && { sheet: file.sheet }),
    issues: file.issues,
    counts: file.counts,
    total: valid.length,
  };
  let rows: MatrixRow[] = [];
  let members: BatchMemberRef[] = [];
  let done = 0;
  for (const { row, member } of assessMembers(file.rulebook, valid)) {
    rows.push(row);
    members.push({ row: member.row, name: member.name, answers: member.answers });
    done += 1;
    if (rows.length >= chunk) {
      yield { type: 'rows', rows, members, done, total: valid.length };
      rows = [];
      members = [];
    }
  }
  if (rows.length || valid.length === 0) yield { type: 'rows', rows, members, done, total: valid.length };
  yield { type: 'done' };
}
