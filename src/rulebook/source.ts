/**
 * Reading the policy's own text: its sections, clauses, sentences and "（…负责）" notes.
 * Used by the checker (coverage, verbatim quotes) and by the "read in the policy" view.
 */
import type { RulebookMeta } from './schema.ts';

export type SourceClause = {
  number: number;
  /** The clause number as the source writes it, e.g. "（五）". */
  label: string;
  section: string;
  /** The whole paragraph. */
  text: string;
  /** The clause heading, e.g. "支持市场主体内外贸一体化经营". */
  heading: string;
  /** The sentences after the heading, without the departments-in-charge notes. */
  sentences: string[];
  /** The "（…按职责分工负责）" notes, in order. */
  responsibilities: string[];
  /** The sentences covered by each note: note i covers the sentences up to it. */
  responsibilityOf: number[];
};

/** Compare texts ignoring all whitespace (line breaks, spaces, ideographic spaces). */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十五 → 15, 二十三 → 23. */
export function chineseNumeral(text: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (DIGITS[text] ?? null) : null;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? NaN);
  const ones = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? NaN);
  const n = tens * 10 + ones;
  return Number.isNaN(n) ? null : n;
}

/** A clause's number as the policy writes it, （一） to （十九）; in English, (1) to (19). */
export function clauseLabel(n: number, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') return `(${n})`;
  const names = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const text = tens === 0 ? names[ones] : `${tens === 1 ? '' : names[tens]}十${names[ones]}`;
  return `（${text}）`;
}

export function clausesOf(source: string, meta: Pick<RulebookMeta, 'responsibilityPattern'>): SourceClause[] {
  const clauses: SourceClause[] = [];
  let section = '';
  const responsibility = new RegExp(meta.responsibilityPattern, 'g');
  for (const raw of source.split(/\n/)) {
    const line = raw.trim();
    const sectionMatch = /^([一二三四五六七八九十]+)、/.exec(line);
    if (sectionMatch?.[1]) {
      section = sectionMatch[1];
      continue;
    }
    const clauseMatch = /^（([一二三四五六七八九十]+)）/.exec(line);
    const number = clauseMatch?.[1] ? chineseNumeral(clauseMatch[1]) : null;
    if (!clauseMatch || number === null) continue;
    const body = line.slice(clauseMatch[0].length);
    const headingEnd = body.indexOf('。');
    const heading = headingEnd === -1 ? body : body.slice(0, headingEnd);
    const rest = headingEnd === -1 ? '' : body.slice(headingEnd + 1);
    const sentences: string[] = [];
    const responsibilities: string[] = [];
    const responsibilityOf: number[] = [];
    let last = 0;
    for (const match of rest.matchAll(responsibility)) {
      const before = splitSentences(rest.slice(last, match.index));
      for (const s of before) {
        sentences.push(s);
        responsibilityOf.push(responsibilities.length);
      }
      responsibilities.push(match[0]);
      last = (match.index ?? 0) + match[0].length;
    }
    for (const s of splitSentences(rest.slice(last))) {
      sentences.push(s);
      responsibilityOf.push(-1);
    }
    clauses.push({ number, label: clauseMatch[0], section, text: line, heading, sentences, responsibilities, responsibilityOf });
  }
  return clauses;
}

function splitSentences(text: string): string[] {
  return (text.match(/[^。]+。?/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}
