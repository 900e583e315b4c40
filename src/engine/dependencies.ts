/**
 * Which clauses depend on which questions, computed from the rules (the wizard's "why we ask").
 * A question matters to a clause when a condition of one of its support items (or the scope, or the
 * item's audience) uses it, or when it decides whether such a question is asked or what it is derived to be.
 */
import type { CompiledRulebook, Condition } from '../rulebook/schema.ts';
import { questionsOf } from './evaluate.ts';

export function clausesDependingOn(rulebook: Pick<CompiledRulebook, 'meta' | 'measures' | 'questionnaire' | 'parameters'>): Map<string, number[]> {
  const direct = new Map<string, Set<number>>();
  const add = (question: string, clause: number) => {
    if (!direct.has(question)) direct.set(question, new Set());
    direct.get(question)!.add(clause);
  };
  const scope = rulebook.meta.scope ? questionsOf(rulebook.meta.scope.when) : new Set<string>();
  for (const measure of rulebook.measures)
    for (const item of measure.supportItems) {
      if (item.audience === 'government') continue;
      const conditions: Condition[] = [];
      if (item.when) conditions.push(item.when);
      const audience = rulebook.meta.audiences[item.audience];
      if (audience) conditions.push(audience);
      for (const q of scope) add(q, measure.clause);
      for (const c of conditions) for (const q of questionsOf(c)) add(q, measure.clause);
    }

  // Gates: question → the questions whose asking or derived value it decides.
  const tables = new Map(rulebook.parameters.map((t) => [t.id, t]));
  const gates = new Map<string, Set<string>>();
  const order: string[] = [];
  for (const step of rulebook.questionnaire.steps)
    for (const question of step.questions) {
      order.push(question.id);
      const deciders = new Set<string>();
      if (step.showIf) questionsOf(step.showIf, deciders);
      if (question.showIf) questionsOf(question.showIf, deciders);
      const table = question.derivedFrom ? tables.get(question.derivedFrom) : undefined;
      for (const row of table?.rows ?? []) questionsOf(row.when, deciders);
      for (const d of deciders) {
        if (!gates.has(d)) gates.set(d, new Set());
        gates.get(d)!.add(question.id);
      }
    }

  // Deciders come before what they decide, so one pass from the end settles the closure.
  const result = new Map<string, Set<number>>();
  for (const id of [...order].reverse()) {
    const clauses = new Set(direct.get(id) ?? []);
    for (const gated of gates.get(id) ?? []) for (const c of result.get(gated) ?? []) clauses.add(c);
    result.set(id, clauses);
  }
  return new Map(order.map((id) => [id, [...(result.get(id) ?? [])].sort((a, b) => a - b)]));
}
