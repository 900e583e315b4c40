/**
 * Conditions compiled for repeated evaluation: assess() runs every condition of a rulebook for every
 * respondent, and a batch has many respondents. Compiled once per rulebook:
 * - a leaf names its question by index in questionnaire order, so answers are read from arrays;
 * - structurally identical conditions become one node (hash-consing): a condition shared by many support
 *   items is evaluated once per assessment (its value kept on the node, see Evaluation); a leaf under an odd
 *   number of `not`s is not the same node as the same leaf elsewhere (its trace says so: LeafTrace.negated);
 * - a leaf keeps its trace for each answer state it has seen (by the state's code, see AnswerFrame.codes):
 *   most answers recur (not asked, yes, no, one of a few choices), so most traces are made once, not per
 *   assessment. They are shared, hence frozen.
 * The three-valued rules, the decisive leaves and the cheapest fix are those of evaluate.ts, restated over
 * these arrays; tests/engine/plan.test.ts checks that both give the same answers.
 */
import { isLeaf, leafOperator, type Condition, type LeafOperator } from '../rulebook/conditions.ts';
import { compare, leafTrace, type AnswerState, type LeafTrace, type Truth } from './evaluate.ts';
import { Recent } from './recent.ts';

/** Truth values inside the plan: small integers compare faster than true / false / 'unknown'. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
/** By the integer: the truth value. */
export const TRUTH: readonly Truth[] = [false, true, 'unknown'];
/** not: true and false swap, unknown stays. */
const NEGATE = [TRUE, FALSE, UNKNOWN];

function truthCode(t: Truth): number {
  return t === true ? TRUE : t === false ? FALSE : UNKNOWN;
}

/** Node kinds, as integers for the same reason. */
export const LEAF = 0;
export const ALL = 1;
export const ANY = 2;
export const NOT = 3;

/** One shape for every kind of node, so that V8 sees one hidden class on the hot path. */
export type PlanNode = {
  /** Its index in ConditionPlan.nodes (and in evaluateTree's results). */
  id: number;
  /** LEAF, ALL, ANY or NOT. */
  kind: number;
  /** Leaves: the question's index in questionnaire order, or -1 when the questionnaire has no such question. */
  question: number;
  questionId: string;
  op: LeafOperator;
  expected: LeafTrace['expected'];
  /** Leaves: the answer is a circumstance (the question's `nearMiss: false`), never suggested as a change. */
  circumstance: boolean;
  /**
   * Leaves: under an odd number of `not`s within the condition added (ConditionPlan.add). The node's value is
   * the comparison's own; its traces carry the result as the condition sees it (LeafTrace.result, .negated).
   */
  negated: boolean;
  /** all / any: the children in order; not: its one child. */
  children: PlanNode[];
  /** The leaves under this node in the order written (repeats kept): the node's trace. */
  leaves: PlanNode[];
  /** A root (see ConditionPlan.root): its number, for per-assessment memos (assess's missing answers); -1 for the other nodes. */
  slot: number;
  /**
   * includesAny / includesAll leaves on a list question: the mask of the expected options, so that a list is
   * tested with one AND (see AnswerFrame.masks); -1 for the other leaves.
   */
  mask: number;
  /** Leaves: the trace for each answer state seen, by the state's code, and the comparison's result (TRUE, FALSE, UNKNOWN). */
  traces: (LeafTrace | undefined)[];
  results: (number | undefined)[];
  /** Roots: recent outlines (see Evaluation.outline), by their leaves' marks. */
  outlines: Recent<Outline> | null;
  /** The Evaluation under way (see there): its stamp, the node's value, a leaf's trace; a root's trace, reasons and outline once asked for. */
  stamp: number;
  value: number;
  trace: LeafTrace | null;
  rootTrace: LeafTrace[] | null;
  rootReasons: LeafTrace[] | null;
  rootOutline: Outline | null;
};

/**
 * What a root's reasons and near miss are, as positions in its leaves: they depend only on each leaf's result
 * and on whether its question is asked, which recur far more often than the answers themselves.
 */
type Outline = {
  /** The decisive leaves' positions; null: all of them. */
  decisive: number[] | null;
  /** The near miss's position; -1: none. */
  nearMiss: number;
};

export type QuestionInfo = {
  index: ReadonlyMap<string, number>;
  circumstances: ReadonlySet<string>;
  /** By question id, for questions whose answers are lists: each option's bit in a list's mask (see AnswerFrame.masks). */
  bits?: ReadonlyMap<string, ReadonlyMap<string, number>>;
};

export class ConditionPlan {
  /** Children before parents: evaluating in this order settles every node in one pass. */
  readonly nodes: PlanNode[] = [];
  /** How many roots. */
  roots = 0;
  /** Scratch for Evaluation.outline, by node id. */
  readonly marks: number[] = [];
  private readonly byKey = new Map<string, PlanNode>();

  constructor(private readonly questions: QuestionInfo) {}

  /** A whole condition whose trace, reasons and near miss an assessment asks for (and remembers). */
  root(condition: Condition, pool: string): PlanNode {
    const node = this.add(condition, pool);
    if (node.slot < 0) {
      node.slot = this.roots++;
      node.outlines = new Recent([...new Set(node.leaves.map((l) => l.id))]);
    }
    return node;
  }

  /**
   * The node for a condition. `pool` keeps conditions apart that must not share trace objects: an item's
   * condition that repeats a scope leaf still gets a leaf of its own (the results page tells the item's own
   * leaves from the scope's by identity). `negated`: the condition sits under an odd number of `not`s.
   */
  add(condition: Condition, pool: string, negated = false): PlanNode {
    if (isLeaf(condition)) {
      const op = leafOperator(condition);
      const expected = (condition as Record<string, unknown>)[op] as LeafTrace['expected'];
      // The polarity is part of the key: the same comparison under a `not` has traces of its own.
      const key = `${pool}:${negated ? '!' : ''}${JSON.stringify([condition.answer, op, expected])}`;
      return this.byKey.get(key) ?? this.node(key, LEAF, [], condition.answer, op, expected, negated);
    }
    const [kind, list]: [number, Condition[]] = 'all' in condition ? [ALL, condition.all] : 'any' in condition ? [ANY, condition.any] : [NOT, [condition.not]];
    const children = list.map((c) => this.add(c, pool, kind === NOT ? !negated : negated));
    const key = `${pool}:${kind}(${children.map((c) => c.id).join(',')})`;
    return this.byKey.get(key) ?? this.node(key, kind, children);
  }

  private node(key: string, kind: number, children: PlanNode[], questionId = '', op: LeafOperator = 'is', expected: LeafTrace['expected'] = '', negated = false): PlanNode {
    const node: PlanNode = {
      id: this.nodes.length,
      kind,
      question: kind === LEAF ? (this.questions.index.get(questionId) ?? -1) : -1,
      questionId,
      op,
      expected,
      circumstance: this.questions.circumstances.has(questionId),
      negated,
      mask: kind === LEAF ? maskOf(op, expected, this.questions.bits?.get(questionId)) : -1,
      children,
      leaves: [],
      slot: -1,
      traces: [],
      results: [],
      outlines: null,
      stamp: 0,
      value: UNKNOWN,
      trace: null,
      rootTrace: null,
      rootReasons: null,
      rootOutline: null,
    };
    if (kind === LEAF) node.leaves.push(node);
    else for (const c of children) node.leaves.push(...c.leaves);
    this.nodes.push(node);
    this.marks.push(0);
    this.byKey.set(key, node);
    return node;
  }
}

/** The expected options as a mask, when the operator and the question allow it (every option has a bit); else -1. */
function maskOf(op: LeafOperator, expected: LeafTrace['expected'], bits: ReadonlyMap<string, number> | undefined): number {
  if (!bits || (op !== 'includesAny' && op !== 'includesAll') || !Array.isArray(expected)) return -1;
  let mask = 0;
  for (const option of expected) {
    const bit = typeof option === 'string' ? bits.get(option) : undefined;
    if (bit === undefined) return -1;
    mask |= 1 << bit;
  }
  return mask;
}

/**
 * The codes of the answer states without a value (AnswerFrame.codes), the same for every question. A leaf
 * whose question the questionnaire lacks is always missing.
 */
export const MISSING_CODE = 0;
export const DONT_KNOW_CODE = 1;
export const HIDDEN_CODE = 2;
const MISSING: AnswerState = Object.freeze({ kind: 'missing' });

/**
 * A leaf's result (the comparison's own, as the plan's `not` nodes expect) for an answer state with a code;
 * its trace, which carries the result as the condition sees it, is made once and kept on the node (frozen,
 * as it is shared).
 */
function kept(node: PlanNode, code: number, state: AnswerState): number {
  let result = node.results[code];
  if (result === undefined) {
    const own = compare(node.op, node.expected, state);
    node.traces[code] = Object.freeze(leafTrace(node.questionId, node.op, node.expected, state, own, node.negated));
    node.results[code] = result = truthCode(own);
  }
  return result;
}

/** A leaf's result, seeing only the questions before `before` (later ones are not settled yet). */
function leafResult(node: PlanNode, states: readonly AnswerState[], codes: readonly number[], masks: readonly number[] | null, before: number): number {
  const q = node.question;
  if (q < 0 || q >= before) return kept(node, MISSING_CODE, MISSING);
  const code = codes[q]!;
  return code >= 0 ? kept(node, code, states[q]!) : valueResult(node, states[q]!, masks ? masks[q]! : -1);
}

/** A leaf's result for an answer without a code (a list, or a value past MAX_CODES): by masks when both have one. */
function valueResult(node: PlanNode, state: AnswerState, mask: number): number {
  if (node.mask < 0 || mask < 0) return truthCode(compare(node.op, node.expected, state));
  const common = mask & node.mask;
  return (node.op === 'includesAny' ? common !== 0 : common === node.mask) ? TRUE : FALSE;
}

/** Just the truth value, stopping at the first child that settles it (show-conditions, parameter tables). */
export function truth(node: PlanNode, states: readonly AnswerState[], codes: readonly number[], masks: readonly number[] | null, before: number): number {
  const kind = node.kind;
  if (kind === LEAF) return leafResult(node, states, codes, masks, before);
  if (kind === NOT) return NEGATE[truth(node.children[0]!, states, codes, masks, before)]!;
  // all: false settles it; any: true does.
  const settles = kind === ALL ? FALSE : TRUE;
  let result = kind === ALL ? TRUE : FALSE;
  for (const c of node.children) {
    const r = truth(c, states, codes, masks, before);
    if (r === settles) return r;
    if (r === UNKNOWN) result = UNKNOWN;
  }
  return result;
}

/** The truth value of `node` and of every node under it, into `results` (indexed by node id). */
export function evaluateTree(node: PlanNode, states: readonly AnswerState[], codes: readonly number[], masks: readonly number[] | null, before: number, results: number[]): number {
  let result: number;
  if (node.kind === LEAF) result = leafResult(node, states, codes, masks, before);
  else if (node.kind === NOT) result = NEGATE[evaluateTree(node.children[0]!, states, codes, masks, before, results)]!;
  else {
    for (const c of node.children) evaluateTree(c, states, codes, masks, before, results);
    result = fold(node, results);
  }
  results[node.id] = result;
  return result;
}

/** An `all` or `any` from its children's results: `all` is false if any child is false, else unknown if any is; `any` is the dual. */
function fold(node: PlanNode, results: readonly (number | undefined)[]): number {
  const settles = node.kind === ALL ? FALSE : TRUE;
  let result = node.kind === ALL ? TRUE : FALSE;
  for (const c of node.children) {
    const r = results[c.id];
    if (r === settles) return settles;
    if (r === UNKNOWN) result = UNKNOWN;
  }
  return result;
}

/** Each Evaluation's own number: a node's fields hold its values for the Evaluation whose stamp it carries. */
let stamps = 0;

/**
 * A plan's nodes for one respondent, each worked out when first asked for (with every node under it): an
 * assessment asks only about the items it does not find among recent results. What an item asks of a root
 * (its trace, reasons, near miss) is worked out at most once per assessment and shared by every item with
 * that root; the arrays handed out are never changed afterwards. Within one assessment a leaf has one trace.
 *
 * The values are kept on the plan's nodes, stamped with the Evaluation they belong to (no arrays to make per
 * assessment): an Evaluation is good until the next one of the same plan begins, as in assess(), where one
 * assessment is over before the next begins.
 */
export class Evaluation {
  // `codes` (by question index) name the answer states as AnswerFrame.codes does: MISSING_CODE, DONT_KNOW_CODE
  // and HIDDEN_CODE for the states without a value; for a value, a number above them, the same for the same
  // value, or -1 (a value without a name: leaves on it get traces of their own).
  private readonly stamp = ++stamps;

  constructor(
    private readonly plan: ConditionPlan,
    private readonly states: readonly AnswerState[],
    private readonly codes: readonly number[],
    /** As AnswerFrame.masks; null: none. */
    private readonly masks: readonly number[] | null = null,
  ) {}

  /** A node's truth value: TRUE, FALSE or UNKNOWN. */
  value(node: PlanNode): number {
    return node.stamp === this.stamp ? node.value : this.evaluate(node);
  }

  /** A node's truth value. */
  result(node: PlanNode): Truth {
    return TRUTH[this.value(node)]!;
  }

  /** A leaf's trace. */
  leaf(node: PlanNode): LeafTrace {
    this.value(node);
    return node.trace!;
  }

  private evaluate(node: PlanNode): number {
    let r: number;
    if (node.kind === LEAF) {
      const q = node.question;
      const code = q >= 0 ? this.codes[q]! : MISSING_CODE;
      if (code >= 0) {
        r = kept(node, code, q >= 0 ? this.states[q]! : MISSING);
        node.trace = node.traces[code]!;
      } else {
        // An answer without a code (a list, mostly): its trace is this respondent's own.
        const state = this.states[q]!;
        r = valueResult(node, state, this.masks ? this.masks[q]! : -1);
        node.trace = leafTrace(node.questionId, node.op, node.expected, state, TRUTH[r]!, node.negated);
      }
    } else if (node.kind === NOT) r = NEGATE[this.value(node.children[0]!)]!;
    else {
      // Every child, even once one settles it: decisive leaves and near misses look at all of them.
      const settles = node.kind === ALL ? FALSE : TRUE;
      r = node.kind === ALL ? TRUE : FALSE;
      for (const c of node.children) {
        const x = this.value(c);
        if (x === settles) r = settles;
        else if (x === UNKNOWN && r !== settles) r = UNKNOWN;
      }
    }
    node.stamp = this.stamp;
    node.value = r;
    node.rootTrace = null;
    node.rootReasons = null;
    node.rootOutline = null;
    return r;
  }

  /** Every leaf's trace under a root, in the order written. */
  trace(root: PlanNode): LeafTrace[] {
    this.value(root);
    let out = root.rootTrace;
    if (!out) {
      const { leaves } = root;
      out = new Array<LeafTrace>(leaves.length);
      for (let i = 0; i < leaves.length; i += 1) out[i] = leaves[i]!.trace!;
      root.rootTrace = out;
    }
    return out;
  }

  /** The leaves that make `node` evaluate as it does (decisiveLeaves in evaluate.ts). */
  decisive(node: PlanNode): PlanNode[] {
    const out: PlanNode[] = [];
    decisiveNodes(node, this.value(node), valueOnNode, out);
    return out;
  }

  /** The traces of a root's decisive leaves: the reasons shown to a user. */
  reasons(root: PlanNode): LeafTrace[] {
    const { decisive } = this.outline(root);
    let out = root.rootReasons;
    if (!out) {
      if (decisive === null) out = this.trace(root);
      else {
        out = new Array<LeafTrace>(decisive.length);
        for (let i = 0; i < decisive.length; i += 1) out[i] = root.leaves[decisive[i]!]!.trace!;
      }
      root.rootReasons = out;
    }
    return out;
  }

  /** The one answer that would make a false root hold, when one suffices and it may be suggested; else null. */
  nearMiss(root: PlanNode): LeafTrace | null {
    const at = this.outline(root).nearMiss;
    return at < 0 ? null : root.leaves[at]!.trace!;
  }

  /** A root's outline: as for a recent respondent whose leaves came out alike, else worked out. */
  private outline(root: PlanNode): Outline {
    this.value(root);
    if (root.rootOutline) return root.rootOutline;
    if (root.kind === LEAF) {
      // Half the roots are one leaf: it is its own reason, and its own near miss when false and changeable.
      const fix = root.value === FALSE && !root.circumstance && this.codes[root.question] !== HIDDEN_CODE;
      return (root.rootOutline = fix ? LEAF_FIX : LEAF_NO_FIX);
    }
    const { marks } = this.plan;
    const { leaves } = root;
    for (let i = 0; i < leaves.length; i += 1) {
      const leaf = leaves[i]!;
      marks[leaf.id] = leaf.value + (leaf.question >= 0 && this.codes[leaf.question] === HIDDEN_CODE ? 3 : 0);
    }
    const recent = root.outlines!;
    const entry = recent.find(marks);
    if (entry >= 0) return (root.rootOutline = recent.value(entry));
    const decisive = this.decisive(root);
    const fix = fixCost(root, TRUE) === 1 ? onlyFix(root, TRUE) : null;
    const outline: Outline = {
      // The decisive leaves are some of the root's leaves, in order: as many means all of them.
      decisive: decisive.length === leaves.length ? null : positions(leaves, decisive),
      nearMiss: fix ? leaves.indexOf(fix) : -1,
    };
    recent.remember(outline);
    return (root.rootOutline = outline);
  }
}

const LEAF_FIX: Outline = { decisive: null, nearMiss: 0 };
const LEAF_NO_FIX: Outline = { decisive: null, nearMiss: -1 };

/** A node's value for the Evaluation under way (after its root has been evaluated). */
const valueOnNode = (node: PlanNode) => node.value;

/** Where each of `some` (leaves of `all`, in the same order) is in `all`. */
function positions(all: readonly PlanNode[], some: readonly PlanNode[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const leaf of some) {
    while (all[at] !== leaf) at += 1;
    out.push(at);
    at += 1;
  }
  return out;
}

/**
 * decisiveLeaves (evaluate.ts) over a plan's results (`value` gives each node's): the leaves that make `node`
 * evaluate to `want`, pushed onto `out` (when given); returns how many.
 */
export function decisiveNodes(node: PlanNode, want: number, value: (node: PlanNode) => number, out: PlanNode[] | null): number {
  if (node.kind === LEAF) {
    if (value(node) !== want) return 0;
    out?.push(node);
    return 1;
  }
  if (node.kind === NOT) return decisiveNodes(node.children[0]!, NEGATE[want]!, value, out);
  const everyChild = (node.kind === ALL && want === TRUE) || (node.kind === ANY && want === FALSE);
  let count = 0;
  for (const c of node.children) if (everyChild || value(c) === want) count += decisiveNodes(c, want, value, out);
  return count;
}

/** More than any near miss: what cannot or should not be changed. */
const UNFIXABLE = 2;

/**
 * cheapestFix's cost (evaluate.ts) without collecting the leaves, over the values of the Evaluation under way:
 * the fewest answers to change for `node` to evaluate to `target` (TRUE or FALSE). Unknown leaves cost
 * nothing; a question not asked, or a circumstance, costs UNFIXABLE.
 */
function fixCost(node: PlanNode, target: number): number {
  const r = node.value;
  if (node.kind === LEAF) {
    if (r === UNKNOWN || r === target) return 0;
    return node.circumstance || node.trace!.state === 'hidden' ? UNFIXABLE : 1;
  }
  if (node.kind === NOT) return fixCost(node.children[0]!, NEGATE[target]!);
  if ((node.kind === ALL) === (target === TRUE)) {
    // Every child that lacks the target value must be fixed.
    let cost = 0;
    for (const c of node.children) if (c.value !== target) cost += fixCost(c, target);
    return cost;
  }
  // The cheapest child suffices.
  let best = Infinity;
  for (const c of node.children) {
    const cost = c.value === target ? 0 : fixCost(c, target);
    if (cost < best) {
      best = cost;
      if (cost === 0) break;
    }
  }
  return best;
}

/**
 * The leaf cheapestFix names when the cost is 1 (each leaf it names costs at least 1, so there is exactly
 * one): follow the child that carries the cost — in an `any`, the first cheapest, as cheapestFix chooses.
 */
function onlyFix(node: PlanNode, target: number): PlanNode {
  if (node.kind === LEAF) return node;
  if (node.kind === NOT) return onlyFix(node.children[0]!, NEGATE[target]!);
  for (const c of node.children) if (c.value !== target && fixCost(c, target) === 1) return onlyFix(c, target);
  throw new Error('no child carries the cost of the fix');
}
