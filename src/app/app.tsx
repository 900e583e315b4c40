import './zod-config';
import { lazy, use, useEffect, useRef, useState } from 'react';
import { useTranslation } from '@/i18n/react';
import type { Answers, CompiledRulebook, InterviewRulebook } from '@/rulebook/schema';
import { RulebookLoaderProvider, useFullRulebooks, type RulebookLoader } from '@/rulebook/full';
import { localize, storedLanguage, type Language } from '@/i18n';
import { ShareProblems } from '@/share/share-problems';
import type { ImportedAssessment } from '@/report/export-file';
import type { KeptBatch } from '@/features/batch/batch-screen';
import { batchKeeper } from '@/features/batch/keeper';
import { isShareFragment, shareErrorMessage, type AfterShareError, type ShareError } from '@/share/share-errors';
import { LanguageProvider, useLanguage } from './language';
import { APP_VERSION, BUILD_DATE } from './version';
import { formatDate } from '@/i18n/format';
import { UpdateNotice } from '@/offline/update-notice';
import { interviewAnswers, Wizard, type WizardStart } from '@/features/wizard/wizard';
import { sessionUnderWay } from '@/features/wizard/persistence';
import { sameAskedAnswers } from '@/features/wizard/routing';
import { abandonEntry, adoptPastedEntry, COMPARE, historyState, useHistoryField } from '@/features/wizard/screen-history';
import { LazyScreen } from '@/app/lazy-screen';
import { RulebookSource, type Rulebooks } from './rulebook-source';

const WorkspaceScreen = lazy(() => import('@/features/workspace/workspace').then((m) => ({ default: m.Workspace })));
const BatchScreen = lazy(() => import('@/features/batch/batch-screen').then((m) => ({ default: m.BatchScreen })));
// With the workspace's chunk (a module of its own would split code the first load shares with it into more chunks).
const SharedLinkQuestion = lazy(() => import('@/features/workspace/workspace').then((m) => ({ default: m.SharedLinkQuestion })));
const VIEWS = ['interview', 'workspace', 'batch'] as const;
type View = (typeof VIEWS)[number];
const readView = (held: unknown): View | null => (VIEWS.includes(held as View) ? (held as View) : null);
/** The history entry's field naming the policy chosen ('' for the choice itself). */
const CHOICE = 'pscRulebook';
const readChoice = (source: RulebookSource, held: unknown): string | null => (held === '' || source.catalogue.some((r) => r.id === held) ? (held as string) : null);
const VIEW_LABELS: Record<View, string> = { interview: 'app.nav.selfCheck', workspace: 'app.nav.workspace', batch: 'app.nav.batch' };
/**
 * What a view's entry leaves out of the entry before it: the workspace's comparison. (Its selection goes along,
 * so that the workspace has it again when its button is pressed after another view.)
 */
const VIEW_DROPS = [COMPARE];

type AppProps = {
  /**
   * The interview's part of each rulebook (or, with several, the choice of policy and how to load them: see
   * RulebookSource); the rest comes from `loadRulebook` when a screen needs it (whole rulebooks need none).
   */
  rulebooks: Rulebooks;
  loadRulebook?: RulebookLoader;
  /** The language to start in; otherwise the stored choice. */
  lang?: Language;
  /** Where a new interview begins (the prerendered first screen's state); otherwise a share link or the saved session decides. */
  start?: WizardStart;
};

export function App({ rulebooks, loadRulebook, lang, start }: AppProps) {
  const [source] = useState(() => new RulebookSource(rulebooks));
  return (
    <LanguageProvider initial={lang}>
      <RulebookLoaderProvider load={loadRulebook}>
        <Shell source={source} begin={start} />
      </RulebookLoaderProvider>
    </LanguageProvider>
  );
}

/**
 * A share link (#psc1.…) opens its answers at the results; a broken one gives a message and a fresh
 * start. The fragment is removed from the address at once, so a reload does not apply it again; it is
 * decoded by src/share/share-link.ts, loaded only when a link is opened.
 */
function takeShareFragment(): string | null {
  const fragment = window.location.hash.replace(/^#/, '');
  if (!fragment || !isShareFragment(fragment)) return null;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return fragment;
}

type Opening = { rulebook?: InterviewRulebook | undefined; start: WizardStart };
/**
 * A share link, numbered in the order links came: the page's own, then any pasted into the open tab (`pasted`:
 * on a history entry of its own, which the app leaves when it does not open the link).
 */
type Link = { fragment: string; n: number; pasted?: boolean };
/** A link's answers waiting for the user's word: an interview with answers of its own is under way. */
type Pending = { opening: Opening; rulebook: InterviewRulebook; underWay: Answers; link: Link };

function Shell({ source, begin }: { source: RulebookSource; begin: WizardStart | undefined }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<Link | null>(() => {
    const fragment = begin ? null : takeShareFragment();
    return fragment ? { fragment, n: 1 } : null;
  });
  // What the screens open with (null: as they would without a link); `n` remounts them for each link opened.
  const [opened, setOpened] = useState<{ opening: Opening | null; n: number } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  // The question answered "keep": the focus goes to the screen beneath it, shown again (the button pressed is gone).
  const focusScreen = useRef(false);
  useEffect(() => {
    if (!focusScreen.current) return;
    focusScreen.current = false;
    document.querySelector<HTMLElement>('main h1')?.focus();
  });
  /** A broken link pasted into the open tab: what went wrong, shown above the screens until dismissed. */
  const [broken, setBroken] = useState<{ error: ShareError; then: AfterShareError | null } | null>(null);

  // A link pasted into the address bar of the open tab changes only the fragment: no reload.
  useEffect(() => {
    const onHashChange = () => {
      if (!isShareFragment(window.location.hash)) return;
      const pasted = adoptPastedEntry();
      const fragment = takeShareFragment();
      // Numbered from 2: 1 is the page's own link, the only one decoded before the screens are shown.
      if (!fragment) return;
      setBroken(null);
      setLink((previous) => ({ fragment, n: (previous?.n ?? 1) + 1, pasted }));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    if (!link) return;
    let live = true;
    void Promise.all([import('@/share/share-link'), source.load(true), import('@/engine/problem-words-zh')]).then(([{ decodeShareFragment }, rulebooks, { problemWords }]) => {
      // The answers' problems, if any, in the interface's language.
      const decoded = decodeShareFragment(rulebooks, link.fragment, problemWords(storedLanguage()));
      if (!live) return;
      if (!decoded.ok) {
        if (link.n === 1) setOpened({ opening: { start: { kind: 'shareError', error: decoded.error } }, n: link.n });
        else {
          // Pasted into the open tab: the screens stay as they are, with the message above them.
          const underWay = rulebooks.some((r) => Object.keys(interviewAnswers(r) ?? {}).length > 0);
          setBroken({ error: decoded.error, then: underWay ? 'kept' : null });
          if (link.pasted) abandonEntry();
        }
        return;
      }
      const { rulebook, answers, rulebookChanged } = decoded.value;
      const opening: Opening = { rulebook, start: { kind: 'shared', answers, rulebookChanged } };
      // Opening the link replaces the interview under way: not without asking, when it holds answers of its own (a link
      // made from this interview's results carries the answers to the questions asked, whatever else the interview keeps).
      const underWay = interviewAnswers(rulebook);
      if (underWay && Object.keys(underWay).length > 0 && !sameAskedAnswers(rulebook, underWay, answers)) setPending({ opening, rulebook, underWay, link });
      else setOpened({ opening, n: link.n });
    }, () => {
      // The code that reads links, or the policies, did not load (offline before they were cached, or the network
      // failed meanwhile). The link is good: it goes back into the address bar, for a reload to open it.
      if (!live) return;
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#${link.fragment}`);
      const error: ShareError = { code: 'unavailable', params: {}, problems: [] };
      if (link.n === 1) setOpened({ opening: { start: { kind: 'shareError', error } }, n: link.n });
      else setBroken({ error, then: source.loaded?.some((r) => Object.keys(interviewAnswers(r) ?? {}).length > 0) ? 'kept' : null });
    });
    return () => {
      live = false;
    };
  }, [link, source]);

  if (link?.n === 1 && !opened && !pending)
    return (
      <p role="status" className="app-main">
        {t('app.loading')}
      </p>
    );
  const question = pending && (
    <LazyScreen>
      <SharedLinkQuestion
        rulebook={pending.rulebook}
        underWay={pending.underWay}
        onOpen={() => {
          setOpened({ opening: pending.opening, n: pending.link.n });
          setPending(null);
        }}
        // The interview stays as it is: its screens are beneath the question (the page's own link: mounted as without one).
        onKeep={() => {
          setOpened((o) => o ?? { opening: null, n: 0 });
          setPending(null);
          focusScreen.current = true;
          if (pending.link.pasted) abandonEntry();
        }}
      />
    </LazyScreen>
  );
  const brokenNotice = broken && <ShareErrorNotice error={broken.error} then={broken.then} onDismiss={() => setBroken(null)} />;
  return (
    <Screens
      key={opened?.n ?? 0}
      source={source}
      initial={opened ? opened.opening : begin ? { start: begin } : null}
      question={question || null}
      notice={brokenNotice}
      // The message of a broken link is about the screen it was pasted over: it goes when another is shown.
      onNavigate={() => setBroken(null)}
    />
  );
}

/**
 * `question`: asked before anything else (a share link over an interview under way); the screens wait, hidden,
 * beneath it. `notice`: shown above the screens (a broken link pasted into the open tab).
 */
function Screens({ source, initial, question, notice, onNavigate }: { source: RulebookSource; initial: Opening | null; question: React.ReactNode; notice: React.ReactNode; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { lang, setLang } = useLanguage();
  const [chosen, setChosen] = useState<InterviewRulebook | undefined>(initial?.rulebook ?? (source.loaded?.length === 1 ? source.loaded[0] : undefined));
  // A policy chosen whose interview is still loading (several rulebooks), or that failed to load. A reload
  // chooses again the policy its history entry names.
  const [choosing, setChoosing] = useState<{ id: string; failed: boolean } | null>(() => {
    const held = chosen ? null : readChoice(source, historyState()[CHOICE]);
    return held ? { id: held, failed: false } : null;
  });
  const switched = useRef(false);
  const finishChoice = (id: string) =>
    source.load(true).then(
      (all) => {
        setChoosing(null);
        setChosen(all.find((r) => r.meta.id === id));
        switched.current = true;
      },
      () => setChoosing({ id, failed: true }),
    );
  const choose = (id: string) => {
    setChoosing({ id, failed: false });
    void finishChoice(id);
  };
  useEffect(() => {
    if (choosing && !choosing.failed) void finishChoice(choosing.id);
    // Once, for the policy a reload returns to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // With several policies, choosing one is a history entry: Back returns to the choice (a phone's only way back).
  useHistoryField(CHOICE, chosen?.meta.id ?? choosing?.id ?? '', (held) => readChoice(source, held), (to) => {
    switched.current = true;
    if (to === '') {
      setChoosing(null);
      setChosen(undefined);
    } else choose(to);
    return to;
  });
  const [start, setStart] = useState<{ start: WizardStart; key: number } | null>(initial ? { start: initial.start, key: 0 } : null);

  const onImported = (imported: ImportedAssessment) => {
    setChosen(imported.rulebook);
    setStart((s) => ({ start: { kind: 'imported', imported }, key: (s?.key ?? 0) + 1 }));
  };
  // The interview stays mounted (hidden) while another view is shown; back at it, focus its heading
  // (the workspace and batch screens focus their own).
  // A reload shows the view the entry was on (a link opened shows the interview: its entry names no view).
  const [view, setView] = useState<View>(() => (initial ? null : readView(historyState().pscView)) ?? 'interview');
  useEffect(() => {
    if (view !== 'interview' || !switched.current) return;
    let tries = 0;
    const focus = () => {
      const heading = document.querySelector<HTMLElement>('#screen-heading, #choose-heading');
      if (heading) heading.focus();
      else if ((tries += 1) < 60) requestAnimationFrame(focus);
    };
    focus();
  }, [view, start, chosen]);
  /** The batch screen's results, there again when the user comes back to it from another view. */
  const [keeper] = useState(() => batchKeeper<KeptBatch>());
  /** Presses of the button of the view shown (see Workspace's `revisits`). */
  const [revisits, setRevisits] = useState(0);
  const show = (next: View) => {
    // The workspace and the batch need every interview: after a failed load (offline), each visit tries again.
    if (next !== 'interview' && !source.loaded) source.load(true).catch(() => undefined);
    switched.current = true;
    setView(next);
    onNavigate();
  };
  // The browser's Back and Forward move between the views too (see src/features/wizard/screen-history.ts).
  // Another view's entry holds none of the workspace's comparison.
  useHistoryField(
    'pscView',
    view,
    readView,
    (to) => {
      show(to);
      return to;
    },
    undefined,
    VIEW_DROPS,
  );

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav className="view-switch" aria-label={t('app.nav.label')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className="link-button"
              data-view={v}
              aria-current={view === v ? 'page' : undefined}
              onClick={() => {
                if (v === view) setRevisits((n) => n + 1);
                show(v);
              }}
            >
              {t(VIEW_LABELS[v])}
            </button>
          ))}
        </nav>
        <button type="button" className="link-button" data-action="switch-language" lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('app.switchTo')}
        </button>
      </header>
      <main className={`app-main view-${view}`} id="main">
        <UpdateNotice />
        {notice}
        {question}
        <div hidden={question !== null}>
          <LazyScreen key={view}>
            {view === 'workspace' && (
              <WithWholeRulebooks source={source}>
                {(whole) => (
                  <WorkspaceScreen
                    rulebooks={whole}
                    revisits={revisits}
                    interviewAnswers={interviewAnswers}
                    onOpen={(imported) => {
                      onImported(imported);
                      show('interview');
                    }}
                  />
                )}
              </WithWholeRulebooks>
            )}
            {view === 'batch' && (
              <WithWholeRulebooks source={source}>{(whole) => <BatchScreen rulebooks={whole} rulebook={whole.find((r) => r.meta.id === chosen?.meta.id)} keeper={keeper} />}</WithWholeRulebooks>
            )}
          </LazyScreen>
          <div hidden={view !== 'interview'}>
            {chosen ? (
              <Wizard key={`${chosen.meta.id}:${start?.key ?? 0}`} rulebook={chosen} rulebooks={source.loaded ?? [chosen]} start={start?.start} onImported={onImported} onScreenChange={onNavigate} />
            ) : (
              <section aria-labelledby="choose-heading">
                <h1 id="choose-heading" tabIndex={-1}>{t('app.chooseRulebook')}</h1>
                {initial?.start.kind === 'shareError' && <ShareErrorNotice error={initial.start.error} />}
                <ul className="rulebook-list">
                  {source.catalogue.map((r) => {
                    const underWay = sessionUnderWay(r.id);
                    return (
                      <li key={r.id}>
                        <button
                          type="button"
                          className="button"
                          aria-busy={choosing?.id === r.id && !choosing.failed ? true : undefined}
                          aria-describedby={underWay ? `under-way-${r.id}` : undefined}
                          onClick={() => choose(r.id)}
                        >
                          {localize(r.title, lang)}
                        </button>
                        {underWay && (
                          <span id={`under-way-${r.id}`} className="under-way">
                            {t('app.underWay')}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
                {choosing && (
                  <p role={choosing.failed ? 'alert' : 'status'} className={choosing.failed ? 'field-error' : undefined}>
                    {t(choosing.failed ? 'app.loadFailed' : 'app.loading')}
                  </p>
                )}
              </section>
            )}
          </div>
        </div>
      </main>
      <footer className="app-footer">
        <p>{t('app.privacy')}</p>
        <p className="app-version">{t('app.version', { version: APP_VERSION, date: BUILD_DATE ? formatDate(BUILD_DATE, lang) : '—' })}</p>
      </footer>
    </div>
  );
}

/** The workspace and batch screens work on whole rulebooks: suspends until their interviews and measures have loaded. */
function WithWholeRulebooks({ source, children }: { source: RulebookSource; children: (whole: CompiledRulebook[]) => React.ReactNode }) {
  return children(useFullRulebooks(source.loaded ?? use(source.load())));
}

/** `onDismiss`: the notice comes over a page already open (a link pasted into the tab), which may be scrolled: it takes the focus, so that it is seen. */
function ShareErrorNotice({ error, then = 'fresh', onDismiss }: { error: ShareError; then?: AfterShareError | null; onDismiss?: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (onDismiss) ref.current?.focus();
    // Once, when it appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="notice warning" role="alert" ref={ref} tabIndex={onDismiss ? -1 : undefined}>
      <div>
        <p>{shareErrorMessage(error, lang, then)}</p>
        <ShareProblems error={error} />
      </div>
      {onDismiss && (
        <button
          type="button"
          className="link-button"
          aria-label={t('punct.dismiss')}
          onClick={() => {
            onDismiss();
            // The button goes with the notice: the focus goes to the screen's heading, not to the page.
            document.querySelector<HTMLElement>('main h1')?.focus();
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
