/**
 * The interview: the machine decides which screen is shown; this component renders it, saves every
 * answer as it is given, and moves focus to each new screen's heading.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '@/i18n/react';
import { localize } from '@/i18n';
import { formatDate } from '@/i18n/format';
import { useLanguage } from '@/app/language';
import type { TFunction } from '@/i18n';
import { ImportControl } from '@/features/report/import-control';
import type { Language } from '@/i18n';
import type { assess } from '@/engine/assess';
import type { ClauseChange, ImportedAssessment, WorkspaceEntryRef } from '@/report/export-file';
import { useFullRulebookWhenLoaded } from '@/rulebook/full';
import { rulebookLabel } from '@/rulebook/label';
import { shareErrorMessage, type ShareError } from '@/share/share-errors';
import { ShareProblems } from '@/share/share-problems';
import type { Answers, InterviewRulebook } from '@/rulebook/schema';
import { createWizardMachine, positionKey, positionOf, type StepAnswers, type WizardInput } from './machine';
import { answersInSaved, clearSession, loadSession, saveSession, sessionKey } from './persistence';
import { entriesBehind, historyKey, useScreenHistory } from './screen-history';

/** The answers of the interview under way with `rulebook` (saved in this browser), if any. */
export function interviewAnswers(rulebook: InterviewRulebook): Answers | null {
  const session = loadSession(rulebook);
  return session.status === 'restored' ? session.answers : null;
}
import { askedAnswers, sameAskedAnswers, stepById, stepProgress } from './routing';
import { focusQuestion, StepForm } from './step-form';
import { draftAnswers } from './step-schema';
import { LazyScreen } from '@/app/lazy-screen';

const ReviewScreen = lazy(() => import('./review').then((m) => ({ default: m.ReviewScreen })));
const ChangesTable = lazy(() => import('./changes-table').then((m) => ({ default: m.ChangesTable })));
const ResultsScreen = lazy(() => import('@/features/results/results').then((m) => ({ default: m.WholeResults })));

type Engine = { assess: typeof assess };

/** The engine, loaded after the first screen (null until then). */
function useEngine(): Engine | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    let live = true;
    void import('@/engine/assess').then((module) => live && setEngine(module));
    return () => {
      live = false;
    };
  }, []);
  return engine;
}

/** How the interview begins when not from this browser's saved session. */
export type WizardStart =
  /** A new interview at the intro or the first step, with what was entered on the prerendered first screen (see src/boot.ts). */
  | { kind: 'fresh'; at: 'intro' | 'step'; values?: Record<string, string[]> }
  | { kind: 'shared'; answers: Answers; rulebookChanged: boolean }
  | { kind: 'shareError'; error: ShareError }
  | { kind: 'imported'; imported: ImportedAssessment };

/**
 * `message` is worked out when shown, so that it follows the language switch. `onlyAt`: shown on that screen
 * only (what it says is about that screen).
 */
type Notice = { tone: 'info' | 'warning'; message: (t: TFunction, lang: Language) => string; changes?: ClauseChange[]; shareError?: ShareError; onlyAt?: string } | null;

type Props = {
  rulebook: InterviewRulebook;
  rulebooks?: InterviewRulebook[];
  start?: WizardStart;
  onImported?: (imported: ImportedAssessment) => void;
  /** Another screen is shown (not called for the first). */
  onScreenChange?: () => void;
};

/** Where the interview starts, and what the user is told about it. */
function beginning(rulebook: InterviewRulebook, start: WizardStart | undefined): { input: WizardInput; notice: Notice; entry?: WorkspaceEntryRef | null } {
  if (start?.kind === 'fresh') {
    if (start.at === 'intro') return { input: {}, notice: null };
    const first = rulebook.questionnaire.steps[0]!;
    const values = Object.fromEntries(first.questions.map((q) => [q.id, q.type === 'multi' ? (start.values?.[q.id] ?? []) : (start.values?.[q.id]?.[0] ?? '')]));
    return { input: { answers: withoutUndefined(draftAnswers(first.questions, values)), at: { at: 'step', step: first.id } }, notice: null };
  }
  const saved = loadSession(rulebook);
  if (start?.kind === 'shared')
    return { input: { answers: start.answers, at: { at: 'results' } }, notice: { tone: 'info', message: (t) => t(start.rulebookChanged ? 'exports.share.rulebookChanged' : 'wizard.sharedNotice') } };
  if (start?.kind === 'imported') {
    const { imported } = start;
    const message = (t: TFunction) =>
      imported.rulebookChanged
        ? t(imported.changes.length ? 'exports.file.rulebookChanged' : 'exports.file.rulebookChangedNoDiff', {
            was: imported.previous ? rulebookLabel(imported.previous) : '',
            now: rulebookLabel({ id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash }),
          })
        : // (An entry of the workspace: its messages have loaded with it.)
          t(imported.fromWorkspace ? 'workspace.openedNotice' : 'wizard.importedNotice');
    return { input: { answers: imported.answers, at: { at: 'results' } }, notice: { tone: imported.rulebookChanged ? 'warning' : 'info', message, changes: imported.changes }, entry: imported.workspaceEntry ?? null };
  }
  // A broken share link: say so, at the intro; answers saved in this browser stay there to resume.
  if (start?.kind === 'shareError') {
    const resume = saved.status === 'restored' && Object.keys(saved.answers).length > 0;
    return {
      input: saved.status === 'restored' ? { answers: saved.answers, at: { at: 'intro' } } : {},
      // About the intro ("start" or "continue where you left off"): gone once the interview goes on.
      notice: { tone: 'warning', message: (_t, lang) => shareErrorMessage(start.error, lang, resume ? 'resume' : 'fresh'), shareError: start.error, onlyAt: 'intro' },
    };
  }
  if (saved.status === 'incompatible') return { input: {}, notice: { tone: 'warning', message: (t) => t('wizard.corruptNotice') } };
  if (saved.status === 'restored') {
    const input = { answers: saved.answers, at: saved.at, returnTo: saved.returnTo };
    // A session without answers (saved after "start again", or before the first) has none to say were restored.
    if (Object.keys(saved.answers).length === 0) return { input, notice: null };
    return { input, notice: { tone: saved.rulebookChanged ? 'warning' : 'info', message: (t) => t(saved.rulebookChanged ? 'wizard.updatedNotice' : 'wizard.savedNotice') }, entry: saved.entry };
  }
  return { input: {}, notice: null };
}

export function Wizard({ rulebook, rulebooks = [rulebook], start, onImported, onScreenChange }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const machine = useMemo(() => createWizardMachine(rulebook), [rulebook]);
  const [boot] = useState(() => beginning(rulebook, start));
  const [notice, setNotice] = useState<Notice>(boot.notice);
  const actor = useActorRef(machine, { input: boot.input });
  // The workspace entry the interview was opened from, or last saved as: the results offer to update it. Kept with
  // the session (the ref, for the saves made outside rendering).
  const [entry, setEntry] = useState<WorkspaceEntryRef | null>(boot.entry ?? null);
  const entryRef = useRef(entry);
  const value = useSelector(actor, (s) => s.value);
  const answers = useSelector(actor, (s) => s.context.answers);
  // Only the answers to questions asked count, and only they go into reports, files and links: an answer to a
  // question no longer asked (changed on the review) stays in the interview, in case the change is undone.
  const asked = useMemo(() => askedAnswers(rulebook, answers), [rulebook, answers]);
  const returnTo = useSelector(actor, (s) => s.context.returnTo);
  const position = positionOf(value);
  const key = positionKey(position);

  // Save every change of answers or screen.
  useEffect(() => {
    const save = (snapshot: ReturnType<typeof actor.getSnapshot>) => {
      const ok = saveSession(rulebook, snapshot.context.answers, positionOf(snapshot.value), snapshot.context.returnTo, entryRef.current);
      if (!ok) setNotice({ tone: 'warning', message: (t) => t('wizard.storageFailed') });
    };
    // Answers opened from a link or a file become this browser's session at once.
    if (start?.kind === 'shared' || start?.kind === 'imported') save(actor.getSnapshot());
    const subscription = actor.subscribe(save);
    return () => subscription.unsubscribe();
  }, [actor, rulebook, t, start]);

  // This policy's interview saved by another tab with other answers (a share link opened there, say): an answer
  // here would overwrite them without a word. Say so; a reload here carries on with that tab's answers. (The same
  // answers saved there, at another screen, lose nothing: no word.)
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== sessionKey(rulebook.meta.id)) return;
      const theirs = answersInSaved(event.newValue);
      if (theirs && sameAskedAnswers(rulebook, theirs, actor.getSnapshot().context.answers)) return;
      setNotice({ tone: 'warning', message: (t) => t('wizard.otherTab') });
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [actor, rulebook]);

  // "Start again" goes back through the history to the visit's first entry, the intro (see restart).
  const restarting = useRef(false);
  const finishRestart = () => {
    if (!restarting.current) return;
    restarting.current = false;
    actor.send({ type: 'assessment.restart' });
  };
  useScreenHistory(historyKey(position, returnTo), ({ at, returnTo }) => {
    if (restarting.current) finishRestart();
    else actor.send({ type: 'history.go', at, returnTo });
    const now = actor.getSnapshot();
    return historyKey(positionOf(now.value), now.context.returnTo);
  });

  // Each new screen: focus its heading so keyboard and screen-reader users start there.
  const heading = useRef<HTMLHeadingElement>(null);
  // The first screen of a page keeps the page's focus; answers just opened (a link, a file, a saved assessment)
  // are a new screen like any other.
  const first = useRef(!(start?.kind === 'shared' || start?.kind === 'imported'));
  // A lazily loaded screen has no heading yet when it is entered: it calls onReady once it has.
  const pendingFocus = useRef(false);
  // The results coming back to the card that sent the user to answer a question put the focus there themselves.
  const toCard = useRef(false);
  // The question to answer or change, from the results or the review: its step opens with the focus on it, and
  // the review, back from it, with the focus on its "change" (the review is long on a phone: the user keeps the place).
  const toQuestion = useRef<string | null>(null);
  const changed = useRef<string | null>(null);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const question = toQuestion.current;
    toQuestion.current = null;
    if (question && key.startsWith('step:') && focusQuestion(question)) return;
    // Gone elsewhere than the step and back to the review: that "change" is no longer where the user was.
    if (key !== 'review' && !key.startsWith('step:')) changed.current = null;
    if (key === 'review' && changed.current) {
      const change = document.querySelector<HTMLElement>(`.review-list [data-question="${changed.current}"]`);
      changed.current = null;
      if (change) {
        change.focus({ preventScroll: true });
        change.scrollIntoView?.({ block: 'center' });
        return;
      }
    }
    if (toCard.current && key === 'results') {
      toCard.current = false;
      return;
    }
    if (heading.current) showHeading(heading.current);
    else pendingFocus.current = true;
  }, [key]);
  /** The clause whose card sent the user to answer a question: the results come back to it. */
  const [answeredFrom, setAnsweredFrom] = useState<number | null>(null);
  // A page opened over the results (the policy text, the printable report) closes a "start again?" left open.
  const closeRestart = useRef<(() => void) | null>(null);
  const onResultsPage = useCallback(() => {
    closeRestart.current?.();
    onScreenChange?.();
  }, [onScreenChange]);
  const screenSeen = useRef(key);
  useEffect(() => {
    if (screenSeen.current === key) return;
    screenSeen.current = key;
    onScreenChange?.();
    // A notice about one screen goes once another is shown: Back to that screen does not bring it back. So does
    // news of how the visit began (answers restored, a file imported, a link opened); a warning stays until dismissed.
    setNotice((n) => (n && ((n.onlyAt && n.onlyAt !== key) || n.tone === 'info') ? null : n));
  }, [key, onScreenChange]);
  // A file refused: news of the one imported before ("file imported") would read as if this one had been.
  const dropNews = () => setNotice((n) => (n?.tone === 'info' ? null : n));
  const screenReady = () => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    if (heading.current) showHeading(heading.current);
  };
  // The review screen loads while the steps are answered, so that it is there when they are done.
  const onStep = position.at === 'step';
  useEffect(() => {
    if (onStep) void import('./review');
  }, [onStep]);

  // How many clauses the answers so far decide: shown once the measures and the engine have loaded (they follow the first screen).
  const whole = useFullRulebookWhenLoaded(rulebook);
  const engine = useEngine();
  const decided = useMemo(() => (whole && engine ? engine.assess(whole, answers).clauses.filter((c) => c.verdict !== 'possible').length : null), [whole, engine, answers]);

  /**
   * The screens of the interview cleared are behind in the tab's history: "start again" goes back to the visit's
   * first entry, the intro, so that Back from there leaves as on a first visit instead of walking through the
   * empty steps. The answers are cleared when it is there.
   */
  const restart = () => {
    entryRef.current = null;
    setEntry(null);
    clearSession(rulebook);
    setNotice(null);
    const behind = entriesBehind();
    restarting.current = true;
    if (behind === 0) finishRestart();
    else {
      window.addEventListener('popstate', finishRestart, { once: true });
      window.history.go(-behind);
    }
  };

  /** The answers are kept as this workspace entry now (saved, updated): "update" is about it from now on. */
  const keepEntry = (next: WorkspaceEntryRef) => {
    entryRef.current = next;
    setEntry(next);
    const snapshot = actor.getSnapshot();
    saveSession(rulebook, snapshot.context.answers, positionOf(snapshot.value), snapshot.context.returnTo, next);
  };

  let screen: React.ReactNode;
  if (position.at === 'intro') {
    const hasAnswers = Object.keys(answers).length > 0;
    screen = (
      <>
        <h1 ref={heading} tabIndex={-1} id="screen-heading">
          {localize(rulebook.meta.title, lang)}
        </h1>
        <p className="muted">{t('app.issuedBy', { issuer: localize(rulebook.meta.issuer, lang), date: formatDate(rulebook.meta.issued, lang) })}</p>
        <p>{t('wizard.intro', { count: rulebook.outline.clauses.length })}</p>
        <p className="muted">{t('wizard.introPrivacy')}</p>
        <button type="button" className="button" data-action="start" onClick={() => actor.send({ type: 'wizard.start' })}>
          {hasAnswers ? t('wizard.resume') : t('wizard.start')}
        </button>
        {onImported && <ImportControl rulebooks={rulebooks} onImported={onImported} onFailed={dropNews} />}
      </>
    );
  } else if (position.at === 'step') {
    const step = stepById(rulebook, position.step)!;
    const progress = stepProgress(rulebook, step.id, answers);
    screen = (
      <>
        <p className="progress" aria-live="polite">
          <span>{t('wizard.stepOf', progress)}</span>
          <span className="progress-decided">{decided !== null && t('wizard.decided', { decided, total: rulebook.outline.clauses.length })}</span>
        </p>
        <progress className="progress-bar" max={progress.total} value={progress.index} aria-hidden="true" />
        <h1 ref={heading} tabIndex={-1} id="screen-heading">
          {localize(step.title, lang)}
        </h1>
        <StepForm
          key={step.id}
          rulebook={rulebook}
          step={step}
          answers={answers}
          returning={returnTo !== null}
          onChange={(update) => actor.send({ type: 'answer.change', answers: update })}
          onSubmit={(update) => actor.send({ type: 'answer.submit', answers: update })}
          onBack={() => actor.send({ type: 'step.back' })}
        />
      </>
    );
  } else if (position.at === 'review') {
    screen = (
      <LazyScreen>
        <ReviewScreen
          headingRef={heading}
          onReady={screenReady}
          rulebook={rulebook}
          answers={answers}
          onEdit={(step, question) => {
            toQuestion.current = question;
            changed.current = question;
            actor.send({ type: 'review.edit', step });
          }}
          onBack={() => actor.send({ type: 'step.back' })}
          onConfirm={() => actor.send({ type: 'review.confirm' })}
        />
      </LazyScreen>
    );
  } else {
    screen = (
      <LazyScreen>
        <ResultsScreen
          headingRef={heading}
          onReady={screenReady}
          rulebook={rulebook}
          answers={asked}
          onAnswer={(step, clause, question) => {
            setAnsweredFrom(clause);
            toCard.current = true;
            toQuestion.current = question;
            actor.send({ type: 'review.edit', step, returnTo: 'results' });
          }}
          returnToClause={answeredFrom}
          onReturned={() => setAnsweredFrom(null)}
          onReview={() => actor.send({ type: 'results.review' })}
          onPageChange={onResultsPage}
          rulebooks={rulebooks}
          onImported={onImported}
          onImportFailed={dropNews}
          workspaceEntry={entry}
          onSavedToWorkspace={keepEntry}
        />
      </LazyScreen>
    );
  }

  return (
    <div className="wizard" data-screen={key}>
      {notice && (!notice.onlyAt || notice.onlyAt === key) && (
        <div className={`notice ${notice.tone === 'warning' ? 'warning' : ''}`} role="status">
          <div>
            <p>{notice.message(t, lang)}</p>
            {notice.shareError && <ShareProblems error={notice.shareError} />}
            {notice.changes && notice.changes.length > 0 && (
              <Suspense fallback={null}>
                <ChangesTable changes={notice.changes} />
              </Suspense>
            )}
          </div>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setNotice(null);
              // The button goes with the notice: the focus goes to the heading on screen (the screen's, or that of
              // the report opened from the results), not to the page; on the policy text, back to the passage quoted,
              // in view, as when the text opened (not to its heading, the whole policy above the quote).
              const visible = (e: HTMLElement) => e.getClientRects().length > 0;
              const passage = [...document.querySelectorAll<HTMLElement>('main .quoted-passage')].find(visible);
              if (passage) {
                passage.focus({ preventScroll: true });
                passage.querySelector('mark')?.scrollIntoView?.({ block: 'center' });
                return;
              }
              const shown = [...document.querySelectorAll<HTMLElement>('main h1[tabindex]')].find(visible);
              (shown ?? heading.current)?.focus();
            }}
            aria-label={t('punct.dismiss')}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {screen}
      {/* One per screen: a question left open goes with its screen (Back, Forward, another step). */}
      {position.at !== 'intro' && <RestartControl key={key} onRestart={restart} closeRef={closeRestart} />}
    </div>
  );
}

function withoutUndefined(answers: StepAnswers): Answers {
  const out: Answers = {};
  for (const [k, v] of Object.entries(answers)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * A new screen's heading takes the focus, in view with a step's progress line above it: the steps share one
 * heading element, which may have the focus already (focus() then does not scroll), scrolled out of view on the
 * step before (or just the line above it: the heading at the window's top edge, where the step was scrolled to).
 */
function showHeading(heading: HTMLElement) {
  heading.focus();
  const progress = heading.parentElement?.querySelector('.progress');
  const top = Math.min(heading.getBoundingClientRect().top, progress?.getBoundingClientRect().top ?? Infinity);
  // Centred as the browser's own focus scrolling does: near the top of the page, that is the page's top.
  if (top < 0 || heading.getBoundingClientRect().bottom > window.innerHeight) heading.scrollIntoView?.({ block: 'center' });
}

/** "Start again", after confirmation. */
function RestartControl({ onRestart, closeRef }: { onRestart: () => void; closeRef: React.RefObject<(() => void) | null> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const restartRef = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  /** "No" was answered from the question itself, whose buttons go: the focus goes back to the button that asked. */
  const focusBack = useRef(true);
  useEffect(() => {
    closeRef.current = () => {
      focusBack.current = false;
      setAsking(false);
    };
  }, [closeRef]);
  useEffect(() => {
    // Asked: the focus on "cancel", as in any question whose "yes" cannot be undone (Enter twice must not clear
    // the answers). The question's buttons go with it: the focus goes to the one that asked it again, after "no".
    if (asking) cancelRef.current?.focus();
    else if (asked.current && focusBack.current) restartRef.current?.focus();
    asked.current = asking;
  }, [asking]);
  useEffect(() => {
    if (!asking) return;
    // Escape answers "no" wherever the focus is (the question is not modal: the rest of the page stays usable);
    // from elsewhere on the page, the focus and the scroll stay where they are.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      focusBack.current = questionRef.current?.contains(document.activeElement) ?? false;
      setAsking(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [asking]);
  if (!asking)
    return (
      <div className="restart">
        <button
          ref={restartRef}
          type="button"
          className="link-button"
          onClick={() => {
            focusBack.current = true;
            setAsking(true);
          }}
        >
          {t('wizard.restart')}
        </button>
      </div>
    );
  return (
    <div ref={questionRef} className="restart confirm" role="alertdialog" aria-labelledby="restart-question">
      <p id="restart-question">{t('wizard.restartConfirm')}</p>
      <button type="button" className="button danger" onClick={onRestart}>
        {t('wizard.restartYes')}
      </button>{' '}
      <button ref={cancelRef} type="button" className="button secondary" onClick={() => setAsking(false)}>
        {t('wizard.restartNo')}
      </button>
    </div>
  );
}
