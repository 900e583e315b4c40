/**
 * The review page: every answer that counts, grouped by step, each with a change link.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { useTranslation } from '@/i18n/react';
import { answerStates } from '@/engine/answers-state';
import { localize } from '@/i18n';
import { useLanguage } from '@/app/language';
import { formatAnswer } from '@/report/explain';
import type { Answers, InterviewRulebook } from '@/rulebook/schema';
import { visibleSteps } from './routing';
import './review-messages';

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Called once the screen is on screen (it loads lazily, after the screen change), e.g. to move focus to its heading. */
  onReady: () => void;
  rulebook: InterviewRulebook;
  answers: Answers;
  /** Change the answer to `question`, on its step. */
  onEdit: (step: string, question: string) => void;
  onBack: () => void;
  onConfirm: () => void;
};

export function ReviewScreen({ headingRef, onReady, rulebook, answers, onEdit, onBack, onConfirm }: Props) {
  const { t } = useTranslation();
  // In the commit that shows it (a layout effect), so the focus moves in the same frame.
  useLayoutEffect(() => {
    onReady();
    // Only when the screen first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { lang } = useLanguage();
  const states = answerStates(rulebook.questionnaire, answers, rulebook.parameters);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} id="screen-heading">
        {t('review.title')}
      </h1>
      <p>{t('review.intro')}</p>
      {visibleSteps(rulebook, answers).map((step) => (
        <section key={step.id} className="card review-step" aria-labelledby={`review-${step.id}`}>
          <h2 id={`review-${step.id}`}>{localize(step.title, lang)}</h2>
          <dl className="review-list">
            {step.questions
              .filter((q) => states.visibility.get(q.id) === true)
              .map((q) => {
                const given = answers[q.id];
                const derived = given === undefined ? states.derived.get(q.id) : undefined;
                const text = given === undefined && derived === undefined ? t('review.notAnswered') : derived !== undefined ? t('answer.withDerived', { answer: formatAnswer(q, given ?? derived, lang, t) }) : formatAnswer(q, given, lang, t);
                return (
                  <div key={q.id} className="review-row">
                    <dt>{localize(q.label, lang)}</dt>
                    <dd>
                      <span>{text}</span>
                      <button type="button" className="link-button" data-question={q.id} aria-label={t('review.changeAnswer', { question: localize(q.label, lang) })} onClick={() => onEdit(step.id, q.id)}>
                        {t('review.change')}
                      </button>
                    </dd>
                  </div>
                );
              })}
          </dl>
        </section>
      ))}
      <div className="actions">
        <button type="button" className="button secondary" onClick={onBack}>
          {t('wizard.back')}
        </button>
        <button type="button" className="button" onClick={onConfirm}>
          {t('review.seeResults')}
        </button>
      </div>
    </>
  );
}
