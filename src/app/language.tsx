/**
 * The interface language: zh-CN by default, English switchable; the choice persists in localStorage
 * and sets <html lang>.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LANGUAGE, i18n, languageTag, storedLanguage, type Language } from '@/i18n';
import { LANGUAGE_STORAGE_KEY } from '@/i18n/languages';

type LanguageState = { lang: Language; setLang: (lang: Language) => void };
const LanguageContext = createContext<LanguageState>({ lang: DEFAULT_LANGUAGE, setLang: () => undefined });

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language | undefined }) {
  const [lang, setLangState] = useState<Language>(() => initial ?? storedLanguage());
  useEffect(() => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = languageTag(lang);
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Storage may be full or disabled: the choice still holds for this visit.
    }
  }, []);
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  return (
    <LanguageContext.Provider value={{ lang, setLang }}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
