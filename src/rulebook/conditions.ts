/**
 * The runtime vocabulary of the condition language, free of zod so the browser bundle stays small.
 * The schemas that validate it are in schema.ts (build time).
 */

export const DONT_KNOW = 'dont_know';

export type Scalar = string | number | boolean;

export const LEAF_OPERATORS = ['is', 'in', 'includesAny', 'includesAll', 'atLeast', 'atMost', 'answered'] as const;
export type LeafOperator = (typeof LEAF_OPERATORS)[number];

export type Leaf =
  | { answer: string; is: Scalar }
  | { answer: string; in: Scalar[] }
  | { answer: string; includesAny: string[] }
  | { answer: string; includesAll: string[] }
  | { answer: string; atLeast: number }
  | { answer: string; atMost: number }
  | { answer: string; answered: boolean };
export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };


/** The operator of a leaf. */
export function leafOperator(leaf: Leaf): LeafOperator {
  for (const op of LEAF_OPERATORS) if (op in leaf) return op;
  throw new Error('not a leaf');
}

export function isLeaf(c: Condition): c is Leaf {
  return 'answer' in c;
}
