/**
 * A screen whose code (or rulebook part) loads when it is first shown: "loading" meanwhile, and if it cannot
 * load — offline before it was ever cached, or a tab left open on a version since replaced — a message and a
 * reload button where the screen would be, instead of an empty page. Saved answers are kept either way.
 */
import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from '@/i18n/react';

export function LazyScreen({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <LoadFailure fallback={<LoadFailed />}>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>{children}</Suspense>
    </LoadFailure>
  );
}

class LoadFailure extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="notice warning" role="alert">
      <p>{t('app.loadFailed')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.update.reload')}
      </button>
    </div>
  );
}
