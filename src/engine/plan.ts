/**
 * Conditions compiled for repeated evaluation: assess() runs every condition of a rulebook for every
 * respondent, and a batch has many respondents. Compiled once per rulebook:
 * - a leaf names its question by index in questionnaire order, so answers are read from arrays;
 * - structurally identical conditions become one node (hash-consing): a condition shared by many support
 *   items is evaluated once per assessment, and its results are kept in arrays indexed by node id.
 * The three-valued rules, the decisive leaves and the cheapest fix are those of evaluate.ts, restated over
 * these arrays; tests/engine/plan.test.ts checks that both give the same answers.
 */
import { isLeaf, leafOperator, type Condition, type LeafOperator } from '../rulebook/conditions.ts';
import { compare, leafTrace, negate, type AnswerState, type LeafTrace, type Truth } from './evaluate.ts';

/** One shape for every kind of node, so that V8 sees one hidden class on the hot path. */
export type PlanNode = {
  /** Index into the per-assessment result arrays. */
  id: number;
  kind: 'leaf' | 'all' | 'any' | 'not';
  /** Leaves: the question's index in questionnaire order, or -1 when the questionnaire has no such question. */
  question: number;
  questionId: string;
  op: LeafOperator;
  expected: LeafTrace['expected'];
  /** Leaves: the answer is a circumstance (the question's `nearMiss: false`), never suggested as a change. */
  circumstance: boolean;
  /** all / any: the children in order; not: its one child. */
  children: PlanNode[];
  /** The leaves under this node in the order written (repeats kept): the node's trace. */
  leaves: PlanNode[];
  /** A root (see ConditionPlan.root): its index into the per-assessment memos; -1 for the other nodes. */
  slot: number;
};

export type QuestionInfo = { index: ReadonlyMap<string, number>; circumstances: ReadonlySet<string> };

export class ConditionPlan {
  /** Children before parents: evaluating in this order settles every node in one pass. */
  readonly nodes: PlanNode[] = [];
  /** How many roots: the length of the per-assessment memos. */
  roots = 0;
  private readonly byKey = new Map<string, PlanNode>();

  constructor(private readonly questions: QuestionInfo) {}

  /** A whole condition whose trace, reasons and near miss an assessment asks for (and remembers). */
  root(condition: Condition, pool: string): PlanNode {
    const node = this.add(condition, pool);
    if (node.slot < 0) node.slot = this.roots++;
    return node;
  }

  /**
   * The node for a condition. `pool` keeps conditions apart that must not share trace objects: an item's
   * condition that repeats a scope leaf still gets a leaf of its own (the results page tells the item's own
   * leaves from the scope's by identity).
   */
  add(condition: Condition, pool: string): PlanNode {
    if (isLeaf(condition)) {
      const op = leafOperator(condition);
      const expected = (condition as Record<string, unknown>)[op] as LeafTrace['expected'];
      const key = `${pool}:${JSON.stringify([condition.answer, op, expected])}`;
      return this.byKey.get(key) ?? this.node(key, 'leaf', [], condition.answer, op, expected);
    }
    const [kind, list]: ['all' | 'any' | 'not', Condition[]] = 'all' in condition ? ['all', condition.all] : 'any' in condition ? ['any', condition.any] : ['not', [condition.not]];
    const children = list.map((c) => this.add(c, pool));
    const key = `${pool}:${kind}(${children.map((c) => c.id).join(',')})`;
    return this.byKey.get(key) ?? this.node(key, kind, children);
  }

  private node(key: string, kind: PlanNode['kind'], children: PlanNode[], questionId = '', op: LeafOperator = 'is', expected: LeafTrace['expected'] = ''): PlanNode {
    const node: PlanNode = {
      id: this.nodes.length,
      kind,
      question: kind === 'leaf' ? (this.questions.index.get(questionId) ?? -1) : -1,
      questionId,
      op,
      expected,
      circumstance: this.questions.circumstances.has(questionId),
      children,
      leaves: [],
      slot: -1,
    };
    if (kind === 'leaf') node.leaves.push(node);
    else for (const c of children) node.leaves.push(...c.leaves);
    this.nodes.push(node);
    this.byKey.set(key, node);
    return node;
  }
}

const MISSING: AnswerState = { kind: 'missing' };

/** The state of a leaf's answer, seeing only the questions before `before` (later ones are not settled yet). */
function stateOf(node: PlanNode, states: readonly AnswerState[], before: number): AnswerState {
  return node.question >= 0 && node.question < before ? states[node.question]! : MISSING;
}

/** Just the truth value, stopping at the first child that settles it (show-conditions, parameter tables). */
export function truth(node: PlanNode, states: readonly AnswerState[], before: number): Truth {
  switch (node.kind) {
    case 'leaf':
      return compare(node.op, node.expected, stateOf(node, states, before));
    case 'not':
      return negate(truth(node.children[0]!, states, before));
    case 'all': {
      let result: Truth = true;
      for (const c of node.children) {
        const r = truth(c, states, before);
        if (r === false) return false;
        if (r === 'unknown') result = 'unknown';
      }
      return result;
    }
    case 'any': {
      let result: Truth = false;
      for (const c of node.children) {
        const r = truth(c, states, before);
        if (r === true) return true;
        if (r === 'unknown') result = 'unknown';
      }
      return result;
    }
  }
}

/** The truth value of `node` and of every node under it, into `results` (indexed by node id). */
export function evaluateTree(node: PlanNode, states: readonly AnswerState[], before: number, results: Truth[]): Truth {
  let result: Truth;
  if (node.kind === 'leaf') result = compare(node.op, node.expected, stateOf(node, states, before));
  else if (node.kind === 'not') result = negate(evaluateTree(node.children[0]!, states, before, results));
  else {
    for (const c of node.children) evaluateTree(c, states, before, results);
    result = fold(node, results);
  }
  results[node.id] = result;
  return result;
}

/** An `all` or `any` from its children's results: `all` is false if any child is false, else unknown if any is; `any` is the dual. */
function fold(node: PlanNode, results: readonly Truth[]): Truth {
  const dominant = node.kind === 'any';
  let result: Truth = !dominant;
  for (const c of node.children) {
    const r = results[c.id];
    if (r === dominant) return dominant;
    if (r === 'unknown') result = 'unknown';
  }
  return result;
}

/**
 * Every node of the plan evaluated for one assessment (every answer settled), with a trace object for each
 * leaf. What an item asks of a root (its trace, reasons, near miss) is worked out at most once per assessment
 * and shared by every item with that root; the arrays handed out are never changed afterwards.
 */
export class Evaluation {
  readonly roots: number;
  readonly results: Truth[];
  /** By node id: the leaf's trace (undefined for the other nodes). */
  readonly traces: (LeafTrace | undefined)[];
  /** By root slot. */
  private readonly traceMemo: (LeafTrace[] | undefined)[];
  private readonly reasonsMemo: (LeafTrace[] | undefined)[];
  private readonly nearMissMemo: (LeafTrace | null | undefined)[];

  constructor(plan: ConditionPlan, states: readonly AnswerState[]) {
    const n = plan.nodes.length;
    const results = (this.results = new Array<Truth>(n));
    const traces = (this.traces = new Array<LeafTrace | undefined>(n));
    for (const node of plan.nodes) {
      const id = node.id;
      if (node.kind === 'leaf') {
        const state = stateOf(node, states, states.length);
        const result = compare(node.op, node.expected, state);
        results[id] = result;
        traces[id] = leafTrace(node.questionId, node.op, node.expected, state, result);
      } else if (node.kind === 'not') results[id] = negate(results[node.children[0]!.id]!);
      else results[id] = fold(node, results);
    }
    this.roots = plan.roots;
    this.traceMemo = new Array<undefined>(plan.roots);
    this.reasonsMemo = new Array<undefined>(plan.roots);
    this.nearMissMemo = new Array<undefined>(plan.roots);
  }

  /** Every leaf's trace under a root, in the order written. */
  trace(root: PlanNode): LeafTrace[] {
    let out = this.traceMemo[root.slot];
    if (!out) {
      const { leaves } = root;
      out = new Array<LeafTrace>(leaves.length);
      for (let i = 0; i < leaves.length; i += 1) out[i] = this.traces[leaves[i]!.id]!;
      this.traceMemo[root.slot] = out;
    }
    return out;
  }

  /** The leaves that make `node` evaluate as it does (decisiveLeaves in evaluate.ts). */
  decisive(node: PlanNode): PlanNode[] {
    const out: PlanNode[] = [];
    decisiveNodes(node, this.results[node.id]!, this.results, out);
    return out;
  }

  /** The traces of a root's decisive leaves: the reasons shown to a user. */
  reasons(root: PlanNode): LeafTrace[] {
    let out = this.reasonsMemo[root.slot];
    if (!out) {
      // The decisive leaves are some of the root's leaves, in order: as many means all of them, the root's trace.
      if (decisiveNodes(root, this.results[root.id]!, this.results, null) === root.leaves.length) out = this.trace(root);
      else {
        const leaves = this.decisive(root);
        out = new Array<LeafTrace>(leaves.length);
        for (let i = 0; i < leaves.length; i += 1) out[i] = this.traces[leaves[i]!.id]!;
      }
      this.reasonsMemo[root.slot] = out;
    }
    return out;
  }

  /** The one answer that would make a false root hold, when one suffices and it may be suggested; else null. */
  nearMiss(root: PlanNode): LeafTrace | null {
    let out = this.nearMissMemo[root.slot];
    if (out === undefined) {
      const leaf = fixCost(root, true, this) === 1 ? onlyFix(root, true, this) : null;
      out = leaf ? this.traces[leaf.id]! : null;
      this.nearMissMemo[root.slot] = out;
    }
    return out;
  }
}

/**
 * decisiveLeaves (evaluate.ts) over a plan's results: the leaves that make `node` evaluate to `want`, pushed
 * onto `out` (when given); returns how many.
 */
export function decisiveNodes(node: PlanNode, want: Truth, results: readonly Truth[], out: PlanNode[] | null): number {
  if (node.kind === 'leaf') {
    if (results[node.id] !== want) return 0;
    out?.push(node);
    return 1;
  }
  if (node.kind === 'not') return decisiveNodes(node.children[0]!, negate(want), results, out);
  const everyChild = (node.kind === 'all' && want === true) || (node.kind === 'any' && want === false);
  let count = 0;
  for (const c of node.children) if (everyChild || results[c.id] === want) count += decisiveNodes(c, want, results, out);
  return count;
}

/** More than any near miss: what cannot or should not be changed. */
const UNFIXABLE = 2;

/**
 * cheapestFix's cost (evaluate.ts) without collecting the leaves: the fewest answers to change for `node`
 * to evaluate to `target`. Unknown leaves cost nothing; a question not asked, or a circumstance, costs UNFIXABLE.
 */
function fixCost(node: PlanNode, target: boolean, ev: Evaluation): number {
  if (node.kind === 'leaf') {
    const r = ev.results[node.id];
    if (r === 'unknown' || r === target) return 0;
    return node.circumstance || ev.traces[node.id]!.state === 'hidden' ? UNFIXABLE : 1;
  }
  if (node.kind === 'not') return fixCost(node.children[0]!, !target, ev);
  if ((node.kind === 'all') === target) {
    // Every child that lacks the target value must be fixed.
    let cost = 0;
    for (const c of node.children) if (ev.results[c.id] !== target) cost += fixCost(c, target, ev);
    return cost;
  }
  // The cheapest child suffices.
  let best = Infinity;
  for (const c of node.children) {
    const cost = ev.results[c.id] === target ? 0 : fixCost(c, target, ev);
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
function onlyFix(node: PlanNode, target: boolean, ev: Evaluation): PlanNode {
  if (node.kind === 'leaf') return node;
  if (node.kind === 'not') return onlyFix(node.children[0]!, !target, ev);
  for (const c of node.children) if (ev.results[c.id] !== target && fixCost(c, target, ev) === 1) return onlyFix(c, target, ev);
  throw new Error('no child carries the cost of the fix');
}
