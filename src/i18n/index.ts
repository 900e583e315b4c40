/**
 * The message catalogues (zh-CN by default, English switchable), usable from React (src/i18n/react.tsx),
 * the CLI and the report code alike. Rulebook texts are not here: they come from the rulebook as
 * { zh, en } and are picked with `localize`.
 *
 * A message is found by its dotted key (`t('wizard.next')`) in the language asked for, else in the default
 * language, else the key itself is returned (a missing message shows, it does not break the page);
 * `{{name}}` in a message is replaced by the parameter of that name; `{{name|one|other}}` by `one` when it is 1,
 * else by `other` (English plurals: '{{count}} {{count|clause|clauses}}').
 */
import type { LocalizedText } from '../rulebook/schema.ts';
import { zh } from './locales/zh.ts';

import { DEFAULT_LANGUAGE, type Language } from './languages.ts';

export { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, languageTag, storedLanguage, type Language } from './languages.ts';

/** Another language's messages for a catalogue `T`: the same keys, each a string (the type checker enforces it). */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export type TParams = Record<string, unknown>;
export type TFunction = (key: string, params?: TParams) => string;

type Catalogue = { [key: string]: string | Catalogue };

/**
 * The default language's catalogue comes with the first screen; English is added by src/i18n/english.ts,
 * loaded when English is chosen and with the reports (see loadLanguage). Until then an English message falls
 * back to Chinese, never to its key.
 */
const catalogues: Record<Language, Catalogue> = { zh: { ...zh }, en: {} };
const loaded = new Set<Language>([DEFAULT_LANGUAGE]);

/** Adds a language's core catalogue (the features register their own, both languages at once). */
export function addLanguage(lang: Language, catalogue: object): void {
  Object.assign(catalogues[lang], catalogue);
  loaded.add(lang);
}

/**
 * What else a language needs before a page can show in it (the app's bundled rulebook texts in English: see
 * src/app-root.tsx), and whether it has come.
 */
const extras: Partial<Record<Language, () => Promise<unknown>>> = {};
const extrasLoaded = new Set<Language>();
export function needForLanguage(lang: Language, load: () => Promise<unknown>): void {
  extras[lang] = load;
}

export function isLanguageLoaded(lang: Language): boolean {
  return loaded.has(lang) && (!extras[lang] || extrasLoaded.has(lang));
}

/** Loads a language's catalogue, and what else it needs, if they are not here yet. */
export async function loadLanguage(lang: Language): Promise<void> {
  const extra = extras[lang];
  await Promise.all([loaded.has(lang) ? null : import('./english.ts'), extra && !extrasLoaded.has(lang) ? extra() : null]);
  extrasLoaded.add(lang);
}

/**
 * Feature catalogues: each feature keeps its strings in its own `messages.ts` ({ zh, en }, same keys), which
 * registers them under its own top-level key (e.g. t('batch.title')) when it is imported — so a feature's
 * messages load with the feature: every module that uses a feature's keys imports its messages.ts.
 */
export function registerMessages(feature: string, messages: { zh: object; en: object }): void {
  catalogues.zh[feature] = messages.zh as Catalogue;
  catalogues.en[feature] = messages.en as Catalogue;
}

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const PARAMETER = /\{\{\s*([\w.]+)\s*\}\}/g;
/** `{{count|member|members}}`: the first word when the parameter is 1, else the second (English plurals). */
const PLURAL = /\{\{\s*([\w.]+)\|([^|}]*)\|([^|}]*)\}\}/g;

function interpolate(message: string, params: TParams | undefined): string {
  if (!params) return message;
  return message
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      return value === undefined || value === null ? whole : Number(value) === 1 ? one : other;
    })
    .replace(PARAMETER, (whole, name: string) => {
      const value = params[name];
      return value === undefined || value === null ? whole : String(value);
    });
}

const translators = new Map<Language, TFunction>();

/** A translation function fixed to one language (the same function for the same language). */
export function translator(lang: Language): TFunction {
  let t = translators.get(lang);
  if (!t) {
    t = (key, params) => interpolate(lookup(catalogues[lang], key) ?? lookup(catalogues[DEFAULT_LANGUAGE], key) ?? key, params);
    translators.set(lang, t);
  }
  return t;
}

export function localize(text: LocalizedText, lang: Language): string {
  return text[lang];
}
