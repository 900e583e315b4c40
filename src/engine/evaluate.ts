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
  result: Truth;
};

export type EvalNode =
  | { kind: 'leaf'; result: Truth; leaf: LeafTrace }
  | { kind: 'all' | 'any'; result: Truth; children: EvalNode[] }
  | { kind: 'not'; result: Truth; child: EvalNode };

export type AnswerLookup = (questionId: string) => AnswerState;

export function evaluate(condition: Condition, lookup: AnswerLookup): EvalNode {
  if (isLeaf(condition)) return evaluateLeaf(condition, lookup(condition.answer));
  if ('all' in condition) {
    const children = condition.all.map((c) => evaluate(c, lookup));
    return { kind: 'all', result: and(children), children };
  }
  if ('any' in condition) {
    const children = condition.any.map((c) => evaluate(c, lookup));
    return { kind: 'any', result: or(children), children };
  }
  const child = evaluate(condition.not, lookup);
  return { kind: 'not', result: negate(child.result), child };
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

function evaluateLeaf(leaf: Leaf, state: AnswerState): EvalNode {
  const op = leafOperator(leaf);
  const expected = (leaf as Record<string, unknown>)[op] as LeafTrace['expected'];
  const actual = state.kind === 'value' ? state.value : state.kind === 'dont_know' ? DONT_KNOW : undefined;
  const result = compare(op, expected, state);
  const trace: LeafTrace = { question: leaf.answer, op, expected, actual, state: state.kind, result };
  if (state.kind === 'value' && state.derived) trace.derived = true;
  return { kind: 'leaf', result, leaf: trace };
}

function compare(op: LeafOperator, expected: unknown, state: AnswerState): Truth {
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
    case 'includesAny':
      return Array.isArray(actual) && (expected as string[]).some((v) => actual.includes(v));
    case 'includesAll':
      return Array.isArray(actual) && (expected as string[]).every((v) => actual.includes(v));
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
 */
export function decisiveLeaves(node: EvalNode, result: Truth = node.result, out: LeafTrace[] = []): LeafTrace[] {
  if (node.kind === 'leaf') {
    if (node.leaf.result === result) out.push(node.leaf);
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
export function cheapestFix(node: EvalNode, target: boolean = true): { cost: number; leaves: LeafTrace[] } {
  if (node.kind === 'leaf') {
    const r = node.leaf.result;
    if (r === 'unknown' || r === target) return { cost: 0, leaves: [] };
    // A question that is not asked cannot simply be answered differently: an earlier answer must change too.
    return { cost: node.leaf.state === 'hidden' ? 2 : 1, leaves: [node.leaf] };
  }
  if (node.kind === 'not') return cheapestFix(node.child, !target);
  const fixes = node.children.map((c) => cheapestFix(c, target));
  // To make an `all` true (or an `any` false) every child must be fixed; otherwise the cheapest one suffices.
  const needsEvery = (node.kind === 'all') === target;
  if (needsEvery) return { cost: fixes.reduce((n, f) => n + f.cost, 0), leaves: fixes.flatMap((f) => f.leaves) };
  return fixes.reduce((best, f) => (f.cost < best.cost ? f : best));
}

/** The question ids a condition refers to, in order of appearance, without repeats. */
export function questionsOf(condition: Condition, out: Set<string> = new Set()): Set<string> {
  if (isLeaf(condition)) out.add(condition.answer);
  else if ('all' in condition) for (const c of condition.all) questionsOf(c, out);
  else if ('any' in condition) for (const c of condition.any) questionsOf(c, out);
  else questionsOf(condition.not, out);
  return out;
}
