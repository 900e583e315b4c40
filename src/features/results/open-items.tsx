/**
 * What is still open, at the top of the results, with the answers that would settle it: clauses that may apply,
 * and support items that may apply inside clauses that already apply (the clause counts as applying, so the
 * summary's "may concern you" leaves them out, while an answer still missing — often a "don't know" — would
 * settle more support). Each answer once, however many clauses need it.
 */
import { useTranslation } from '@/i18n/react';
import type { Assessment } from '@/engine';
import type { MissingAnswer } from '@/engine/answers-state';
import { useLanguage } from '@/app/language';
import { stepOfQuestion } from '@/features/wizard/routing';
import { explainMissing, questionsById } from '@/report/explain';
import type { CompiledRulebook } from '@/rulebook/schema';

type Props = { rulebook: CompiledRulebook; assessment: Assessment; onAnswer: (step: string, clause: number, question: string) => void };

export function OpenItems({ rulebook, assessment, onAnswer }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  let count = 0;
  let clauses = 0;
  // Each answer once, with the first clause that needs it (the results return to it once answered).
  const needed = new Map<string, { missing: MissingAnswer; clause: number }>();
  const need = (missing: readonly MissingAnswer[], clause: number) => {
    for (const m of missing) if (!needed.has(m.question)) needed.set(m.question, { missing: m, clause });
  };
  for (const clause of assessment.clauses) {
    if (clause.verdict === 'possible') {
      clauses += 1;
      need(clause.missing, clause.clause);
    }
    if (clause.verdict !== 'applies') continue;
    for (const item of clause.supportItems) {
      if (item.verdict !== 'possible') continue;
      count += 1;
      need(item.missing, clause.clause);
    }
  }
  if (count === 0 && clauses === 0) return null;
  const questions = questionsById(rulebook);
  return (
    <div className="notice open-items" role="note">
      <p>{clauses === 0 ? t('results.openItems', { count }) : count === 0 ? t('results.openClauses', { clauses }) : t('results.openClausesAndItems', { clauses, count })}</p>
      <ul>
        {[...needed.values()].map(({ missing, clause }) => {
          const step = stepOfQuestion(rulebook, missing.question);
          return (
            <li key={missing.question}>
              {explainMissing(missing, questions, lang, t)}{' '}
              {step && (
                <button type="button" className="link-button" onClick={() => onAnswer(step.id, clause, missing.question)}>
                  {t('results.answerIt')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
