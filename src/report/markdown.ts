/**
 * The Markdown report: the same content as the printable report, for the CLI, e-mail and archives.
 */
import type { Assessment, ClauseResult, SupportItemResult } from '../engine/index.ts';
import { localize, translator, type Language } from '../i18n/index.ts';
import { clauseLabel } from '../rulebook/source.ts';
import type { Answers, CompiledRulebook } from '../rulebook/schema.ts';
import { explainLeaf, explainMissing, formatAnswer, questionsById } from './explain.ts';

export type ReportInput = {
  rulebook: CompiledRulebook;
  assessment: Assessment;
  answers: Answers;
  lang: Language;
  /** The date printed on the report (YYYY-MM-DD); the caller decides, so reports are reproducible. */
  date: string;
  respondentName?: string;
};

export function markdownReport({ rulebook, assessment, answers, lang, date, respondentName }: ReportInput): string {
  const t = translator(lang);
  const L = (text: { zh: string; en: string }) => localize(text, lang);
  const questions = questionsById(rulebook);
  const out: string[] = [];
  const line = (s = '') => out.push(s);

  line(`# ${t('report.title')}: ${L(rulebook.meta.title)}`);
  line();
  line(`- **${t('report.respondent')}**: ${respondentName?.trim() || t('report.anonymous')}`);
  line(`- **${t('report.date')}**: ${date}`);
  line(`- **${t('report.policy')}**: ${L(rulebook.meta.title)} (${L(rulebook.meta.issuer)}, ${rulebook.meta.issued})`);
  line(`- **${t('report.rulebook')}**: ${assessment.rulebook.id} v${assessment.rulebook.version} · ${assessment.rulebook.hash.slice(0, 12)}`);
  line();
  line(`> **${t('report.disclaimer')}**: ${L(rulebook.meta.disclaimer)}`);
  line();
  if (assessment.scopeNotice) {
    line(`> **${t('report.outOfScope')}**: ${L(assessment.scopeNotice)}`);
    line();
  }

  line(`## ${t('report.summary')}`);
  line();
  line(t('report.counts', assessment.counts));
  line();
  line(`| ${t('report.clause')} | ${t('report.clauseTitle')} | ${t('report.verdict')} |`);
  line('| --- | --- | --- |');
  for (const c of assessment.clauses) line(`| ${clauseLabel(c.clause)} | ${escapeCell(L(c.title))} | ${t(`verdictIcon.${c.verdict}`)} ${t(`verdict.${c.verdict}`)}${c.nearMiss ? ` (${t('report.nearMisses')})` : ''} |`);
  line();

  const section = (title: string, clauses: ClauseResult[], items: (c: ClauseResult) => SupportItemResult[]) => {
    if (clauses.length === 0) return;
    line(`## ${title}`);
    line();
    for (const c of clauses) {
      line(`### ${clauseLabel(c.clause)} ${L(c.title)} — ${t(`verdict.${c.verdict}`)}`);
      line();
      for (const item of items(c)) itemBlock(item);
    }
  };

  const itemBlock = (item: SupportItemResult) => {
    line(`#### ${t(`verdictIcon.${item.verdict}`)} ${L(item.title)} — ${t(`verdict.${item.verdict}`)}`);
    line();
    line(`**${t('report.benefit')}**: ${L(item.benefit)}`);
    line();
    if (item.verdict !== 'for_information' && item.reasons.length > 0) {
      line(`**${t('report.why')}**:`);
      for (const leaf of item.reasons) {
        const e = explainLeaf(leaf, questions, lang, t);
        const mark = e.result === true ? '✓' : e.result === false ? '✗' : '?';
        line(`- ${mark} ${e.question} — ${e.actual} (${e.expected})`);
      }
      line();
    }
    if (item.missing.length > 0) {
      line(`**${t('report.missing')}**: ${item.missing.map((m) => explainMissing(m, questions, lang, t)).join('; ')}`);
      line();
    }
    if (item.nearMiss) {
      const e = explainLeaf(item.nearMiss, questions, lang, t);
      line(`**${t('report.nearMisses')}**: ${t('report.wouldApplyIf', { question: e.question, expected: e.expected })}`);
      line();
    }
    line(`**${t('report.quote')}**:`);
    item.quotes.forEach((q, i) => {
      line(`> ${q}`);
      const translation = item.quoteTranslations?.[i];
      if (lang === 'en' && translation) {
        line('>');
        line(`> *${t('results.translation')}* ${translation}`);
      }
    });
    line();
    if (item.departments.length > 0) {
      line(`**${t('report.departments')}**: ${item.departments.map(L).join(t('condition.listSeparator'))}`);
      line();
    }
    if (item.nextSteps.length > 0 && item.verdict !== 'for_information') {
      line(`**${t('report.nextSteps')}**:`);
      for (const step of item.nextSteps) line(`1. ${L(step)}`);
      line();
    }
  };

  const by = (v: ClauseResult['verdict']) => assessment.clauses.filter((c) => c.verdict === v);
  section(t('report.applying'), by('applies'), (c) => c.supportItems.filter((i) => i.verdict === 'applies' || i.verdict === 'possible'));
  section(t('report.possibleSection'), by('possible'), (c) => c.supportItems.filter((i) => i.verdict === 'possible'));

  // Near misses are per support item: an item can miss narrowly inside a clause that applies through another item.
  const nearMisses = assessment.clauses.filter((c) => c.supportItems.some((i) => i.nearMiss));
  section(t('report.nearMisses'), nearMisses, (c) => c.supportItems.filter((i) => i.nearMiss));

  const notApplying = by('does_not_apply');
  if (notApplying.length > 0) {
    line(`## ${t('report.notApplying')}`);
    line();
    for (const c of notApplying) line(`- ${clauseLabel(c.clause)} ${L(c.title)}`);
    line();
  }
  const info = by('for_information');
  if (info.length > 0) {
    line(`## ${t('report.information')}`);
    line();
    for (const c of info) line(`- ${clauseLabel(c.clause)} ${L(c.title)}`);
    line();
  }

  line(`## ${t('report.answers')}`);
  line();
  line(`| ${t('report.question')} | ${t('report.yourAnswer')} |`);
  line('| --- | --- |');
  for (const step of rulebook.questionnaire.steps)
    for (const q of step.questions) if (answers[q.id] !== undefined) line(`| ${escapeCell(L(q.label))} | ${escapeCell(formatAnswer(q, answers[q.id], lang, t))} |`);
  line();
  return out.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
