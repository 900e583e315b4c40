/**
 * npm run bench — performance figures for issue 6 (a benchmark, not a timed test):
 *  1. engine assessments per second with full traces on the real rulebook (median of 7 runs, varied generated answers),
 *     next to what the engine cannot do without (engineFloor()) and a machine reference (reference());
 *  2. CLI batch time for 10,000 (median of 3 runs) and 100,000 generated members, each in a fresh Node process, with peak RSS and heap
 *     (the CLI streams: memory should stay flat from 10k to 100k); 10,000 twice: compiling the rulebook, as the
 *     first run after a change to it does, and reading it from the CLI's cache, as the next runs do.
 * Targets: ≥ 100,000 assessments/s; 10k members ≤ 1 s in the CLI; 100k members with flat memory.
 * The browser figures (page load, step change, 10k members in the batch screen) are bench-browser.ts and
 * bench-batch-browser.ts, which `npm run bench` runs after this one.
 * `npm run bench -- --quick` skips the 100,000-member run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, devNull, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchColumns, csvLine, memberCells, mulberry32, sampleAnswers } from '../src/batch/index.ts';
import { runBatch } from '../src/cli/batch.ts';
import { questionnairePlan, readAnswers } from '../src/engine/answers-state.ts';
import { assess } from '../src/engine/index.ts';
import { ConditionPlan, TRUE, truth } from '../src/engine/plan.ts';
import { loadRulebook } from '../src/rulebook/load.ts';
import type { Answers } from '../src/rulebook/schema.ts';
import { median } from './bench-figures.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const rulesDir = join(root, 'rules');
const RULEBOOK = 'tianjin-2022';
/** Fresh CLI processes per 10,000-member figure (the median is printed). */
const CLI_RUNS = 3;
/** JSON round trips of the compiled rulebook in the machine's reference figure (see reference()). */
const REFERENCE_ROUNDS = 20;

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await main();

async function main() {
  const rulebook = loadRulebook(join(rulesDir, RULEBOOK), root);
  const cpu = cpus();
  console.log(`Policy Self-Check benchmark — ${new Date().toISOString()}`);
  console.log(`machine: Node ${process.version}, ${process.platform}/${process.arch}, ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const questions = rulebook.questionnaire.steps.reduce((n, s) => n + s.questions.length, 0);
  const items = rulebook.measures.reduce((n, m) => n + m.supportItems.length, 0);
  console.log(`rulebook: ${rulebook.meta.id} ${rulebook.meta.version} (${rulebook.measures.length} clauses, ${items} support items, ${questions} questions)\n`);

  // 1. The engine alone: runs of about a second each, over varied generated answers.
  const random = mulberry32(42);
  const pool: Answers[] = Array.from({ length: 2000 }, () => sampleAnswers(rulebook, random));
  let sink = 0;
  const warm = performance.now();
  for (const a of pool) sink += assess(rulebook, a).counts.applies; // warm up the JIT, and size the runs
  const perRun = Math.min(20_000, Math.max(1000, Math.round(pool.length / ((performance.now() - warm) / 1000))));
  const answers: Answers[] = Array.from({ length: perRun }, (_, i) => (i < pool.length ? pool[i]! : sampleAnswers(rulebook, random)));
  const rates: number[] = [];
  const references: number[] = [];
  const floor = engineFloor(rulebook);
  const reading: number[] = [];
  const verdicts: number[] = [];
  const perAssessment = (pass: (a: Answers) => number) => {
    const start = performance.now();
    for (const a of answers) sink += pass(a);
    return ((performance.now() - start) * 1000) / answers.length;
  };
  for (let run = 0; run < 7; run += 1) {
    references.push(reference(rulebook));
    const start = performance.now();
    for (const a of answers) sink += assess(rulebook, a).counts.applies;
    rates.push(answers.length / ((performance.now() - start) / 1000));
    reading.push(perAssessment(floor.read));
    verdicts.push(perAssessment(floor.verdicts));
  }
  const engineRate = median(rates);
  console.log(`engine: ${fmt(engineRate)} assessments/s with full traces (median of ${rates.length} runs of ${fmt(answers.length)}; runs: ${rates.map(fmt).join(', ')})  target ≥ 100,000/s ${engineRate >= 100_000 ? 'OK' : 'MISSED'}  [${load()}]`);
  console.log(
    `  for comparison, µs per assessment (median): reading the answers ${median(reading).toFixed(1)}; reading them and deciding every item's verdict, without traces ${median(verdicts).toFixed(1)}; the whole assessment, with traces ${(1e6 / engineRate).toFixed(1)}`,
  );
  console.log(`machine reference: ${median(references).toFixed(1)} ms for ${REFERENCE_ROUNDS} JSON round trips of the compiled rulebook (median; before each engine run: ${references.map((r) => r.toFixed(1)).join(', ')}). Compare figures from different days or machines against it.`);

  // 2. The CLI, streamed, one fresh process per run. The CLI keeps compiled rulebooks between runs
  //    (src/rulebook/cache.ts): 10,000 members are run twice, compiling the rulebook, then reading it back.
  const dir = mkdtempSync(join(tmpdir(), 'bench-batch-'));
  const cacheDir = join(dir, 'cache');
  try {
    for (const count of process.argv.includes('--quick') ? [10_000] : [10_000, 100_000]) {
      const path = join(dir, `members-${count}.csv`);
      writeMembers(rulebook, count, path);
      const mb = (statSync(path).size / 2 ** 20).toFixed(1);
      for (const rulebookFrom of count === 10_000 ? ['compiled', 'from the cache'] : ['from the cache']) {
        // A fresh process per run; the median of CLI_RUNS (one run on a shared machine can be off by half).
        const runs: (ChildFigures & { wall: number })[] = [];
        for (let run = 0; run < (count === 10_000 ? CLI_RUNS : 1); run += 1) {
          if (rulebookFrom === 'compiled') rmSync(cacheDir, { recursive: true, force: true });
          const started = performance.now();
          const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', path, cacheDir], { cwd: root, encoding: 'utf8' });
          const wall = (performance.now() - started) / 1000;
          if (result.status !== 0) throw new Error(`the batch run failed: ${result.stderr}`);
          runs.push({ ...(JSON.parse(result.stdout.trim().split('\n').pop()!) as ChildFigures), wall });
        }
        const figures = runs.toSorted((a, b) => a.seconds - b.seconds)[runs.length >> 1]!;
        const target = count === 10_000 ? `  target ≤ 1 s ${figures.seconds <= 1 ? 'OK' : 'MISSED'}` : '';
        const each = runs.length > 1 ? ` (median of ${runs.length} runs: ${runs.map((r) => r.seconds.toFixed(2)).join(', ')})` : '';
        console.log(
          `cli batch ${fmt(count).padStart(7)} members (${mb} MB CSV), rulebook ${rulebookFrom}: runBatch ${figures.seconds.toFixed(2)} s${each} (${fmt(count / figures.seconds)} members/s), process ${figures.wall.toFixed(2)} s incl. startup; peak RSS ${figures.peakRssMb.toFixed(0)} MB, peak heap ${figures.peakHeapMb.toFixed(0)} MB${target}  [${load()}]`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (sink < 0) console.log(sink);
}

/**
 * A fixed piece of work that does not depend on the engine's code, timed next to every engine run: on a shared
 * machine the same code runs up to twice as fast one hour as the next, and this figure moves with it.
 */
function reference(rulebook: ReturnType<typeof loadRulebook>): number {
  const start = performance.now();
  let text = JSON.stringify(rulebook);
  for (let i = 1; i < REFERENCE_ROUNDS; i += 1) text = JSON.stringify(JSON.parse(text));
  return performance.now() - start;
}

/**
 * What the engine cannot do without, for comparison with the whole assessment: reading a respondent's answers
 * (which questions are asked, each answer's state), and then every support item's verdict alone — its scope,
 * audience and own condition evaluated with short cuts, no traces, reasons or missing answers, nothing shared.
 */
function engineFloor(rulebook: ReturnType<typeof loadRulebook>) {
  const questionnaire = questionnairePlan(rulebook.questionnaire, rulebook.parameters);
  const conditions = new ConditionPlan(questionnaire.info);
  const scope = rulebook.meta.scope ? [conditions.root(rulebook.meta.scope.when, 'scope')] : [];
  const items = rulebook.measures.flatMap((m) => m.supportItems.filter((i) => i.audience !== 'government'));
  const parts = items.map((item) => {
    const audience = rulebook.meta.audiences[item.audience as keyof typeof rulebook.meta.audiences];
    return [...scope, ...(audience ? [conditions.root(audience, 'audience')] : []), ...(item.when ? [conditions.root(item.when, 'item')] : [])];
  });
  return {
    read: (answers: Answers) => readAnswers(questionnaire, answers).codes.length,
    verdicts: (answers: Answers) => {
      const { states, codes, masks } = readAnswers(questionnaire, answers);
      let holding = 0;
      for (const nodes of parts) {
        let verdict = TRUE;
        for (const node of nodes) if ((verdict = truth(node, states, codes, masks, states.length)) !== TRUE) break;
        holding += verdict;
      }
      return holding;
    },
  };
}

type ChildFigures = { seconds: number; peakRssMb: number; peakHeapMb: number };

/** Run in a fresh process: runBatch over one file (as the CLI runs it), output to the null device; print the figures as JSON. */
async function child(path: string, cacheDir: string) {
  let peakHeap = 0;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 10);
  let stderr = '';
  const start = performance.now();
  const code = await runBatch({ input: path, format: 'csv', lang: 'zh', out: devNull }, { stdout: () => undefined, stderr: (s) => (stderr += s), rulesDir, cacheDir });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  sample();
  if (code !== 0) {
    process.stderr.write(stderr);
    process.exit(code);
  }
  const figures: ChildFigures = { seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 2 ** 20 };
  console.log(JSON.stringify(figures));
}

/** A batch file of `count` generated members, written in pieces (100k members do not need to be in memory at once). */
function writeMembers(rulebook: ReturnType<typeof loadRulebook>, count: number, path: string) {
  const columns = batchColumns(rulebook);
  const random = mulberry32(count);
  writeFileSync(path, csvLine(columns.columns.map((c) => c.id)));
  for (let from = 0; from < count; from += 10_000) {
    let text = '';
    for (let i = from; i < Math.min(count, from + 10_000); i += 1) text += csvLine(memberCells(columns, { name: `会员 ${i + 1}`, answers: sampleAnswers(rulebook, random, `会员 ${i + 1}`) }, 'zh'));
    writeFileSync(path, text, { flag: 'a' });
  }
}

/** The machine's load average when a figure is printed: other processes share its cores and slow the figures down. */
function load(): string {
  return `load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
