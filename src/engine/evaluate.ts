/**
 * Three-valued evaluation of the condition language (ARCHITECTURE.md "One condition language").
 * true / false / unknown, where unknown means the answer is missing or "don't know".
 * Every evaluation keeps its tree, so callers can say which leaves decided the result.
 */
import { DONT_KNOW, isLeaf, leafOperator, type Condition, type Leaf, type LeafOperator } from '../rulebook/conditions.ts';
import type { AnswerValue } from '../rulebook/schema.ts';

export type Truth = true | false | 'unknown';

/** What the evaluator needs to know about one answer. */
export type AnswerState =
  /** The question is asked and has a real answer. */
  | { kind: 'value'; value: AnswerValue; derived?: boolean }
  /** The question is asked and answered "don't know". */
  | { kind: 'dont_know' }
  /** The question is (or may be) asked but has no answer yet. */
  | { kind: 'missing' }
  /** The question is not asked for these answers (its show-condition is false): its answer does not count. */
  | { kind: 'hidden' };

export type LeafTrace = {
  question: string;
  op: LeafOperator;
  expected: Leaf[keyof Leaf];
  /** The answer as given; undefined when there is none. */
  actual: AnswerValue | undefined;
  state: AnswerState['kind'];
  /** The answer was proposed by a parameter table, not given by the respondent. */
  derived?: boolean;
  /**
   * The result as the condition uses it: the comparison's own result, negated when the leaf is `negated`
   * (unknown stays unknown). So true is always "this line speaks for the condition holding" (✓).
   */
  result: Truth;
  /**
   * The leaf sits under an odd number of `not`s within its condition: the condition needs the comparison
   * NOT to hold (e.g. `not: { atLeast: 300 }` needs fewer than 300). Absent otherwise.
   */
  negated?: true;
};

export type EvalNode =
  /** A leaf's `result` is the comparison's own; its trace's result is as the condition sees it (LeafTrace.result). */
  | { kind: 'leaf'; result: Truth; leaf: LeafTrace }
  | { kind: 'all' | 'any'; result: Truth; children: EvalNode[] }
  | { kind: 'not'; result: Truth; child: EvalNode };

export type AnswerLookup = (questionId: string) => AnswerState;

/**
 * A condition in a form that is quick to walk: the operator of each leaf is found once, not on every
 * evaluation. Compiled forms are cached per condition object (rulebooks are immutable data).
 */
type Compiled =
  | { kind: 'leaf'; leaf: Leaf; question: string; op: LeafOperator; expected: LeafTrace['expected'] }
  | { kind: 'all' | 'any'; children: Compiled[] }
  | { kind: 'not'; child: Compiled };

const compiledConditions = new WeakMap<Condition, Compiled>();

function compile(condition: Condition): Compiled {
  let compiled = compiledConditions.get(condition);
  if (compiled) return compiled;
  if (isLeaf(condition)) {
    const op = leafOperator(condition);
    compiled = { kind: 'leaf', leaf: condition, question: condition.answer, op, expected: (condition as Record<string, unknown>)[op] as LeafTrace['expected'] };
  } else if ('all' in condition) compiled = { kind: 'all', children: condition.all.map(compile) };
  else if ('any' in condition) compiled = { kind: 'any', children: condition.any.map(compile) };
  else compiled = { kind: 'not', child: compile(condition.not) };
  compiledConditions.set(condition, compiled);
  return compiled;
}

export function evaluate(condition: Condition, lookup: AnswerLookup): EvalNode {
  return run(compile(condition), lookup, false);
}

/** `negated`: under an odd number of `not`s so far. */
function run(c: Compiled, lookup: AnswerLookup, negated: boolean): EvalNode {
  switch (c.kind) {
    case 'leaf':
      return evaluateLeaf(c.question, c.op, c.expected, lookup(c.question), negated);
    case 'all': {
      const children = c.children.map((child) => run(child, lookup, negated));
      return { kind: 'all', result: and(children), children };
    }
    case 'any': {
      const children = c.children.map((child) => run(child, lookup, negated));
      return { kind: 'any', result: or(children), children };
    }
    case 'not': {
      const child = run(c.child, lookup, !negated);
      return { kind: 'not', result: negate(child.result), child };
    }
  }
}

function and(children: EvalNode[]): Truth {
  let result: Truth = true;
  for (const c of children) {
    if (c.result === false) return false;
    if (c.result === 'unknown') result = 'unknown';
  }
  return result;
}

function or(children: EvalNode[]): Truth {
  let result: Truth = false;
  for (const c of children) {
    if (c.result === true) return true;
    if (c.result === 'unknown') result = 'unknown';
  }
  return result;
}

export function negate(t: Truth): Truth {
  return t === 'unknown' ? t : !t;
}

function evaluateLeaf(question: string, op: LeafOperator, expected: LeafTrace['expected'], state: AnswerState, negated: boolean): EvalNode {
  const result = compare(op, expected, state);
  return { kind: 'leaf', result, leaf: leafTrace(question, op, expected, state, result, negated) };
}

/**
 * The trace of one leaf (also built by the compiled plan, plan.ts: one shape for both). `result` is the
 * comparison's own; the trace carries it as the condition sees it (negated under `negated`).
 */
export function leafTrace(question: string, op: LeafOperator, expected: LeafTrace['expected'], state: AnswerState, result: Truth, negated = false): LeafTrace {
  const actual = state.kind === 'value' ? state.value : state.kind === 'dont_know' ? DONT_KNOW : undefined;
  const trace: LeafTrace = { question, op, expected, actual, state: state.kind, result: negated ? negate(result) : result };
  if (state.kind === 'value' && state.derived) trace.derived = true;
  if (negated) trace.negated = true;
  return trace;
}

export function compare(op: LeafOperator, expected: unknown, state: AnswerState): Truth {
  if (op === 'answered') {
    if (state.kind === 'missing') return 'unknown';
    return (state.kind === 'value') === expected;
  }
  // A question that is not asked has no answer to compare: the comparison does not hold.
  if (state.kind === 'hidden') return false;
  if (state.kind !== 'value') return 'unknown';
  const actual = state.value;
  switch (op) {
    case 'is':
      return actual === expected;
    case 'in':
      return (expected as unknown[]).includes(actual);
    // Loops rather than some/every: no closure per comparison (this runs for every leaf of every assessment).
    case 'includesAny':
      if (!Array.isArray(actual)) return false;
      for (const v of expected as string[]) if (actual.includes(v)) return true;
      return false;
    case 'includesAll':
      if (!Array.isArray(actual)) return false;
      for (const v of expected as string[]) if (!actual.includes(v)) return false;
      return true;
    case 'atLeast':
      return typeof actual === 'number' && actual >= (expected as number);
    case 'atMost':
      return typeof actual === 'number' && actual <= (expected as number);
  }
}

/** Every leaf of an evaluated condition, in the order written. */
export function leaves(node: EvalNode, out: LeafTrace[] = []): LeafTrace[] {
  if (node.kind === 'leaf') out.push(node.leaf);
  else if (node.kind === 'not') leaves(node.child, out);
  else for (const c of node.children) leaves(c, out);
  return out;
}

/**
 * The leaves that make `node` evaluate to `result`: for a false `all`, its false children;
 * for a false `any`, all of them; `not` swaps what it looks for. These are the reasons shown to a user.
 * For a whole condition, each one's trace result (as the condition sees it, LeafTrace.result) is `result`.
 */
export function decisiveLeaves(node: EvalNode, result: Truth = node.result, out: LeafTrace[] = []): LeafTrace[] {
  if (node.kind === 'leaf') {
    // The comparison's own result (the `not`s above have turned `result` accordingly).
    if (node.result === result) out.push(node.leaf);
  } else if (node.kind === 'not') {
    decisiveLeaves(node.child, negate(result), out);
  } else {
    // In an `all` that is true (or an `any` that is false) every child contributes; otherwise only
    // the children that carry the result do.
    const everyChild = (node.kind === 'all' && result === true) || (node.kind === 'any' && result === false);
    for (const c of node.children) if (everyChild || c.result === result) decisiveLeaves(c, result, out);
  }
  return out;
}

/**
 * The fewest leaves whose answers would have to change for `node` to hold, and one such set.
 * Unknown leaves cost nothing: they may still turn out either way. Used for near misses.
 */
/**
 * `fixed` names questions whose answers are circumstances, not choices (the rulebook's `nearMiss: false`):
 * changing them is never suggested.
 */
export function cheapestFix(node: EvalNode, target: boolean = true, fixed: ReadonlySet<string> = NO_QUESTIONS): { cost: number; leaves: LeafTrace[] } {
  const leaves: LeafTrace[] = [];
  const cost = fix(node, target, leaves, fixed);
  return { cost, leaves };
}

const NO_QUESTIONS: ReadonlySet<string> = new Set();
/** More than any near miss: what cannot or should not be changed. */
const UNFIXABLE = 2;

/** The cost of making `node` evaluate to `target`; pushes one cheapest set of leaves to change onto `out`. */
function fix(node: EvalNode, target: boolean, out: LeafTrace[], fixed: ReadonlySet<string>): number {
  if (node.kind === 'leaf') {
    const r = node.result;
    if (r === 'unknown' || r === target) return 0;
    out.push(node.leaf);
    // A question that is not asked cannot simply be answered differently: an earlier answer must change too.
    return node.leaf.state === 'hidden' || fixed.has(node.leaf.question) ? UNFIXABLE : 1;
  }
  if (node.kind === 'not') return fix(node.child, !target, out, fixed);
  // A child that already has the target value costs nothing.
  if ((node.kind === 'all') === target) {
    // To make an `all` true (or an `any` false) every child must be fixed.
    let cost = 0;
    for (const child of node.children) if (child.result !== target) cost += fix(child, target, out, fixed);
    return cost;
  }
  // Otherwise the cheapest child suffices.
  let best = Infinity;
  let bestLeaves: LeafTrace[] = [];
  for (const child of node.children) {
    const leaves: LeafTrace[] = [];
    const cost = child.result === target ? 0 : fix(child, target, leaves, fixed);
    if (cost < best) {
      best = cost;
      bestLeaves = leaves;
      if (cost === 0) break;
    }
  }
  for (const l of bestLeaves) out.push(l);
  return best;
}

/** The question ids a condition refers to, in order of appearance, without repeats. */
export function questionsOf(condition: Condition, out: Set<string> = new Set()): Set<string> {
  if (isLeaf(condition)) out.add(condition.answer);
  else if ('all' in condition) for (const c of condition.all) questionsOf(c, out);
  else if ('any' in condition) for (const c of condition.any) questionsOf(c, out);
  else questionsOf(condition.not, out);
  return out;
}
