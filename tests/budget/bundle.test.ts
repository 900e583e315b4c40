/**
 * The initial load budget: every byte of JS and CSS a first visit fetches at start-up without any user
 * action, gzip — the first screen's script and styles (the screens themselves are prerendered HTML,
 * src/prerender) and the interview, which the entry fetches and runs as soon as the first screen is painted
 * (React, the form and wizard code, the questionnaire). The measures and source text, the engine, the
 * results, report, workspace, batch and the English catalogue load lazily.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { rulesWithSecondPolicy } from '../second-policy';

const BUDGET_KB = 150;

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

it(`keeps the JS + CSS fetched at start-up (first screen and interview) at or under ${BUDGET_KB} KB gzip`, { timeout: 120_000 }, async () => {
  const { total, app, initial } = await startupLoad();
  expect(initial).toBeGreaterThan(0);
  expect(app).toBe(true);
  expect(total / 1024).toBeLessThanOrEqual(BUDGET_KB);
});

it('stays within the budget when a second policy is added: a new folder under rules/ is all it takes', { timeout: 120_000 }, async () => {
  // rules/ with a second rulebook (the Tianjin one again, under another id).
  const rulesDir = mkdtempSync(join(tmpdir(), 'budget-rules-'));
  try {
    rulesWithSecondPolicy(rulesDir);
    const one = await startupLoad();
    const two = await startupLoad(rulesDir);
    // The first screen is the choice of policy: neither questionnaire comes with it.
    expect(two.total).toBeLessThan(one.total);
    expect(two.total / 1024).toBeLessThanOrEqual(BUDGET_KB);
  } finally {
    rmSync(rulesDir, { recursive: true, force: true });
  }
});

/** Builds the app (with the rulebooks in `rulesDir`, else rules/) and prints and returns what a first visit fetches at start-up. */
async function startupLoad(rulesDir?: string): Promise<{ total: number; initial: number; app: boolean }> {
  const outDir = mkdtempSync(join(tmpdir(), 'budget-'));
  // A production build, as `npm run build` makes it (vitest sets NODE_ENV=test, which would select React's development build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  if (rulesDir) process.env.PSC_RULES_DIR = rulesDir;
  try {
    await build({ mode: 'production', logLevel: 'silent', build: { outDir, manifest: true, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
    delete process.env.PSC_RULES_DIR;
  }
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

  // What a first visit fetches without any user action: the entry's graph, then the app's (src/app-root.tsx,
  // which the entry always imports once the first screen is painted) and anything index.html preloads.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!);
  const app = manifest['src/app-root.tsx'];
  if (app) preloaded.push(app.file);
  const startup = new Set(initial);
  const visitStartup = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || startup.has(chunk.file)) return;
    startup.add(chunk.file);
    for (const css of chunk.css ?? []) startup.add(css);
    for (const imported of chunk.imports ?? []) visitStartup(imported);
  };
  for (const file of preloaded) {
    const key = Object.keys(manifest).find((k) => manifest[k]!.file === file);
    if (key) visitStartup(key);
  }
  // The entry's stylesheet is written into index.html (src/app/csp.ts): counted all the same, as part of the page.
  const inlined = (file: string) => html.includes(`<link rel="stylesheet" href="/${file}" disabled>`);
  const gzipOf = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  const startupSizes = [...startup].filter((f) => !initial.has(f)).map((file) => ({ file, gzip: gzipOf(file) }));

  const sizes = [...initial].map((file) => ({ file, gzip: gzipOf(file) }));
  const firstScreen = sizes.reduce((n, s) => n + s.gzip, 0);
  const total = firstScreen + startupSizes.reduce((n, s) => n + s.gzip, 0);
  const lazy = Object.values(manifest).filter((c) => !startup.has(c.file));
  const lazyTotal = lazy.reduce((n, c) => n + gzipOf(c.file), 0);
  console.log(
    [
      `initial load${rulesDir ? ' with two rulebooks' : ''}: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`,
      `  the first screen's script and styles: ${(firstScreen / 1024).toFixed(1)} KB`,
      ...sizes.sort((a, b) => b.gzip - a.gzip).map((s) => `  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB  ${s.file}${inlined(s.file) ? ' (inlined in index.html, not fetched)' : ''}`),
      `  the interview, fetched once the first screen is painted: ${((total - firstScreen) / 1024).toFixed(1)} KB`,
      ...startupSizes.sort((a, b) => b.gzip - a.gzip).map((s) => `  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB  ${s.file}`),
      `loaded lazily: ${(lazyTotal / 1024).toFixed(1)} KB gzip in ${lazy.length} chunks`,
    ].join('\n'),
  );
  rmSync(outDir, { recursive: true, force: true });
  return { total, initial: initial.size, app: app !== undefined };
}
