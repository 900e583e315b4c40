/**
 * A condition under `not` in words (QA: "below 300" written `not: { answer: staff, atLeast: 300 }`, as
 * rules/README.md advises, was explained backwards: "✓ … (is at least 300)" on an item that does not apply, and
 * "would apply if … is at least 300"). The expectation is said as the condition uses it ("is less than 300"),
 * the ✓ / ✗ follow the condition, and the near miss names what would make the item apply — in zh and en, in
 * the Markdown report, the CSV report and the words both are built from.
 */
import { assess } from '@/engine';
import { translator, type Language } from '@/i18n';
import '@/i18n/english';
import { itemReason } from '@/report/csv';
import { explainLeaf, formatExpectation, questionsById } from '@/report/explain';
import { markdownReport } from '@/report/markdown';
import type { Answers } from '@/rulebook/schema';
import { fixtureWithNot as rulebook } from '../engine/helpers';

const company = { kind: 'company', located_here: true, exports: true };
const many: Answers = { ...company, staff: 400 };
const few: Answers = { ...company, staff: 40 };
const questions = questionsById(rulebook);
const item = (answers: Answers, id = 'c3-small-exporters') => assess(rulebook, answers).clauses.flatMap((c) => c.supportItems).find((i) => i.id === id)!;
const markdown = (answers: Answers, lang: Language) => markdownReport({ rulebook, assessment: assess(rulebook, answers), answers, lang, date: '2026-01-01' }).split('\n');

describe('what a leaf under not expects, for every comparison', () => {
  const cases: [string, { op: 'is' | 'in' | 'includesAny' | 'includesAll' | 'atLeast' | 'atMost' | 'answered'; expected: unknown }, string, string][] = [
    ['is', { op: 'is', expected: true }, '不为“是”', 'is not “Yes”'],
    ['in', { op: 'in', expected: [1, 2] }, '不为以下任一项：1；2', 'is none of: 1; 2'],
    ['includesAny', { op: 'includesAny', expected: ['plastic', 'glass'] }, '不包括以下任何一项：塑料；玻璃', 'includes none of: Plastic; Glass'],
    ['includesAll', { op: 'includesAll', expected: ['paper', 'glass'] }, '不同时包括以下全部：纸；玻璃', 'does not include all of: Paper; Glass'],
    ['atLeast', { op: 'atLeast', expected: 300 }, '低于 300', 'is less than 300'],
    ['atMost', { op: 'atMost', expected: 300 }, '高于 300', 'is more than 300'],
    ['answered: true', { op: 'answered', expected: true }, '未回答', 'is not answered'],
    ['answered: false', { op: 'answered', expected: false }, '已回答', 'is answered'],
  ];
  const materials = questions.get('materials');
  it.each(cases)('%s', (_name, leaf, zh, en) => {
    const negated = { ...leaf, expected: leaf.expected as never, negated: true as const };
    expect(formatExpectation(negated, materials, 'zh', translator('zh'))).toBe(zh);
    expect(formatExpectation(negated, materials, 'en', translator('en'))).toBe(en);
  });
  it('says the plain expectation when the leaf is not negated', () => {
    expect(formatExpectation({ op: 'atLeast', expected: 300 as never }, undefined, 'en', translator('en'))).toBe('is at least 300');
    expect(formatExpectation({ op: 'answered', expected: true as never }, undefined, 'zh', translator('zh'))).toBe('已回答');
  });
});

describe('too many staff: the item does not apply because of the staff line', () => {
  it('explains the staff line as failing (✗), needing fewer than 300', () => {
    const result = item(many);
    expect(result.verdict).toBe('does_not_apply');
    expect(result.reasons.map((l) => explainLeaf(l, questions, 'en', translator('en')))).toEqual([
      { questionId: 'staff', question: 'Number of staff', expected: 'is less than 300', actual: '400', result: false },
    ]);
  });

  it('Markdown, en and zh: ✗ on the staff line, and the near miss "would apply if … is less than 300"', () => {
    const en = markdown(many, 'en');
    expect(en).toContain('- ✗ Number of staff — 400 (needs an answer that is less than 300)');
    expect(en).toContain('**Near misses**: Would apply if “Number of staff” is less than 300');
    expect(en.join('\n')).not.toMatch(/Number of staff.*is at least 300/);
    const zh = markdown(many, 'zh');
    expect(zh).toContain('- ✗ 员工人数 — 400 (要求：低于 300)');
    expect(zh).toContain('**差一点适用**: 如果“员工人数”低于 300，则可能适用');
    expect(zh.join('\n')).not.toContain('至少 300');
  });

  it('CSV, en and zh: the reason cell says the same', () => {
    expect(itemReason(item(many), questions, 'en')).toBe('✗ Number of staff: 400 (needs an answer that is less than 300)\nNear misses: Would apply if “Number of staff” is less than 300');
    expect(itemReason(item(many), questions, 'zh')).toBe('✗ 员工人数：400（要求：低于 300）\n差一点适用：如果“员工人数”低于 300，则可能适用');
  });
});

describe('few staff: the item applies, the staff line among its reasons', () => {
  it('Markdown, en and zh: ✓ on the staff line, "less than 300"', () => {
    expect(item(few).verdict).toBe('applies');
    expect(markdown(few, 'en')).toContain('- ✓ Number of staff — 40 (needs an answer that is less than 300)');
    expect(markdown(few, 'zh')).toContain('- ✓ 员工人数 — 40 (要求：低于 300)');
  });

  it('CSV, en and zh', () => {
    expect(itemReason(item(few), questions, 'en')).toBe('✓ Do you export? Yes (needs an answer that is “Yes”)\n✓ Number of staff: 40 (needs an answer that is less than 300)');
    expect(itemReason(item(few), questions, 'zh')).toBe('✓ 是否出口？是（要求：为“是”）\n✓ 员工人数：40（要求：低于 300）');
  });
});

it('a not over an any: each line says what the condition needs, and the failing one is the near miss', () => {
  const result = item({ ...company, degradable: true, materials: ['paper', 'plastic'] }, 'c3-plastic-free');
  expect(result.verdict).toBe('does_not_apply');
  expect(itemReason(result, questions, 'en')).toBe(
    '✗ Which packaging materials do you use? Paper; Plastic (needs an answer that includes none of: Plastic)\nNear misses: Would apply if “Which packaging materials do you use?” includes none of: Plastic',
  );
  const applies = item({ ...company, degradable: true, materials: ['paper'] }, 'c3-plastic-free');
  expect(applies.verdict).toBe('applies');
  expect(itemReason(applies, questions, 'zh')).toBe('✓ 是否使用可降解包装材料？是（要求：为“是”）\n✓ 您使用哪些包装材料？纸（要求：不包括以下任何一项：塑料）\n✓ 您使用哪些包装材料？纸（要求：已回答）');
});
