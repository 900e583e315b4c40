/**
 * The Markdown report: the same content as the printable report (report/model.ts), for the CLI,
 * e-mail and archives.
 */
import { translator } from '../i18n/index.ts';
import { buildReport, type ReportClause, type ReportInput, type ReportItem } from './model.ts';
import './messages.ts';
// Reports may be in English whatever the page's language: the English catalogue loads with them.
import '../i18n/english.ts';
import '../features/results/messages.ts';

export type { ReportInput } from './model.ts';

export function markdownReport(input: ReportInput): string {
  const r = buildReport(input);
  const t = translator(r.lang);
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const sep = t('condition.listSeparator');

  line(`# ${r.title}: ${r.policy.title}`);
  line();
  line(`- **${t('report.respondent')}**: ${r.respondentName ? literal(r.respondentName) : t('report.anonymous')}`);
  line(`- **${t('report.date')}**: ${r.date}`);
  line(`- **${t('report.policy')}**: ${r.policy.title} (${r.policy.issuer}, ${r.policy.issued})`);
  line(`- **${t('report.rulebook')}**: ${r.rulebook.id} v${r.rulebook.version} · ${r.rulebook.hash.slice(0, 12)}`);
  line();
  line(`> **${t('report.disclaimer')}**: ${r.disclaimer}`);
  line();
  if (r.scopeNotice) {
    line(`> **${t('report.outOfScope')}**: ${r.scopeNotice}`);
    line();
  }

  line(`## ${t('report.summary')}`);
  line();
  line(t('report.counts', r.counts));
  line();
  line(`| ${t('report.clause')} | ${t('report.clauseTitle')} | ${t('report.verdict')} |`);
  line('| --- | --- | --- |');
  for (const c of r.summary) line(`| ${c.label} | ${literal(c.title)} | ${t(`verdictIcon.${c.verdict}`)} ${t(`verdict.${c.verdict}`)}${c.nearMiss ? ` (${t('report.nearMissMark')})` : ''} |`);
  line();

  const itemBlock = (item: ReportItem) => {
    line(`#### ${t(`verdictIcon.${item.verdict}`)} ${item.title} — ${t(`verdict.${item.verdict}`)}`);
    line();
    line(`**${t('report.benefit')}**: ${item.benefit}`);
    line();
    if (item.reasons.length > 0) {
      line(`**${t('report.why')}**:`);
      for (const e of item.reasons) line(`- ${e.result === true ? '✓' : e.result === false ? '✗' : '?'} ${e.question} — ${e.actual} (${t('results.required', { expected: e.expected })})`);
      line();
    }
    if (item.missing.length > 0) {
      line(`**${t('report.missing')}**: ${item.missing.join('; ')}`);
      line();
    }
    if (item.nearMiss) {
      line(`**${t('report.nearMisses')}**: ${item.nearMiss}`);
      line();
    }
    line(`**${t('report.quote')}**:`);
    for (const q of item.quotes) {
      line(`> ${q.zh}`);
      if (q.translation) {
        line('>');
        line(`> *${t('results.translation')}* ${q.translation}`);
      }
    }
    line();
    line(`**${t('report.departments')}**: ${item.departments.length > 0 ? item.departments.join(sep) : t('results.noDepartments')}`);
    line();
    if (item.nextSteps.length > 0) {
      line(`**${t('report.nextSteps')}**:`);
      for (const step of item.nextSteps) line(`1. ${step}`);
      line();
    }
  };
  const section = (title: string, clauses: ReportClause[]) => {
    if (clauses.length === 0) return;
    line(`## ${title}`);
    line();
    for (const c of clauses) {
      line(`### ${c.label} ${c.title} — ${t(`verdict.${c.verdict}`)}`);
      line();
      c.items.forEach(itemBlock);
    }
  };
  const list = (title: string, clauses: { label: string; title: string }[]) => {
    if (clauses.length === 0) return;
    line(`## ${title}`);
    line();
    for (const c of clauses) line(`- ${c.label} ${c.title}`);
    line();
  };

  section(t('report.applying'), r.applying);
  section(t('report.possibleSection'), r.possible);
  section(t('report.nearMissSection'), r.nearMisses);
  list(t('report.notApplying'), r.notApplying);
  list(t('report.information'), r.information);

  line(`## ${t('report.answers')}`);
  line();
  line(`| ${t('report.question')} | ${t('report.yourAnswer')} |`);
  line('| --- | --- |');
  for (const a of r.answers) line(`| ${literal(a.question)} | ${literal(a.answer)} |`);
  line();
  return out.join('\n');
}

/**
 * Text read as written, not as Markdown or HTML (a member's name from an association's file, say: "<b>", "*", "|"
 * would format, or end a table cell): on one line, each character that could do so escaped with a backslash.
 */
function literal(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** A respondent's text on one line: a line break in it (CR, LF or both) would start a new Markdown block. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
