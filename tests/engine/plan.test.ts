/**
 * The compiled plan (src/engine/plan.ts) against the reference evaluator (src/engine/evaluate.ts): for every
 * root, the same truth value, trace, decisive leaves (reasons) and near miss (cheapestFix of cost 1) — on
 * small hand-written and random conditions over every kind of answer state, and on the real rulebooks over
 * many generated members. Then the whole engine (answer states and assess) against the engine as it was
 * before the plan (tests/engine/reference.ts). Both take a leaf's polarity (LeafTrace.negated, result as the
 * condition sees it) from evaluate.ts's leafTrace, so that is checked here on its own as well: against the
 * condition as written (polarities) and against the verdicts (every reason reads as its verdict says).
 */
import { join } from 'node:path';
import { mulberry32, sampleAnswers } from '@/batch/generate';
import { assess, assessVerdicts, answerStates, cheapestFix, decisiveLeaves, evaluate, leaves, type AnswerState, type Assessment, type LeafTrace, type Truth, type Verdicts } from '@/engine';
import { compare } from '@/engine/evaluate';
import { questionnairePlan, readAnswers } from '@/engine/answers-state';
import { ConditionPlan, DONT_KNOW_CODE, Evaluation, HIDDEN_CODE, MISSING_CODE, TRUTH, UNKNOWN, decisiveNodes, evaluateTree, truth, type PlanNode, type QuestionInfo } from '@/engine/plan';
import { DONT_KNOW, isLeaf, leafOperator, type Condition } from '@/rulebook/conditions';
import { loadRulebook } from '@/rulebook/load';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import { fixture, fixtureWithNot } from './helpers';
import { referenceAnswerStates, referenceAssess } from './reference';

const tianjin = loadRulebook(join(process.cwd(), 'rules', 'tianjin-2022'));
const rulebooks: [string, CompiledRulebook][] = [
  ['tianjin-2022', tianjin],
  ['demo-packaging', fixture],
  ['demo-packaging with not', fixtureWithNot],
];

/** Each leaf of a condition in the order written, with whether it sits under an odd number of `not`s. */
function polarities(condition: Condition, negated = false, out: { leaf: Condition; negated: boolean }[] = []) {
  if (isLeaf(condition)) out.push({ leaf: condition, negated });
  else if ('all' in condition) for (const c of condition.all) polarities(c, negated, out);
  else if ('any' in condition) for (const c of condition.any) polarities(c, negated, out);
  else polarities(condition.not, !negated, out);
  return out;
}

const flip = (t: Truth): Truth => (t === 'unknown' ? t : !t);

/**
 * A trace as the condition written says it must be: each leaf `negated` exactly when under an odd number of
 * `not`s (no key otherwise), its result the comparison's, flipped when negated. Null, or the first difference.
 */
function polarityProblem(trace: readonly LeafTrace[], condition: Condition, lookup: (id: string) => AnswerState): string | null {
  const written = polarities(condition);
  if (written.length !== trace.length) return `${trace.length} leaves traced, ${written.length} written`;
  for (let i = 0; i < trace.length; i += 1) {
    const { leaf, negated } = written[i]!;
    const t = trace[i]!;
    const op = leafOperator(leaf as Parameters<typeof leafOperator>[0]);
    const own = compare(op, (leaf as Record<string, unknown>)[op], lookup(t.question));
    if ('negated' in t !== negated || (negated && t.negated !== true)) return `leaf ${i} (${t.question}): negated ${String(t.negated)}, written under ${negated ? 'an odd' : 'an even'} number of nots`;
    if (t.result !== (negated ? flip(own) : own)) return `leaf ${i} (${t.question}): result ${String(t.result)}, comparison ${String(own)}${negated ? ' under not' : ''}`;
  }
  return null;
}

/**
 * One root of a plan checked against evaluate() over the same answer states; returns a description of the
 * first difference, or null. (A returned string rather than expect() in the loops: thousands of cases.)
 */
function compareRoot(ev: Evaluation, root: PlanNode, condition: Condition, states: readonly AnswerState[], { codes, masks }: Named, info: QuestionInfo): string | null {
  const lookup = (id: string) => {
    const i = info.index.get(id);
    return i === undefined ? { kind: 'missing' as const } : states[i]!;
  };
  const ref = evaluate(condition, lookup);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const trace = ev.trace(root);
  if (ev.result(root) !== ref.result) return `result ${String(ev.result(root))}, reference ${String(ref.result)}`;
  if (TRUTH[truth(root, states, codes, masks, states.length)] !== ref.result) return 'truth() differs';
  if (!same(trace, leaves(ref))) return `trace ${JSON.stringify(trace)}, reference ${JSON.stringify(leaves(ref))}`;
  const polarity = polarityProblem(trace, condition, lookup);
  if (polarity) return polarity;
  const reasons = ev.reasons(root);
  if (!same(reasons, decisiveLeaves(ref))) return `reasons ${JSON.stringify(reasons)}, reference ${JSON.stringify(decisiveLeaves(ref))}`;
  // A reason reads as the condition came out: ✓ when it holds, ✗ when it fails, ? when unknown — under a `not` too.
  if (reasons.some((r) => r.result !== ref.result)) return `a reason's result differs from the condition's (${String(ref.result)}): ${JSON.stringify(reasons)}`;
  // The reasons are the trace's own objects: the results page tells leaves apart by identity.
  if (!reasons.every((r) => trace.includes(r))) return 'a reason is not one of the trace objects';
  // decisive() and evaluateTree() (used for missing answers) agree with the reference too.
  const results: number[] = [];
  if (TRUTH[evaluateTree(root, states, codes, masks, states.length, results)] !== ref.result) return 'evaluateTree() differs';
  const unknownLeaves: PlanNode[] = [];
  decisiveNodes(root, UNKNOWN, (node) => results[node.id]!, unknownLeaves);
  if (!same(unknownLeaves.map((l) => l.questionId), decisiveLeaves(ref, 'unknown').map((l) => l.question))) return 'decisiveNodes(unknown) differs';
  if (!same(ev.decisive(root).map((l) => l.questionId), decisiveLeaves(ref).map((l) => l.question))) return 'decisive() differs';
  const fix = cheapestFix(ref, true, info.circumstances);
  const expected = fix.cost === 1 ? (fix.leaves[0] ?? null) : null;
  const nearMiss = ev.nearMiss(root);
  if (!same(nearMiss, expected)) return `near miss ${JSON.stringify(nearMiss)}, reference ${JSON.stringify(expected)} (cost ${fix.cost})`;
  if (nearMiss && !trace.includes(nearMiss)) return 'the near miss is not one of the trace objects';
  // The near miss is a line that fails as the condition uses it (the one to make hold).
  if (nearMiss && nearMiss.result !== false) return `the near miss's result is ${String(nearMiss.result)}`;
  return null;
}

/** Answer states named as readAnswers names them (AnswerFrame.codes and masks). */
type Named = { codes: number[]; masks: number[] };

/**
 * Names for answer states as readAnswers gives them: the states without a value have fixed codes; per
 * question, equal values get equal codes (`values` false: none does), lists none but a mask of their options
 * (QuestionInfo.bits). Evaluations given codes share leaf traces across answer sets.
 */
function namer(info: QuestionInfo, values = true): (states: readonly AnswerState[]) => Named {
  const ids = [...info.index.keys()];
  const names = ids.map(() => new Map<string, number>());
  const fixed = (state: AnswerState) => (state.kind === 'missing' ? MISSING_CODE : state.kind === 'dont_know' ? DONT_KNOW_CODE : HIDDEN_CODE);
  return (states) => {
    const codes = states.map((state, i) => {
      if (state.kind !== 'value') return fixed(state);
      if (!values || Array.isArray(state.value)) return -1;
      const map = names[i]!;
      const key = JSON.stringify(state);
      if (!map.has(key)) map.set(key, 3 + map.size);
      return map.get(key)!;
    });
    const masks = states.map((state, i) => {
      const bits = info.bits?.get(ids[i]!);
      if (!bits || state.kind !== 'value' || !Array.isArray(state.value)) return -1;
      return state.value.reduce((mask, v) => mask | (bits.has(v) ? 1 << bits.get(v)! : 0), 0);
    });
    return { codes, masks };
  };
}

describe('hand-written conditions, every combination of answer states', () => {
  // a, b, d: choices; c: a circumstance (never suggested as a near miss); zz: not in the questionnaire.
  const info: QuestionInfo = { index: new Map(['a', 'b', 'c', 'd'].map((q, i) => [q, i])), circumstances: new Set(['c']) };
  const A: Condition = { answer: 'a', is: true };
  const B: Condition = { answer: 'b', is: true };
  const C: Condition = { answer: 'c', is: true };
  const D: Condition = { answer: 'd', atLeast: 3 };
  const conditions: [string, Condition][] = [
    ['a leaf', A],
    ['not', { not: A }],
    ['all', { all: [A, B] }],
    ['any', { any: [A, B] }],
    ['all with not and any', { all: [A, { not: B }, { any: [C, D] }] }],
    ['any of alls', { any: [{ all: [A, B] }, { all: [C, { not: D }] }] }],
    ['not of all of any', { not: { all: [A, { any: [B, C] }] } }],
    ['a repeated leaf', { all: [A, A, B] }],
    ['not of any inside any', { any: [{ not: { any: [A, B] } }, C] }],
    ['a circumstance shared by two anys', { all: [{ any: [A, C] }, { any: [B, C] }] }],
    ['a question not in the questionnaire', { all: [{ answer: 'zz', is: true }, A] }],
    ['answered', { all: [{ answer: 'a', answered: true }, { any: [{ not: A }, C] }] }],
    ['answered: false', { any: [{ answer: 'b', answered: false }, D] }],
    ['double not', { not: { not: A } }],
    ['in and nested alls', { any: [{ all: [A, B, C] }, { all: [{ not: A }, D] }, { answer: 'b', in: [true] }] }],
    ['two anys and a not', { all: [{ any: [A, B] }, { any: [C, D] }, { not: { all: [B, D] } }] }],
    // The same leaf with and without `not` in one condition, and in conditions of the same plan: apart.
    ['a leaf and its not', { all: [A, { not: A }] }],
    ['a number with and without not', { any: [{ all: [D, B] }, { all: [{ not: D }, C] }] }],
    ['answered under not', { all: [{ not: { answer: 'a', answered: true } }, { not: { not: B } }] }],
  ];
  // Every condition a root of one plan, so that shared parts are shared as they are in a rulebook.
  const plan = new ConditionPlan(info);
  const roots = conditions.map(([, c]) => plan.root(c, 'item'));
  const kinds = (yes: AnswerState, no: AnswerState): AnswerState[] => [{ kind: 'missing' }, { kind: 'dont_know' }, { kind: 'hidden' }, yes, no];
  const choices = kinds({ kind: 'value', value: true }, { kind: 'value', value: false });
  const numbers = kinds({ kind: 'value', value: 5, derived: true }, { kind: 'value', value: 1 });
  const combinations: AnswerState[][] = [];
  for (const a of choices) for (const b of choices) for (const c of choices) for (const d of numbers) combinations.push([a, b, c, d]);

  // Traces named by codes are kept on the plan's nodes from one answer set to the next; unnamed ones are not.
  const namers = [namer(info), namer(info, false)];
  it.each(conditions.map(([name], i) => [name, i] as const))('%s', (_name, i) => {
    const problems: string[] = [];
    for (const name of namers)
      for (const states of combinations) {
        const named = name(states);
        const problem = compareRoot(new Evaluation(plan, states, named.codes, named.masks), roots[i]!, conditions[i]![1], states, named, info);
        if (problem) problems.push(`${states.map((s) => (s.kind === 'value' ? String(s.value) : s.kind)).join(' ')}: ${problem}`);
      }
    expect(problems.slice(0, 5)).toEqual([]);
  });
});

it('keeps a leaf under not apart from the same leaf outside it: two nodes, each with its own traces', () => {
  const info: QuestionInfo = { index: new Map([['staff', 0]]), circumstances: new Set() };
  const plan = new ConditionPlan(info);
  const below: Condition = { not: { answer: 'staff', atLeast: 300 } };
  const atLeast = plan.root({ answer: 'staff', atLeast: 300 }, 'item');
  const notAtLeast = plan.root(below, 'item');
  const doubleNot = plan.root({ not: below }, 'item');
  expect(notAtLeast.leaves[0]).not.toBe(atLeast);
  expect(doubleNot.leaves[0]).toBe(atLeast);
  const states: AnswerState[] = [{ kind: 'value', value: 400 }];
  const ev = new Evaluation(plan, states, [3], [-1]);
  expect(ev.trace(atLeast)).toStrictEqual([{ question: 'staff', op: 'atLeast', expected: 300, actual: 400, state: 'value', result: true }]);
  expect(ev.trace(notAtLeast)).toStrictEqual([{ question: 'staff', op: 'atLeast', expected: 300, actual: 400, state: 'value', result: false, negated: true }]);
  expect(ev.result(notAtLeast)).toBe(false);
  // The kept trace (by the answer's code) is the node's own: the next respondent with the same answer gets it again.
  const next = new Evaluation(plan, states, [3], [-1]);
  expect(next.nearMiss(notAtLeast)).toBe(ev.trace(notAtLeast)[0]);
  expect(next.reasons(atLeast)).toStrictEqual([{ question: 'staff', op: 'atLeast', expected: 300, actual: 400, state: 'value', result: true }]);
  // Without a code (the trace made for this respondent alone) the same.
  const unnamed = new Evaluation(plan, states, [-1], [-1]);
  expect(unnamed.reasons(notAtLeast)).toStrictEqual([{ question: 'staff', op: 'atLeast', expected: 300, actual: 400, state: 'value', result: false, negated: true }]);
});

describe('random conditions', () => {
  // a to e: numbers; f, g: lists (f's options have bits, g's do not; 'z' is not an option).
  const questions = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const options = ['p', 'q', 'r', 's'];
  const info: QuestionInfo = { index: new Map(questions.map((q, i) => [q, i])), circumstances: new Set(['e']), bits: new Map([['f', new Map(options.map((o, i) => [o, i]))]]) };
  const random = mulberry32(7);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = () => [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick([...options, 'z'])))];
  const leaf = (): Condition => {
    const r = random();
    if (r < 0.25) return random() < 0.5 ? { answer: pick(['f', 'g']), includesAny: some() } : { answer: pick(['f', 'g']), includesAll: some() };
    const question = pick(questions.slice(0, 5));
    return r < 0.35 ? { answer: pick(questions), answered: random() < 0.8 } : r < 0.45 ? { answer: question, in: [1, 2] } : { answer: question, atLeast: 2 };
  };
  const condition = (depth: number): Condition => {
    if (depth === 0 || random() < 0.3) return leaf();
    const r = random();
    if (r < 0.15) return { not: condition(depth - 1) };
    const children = Array.from({ length: 1 + Math.floor(random() * 3) }, () => condition(depth - 1));
    return r < 0.6 ? { all: children } : { any: children };
  };
  const states = (): AnswerState[] =>
    questions.map((q) => {
      const r = random();
      if (r < 0.15) return { kind: 'missing' };
      if (r < 0.25) return { kind: 'dont_know' };
      if (r < 0.35) return { kind: 'hidden' };
      return { kind: 'value', value: q === 'f' || q === 'g' ? some() : Math.floor(random() * 4) };
    });

  it('agree with the reference evaluator on 200 conditions × 100 answer sets', () => {
    const conditions = Array.from({ length: 200 }, () => condition(4));
    const plan = new ConditionPlan(info);
    const roots = conditions.map((c) => plan.root(c, 'item'));
    const name = namer(info);
    const problems: string[] = [];
    for (let n = 0; n < 100; n += 1) {
      const s = states();
      const named = name(s);
      const ev = new Evaluation(plan, s, named.codes, named.masks);
      for (let i = 0; i < conditions.length; i += 1) {
        const problem = compareRoot(ev, roots[i]!, conditions[i]!, s, named, info);
        if (problem) problems.push(`${JSON.stringify(conditions[i])} with ${JSON.stringify(s)}: ${problem}`);
      }
    }
    expect(problems.slice(0, 3)).toEqual([]);
  }, 30_000);
});

/**
 * Generated members, made harder: each answer is sometimes dropped (later questions' visibility becomes
 * unknown), "don't know", or taken from another member (answers to questions that are not asked).
 */
function members(rulebook: CompiledRulebook, count: number, seed: number): Answers[] {
  const random = mulberry32(seed);
  const ids = rulebook.questionnaire.steps.flatMap((s) => s.questions.map((q) => q.id));
  return Array.from({ length: count }, () => {
    const own = sampleAnswers(rulebook, random);
    if (random() < 0.3) return own;
    const other = sampleAnswers(rulebook, random);
    const out: Answers = {};
    for (const id of ids) {
      const r = random();
      const value = r < 0.7 ? own[id] : r < 0.85 ? other[id] : r < 0.95 ? undefined : DONT_KNOW;
      if (value !== undefined) out[id] = value;
    }
    return out;
  });
}

describe.each(rulebooks)('the %s rulebook', (_name, rulebook) => {
  const questionnaire = questionnairePlan(rulebook.questionnaire, rulebook.parameters);
  const info = questionnaire.info;
  // Scope, audiences and items' conditions as assess() plans them: roots in separate pools.
  const plan = new ConditionPlan(info);
  const conditions: [PlanNode, Condition][] = [];
  if (rulebook.meta.scope) conditions.push([plan.root(rulebook.meta.scope.when, 'scope'), rulebook.meta.scope.when]);
  for (const c of Object.values(rulebook.meta.audiences)) if (c) conditions.push([plan.root(c, 'audience'), c]);
  for (const m of rulebook.measures) for (const i of m.supportItems) if (i.when) conditions.push([plan.root(i.when, 'item'), i.when]);
  const answers = members(rulebook, 600, 11);

  it('gives every condition the reference truth value, trace, reasons and near miss', () => {
    const problems: string[] = [];
    for (const a of answers) {
      const { states, codes, masks } = readAnswers(questionnaire, a);
      const ev = new Evaluation(plan, states, codes, masks);
      for (const [root, condition] of conditions) {
        const problem = compareRoot(ev, root, condition, states, { codes, masks }, info);
        if (problem) problems.push(`${JSON.stringify(a)}: ${problem}`);
      }
    }
    expect(problems.slice(0, 3)).toEqual([]);
  }, 30_000);

  it('explains every item as its verdict says: reasons hold (applies), fail (does not apply) or are unknown (possible); a near miss fails', () => {
    const expected = { applies: true, does_not_apply: false, possible: 'unknown' } as const;
    const problems: string[] = [];
    for (const a of answers)
      for (const c of assess(rulebook, a).clauses)
        for (const i of c.supportItems) {
          if (i.verdict === 'for_information') continue;
          const want = expected[i.verdict];
          const wrong = i.reasons.filter((r) => r.result !== want);
          if (wrong.length > 0) problems.push(`${i.id} ${i.verdict} for ${JSON.stringify(a)}: ${JSON.stringify(wrong)}`);
          if (i.nearMiss && i.nearMiss.result !== false) problems.push(`${i.id} near miss ${JSON.stringify(i.nearMiss)}`);
        }
    expect(problems.slice(0, 3)).toEqual([]);
  }, 30_000);

  it('reads answers as the reference does: visibility, states, derived answers, missing answers', () => {
    const ids = rulebook.questionnaire.steps.flatMap((s) => s.questions.map((q) => q.id));
    const problems: string[] = [];
    for (const a of answers) {
      const ref = referenceAnswerStates(rulebook.questionnaire, a, rulebook.parameters);
      const got = answerStates(rulebook.questionnaire, a, rulebook.parameters);
      const view = (s: typeof ref | typeof got) =>
        JSON.stringify({
          visibility: [...s.visibility],
          steps: [...s.stepVisibility],
          derived: [...s.derived],
          states: ids.map((id) => s.lookup(id)),
          missing: [...ids, 'no_such_question'].map((id) => s.missingFor(id)),
        });
      if (view(got) !== view(ref)) problems.push(`${JSON.stringify(a)}:\n${view(got)}\n${view(ref)}`);
    }
    expect(problems.slice(0, 2)).toEqual([]);
  }, 30_000);

  it('assesses as the reference engine does, down to which trace objects are shared', () => {
    const problems: string[] = [];
    answers.forEach((a, n) => {
      const got = assess(rulebook, a);
      const ref = referenceAssess(rulebook, a);
      // The whole assessment for some members; what depends on the answers for all of them (quicker).
      const view = n < 50 ? JSON.stringify : (x: Assessment) => JSON.stringify(outcome(x));
      if (view(got) !== view(ref)) problems.push(`${JSON.stringify(a)}: the assessments differ`);
      else if (JSON.stringify(identities(got)) !== JSON.stringify(identities(ref))) problems.push(`${JSON.stringify(a)}: trace objects shared differently`);
    });
    expect(problems.slice(0, 3)).toEqual([]);
  }, 30_000);

  it('gives a batch the verdicts, near misses and missing answers of the whole assessment (assessVerdicts)', () => {
    const problems: string[] = [];
    // Twice over: the second time, the clauses it remembers from the first.
    const view = (v: Verdicts) => JSON.stringify([v.inScope, v.counts, v.clauses.map((c) => [c.id, c.clause, c.verdict, c.nearMiss, c.missing])]);
    for (const a of [...answers, ...answers]) {
      const want = view(assess(rulebook, a));
      const got = view(assessVerdicts(rulebook, a));
      if (got !== want) problems.push(`${JSON.stringify(a)}:\n${got}\n${want}`);
    }
    expect(problems.slice(0, 2)).toEqual([]);
  }, 30_000);
});

/** The parts of an assessment that depend on the answers. */
function outcome(a: Assessment) {
  return [
    a.inScope,
    a.scopeNotice,
    a.counts,
    a.clauses.map((c) => [c.verdict, c.nearMiss, c.missing, c.supportItems.map((i) => [i.verdict, i.reasons, i.trace, i.conditionTrace, i.missing, i.nearMiss, i.failedAt])]),
  ];
}

/**
 * What the results page and the report learn from object identity within an assessment: which reasons
 * (and which near miss) are leaves of the item's own condition, and which are leaves of its trace.
 */
function identities(a: Assessment) {
  const within = (leaf: LeafTrace, list: readonly LeafTrace[]) => list.includes(leaf);
  return a.clauses.flatMap((c) =>
    c.supportItems.map((i) => ({
      reasons: i.reasons.map((r) => [within(r, i.conditionTrace), within(r, i.trace)]),
      nearMiss: i.nearMiss ? [within(i.nearMiss, i.conditionTrace), within(i.nearMiss, i.trace)] : null,
      // The scope's and audience's leaves are not the item's own, even when they ask the same.
      ownInTrace: i.trace.map((l) => within(l, i.conditionTrace)),
    })),
  );
}

it('stays right past the limits of what it remembers: thousands of different numbers for one question', () => {
  // export_share decides an item; past 4,096 values a question's answers are no longer named by codes,
  // and past 2,048 results an item's memory starts again.
  const problems: string[] = [];
  for (let n = 0; n < 5000; n += 1) {
    const a: Answers = { kind: 'company', located_here: true, exports: n % 7 > 0, export_share: n % 97 === 0 ? DONT_KNOW : n / 50, staff: n % 300 };
    const got = assess(fixture, a);
    const ref = referenceAssess(fixture, a);
    if (JSON.stringify(got) !== JSON.stringify(ref) || JSON.stringify(identities(got)) !== JSON.stringify(identities(ref))) problems.push(JSON.stringify(a));
  }
  expect(problems.slice(0, 3)).toEqual([]);
}, 30_000);
