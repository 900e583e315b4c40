/**
 * npm run assess -- --batch members.csv [--format csv|json] [--lang zh|en] [--encoding utf-8|gbk] [--rulebook id] [--out file]
 * (for now also: npx tsx src/cli/batch.ts members.csv …)
 *
 * Assesses every member row of a batch CSV, streamed: the file is read in chunks and each member's row is
 * written as soon as it is assessed, so memory stays flat however large the file. An Excel workbook (.xlsx) is
 * read whole, as the app reads it. Output: CSV (one row per member: clause verdicts and counts) or JSON Lines.
 * Row errors go to stderr with their row and column, and the other rows are still assessed. Exit 0 when the file
 * could be read (even with row errors), 2 when it is unusable (empty, binary, wrong delimiter, no header, …) or
 * the arguments are wrong, 1 when a rulebook is broken.
 */
import { closeSync, createReadStream, createWriteStream, openSync, readFileSync, readSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  BatchReader,
  BOM,
  csvLine,
  describeProblem,
  isWorkbook,
  issueLine,
  matrixClauses,
  matrixCsvLine,
  matrixCsvHeader,
  matrixRow,
  sniff,
  SNIFF_BYTES,
  textDecoder,
  type BatchMember,
  type DetectedEncoding,
  type FileProblem,
} from '../batch/index.ts';
import { assessVerdicts, type Verdicts } from '../engine/index.ts';
import { LANGUAGES, translator, type Language } from '../i18n/index.ts';
import { CLI_CACHE_DIR, loadRulebooksCached } from '../rulebook/cache.ts';
import { checkOutputFile, commandLanguage, endQuietlyWhenThePipeCloses, oneOf, OutputError, readCommandLine, UsageError, workInTheCallersFolder } from './args.ts';
import { RulebookError } from '../rulebook/load.ts';
import type { CompiledRulebook } from '../rulebook/schema.ts';
import type { XlsxSheet } from '../batch/xlsx.ts';
// Registers the batch messages (t('batch.…')).
import '../features/batch/messages.ts';
// The CLI speaks both languages.
import '../i18n/english.ts';

export const BATCH_FORMATS = ['csv', 'json'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export type BatchOptions = {
  /** A file path, or - for standard input. */
  input: string;
  format: BatchFormat;
  lang: Language;
  /** Leave out to detect (BOM, else UTF-8 if valid, else GBK). */
  encoding?: 'utf-8' | 'gbk';
  /** Write the output here (CSV with a BOM, for Excel) instead of standard output. */
  out?: string;
  /** The rulebook id; by default the only one, or the one whose questions the header names. */
  rulebook?: string;
  /** CSV cells: verdict words in `lang` (default) or codes (applies, possible, …). */
  values?: 'labels' | 'codes';
};

export type BatchIo = {
  /** May return a promise (or false, as a stream's write does) to slow the reading down to the writing. */
  stdout: (s: string) => unknown;
  stderr: (s: string) => void;
  rulesDir: string;
  /** Where compiled rulebooks are kept between runs (src/rulebook/cache.ts); none: compiled every run. */
  cacheDir?: string;
  stdin?: NodeJS.ReadableStream;
};

export function parseBatchArgs(argv: string[]): BatchOptions {
  const line = readCommandLine(argv, { values: ['--format', '--lang', '--encoding', '--values', '--out', '--rulebook'], flags: ['--batch'] });
  const [input, extra] = line.files;
  if (input === undefined) throw new UsageError('nameBatchFile');
  if (extra !== undefined) throw new UsageError('oneBatchFile', { first: input, second: extra });
  const options: BatchOptions = {
    input,
    format: oneOf('--format', line.values.get('--format') ?? 'csv', BATCH_FORMATS),
    lang: oneOf('--lang', line.values.get('--lang') ?? 'zh', LANGUAGES),
  };
  const encoding = line.values.get('--encoding')?.toLowerCase().replace(/^utf8$/, 'utf-8');
  if (encoding !== undefined) options.encoding = oneOf('--encoding', encoding, ['utf-8', 'gbk'] as const);
  const values = line.values.get('--values');
  if (values !== undefined) options.values = oneOf('--values', values, ['labels', 'codes'] as const);
  const out = line.values.get('--out');
  if (out !== undefined) options.out = out;
  const rulebook = line.values.get('--rulebook');
  if (rulebook !== undefined) options.rulebook = rulebook;
  return options;
}

/** Parse the arguments (those after --batch) and run; what the assess CLI dispatches to. */
export async function batchMain(argv: string[], io: BatchIo): Promise<number> {
  let options: BatchOptions;
  try {
    options = parseBatchArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // Said in --lang's language even when something else on the line is wrong.
    const lang = commandLanguage(argv);
    const usage = translator(lang)('batch.cli.usage');
    // --help: the usage is the answer, on standard output.
    if (e.key === null) {
      await io.stdout(`${usage}\n`);
      return 0;
    }
    io.stderr(`error: ${e.say(lang)}\n${usage}\n`);
    return 2;
  }
  return runBatch(options, io);
}

export async function runBatch(options: BatchOptions, io: BatchIo): Promise<number> {
  const t = translator(options.lang);
  const fail = (problem: FileProblem) => {
    io.stderr(`error: ${t('batch.cli.unusable', { message: describeProblem(problem, options.lang) })}\n`);
    return 2;
  };

  try {
    if (options.out !== undefined) checkOutputFile(options.out, options.input, 'batchFile');
  } catch (e) {
    if (!(e instanceof OutputError || e instanceof UsageError)) throw e;
    io.stderr(`error: ${e.say(options.lang)}\n`);
    return 2;
  }

  let rulebooks: CompiledRulebook[];
  try {
    rulebooks = loadRulebooksCached(io.rulesDir, io.cacheDir);
  } catch (e) {
    if (!(e instanceof RulebookError)) throw e;
    io.stderr(`${e.message}\n`);
    return 1;
  }
  if (options.rulebook !== undefined) {
    const chosen = rulebooks.find((r) => r.meta.id === options.rulebook);
    if (!chosen) return fail({ code: 'unknownRulebook', params: { id: options.rulebook, known: rulebooks.map((r) => r.meta.id).join(', ') } });
    rulebooks = [chosen];
  }

  // An Excel workbook (.xlsx) is read whole, as the app reads it (src/batch/xlsx.ts); anything else streams as text.
  const workbook = options.input === '-' ? null : workbookAt(options.input);
  let sheet: Extract<XlsxSheet, { ok: true }> | null = null;
  if (workbook) {
    const { readXlsx } = await import('../batch/xlsx.ts');
    const read = readXlsx(workbook);
    if (!read.ok) return fail(read.problem);
    sheet = read;
  }
  const reader = new BatchReader(rulebooks, sheet ? { format: 'xlsx' } : {});
  const output = new Output(options, io);
  let decoder: TextDecoder | null = null;
  let encoding: DetectedEncoding = 'utf-8';
  let head: Buffer[] = [];
  let headLength = 0;
  let headerDone = false;

  /** Assess the members read so far and write their rows; print their issues. */
  const handle = async (members: BatchMember[]) => {
    if (!headerDone && reader.rulebook) {
      headerDone = true;
      for (const issue of reader.headerIssues) io.stderr(`${issueLine(issue, options.lang)}\n`);
      await output.start(reader.rulebook);
    }
    let text = '';
    for (const member of members) {
      for (const issue of member.issues) io.stderr(`${issueLine(issue, options.lang)}\n`);
      if (member.valid) text += output.row(member, assessVerdicts(reader.rulebook!, member.answers));
    }
    if (text) await output.write(text);
  };

  /** Decode bytes (the encoding sniffed from the first SNIFF_BYTES) and read them; null = end of input. A problem stops the reading. */
  const feed = async (bytes: Buffer | null): Promise<FileProblem | null> => {
    if (!decoder) {
      if (bytes) {
        head.push(bytes);
        headLength += bytes.length;
        if (headLength < SNIFF_BYTES) return null;
      }
      const all = Buffer.concat(head);
      head = [];
      const sniffed = sniff(all.subarray(0, SNIFF_BYTES), options.encoding ?? 'auto', bytes === null);
      if (!sniffed.ok) return sniffed.problem;
      encoding = sniffed.encoding;
      decoder = textDecoder(encoding);
      const problem = await decodeAndRead(all.subarray(sniffed.skip));
      if (problem || bytes !== null) return problem;
    }
    return decodeAndRead(bytes);
  };

  const decodeAndRead = async (bytes: Buffer | null): Promise<FileProblem | null> => {
    let text: string;
    try {
      text = bytes ? decoder!.decode(bytes, { stream: true }) : decoder!.decode();
    } catch {
      return { code: 'undecodableAt', params: { row: Math.max(reader.lastRow, 1), encoding, other: encoding === 'gbk' ? 'utf-8' : 'gbk' } };
    }
    await handle(reader.push(text));
    return reader.problem;
  };

  let problem: FileProblem | null = null;
  try {
    if (sheet) await handle(reader.pushRecords(sheet.records));
    else {
      const stream = options.input === '-' ? (io.stdin ?? process.stdin) : createReadStream(options.input, { highWaterMark: SNIFF_BYTES });
      try {
        for await (const chunk of stream) {
          problem = await feed(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
          if (problem) break;
        }
        if (!problem) problem = await feed(null);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (e instanceof OutputError || !err.code) throw e;
        problem = { code: 'unreadable', params: { file: options.input, reason: err.code === 'ENOENT' ? t('cli.reason.noSuchFile') : err.code === 'EISDIR' ? t('cli.reason.notAFile') : err.message } };
      } finally {
        if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
      }
    }
    if (!problem) {
      await handle(reader.end());
      problem = reader.problem;
    }
    await output.close();
  } catch (e) {
    // The output file failed while being written (the disk full, …): what was written is incomplete.
    if (!(e instanceof OutputError)) throw e;
    io.stderr(`error: ${e.say(options.lang)}\n`);
    return 2;
  }
  if (problem) return fail(problem);

  const counts = { members: reader.members, errors: reader.invalidRows, warnings: reader.warnings };
  io.stderr(`${sheet ? t('batch.cli.summaryXlsx', { ...counts, sheet: sheet.sheet }) : t('batch.cli.summary', { ...counts, encoding: t(`batch.encoding.${encoding}`) })}\n`);
  return 0;
}

/** The file's bytes when it is an Excel workbook (read by its first bytes, whatever its name), else null (a text file, or none). */
function workbookAt(path: string): Uint8Array | null {
  try {
    const head = Buffer.alloc(8);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, 8, 0);
    } finally {
      closeSync(fd);
    }
    return isWorkbook(head) ? readFileSync(path) : null;
  } catch {
    // Missing, a folder, unreadable: the text path says so.
    return null;
  }
}

/** Where the rows go: standard output, or a file (then with a BOM, for Excel), waiting when the writer is behind. */
class Output {
  private file: WriteStream | null = null;
  /** The file stream's error, kept until the next write or the close reports it. */
  private failed: unknown = null;
  private clauses: ReturnType<typeof matrixClauses> = [];

  constructor(
    private readonly options: BatchOptions,
    private readonly io: BatchIo,
  ) {}

  async start(rulebook: CompiledRulebook) {
    this.clauses = matrixClauses(rulebook);
    if (this.options.out) {
      this.file = createWriteStream(this.options.out);
      this.file.on('error', (e) => (this.failed ??= e));
    }
    if (this.options.format === 'csv') await this.write((this.file ? BOM : '') + csvLine(matrixCsvHeader(this.clauses, this.options.lang)));
  }

  /** The file could not be opened or written: an OutputError. */
  private check() {
    if (this.failed) throw OutputError.from(this.options.out!, this.failed);
  }

  /** Wait for the file stream's event, or its error. */
  private async until(event: 'drain' | 'finish') {
    this.check();
    try {
      await once(this.file!, event);
    } catch (e) {
      throw OutputError.from(this.options.out!, e);
    }
  }

  row(member: BatchMember, verdicts: Verdicts): string {
    if (this.options.format === 'csv') return matrixCsvLine(matrixRow(member, verdicts), this.options.lang, this.options.values);
    return `${JSON.stringify({
      row: member.row,
      name: member.name,
      inScope: verdicts.inScope,
      counts: verdicts.counts,
      clauses: verdicts.clauses.map((c) => ({ clause: c.clause, id: c.id, verdict: c.verdict, nearMiss: c.nearMiss, missing: c.missing.map((m) => m.question) })),
    })}\n`;
  }

  async write(text: string) {
    if (this.file) {
      this.check();
      if (!this.file.write(text)) await this.until('drain');
      return;
    }
    const result = this.io.stdout(text);
    if (result instanceof Promise) await result;
  }

  async close() {
    if (!this.file) return;
    this.file.end();
    await this.until('finish');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  endQuietlyWhenThePipeCloses();
  workInTheCallersFolder();
  void batchMain(process.argv.slice(2), {
    stdout: (s) => (process.stdout.write(s) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
    stderr: (s) => process.stderr.write(s),
    rulesDir: fileURLToPath(new URL('../../rules', import.meta.url)),
    cacheDir: CLI_CACHE_DIR,
  }).then((code) => {
    process.exitCode = code;
  });
}
