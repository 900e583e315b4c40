/** The answers of a share link that do not fit the questionnaire, each at its path (the first ten), under the link's message. */
import { useTranslation } from '@/i18n/react';
import type { ShareError } from './share-errors';

export function ShareProblems({ error }: { error: ShareError }) {
  const { t } = useTranslation();
  if (error.problems.length === 0) return null;
  return (
    <ul className="share-problems">
      {error.problems.slice(0, 10).map((p) => (
        <li key={`${p.path} ${p.message}`}>
          {p.path}
          {t('punct.colon')}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
