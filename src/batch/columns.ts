/**
 * The batch file's columns: one per question of the rulebook, headed by the question id, and a name
 * column that identifies each member: the rulebook's `respondent_name` question when it has one, else `name`.
 * Each column reads its cells the way an association types them in Excel: an option's id or its Chinese or
 * English label; several options separated by ";" as the template says (a semicolon needs no quoting in a
 * comma-separated file, and no option label contains one), or by 、 ， / or line breaks as people list things;
 * yes/no as true/false, 是/否, yes/no or 1/0; numbers with or without thousands separators, or followed by the
 * question's unit (as the interview reads them); dont_know or 不清楚 where the question allows it; empty = not
 * answered.
 */
import { MAX_TEXT } from '../shared/text.ts';
import { parseNumber, unitsOf } from '../shared/number.ts';
import { DONT_KNOW, type AnswerValue, type CompiledRulebook, type Question } from '../rulebook/schema.ts';
import type { IssueCode } from './problems.ts';
import { closest } from './similar.ts';

export const NAME_QUESTION = 'respondent_name';
export const NAME_COLUMN = 'name';
/** The separator between the options of a multiple-choice cell. */
export const MULTI_SEPARATOR = ';';
/** Text answers longer than this are refused (as in answers files). */
export { MAX_TEXT } from '../shared/text.ts';

export type CellResult = { ok: true; value: AnswerValue | undefined } | { ok: false; code: IssueCode; params?: Record<string, string | number> };

export type BatchColumn = {
  id: string;
  /** null for the `name` column of a rulebook without a respondent_name question. */
  question: Question | null;
  read: (raw: string) => CellResult;
};

export type BatchColumns = {
  /** The column that names each member. */
  nameColumn: string;
  /** Name column first, then every question in questionnaire order. */
  columns: BatchColumn[];
  byId: Map<string, BatchColumn>;
};

const DONT_KNOW_WORDS = [DONT_KNOW, '不清楚', '不知道', "don't know", 'dont know', 'unknown'];
const TRUE_WORDS = ['true', 'yes', 'y', '是', '1'];
const FALSE_WORDS = ['false', 'no', 'n', '否', '0'];

/** An empty cell: not answered. One object for them all (most cells of a batch are empty: questions not asked). */
const NOT_ANSWERED: CellResult = Object.freeze({ ok: true, value: undefined });

/** How a cell or label is compared: full-width characters folded (ＹＥＳ, ；), case and spacing ignored. */
export function normalise(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function batchColumns(rulebook: CompiledRulebook): BatchColumns {
  const questions = rulebook.questionnaire.steps.flatMap((s) => s.questions);
  const nameQuestion = questions.find((q) => q.id === NAME_QUESTION) ?? null;
  const nameColumn: BatchColumn = { id: nameQuestion ? NAME_QUESTION : NAME_COLUMN, question: nameQuestion, read: textReader(nameQuestion) };
  const columns = [nameColumn, ...questions.filter((q) => q !== nameQuestion).map((q) => ({ id: q.id, question: q, read: cellReader(q) }))];
  return { nameColumn: nameColumn.id, columns, byId: new Map(columns.map((c) => [c.id, c])) };
}

function cellReader(question: Question): (raw: string) => CellResult {
  const dontKnow = new Set(DONT_KNOW_WORDS.map(normalise));
  const special = (key: string): CellResult | null => (dontKnow.has(key) ? (question.dontKnow ? { ok: true, value: DONT_KNOW } : { ok: false, code: 'noDontKnow' }) : null);
  switch (question.type) {
    case 'single':
    case 'district':
    case 'multi': {
      const options = new Map<string, string>();
      for (const o of question.options ?? []) for (const key of [o.value, o.label.zh, o.label.en]) if (!options.has(normalise(key))) options.set(normalise(key), o.value);
      // A label's words before the explanation in brackets that ends it ("工业" for "工业（采矿、制造、……）"), as a
      // person types it, when no other option's label starts the same. (Not a bracket inside a name: "中国（天津）自由
      // 贸易试验区" is not "中国".)
      const heads = new Map<string, string | null>();
      for (const o of question.options ?? [])
        for (const label of [o.label.zh, o.label.en]) {
          const head = normalise(/^(.+?)\s*[（(][^（()）]*[）)]$/.exec(label)?.[1] ?? '');
          if (head.length < 2 || options.has(head)) continue;
          heads.set(head, heads.has(head) && heads.get(head) !== o.value ? null : o.value);
        }
      for (const [head, value] of heads) if (value !== null) options.set(head, value);
      // Ids only: the template's label row shows the labels, in both languages.
      const allowed = (question.options ?? []).map((o) => o.value).join(', ') + (question.dontKnow ? `, ${DONT_KNOW}` : '');
      // Not an option: the one meant, when a label holds what was written or the other way round ("西青" for
      // "西青区"), or an id or label is a letter or two away ("xiqin").
      const keys = [...options.keys()];
      const notAnOption = (key: string, value?: string): CellResult => {
        const near = keys.find((k) => key.length >= 2 && (k.includes(key) || key.includes(k)) && Math.abs(k.length - key.length) <= 3) ?? closest(key, keys);
        const option = near ? question.options?.find((o) => o.value === options.get(near)) : undefined;
        const at: Record<string, string> = value === undefined ? {} : { value };
        return option
          ? { ok: false, code: 'notAnOptionSuggest', params: { ...at, allowed, suggestion: option.value, suggestionZh: option.label.zh, suggestionEn: option.label.en ?? option.label.zh } }
          : { ok: false, code: question.type === 'multi' ? 'notAnOptionMulti' : 'notAnOption', params: { ...at, allowed } };
      };
      if (question.type !== 'multi')
        return (raw) => {
          if (raw === '') return NOT_ANSWERED;
          // Fast path: the option id as the template writes it.
          const exact = options.get(raw);
          if (exact !== undefined) return { ok: true, value: exact };
          const key = normalise(raw);
          if (key === '') return { ok: true, value: undefined };
          const value = options.get(key);
          return value !== undefined ? { ok: true, value } : (special(key) ?? notAnOption(key));
        };
      // "None of these" and the like are chosen alone (as in the interview and in answers files).
      const exclusive = new Set((question.options ?? []).filter((o) => o.exclusive).map((o) => o.value));
      const list = (values: string[]): CellResult => {
        const alone = values.length > 1 ? values.find((v) => exclusive.has(v)) : undefined;
        return alone === undefined ? { ok: true, value: values } : { ok: false, code: 'exclusiveOption', params: { option: alone } };
      };
      // Labels that hold a separator themselves ("五金制品、五金机电"): kept whole when a list is split.
      const joined = [...options.keys()].filter((k) => /[、,;/|]/.test(k)).sort((x, y) => y.length - x.length);
      return (raw) => {
        if (raw === '') return NOT_ANSWERED;
        // Fast path: option ids separated by ";", as the template writes them.
        const exact = exactOptions(raw, options);
        if (exact) return list(exact);
        const key = normalise(raw);
        if (key === '') return { ok: true, value: undefined };
        const whole = special(key);
        if (whole) return whole;
        // Separated by ";" as the template says, else as people list things in a cell: 、 ， / or a line break
        // (Alt+Enter in Excel), or spaces — each part an option, brackets inside a label left whole.
        // What is named as no option: the first part not one, as the list split at any separator has it.
        let unknown: string | null = null;
        for (const [attempt, parts] of [key.split(MULTI_SEPARATOR), listParts(raw, joined), key.split(' ')].entries()) {
          const values: string[] = [];
          for (const part of parts) {
            const p = part.trim();
            if (p === '') continue;
            const value = options.get(p);
            if (value === undefined) {
              if (attempt === 1 || unknown === null) unknown = p;
              values.length = 0;
              break;
            }
            if (!values.includes(value)) values.push(value);
          }
          if (values.length > 0) return list(values);
          if (unknown === null) return { ok: true, value: undefined };
        }
        return notAnOption(unknown!, unknown!);
      };
    }
    case 'boolean': {
      const words = new Map<string, boolean>([...TRUE_WORDS.map((w) => [w, true] as const), ...FALSE_WORDS.map((w) => [w, false] as const)]);
      return (raw) => {
        if (raw === '') return NOT_ANSWERED;
        const exact = words.get(raw);
        if (exact !== undefined) return { ok: true, value: exact };
        const key = normalise(raw);
        if (key === '') return { ok: true, value: undefined };
        const value = words.get(key);
        return value !== undefined ? { ok: true, value } : (special(key) ?? { ok: false, code: 'notABoolean' });
      };
    }
    case 'number': {
      const units = unitsOf(question);
      return (raw) => {
        if (raw === '') return NOT_ANSWERED;
        // Fast path: plain digits, as the template writes them (else as typed: words, separators, spaces…).
        let n: number;
        if (PLAIN_NUMBER.test(raw)) n = Number(raw);
        else {
          const key = normalise(raw);
          if (key === '') return NOT_ANSWERED;
          const sp = special(key);
          if (sp) return sp;
          // As the interview reads a field ("1,234", "350人", "1500万元" with the question's unit); Excel may also
          // show a share as 30%, or group digits with spaces or underscores: the number is what counts.
          n = parseNumber(raw, units) ?? parseNumber(key.replace(/[_]/g, '').replace(/%$/, '')) ?? NaN;
        }
        if (!Number.isFinite(n)) return { ok: false, code: 'notANumber' };
        if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return { ok: false, code: 'tooLarge' };
        if (question.min !== undefined && n < question.min) return { ok: false, code: 'belowMin', params: { value: n, min: question.min } };
        if (question.max !== undefined && n > question.max) return { ok: false, code: 'aboveMax', params: { value: n, max: question.max } };
        if (question.integer && !Number.isInteger(n)) return { ok: false, code: 'notWhole', params: { value: n } };
        return { ok: true, value: n };
      };
    }
    case 'text':
      return textReader(question);
  }
}

/**
 * A cell's list, each part normalised: split at 、 , ; / | (full-width too) and line ends, but not inside brackets
 * ("检验检测（认证、服务）") nor inside a label that holds one of them (`whole`, "五金制品、五金机电").
 */
function listParts(raw: string, whole: readonly string[]): string[] {
  let text = raw.split(/\r?\n/).map(normalise).join('\n');
  // Each whole label stands in as a character no cell holds, while the list is split.
  whole.forEach((label, i) => (text = text.split(label).join(String.fromCharCode(0xe000 + i))));
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const c = text[i] ?? '\n';
    if ('(（[【'.includes(c)) depth += 1;
    else if (')）]】'.includes(c)) depth = Math.max(0, depth - 1);
    else if (i === text.length || (depth === 0 && '、,;/|\n'.includes(c))) {
      parts.push(text.slice(from, i).replace(/[\ue000-\uf8ff]/g, (ch) => whole[ch.charCodeAt(0) - 0xe000] ?? ch));
      from = i + 1;
    }
  }
  return parts;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Option ids separated by ";", each once, in order; null when a part is not an option id as written. */
function exactOptions(raw: string, options: ReadonlyMap<string, string>): string[] | null {
  const values: string[] = [];
  let from = 0;
  for (;;) {
    const end = raw.indexOf(MULTI_SEPARATOR, from);
    const value = options.get(end < 0 ? raw.slice(from) : raw.slice(from, end));
    if (value === undefined) return null;
    if (!values.includes(value)) values.push(value);
    if (end < 0) return values;
    from = end + 1;
  }
}

function textReader(question: Question | null): (raw: string) => CellResult {
  return (raw) => {
    if (raw === '') return NOT_ANSWERED;
    const value = raw.trim();
    if (value === '') return { ok: true, value: undefined };
    if (question?.dontKnow && DONT_KNOW_WORDS.includes(normalise(value))) return { ok: true, value: DONT_KNOW };
    if (value.length > MAX_TEXT) return { ok: false, code: 'tooLong', params: { length: value.length, max: MAX_TEXT } };
    return { ok: true, value };
  };
}
