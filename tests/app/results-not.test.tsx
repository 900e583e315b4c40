// @vitest-environment jsdom
/**
 * The results page on an item whose condition uses `not` ("fewer than 300 staff" written
 * `not: { answer: staff, atLeast: 300 }`): the line reads as the condition uses it, ✗ when it is why the
 * item does not apply, ✓ when it holds, and the near miss says what would make the item apply.
 */
import { render, screen, within } from '@testing-library/react';
import { LanguageProvider } from '@/app/language';
import { assess } from '@/engine';
import { ClauseCard } from '@/features/results/clause-card';
import '@/i18n/english';
import type { Language } from '@/i18n';
import type { Answers } from '@/rulebook/schema';
import { fixtureWithNot as rulebook } from '../engine/helpers';

const company = { kind: 'company', located_here: true, exports: true };

function item(answers: Answers, lang: Language) {
  const clause = assess(rulebook, answers).clauses.find((c) => c.id === 'c3')!;
  render(
    <LanguageProvider initial={lang}>
      <ClauseCard clause={clause} rulebook={rulebook} answers={answers} onAnswer={() => undefined} onRead={() => undefined} />
    </LanguageProvider>,
  );
  const heading = screen.getByRole('heading', { name: new RegExp(lang === 'en' ? 'Training for smaller exporters' : 'c3-small-exporters') });
  return heading.closest('.item') as HTMLElement;
}

it('too many staff (en): ✗ "Number of staff: 400 (needs an answer that is less than 300)", and the near miss', () => {
  const el = item({ ...company, staff: 400 }, 'en');
  const line = within(el).getByText(/Number of staff: 400/).closest('li')!;
  expect(line).toHaveTextContent('✗ Number of staff: 400 (needs an answer that is less than 300)');
  expect(within(line).getByRole('img')).toHaveAccessibleName('Does not apply');
  expect(within(el).getByText('This item could apply if “Number of staff” is less than 300.')).toBeInTheDocument();
});

it('too many staff (zh): ✗ "员工人数：400（要求：低于 300）", and the near miss', () => {
  const el = item({ ...company, staff: 400 }, 'zh');
  expect(within(el).getByText(/员工人数：400/).closest('li')).toHaveTextContent('✗ 员工人数：400 （要求：低于 300）');
  expect(within(el).getByText('如果“员工人数”低于 300，这一项就可能适用。')).toBeInTheDocument();
});

it('few staff (en and zh): ✓ on the staff line, no near miss', () => {
  const en = item({ ...company, staff: 40 }, 'en');
  expect(within(en).getByText(/Number of staff: 40/).closest('li')).toHaveTextContent('✓ Number of staff: 40 (needs an answer that is less than 300)');
  expect(within(en).queryByText(/could apply if/)).toBeNull();
  const zh = item({ ...company, staff: 40 }, 'zh');
  expect(within(zh).getByText(/员工人数：40/).closest('li')).toHaveTextContent('✓ 员工人数：40 （要求：低于 300）');
});
