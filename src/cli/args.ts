/**
 * What the two CLI commands (src/cli/assess.ts, src/cli/batch.ts) share: reading the command line, and
 * checking the output file before any work is done, so that a mistyped --out never costs the input file.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isLanguage, translator, type Language } from '../i18n/index.ts';
// Registers the CLI's messages (t('cli.…')).
import './messages.ts';

/** A message's parameters: words as they are, or `{ say }` the key of a CLI message to put in the language. */
type Params = Record<string, string | { say: string }>;

/**
 * A mistake in the command line: the command prints the message and its usage, and exits 2. Without a message
 * (`key` null), --help: the usage alone, on standard output.
 */
export class UsageError extends Error {
  constructor(
    readonly key: string | null,
    readonly params: Params = {},
  ) {
    super('');
    this.message = this.say('en');
  }

  /** The message in `lang` (empty for --help). */
  say(lang: Language): string {
    if (this.key === null) return '';
    const t = translator(lang);
    const words = Object.fromEntries(Object.entries(this.params).map(([name, value]) => [name, typeof value === 'string' ? value : t(`cli.${value.say}`)]));
    return t(`cli.${this.key}`, words);
  }
}

/**
 * The language the command speaks: --lang's, when it is one, else Chinese (the reports' default), so that even a
 * mistake in the rest of the command line is told in it.
 */
export function commandLanguage(argv: readonly string[]): Language {
  let lang: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--lang') lang = argv[i + 1];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  });
  return lang !== undefined && isLanguage(lang) ? lang : 'zh';
}

export type CommandLine = {
  /** The options given with a value, by name (the last one wins when an option is repeated). */
  values: Map<string, string>;
  flags: Set<string>;
  /** The other words: file names, or - for standard input. */
  files: string[];
};

/**
 * The words after the command: options with a value (`--format csv` or `--format=csv`; `-o` stands for
 * `--out`), flags (`--batch`), and plain words. An unknown option or a missing value is a UsageError;
 * --help or -h one without a message (the usage alone).
 */
export function readCommandLine(argv: readonly string[], known: { values: readonly string[]; flags?: readonly string[] }): CommandLine {
  const line: CommandLine = { values: new Map(), flags: new Set(), files: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') throw new UsageError(null);
    if (arg === '-' || !arg.startsWith('-')) {
      line.files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg === '-o' ? '--out' : equals > 0 ? arg.slice(0, equals) : arg;
    if (known.flags?.includes(name) && equals < 0) line.flags.add(name);
    else if (known.values.includes(name)) {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      if (value === undefined) throw new UsageError('needsValue', { name });
      line.values.set(name, value);
    } else throw new UsageError('unknownOption', { option: arg });
  }
  return line;
}

/** An option's value that must be one of a few words. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError('oneOf', { name, allowed: allowed.join(', '), value });
  return value as T;
}

/**
 * The --out file, checked before anything is read or written: a file name (not empty, not an option), not the
 * input itself (by path or, through a link, by the file it is), in a folder that exists, and writable.
 * `input` is the input's path (or - for standard input); `inputName` says what it is in the message (a key of
 * the CLI's messages: answersFile, batchFile).
 */
export function checkOutputFile(out: string, input: string, inputName: 'answersFile' | 'batchFile'): void {
  if (out === '' || out.startsWith('-')) throw new UsageError('outNeedsFile', { value: out });
  const target = stat(out);
  if (input !== '-' && (resolve(out) === resolve(input) || (target && sameFile(target, stat(input)))))
    throw new UsageError('wouldOverwrite', { out, input: { say: inputName } });
  if (target?.isDirectory()) throw new OutputError(out, 'isFolder');
  const folder = stat(dirname(resolve(out)));
  if (!folder?.isDirectory()) throw new OutputError(out, 'noSuchFolder');
  try {
    accessSync(target ? out : dirname(resolve(out)), constants.W_OK);
  } catch {
    throw new OutputError(out, 'permissionDenied');
  }
}

type Reason = 'noSuchFolder' | 'isFolder' | 'cannotCreate' | 'permissionDenied' | 'diskFull';

/** The output file cannot be written: "error: cannot write <file>: <reason>", exit 2. */
export class OutputError extends Error {
  /** `reason`: one of the CLI's reasons, or the system's own words for a failure it has none for. */
  constructor(
    readonly file: string,
    readonly reason: Reason | { text: string },
  ) {
    super('');
    this.message = this.say('en');
  }

  say(lang: Language): string {
    const t = translator(lang);
    return t('cli.cannotWrite', { file: this.file, reason: typeof this.reason === 'string' ? t(`cli.reason.${this.reason}`) : this.reason.text });
  }

  /** From a failed write (node's error codes put in words). */
  static from(file: string, e: unknown): OutputError {
    const code = (e as NodeJS.ErrnoException).code;
    // ENOENT in a folder that is there: one where no file can be made (/proc, say).
    const missing = (): Reason => (stat(dirname(resolve(file)))?.isDirectory() ? 'cannotCreate' : 'noSuchFolder');
    const reason: Reason | { text: string } =
      code === 'ENOENT' ? missing() : code === 'EISDIR' ? 'isFolder' : code === 'EACCES' || code === 'EPERM' ? 'permissionDenied' : code === 'ENOSPC' ? 'diskFull' : { text: (e as Error).message };
    return new OutputError(file, reason);
  }
}

function stat(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function sameFile(a: Stats, b: Stats | null): boolean {
  return b !== null && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Standard output piped into a reader that stops early (`… | head`): end quietly, as other command-line tools
 * do, rather than report the closed pipe as an error (it is not one: the reader has what it wanted).
 */
export function endQuietlyWhenThePipeCloses(stdout: NodeJS.WriteStream = process.stdout): void {
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
}

/**
 * `npm run assess` runs in the project's folder: file names on its command line are the user's, relative to the
 * folder they typed it in (npm passes it as INIT_CWD). Work from there, as any command does.
 */
export function workInTheCallersFolder(): void {
  const folder = process.env.INIT_CWD;
  if (!folder || folder === process.cwd()) return;
  try {
    process.chdir(folder);
  } catch {
    // The folder has gone: names stay relative to the project, as before.
  }
}
