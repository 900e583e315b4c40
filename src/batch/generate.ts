/**
 * Plausible members generated from a questionnaire (any rulebook): each answers the questions it is asked,
 * in order, sometimes "don't know", sometimes nothing for an optional question. Deterministic for a seed.
 * Used for the example file and the benchmark.
 */
import { evaluate, type AnswerState } from '../engine/index.ts';
import { DONT_KNOW, type AnswerValue, type Answers, type CompiledRulebook, type Question } from '../rulebook/schema.ts';
import { NAME_QUESTION } from './columns.ts';

export type GeneratedMember = { name: string; answers: Answers };

export function sampleMembers(rulebook: CompiledRulebook, count: number, options: { seed?: number; name?: (n: number) => string } = {}): GeneratedMember[] {
  const random = mulberry32(options.seed ?? 1);
  const name = options.name ?? ((n: number) => `Member ${n}`);
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return { name: name(n), answers: sampleAnswers(rulebook, random, name(n)) };
  });
}

export function sampleAnswers(rulebook: CompiledRulebook, random: () => number, name?: string): Answers {
  const answers: Answers = {};
  const states = new Map<string, AnswerState>();
  const lookup = (id: string): AnswerState => states.get(id) ?? { kind: 'missing' };
  for (const step of rulebook.questionnaire.steps) {
    const stepShown = step.showIf ? evaluate(step.showIf, lookup).result : true;
    for (const q of step.questions) {
      const shown = stepShown === true && (q.showIf ? evaluate(q.showIf, lookup).result : true);
      if (shown === false) {
        states.set(q.id, { kind: 'hidden' });
        continue;
      }
      if (shown !== true) continue;
      const value = q.id === NAME_QUESTION ? name : answerFor(q, random);
      if (value === undefined) continue;
      answers[q.id] = value;
      states.set(q.id, value === DONT_KNOW ? { kind: 'dont_know' } : { kind: 'value', value });
    }
  }
  return answers;
}

function answerFor(q: Question, random: () => number): AnswerValue | undefined {
  // Left as the interview leaves it: an optional multiple choice untouched is "none of these" once its step is submitted.
  if ((q.optional || q.derivedFrom) && random() < 0.2) return q.type === 'multi' && q.optional ? [] : undefined;
  if (q.dontKnow && random() < 0.1) return DONT_KNOW;
  const options = (q.options ?? []).map((o) => o.value);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  switch (q.type) {
    case 'single':
    case 'district':
      return pick(options);
    case 'multi': {
      const chosen = new Set<string>();
      const size = 1 + Math.floor(random() * Math.min(3, options.length));
      while (chosen.size < size) chosen.add(pick(options));
      // "None of these" stands alone.
      return chosen.has('none') ? ['none'] : [...chosen];
    }
    case 'boolean':
      return random() < 0.75;
    case 'number': {
      const min = q.min ?? 0;
      const max = q.max ?? Math.max(min + 1000, 1000);
      return Math.round(min + random() * (max - min));
    }
    case 'text':
      return undefined;
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same members. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
