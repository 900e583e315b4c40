/**
 * How many members each clause applies to: one bar per clause, each with its label and count in text
 * (the bars are drawn in SVG, which the page's CSP allows, and hidden from screen readers).
 */
import { useMemo } from 'react';
import { useTranslation } from '@/i18n/react';
import { useLanguage } from '@/app/language';
import type { BatchMatrix } from '@/batch';
import { localize } from '@/i18n';
import { clauseLabel } from '@/rulebook/source';
// Registers the batch messages (t('batch.…')).
import './messages';

export function appliesPerClause(matrix: BatchMatrix): number[] {
  const counts = matrix.clauses.map(() => 0);
  for (const row of matrix.rows) row.verdicts.forEach((v, i) => v === 'applies' && (counts[i]! += 1));
  return counts;
}

export function BarChart({ matrix }: { matrix: BatchMatrix }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const counts = useMemo(() => appliesPerClause(matrix), [matrix]);
  const total = matrix.rows.length;
  return (
    <figure className="bar-chart" aria-labelledby="bar-chart-title">
      <figcaption id="bar-chart-title">
        <h3>{t('batch.ui.chartTitle')}</h3>
      </figcaption>
      <ol>
        {matrix.clauses.map((c, i) => {
          const count = counts[i]!;
          const pct = total ? Math.round((count / total) * 100) : 0;
          return (
            <li key={c.id} className="bar-row">
              <span className="bar-label">
                {clauseLabel(c.clause, lang)} {localize(c.title, lang)}
              </span>
              <svg className="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect className="bar-fill" x="0" y="0" height="10" width={total ? (count / total) * 100 : 0} />
              </svg>
              <span className="bar-count">{t('batch.ui.chartCount', { count, pct })}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
