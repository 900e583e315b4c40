/**
 * One clause: its number and title, its verdict, and each support item with its conditions shown
 * ✓ / ✗ / ? against the respondent's answers, departments, next steps and the verbatim quote.
 */
import { useTranslation } from '@/i18n/react';
import type { ClauseResult, SupportItemResult } from '@/engine';
import { localize } from '@/i18n';
import { useLanguage } from '@/app/language';
import { stepOfQuestion } from '@/features/wizard/routing';
import { conditionLine, explainLeaf, explainMissing, questionsById, shownReasons } from '@/report/explain';
import { shownQuote, shownTranslation } from '@/report/quote';
import { clauseLabel } from '@/rulebook/source';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import { VerdictBadge } from './verdict-badge';
import '@/features/results/messages';
import './results.css';

type Props = {
  clause: ClauseResult;
  rulebook: CompiledRulebook;
  answers: Answers;
  /** `clause`: the clause whose card asked (the results come back to it). */
  /** Answer `question` (on its step), from this clause's card. */
  onAnswer: (step: string, clause: number, question: string) => void;
  onRead: (quote: string, returnFocusTo: string) => void;
};

const ORDER = { applies: 0, possible: 1, does_not_apply: 2, for_information: 3 } as const;

export function ClauseCard({ clause, rulebook, onAnswer, onRead }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const items = [...clause.supportItems].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict] || Number(Boolean(b.nearMiss)) - Number(Boolean(a.nearMiss)));
  // The items worth reading first; the rest fold away (e.g. items for other kinds of respondent).
  const main = items.filter((i) => i.verdict === clause.verdict || i.nearMiss || (clause.verdict === 'applies' && i.verdict === 'possible'));
  const rest = items.filter((i) => !main.includes(i));
  const headingId = `clause-${clause.clause}`;

  return (
    <article className={`card clause-card verdict-${clause.verdict}`} aria-labelledby={headingId}>
      <header className="clause-header">
        <h3 id={headingId} tabIndex={-1}>
          {clauseLabel(clause.clause, lang)} {localize(clause.title, lang)}
        </h3>
        <VerdictBadge verdict={clause.verdict} />
        {clause.nearMiss && <span className="badge badge-near">{t('results.nearMissBadge')}</span>}
      </header>
      {main.map((item) => (
        <ItemDetail key={item.id} item={item} rulebook={rulebook} onAnswer={(step, question) => onAnswer(step, clause.clause, question)} onRead={onRead} />
      ))}
      {rest.length > 0 && (
        <details className="other-items">
          <summary>
            {t('results.otherItems', { count: rest.length })}
            <span className="visually-hidden">{t('punct.paren', { text: `${clauseLabel(clause.clause, lang)} ${localize(clause.title, lang)}` })}</span>
          </summary>
          {rest.map((item) => (
            <ItemDetail key={item.id} item={item} rulebook={rulebook} onAnswer={(step, question) => onAnswer(step, clause.clause, question)} onRead={onRead} />
          ))}
        </details>
      )}
      <p className="departments">
        <strong>{t('results.departments')}{t('punct.colon')}</strong>
        {/* The policy names none for some clauses (（十八） pilot work): said, not left out, nor guessed. */}
        {clause.departments.length > 0 ? clause.departments.map((d) => localize(d, lang)).join(t('condition.listSeparator')) : t('results.noDepartments')}
      </p>
    </article>
  );
}

function ItemDetail({ item, rulebook, onAnswer, onRead }: { item: SupportItemResult; rulebook: CompiledRulebook; onAnswer: (step: string, question: string) => void; onRead: (quote: string, from: string) => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const questions = questionsById(rulebook);
  // Applies / does not apply: the leaves that decided it. Possible: the item's own conditions (✓ and ?),
  // plus anything undecided about scope or audience.
  const showNextSteps = item.nextSteps.length > 0 && (item.verdict === 'applies' || item.verdict === 'possible');
  const leaves = shownReasons(item);
  return (
    <div className={`item verdict-${item.verdict}`}>
      <h4 id={`item-${item.id}`}>
        {localize(item.title, lang)} <VerdictBadge verdict={item.verdict} />
      </h4>
      <p className="muted small">{t('results.audience', { audience: t(`audience.${item.audience}`) })}</p>
      <p>
        <strong>{t('results.benefit')}{t('punct.colon')}</strong>
        {localize(item.benefit, lang)}
      </p>
      {item.verdict !== 'for_information' && leaves.length > 0 && (
        <div className="conditions">
          <p className="conditions-title">{t('results.conditions')}</p>
          <ul>
            {leaves.map((leaf, i) => {
              const e = explainLeaf(leaf, questions, lang, t);
              const mark = e.result === true ? '✓' : e.result === false ? '✗' : '?';
              const word = e.result === true ? t('verdict.applies') : e.result === false ? t('verdict.does_not_apply') : t('verdict.possible');
              return (
                <li key={`${leaf.question}-${i}`} className={`condition condition-${String(e.result)}`}>
                  <span className="mark" aria-label={word} role="img">
                    {mark}
                  </span>{' '}
                  {conditionLine(e, t)} <span className="muted">{t('punct.paren', { text: t('results.required', { expected: e.expected }) })}</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {item.missing.length > 0 && (
        <div className="missing">
          <p>{t('results.missing')}</p>
          <ul>
            {item.missing.map((m) => {
              const step = stepOfQuestion(rulebook, m.question);
              return (
                <li key={m.question}>
                  {explainMissing(m, questions, lang, t)}{' '}
                  {step && (
                    <button type="button" className="link-button" onClick={() => onAnswer(step.id, m.question)}>
                      {t('results.answerIt')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {item.nearMiss && (
        <p className="near-miss">
          {(() => {
            const e = explainLeaf(item.nearMiss, questions, lang, t);
            return t('results.wouldApplyIf', { question: e.question, expected: e.expected });
          })()}
        </p>
      )}
      {/* Next steps, departments and the policy's words fold away, so a long list of results stays short on a phone. */}
      <details className="item-more">
        <summary>
          {t(item.departments.length > 0 ? (showNextSteps ? 'results.moreWithSteps' : 'results.more') : showNextSteps ? 'results.moreStepsQuote' : 'results.moreQuote')}
          {/* One of many alike on the page: a screen reader's list of controls tells them apart by the item. */}
          <span className="visually-hidden">{t('punct.paren', { text: localize(item.title, lang) })}</span>
        </summary>
        {showNextSteps && (
          <div className="next-steps">
            <p>
              <strong>{t('results.nextSteps')}</strong>
            </p>
            <ol>
              {item.nextSteps.map((s, i) => (
                <li key={i}>{localize(s, lang)}</li>
              ))}
            </ol>
          </div>
        )}
        <p className="small">
          <strong>{t('results.departments')}{t('punct.colon')}</strong>
          {item.departments.length > 0 ? item.departments.map((d) => localize(d, lang)).join(t('condition.listSeparator')) : t('results.noDepartments')}
        </p>
        <figure className="quote">
          <figcaption>{t('results.quote')}</figcaption>
          {item.quotes.map((q, i) => (
            <blockquote key={i}>
              <p lang="zh-CN">{shownQuote(rulebook, q)}</p>
              {lang === 'en' && item.quoteTranslations?.[i] && (
                <p className="translation" lang="en">
                  <span className="translation-label">{t('results.translation')}</span> {shownTranslation(rulebook, q, item.quoteTranslations[i])}
                </p>
              )}
              <button
                type="button"
                id={`read-${item.id}-${i}`}
                className="link-button"
                aria-label={t('results.readInPolicyOf', { title: localize(item.title, lang) })}
                onClick={() => onRead(q, `read-${item.id}-${i}`)}
              >
                {t('results.readInPolicy')}
              </button>
            </blockquote>
          ))}
        </figure>
      </details>
    </div>
  );
}
