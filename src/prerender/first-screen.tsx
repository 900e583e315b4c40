/**
 * The first screens as static HTML, rendered at build time by the app's own components (Node, react-dom/server),
 * so the page shows the intro — and, after "start", the first question — before any script has run.
 * src/boot.ts wires them up until React arrives and takes over (src/app-root.tsx).
 *
 * The page holds the intro in the default language as live markup, and every screen × language as a
 * <template> (inert: no duplicate ids, nothing in the accessibility tree).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { App } from '@/app/app';
import { translator } from '@/i18n';
import { DEFAULT_LANGUAGE, LANGUAGES } from '@/i18n/languages';
import type { CompiledRulebook } from '@/rulebook/schema';
// The first screens are prerendered in both languages.
import '@/i18n/english';

export type BootScreen = 'intro' | 'step';

/** The screens a user can reach before React has loaded: the intro and, with one rulebook, its first step. */
export function bootScreens(rulebooks: CompiledRulebook[]): BootScreen[] {
  return rulebooks.length === 1 ? ['intro', 'step'] : ['intro'];
}

export function renderScreen(rulebooks: CompiledRulebook[], screen: BootScreen, lang: (typeof LANGUAGES)[number]): string {
  return renderToStaticMarkup(<App rulebooks={rulebooks} lang={lang} start={{ kind: 'fresh', at: screen }} />);
}

/** What goes inside <div id="root">. */
export function renderFirstScreens(rulebooks: CompiledRulebook[]): string {
  const templates = bootScreens(rulebooks).flatMap((screen) =>
    LANGUAGES.map((lang) => `<template data-boot-screen="${screen}" data-boot-lang="${lang}">${renderScreen(rulebooks, screen, lang)}</template>`),
  );
  // Statuses boot.ts shows: while the app loads to resume a saved interview, and if it fails to load.
  const messages = LANGUAGES.flatMap((lang) => {
    const t = translator(lang);
    return [
      `<template data-boot-message="loading" data-boot-lang="${lang}">${renderToStaticMarkup(<p role="status">{t('app.loading')}</p>)}</template>`,
      `<template data-boot-message="failed" data-boot-lang="${lang}">${renderToStaticMarkup(
        <div className="notice warning" role="alert">
          <p>{t('app.loadFailed')}</p>
        </div>,
      )}</template>`,
    ];
  });
  return renderScreen(rulebooks, 'intro', DEFAULT_LANGUAGE) + templates.join('') + messages.join('');
}
