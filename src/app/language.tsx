/**
 * The interface language: zh-CN by default, English switchable; the choice persists in localStorage
 * and sets <html lang>.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LANGUAGE, i18n, isLanguage, languageTag, type Language } from '@/i18n';

const STORAGE_KEY = 'policy-self-check:language';

type LanguageState = { lang: Language; setLang: (lang: Language) => void };
const LanguageContext = createContext<LanguageState>({ lang: DEFAULT_LANGUAGE, setLang: () => undefined });

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);
  useEffect(() => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = languageTag(lang);
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
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
