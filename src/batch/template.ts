/**
 * The files an association downloads: the template (row 1: question ids; row 2: each question's label in
 * both languages and what to write — recognised and skipped on import) and an example with a few members.
 * Both are CSV with a BOM, so Excel opens them as UTF-8.
 */
import { assessVerdicts } from '../engine/assess.ts';
import { translator, type Language } from '../i18n/index.ts';
import { DONT_KNOW, type AnswerValue, type Answers, type CompiledRulebook } from '../rulebook/schema.ts';
import { batchColumns, MULTI_SEPARATOR, NAME_QUESTION, type BatchColumn, type BatchColumns } from './columns.ts';
import { BOM, csvLine } from './csv-write.ts';
import { sampleMembers } from './generate.ts';
// Registers the batch messages (t('batch.…')).
import '../features/batch/messages.ts';
// Reports may be in English whatever the page's language: the English catalogue loads with them.
import '../i18n/english.ts';

export type ExampleMember = { name: string; answers: Answers };

export function batchTemplate(rulebook: CompiledRulebook, lang: Language): string {
  const columns = batchColumns(rulebook);
  return BOM + csvLine(columns.columns.map((c) => c.id)) + csvLine(columns.columns.map((c) => labelCell(c, lang)));
}

/**
 * The template with a few members filled in: the given ones, else the rulebook's example respondents
 * (examples/*.json, written by its authors), else three generated from the questionnaire (exampleMembers).
 */
export function batchExample(rulebook: CompiledRulebook, options: { lang?: Language; members?: ExampleMember[] } = {}): string {
  const lang = options.lang ?? 'zh';
  const columns = batchColumns(rulebook);
  const members = options.members ?? (rulebook.examples?.length ? rulebookExampleMembers(rulebook, lang) : exampleMembers(rulebook, lang));
  let out = batchTemplate(rulebook, lang);
  for (const m of members) out += csvLine(memberCells(columns, m, lang));
  return out;
}

/** The rulebook's example respondents, each named by its answer to the name question, else "Example member n". */
function rulebookExampleMembers(rulebook: CompiledRulebook, lang: Language): ExampleMember[] {
  const t = translator(lang);
  return (rulebook.examples ?? []).map(({ answers }, n) => {
    const given = answers[NAME_QUESTION];
    return { name: typeof given === 'string' && given.trim() !== '' ? given : t('batch.template.exampleName', { n: n + 1 }), answers };
  });
}

/** Generated members looked through for the example's three. */
const EXAMPLE_POOL = 40;

/**
 * Three generated members to show what a filled-in file gives, for a rulebook without examples: of a seeded pool,
 * those to whom the most clauses apply (in the pool's order when alike). Three members taken as generated were
 * mostly outside the policy (a government body, an address elsewhere), and an example whose members nothing
 * applies to reads as broken.
 */
export function exampleMembers(rulebook: CompiledRulebook, lang: Language): ExampleMember[] {
  const pool = sampleMembers(rulebook, EXAMPLE_POOL, { seed: 2022 });
  const applying = pool.map((m) => assessVerdicts(rulebook, m.answers).counts.applies);
  const chosen = pool
    .map((_, i) => i)
    .sort((a, b) => applying[b]! - applying[a]! || a - b)
    .slice(0, 3)
    .sort((a, b) => a - b);
  const t = translator(lang);
  return chosen.map((i, n) => {
    const name = t('batch.template.exampleName', { n: n + 1 });
    const { answers } = pool[i]!;
    // The name is also the answer to the name question, where the questionnaire asks it.
    return { name, answers: NAME_QUESTION in answers ? { ...answers, [NAME_QUESTION]: name } : answers };
  });
}

/** One member as the cells of a batch file row (ids for options, words for yes/no). */
export function memberCells(columns: BatchColumns, member: ExampleMember, lang: Language): string[] {
  return columns.columns.map((c) => (c.id === columns.nameColumn ? member.name : cellText(member.answers[c.id], lang)));
}

function cellText(value: AnswerValue | undefined, lang: Language): string {
  if (value === undefined) return '';
  if (value === DONT_KNOW) return lang === 'zh' ? '不清楚' : DONT_KNOW;
  if (Array.isArray(value)) return value.join(MULTI_SEPARATOR);
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  return String(value);
}

function labelCell(column: BatchColumn, lang: Language): string {
  const t = translator(lang);
  const other: Language = lang === 'zh' ? 'en' : 'zh';
  const q = column.question;
  if (!q) return `${t('batch.template.name')} / ${translator(other)('batch.template.name')}`;
  const label = `${q.label[lang]} / ${q.label[other]}`;
  const options = (q.options ?? []).map((o) => `${o.value}（${o.label[lang]}）`).join(', ');
  let hint: string;
  switch (q.type) {
    case 'single':
    case 'district':
      hint = t('batch.template.one', { options });
      break;
    case 'multi':
      hint = t('batch.template.many', { options });
      break;
    case 'boolean':
      hint = t('batch.template.boolean');
      break;
    case 'number':
      hint =
        q.min !== undefined && q.max !== undefined
          ? t('batch.template.numberRange', { min: q.min, max: q.max })
          : q.min !== undefined
            ? t('batch.template.numberMin', { min: q.min })
            : t('batch.template.number');
      if (q.integer) hint += t('batch.template.whole');
      if (q.unit) hint += ` ${q.unit[lang]}`;
      break;
    case 'text':
      hint = q.context ? t('batch.template.name') : t('batch.template.text');
      break;
  }
  if (q.dontKnow) hint += t('batch.template.dontKnow');
  // An optional multiple choice left empty is read as the interview takes it: none of these.
  if (q.optional && q.type === 'multi') hint += t('batch.template.optionalNone');
  else if (q.optional || q.derivedFrom) hint += t('batch.template.optional');
  return `${label}\n${hint}`;
}
