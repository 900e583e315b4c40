/**
 * The English of a rulebook's interview part, apart from it: the first load carries the Chinese alone (most users
 * never switch; the English is a third of the questionnaire's weight), and the English comes back when it is
 * needed (src/rulebook/english-texts.ts). Every text of the part is an object with `zh` (LocalizedText); both
 * functions visit them in the same order (depth first, keys in their order), so a list of the English texts,
 * one per object, is all that is needed to put them back.
 */

/** `value` without the English of its texts, and those texts in order (null for a text that had none). */
export function withoutEnglish<T>(value: T): { chinese: T; english: (string | null)[] } {
  const english: (string | null)[] = [];
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    const text = typeof (v as { zh?: unknown }).zh === 'string';
    if (text) english.push(typeof (v as { en?: unknown }).en === 'string' ? (v as { en: string }).en : null);
    for (const [k, x] of Object.entries(v)) if (!(text && k === 'en')) out[k] = strip(x);
    return out;
  };
  return { chinese: strip(value) as T, english };
}

/** Puts the English texts withoutEnglish took out back into `value`, in place. */
export function restoreEnglish(value: unknown, english: readonly (string | null)[]): void {
  let at = 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (typeof (v as { zh?: unknown }).zh === 'string') {
      const en = english[at++];
      if (typeof en === 'string') (v as { en?: string }).en = en;
    }
    for (const x of Object.values(v)) visit(x);
  };
  visit(value);
}
