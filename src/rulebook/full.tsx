/**
 * The whole rulebook — measures and source text — for the screens that need it (results, report, workspace,
 * batch, imports). The interview starts with an InterviewRulebook (virtual:rulebooks) and the rest follows
 * lazily; where a CompiledRulebook is given (tests, the CLI's data), it is used as it is.
 */
import { createContext, use, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CompiledRulebook, InterviewRulebook } from './schema';

export type RulebookLoader = (rulebook: InterviewRulebook) => Promise<CompiledRulebook>;

export function isFull(rulebook: InterviewRulebook): rulebook is CompiledRulebook {
  return 'measures' in rulebook && 'source' in rulebook;
}

/** Without a loader, only whole rulebooks can be used. */
const wholeOnly: RulebookLoader = (rulebook) =>
  isFull(rulebook) ? Promise.resolve(rulebook) : Promise.reject(new Error(`the measures of rulebook ${rulebook.meta.id} were not loaded`));

const LoaderContext = createContext<RulebookLoader>(wholeOnly);

export function RulebookLoaderProvider({ load, children }: { load: RulebookLoader | undefined; children: ReactNode }) {
  return <LoaderContext value={load ?? wholeOnly}>{children}</LoaderContext>;
}

/** A promise React's `use` reads without suspending once it has settled (React reads status and value). */
export type Tracked<T = CompiledRulebook> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/** `promise`, saying when it has settled as React's `use` reads it: a screen suspended on it renders again at once. */
export function trackSettled<T>(promise: Promise<T>): Tracked<T> {
  const out: Tracked<T> = promise;
  out.status = 'pending';
  // (Block bodies: returning the promise itself from its own handlers would chain onto its rejection.)
  out.then(
    (value) => {
      Object.assign(out, { status: 'fulfilled', value });
    },
    (reason: unknown) => {
      Object.assign(out, { status: 'rejected', reason });
    },
  );
  return out;
}
const requests = new WeakMap<RulebookLoader, WeakMap<InterviewRulebook, Tracked>>();

function request(load: RulebookLoader, rulebook: InterviewRulebook): Tracked {
  let byRulebook = requests.get(load);
  if (!byRulebook) requests.set(load, (byRulebook = new WeakMap()));
  let tracked = byRulebook.get(rulebook);
  if (!tracked) {
    if (isFull(rulebook)) tracked = Object.assign(Promise.resolve(rulebook), { status: 'fulfilled' as const, value: rulebook });
    else tracked = trackSettled(load(rulebook));
    byRulebook.set(rulebook, tracked);
  }
  return tracked;
}

/** The loader, for event handlers (an imported file is assessed against the whole rulebooks). */
export function useRulebookLoader(): (rulebook: InterviewRulebook) => Promise<CompiledRulebook> {
  const load = useContext(LoaderContext);
  return (rulebook) => request(load, rulebook);
}

/** The whole rulebook; suspends until it has loaded (call inside a Suspense boundary). */
export function useFullRulebook(rulebook: InterviewRulebook): CompiledRulebook {
  return use(request(useContext(LoaderContext), rulebook) as Promise<CompiledRulebook>);
}

/** Several whole rulebooks, in the same order; suspends until all have loaded. */
export function useFullRulebooks(rulebooks: InterviewRulebook[]): CompiledRulebook[] {
  const load = useContext(LoaderContext);
  return rulebooks.map((r) => use(request(load, r) as Promise<CompiledRulebook>));
}

/** The whole rulebook once it has loaded, null until then (and if it cannot be loaded): for what can wait. */
export function useFullRulebookWhenLoaded(rulebook: InterviewRulebook): CompiledRulebook | null {
  const tracked = request(useContext(LoaderContext), rulebook);
  const [loaded, setLoaded] = useState<{ for: Tracked; value: CompiledRulebook } | null>(null);
  useEffect(() => {
    if (tracked.status === 'fulfilled') return;
    let live = true;
    tracked.then(
      (value) => live && setLoaded({ for: tracked, value }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [tracked]);
  if (tracked.status === 'fulfilled') return tracked.value!;
  return loaded?.for === tracked ? loaded.value : null;
}
