/**
 * assess(rulebook, answers) → Assessment: a verdict for every support item and every clause, with the
 * reasons behind it (ARCHITECTURE.md "Verdicts"). Pure: the same inputs give the same output.
 */
import type { Answers, Audience, CompiledRulebook, Condition, LocalizedText, Measure, SupportItem, Verdict } from '../rulebook/schema.ts';
import { answerStates, type AnswerStates, type MissingAnswer } from './answers-state.ts';
import { cheapestFix, decisiveLeaves, evaluate, leaves, type EvalNode, type LeafTrace, type Truth } from './evaluate.ts';

export type SupportItemResult = {
  id: string;
  audience: Audience;
  title: LocalizedText;
  benefit: LocalizedText;
  quotes: string[];
  /** English renderings of the quotes, when the rulebook gives them. */
  quoteTranslations: string[] | undefined;
  nextSteps: LocalizedText[];
  departments: LocalizedText[];
  verdict: Verdict;
  /** The leaves that decided the verdict: what holds (applies), what is unknown (possible), what fails (does not apply). */
  reasons: LeafTrace[];
  /** Every leaf evaluated: scope, audience and the item's own condition. */
  trace: LeafTrace[];
  /** The leaves of the item's own condition (`when`) only. */
  conditionTrace: LeafTrace[];
  /** For "possible": exactly the answers still needed. */
  missing: MissingAnswer[];
  /** "Does not apply" because one answer differs: that answer ("would apply if …"). */
  nearMiss: LeafTrace | null;
  /** Which part of the condition failed first: the policy's scope, the audience, or the item's own condition. */
  failedAt: 'scope' | 'audience' | 'condition' | null;
};

export type ClauseResult = {
  id: string;
  clause: number;
  section: string;
  title: LocalizedText;
  departments: LocalizedText[];
  verdict: Verdict;
  nearMiss: boolean;
  missing: MissingAnswer[];
  supportItems: SupportItemResult[];
};

export type Assessment = {
  rulebook: { id: string; version: string; hash: string; title: LocalizedText };
  /** Whether the respondent is within the policy's territorial or other scope. */
  inScope: Truth;
  scopeNotice: LocalizedText | null;
  clauses: ClauseResult[];
  counts: Record<Verdict, number>;
};

const RANK: Record<Verdict, number> = { applies: 3, possible: 2, does_not_apply: 1, for_information: 0 };

export function assess(rulebook: CompiledRulebook, answers: Answers): Assessment {
  const states = answerStates(rulebook.questionnaire, answers, rulebook.parameters);
  const departmentNames = new Map(rulebook.meta.departments.map((d) => [d.id, d.name]));
  const names = (ids: string[]) => ids.map((id) => departmentNames.get(id)).filter((n): n is LocalizedText => n !== undefined);

  const scope = rulebook.meta.scope ? evaluate(rulebook.meta.scope.when, states.lookup) : null;
  const audiences = new Map<Audience, EvalNode | null>();
  const audienceNode = (audience: Audience) => {
    if (!audiences.has(audience)) {
      const condition = audience === 'government' ? undefined : rulebook.meta.audiences[audience];
      audiences.set(audience, condition ? evaluate(condition, states.lookup) : null);
    }
    return audiences.get(audience) ?? null;
  };

  const clauses = rulebook.measures.map((measure) => assessMeasure(measure));
  const counts: Record<Verdict, number> = { applies: 0, possible: 0, does_not_apply: 0, for_information: 0 };
  for (const c of clauses) counts[c.verdict] += 1;

  return {
    rulebook: { id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash, title: rulebook.meta.title },
    inScope: scope ? scope.result : true,
    scopeNotice: scope && scope.result !== true ? (rulebook.meta.scope?.notice ?? null) : null,
    clauses,
    counts,
  };

  function assessMeasure(measure: Measure): ClauseResult {
    const supportItems = measure.supportItems.map((item) => assessItem(item));
    const decided = supportItems.filter((i) => i.verdict !== 'for_information');
    const verdict = decided.reduce<Verdict>((best, i) => (RANK[i.verdict] > RANK[best] ? i.verdict : best), decided.length ? 'does_not_apply' : 'for_information');
    return {
      id: measure.id,
      clause: measure.clause,
      section: measure.section,
      title: measure.title,
      departments: names(measure.departments),
      verdict,
      nearMiss: verdict === 'does_not_apply' && supportItems.some((i) => i.nearMiss !== null),
      missing: verdict === 'possible' ? uniqueMissing(supportItems.filter((i) => i.verdict === 'possible').flatMap((i) => i.missing)) : [],
      supportItems,
    };
  }

  function assessItem(item: SupportItem): SupportItemResult {
    const base = {
      id: item.id,
      audience: item.audience,
      title: item.title,
      benefit: item.benefit,
      quotes: item.quotes,
      quoteTranslations: item.quoteTranslations,
      nextSteps: item.nextSteps,
      departments: names(item.departments),
    };
    if (item.audience === 'government')
      return { ...base, verdict: 'for_information', reasons: [], trace: [], conditionTrace: [], missing: [], nearMiss: null, failedAt: null };

    // The item holds when the respondent is in scope, in the audience, and meets the item's own condition.
    const parts: [ItemPart, EvalNode][] = [];
    if (scope) parts.push(['scope', scope]);
    const audience = audienceNode(item.audience);
    if (audience) parts.push(['audience', audience]);
    if (item.when) parts.push(['condition', evaluate(item.when as Condition, states.lookup)]);

    const trace = parts.flatMap(([, node]) => leaves(node));
    const own = parts.find(([part]) => part === 'condition');
    const conditionTrace = own ? leaves(own[1]) : [];
    const failed = parts.find(([, node]) => node.result === false);
    if (failed) {
      const [failedAt, node] = failed;
      const fix = failedAt === 'condition' && parts.every(([, n]) => n === node || n.result !== false) ? cheapestFix(node) : null;
      return {
        ...base,
        verdict: 'does_not_apply',
        reasons: decisiveLeaves(node, false),
        trace,
        conditionTrace,
        missing: [],
        nearMiss: fix && fix.cost === 1 ? (fix.leaves[0] ?? null) : null,
        failedAt,
      };
    }
    const unknown = parts.filter(([, node]) => node.result === 'unknown');
    if (unknown.length > 0) {
      const reasons = unknown.flatMap(([, node]) => decisiveLeaves(node, 'unknown'));
      return { ...base, verdict: 'possible', reasons, trace, conditionTrace, missing: missingOf(reasons, states), nearMiss: null, failedAt: null };
    }
    // What made it apply: the item's own condition (scope and audience are the same for every item and stay in the trace).
    const reasons = (own ? [own] : parts).flatMap(([, node]) => decisiveLeaves(node, true));
    return { ...base, verdict: 'applies', reasons, trace, conditionTrace, missing: [], nearMiss: null, failedAt: null };
  }
}

type ItemPart = 'scope' | 'audience' | 'condition';

function missingOf(unknownLeaves: LeafTrace[], states: AnswerStates): MissingAnswer[] {
  return uniqueMissing(unknownLeaves.flatMap((leaf) => states.missingFor(leaf.question)));
}

function uniqueMissing(list: MissingAnswer[]): MissingAnswer[] {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m.question) ? false : (seen.add(m.question), true)));
}
