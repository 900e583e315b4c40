/**
 * npm run assess -- <answers.json|answers.yaml|exported-assessment.json|-> [--format json|md|csv] [--lang zh|en] [--out file]
 * npm run assess -- --batch members.csv …   (many respondents at once: src/cli/batch.ts)
 *
 * Assesses one answers file `{ rulebook, answers }` — or an assessment file exported by the app, whose
 * answers are assessed again under the current rules — against the rulebooks under rules/, and prints the
 * Assessment as JSON, a Markdown report or a CSV report (one row per support item), or writes it to a file
 * with --out (CSV then with a BOM, for Excel). The reports are the same code as the browser's downloads.
 * Exit 0 on success, 2 on invalid input (errors on stderr), 1 when a rulebook itself is broken.
 * A user mistake never prints a stack trace.
 */
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { assess, parseAnswersFile, type InputProblem } from '../engine/index.ts';
import { LANGUAGES, localize, translator, type Language } from '../i18n/index.ts';
import { CLI_CACHE_DIR, loadRulebooksCached } from '../rulebook/cache.ts';
import { RulebookError, rulesDirectory } from '../rulebook/load.ts';
import { jsonErrorDetail, looksBinary } from '../engine/problem-words.ts';
import { problemWords } from '../engine/problem-words-zh.ts';
import { clauseLabel } from '../rulebook/source.ts';
import type { Answers, CompiledRulebook } from '../rulebook/schema.ts';
import { csvReport, withBom } from '../report/csv.ts';
import { importData, importErrorMessage, isAssessmentFile, rulebookLabel, type ImportedAssessment } from '../report/export-file.ts';
import { markdownReport } from '../report/markdown.ts';
import { checkOutputFile, commandLanguage, endQuietlyWhenThePipeCloses, oneOf, OutputError, readCommandLine, UsageError, workInTheCallersFolder } from './args.ts';
import { batchMain } from './batch.ts';
// Registers the exports messages (t('exports.…')).
import '../features/report/messages.ts';
// The CLI speaks both languages.
import '../i18n/english.ts';

const FORMATS = ['json', 'md', 'csv'] as const;
type Format = (typeof FORMATS)[number];

type Options = { input: string; format: Format; lang: Language; out?: string };

export function parseArgs(argv: string[]): Options {
  const line = readCommandLine(argv, { values: ['--format', '--lang', '--out'] });
  const [input, extra] = line.files;
  if (input === undefined) throw new UsageError('nameAnswersFile');
  if (extra !== undefined) throw new UsageError('oneAnswersFile', { first: input, second: extra });
  const lang = oneOf('--lang', line.values.get('--lang') ?? 'zh', LANGUAGES);
  const out = line.values.get('--out');
  return { input, format: oneOf('--format', line.values.get('--format') ?? 'json', FORMATS), lang, ...(out !== undefined ? { out } : {}) };
}

/** Read JSON or YAML (by extension; standard input may be either). */
export function readAnswersInput(input: string, file: string, lang: Language = 'en'): { ok: true; data: unknown } | { ok: false; problems: InputProblem[] } {
  const words = problemWords(lang);
  // A byte-order mark, as Windows editors save UTF-8, is not part of the content.
  const text = file.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, problems: [{ path: '(file)', message: words.emptyFile }] };
  if (looksBinary(text)) return { ok: false, problems: [{ path: '(file)', message: words.notText }] };
  const isJson = input.endsWith('.json') || (input === '-' && /^\s*[[{]/.test(text));
  const fail = (format: 'JSON' | 'YAML', e: unknown) => ({
    ok: false as const,
    problems: [{ path: '(file)', message: format === 'JSON' ? words.notJson(jsonErrorDetail(e, text)) : translator(lang)('exports.cli.notYaml', { detail: (e as Error).message.split('\n')[0]! }) }],
  });
  try {
    return { ok: true, data: isJson ? JSON.parse(text) : parseYaml(text) };
  } catch (e) {
    if (input !== '-' || !isJson) return fail(isJson ? 'JSON' : 'YAML', e);
    // Standard input starting with { or [ may be YAML written inline ({rulebook: tianjin-2022, …}).
    try {
      return { ok: true, data: parseYaml(text) };
    } catch {
      return fail('JSON', e);
    }
  }
}

export function run(argv: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void; readStdin: () => string; today: () => string; rulesDir: string; cacheDir?: string }): number {
  let options: Options;
  try {
    options = parseArgs(argv);
    if (options.out !== undefined) checkOutputFile(options.out, options.input, 'answersFile');
  } catch (e) {
    // Said in --lang's language even when something else on the line is wrong.
    const lang = commandLanguage(argv);
    if (e instanceof OutputError) {
      io.stderr(`error: ${e.say(lang)}\n`);
      return 2;
    }
    if (!(e instanceof UsageError)) throw e;
    const usage = translator(lang)('exports.cli.usage');
    // --help: the usage is the answer, on standard output.
    if (e.key === null) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    io.stderr(`error: ${e.say(lang)}\n${usage}\n`);
    return 2;
  }

  // What goes wrong with the file is said in the report's language, as the batch mode does.
  const t = translator(options.lang);
  const words = problemWords(options.lang);
  // A members list given as one respondent's answers: the batch mode reads it.
  if (/\.(csv|xlsx)$/i.test(options.input)) {
    io.stderr(`error: ${t('exports.cli.spreadsheet', { file: options.input })}\n`);
    return 2;
  }
  let text: string;
  try {
    text = options.input === '-' ? io.readStdin() : readFileSync(options.input, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? t('cli.reason.noSuchFile') : code === 'EISDIR' ? t('cli.reason.notAFile') : (e as Error).message;
    io.stderr(`error: ${t('exports.cli.unreadable', { file: options.input, reason })}\n`);
    return 2;
  }

  let rulebooks;
  try {
    rulebooks = loadRulebooksCached(io.rulesDir, io.cacheDir);
  } catch (e) {
    if (!(e instanceof RulebookError)) throw e;
    io.stderr(`${e.message}\n`);
    return 1;
  }

  const read = readAnswersInput(options.input, text, options.lang);
  if (!read.ok) return invalid(read.problems);

  // An assessment file exported by the app: assess its answers again, and say what the current rules change.
  let input: { compiled: CompiledRulebook; answers: Answers; respondentName?: string };
  if (isAssessmentFile(read.data)) {
    const imported = importData(rulebooks, read.data, words);
    if (!imported.ok) return invalid(imported.error.problems, importErrorMessage(imported.error, options.lang));
    if (imported.value.rulebookChanged) io.stderr(changeNote(imported.value, options.lang));
    input = { compiled: imported.value.rulebook, answers: imported.value.answers, respondentName: imported.value.respondentName };
  } else {
    const parsed = parseAnswersFile(rulebooks, read.data, words);
    if (!parsed.ok) return invalid(parsed.problems);
    input = parsed.value;
  }

  const { compiled, answers, respondentName } = input;
  const assessment = assess(compiled, answers);
  const lang = options.lang;
  let output: string;
  if (options.format === 'json') output = `${JSON.stringify(assessment, null, 2)}\n`;
  else if (options.format === 'csv') output = csvReport({ rulebook: compiled, assessment, lang });
  else output = markdownReport({ rulebook: compiled, assessment, answers, lang, date: io.today(), ...(respondentName ? { respondentName } : {}) });

  if (options.out === undefined) {
    io.stdout(output);
    return 0;
  }
  // A file is opened by Excel: a BOM so that it reads the Chinese text as UTF-8.
  if (options.format === 'csv') output = withBom(output);
  try {
    writeFileSync(options.out, output, 'utf8');
  } catch (e) {
    io.stderr(`error: ${OutputError.from(options.out, e).message}\n`);
    return 2;
  }
  io.stderr(`${translator(lang)('exports.cli.wrote', { file: options.out, format: options.format.toUpperCase(), bytes: new TextEncoder().encode(output).length })}\n`);
  return 0;

  function invalid(problems: InputProblem[], headline?: string): number {
    io.stderr(`error: ${t('exports.cli.invalid', { file: options.input, count: problems.length })}${headline ? `${t('punct.colon')}${headline}` : t('punct.colon').trim()}\n`);
    for (const p of problems) io.stderr(`  ${p.path}: ${p.message}\n`);
    return 2;
  }
}

/** On stderr, for an exported file made under other rules: the rulebooks, then each clause that changed, was → now. */
function changeNote(imported: ImportedAssessment, lang: Language): string {
  const t = translator(lang);
  const now = { id: imported.rulebook.meta.id, version: imported.rulebook.meta.version, hash: imported.rulebook.hash };
  const labels = { was: rulebookLabel(imported.previous!), now: rulebookLabel(now) };
  if (imported.changes.length === 0) return `${t('exports.file.rulebookChangedNoDiff', labels)}\n`;
  const verdict = (v: string | null) => (v ? t(`verdict.${v}`) : t('exports.file.absent'));
  const lines = imported.changes.map((c) => `  ${clauseLabel(c.clause, lang)} ${c.title ? localize(c.title, lang) : c.id}: ${verdict(c.was)} → ${verdict(c.now)}`);
  return `${t('exports.file.rulebookChanged', labels)}\n${lines.join('\n')}\n`;
}

const argv = process.argv.slice(2);
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Before the working folder becomes the caller's: PSC_RULES_DIR is relative to where npm runs, as for the app.
  const rulesDir = rulesDirectory(fileURLToPath(new URL('../../rules', import.meta.url)));
  endQuietlyWhenThePipeCloses();
  workInTheCallersFolder();
  if (argv.includes('--batch'))
    void batchMain(argv, {
      // Wait when standard output is behind: a batch can be millions of rows.
      stdout: (s) => (process.stdout.write(s) ? undefined : once(process.stdout, 'drain')),
      stderr: (s) => process.stderr.write(s),
      rulesDir,
      cacheDir: CLI_CACHE_DIR,
    }).then((code) => {
      process.exitCode = code;
    });
  else
    process.exitCode = run(argv, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      readStdin: () => readFileSync(0, 'utf8'),
      today: () => new Date().toISOString().slice(0, 10),
      rulesDir,
      cacheDir: CLI_CACHE_DIR,
    });
}
