/**
 * The CLI keeps compiled rulebooks between runs (src/rulebook/cache.ts): a rule author's edit is always picked
 * up, a broken rulebook is always reported, and a run with an unchanged rulebook gives exactly what compiling
 * it gives.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir';
import { run } from '@/cli/assess';
import { loadRulebookCached } from '@/rulebook/cache';
import { loadRulebook, RulebookError } from '@/rulebook/load';

const fixtures = join(process.cwd(), 'tests', 'fixtures', 'rules');

/** A copy of the fixture rules that a test may edit, and an empty cache. */
function workspace() {
  const dir = tempDir('rulebook-cache-');
  const rulesDir = join(dir, 'rules');
  cpSync(fixtures, rulesDir, { recursive: true });
  return { rulesDir, folder: join(rulesDir, 'demo-packaging'), cacheDir: join(dir, 'cache') };
}

const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

it('gives the compiled rulebook, the same from the cache as compiled, and keeps one file per rulebook', () => {
  const { folder, cacheDir } = workspace();
  const compiled = JSON.stringify(loadRulebook(folder));
  expect(JSON.stringify(loadRulebookCached(folder, process.cwd(), cacheDir))).toBe(compiled);
  const files = readdirSync(cacheDir);
  expect(files).toEqual([expect.stringMatching(/^demo-packaging\.[0-9a-f]{64}\.json$/)]);
  expect(JSON.stringify(loadRulebookCached(folder, process.cwd(), cacheDir))).toBe(compiled);
  expect(readdirSync(cacheDir)).toEqual(files);
});

it('reads an unchanged rulebook from the cache instead of compiling it', () => {
  const { folder, cacheDir } = workspace();
  loadRulebookCached(folder, process.cwd(), cacheDir);
  // Mark the kept copy: only a rulebook read from the cache carries the mark.
  const [file] = readdirSync(cacheDir);
  const kept = JSON.parse(readFileSync(join(cacheDir, file!), 'utf8'));
  writeFileSync(join(cacheDir, file!), JSON.stringify({ ...kept, hash: 'from-the-cache' }));
  expect(loadRulebookCached(folder, process.cwd(), cacheDir).hash).toBe('from-the-cache');
});

it("compiles again after an edit to any of the rulebook's files, and forgets the old copy", () => {
  const { folder, cacheDir } = workspace();
  const before = loadRulebookCached(folder, process.cwd(), cacheDir);
  edit(join(folder, 'rulebook.yaml'), 'version: 1.2.3', 'version: 1.2.4');
  const after = loadRulebookCached(folder, process.cwd(), cacheDir);
  expect(after.meta.version).toBe('1.2.4');
  expect(after.hash).not.toBe(before.hash);
  expect(readdirSync(cacheDir)).toHaveLength(1);

  const source = readFileSync(join(folder, 'source.zh.txt'), 'utf8');
  writeFileSync(join(folder, 'source.zh.txt'), `${source}\n`);
  expect(loadRulebookCached(folder, process.cwd(), cacheDir).source).toBe(`${source}\n`);
});

it('reports a rulebook broken after it was cached, by file and line, and keeps nothing of it', () => {
  const { folder, cacheDir } = workspace();
  loadRulebookCached(folder, process.cwd(), cacheDir);
  edit(join(folder, 'rulebook.yaml'), 'version: 1.2.3', 'version: [1.2.3');
  let error: unknown;
  try {
    loadRulebookCached(folder, process.cwd(), cacheDir);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RulebookError);
  expect((error as RulebookError).problems[0]).toMatchObject({ file: expect.stringMatching(/rulebook\.yaml$/), line: expect.any(Number) });
  // Still broken on the next run: the error is not cached away.
  expect(() => loadRulebookCached(folder, process.cwd(), cacheDir)).toThrow(RulebookError);
});

it('still compiles the rulebook when the cache cannot be written', () => {
  const { folder } = workspace();
  const notAFolder = join(tempDir('rulebook-cache-'), 'file');
  writeFileSync(notAFolder, 'not a folder');
  expect(loadRulebookCached(folder, process.cwd(), notAFolder).meta.id).toBe('demo-packaging');
});

it('gives the same CLI output with the cache, cold and warm, as without it', () => {
  const { rulesDir, cacheDir } = workspace();
  const answers = join(rulesDir, '..', 'answers.json');
  writeFileSync(answers, JSON.stringify({ rulebook: 'demo-packaging', answers: { kind: 'company', located_here: true, degradable: true, exports: true, export_share: 30, staff: 8 } }));
  const cli = (cache: string | undefined) => {
    let stdout = '';
    let stderr = '';
    const code = run([answers, '--format', 'md'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => '', today: () => '2026-01-02', rulesDir, cacheDir: cache });
    return { code, stdout, stderr };
  };
  const uncached = cli(undefined);
  expect(uncached.code).toBe(0);
  expect(uncached.stdout).toContain('demo-packaging');
  expect(cli(cacheDir)).toEqual(uncached);
  expect(readdirSync(cacheDir)).toHaveLength(1);
  expect(cli(cacheDir)).toEqual(uncached);
});
