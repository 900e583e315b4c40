/**
 * Node-only: compiled rulebooks kept between runs of the CLI. Compiling a rulebook (YAML parsing, validation,
 * the cross-file checks) takes about half a second, as long as assessing 10,000 members; a run whose rulebook
 * has not changed reads the compiled JSON instead.
 *
 * A compiled rulebook is found again by a hash of every file in its folder and of the compiler itself (the
 * sources of src/rulebook and src/engine, and package-lock.json for the YAML and schema libraries): an edit to
 * any of them compiles again, and a rulebook that no longer passes the checks is reported as it always was.
 * Only rulebooks that compiled without a problem are kept, one file per rulebook folder. A cache that cannot be
 * read or written is no cache: the rulebook is compiled, nothing fails because of it.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRulebook, loadRulebooks } from './load.ts';
import type { CompiledRulebook } from './schema.ts';

const COMPILER_FOLDERS = [fileURLToPath(new URL('.', import.meta.url)), fileURLToPath(new URL('../engine/', import.meta.url))];
const LOCK_FILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

let compiler: string | null = null;

/** The hash of the compiler's sources, once per process. */
function compilerHash(): string {
  if (compiler === null) {
    const hash = createHash('sha256');
    for (const folder of COMPILER_FOLDERS) addFiles(hash, folder, folder);
    if (existsSync(LOCK_FILE)) hash.update(readFileSync(LOCK_FILE));
    compiler = hash.digest('hex');
  }
  return compiler;
}

/** Every file under `dir`, in a fixed order, each named by its path under `base`. */
function addFiles(hash: Hash, dir: string, base: string): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) addFiles(hash, path, base);
    else hash.update(`${path.slice(base.length)}\0`).update(readFileSync(path)).update('\0');
  }
}

/** The rulebook in `folder`, from `cacheDir` when it was compiled from the same files by the same compiler. */
export function loadRulebookCached(folder: string, root: string, cacheDir: string): CompiledRulebook {
  const name = basename(folder);
  let file: string;
  try {
    const hash = createHash('sha256').update(compilerHash());
    addFiles(hash, folder, folder);
    file = join(cacheDir, `${name}.${hash.digest('hex')}.json`);
  } catch {
    return loadRulebook(folder, root);
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CompiledRulebook;
  } catch {
    // Not compiled yet, or an unreadable file: compile.
  }
  const rulebook = loadRulebook(folder, root);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written whole, then renamed: a run reading at the same time sees the old file or the new one, never half.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(rulebook));
    renameSync(partial, file);
    for (const old of readdirSync(cacheDir)) if (old.startsWith(`${name}.`) && old.endsWith('.json') && join(cacheDir, old) !== file) rmSync(join(cacheDir, old), { force: true });
  } catch {
    // No cache this time.
  }
  return rulebook;
}

/** The CLI's cache folder, with the project's other caches (node_modules is never committed). */
export const CLI_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/policy-self-check', import.meta.url));

/** Every rulebook under `rulesDir` (as loadRulebooks), kept in `cacheDir` between runs when one is given. */
export function loadRulebooksCached(rulesDir: string, cacheDir: string | undefined): CompiledRulebook[] {
  return loadRulebooks(rulesDir, process.cwd(), cacheDir ? (folder, root) => loadRulebookCached(folder, root, cacheDir) : undefined);
}
