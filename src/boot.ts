/**
 * The first screens before React arrives. A production build's index.html holds the intro, rendered at build
 * time by the app's own components, and a <template> of the intro and the first step in each language
 * (src/prerender). This script — the whole of the first load's code — shows the stored language, lets
 * "start" open the first step and the language switch work, and keeps any other click (next, back, a view)
 * for the app. When the app has loaded it takes the state (takeBootState): it starts where the user is,
 * with what was entered, and clicks again what was clicked (src/app-root.tsx).
 */
import { DEFAULT_LANGUAGE, languageTag, LANGUAGE_STORAGE_KEY, storedLanguage, type Language } from './i18n/languages';

export type BootScreenName = 'intro' | 'step';

export type BootState = {
  screen: BootScreenName;
  lang: Language;
  /** The form's values on the first step, by field name. */
  values: Record<string, string[]>;
  /** The position, among the page's controls, of the one pressed while the app was loading. */
  replay: number | null;
  /** The position of the control that has the focus. */
  focus: number | null;
  /** The screen's heading has the focus (as after "start"): it is not a control. */
  headingFocused: boolean;
};

/** What a user can operate, in document order: the same list in the prerendered page and in the app. */
export const CONTROLS = 'a[href], button, input, select, textarea, summary';

type Boot = {
  root: HTMLElement;
  screen: BootScreenName;
  lang: Language;
  waitForApp: boolean;
  replay: number | null;
  /** A key or pointer is down on the page: its click comes when it is released (Space on a radio, a tap). */
  pressing: boolean;
  /** Called once the press has ended and its click has run (see whenNotPressing). */
  released: (() => void) | null;
  detach: () => void;
};
let boot: Boot | null = null;

export function startBoot(root: HTMLElement | null = document.getElementById('root')): void {
  if (!root?.querySelector('template[data-boot-screen]')) return; // Development: nothing prerendered.
  // A saved interview or a share link opens elsewhere than the intro: that is the app's to decide.
  // So does a reload of the workspace or the batch view (its history entry names the view).
  const waitForApp = hasSavedSession() || window.location.hash.length > 1 || viewInEntry() !== null;
  const state: Boot = { root, screen: 'intro', lang: storedLanguage(), waitForApp, replay: null, pressing: false, released: null, detach: () => undefined };
  // The page arrives showing the intro in the default language: replace it only when something differs.
  if (state.lang !== DEFAULT_LANGUAGE || waitForApp) show(state);

  const onClick = (event: MouseEvent) => {
    const control = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
    if (!control || !root.contains(control)) return;
    const action = control.getAttribute('data-action');
    if (action === 'start' && !waitForApp) {
      state.screen = 'step';
      show(state);
      root.querySelector<HTMLElement>('#screen-heading')?.focus();
    } else if (action === 'switch-language') {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      try {
        localStorage.setItem(LANGUAGE_STORAGE_KEY, state.lang);
      } catch {
        // Storage may be full or disabled: the choice still holds for this visit.
      }
      show(state);
      root.querySelector<HTMLElement>('[data-action="switch-language"]')?.focus();
    } else if (control instanceof HTMLButtonElement) {
      // Pressed before the app is there (next, back, a view): the app presses it again when it takes over
      // (not when it is about to resume elsewhere: the button would not be there).
      event.preventDefault();
      if (waitForApp) return;
      state.replay = controls(root).indexOf(control);
      control.setAttribute('aria-busy', 'true');
      document.documentElement.classList.add('boot-waiting');
    }
  };
  // The prerendered form has no action: it must never submit the page itself.
  const onSubmit = (event: Event) => event.preventDefault();
  // A press under way: the app must not replace the page before its click (which comes on release) has landed.
  // (A release never seen, the window left meanwhile, is waited for no longer than whenNotPressing's patience.)
  const onPress = (event: Event) => {
    if (!(event instanceof KeyboardEvent) || event.key === ' ' || event.key === 'Enter') state.pressing = true;
  };
  const onRelease = () => {
    // After the click the release brings, which is dispatched after this event.
    if (state.pressing && state.released) setTimeout(state.released, 0);
    state.pressing = false;
  };
  const listen = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('keydown', onPress, true);
    document[method]('pointerdown', onPress, true);
    document[method]('keyup', onRelease, true);
    document[method]('pointerup', onRelease, true);
  };
  root.addEventListener('click', onClick);
  root.addEventListener('submit', onSubmit);
  listen(true);
  state.detach = () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('submit', onSubmit);
    listen(false);
    document.documentElement.classList.remove('boot-waiting');
  };
  boot = state;
}

/**
 * Runs `then` once no key or pointer is down on the prerendered page: at once when none is, else after the press
 * has ended and its click has run (or after `patience` ms, should the release never be seen). Replacing the page
 * between a key or pointer going down and coming up would lose the press: Space on a radio checks it on the
 * key's release, a tap clicks on the pointer's.
 */
export function whenNotPressing(then: () => void, patience = 1000): void {
  const state = boot;
  if (!state?.pressing) {
    then();
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    state.released = null;
    then();
  };
  state.released = once;
  setTimeout(once, patience);
}

/** The prerendered screen the user is on, taken over by the app (null when there is none to continue from). */
export function takeBootState(): BootState | null {
  const state = boot;
  boot = null;
  if (!state) return null;
  state.detach();
  if (state.waitForApp) return null;
  const values: Record<string, string[]> = {};
  const form = state.root.querySelector('form');
  if (form) for (const [name, value] of new FormData(form)) if (typeof value === 'string') (values[name] ??= []).push(value);
  const list = controls(state.root);
  const focused = document.activeElement ? list.indexOf(document.activeElement) : -1;
  const headingFocused = document.activeElement !== null && document.activeElement === state.root.querySelector('#screen-heading');
  return { screen: state.screen, lang: state.lang, values, replay: state.replay, focus: focused >= 0 ? focused : null, headingFocused };
}

/** The app could not load: say so where the user is looking (the status is prerendered in each language). */
export function showBootFailure(root: HTMLElement | null = document.getElementById('root')): void {
  const message = root?.querySelector<HTMLTemplateElement>(`template[data-boot-message="failed"][data-boot-lang="${storedLanguage()}"]`);
  const main = root?.querySelector('main');
  if (message && main) main.prepend(message.content.cloneNode(true));
  document.documentElement.classList.remove('boot-waiting');
}

export function controls(root: ParentNode): Element[] {
  return [...root.querySelectorAll(CONTROLS)];
}

function show(state: Boot): void {
  const { root, screen, lang, waitForApp } = state;
  document.documentElement.lang = languageTag(lang);
  const template = root.querySelector<HTMLTemplateElement>(`template[data-boot-screen="${screen}"][data-boot-lang="${lang}"]`);
  const live = root.firstElementChild;
  if (!template || !live || live instanceof HTMLTemplateElement) return;
  const page = template.content.cloneNode(true) as DocumentFragment;
  if (waitForApp) {
    // No "start" while the app loads to resume; a status says it is coming. For another view (a reload of the
    // workspace or the batch), the status alone: the intro is not what is coming.
    const loading = root.querySelector<HTMLTemplateElement>(`template[data-boot-message="loading"][data-boot-lang="${lang}"]`);
    const start = page.querySelector('[data-action="start"]');
    const main = page.querySelector('main');
    const view = viewInEntry();
    if (loading && main && view !== null) {
      main.replaceChildren(loading.content.cloneNode(true));
      for (const button of page.querySelectorAll('[data-view]')) {
        if (button.getAttribute('data-view') === view) button.setAttribute('aria-current', 'page');
        else button.removeAttribute('aria-current');
      }
    } else if (start && loading) start.replaceWith(loading.content.cloneNode(true));
  }
  live.replaceWith(page);
}

/** The view other than the interview that the page's history entry names (a reload of the workspace or the batch), else null. */
function viewInEntry(): string | null {
  const state: unknown = window.history.state;
  const view = state !== null && typeof state === 'object' ? (state as Record<string, unknown>).pscView : undefined;
  return typeof view === 'string' && view !== 'interview' ? view : null;
}


/** An interview is saved to resume: with answers, or on a step (one cleared by "start again" is at the intro, with none). */
function hasSavedSession(): boolean {
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith('policy-self-check:session:') && resumes(localStorage.getItem(key))) return true;
    }
  } catch {
    // No storage: nothing saved.
  }
  return false;
}

/** A saved session that cannot be read counts as one to resume: the app says what became of it. */
function resumes(saved: string | null): boolean {
  try {
    const session = JSON.parse(saved ?? 'null') as { answers?: unknown; at?: { at?: unknown } } | null;
    const answers = session?.answers;
    return answers === null || typeof answers !== 'object' || Object.keys(answers).length > 0 || session?.at?.at !== 'intro';
  } catch {
    return true;
  }
}
