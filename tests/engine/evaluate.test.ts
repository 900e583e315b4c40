/**
 * The condition language, three-valued: every operator, every combinator, and the traces that
 * explanations are built from.
 */
import { cheapestFix, decisiveLeaves, evaluate, leaves, type AnswerState, type Truth } from '@/engine';
import type { Condition } from '@/rulebook/schema';

const value = (v: AnswerState extends infer S ? (S extends { kind: 'value'; value: infer V } ? V : never) : never): AnswerState => ({ kind: 'value', value: v });
const lookupFrom = (states: Record<string, AnswerState>) => (id: string) => states[id] ?? { kind: 'missing' as const };

/** A leaf that evaluates to the given truth value, for combinator tables. */
function leafFor(t: Truth, name: string): [Condition, Record<string, AnswerState>] {
  const state: AnswerState = t === 'unknown' ? { kind: 'missing' } : value(t);
  return [{ answer: name, is: true }, { [name]: state }];
}

describe('leaf comparisons', () => {
  const cases: [string, Condition, AnswerState, Truth][] = [
    ['is matches an equal answer', { answer: 'q', is: 'a' }, value('a'), true],
    ['is fails on a different answer', { answer: 'q', is: 'a' }, value('b'), false],
    ['is compares booleans', { answer: 'q', is: false }, value(false), true],
    ['in holds for a listed value', { answer: 'q', in: ['a', 'b'] }, value('b'), true],
    ['in fails for an unlisted value', { answer: 'q', in: ['a', 'b'] }, value('c'), false],
    ['includesAny holds when one option was chosen', { answer: 'q', includesAny: ['a', 'x'] }, value(['a', 'b']), true],
    ['includesAny fails when none was chosen', { answer: 'q', includesAny: ['x', 'y'] }, value(['a', 'b']), false],
    ['includesAll holds when every option was chosen', { answer: 'q', includesAll: ['a', 'b'] }, value(['b', 'a', 'c']), true],
    ['includesAll fails when one is missing', { answer: 'q', includesAll: ['a', 'x'] }, value(['a']), false],
    ['includesAny fails on an empty choice', { answer: 'q', includesAny: ['a'] }, value([]), false],
    ['atLeast holds at the bound', { answer: 'q', atLeast: 30 }, value(30), true],
    ['atLeast fails below it', { answer: 'q', atLeast: 30 }, value(29.9), false],
    ['atMost holds at the bound', { answer: 'q', atMost: 30 }, value(30), true],
    ['atMost fails above it', { answer: 'q', atMost: 30 }, value(31), false],
    ['a missing answer is unknown', { answer: 'q', is: 'a' }, { kind: 'missing' }, 'unknown'],
    ['"don\'t know" is unknown', { answer: 'q', atLeast: 1 }, { kind: 'dont_know' }, 'unknown'],
    ['a question not asked does not hold', { answer: 'q', is: 'a' }, { kind: 'hidden' }, false],
    ['answered: true holds for a real answer', { answer: 'q', answered: true }, value('a'), true],
    ['answered: true fails for "don\'t know"', { answer: 'q', answered: true }, { kind: 'dont_know' }, false],
    ['answered: true is unknown while unanswered', { answer: 'q', answered: true }, { kind: 'missing' }, 'unknown'],
    ['answered: false holds for a question not asked', { answer: 'q', answered: false }, { kind: 'hidden' }, true],
  ];
  it.each(cases)('%s', (_name, condition, state, expected) => {
    expect(evaluate(condition, lookupFrom({ q: state })).result).toBe(expected);
  });
});

describe('combinators follow three-valued logic', () => {
  const T: Truth[] = [true, false, 'unknown'];
  const andTable = (a: Truth, b: Truth): Truth => (a === false || b === false ? false : a === 'unknown' || b === 'unknown' ? 'unknown' : true);
  const orTable = (a: Truth, b: Truth): Truth => (a === true || b === true ? true : a === 'unknown' || b === 'unknown' ? 'unknown' : false);
  const pairs = T.flatMap((a) => T.map((b) => [a, b] as const));

  it.each(pairs)('all(%s, %s)', (a, b) => {
    const [ca, sa] = leafFor(a, 'a');
    const [cb, sb] = leafFor(b, 'b');
    expect(evaluate({ all: [ca, cb] }, lookupFrom({ ...sa, ...sb })).result).toBe(andTable(a, b));
  });
  it.each(pairs)('any(%s, %s)', (a, b) => {
    const [ca, sa] = leafFor(a, 'a');
    const [cb, sb] = leafFor(b, 'b');
    expect(evaluate({ any: [ca, cb] }, lookupFrom({ ...sa, ...sb })).result).toBe(orTable(a, b));
  });
  it.each(T)('not(%s)', (a) => {
    const [ca, sa] = leafFor(a, 'a');
    expect(evaluate({ not: ca }, lookupFrom(sa)).result).toBe(a === 'unknown' ? 'unknown' : !a);
  });
});

describe('traces', () => {
  const condition: Condition = {
    all: [{ answer: 'located', is: true }, { any: [{ answer: 'products', includesAny: ['bikes'] }, { answer: 'share', atLeast: 30 }] }, { not: { answer: 'type', is: 'association' } }],
  };
  const states = { located: value(true), products: value(['carpets']), share: { kind: 'dont_know' as const }, type: value('company') };

  it('records every leaf with its question, expected value, actual answer and result as the condition sees it', () => {
    const node = evaluate(condition, lookupFrom(states));
    // toStrictEqual: a leaf outside any `not` has no `negated` key at all (traces stay as they were).
    expect(leaves(node)).toStrictEqual([
      { question: 'located', op: 'is', expected: true, actual: true, state: 'value', result: true },
      { question: 'products', op: 'includesAny', expected: ['bikes'], actual: ['carpets'], state: 'value', result: false },
      { question: 'share', op: 'atLeast', expected: 30, actual: 'dont_know', state: 'dont_know', result: 'unknown' },
      // Under `not`: the comparison (type is association) fails, which is what the condition needs.
      { question: 'type', op: 'is', expected: 'association', actual: 'company', state: 'value', result: true, negated: true },
    ]);
    expect(node.result).toBe('unknown');
  });

  it('names the leaves that leave the result unknown', () => {
    const node = evaluate(condition, lookupFrom(states));
    expect(decisiveLeaves(node).map((l) => l.question)).toEqual(['share']);
  });

  it('names the failing leaves of a false condition, looking through not', () => {
    const node = evaluate(condition, lookupFrom({ ...states, share: value(10), type: value('association') }));
    expect(node.result).toBe(false);
    expect(decisiveLeaves(node).map((l) => l.question)).toEqual(['products', 'share', 'type']);
  });
});

describe('near misses: the fewest answers to change', () => {
  it('is one when a single leaf of an all fails', () => {
    const node = evaluate({ all: [{ answer: 'a', is: true }, { answer: 'b', is: true }] }, lookupFrom({ a: value(true), b: value(false) }));
    const fix = cheapestFix(node);
    expect(fix.cost).toBe(1);
    expect(fix.leaves.map((l) => l.question)).toEqual(['b']);
  });
  it('takes the cheapest branch of an any', () => {
    const node = evaluate(
      { any: [{ all: [{ answer: 'a', is: true }, { answer: 'b', is: true }] }, { answer: 'c', atLeast: 5 }] },
      lookupFrom({ a: value(false), b: value(false), c: value(1) }),
    );
    expect(cheapestFix(node)).toMatchObject({ cost: 1, leaves: [{ question: 'c' }] });
  });
  it('counts two when two leaves must change', () => {
    const node = evaluate({ all: [{ answer: 'a', is: true }, { answer: 'b', is: true }] }, lookupFrom({ a: value(false), b: value(false) }));
    expect(cheapestFix(node).cost).toBe(2);
  });
  it('does not call a question that is not asked a one-answer fix', () => {
    const node = evaluate({ answer: 'a', is: true }, lookupFrom({ a: { kind: 'hidden' } }));
    expect(cheapestFix(node).cost).toBe(2);
  });
  it('never suggests changing a circumstance (a question marked nearMiss: false)', () => {
    const node = evaluate({ all: [{ answer: 'a', is: true }, { answer: 'size', is: 'small' }] }, lookupFrom({ a: value(true), size: value('large') }));
    expect(cheapestFix(node).cost).toBe(1);
    expect(cheapestFix(node, true, new Set(['size'])).cost).toBe(2);
  });
  it('makes a not hold by making its inside fail', () => {
    const node = evaluate({ not: { any: [{ answer: 'a', is: true }, { answer: 'b', is: true }] } }, lookupFrom({ a: value(true), b: value(false) }));
    expect(cheapestFix(node)).toMatchObject({ cost: 1, leaves: [{ question: 'a' }] });
  });
});

describe('a leaf under not ("below 300" written as not: { atLeast: 300 })', () => {
  const condition: Condition = { all: [{ answer: 'exports', is: true }, { not: { answer: 'staff', atLeast: 300 } }] };
  const staff = (n: number | AnswerState) => lookupFrom({ exports: value(true), staff: typeof n === 'number' ? value(n) : n });

  it('too many staff: the condition fails, and the staff line is the failing reason (result false, negated)', () => {
    const node = evaluate(condition, staff(400));
    expect(node.result).toBe(false);
    expect(decisiveLeaves(node)).toStrictEqual([{ question: 'staff', op: 'atLeast', expected: 300, actual: 400, state: 'value', result: false, negated: true }]);
  });

  it('too many staff: the near miss is that same line, to be made to hold (fewer than 300)', () => {
    const fix = cheapestFix(evaluate(condition, staff(400)));
    expect(fix.cost).toBe(1);
    expect(fix.leaves).toStrictEqual([{ question: 'staff', op: 'atLeast', expected: 300, actual: 400, state: 'value', result: false, negated: true }]);
  });

  it('few staff: the condition holds, and every reason holds (result true), the staff line negated', () => {
    const node = evaluate(condition, staff(40));
    expect(node.result).toBe(true);
    expect(decisiveLeaves(node).map((l) => [l.question, l.result, l.negated])).toEqual([
      ['exports', true, undefined],
      ['staff', true, true],
    ]);
  });

  it('"don\'t know" stays unknown under not, and is the reason the result is unknown', () => {
    const node = evaluate(condition, staff({ kind: 'dont_know' }));
    expect(node.result).toBe('unknown');
    expect(decisiveLeaves(node)).toStrictEqual([{ question: 'staff', op: 'atLeast', expected: 300, actual: 'dont_know', state: 'dont_know', result: 'unknown', negated: true }]);
  });

  it('two nots cancel: the leaf is not negated', () => {
    const node = evaluate({ not: { not: { answer: 'staff', atLeast: 300 } } }, staff(400));
    expect(leaves(node)).toStrictEqual([{ question: 'staff', op: 'atLeast', expected: 300, actual: 400, state: 'value', result: true }]);
  });

  it('a not above an any negates each of its leaves; the failing one is the near miss', () => {
    const node = evaluate({ not: { any: [{ answer: 'a', is: true }, { answer: 'b', is: true }] } }, lookupFrom({ a: value(true), b: value(false) }));
    expect(node.result).toBe(false);
    expect(leaves(node).map((l) => [l.question, l.result, l.negated])).toEqual([
      ['a', false, true],
      ['b', true, true],
    ]);
    expect(decisiveLeaves(node).map((l) => [l.question, l.result])).toEqual([['a', false]]);
    expect(cheapestFix(node).leaves.map((l) => [l.question, l.result])).toEqual([['a', false]]);
  });
});
