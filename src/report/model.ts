/**
 * The content of a report, independent of its medium: the printable page, Markdown and the CLI render
 * the same model, so every format says the same thing.
 */
import type { TFunction } from '@/i18n';
import { answerStates, type Assessment, type ClauseResult, type SupportItemResult } from '../engine/index.ts';
import { formatDate } from '../i18n/format.ts';
import { localize, translator, type Language } from '../i18n/index.ts';
import { clauseLabel } from '../rulebook/source.ts';
import type { Answers, CompiledRulebook, Verdict } from '../rulebook/schema.ts';
import { explainLeaf, explainMissing, formatAnswer, questionsById, shownReasons, type Explained } from './explain.ts';
import { shownQuote, shownTranslation } from './quote.ts';
import './messages.ts';
// Reports may be in English whatever the page's language: the English catalogue loads with them.
import '../i18n/english.ts';

export type ReportInput = {
  rulebook: CompiledRulebook;
  assessment: Assessment;
  answers: Answers;
  lang: Language;
  /** The date printed on the report (YYYY-MM-DD); the caller decides, so reports are reproducible. */
  date: string;
  /** Defaults to the answer to the rulebook's respondent-name question. */
  respondentName?: string;
};

export type ReportItem = {
  id: string;
  title: string;
  verdict: Verdict;
  benefit: string;
  reasons: Explained[];
  missing: string[];
  nearMiss: string | null;
  quotes: { zh: string; translation: string | null }[];
  departments: string[];
  nextSteps: string[];
};

export type ReportClause = { clause: number; label: string; title: string; verdict: Verdict; nearMiss: boolean; items: ReportItem[] };

export type ReportModel = {
  lang: Language;
  title: string;
  policy: { title: string; issuer: string; issued: string };
  respondentName: string | null;
  date: string;
  rulebook: { id: string; version: string; hash: string };
  disclaimer: string;
  scopeNotice: string | null;
  counts: Record<Verdict, number>;
  summary: { label: string; title: string; verdict: Verdict; nearMiss: boolean }[];
  applying: ReportClause[];
  possible: ReportClause[];
  nearMisses: ReportClause[];
  notApplying: { label: string; title: string }[];
  information: { label: string; title: string }[];
  answers: { question: string; answer: string }[];
};

export function respondentNameOf(rulebook: CompiledRulebook, answers: Answers): string | undefined {
  const id = rulebook.meta.respondentNameQuestion;
  const value = id ? answers[id] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function buildReport({ rulebook, assessment, answers, lang, date, respondentName }: ReportInput): ReportModel {
  const t: TFunction = translator(lang);
  const L = (text: { zh: string; en: string }) => localize(text, lang);
  const questions = questionsById(rulebook);

  const item = (i: SupportItemResult): ReportItem => ({
    id: i.id,
    title: L(i.title),
    verdict: i.verdict,
    benefit: L(i.benefit),
    reasons: i.verdict === 'for_information' ? [] : shownReasons(i).map((l) => explainLeaf(l, questions, lang, t)),
    missing: i.missing.map((m) => explainMissing(m, questions, lang, t)),
    nearMiss: i.nearMiss
      ? (() => {
          const e = explainLeaf(i.nearMiss, questions, lang, t);
          return t('report.wouldApplyIf', { question: e.question, expected: e.expected });
        })()
      : null,
    quotes: i.quotes.map((zh, k) => ({ zh: shownQuote(rulebook, zh), translation: lang === 'en' && i.quoteTranslations?.[k] ? shownTranslation(rulebook, zh, i.quoteTranslations[k]) : null })),
    departments: i.departments.map(L),
    nextSteps: i.verdict === 'applies' || i.verdict === 'possible' ? i.nextSteps.map(L) : [],
  });
  const clause = (c: ClauseResult, items: SupportItemResult[]): ReportClause => ({
    clause: c.clause,
    label: clauseLabel(c.clause, lang),
    title: L(c.title),
    verdict: c.verdict,
    nearMiss: c.nearMiss,
    items: items.map(item),
  });
  const by = (v: Verdict) => assessment.clauses.filter((c) => c.verdict === v);
  const brief = (c: ClauseResult) => ({ label: clauseLabel(c.clause, lang), title: L(c.title) });

  // The answers to the questions asked, and what the rules worked out from them where nothing was given (the
  // company size from staff and revenue): the reasons above cite it. Answers kept for questions no longer asked are not the respondent's case.
  const states = answerStates(rulebook.questionnaire, answers, rulebook.parameters);
  const answerRows: ReportModel['answers'] = [];
  for (const step of rulebook.questionnaire.steps)
    for (const q of step.questions) {
      if (states.visibility.get(q.id) === false) continue;
      const given = answers[q.id];
      const derived = states.derived.get(q.id);
      if (given !== undefined) answerRows.push({ question: L(q.label), answer: formatAnswer(q, given, lang, t) });
      else if (derived !== undefined && states.visibility.get(q.id) === true) answerRows.push({ question: L(q.label), answer: t('answer.withDerived', { answer: formatAnswer(q, derived, lang, t) }) });
    }

  return {
    lang,
    title: t('report.title'),
    policy: { title: L(rulebook.meta.title), issuer: L(rulebook.meta.issuer), issued: formatDate(rulebook.meta.issued, lang) },
    respondentName: respondentName?.trim() || respondentNameOf(rulebook, answers) || null,
    date: formatDate(date, lang),
    rulebook: { id: assessment.rulebook.id, version: assessment.rulebook.version, hash: assessment.rulebook.hash },
    disclaimer: L(rulebook.meta.disclaimer),
    scopeNotice: assessment.scopeNotice ? L(assessment.scopeNotice) : null,
    counts: assessment.counts,
    summary: assessment.clauses.map((c) => ({ ...brief(c), verdict: c.verdict, nearMiss: c.nearMiss })),
    applying: by('applies').map((c) => clause(c, c.supportItems.filter((i) => i.verdict === 'applies' || i.verdict === 'possible'))),
    possible: by('possible').map((c) => clause(c, c.supportItems.filter((i) => i.verdict === 'possible'))),
    // Near misses are per support item: an item can miss narrowly inside a clause that applies through another item.
    nearMisses: assessment.clauses.filter((c) => c.supportItems.some((i) => i.nearMiss)).map((c) => clause(c, c.supportItems.filter((i) => i.nearMiss))),
    notApplying: by('does_not_apply').map(brief),
    information: by('for_information').map(brief),
    answers: answerRows,
  };
}
