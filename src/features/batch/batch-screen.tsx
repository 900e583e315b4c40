/**
 * The batch screen (issue 6, associations): template and example downloads (CSV or Excel), a members file
 * (CSV or .xlsx) read and validated in a Web Worker with progress and cancel, every problem by row and
 * column, then the member × clause matrix, a bar chart of how many members each clause applies to, and the
 * exports. A bad file changes nothing: the previous result and the workspace stay as they were. A cancelled
 * run keeps the members assessed so far, labelled as such, and can be run again.
 */
import type { BatchKeeper as Keeper } from './keeper';
import { memo, startTransition, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { FileField } from '@/shared/ui/file-field';
import { shortened } from '@/shared/text';
import { useTranslation } from '@/i18n/react';
import { useLanguage } from '@/app/language';
import { BROWSER_MAX_BYTES, batchExample, batchTemplate, describeIssue, describeProblem, isEncodingChoice, matrixClauses, matrixCsv, type BatchFormat, type BatchIssue, type BatchMatrix, type DetectedEncoding, type EncodingChoice, type FileProblem, type MatrixRow } from '@/batch';
import { LANGUAGES, localize, translator, type TFunction } from '@/i18n';
import { downloadFile, downloadText } from '@/features/report/download';
import type { CompiledRulebook } from '@/rulebook/schema';
import { addMissing, answersKey, savedAssessment, WorkspaceError } from '@/features/workspace/store';
import { useWorkspaceStore } from '@/features/workspace/store-context';
import type { BatchMemberRef } from './run';
import { prepareBatchWorker, startBatch, type BatchJob, type RunnerEvent } from './runner';
import { MatrixView } from './matrix-view';
import { BarChart } from './bar-chart';
// Registers the batch messages (t('batch.…')).
import './messages';
// Registers the workspace messages (t('workspace.…')).
import '@/features/workspace/messages';
import './batch.css';
import { ScrollRegion } from '@/shared/ui/scroll-region';
import '@/shared/ui/tables.css';

type Props = {
  rulebooks: CompiledRulebook[];
  /** The policy whose template is offered first. */
  rulebook?: CompiledRulebook;
  /** false: run on the main thread even where Worker exists (tests). */
  useWorker?: boolean;
  /**
   * Where the results on screen are kept while the screen is not shown (another view): back at it, they are there
   * again. (Leaving stops a run under way; the results shown before it stay.)
   */
  keeper?: BatchKeeper;
};

/** The results a batch screen showed when it was left (see Props.keeper). */
export type KeptBatch = Result;
export type BatchKeeper = Keeper<KeptBatch>;

/** What the file turned out to be. */
type Parsed = {
  rulebook: CompiledRulebook;
  format: BatchFormat;
  encoding: DetectedEncoding;
  sheet?: string;
  issues: BatchIssue[];
  counts: { valid: number; invalid: number; warnings: number };
  /** The members assessed (so far). */
  members: BatchMemberRef[];
};

/**
 * The results on screen: one run's matrix, kept until a later run has results of its own (a bad file, a crash or
 * a cancel before the first member leaves them as they were). `id` tells one run's results from the next.
 * `cancelled`: stopped after `done` of `total` valid members; the matrix holds those.
 */
type Result = { id: number; fileName: string; parsed: Parsed; matrix: BatchMatrix; cancelled?: { done: number; total: number } };

type Run =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string }
  | { phase: 'assessing'; fileName: string; parsed: Parsed; done: number; total: number }
  /** The results on screen are this run's. */
  | { phase: 'done' }
  | { phase: 'failed'; fileName: string; problem: FileProblem }
  /** The file was read, but every member row has an error: nothing to assess. */
  | { phase: 'noneValid'; fileName: string; parsed: Parsed }
  | { phase: 'crashed'; fileName: string; detail: string }
  | { phase: 'cancelled' };

const ISSUES_SHOWN = 200;
const today = () => new Date().toISOString().slice(0, 10);

function batchMatrix(rulebook: CompiledRulebook, rows: MatrixRow[]): BatchMatrix {
  return { rulebook: { id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash, title: rulebook.meta.title }, clauses: matrixClauses(rulebook), rows };
}

export function BatchScreen({ rulebooks, rulebook: initial, useWorker = true, keeper }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [templateRulebook, setTemplateRulebook] = useState<CompiledRulebook>(initial ?? rulebooks[0]!);
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(() => keeper?.kept() ?? null);
  const [run, setRun] = useState<Run>(() => (keeper?.kept() ? { phase: 'done' } : { phase: 'idle' }));
  useEffect(() => keeper?.keep(result), [keeper, result]);
  /** A run that leaving the screen stopped: back at it, the screen says so (until the next run). */
  const [stoppedRun, setStoppedRun] = useState(() => keeper?.stoppedRun() ?? null);
  useEffect(() => keeper?.stopped(null), [keeper]);
  // A reload or a closed tab would stop a run under way without a word: the browser asks first.
  const underWay = run.phase === 'reading' || run.phase === 'assessing';
  useEffect(() => {
    if (!underWay) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [underWay]);
  const results = useRef(0);
  const job = useRef<BatchJob | null>(null);
  /** Counts the runs started and cancelled: a run whose number is no longer this one has been overtaken and does nothing more. */
  const attempt = useRef(0);
  const rows = useRef<MatrixRow[]>([]);
  /** The run's file, once read: what a cancel keeps. */
  const current = useRef<{ fileName: string; parsed: Parsed; total: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  /** The message saying why a run failed. */
  const failure = useRef<HTMLDivElement>(null);

  useEffect(() => heading.current?.focus(), []);
  // The worker's code loads while the user picks a file.
  useEffect(() => (useWorker ? prepareBatchWorker() : undefined), [useWorker]);
  // Leaving the screen stops a run, also one still reading its file (and says so when the user comes back).
  const runningFile = useRef<string | null>(null);
  useEffect(() => {
    runningFile.current = run.phase === 'reading' || run.phase === 'assessing' ? run.fileName : null;
  }, [run]);
  useEffect(() => {
    const running = runningFile;
    return () => {
      attempt.current += 1;
      job.current?.cancel();
      if (running.current) keeper?.stopped(running.current);
    };
  }, [keeper]);

  /** A run's results replace those on screen (rendered as a transition: React yields to the browser while it builds the matrix and chart). */
  const showResult = (next: Omit<Result, 'id'>) => {
    const shown = { ...next, id: (results.current += 1) };
    startTransition(() => {
      setResult(shown);
      setRun({ phase: 'done' });
    });
  };

  const start = async (chosen: File, choice: EncodingChoice) => {
    job.current?.cancel();
    job.current = null;
    const mine = (attempt.current += 1);
    /** This run has not been cancelled or replaced by another. */
    const live = () => attempt.current === mine;
    const fileName = chosen.name;
    // Refuse a file too large for the browser before reading it into memory.
    if (chosen.size > BROWSER_MAX_BYTES) {
      const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
      setRun({ phase: 'failed', fileName, problem: { code: 'tooLarge', params: { size: mb(chosen.size), limit: mb(BROWSER_MAX_BYTES) } } });
      return;
    }
    setRun({ phase: 'reading', fileName });
    setStoppedRun(null);
    rows.current = [];
    current.current = null;
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(chosen);
    } catch {
      // The browser's reason is in its own words, often English: the message says what to do in the page's language.
      if (live()) setRun({ phase: 'failed', fileName, problem: { code: 'unreadableChosen', params: { file: fileName } } });
      return;
    }
    // Cancelled (or another file chosen) while the file was read: nothing more happens.
    if (!live()) return;
    let parsed: Parsed | null = null;
    const onEvent = (event: RunnerEvent) => {
      if (!live()) return;
      switch (event.type) {
        case 'failed':
          setRun({ phase: 'failed', fileName, problem: event.problem });
          break;
        case 'crashed':
          setRun({ phase: 'crashed', fileName, detail: event.detail });
          break;
        case 'parsed': {
          const rulebook = rulebooks.find((r) => r.meta.id === event.rulebookId)!;
          parsed = { rulebook, format: event.format, encoding: event.encoding, sheet: event.sheet, issues: event.issues, counts: event.counts, members: [] };
          if (event.total === 0) {
            // No chart or matrix of nobody: the problems say what to correct. The run ends here.
            attempt.current += 1;
            job.current?.cancel();
            job.current = null;
            setRun({ phase: 'noneValid', fileName, parsed });
            break;
          }
          current.current = { fileName, parsed, total: event.total };
          setRun({ phase: 'assessing', fileName, parsed, done: 0, total: event.total });
          break;
        }
        case 'rows':
          for (const row of event.rows) rows.current.push(row);
          for (const member of event.members) parsed!.members.push(member);
          setRun({ phase: 'assessing', fileName, parsed: parsed!, done: event.done, total: event.total });
          break;
        case 'done':
          showResult({ fileName, parsed: parsed!, matrix: batchMatrix(parsed!.rulebook, rows.current) });
          job.current = null;
          break;
      }
    };
    job.current = startBatch({ bytes, encoding: choice, rulebooks, prefer: templateRulebook.meta.id }, onEvent, { worker: useWorker });
  };

  /** Stop the run; the members assessed so far stay on screen (matrix, chart, exports), labelled as a part. */
  const cancel = () => {
    attempt.current += 1;
    job.current?.cancel();
    job.current = null;
    const assessed = rows.current;
    const partial = current.current;
    rows.current = [];
    current.current = null;
    if (partial && assessed.length > 0) {
      showResult({ fileName: partial.fileName, parsed: partial.parsed, matrix: batchMatrix(partial.parsed.rulebook, assessed), cancelled: { done: assessed.length, total: partial.total } });
      return;
    }
    setRun({ phase: 'cancelled' });
    requestAnimationFrame(() => document.getElementById('batch-file')?.focus());
  };

  const running = run.phase === 'reading' || run.phase === 'assessing';
  const cancelledAfter = run.phase === 'done' ? result?.cancelled : undefined;
  useEffect(() => {
    if (run.phase === 'reading') cancelButton.current?.focus();
  }, [run.phase]);
  // A run that fails removes its cancel button (or leaves the file field): focus moves to what went wrong, so
  // that keyboard and screen-reader users land on it rather than on the page body. Each failure is a new `run`.
  useEffect(() => {
    if (run.phase === 'failed' || run.phase === 'crashed' || run.phase === 'noneValid') failure.current?.focus();
  }, [run]);
  // A run that ends removes its cancel button, which had the focus: it moves to the results (all of them, or the
  // part assessed before a cancel).
  const lastPhase = useRef(run.phase);
  useEffect(() => {
    const was = lastPhase.current;
    lastPhase.current = run.phase;
    if (run.phase === 'done' && (was === 'reading' || was === 'assessing')) resultsHeading.current?.focus();
  }, [run.phase]);

  const download = (kind: 'template' | 'example') => {
    const text = kind === 'template' ? batchTemplate(templateRulebook, lang) : batchExample(templateRulebook, { lang });
    downloadText(`policy-self-check_${templateRulebook.meta.id}_${kind}.csv`, text, 'text/csv;charset=utf-8');
  };

  /** The same files as an Excel workbook (the writer loads on demand). */
  const downloadWorkbook = async (kind: 'template' | 'example') => {
    const { batchWorkbook, XLSX_TYPE } = await import('@/batch/xlsx-write');
    downloadFile(`policy-self-check_${templateRulebook.meta.id}_${kind}.xlsx`, batchWorkbook(templateRulebook, lang, kind), XLSX_TYPE);
  };

  /** The file whose counts and problems are shown: the one being assessed, or the one whose results are on screen. */
  const parsed = run.phase === 'assessing' ? run.parsed : run.phase === 'done' ? (result?.parsed ?? null) : null;

  return (
    <div className="batch">
      <h1 ref={heading} tabIndex={-1} id="batch-heading">
        {t('batch.ui.title')}
      </h1>
      <p>{t('batch.ui.intro')}</p>

      <section className="card" aria-labelledby="batch-template-heading">
        <h2 id="batch-template-heading">{t('batch.ui.templateTitle')}</h2>
        {rulebooks.length > 1 && (
          <p>
            <label htmlFor="batch-policy" className="question-label">
              {t('batch.ui.policy')}
            </label>
            <select id="batch-policy" value={templateRulebook.meta.id} onChange={(e) => setTemplateRulebook(rulebooks.find((r) => r.meta.id === e.currentTarget.value)!)}>
              {rulebooks.map((r) => (
                <option key={r.meta.id} value={r.meta.id}>
                  {localize(r.meta.title, lang)}
                </option>
              ))}
            </select>
          </p>
        )}
        <p className="help">{t('batch.ui.templateHelp')}</p>
        <div className="button-row">
          <button type="button" className="button secondary" onClick={() => download('template')}>
            {t('batch.ui.downloadTemplate')}
          </button>
          <button type="button" className="button secondary" onClick={() => void downloadWorkbook('template')}>
            {t('batch.ui.downloadTemplateXlsx')}
          </button>
          <button type="button" className="button secondary" onClick={() => download('example')}>
            {t('batch.ui.downloadExample')}
          </button>
          <button type="button" className="button secondary" onClick={() => void downloadWorkbook('example')}>
            {t('batch.ui.downloadExampleXlsx')}
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby="batch-import-heading">
        <h2 id="batch-import-heading">{t('batch.ui.importTitle')}</h2>
        <div className="batch-file-row">
          <div>
            <FileField
              id="batch-file"
              label={t('batch.ui.fileLabel')}
              help={t('batch.ui.fileHelp')}
              accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={running}
              onFile={(chosen) => {
                setFile(chosen);
                void start(chosen, encoding);
              }}
            />
          </div>
          <div>
            <label htmlFor="batch-encoding" className="question-label">
              {t('batch.ui.encodingLabel')}
            </label>
            <select
              id="batch-encoding"
              value={encoding}
              disabled={running}
              onChange={(e) => {
                const choice = e.currentTarget.value;
                if (!isEncodingChoice(choice)) return;
                setEncoding(choice);
                // Read the same file again the way the user says it is encoded.
                if (file) void start(file, choice);
              }}
            >
              <option value="auto">{t('batch.ui.encodingAuto')}</option>
              <option value="utf-8">{t('batch.encoding.utf-8')}</option>
              <option value="gbk">{t('batch.encoding.gbk')}</option>
            </select>
          </div>
        </div>

        {running && (
          <div className="batch-progress">
            <p id="batch-progress-label">{run.phase === 'reading' ? t('batch.ui.reading', { name: run.fileName }) : t('batch.ui.progressText', { done: run.done, total: run.total })}</p>
            {run.phase === 'reading' ? <progress aria-labelledby="batch-progress-label" /> : <progress aria-labelledby="batch-progress-label" max={Math.max(run.total, 1)} value={run.done} />}
            <button ref={cancelButton} type="button" className="button secondary" onClick={cancel}>
              {t('batch.ui.cancel')}
            </button>
          </div>
        )}
        <div aria-live="polite" className="visually-hidden">
          {run.phase === 'assessing' && run.total > 0 ? t('batch.ui.progressAnnounce', { pct: Math.floor((run.done / run.total) * 10) * 10 }) : ''}
        </div>
        <div role="status">
          {run.phase === 'cancelled' && <p className="notice">{t('batch.ui.cancelled')}</p>}
          {stoppedRun && <p className="notice warning">{t('batch.ui.stoppedOnLeaving', { file: stoppedRun })}</p>}
          {cancelledAfter && <p className="notice">{t('batch.ui.cancelledAfter', cancelledAfter)}</p>}
        </div>
        {cancelledAfter && file && (
          <div className="button-row">
            <button type="button" className="button" onClick={() => void start(file, encoding)}>
              {t('batch.ui.runAgain')}
            </button>
          </div>
        )}
        {(run.phase === 'failed' || run.phase === 'crashed') && (
          <div ref={failure} tabIndex={-1} className="field-error-block" role="alert">
            <p className="field-error">{t('batch.ui.unusable', { name: run.fileName })}</p>
            <p>{run.phase === 'failed' ? describeProblem(run.problem, lang) : t('batch.ui.crashed', { detail: run.detail })}</p>
          </div>
        )}
        {parsed && (
          <p className="counts" role="status">
            {t(cancelledAfter ? 'batch.ui.summaryCancelled' : 'batch.ui.summary', { valid: parsed.counts.valid, done: cancelledAfter?.done, invalid: parsed.counts.invalid, warnings: parsed.counts.warnings })}{' '}
            {parsed.format === 'xlsx' ? t('batch.ui.sourceXlsx', { sheet: parsed.sheet ?? '' }) : t('batch.ui.sourceCsv', { encoding: t(`batch.encoding.${parsed.encoding}`) })}
          </p>
        )}
        {parsed && parsed.issues.length > 0 && <IssueList issues={parsed.issues} />}
        {run.phase === 'noneValid' && (
          <>
            <div ref={failure} tabIndex={-1} className="field-error-block" role="alert">
              <p className="field-error">{t('batch.ui.unusable', { name: run.fileName })}</p>
              <p>{t('batch.ui.noneValid', { invalid: run.parsed.counts.invalid })}</p>
            </div>
            <IssueList issues={run.parsed.issues} />
          </>
        )}
      </section>

      {result && <Results key={result.id} result={result} previous={run.phase !== 'done'} headingRef={resultsHeading} />}
    </div>
  );
}

/**
 * One run's results: the matrix download, the members to the workspace, the chart and the matrix. `previous`:
 * a later run has not replaced them (it is under way, or its file could not be used), and they say whose they are.
 * Memoized: a run's progress does not render the previous results again.
 */
const Results = memo(function Results({ result, previous, headingRef }: { result: Result; previous: boolean; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const store = useWorkspaceStore();
  /** What adding did, as data: its message is rendered in the language on screen (the language may change after). */
  const [saved, setSaved] = useState<{ state: 'adding' } | { state: 'added'; added: number; existing: number; repeated: number } | { state: 'failed'; unavailable: boolean } | null>(null);
  /** Set from the first click until a failure: these members go to the workspace once, however often the button is pressed. */
  const adding = useRef(false);
  const { parsed, matrix, cancelled } = result;

  const addToWorkspace = async () => {
    if (adding.current) return;
    adding.current = true;
    setSaved({ state: 'adding' });
    try {
      const now = new Date().toISOString();
      // Members already there (the same file run again, say) are not added twice. A member without a name keeps
      // its row, which the workspace shows in its own language; it is saved under the row's name in the language
      // on screen, and found again by its row's name in any language. A name that several rows share with different
      // answers (the import warned of it) gets the row too, so that the workspace's entries can be told apart; rows
      // alike in both are one member written twice.
      const { members } = parsed;
      const keys = members.map((m) => answersKey(m.answers));
      // By name: the first row of each set of answers given under it.
      const rowsByName = new Map<string, Map<string, number>>();
      members.forEach((m, i) => {
        if (!m.name) return;
        const byAnswers = rowsByName.get(m.name) ?? new Map<string, number>();
        if (!byAnswers.has(keys[i]!)) byAnswers.set(keys[i]!, m.row);
        rowsByName.set(m.name, byAnswers);
      });
      const sharedRows = members.map((m, i) => {
        const byAnswers = m.name ? rowsByName.get(m.name)! : undefined;
        return byAnswers && byAnswers.size > 1 ? byAnswers.get(keys[i]!)! : null;
      });
      const counts = await addMissing(
        store,
        members.map((m, i) => {
          const row = sharedRows[i] ?? null;
          if (row !== null) return savedAssessment(parsed.rulebook, m.answers, t('batch.matrix.sharedName', { name: m.name, row }), now);
          if (m.name) return savedAssessment(parsed.rulebook, m.answers, m.name, now);
          return { ...savedAssessment(parsed.rulebook, m.answers, t('batch.matrix.rowName', { row: m.row }), now), unnamedRow: m.row };
        }),
        (_, i) => {
          const m = members[i]!;
          const row = sharedRows[i] ?? null;
          if (row !== null) return LANGUAGES.map((l) => translator(l)('batch.matrix.sharedName', { name: m.name, row }));
          return m.name ? [] : LANGUAGES.map((l) => translator(l)('batch.matrix.rowName', { row: m.row }));
        },
      );
      setSaved({ state: 'added', ...counts });
    } catch (e) {
      adding.current = false;
      setSaved({ state: 'failed', unavailable: e instanceof WorkspaceError && e.code === 'unavailable' });
    }
  };
  // aria-disabled, not disabled: the button keeps the focus and says what happened.
  const addLabel = saved?.state === 'added' ? t('batch.ui.addedButton') : saved?.state === 'adding' ? t('batch.ui.adding') : t('batch.ui.addToWorkspace', { count: parsed.members.length });
  const addDisabled = saved?.state === 'adding' || saved?.state === 'added';

  // Which file, and which policy it was assessed against (an association may have members files for several).
  const source = { name: result.fileName, policy: localize(matrix.rulebook.title, lang), version: matrix.rulebook.version };

  return (
    <section aria-labelledby="batch-results-heading">
      <h2 id="batch-results-heading" ref={headingRef} tabIndex={-1}>
        {cancelled ? t('batch.ui.resultsTitleCancelled', cancelled) : t('batch.ui.resultsTitle')}
      </h2>
      {previous ? <p className="notice">{t('batch.ui.resultsPrevious', source)}</p> : <p className="muted">{t('batch.ui.resultsSource', source)}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            downloadText(`policy-self-check_${matrix.rulebook.id}_${today()}_matrix${cancelled ? `_cancelled-${cancelled.done}-of-${cancelled.total}` : ''}.csv`, matrixCsv(matrix, lang), 'text/csv;charset=utf-8')
          }
        >
          {t('batch.ui.downloadMatrix')}
        </button>
        {parsed.members.length > 0 && (
          <button type="button" className="button secondary" aria-disabled={addDisabled || undefined} onClick={() => void addToWorkspace()}>
            {addLabel}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {saved?.state === 'added' && (
          <p className="notice">{addedMessage(saved, t)}</p>
        )}
      </div>
      {saved?.state === 'failed' && (
        <p className="field-error" role="alert">
          {t(saved.unavailable ? 'batch.ui.workspaceUnavailable' : 'workspace.failed')}
        </p>
      )}
      <BarChart matrix={matrix} />
      <MatrixView matrix={matrix} rulebook={parsed.rulebook} members={parsed.members} />
    </section>
  );
});

/** The file's bytes (FileReader where Blob.arrayBuffer is missing, as in jsdom). */
function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Every problem where Excel shows it: row, column, cell, and the value written there. */
function IssueList({ issues }: { issues: BatchIssue[] }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const shown = useMemo(() => issues.slice(0, ISSUES_SHOWN), [issues]);
  return (
    <div className="batch-issues">
      <h3 id="batch-issues-heading">{t('batch.ui.issuesTitle', { count: issues.length })}</h3>
      <ScrollRegion labelledBy="batch-issues-heading">
        <table className="report-table">
          <caption className="visually-hidden">{t('batch.ui.issuesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('batch.ui.issueRow')}</th>
              <th scope="col">{t('batch.ui.issueColumn')}</th>
              <th scope="col">{t('batch.ui.issueCell')}</th>
              <th scope="col">{t('batch.ui.issueValue')}</th>
              <th scope="col">{t('batch.ui.issueSeverity')}</th>
              <th scope="col">{t('batch.ui.issueMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue, i) => (
              <tr key={i} className={`issue-${issue.severity}`}>
                {/* data-label: at phone width each problem is a block of labelled lines (batch.css). */}
                <td data-label={t('batch.ui.issueRow')}>{issue.row}</td>
                <td data-label={t('batch.ui.issueColumn')}>{issue.column ?? '—'}</td>
                <td data-label={t('batch.ui.issueCell')}>{issue.cell ?? '—'}</td>
                <td data-label={t('batch.ui.issueValue')} className="issue-value">
                  {/* A column's own problem (missing, unknown) has no value but the column's name, shown beside. */}
                  {issue.value === '' ? t('batch.ui.empty') : issue.cell === null && issue.value === issue.column ? '—' : <CellValue value={issue.value} />}
                </td>
                <td data-label={t('batch.ui.issueSeverity')}>
                  <span aria-hidden="true">{issue.severity === 'error' ? '✗ ' : '⚠ '}</span>
                  {t(`batch.ui.${issue.severity}`)}
                </td>
                <td data-label={t('batch.ui.issueMessage')}>{describeIssue(issue, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {issues.length > ISSUES_SHOWN && <p className="muted">{t('batch.ui.issuesMore', { count: issues.length - ISSUES_SHOWN })}</p>}
    </div>
  );
}

/** Characters of a cell's value shown in the list of problems: a long one (pasted by mistake) is cut, and its length said. */
const VALUE_SHOWN = 200;

function CellValue({ value }: { value: string }) {
  const { t } = useTranslation();
  const shown = shortened(value, VALUE_SHOWN);
  if (shown === value) return breakable(value);
  return (
    <>
      {breakable(shown)}
      <span className="muted">{t('punct.paren', { text: t('batch.ui.valueLength', { count: Array.from(value).length }) })}</span>
    </>
  );
}

/** A cell's value with a line-break opportunity after each separator of a list (none;export_goods), copied as it is. */
function breakable(value: string): ReactNode {
  const parts = value.split(/(?<=[;；,，、])/);
  return parts.length === 1 ? value : parts.map((part, i) => (i === 0 ? part : [<wbr key={i} />, part]));
}

/** What adding the members to the workspace did: how many were added, already there, or rows repeating an earlier one. */
function addedMessage({ added, existing, repeated }: { added: number; existing: number; repeated: number }, t: TFunction): string {
  const outcome = t(existing === 0 ? 'batch.ui.added' : added === 0 ? 'batch.ui.allExisting' : 'batch.ui.addedExisting', { count: added, existing });
  return repeated > 0 ? t('punct.sentences', { first: outcome, next: t('batch.ui.repeatedRows', { repeated }) }) : outcome;
}
