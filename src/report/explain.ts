/**
 * Turning the engine's traces into words: a question's label, the answer given, and what the
 * condition expected. Shared by the results page, the reports and the CLI.
 */
import type { TFunction } from '@/i18n';
import type { LeafTrace, MissingAnswer, SupportItemResult } from '../engine/index.ts';
import { formatNumber } from '../i18n/format.ts';
import { localize, type Language } from '../i18n/index.ts';
import { DONT_KNOW } from '../rulebook/conditions.ts';
import type { AnswerValue, CompiledRulebook, Question } from '../rulebook/schema.ts';
// Registers what a comparison under `not` expects (t('conditionNot.…')).
import './messages.ts';

export type Explained = { question: string; questionId: string; expected: string; actual: string; result: LeafTrace['result'] };

export function questionsById(rulebook: CompiledRulebook): Map<string, Question> {
  return new Map(rulebook.questionnaire.steps.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
}

function optionLabel(question: Question | undefined, value: unknown, lang: Language): string {
  const option = question?.options?.find((o) => o.value === value);
  return option ? localize(option.label, lang) : String(value);
}

/** An answer as the respondent would read it. */
export function formatAnswer(question: Question | undefined, value: AnswerValue | undefined, lang: Language, t: TFunction): string {
  if (value === undefined) return t('answer.none');
  // An optional multiple choice answered with nothing ticked: none of these.
  if (Array.isArray(value) && value.length === 0) return t('answer.noneChosen');
  if (value === DONT_KNOW) return t('answer.dontKnow');
  if (typeof value === 'boolean') return t(value ? 'answer.yes' : 'answer.no');
  if (Array.isArray(value)) return value.map((v) => optionLabel(question, v, lang)).join(t('condition.optionSeparator'));
  if (typeof value === 'number') {
    const unit = question?.unit ? ` ${localize(question.unit, lang)}` : '';
    return `${formatNumber(value, lang)}${unit}`;
  }
  return question?.options ? optionLabel(question, value, lang) : value;
}

/**
 * What a condition leaf expected, e.g. "includes any of: Bicycles, Carpets". A leaf under `not` (negated)
 * expects the opposite, and says so: `not: { atLeast: 300 }` reads "is less than 300".
 */
export function formatExpectation(leaf: Pick<LeafTrace, 'op' | 'expected' | 'negated'>, question: Question | undefined, lang: Language, t: TFunction): string {
  if (leaf.op === 'answered') return t(Boolean(leaf.expected) !== Boolean(leaf.negated) ? 'condition.answeredTrue' : 'condition.answeredFalse');
  const values = Array.isArray(leaf.expected) ? leaf.expected : [leaf.expected];
  const text = values.map((v) => (typeof v === 'boolean' ? t(v ? 'answer.yes' : 'answer.no') : optionLabel(question, v, lang))).join(t('condition.optionSeparator'));
  return t(leaf.negated ? `conditionNot.${leaf.op}` : `condition.${leaf.op}`, { expected: text });
}

export function explainLeaf(leaf: LeafTrace, questions: Map<string, Question>, lang: Language, t: TFunction): Explained {
  const question = questions.get(leaf.question);
  let actual = formatAnswer(question, leaf.actual, lang, t);
  if (leaf.state === 'hidden') actual = t('answer.hidden');
  else if (leaf.derived) actual = t('answer.withDerived', { answer: actual });
  return {
    questionId: leaf.question,
    question: question ? localize(question.label, lang) : leaf.question,
    expected: formatExpectation(leaf, question, lang, t),
    actual,
    result: leaf.result,
  };
}

/**
 * A condition's line, the question and the answer given: "规模：小型". A question that ends in its own
 * question mark or colon takes no colon after it ("您以什么身份填写？企业", not "填写？：企业").
 */
export function conditionLine(e: Pick<Explained, 'question' | 'actual'>, t: TFunction): string {
  return t(/[？?：:]$/.test(e.question.trimEnd()) ? 'results.conditionLineAsked' : 'results.conditionLine', { question: e.question.trimEnd(), actual: e.actual });
}

export function explainMissing(missing: MissingAnswer, questions: Map<string, Question>, lang: Language, t: TFunction): string {
  const question = questions.get(missing.question);
  const label = question ? localize(question.label, lang) : missing.question;
  return missing.reason === 'dont_know' ? `${label}${t('punct.paren', { text: t('report.missingDontKnow') })}` : label;
}

/**
 * The lines shown under a support item: for one that applies or does not, the leaves that decided it; for one that
 * may apply, its own condition's lines that hold or are still open (✓ ?) — a ✗ there is an alternative not taken
 * (one branch of an "any"), which would read as ruling the item out — then anything undecided about scope or audience.
 */
export function shownReasons(item: SupportItemResult): readonly LeafTrace[] {
  if (item.verdict !== 'possible') return item.reasons;
  return [...item.conditionTrace.filter((l) => l.result !== false), ...item.reasons.filter((r) => !item.conditionTrace.includes(r))];
}
