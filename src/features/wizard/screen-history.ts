/**
 * The browser's Back and Forward buttons — a phone's Back button above all — move between the interview's
 * screens instead of leaving the app: each screen shown is an entry in the tab's history, marked with its
 * key (positionKey). Back to a screen goes there with the answers as they are now; a step no longer asked
 * for them gives way as in a resumed session (the machine's `history.go`). The first screen of a visit
 * stands on an entry of the intro, so that Back from it comes to the intro rather than out of the app.
 * Other parts of the page keep their own fields in the same history state (the views, the results' pages).
 */
import { useEffect, useRef } from 'react';
import type { Position } from './routing';

const FIELD = 'pscScreen';

/** The current history entry's state, as an object (another script may have left anything there). */
export function historyState(): Record<string, unknown> {
  const state: unknown = window.history.state;
  return state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};
}

/** A state read from a popstate event, as an object. */
export function stateOf(event: PopStateEvent): Record<string, unknown> {
  const state: unknown = event.state;
  return state !== null && typeof state === 'object' ? (state as Record<string, unknown>) : {};
}

export function positionFromKey(key: unknown): Position | null {
  if (key === 'intro' || key === 'review' || key === 'results') return { at: key };
  if (typeof key === 'string' && key.startsWith('step:') && key.length > 5) return { at: 'step', step: key.slice(5) };
  return null;
}

/**
 * `key`: the screen shown; `go`: shows a screen from the history and returns the key of the screen it led to
 * (another, when that one is no longer shown).
 */
export function useScreenHistory(key: string, go: (at: Position) => string): void {
  const shown = useRef(key);
  const goTo = useRef(go);
  useEffect(() => {
    goTo.current = go;
  }, [go]);

  useEffect(() => {
    shown.current = key;
    const state = historyState();
    const marked = state[FIELD];
    if (marked === key) return; // Shown from the history: the entry is this screen's already.
    if (marked === undefined) {
      window.history.replaceState({ ...state, [FIELD]: 'intro' }, '');
      if (key !== 'intro') window.history.pushState({ ...state, [FIELD]: key }, '');
    } else window.history.pushState({ ...state, [FIELD]: key }, '');
  }, [key]);

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const state = stateOf(event);
      const at = positionFromKey(state[FIELD]);
      if (!at || state[FIELD] === shown.current) return;
      const landed = goTo.current(at);
      // Led elsewhere: the entry now stands for the screen shown.
      if (landed !== state[FIELD]) window.history.replaceState({ ...state, [FIELD]: landed }, '');
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
}
