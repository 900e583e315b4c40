/**
 * Coverage of the source by the measures: for every clause of the policy, the support items that
 * cite it and the sentences nobody cites (ARCHITECTURE.md "Fidelity to the source").
 */
import type { CompiledRulebook, Measure } from './schema.ts';
import { clausesOf, squash, type SourceClause } from './source.ts';

export type SentenceCoverage = { sentence: string; citedBy: string[] };

export type ClauseCoverage = {
  clause: SourceClause;
  measure: Measure | undefined;
  sentences: SentenceCoverage[];
};

export type Coverage = {
  clauses: ClauseCoverage[];
  /** Clauses of the source without a measure. */
  missingClauses: SourceClause[];
  /** Sentences that no support item quotes. */
  uncited: { clause: SourceClause; sentence: string }[];
};

/** A quote covers a sentence when either contains the other (a quote may be part of a sentence). */
function cites(quote: string, sentence: string): boolean {
  const q = squash(quote).replace(/。$/, '');
  const s = squash(sentence).replace(/。$/, '');
  return s.includes(q) || q.includes(s);
}

export function coverageOf(rulebook: Pick<CompiledRulebook, 'meta' | 'measures' | 'source'>): Coverage {
  const clauses = clausesOf(rulebook.source, rulebook.meta).map((clause) => {
    const measure = rulebook.measures.find((m) => m.clause === clause.number);
    const sentences = clause.sentences.map((sentence) => ({
      sentence,
      citedBy: (measure?.supportItems ?? []).filter((item) => item.quotes.some((q) => cites(q, sentence))).map((item) => item.id),
    }));
    return { clause, measure, sentences };
  });
  return {
    clauses,
    missingClauses: clauses.filter((c) => !c.measure).map((c) => c.clause),
    uncited: clauses.flatMap((c) => c.sentences.filter((s) => s.citedBy.length === 0).map((s) => ({ clause: c.clause, sentence: s.sentence }))),
  };
}
