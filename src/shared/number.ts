/**
 * Numbers as people write them, in the interview's fields and in a members file's cells alike: "1,200", "１２００",
 * " 35 ", and "60%", "350人" or "1500万元" with the unit the question states.
 */
import type { Question } from '../rulebook/schema.ts';

export function parseNumber(text: string, units: readonly string[] = []): number | null {
  let normalised = text.replace(/[０-９．－％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  // The unit shown after the field, typed as well ("60%", "1500万元"): the number is what comes before it.
  const unit = units.map((u) => u.replace(/\s/g, '')).find((u) => u !== '' && normalised.endsWith(u));
  if (unit) normalised = normalised.slice(0, -unit.length);
  if (normalised === '' || !/^-?\d*\.?\d+$/.test(normalised)) return null;
  return Number(normalised);
}

/** A question's unit in either language (the English is not there until it has loaded: see src/rulebook/english-split.ts). */
export function unitsOf(question: Pick<Question, 'unit'>): string[] {
  return question.unit ? [question.unit.zh, question.unit.en].filter((u): u is string => typeof u === 'string') : [];
}
