/**
 * npm run bench — every benchmark, one build: the engine and CLI (scripts/bench.ts), the page load and step
 * change (scripts/bench-browser.ts) and the browser batch (scripts/bench-batch-browser.ts), each printing its
 * own figures. Flags go to the script they belong to: --quick (bench.ts), --steps-only (bench-browser.ts),
 * --runs N (bench-batch-browser.ts); --no-build measures the build already in BENCH_DIST.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const args = process.argv.slice(2);
const has = (flag: string) => args.includes(flag);
const valueOf = (flag: string) => (has(flag) ? [flag, args[args.indexOf(flag) + 1]!] : []);
const dist = process.env.BENCH_DIST ?? 'dist-bench';
const env = { ...process.env, BENCH_DIST: dist };
const run = (script: string, flags: string[]) => execFileSync('npx', ['tsx', script, ...flags], { stdio: 'inherit', env });

run('scripts/bench.ts', has('--quick') ? ['--quick'] : []);
if (!has('--no-build')) execFileSync('npx', ['vite', 'build', '--outDir', dist, '--logLevel', 'error'], { stdio: 'inherit' });
try {
  run('scripts/bench-browser.ts', ['--no-build', ...(has('--steps-only') ? ['--steps-only'] : [])]);
  run('scripts/bench-batch-browser.ts', ['--no-build', ...valueOf('--runs')]);
} finally {
  if (!has('--no-build') && !process.env.BENCH_DIST) rmSync(dist, { recursive: true, force: true });
}
