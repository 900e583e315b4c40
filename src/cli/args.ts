/**
 * What the two CLI commands (src/cli/assess.ts, src/cli/batch.ts) share: reading the command line, and
 * checking the output file before any work is done, so that a mistyped --out never costs the input file.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A mistake in the command line: the command prints the message (if any) and its usage, and exits 2. */
export class UsageError extends Error {}

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
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    if (arg === '-' || !arg.startsWith('-')) {
      line.files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg === '-o' ? '--out' : equals > 0 ? arg.slice(0, equals) : arg;
    if (known.flags?.includes(name) && equals < 0) line.flags.add(name);
    else if (known.values.includes(name)) {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      line.values.set(name, value);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return line;
}

/** An option's value that must be one of a few words. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/**
 * The --out file, checked before anything is read or written: a file name (not empty, not an option), not the
 * input itself (by path or, through a link, by the file it is), in a folder that exists, and writable.
 * `input` is the input's path (or - for standard input); `inputName` says what it is in the message.
 */
export function checkOutputFile(out: string, input: string, inputName: string): void {
  if (out === '' || out.startsWith('-')) throw new UsageError(`--out needs a file name, not "${out}"`);
  const target = stat(out);
  if (input !== '-' && (resolve(out) === resolve(input) || (target && sameFile(target, stat(input))))) throw new UsageError(`--out ${out} would overwrite ${inputName}`);
  if (target?.isDirectory()) throw new OutputError(out, 'it is a folder');
  const folder = stat(dirname(resolve(out)));
  if (!folder?.isDirectory()) throw new OutputError(out, 'no such folder');
  try {
    accessSync(target ? out : dirname(resolve(out)), constants.W_OK);
  } catch {
    throw new OutputError(out, 'permission denied');
  }
}

/** The output file cannot be written: "error: cannot write <file>: <reason>", exit 2. */
export class OutputError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot write ${file}: ${reason}`);
  }

  /** From a failed write (node's error codes put in words). */
  static from(file: string, e: unknown): OutputError {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : (e as Error).message;
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
