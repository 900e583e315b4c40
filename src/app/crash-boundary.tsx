/**
 * The last line of defence: should a screen fail while it renders (a bug, or saved data the code did not
 * expect), the page says so in the user's language instead of going blank, and offers a way out that loses
 * nothing: reload; download the answers saved for the interview under way (an answers file the first page can
 * import); clear that interview and start again. The workspace (IndexedDB) is never touched. Nothing is sent
 * anywhere: the error goes to the browser's console only.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { downloadText } from '@/features/report/download';
import { sessionKey } from '@/features/wizard/persistence';
import { storedLanguage, translator } from '@/i18n';

const SESSION_PREFIX = sessionKey('');

/** The keys of the interviews saved in this browser (one per rulebook); none without storage. */
function sessionKeys(): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(SESSION_PREFIX)) keys.push(key);
    }
  } catch {
    // No storage.
  }
  return keys;
}

export class CrashBoundary extends Component<{ children: ReactNode }, { crashed: boolean }> {
  override state = { crashed: false };

  static getDerivedStateFromError() {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Policy Self-Check: a screen failed to render', error, info.componentStack);
  }

  override render() {
    return this.state.crashed ? <Crashed /> : this.props.children;
  }
}

/** The interviews saved in this browser, as answers files ({ rulebook, answers }), by rulebook. */
function savedInterviews(): { rulebook: string; answers: unknown }[] {
  const out: { rulebook: string; answers: unknown }[] = [];
  for (const key of sessionKeys()) {
    try {
      const session = JSON.parse(localStorage.getItem(key) ?? 'null') as { answers?: unknown } | null;
      if (session && typeof session.answers === 'object' && session.answers !== null) out.push({ rulebook: key.slice(SESSION_PREFIX.length), answers: session.answers });
    } catch {
      // Not readable: nothing to download from it.
    }
  }
  return out;
}

function clearInterviews() {
  for (const key of sessionKeys()) localStorage.removeItem(key);
}

/** Plain DOM and the message catalogue only: whatever failed above, this must not. */
function Crashed() {
  const t = translator(storedLanguage());
  const saved = savedInterviews();
  const download = () => {
    for (const file of saved) downloadText(`policy-self-check_${file.rulebook}_saved-answers.json`, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
  };
  return (
    <main className="app-main" id="main">
      <div className="notice warning" role="alert">
        {/* One block beside the notice's edge: its two paragraphs one under the other. */}
        <div>
          <p>
            <strong>{t('app.crashed')}</strong>
          </p>
          <p>{t('app.crashHelp')}</p>
        </div>
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('app.crashReload')}
        </button>
        {saved.length > 0 && (
          <button type="button" className="button secondary" onClick={download}>
            {t('app.crashDownload')}
          </button>
        )}
        {saved.length > 0 && (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              clearInterviews();
              window.location.reload();
            }}
          >
            {t('app.crashRestart')}
          </button>
        )}
      </div>
    </main>
  );
}
