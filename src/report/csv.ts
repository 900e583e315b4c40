/**
 * The CSV report: one row per support item (clause, item, audience, verdict, reason in words,
 * departments, quotes), for consultants who work in Excel. Shared by the app's download and the CLI.
 *
 * Safe for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM (withBom) so Excel reads the
 * Chinese text, and cells a spreadsheet would run as a formula neutralised (OWASP "CSV injection").
 */
import type { Assessment, SupportItemResult } from '../engine/index.ts';
import { localize, translator, type Language } from '../i18n/index.ts';
import { clauseLabel } from '../rulebook/source.ts';
import type { CompiledRulebook, LocalizedText, Question } from '../rulebook/schema.ts';
import type { TFunction } from '@/i18n';
import { conditionLine, explainLeaf, explainMissing, questionsById } from './explain.ts';
import { shownQuote, shownTranslation } from './quote.ts';
// Registers the exports messages (t('exports.…')).
import '../features/report/messages.ts';
// Reports may be in English whatever the page's language: the English catalogue loads with them.
import '../i18n/english.ts';
import '../features/results/messages.ts';

/** The byte-order mark Excel needs to read a CSV file as UTF-8. */
export const BOM = '\uFEFF';

// OWASP: a cell starting with = + - @ (or tab / carriage return, which some spreadsheets skip) is a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number such as -5 or +3.5 is not a formula and stays a number.
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** Prefix a ' to a cell a spreadsheet would otherwise evaluate as a formula. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** One cell: neutralised, then quoted (RFC 4180) when it holds a comma, quote or line break. */
export function csvCell(cell: string): string {
  const safe = neutralise(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, ending in CRLF as RFC 4180 and Excel expect. */
export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Rows of cells → CSV text (no BOM: add it with withBom when writing a file). */
export function toCsv(rows: string[][]): string {
  return rows.map(csvLine).join('');
}

/** The text as Excel wants a UTF-8 file: with a BOM (added once). */
export function withBom(text: string): string {
  return text.startsWith(BOM) ? text : BOM + text;
}

export type CsvReportInput = { rulebook: CompiledRulebook; assessment: Assessment; lang: Language };

/** The CSV report (without BOM): a header row, then one row per support item in clause order. */
export function csvReport({ rulebook, assessment, lang }: CsvReportInput): string {
  const t = translator(lang);
  const L = (text: LocalizedText) => localize(text, lang);
  const questions = questionsById(rulebook);
  const list = (texts: LocalizedText[]) => texts.map(L).join(t('condition.listSeparator'));

  const header = ['clause', 'clauseTitle', 'itemId', 'itemTitle', 'audience', 'verdict', 'reason', 'departments', 'quotes'].map((k) => t(`exports.csv.${k}`));
  const rows = assessment.clauses.flatMap((clause) =>
    clause.supportItems.map((item) => [
      clauseLabel(clause.clause, lang),
      L(clause.title),
      item.id,
      L(item.title),
      t(`audience.${item.audience}`),
      t(`verdict.${item.verdict}`),
      itemReason(item, questions, lang, t),
      // An item without departments of its own falls under the clause's "（…负责）".
      list(item.departments.length > 0 ? item.departments : clause.departments),
      quotesCell(rulebook, item, lang, t),
    ]),
  );
  return toCsv([header, ...rows]);
}

/**
 * Why an item has its verdict, in words: each deciding condition (✓ holds, ✗ fails, ? unknown) with the
 * answer given and what was expected; the answers still missing; the near miss ("would apply if …").
 */
export function itemReason(item: SupportItemResult, questions: Map<string, Question>, lang: Language, t: TFunction = translator(lang)): string {
  if (item.verdict === 'for_information') return t('exports.csv.forInformation');
  const colon = lang === 'zh' ? '：' : ': ';
  const lines = item.reasons.map((leaf) => {
    const e = explainLeaf(leaf, questions, lang, t);
    const mark = e.result === true ? '✓' : e.result === false ? '✗' : '?';
    const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
    return `${mark} ${conditionLine(e, t)}${open}${t('results.required', { expected: e.expected })}${close}`;
  });
  if (item.missing.length > 0) lines.push(`${t('report.missing')}${colon}${item.missing.map((m) => explainMissing(m, questions, lang, t)).join('; ')}`);
  if (item.nearMiss) {
    const e = explainLeaf(item.nearMiss, questions, lang, t);
    lines.push(`${t('report.nearMisses')}${colon}${t('report.wouldApplyIf', { question: e.question, expected: e.expected })}`);
  }
  return lines.length > 0 ? lines.join('\n') : t('exports.csv.noReason');
}

function quotesCell(rulebook: CompiledRulebook, item: SupportItemResult, lang: Language, t: TFunction): string {
  return item.quotes
    .map((q, i) => {
      const quote = shownQuote(rulebook, q);
      const english = lang === 'en' ? item.quoteTranslations?.[i] : undefined;
      const translation = english ? shownTranslation(rulebook, q, english) : undefined;
      return translation ? `${quote}\n(${t('exports.csv.translation')}: ${translation})` : quote;
    })
    .join('\n');
}
