// @vitest-environment jsdom
/**
 * A support item that may apply lists the lines of its condition that hold (✓) or are open (?): an alternative
 * not taken (✗, one branch of an "any" whose other branch is still open) is left out, as it would read as ruling
 * the item out. The report lists the same lines.
 */
import { render, screen } from '@testing-library/react';
import { LanguageProvider } from '@/app/language';
import { assess } from '@/engine';
import { ClauseCard } from '@/features/results/clause-card';
import { DONT_KNOW } from '@/rulebook/conditions';
import { buildReport } from '@/report/model';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import { fixtureWithNot } from '../engine/helpers';

const rulebook: CompiledRulebook = (() => {
  const copy = structuredClone(fixtureWithNot);
  const c3 = copy.measures.find((m) => m.id === 'c3')!;
  c3.supportItems.push({ ...c3.supportItems.at(-1)!, id: 'c3-either', title: { zh: '非出口或使用可降解材料的企业', en: 'Non-exporters or users of degradable materials' }, when: { any: [{ answer: 'exports', is: false }, { answer: 'degradable', is: true }] } });
  return copy;
})();
const answers: Answers = { kind: 'company', located_here: true, exports: true, staff: 40, degradable: DONT_KNOW };

it('shows the open line of a possible item, not the alternative it did not take', () => {
  const clause = assess(rulebook, answers).clauses.find((c) => c.id === 'c3')!;
  const item = clause.supportItems.find((i) => i.id === 'c3-either')!;
  expect(item.verdict).toBe('possible');
  render(
    <LanguageProvider initial="zh">
      <ClauseCard clause={clause} rulebook={rulebook} answers={answers} onAnswer={() => undefined} onRead={() => undefined} />
    </LanguageProvider>,
  );
  const card = screen.getByRole('heading', { name: /非出口或使用可降解材料的企业/ }).closest('.item') as HTMLElement;
  const lines = [...card.querySelectorAll('.conditions li')].map((li) => li.textContent);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/是否使用可降解包装材料？/);
  expect(card.textContent).not.toMatch(/是否出口？/);
});

it('lists the same lines in the report', () => {
  const model = buildReport({ rulebook, assessment: assess(rulebook, answers), answers, lang: 'zh', date: '2026-12-01' });
  const item = [...model.applying, ...model.possible].flatMap((c) => c.items).find((i) => i.title === '非出口或使用可降解材料的企业')!;
  expect(item.reasons).toHaveLength(1);
  expect(item.reasons[0]!.question).toBe('是否使用可降解包装材料？');
});
