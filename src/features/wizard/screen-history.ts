/**
 * The browser's Back and Forward buttons — a phone's Back button above all — move between the interview's
 * screens instead of leaving the app: each screen shown is an entry in the tab's history, marked with its
 * key (historyKey). Back to a screen goes there with the answers as they are now; a step no longer asked
 * for them gives way as in a resumed session (the machine's `history.go`). The first screen of a visit
 * stands on an entry of the intro, so that Back from it comes to the intro rather than out of the app.
 * Other parts of the page keep their own fields in the same history state (the views, the results' pages).
 */
import { useEffect, useRef } from 'react';
import { positionKey } from './machine';
import type { Position } from './routing';

const FIELD = 'pscScreen';
/** How many of the app's entries are behind an entry in the tab's history (see pushEntry). */
const BEHIND = 'pscBehind';

/** The current history entry's state, as an object (another script may have left anything there). */
export function historyState(): Record<string, unknown> {
  // None where there is no window (the first screens rendered at build time).
  const state: unknown = typeof window === 'undefined' ? null : window.history.state;
  return state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};
}

/**
 * How many of the app's history entries are behind the current one (0 on the visit's first entry, or on an entry
 * the app did not make): so many steps of Back lead to the visit's first screen.
 */
export function entriesBehind(state: Record<string, unknown> = historyState()): number {
  const n = state[BEHIND];
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
}

/** A new history entry holding `state`, after the current one: one more entry behind it. */
export function pushEntry(state: Record<string, unknown>): void {
  shownBehind = entriesBehind() + 1;
  const { [GAVE_WAY]: _gaveWay, ...rest } = state;
  window.history.pushState({ ...rest, [BEHIND]: shownBehind }, '');
}

/** An entry rewritten because what it held was no longer shown: it may now hold the same as its neighbour. */
const GAVE_WAY = 'pscGaveWay';

/** The entries behind the app's entry shown last (see adoptPastedEntry). */
let shownBehind = 0;
/** Entries the app has written to (the visit's first holds no count: 0); not one a pasted link has just made. */
export const isAppEntry = (state: Record<string, unknown>) => FIELD in state || BEHIND in state || 'pscView' in state;
/** An entry the app made of a pasted link it did not open: Forward to it goes back at once (see abandonEntry). */
const ABANDONED = 'pscAbandoned';
export const isAbandoned = (state: Record<string, unknown>) => state[ABANDONED] === true;
if (typeof window !== 'undefined') {
  // Back and Forward show a screen with the focus on its heading (or on what opened the page left), which scrolls
  // it into view: the browser must not then put back the scroll position the entry had, which on a phone left the
  // focused heading above the screen, the user half-way down the step.
  window.history.scrollRestoration = 'manual';
  window.addEventListener('popstate', (event) => {
    const state = stateOf(event);
    if (isAbandoned(state)) window.history.back();
    else if (isAppEntry(state)) shownBehind = entriesBehind(state);
  });
}

/**
 * A link pasted into the address bar of the open tab makes a history entry the app did not make: it counts as
 * one more entry after the one shown, so that "start again" (and anything else that counts) goes back past it.
 * Returns whether the entry was such a new one.
 */
export function adoptPastedEntry(): boolean {
  const state = historyState();
  if (isAppEntry(state)) return false;
  shownBehind += 1;
  window.history.replaceState({ ...state, [BEHIND]: shownBehind }, '');
  return true;
}

/**
 * Leave the entry of a pasted link the app did not open (the interview was kept, or the link was broken), back to
 * the screen it was pasted over: so that Back from there does not land on the same screen again (it would seem
 * to do nothing). Forward to it later comes straight back.
 */
export function abandonEntry(): void {
  window.history.replaceState({ ...historyState(), [ABANDONED]: true }, '');
  window.history.back();
}

/** A state read from a popstate event, as an object. */
export function stateOf(event: PopStateEvent): Record<string, unknown> {
  const state: unknown = event.state;
  return state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};
}

/** A screen as a history entry holds it: where, and for a step changed from the review or the results, where it returns. */
export type HistoryScreen = { at: Position; returnTo: 'review' | 'results' | null };

/** `step:packaging`, or `step:packaging>review` for a step being changed from the review. */
export function historyKey(at: Position, returnTo: HistoryScreen['returnTo']): string {
  return at.at === 'step' && returnTo ? `${positionKey(at)}>${returnTo}` : positionKey(at);
}

export function screenFromKey(key: unknown): HistoryScreen | null {
  if (key === 'intro' || key === 'review' || key === 'results') return { at: { at: key }, returnTo: null };
  if (typeof key !== 'string' || !key.startsWith('step:')) return null;
  const [step, returnTo] = key.slice(5).split('>');
  if (!step || (returnTo !== undefined && returnTo !== 'review' && returnTo !== 'results')) return null;
  return { at: { at: 'step', step }, returnTo: returnTo ?? null };
}

/**
 * Keeps `field` of the tab's history state in step with `value`: a new value is a new entry (the first one
 * replaces the entry the page arrived on, after an entry of `first` when given), and Back or Forward to an entry
 * calls `go` with its value (`read` turns what the entry holds into one, or null). `go` returns the value it
 * led to; when that is another (the screen asked for is no longer shown), the entry is changed to say so.
 * A new value's entry leaves out the fields in `drops` (what belonged to the value before). `passOver` says whether
 * an entry whose value leads only back to the one shown may be stepped off (see the popstate handler).
 */
export function useHistoryField<T extends string>(
  field: string,
  value: T,
  read: (held: unknown) => T | null,
  go: (to: T) => T,
  first?: T,
  drops: readonly string[] = [],
  passOver?: (state: Record<string, unknown>) => boolean,
): void {
  const shown = useRef(value);
  /** The entries behind the one shown: whether a traversal went back or forward. */
  const behind = useRef(0);
  /** The entry shown is one that gave way (see GAVE_WAY). */
  const onRewritten = useRef(false);
  const goTo = useRef(go);
  const readHeld = useRef(read);
  const passesOver = useRef(passOver);
  useEffect(() => {
    goTo.current = go;
    readHeld.current = read;
    passesOver.current = passOver;
  }, [go, read, passOver]);

  useEffect(() => {
    shown.current = value;
    const state = historyState();
    // The entry shown (after a reload too: it keeps its count).
    shownBehind = entriesBehind(state);
    behind.current = shownBehind;
    onRewritten.current = state[GAVE_WAY] === true;
    const marked = state[field];
    if (marked === value) return; // Shown from the history: the entry is this value's already.
    if (marked === undefined) {
      window.history.replaceState({ ...state, [field]: first ?? value }, '');
      if (first !== undefined && value !== first) pushEntry(without({ ...state, [field]: value }, drops));
    } else pushEntry(without({ ...state, [field]: value }, drops));
    behind.current = entriesBehind();
    // `drops` is a constant list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field, value, first]);

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const state = stateOf(event);
      const back = entriesBehind(state) < behind.current;
      behind.current = entriesBehind(state);
      const rewritten = state[GAVE_WAY] === true;
      const fromRewritten = onRewritten.current;
      onRewritten.current = rewritten;
      const to = readHeld.current(state[field]);
      if (to === null) return;
      // Back and Forward must always show something new. An entry that shows the same as the one left is one an
      // entry that gave way came to share with its neighbour: it is passed over, in the direction of travel (never
      // back past the visit's first entry; Forward past the last does nothing).
      if (to === shown.current) {
        if (!(rewritten || fromRewritten) || !passesOver.current?.(state)) return;
        if (!back) window.history.forward();
        else if (behind.current > 0) window.history.back();
        return;
      }
      const landed = goTo.current(to);
      // An entry that leads only back to the value shown is passed over too. Going back it is left as it was; going
      // forward it is rewritten, in case there is nothing after it (Back from there then passes over the one before).
      const passOver = landed === shown.current && passesOver.current?.(state);
      if (passOver && back && behind.current > 0) window.history.back();
      else {
        if (landed !== to) {
          window.history.replaceState({ ...state, [field]: landed, [GAVE_WAY]: true }, '');
          onRewritten.current = true;
        }
        if (passOver) window.history.forward();
      }
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [field]);
}

/** The workspace's comparison, in an entry: the ids of the assessments compared (see src/features/workspace). */
export const COMPARE = 'pscCompare';
/** The assessments ticked in the workspace's list, in its entry: kept over a visit to another view and a reload. */
export const SELECTED = 'pscSelected';

/** The results' own pages (the policy text, the printable report), and what the policy text shows, in an entry. */
export const PAGE = 'pscPage';
export const READING = 'pscReading';
const RESULTS_PAGES = [PAGE, READING];

/**
 * The interview's screens, by key (historyKey); a visit's first screen stands on an entry of the intro. Another
 * screen's entry shows none of the results' pages.
 */
export function useScreenHistory(key: string, go: (to: HistoryScreen) => string): void {
  useHistoryField(FIELD, key, readKey, (to) => go(screenFromKey(to)!), 'intro', RESULTS_PAGES, passOverScreen);
}

/**
 * A screen's entry that gives way to the screen shown is passed over when the interview is what the page shows
 * and stays so: not when the entry goes to or comes from the workspace, the batch view or a question above the
 * interview (the page does change then). At the popstate, the page is still the entry's before.
 */
function passOverScreen(state: Record<string, unknown>): boolean {
  const heading = document.getElementById('screen-heading');
  return (state.pscView === undefined || state.pscView === 'interview') && heading !== null && heading.closest('[hidden]') === null;
}

function without(state: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out = { ...state };
  for (const f of fields) delete out[f];
  return out;
}

const readKey = (held: unknown): string | null => (screenFromKey(held) ? (held as string) : null);
