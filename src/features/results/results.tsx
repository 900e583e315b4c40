/**
 * The results page, rendered from assess() output only: clauses grouped by verdict, near misses first
 * among those that do not apply, and the policy's own words one click away.
 */
import { lazy, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from '@/i18n/react';
import type { Assessment, ClauseResult } from '@/engine';
import { localize } from '@/i18n';
import { formatDate } from '@/i18n/format';
import { respondentNameOf } from '@/report/model';
import { clauseLabel } from '@/rulebook/source';
import { useLanguage } from '@/app/language';
import type { Answers, CompiledRulebook, InterviewRulebook, Verdict } from '@/rulebook/schema';
import { assess } from '@/engine/assess';
import { useFullRulebook, useFullRulebooks } from '@/rulebook/full';
import { ClauseCard } from './clause-card';
import { OpenItems } from './open-items';
import { SourceView } from './source-view';
import { ExportPanel } from '@/features/report/export-panel';
import { SaveToWorkspaceButton } from '@/features/workspace/save-button';
import { ImportControl } from '@/features/report/import-control';
import type { ImportedAssessment, WorkspaceEntryRef } from '@/report/export-file';
import '@/report/messages';
import { LazyScreen } from '@/app/lazy-screen';
import '@/features/results/messages';
import { historyState, isAbandoned, isAppEntry, PAGE, pushEntry, READING, stateOf } from '@/features/wizard/screen-history';
import './results.css';

const PrintableReport = lazy(() => import('@/features/report/printable-report').then((m) => ({ default: m.PrintableReport })));

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Called once the page is on screen (it loads lazily, after the screen change), e.g. to move focus to its heading. */
  onReady: () => void;
  rulebook: CompiledRulebook;
  assessment: Assessment;
  answers: Answers;
  onAnswer: (step: string, clause: number, question: string) => void;
  /**
   * The clause whose card sent the user to answer a question: on coming back, the focus goes to its card (open,
   * in view) rather than to the top of a long page; `onReturned` says it has, so that it happens once.
   */
  returnToClause?: number | null;
  onReturned?: () => void;
  onReview: () => void;
  rulebooks: CompiledRulebook[];
  onImported?: (imported: ImportedAssessment) => void;
  /** A file given to the results' import was refused. */
  onImportFailed?: () => void;
  /** The policy text or the printable report opened or closed (what was shown above the results may go). */
  onPageChange?: () => void;
  /** The workspace entry the answers were opened from (or last saved as), to update; null: none. */
  workspaceEntry?: WorkspaceEntryRef | null;
  onSavedToWorkspace?: (entry: WorkspaceEntryRef) => void;
};

/** The results need the whole rulebooks (measures and source text): suspends until these have loaded. */
export function WholeResults({ rulebook, rulebooks, answers, ...rest }: Omit<Props, 'rulebook' | 'rulebooks' | 'assessment'> & { rulebook: InterviewRulebook; rulebooks: InterviewRulebook[] }) {
  const whole = useFullRulebook(rulebook);
  const wholeList = useFullRulebooks(rulebooks);
  const assessment = useMemo(() => assess(whole, answers), [whole, answers]);
  return <ResultsScreen {...rest} rulebook={whole} rulebooks={wholeList} answers={answers} assessment={assessment} />;
}

/** Opens the folded sections an element is in, so that it can take the focus. */
function openSectionsAround(element: Element): void {
  for (let section = element.closest('details'); section; section = section.parentElement?.closest('details') ?? null) section.open = true;
}

const GROUPS: Verdict[] = ['applies', 'possible', 'does_not_apply', 'for_information'];

type Reading = { quote: string; from: string };

/** The policy text's place, as a history entry holds it (another script may have left anything there). */
function readingOf(held: unknown): Reading | null {
  if (held === null || typeof held !== 'object') return null;
  const { quote, from } = held as Record<string, unknown>;
  return typeof quote === 'string' && typeof from === 'string' ? { quote, from } : null;
}

function sameReading(held: unknown, reading: Reading): boolean {
  const r = readingOf(held);
  return r !== null && r.quote === reading.quote && r.from === reading.from;
}

export function ResultsScreen({ headingRef, onReady, rulebook, assessment, answers, onAnswer, onReview, rulebooks, onImported, onImportFailed, onPageChange, returnToClause, onReturned, workspaceEntry, onSavedToWorkspace }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  // The page the history entry shows, when the results open on one (a reload there, or the history menu).
  const [reading, setReading] = useState<Reading | null>(() => (historyState()[PAGE] === 'source' ? readingOf(historyState()[READING]) : null));
  const [printing, setPrinting] = useState(() => historyState()[PAGE] === 'print');
  /** To the exports after the clauses: their heading takes the focus, which brings it into view. */
  const goToExports = () => document.getElementById('export-heading')?.focus();
  const returnFocus = useRef<string | null>(null);

  // In the commit that shows it (a layout effect), so the focus moves in the same frame.
  useLayoutEffect(() => {
    onReady();
    const card = returnToClause ? document.getElementById(`clause-${returnToClause}`) : null;
    if (card) {
      openSectionsAround(card);
      card.focus();
      card.scrollIntoView?.({ block: 'center' });
      onReturned?.();
    }
    // Only when the page first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (reading === null && !printing && returnFocus.current) {
      const target = document.getElementById(returnFocus.current);
      // After a reload on the page, the results beneath it were drawn anew, with their sections closed: the one
      // the page was opened from opens again, so that the focus can go back to its button.
      if (target) openSectionsAround(target);
      target?.focus();
      returnFocus.current = null;
    }
  }, [reading, printing]);

  // The policy text and the printable report are pages of their own, which the browser's Back button closes
  // and Forward opens again (the history as in src/features/wizard/screen-history.ts; the entry holds what the
  // page shows). The results stay beneath them, hidden, so that their open sections and the place read are as
  // they were.
  const page = reading ? 'source' : printing ? 'print' : null;
  const from = useRef<string | null>(null);
  const pageSeen = useRef(page);
  useEffect(() => {
    if (pageSeen.current === page) return;
    pageSeen.current = page;
    onPageChange?.();
  }, [page, onPageChange]);
  useEffect(() => {
    from.current = reading ? reading.from : printing ? 'print-report' : null;
    const state = historyState();
    if (page && (state[PAGE] !== page || (reading && !sameReading(state[READING], reading)))) {
      const entry = { ...state, [PAGE]: page, [READING]: reading ?? undefined };
      if (state[PAGE] === page) window.history.replaceState(entry, '');
      else pushEntry(entry);
    }
  }, [page, reading, printing]);
  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const state = stateOf(event);
      // A pasted link's entry (its own, or one the app has left): nothing to open or close here.
      if (isAbandoned(state) || !isAppEntry(state)) return;
      if (state[PAGE] === 'print' || state[PAGE] === 'source') {
        // Forward to a page closed since: open it again, where it was.
        const again = state[PAGE] === 'source' ? readingOf(state[READING]) : null;
        if (state[PAGE] === 'print' || again) {
          setReading(again);
          setPrinting(state[PAGE] === 'print');
        } else window.history.replaceState({ ...state, [PAGE]: undefined }, '');
        return;
      }
      if (from.current === null) return;
      returnFocus.current = from.current;
      setReading(null);
      setPrinting(false);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  /** The page's own "back": as the browser's, when the page has its history entry. */
  const closePage = (focus: string) => {
    if (historyState()[PAGE] !== undefined) {
      window.history.back();
      return;
    }
    returnFocus.current = focus;
    setReading(null);
    setPrinting(false);
  };

  const pages = (
    <>
      {printing && (
        <LazyScreen>
          <PrintableReport rulebook={rulebook} assessment={assessment} answers={answers} date={new Date().toISOString().slice(0, 10)} onClose={() => closePage('print-report')} />
        </LazyScreen>
      )}
      {reading && <SourceView rulebook={rulebook} quote={reading.quote} onClose={() => closePage(reading.from)} />}
    </>
  );

  // Printed from the browser's menu (not the printable report): each item shown prints with its next steps,
  // departments and the policy's words, folded away on screen; folded again once printed.
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let unfolded: HTMLDetailsElement[] = [];
    const beforePrint = () => {
      unfolded = [...(shown.current?.querySelectorAll<HTMLDetailsElement>('details.item-more:not([open])') ?? [])];
      for (const details of unfolded) details.open = true;
    };
    const afterPrint = () => {
      for (const details of unfolded) details.open = false;
      unfolded = [];
    };
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, []);

  const group = (verdict: Verdict): ClauseResult[] => {
    const clauses = assessment.clauses.filter((c) => c.verdict === verdict);
    // Near misses first: "would apply if …" is the most useful of what does not apply.
    return verdict === 'does_not_apply' ? [...clauses].sort((a, b) => Number(b.nearMiss) - Number(a.nearMiss) || a.clause - b.clause) : clauses;
  };

  return (
    <>
      {pages}
      <div hidden={page !== null} ref={shown}>
        <h1 ref={headingRef} tabIndex={-1} id="screen-heading">
          {t('results.title')}
        </h1>
        {/* Which policy: with several, a shared link's results would not say. */}
        <p>{t('results.intro', { policy: localize(rulebook.meta.title, lang) })}</p>
        {/* Printed from the browser's menu (a phone's share → print): whose assessment, and when, as the printable report says. */}
        <p className="print-only">
          <span>
            {t('report.respondent')}
            {t('punct.colon')}
            {respondentNameOf(rulebook, answers) ?? t('report.anonymous')}
          </span>{' '}
          <span>
            {t('report.date')}
            {t('punct.colon')}
            {formatDate(new Date().toISOString().slice(0, 10), lang)}
          </span>
        </p>
        <p className="counts">{t('report.counts', assessment.counts)}</p>
        <OpenItems rulebook={rulebook} assessment={assessment} onAnswer={onAnswer} />
        {assessment.scopeNotice && (
          <div className="notice warning" role="note">
            <strong>{t('results.scopeTitle')}</strong>
            <p>{localize(assessment.scopeNotice, lang)}</p>
          </div>
        )}
        <div className="actions top-actions">
          <button type="button" className="button secondary" onClick={onReview}>
            {t('results.reviewAnswers')}
          </button>
          <button type="button" id="print-report" className="button secondary" onClick={() => setPrinting(true)}>
            {t('results.print')}
          </button>
          {/* The exports, the share link and "save to the workspace" come after every clause: on a phone, pages below. */}
          <button type="button" className="button secondary" onClick={goToExports}>
            {t('results.toExport')} <span aria-hidden="true">↓</span>
          </button>
        </div>
        {GROUPS.map((verdict) => {
          const clauses = group(verdict);
          const collapsed = verdict === 'does_not_apply' || verdict === 'for_information';
          const cards = clauses.map((c) => (
            <ClauseCard key={c.id} clause={c} rulebook={rulebook} answers={answers} onAnswer={onAnswer} onRead={(quote, from) => setReading({ quote, from })} />
          ));
          const title = (
            <>
              {t(`results.groups.${verdict}`)} <span className="group-count">{t('punct.paren', { text: t('results.groupCount', { count: clauses.length }) })}</span>
            </>
          );
          return (
            <section key={verdict} className={`result-group verdict-${verdict}${clauses.length ? '' : ' empty'}`} aria-labelledby={`group-${verdict}`}>
              {collapsed ? (
                <>
                <details>
                  <summary>
                    <h2 id={`group-${verdict}`} className="summary-heading">
                      {title}
                    </h2>
                  </summary>
                  {cards.length ? cards : <p className="muted">{t('results.noneInGroup')}</p>}
                </details>
                {/* Printed from the browser's menu while folded: the clauses by name, not a heading with nothing under it. */}
                {clauses.length > 0 && (
                  <div className="folded-print">
                    <ul>
                      {clauses.map((c) => (
                        <li key={c.id}>
                          {clauseLabel(c.clause, lang)} {localize(c.title, lang)}
                        </li>
                      ))}
                    </ul>
                    <p className="muted small">{t('results.foldedInPrint')}</p>
                  </div>
                )}
                </>
              ) : (
                <>
                  <h2 id={`group-${verdict}`}>{title}</h2>
                  {cards.length ? cards : <p className="muted">{t('results.noneInGroup')}</p>}
                </>
              )}
            </section>
          );
        })}
        <ExportPanel rulebook={rulebook} assessment={assessment} answers={answers} />
        <SaveToWorkspaceButton rulebook={rulebook} answers={answers} entry={workspaceEntry} onSaved={onSavedToWorkspace} />
        {onImported && <ImportControl rulebooks={rulebooks} onImported={onImported} onFailed={onImportFailed} />}
        <aside className="disclaimer" aria-label={t('results.disclaimer')}>
          <p>
            <strong>{t('results.disclaimer')}</strong>
            {t('punct.colon')}
            {localize(rulebook.meta.disclaimer, lang)}
          </p>
          <p className="muted">
            {assessment.rulebook.id} v{assessment.rulebook.version} · {assessment.rulebook.hash.slice(0, 12)}
          </p>
        </aside>
      </div>
    </>
  );
}
