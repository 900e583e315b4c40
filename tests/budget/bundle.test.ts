/**
 * The initial load budget: the JS and CSS a first visit must download before the first screen
 * (the entry chunk, its static imports and its CSS), gzip, with the full rulebook. Everything else —
 * the interview, the rules, results, report, source text, workspace and batch — loads lazily.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET_KB = 150;

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

it(`keeps the initial JS + CSS at or under ${BUDGET_KB} KB gzip`, { timeout: 120_000 }, async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'budget-'));
  // A production build, as `npm run build` makes it (vitest sets NODE_ENV=test, which would select React's development build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'silent', build: { outDir, manifest: true, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
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

  const sizes = [...initial].map((file) => ({ file, gzip: gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length }));
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  const lazy = Object.values(manifest).filter((c) => !initial.has(c.file));
  const lazyTotal = lazy.reduce((n, c) => n + gzipSync(readFileSync(join(outDir, c.file)), { level: 9 }).length, 0);
  console.log(
    [
      `initial load: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`,
      ...sizes.sort((a, b) => b.gzip - a.gzip).map((s) => `  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB  ${s.file}`),
      `loaded lazily: ${(lazyTotal / 1024).toFixed(1)} KB gzip in ${lazy.length} chunks`,
    ].join('\n'),
  );
  expect(initial.size).toBeGreaterThan(0);
  expect(total / 1024).toBeLessThanOrEqual(BUDGET_KB);
});
