import './zod-config';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompiledRulebook } from '@/rulebook/schema';
import { localize } from '@/i18n';
import { LanguageProvider, useLanguage } from './language';
import { Wizard } from '@/features/wizard/wizard';

export function App({ rulebooks }: { rulebooks: CompiledRulebook[] }) {
  return (
    <LanguageProvider>
      <Shell rulebooks={rulebooks} />
    </LanguageProvider>
  );
}

function Shell({ rulebooks }: { rulebooks: CompiledRulebook[] }) {
  const { t } = useTranslation();
  const { lang, setLang } = useLanguage();
  const [chosen, setChosen] = useState<CompiledRulebook | undefined>(rulebooks.length === 1 ? rulebooks[0] : undefined);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <button type="button" className="link-button" lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('app.switchTo')}
        </button>
      </header>
      <main className="app-main" id="main">
        {chosen ? (
          <Wizard key={chosen.meta.id} rulebook={chosen} />
        ) : (
          <section aria-labelledby="choose-heading">
            <h1 id="choose-heading">{t('app.chooseRulebook')}</h1>
            <ul className="rulebook-list">
              {rulebooks.map((r) => (
                <li key={r.meta.id}>
                  <button type="button" className="button" onClick={() => setChosen(r)}>
                    {localize(r.meta.title, lang)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
      <footer className="app-footer">
        <p>{t('app.privacy')}</p>
      </footer>
    </div>
  );
}
