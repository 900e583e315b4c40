/**
 * The first load carries a rulebook's interview texts in Chinese alone; the English comes back when it is needed
 * (src/rulebook/english-split.ts). Whatever a rule author writes, it must come back whole and in its place.
 */
import { join } from 'node:path';
import { restoreEnglish, withoutEnglish } from '@/rulebook/english-split';
import { loadRulebooks } from '@/rulebook/load';

const rulebooks = loadRulebooks(join(process.cwd(), 'rules'));

it.each(rulebooks.map((r) => [r.meta.id, r] as const))('%s: the texts go without their English, and get it back in place', (_id, rulebook) => {
  const { chinese, english } = withoutEnglish(rulebook);
  expect(JSON.stringify(chinese)).not.toMatch(/"en":/);
  expect(english.filter((e) => e !== null).length).toBeGreaterThan(100);
  expect(chinese.questionnaire.steps[0]!.title.zh).toBe(rulebook.questionnaire.steps[0]!.title.zh);
  restoreEnglish(chinese, english);
  expect(chinese).toEqual(rulebook);
});

it('keeps a text without English as it was, and the texts after it in their places', () => {
  const value = { a: { zh: '甲' }, b: [{ zh: '乙', en: 'B' }, { label: { zh: '丙', en: 'C' }, en: 'not a text: no zh' }] };
  const { chinese, english } = withoutEnglish(value);
  expect(english).toEqual([null, 'B', 'C']);
  expect(chinese).toEqual({ a: { zh: '甲' }, b: [{ zh: '乙' }, { label: { zh: '丙' }, en: 'not a text: no zh' }] });
  restoreEnglish(chinese, english);
  expect(chinese).toEqual(value);
});
