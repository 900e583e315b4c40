/**
 * The app taking over the page: React renders the screen the prerendered page shows (src/boot.ts), with
 * the answers entered there, then puts the focus back and presses again what was pressed while it loaded.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import bundled from 'virtual:rulebooks';
import type { RulebookLoader } from './rulebook/full';
import { App } from './app/app';
import { CrashBoundary } from './app/crash-boundary';
import type { Rulebooks } from './app/rulebook-source';
import { controls, showBootFailure, takeBootState, whenNotPressing } from './boot';
import { isLanguageLoaded, loadLanguage, needForLanguage, storedLanguage } from './i18n';

/** The measures and source text of the bundled rulebooks, loaded after the first screen (see src/rulebook/vite-plugin.ts). */
export const loadBundled: RulebookLoader = async (rulebook) => {
  // With the English of the interview part, which the first load went without (the results and reports may show it).
  const [{ default: texts }] = await Promise.all([import('virtual:rulebook-texts'), import('./rulebook/english-texts')]);
  const text = texts[rulebook.meta.id];
  if (!text) throw new Error(`no measures for rulebook ${rulebook.meta.id}`);
  return { ...rulebook, ...text };
};

// English needs the bundled interview part's English texts too (see src/rulebook/english-split.ts).
needForLanguage('en', () => import('./rulebook/english-texts'));

export function mountApp(container: HTMLElement, rulebooks: Rulebooks = bundled, loadRulebook: RulebookLoader = loadBundled): void {
  // A page in English waits for the English catalogue (the prerendered screen stays usable meanwhile).
  const lang = storedLanguage();
  if (!isLanguageLoaded(lang)) {
    loadLanguage(lang).then(
      () => mountApp(container, rulebooks, loadRulebook),
      () => showBootFailure(container),
    );
    return;
  }
  // Not in the middle of a press on the prerendered page (its click would be lost with the page).
  whenNotPressing(() => takeOver(container, rulebooks, loadRulebook));
}

function takeOver(container: HTMLElement, rulebooks: Rulebooks, loadRulebook: RulebookLoader): void {
  const boot = takeBootState();
  const root = createRoot(container);
  // Synchronously, so the static page is replaced by the same page in one frame and the controls can be found.
  flushSync(() =>
    root.render(
      <StrictMode>
        <CrashBoundary>
          <App rulebooks={rulebooks} loadRulebook={loadRulebook} start={boot ? { kind: 'fresh', at: boot.screen, values: boot.values } : undefined} />
        </CrashBoundary>
      </StrictMode>,
    ),
  );
  if (!boot) return;
  const list = controls(container);
  if (boot.focus !== null && list[boot.focus] instanceof HTMLElement) (list[boot.focus] as HTMLElement).focus();
  else if (boot.headingFocused) container.querySelector<HTMLElement>('#screen-heading')?.focus({ preventScroll: true });
  if (boot.replay !== null && list[boot.replay] instanceof HTMLElement) (list[boot.replay] as HTMLElement).click();
}
