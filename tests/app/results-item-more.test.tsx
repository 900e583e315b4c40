// @vitest-environment jsdom
/**
 * A support item's folded part (next steps, departments, the policy's words) is labelled with what it holds: an item
 * for which the policy names no department (clauses 17 and 19 of the Tianjin measures) does not promise one.
 */
import { render, screen, within } from '@testing-library/react';
import { LanguageProvider } from '@/app/language';
import { assess } from '@/engine';
import { ClauseCard } from '@/features/results/clause-card';
import '@/i18n/english';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import { fixtureWithNot } from '../engine/helpers';

const company: Answers = { kind: 'company', located_here: true, exports: true, staff: 40 };

function folded(rulebook: CompiledRulebook) {
  const clause = assess(rulebook, company).clauses.find((c) => c.id === 'c3')!;
  render(
    <LanguageProvider initial="zh">
      <ClauseCard clause={clause} rulebook={rulebook} answers={company} onAnswer={() => undefined} onRead={() => undefined} />
    </LanguageProvider>,
  );
  const item = screen.getByRole('heading', { name: /c3-small-exporters/ }).closest('.item') as HTMLElement;
  return item.querySelector('details')!;
}

it('names the departments in its label when the item has some', () => {
  const withDepartments = { ...fixtureWithNot, measures: fixtureWithNot.measures.map((m) => ({ ...m, supportItems: m.supportItems.map((i) => ({ ...i, departments: ['commerce'] })) })) };
  const details = folded(withDepartments);
  expect(details.querySelector('summary')).toHaveTextContent(/责任部门/);
  expect(within(details).getByText('责任部门：', { exact: false })).toBeInTheDocument();
});

it('does not promise departments the policy does not name, and says it names none', () => {
  const details = folded(fixtureWithNot);
  expect(details.querySelector('summary')!.textContent).not.toMatch(/责任部门/);
  // Named by its item too (hidden but read out), as one of many alike on the page.
  expect(details.querySelector('summary')!.textContent).toMatch(/政策原文（c3-small-exporters）$/);
  expect(within(details).getByText('责任部门：').closest('p')).toHaveTextContent('责任部门：政策原文未写明');
});

it("names a clause's folded other support items by the clause, as one of many alike on the page", () => {
  const clause = assess(fixtureWithNot, company).clauses.find((c) => c.supportItems.length > 1 && c.supportItems.some((i) => i.verdict !== c.verdict && !i.nearMiss));
  if (!clause) throw new Error('the fixture has no clause with other items');
  render(
    <LanguageProvider initial="zh">
      <ClauseCard clause={clause} rulebook={fixtureWithNot} answers={company} onAnswer={() => undefined} onRead={() => undefined} />
    </LanguageProvider>,
  );
  const summary = screen.getByText(/^本条的其他支持项/);
  expect(summary.textContent).toMatch(/^本条的其他支持项（\d+ 项）（.+）$/);
  expect(summary).toHaveTextContent(clause.title.zh);
});
