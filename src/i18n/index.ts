/**
 * The message catalogues (zh-CN by default, English switchable) behind one i18next instance, usable
 * from React (react-i18next), the CLI and the report code alike. Rulebook texts are not here: they
 * come from the rulebook as { zh, en } and are picked with `localize`.
 */
import i18next, { type TFunction } from 'i18next';
import { batchMessages } from '../features/batch/messages.ts';
import { reportMessages } from '../features/report/messages.ts';
import { workspaceMessages } from '../features/workspace/messages.ts';
import type { LocalizedText } from '../rulebook/schema.ts';
import { en } from './locales/en.ts';
import { zh } from './locales/zh.ts';

import { DEFAULT_LANGUAGE, type Language } from './languages.ts';

export { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, languageTag, storedLanguage, type Language } from './languages.ts';

/**
 * Feature catalogues: each feature keeps its strings in its own `messages.ts` ({ zh, en }, same keys)
 * and is registered here under its own top-level key, e.g. t('batch.title').
 */
const features: Record<string, { zh: object; en: object }> = {
  batch: batchMessages,
  exports: reportMessages,
  workspace: workspaceMessages,
};

export const i18n = i18next.createInstance();
void i18n.init({
  resources: {
    zh: { translation: { ...zh, ...Object.fromEntries(Object.entries(features).map(([k, v]) => [k, v.zh])) } },
    en: { translation: { ...en, ...Object.fromEntries(Object.entries(features).map(([k, v]) => [k, v.en])) } },
  },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** A translation function fixed to one language, for reports and the CLI. */
export function translator(lang: Language): TFunction {
  return i18n.getFixedT(lang);
}

export function localize(text: LocalizedText, lang: Language): string {
  return text[lang];
}
