/**
 * The printable report (A4): rendered from the same report model as the Markdown and CLI reports.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from '@/i18n/react';
import type { Assessment } from '@/engine';
import { useLanguage } from '@/app/language';
import { buildReport, type ReportClause } from '@/report/model';
import '@/report/messages';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import './report.css';
import '@/features/results/messages';
import '@/features/results/results.css';
import '@/shared/ui/tables.css';

type Props = { rulebook: CompiledRulebook; assessment: Assessment; answers: Answers; date: string; onClose: () => void };

export function PrintableReport({ rulebook, assessment, answers, date, onClose }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const r = buildReport({ rulebook, assessment, answers, lang, date });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const sep = t('condition.listSeparator');

  const clauses = (title: string, list: ReportClause[], id: string) =>
    list.length > 0 && (
      <section className="report-section" aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        {list.map((c) => (
          <article key={c.clause} className="report-clause" aria-labelledby={`${id}-${c.clause}`}>
            <h3 id={`${id}-${c.clause}`}>
              {c.label} {c.title} — {t(`verdictIcon.${c.verdict}`)} {t(`verdict.${c.verdict}`)}
            </h3>
            {c.items.map((item) => (
              <div key={item.id} className="report-item">
                <h4>
                  {t(`verdictIcon.${item.verdict}`)} {item.title} — {t(`verdict.${item.verdict}`)}
                </h4>
                <p>
                  <strong>{t('report.benefit')}{t('punct.colon')}</strong>
                  {item.benefit}
                </p>
                {item.reasons.length > 0 && (
                  <>
                    <p className="label">{t('report.why')}</p>
                    <ul className="reasons">
                      {item.reasons.map((e, i) => (
                        <li key={i}>
                          <span>{e.result === true ? '✓' : e.result === false ? '✗' : '?'}</span>{' '}
                          <span>
                            {e.question} — {e.actual}
                            {t('punct.paren', { text: t('results.required', { expected: e.expected }) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {item.missing.length > 0 && (
                  <p>
                    <strong>{t('report.missing')}{t('punct.colon')}</strong>
                    {item.missing.join(t('punct.semicolon'))}
                  </p>
                )}
                {item.nearMiss && <p className="near-miss">{item.nearMiss}</p>}
                <p className="label">{t('report.quote')}</p>
                {item.quotes.map((q, i) => (
                  <blockquote key={i}>
                    <p lang="zh-CN">{q.zh}</p>
                    {q.translation && (
                      <p className="translation" lang="en">
                        <span className="translation-label">{t('results.translation')}</span> {q.translation}
                      </p>
                    )}
                  </blockquote>
                ))}
                <p>
                  <strong>{t('report.departments')}{t('punct.colon')}</strong>
                  {item.departments.length > 0 ? item.departments.join(sep) : t('results.noDepartments')}
                </p>
                {item.nextSteps.length > 0 && (
                  <>
                    <p className="label">{t('report.nextSteps')}</p>
                    <ol>
                      {item.nextSteps.map((s, i) => (
                        <li key={i}>{s}</li>
                      ))}
                    </ol>
                  </>
                )}
              </div>
            ))}
          </article>
        ))}
      </section>
    );

  return (
    <div className="report-view">
      <article className="report" aria-labelledby="report-title">
        <header className="report-header">
          <h1 id="report-title" ref={heading} tabIndex={-1}>
            {r.title}
          </h1>
          {/* After the heading, which has the focus when the report opens: the next Tab is "print". */}
          <div className="actions top-actions no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('report.printNow')}
            </button>
            <button type="button" className="button secondary" onClick={onClose}>
              {t('results.backToResults')}
            </button>
          </div>
          <p className="report-policy">{r.policy.title}</p>
          <dl className="report-meta">
            <dt>{t('report.respondent')}</dt>
            <dd>{r.respondentName ?? t('report.anonymous')}</dd>
            <dt>{t('report.date')}</dt>
            <dd>{r.date}</dd>
            <dt>{t('report.policy')}</dt>
            <dd>
              {r.policy.title}
              {t('punct.paren', { text: `${r.policy.issuer}${t('punct.comma')}${r.policy.issued}` })}
            </dd>
            <dt>{t('report.rulebook')}</dt>
            <dd>
              {r.rulebook.id} v{r.rulebook.version} · {r.rulebook.hash}
            </dd>
          </dl>
          <p className="report-disclaimer">
            <strong>{t('report.disclaimer')}{t('punct.colon')}</strong>
            {r.disclaimer}
          </p>
          {r.scopeNotice && (
            <p className="report-disclaimer">
              <strong>{t('report.outOfScope')}{t('punct.colon')}</strong>
              {r.scopeNotice}
            </p>
          )}
        </header>
        <section className="report-section" aria-labelledby="report-summary">
          <h2 id="report-summary">{t('report.summary')}</h2>
          <p>{t('report.counts', r.counts)}</p>
          <table className="report-table" aria-labelledby="report-summary">
            <thead>
              <tr>
                <th scope="col">{t('report.clause')}</th>
                <th scope="col">{t('report.clauseTitle')}</th>
                <th scope="col">{t('report.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {r.summary.map((c) => (
                <tr key={c.label}>
                  <td>{c.label}</td>
                  <td>{c.title}</td>
                  <td>
                    {t(`verdictIcon.${c.verdict}`)} {t(`verdict.${c.verdict}`)}
                    {c.nearMiss ? t('punct.paren', { text: t('report.nearMissMark') }) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {clauses(t('report.applying'), r.applying, 'report-applying')}
        {clauses(t('report.possibleSection'), r.possible, 'report-possible')}
        {clauses(t('report.nearMissSection'), r.nearMisses, 'report-near')}
        <section className="report-section" aria-labelledby="report-answers">
          <h2 id="report-answers">{t('report.answers')}</h2>
          <table className="report-table" aria-labelledby="report-answers">
            <thead>
              <tr>
                <th scope="col">{t('report.question')}</th>
                <th scope="col">{t('report.yourAnswer')}</th>
              </tr>
            </thead>
            <tbody>
              {r.answers.map((a, i) => (
                <tr key={i}>
                  <td>{a.question}</td>
                  <td>{a.answer}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </article>
    </div>
  );
}
