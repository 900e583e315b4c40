import { useTranslation } from '@/i18n/react';
import type { Verdict } from '@/rulebook/schema';

/** A verdict as icon and text: colour is never the only carrier. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${verdict}`}>
      <span aria-hidden="true">{t(`verdictIcon.${verdict}`)}</span> {t(`verdict.${verdict}`)}
    </span>
  );
}
