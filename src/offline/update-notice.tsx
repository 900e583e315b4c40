/** "A new version is available — reload": shown when a newer build has taken over this page (register.ts). */
import { useSyncExternalStore } from 'react';
import { useTranslation } from '@/i18n/react';
import { isUpdateAvailable, subscribeToUpdate } from './register';

export function UpdateNotice() {
  const { t } = useTranslation();
  const available = useSyncExternalStore(subscribeToUpdate, isUpdateAvailable, () => false);
  if (!available) return null;
  return (
    <div className="notice update-notice" role="status">
      <p>{t('app.update.available')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.update.reload')}
      </button>
    </div>
  );
}
