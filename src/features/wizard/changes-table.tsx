/**
 * After an assessment file made under other rules is opened: per clause whose verdict changed, the verdict the
 * file had and the one it has now. Loaded only then (a rare screen, kept out of the first load).
 */
import { useLanguage } from '@/app/language';
import { localize } from '@/i18n';
import { useTranslation } from '@/i18n/react';
import type { ClauseChange } from '@/report/export-file';
import { clauseLabel } from '@/rulebook/source';
import '@/shared/ui/tables.css';

export function ChangesTable({ changes }: { changes: ClauseChange[] }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const verdict = (v: ClauseChange['was']) => (v ? t(`verdict.${v}`) : t('exports.file.absent'));
  return (
    <table className="report-table changes">
      <caption>{t('wizard.changesTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exports.file.clause')}</th>
          <th scope="col">{t('exports.file.was')}</th>
          <th scope="col">{t('exports.file.now')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.id}>
            <td>
              {clauseLabel(c.clause, lang)} {c.title ? localize(c.title, lang) : c.id}
            </td>
            <td>{verdict(c.was)}</td>
            <td>{verdict(c.now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
