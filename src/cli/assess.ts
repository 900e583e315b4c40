/**
 * npm run assess -- <answers.json|answers.yaml|-> [--format json|md] [--lang zh|en]
 *
 * Assesses one answers file `{ rulebook, answers }` against the rulebooks under rules/ and prints the
 * Assessment as JSON or a Markdown report. Exit 0 on success, 2 on invalid input (errors on stderr),
 * 1 when a rulebook itself is broken. A user mistake never prints a stack trace.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { assess, parseAnswersFile, type InputProblem } from '../engine/index.ts';
import { isLanguage, translator, type Language } from '../i18n/index.ts';
import { loadRulebooks, RulebookError } from '../rulebook/load.ts';
import { markdownReport } from '../report/markdown.ts';

const FORMATS = ['json', 'md'] as const;
type Format = (typeof FORMATS)[number];

type Options = { input: string; format: Format; lang: Language };

class UsageError extends Error {}

export function parseArgs(argv: string[]): Options {
  let input: string | undefined;
  let format: Format = 'json';
  let lang: Language = 'zh';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (name: string) => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const v = value('--format');
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${v}"`);
      format = v as Format;
    } else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const v = value('--lang');
      if (!isLanguage(v)) throw new UsageError(`--lang must be zh or en, not "${v}"`);
      lang = v;
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`only one answers file, got "${input}" and "${arg}"`);
  }
  if (input === undefined) throw new UsageError('name an answers file, or - for standard input');
  return { input, format, lang };
}

/** Read JSON or YAML (by extension; standard input may be either). */
export function readAnswersInput(input: string, text: string): { ok: true; data: unknown } | { ok: false; problems: InputProblem[] } {
  const isJson = input.endsWith('.json') || (input === '-' && /^\s*[[{]/.test(text));
  try {
    return { ok: true, data: isJson ? JSON.parse(text) : parseYaml(text) };
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid ${isJson ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}` }] };
  }
}

export function run(argv: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void; readStdin: () => string; today: () => string; rulesDir: string }): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) io.stderr(`error: ${e.message}\n`);
    io.stderr(`${translator('en')('cli.usage')}\n`);
    return 2;
  }

  let text: string;
  try {
    text = options.input === '-' ? io.readStdin() : readFileSync(options.input, 'utf8');
  } catch (e) {
    io.stderr(`error: cannot read ${options.input}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return 2;
  }

  let rulebooks;
  try {
    rulebooks = loadRulebooks(io.rulesDir);
  } catch (e) {
    if (!(e instanceof RulebookError)) throw e;
    io.stderr(`${e.message}\n`);
    return 1;
  }

  const read = readAnswersInput(options.input, text);
  const parsed = read.ok ? parseAnswersFile(rulebooks, read.data) : read;
  if (!parsed.ok) {
    io.stderr(`error: ${options.input} is not a valid answers file (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}):\n`);
    for (const p of parsed.problems) io.stderr(`  ${p.path}: ${p.message}\n`);
    return 2;
  }

  const { compiled, answers } = parsed.value;
  const assessment = assess(compiled, answers);
  if (options.format === 'json') io.stdout(`${JSON.stringify(assessment, null, 2)}\n`);
  else {
    const name = answers.respondent_name;
    io.stdout(markdownReport({ rulebook: compiled, assessment, answers, lang: options.lang, date: io.today(), respondentName: typeof name === 'string' ? name : undefined }));
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () => readFileSync(0, 'utf8'),
    today: () => new Date().toISOString().slice(0, 10),
    rulesDir: fileURLToPath(new URL('../../rules', import.meta.url)),
  });
}
