/**
 * The first screen, drawn before the interview code arrives: the app loads in two parts so the first
 * paint needs only React and a title card (see the bundle budget in tests/e2e and npm run bench).
 * It shows the same intro the interview starts with; a click on "start" before the rest has loaded
 * is remembered and carried out when it arrives.
 */
import { useEffect, useState } from 'react';
import type { RulebookSummary } from '@/rulebook/schema';
import { formatDate } from '@/i18n/format';
import { languageTag, storedLanguage } from '@/i18n/languages';
import { en } from '@/i18n/locales/en';
import { zh } from '@/i18n/locales/zh';

let startRequested = false;
function requestStart(): void {
  startRequested = true;
}
/** Whether the user pressed "start" on the boot screen (read once by the interview). */
export function takeStartRequest(): boolean {
  const requested = startRequested;
  startRequested = false;
  return requested;
}

function hasSavedSession(): boolean {
  try {
    for (let i = 0; i < localStorage.length; i += 1) if (localStorage.key(i)?.startsWith('policy-self-check:session:')) return true;
  } catch {
    // No storage: nothing saved.
  }
  return false;
}

export function BootScreen({ index }: { index: RulebookSummary[] }) {
  const lang = storedLanguage();
  const m = lang === 'zh' ? zh : en;
  const [pressed, setPressed] = useState(false);
  useEffect(() => {
    document.documentElement.lang = languageTag(lang);
  }, [lang]);
  const rulebook = index.length === 1 ? index[0] : undefined;
  const waiting = pressed || !rulebook || hasSavedSession();
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">{m.app.name}</span>
      </header>
      <main className="app-main" id="main">
        <div className="wizard">
          {rulebook ? (
            <>
              <h1 id="screen-heading">{rulebook.title[lang]}</h1>
              <p className="muted">{m.app.issuedBy.replace('{{issuer}}', rulebook.issuer[lang]).replace('{{date}}', formatDate(rulebook.issued, lang))}</p>
              <p>{m.wizard.intro.replace('{{count}}', String(rulebook.measureCount))}</p>
              <p className="muted">{m.wizard.introPrivacy}</p>
            </>
          ) : (
            <h1 id="screen-heading">{m.app.name}</h1>
          )}
          {waiting ? (
            <p role="status">{m.app.loading}</p>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => {
                requestStart();
                setPressed(true);
              }}
            >
              {m.wizard.start}
            </button>
          )}
        </div>
      </main>
      <footer className="app-footer">
        <p>{m.app.privacy}</p>
      </footer>
    </div>
  );
}
