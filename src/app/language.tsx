/**
 * The interface language: zh-CN by default, English switchable; the choice persists in localStorage
 * and sets <html lang>.
 */
import { useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { isLanguageLoaded, languageTag, loadLanguage, storedLanguage, type Language } from '@/i18n';
import { LANGUAGE_STORAGE_KEY } from '@/i18n/languages';
import { LanguageContext } from '@/i18n/react';

type LanguageState = { lang: Language; setLang: (lang: Language) => void };

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language | undefined }) {
  const [lang, setLangState] = useState<Language>(() => initial ?? storedLanguage());
  useEffect(() => {
    document.documentElement.lang = languageTag(lang);
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    // A language's catalogue loads the first time it is chosen; the page switches once it is here.
    if (isLanguageLoaded(next)) setLangState(next);
    else void loadLanguage(next).then(() => setLangState(next));
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Storage may be full or disabled: the choice still holds for this visit.
    }
  }, []);
  return <LanguageContext value={{ lang, setLang }}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
