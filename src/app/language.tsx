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
  // The catalogues follow the choice before anything renders with it: first here, then in setLang (an event,
  // not a render, since changing the language re-renders every component that translates).
  const [lang, setLangState] = useState<Language>(() => {
    const first = initial ?? storedLanguage();
    if (i18n.language !== first) void i18n.changeLanguage(first);
    return first;
  });
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = languageTag(lang);
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    void i18n.changeLanguage(next);
    setLangState(next);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Storage may be full or disabled: the choice still holds for this visit.
    }
  }, []);
  return (
    <LanguageContext.Provider value={{ lang, setLang }}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
