/**
 * Messages in React: `useTranslation()` gives `t` in the language of the nearest LanguageProvider
 * (src/app/language.tsx), so a change of language re-renders exactly what depends on it.
 */
import { createContext, useContext } from 'react';
import { DEFAULT_LANGUAGE, translator, type Language, type TFunction } from './index.ts';

export const LanguageContext = createContext<{ lang: Language; setLang: (lang: Language) => void }>({ lang: DEFAULT_LANGUAGE, setLang: () => undefined });

export function useTranslation(): { t: TFunction; lang: Language } {
  const { lang } = useContext(LanguageContext);
  return { t: translator(lang), lang };
}
