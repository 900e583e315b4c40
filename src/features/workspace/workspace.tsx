/**
 * The workspace screen (issue 6, consultants): the assessments saved in this browser, with their
 * applying-clause counts worked out again under the current rules; open, duplicate, rename, delete
 * (with undo), export and import as JSON, and a side-by-side comparison of two or more.
 * An association may add ten thousand batch members: the list is searched by name and shown a page at a
 * time, and only the page shown is assessed; the selection for comparison holds across pages and searches.
 */
import { FileField } from '@/shared/ui/file-field';
import { abandonEntry, COMPARE, entriesBehind, historyState, isAbandoned, pushEntry, SELECTED, stateOf } from '@/features/wizard/screen-history';
import { Fragment, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '@/i18n/react';
import { assess, type Assessment } from '@/engine';
import { useLanguage } from '@/app/language';
import { localize, type TFunction, type TParams } from '@/i18n';
import { MAX_TEXT, NAME_SHOWN, shortened } from '@/shared/text';
import { usePasteLimit } from '@/shared/ui/paste-limit';
import { formatDate } from '@/i18n/format';
import { downloadText } from '@/features/report/download';
import { VerdictBadge } from '@/features/results/verdict-badge';
import { exportFileName, exportJson, importData, type ImportedAssessment } from '@/report/export-file';
import { clauseLabel } from '@/rulebook/source';
import type { CompiledRulebook } from '@/rulebook/schema';
import type { Answers } from '@/rulebook/schema';
import { addMissing, entryName, WorkspaceError, type SavedAssessment } from './store';
import { sameAskedAnswers } from '@/features/wizard/routing';
import { problemWords } from '@/engine/problem-words-zh';
import { useWorkspaceStore } from './store-context';
import { Pager } from '@/shared/ui/pager';
import { ReplaceInterview, saveUnderWay } from './replace-interview';

export { SharedLinkQuestion } from './replace-interview';
import { importWorkspace, workspaceFiles, workspaceJson } from './transfer';
// Registers the workspace messages (t('workspace.…')).
import './messages';
import './workspace.css';
import { ScrollRegion } from '@/shared/ui/scroll-region';
import '@/shared/ui/tables.css';

/**
 * Larger than any real workspace file (about 9 KB an assessment: 10,000 clients in 90 MB): refuse before reading
 * it into memory.
 */
const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Assessments per page. */
export const WORKSPACE_PAGE = 50;

type Props = {
  rulebooks: CompiledRulebook[];
  /** Open a saved assessment at the results of the interview. */
  onOpen: (imported: ImportedAssessment) => void;
  /** The answers of the interview under way with this rulebook (which opening an entry replaces), if any. */
  interviewAnswers?: (rulebook: CompiledRulebook) => Answers | null;
  /** Counts the presses of the workspace's own button in the page's navigation while it is shown: each returns to the list. */
  revisits?: number;
};

type Entry = { item: SavedAssessment; rulebook: CompiledRulebook | undefined; assessment: Assessment | undefined };
/** What the last operation did; after a delete, the item and where it was, to put it back. */
/** What the screen says, worked out when shown: it follows the language switch. */
type Said = (t: TFunction) => string;
const say =
  (key: string, params?: TParams): Said =>
  (t) =>
    t(key, params);
/** A message naming an entry: its name too follows the language switch (a batch member called by its row). */
const sayAbout =
  (key: string, item: SavedAssessment): Said =>
  (t) =>
    t(key, { name: entryName(item, t) });
/**
 * `undo`: a deleted assessment, where it was in the list and whether it was ticked (undo puts it back as it was).
 * `atImport`: what became of a file imported, said beside the import at the foot of the list, where the user is.
 */
type Status = { message: Said; undo?: Undo; atImport?: boolean } | null;
type Undo = { item: SavedAssessment; index: number; ticked: boolean };

/**
 * The last deletion's undo, kept for the tab's session: Back (on a phone, the natural "oops"), another view or a
 * reload must not take it away while it is the last thing done.
 */
const UNDO_KEY = 'policy-self-check:workspace-undo';
function keptUndo(): Undo | null {
  const undo = keptInTab(UNDO_KEY) as Undo | null;
  return typeof undo?.item?.id === 'string' && typeof undo.index === 'number' ? undo : null;
}
const keepUndo = (undo: Undo | null) => keepInTab(UNDO_KEY, undo);

/** A new name being typed for an entry: kept for the tab's session likewise, so that another view or a reload loses none of it. */
type RenameDraft = { id: string; name: string };
const RENAME_KEY = 'policy-self-check:workspace-rename';
function keptRename(): RenameDraft | null {
  const draft = keptInTab(RENAME_KEY) as RenameDraft | null;
  return typeof draft?.id === 'string' && typeof draft.name === 'string' ? draft : null;
}
const keepRename = (draft: RenameDraft | null) => keepInTab(RENAME_KEY, draft);

/** A value kept as JSON in the tab's session storage (null: none, or none readable). */
function keptInTab(key: string): unknown {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}
function keepInTab(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // No session storage: it lasts while the screen does.
  }
}
type Problem = { message: Said; details: string[]; atImport?: boolean } | null;

const today = () => new Date().toISOString().slice(0, 10);

/** Assessment ids as a history entry holds them (another script may have left anything there). */
function idsIn(held: unknown): Set<string> {
  return new Set(Array.isArray(held) ? held.filter((id): id is string => typeof id === 'string') : []);
}

/** An item with its verdicts, always worked out again under the rules this app has now. */
function entryOf(item: SavedAssessment, rulebooks: CompiledRulebook[]): Entry {
  const rulebook = rulebooks.find((r) => r.meta.id === item.rulebookId);
  return { item, rulebook, assessment: rulebook ? assess(rulebook, item.answers) : undefined };
}

export function Workspace({ rulebooks, onOpen, interviewAnswers = () => null, revisits = 0 }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const store = useWorkspaceStore();
  const [items, setItems] = useState<SavedAssessment[] | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [status, setStatus] = useState<Status>(() => {
    const undo = keptUndo();
    return undo ? { message: sayAbout('workspace.deleted', undo.item), undo } : null;
  });
  useEffect(() => keepUndo(status?.undo ?? null), [status]);
  const focusUndo = useRef(false);
  useEffect(() => {
    if (!focusUndo.current || !status?.undo) return;
    focusUndo.current = false;
    document.getElementById('workspace-undo')?.focus();
  }, [status]);
  const [renaming, setRenaming] = useState<string | null>(() => keptRename()?.id ?? null);
  // The selection is kept in the list's history entry (a comparison's entry names what it compares).
  const [selected, setSelected] = useState<Set<string>>(() => idsIn(historyState()[COMPARE] ?? historyState()[SELECTED]));
  const [comparing, setComparing] = useState<Entry[] | null>(null);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  /** An entry to open over an interview under way, until the user says what becomes of the interview. */
  const [pendingOpen, setPendingOpen] = useState<{ entry: Entry; rulebook: CompiledRulebook; answers: Answers } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDeferredValue(search.trim().toLowerCase());

  useEffect(() => heading.current?.focus(), []);
  // What became of a file imported, beside the import: brought into view (a long message may reach past the screen's foot).
  const importControl = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem?.atImport || status?.atImport) importControl.current?.scrollIntoView?.({ block: 'nearest' });
  }, [problem, status]);

  const fail = (e: unknown) => {
    const code = e instanceof WorkspaceError ? e.code : 'failed';
    setProblem({ message: say(`workspace.${code}`), details: [] });
  };

  const reload = async () => {
    try {
      setItems(await store.list());
    } catch (e) {
      setItems([]);
      fail(e);
    }
  };

  useEffect(() => {
    let live = true;
    store.list().then(
      (list) => live && setItems(list),
      (e: unknown) => {
        if (!live) return;
        setItems([]);
        setProblem({ message: say(e instanceof WorkspaceError ? `workspace.${e.code}` : 'workspace.failed'), details: [] });
      },
    );
    return () => {
      live = false;
    };
  }, [store, t]);

  const found = useMemo(() => (query ? (items ?? []).filter((item) => entryName(item, t).toLowerCase().includes(query)) : (items ?? [])), [items, query, t]);
  const pages = Math.max(1, Math.ceil(found.length / WORKSPACE_PAGE));
  // A delete on the last page may leave it empty: show the one before.
  const current = Math.min(page, pages - 1);
  // Only the page shown is assessed.
  const entries = useMemo<Entry[]>(() => found.slice(current * WORKSPACE_PAGE, (current + 1) * WORKSPACE_PAGE).map((item) => entryOf(item, rulebooks)), [found, current, rulebooks]);


  /**
   * Run a store operation and say what happened. The list shown is changed in place by the operation
   * (reading ten thousand entries again after each click would hold the page), or read again (`reload`).
   * An entry keeps its place while the user works on it: the list is sorted by date when it is read.
   */
  const act = async (work: () => Promise<Said | Status>, options: { reload?: boolean; atImport?: boolean } = {}) => {
    setProblem(null);
    try {
      const result = await work();
      setStatus(typeof result === 'function' ? { message: result, ...(options.atImport ? { atImport: true } : {}) } : result);
      if (options.reload) await reload();
    } catch (e) {
      fail(e);
    }
  };
  const update = (change: (list: SavedAssessment[]) => SavedAssessment[]) => setItems((list) => change(list ?? []));

  const open = (entry: Entry, replacing = false) => {
    const result = importData(rulebooks, { rulebook: entry.item.rulebookId, answers: entry.item.answers }, problemWords(lang));
    if (result.ok) {
      // Opening replaces the interview under way: not without asking, when it holds answers of its own (answers not
      // saved in the workspace: not one of its entries opened and left as it was). Compared by the questions asked: the
      // interview keeps answers to questions a changed answer no longer asks, which a save leaves out.
      const { rulebook } = result.value;
      const underWay = replacing ? null : interviewAnswers(rulebook);
      const saved = (answers: Answers) => (items ?? []).some((item) => item.rulebookId === entry.item.rulebookId && sameAskedAnswers(rulebook, item.answers, answers));
      if (underWay && Object.keys(underWay).length > 0 && !saved(underWay)) {
        setPendingOpen({ entry, rulebook, answers: underWay });
        return;
      }
      setPendingOpen(null);
      onOpen({ ...result.value, respondentName: entryName(entry.item, t), fromWorkspace: true, workspaceEntry: { id: entry.item.id, name: entryName(entry.item, t) } });
    } else
      setProblem({
        message: result.error.code === 'unknownRulebook' ? say('workspace.rulebookMissing', { id: entry.item.rulebookId }) : sayAbout('workspace.cannotOpen', entry.item),
        details: result.error.problems.map((p) => `${p.path}${t('punct.colon')}${p.message}`),
      });
  };

  const exportOne = ({ item, rulebook, assessment }: Entry) => {
    if (!rulebook || !assessment) return;
    const respondentName = entryName(item, t);
    downloadText(exportFileName({ rulebookId: rulebook.meta.id, date: today(), respondentName }, 'json'), exportJson({ rulebook, assessment, answers: item.answers, respondentName }), 'application/json');
  };

  const exportAll = () => {
    const all = items ?? [];
    const nameOf = (item: SavedAssessment) => entryName(item, t);
    const { files, skipped } = workspaceFiles(all, rulebooks, nameOf);
    downloadText(`policy-self-check_workspace_${today()}.json`, workspaceJson(files), 'application/json');
    setStatus(skipped.length ? { message: say('workspace.exportSkipped', { count: skipped.length }) } : null);
  };

  const importFile = async (file: File) => {
    setProblem(null);
    setStatus(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem({ message: say('workspace.fileTooLarge', { name: file.name, max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` }), details: [], atImport: true });
      return;
    }
    const result = importWorkspace(await file.text(), rulebooks, lang, (n) => `${t('workspace.untitled', { date: today() })} ${n}`);
    if (!result.ok) {
      setProblem({
        message: say('workspace.importFailed'),
        details: result.problems.flatMap((p) => [
          p.entry === null ? p.message : p.name ? t('workspace.importEntryNamed', { entry: p.entry, name: shortened(p.name, NAME_SHOWN), message: p.message }) : t('workspace.importEntry', { entry: p.entry, message: p.message }),
          ...p.details.map((d) => `${d.path}${t('punct.colon')}${d.message}`),
        ]),
        atImport: true,
      });
      return;
    }
    await act(
      async () => {
        // An entry already there (the same name, answers and policy version: a file imported twice) is not added again.
        const { added, existing, repeated } = await addMissing(store, result.items);
        const { reassessed } = result;
        return (t: TFunction) => {
          let message = existing > 0 ? t('workspace.importedExisting', { count: added, existing }) : t('workspace.imported', { count: added });
          if (repeated > 0) message = t('punct.sentences', { first: message, next: t('workspace.repeatedEntries', { repeated }) });
          if (reassessed.count > 0) message = t('punct.sentences', { first: message, next: t('workspace.importedReassessed', { count: reassessed.count, was: reassessed.was.join(t('punct.comma')) }) });
          return message;
        };
      },
      { reload: true, atImport: true },
    );
  };

  const compare = () => {
    // The selection may span pages and searches.
    const chosen = (items ?? []).filter((item) => selected.has(item.id)).map((item) => entryOf(item, rulebooks));
    if (chosen.length < 2) return setProblem({ message: say('workspace.compareNeedTwo'), details: [] });
    if (chosen.some((e) => !e.rulebook)) return setProblem({ message: say('workspace.rulebookMissing', { id: chosen.find((e) => !e.rulebook)!.item.rulebookId }), details: [] });
    if (new Set(chosen.map((e) => e.item.rulebookId)).size > 1) return setProblem({ message: say('workspace.compareOneRulebook'), details: [] });
    setProblem(null);
    setComparing(chosen);
    pushEntry({ ...historyState(), [COMPARE]: chosen.map((e) => e.item.id) });
  };

  // The comparison is an entry in the tab's history: Back (a phone's above all) returns to the list, Forward and a
  // reload show it again — while the assessments compared are still saved.
  const comparable = (held: unknown): Entry[] | null => {
    if (!Array.isArray(held) || !items) return null;
    const chosen = held.map((id) => items.find((item) => item.id === id));
    if (chosen.length < 2 || chosen.some((item) => !item)) return null;
    const entries = chosen.map((item) => entryOf(item!, rulebooks));
    return entries.every((e) => e.rulebook && e.item.rulebookId === entries[0]!.item.rulebookId) ? entries : null;
  };
  /** `traversed`: Back or Forward came to the entry (else the screen has just arrived on it: a reload, another view). */
  const showFromHistory = (state: Record<string, unknown>, traversed = true) => {
    // An entry left behind (see below): the tab goes straight back past it (screen-history.ts).
    if (isAbandoned(state)) return;
    if (state[COMPARE] === undefined) {
      if (state[SELECTED] !== undefined) setSelected(idsIn(state[SELECTED]));
      if (!comparing) return;
      setComparing(null);
      requestAnimationFrame(() => document.getElementById('compare-button')?.focus());
      return;
    }
    const again = comparable(state[COMPARE]);
    setComparing(again);
    if (again) return;
    // Some of them deleted since: the list says so. The entry is left behind, back to the list it came from (Forward
    // to it later comes straight back): as a second list it would make Back seem to do nothing. A reload on it (no
    // entry behind it to go back to, should the tab's history have been lost) shows the list on it.
    setProblem({ message: say('workspace.compareGone'), details: [] });
    if (traversed || entriesBehind(state) > 0) abandonEntry();
    else window.history.replaceState({ ...state, [COMPARE]: undefined }, '');
  };
  const fromHistory = useRef(showFromHistory);
  useEffect(() => {
    fromHistory.current = showFromHistory;
  });
  useEffect(() => {
    const onPopState = (event: PopStateEvent) => fromHistory.current(stateOf(event));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  useEffect(() => {
    const state = historyState();
    if (state[COMPARE] === undefined) window.history.replaceState({ ...state, [SELECTED]: [...selected] }, '');
  }, [selected]);
  // What is ticked and still saved (an entry may have been deleted in another tab, or before a reload).
  const ticked = useMemo(() => (items ? items.filter((item) => selected.has(item.id)).length : 0), [items, selected]);
  // Arrived on a comparison's entry (a reload, Back from another view): shown once the list has been read.
  const arrived = useRef(historyState()[COMPARE] !== undefined);
  useEffect(() => {
    if (!arrived.current || !items) return;
    arrived.current = false;
    fromHistory.current(historyState(), false);
  }, [items]);
  /** "Back to the list": as the browser's Back, when the comparison has its entry (its popstate closes it). */
  const closeComparison = () => {
    if (historyState()[COMPARE] !== undefined) window.history.back();
    else fromHistory.current({});
  };
  // The workspace's button in the navigation, pressed on the comparison, returns to the list too.
  const revisited = useRef(revisits);
  useEffect(() => {
    if (revisits === revisited.current) return;
    revisited.current = revisits;
    if (historyState()[COMPARE] !== undefined) window.history.back();
  }, [revisits]);

  if (comparing)
    return (
      <div className="workspace">
        <CompareView entries={comparing} onClose={closeComparison} />
      </div>
    );

  return (
    <div className="workspace">
      <h1 ref={heading} tabIndex={-1} id="workspace-heading">
        {t('workspace.title')}
      </h1>
      <p>{t('workspace.intro')}</p>
      {pendingOpen && (
        <ReplaceInterview
          message={t('workspace.replaceInterview', { name: entryName(pendingOpen.entry.item, t) })}
          onSaveFirst={() =>
            void act(async () => {
              const { rulebook, answers, entry } = pendingOpen;
              const name = await saveUnderWay(store, rulebook, answers, t('workspace.untitled', { date: today() }));
              open(entry, true);
              return say('workspace.saved', { name });
            })
          }
          onReplace={() => open(pendingOpen.entry, true)}
          onCancel={() => {
            const id = pendingOpen.entry.item.id;
            setPendingOpen(null);
            requestAnimationFrame(() => document.getElementById(`open-${id}`)?.focus());
          }}
        />
      )}
      {problem && !problem.atImport && <ProblemBlock problem={problem} />}
      <div className="notice-slot" role="status">
        {status && !status.atImport && (
          <div className="notice">
            <p>{status.message(t)}</p>
            {status.undo && (
              <button
                type="button"
                id="workspace-undo"
                className="button secondary"
                onClick={() => {
                  const { item, index, ticked } = status.undo!;
                  // Once: the button goes at the first click (a double click restores the entry once).
                  setStatus(null);
                  void act(async () => {
                    await store.put(item);
                    update((list) => (list.some((x) => x.id === item.id) ? list : [...list.slice(0, index), item, ...list.slice(index)]));
                    if (ticked) setSelected((s) => new Set(s).add(item.id));
                    // The button has gone: the focus goes to the entry put back (not to the page, the next Tab at the navigation).
                    requestAnimationFrame(() => {
                      const box = document.getElementById(`select-${item.id}`) as HTMLInputElement | null;
                      // (Its box cannot be ticked, and take the focus, when its policy is not in this app: its first button then.)
                      (box && !box.disabled ? box : box?.closest('li')?.querySelector<HTMLElement>('button'))?.focus();
                    });
                    return sayAbout('workspace.restored', item);
                  });
                }}
              >
                {t('workspace.undo')}
              </button>
            )}
          </div>
        )}
      </div>
      {items === null ? (
        <p>{t('workspace.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('workspace.empty')}</p>
      ) : (
        <>
          <div className="actions top-actions">
            <button type="button" id="compare-button" className="button" onClick={compare}>
              {t('workspace.compare', { count: ticked })}
            </button>
            {ticked > 0 && (
              <button type="button" className="button secondary" onClick={() => setSelected(new Set())}>
                {t('workspace.clearSelection')}
              </button>
            )}
            <button type="button" className="button secondary" onClick={exportAll}>
              {t('workspace.exportAll')}
            </button>
          </div>
          <div className="workspace-search">
            <label htmlFor="workspace-search" className="question-label">
              {t('workspace.search')}
            </label>
            <input
              id="workspace-search"
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setPage(0);
              }}
            />
          </div>
          <p className="muted" aria-live="polite" id="workspace-shown">
            {found.length === 0
              ? t('workspace.shownNone', { query: search.trim() })
              : t('workspace.shown', { from: current * WORKSPACE_PAGE + 1, to: current * WORKSPACE_PAGE + entries.length, count: found.length })}
          </p>
          {pages > 1 && <Pager id="workspace-pages-above" label={t('workspace.pagesLabel')} page={current} pages={pages} onPage={setPage} />}
          <ul className="workspace-list" aria-label={t('workspace.listLabel')} aria-describedby="workspace-shown">
            {entries.map((entry) => (
              <WorkspaceItem
                key={entry.item.id}
                entry={entry}
                severalPolicies={rulebooks.length > 1}
                selected={selected.has(entry.item.id)}
                renaming={renaming === entry.item.id}
                onSelect={(on) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(entry.item.id);
                    else next.delete(entry.item.id);
                    return next;
                  })
                }
                onOpen={() => open(entry)}
                onDuplicate={() =>
                  void act(async () => {
                    const copy = await store.duplicate(entry.item.id, t('workspace.copyName', { name: entryName(entry.item, t) }));
                    // Beside the original, on the page the user is looking at.
                    update((list) => list.flatMap((i) => (i.id === entry.item.id ? [i, copy] : [i])));
                    return sayAbout('workspace.duplicated', copy);
                  })
                }
                onRename={() => {
                  keepRename({ id: entry.item.id, name: entryName(entry.item, t) });
                  setRenaming(entry.item.id);
                }}
                onRenamed={(name) => {
                  keepRename(null);
                  setRenaming(null);
                  requestAnimationFrame(() => document.getElementById(`rename-${entry.item.id}`)?.focus());
                  if (name === null) return;
                  void act(async () => {
                    const renamed = await store.rename(entry.item.id, name, entry.rulebook?.meta.respondentNameQuestion);
                    update((list) => list.map((i) => (i.id === renamed.id ? renamed : i)));
                    return say('workspace.renamed', { name });
                  });
                }}
                onDelete={() =>
                  void act(async () => {
                    await store.delete(entry.item.id);
                    const index = (items ?? []).findIndex((i) => i.id === entry.item.id);
                    const ticked = selected.has(entry.item.id);
                    update((list) => list.filter((i) => i.id !== entry.item.id));
                    setSelected((s) => {
                      const next = new Set(s);
                      next.delete(entry.item.id);
                      return next;
                    });
                    // Once the status with its "undo" is on screen (see the effect on `status`): the entry's buttons have gone.
                    focusUndo.current = true;
                    return { message: sayAbout('workspace.deleted', entry.item), undo: { item: entry.item, index: Math.max(0, index), ticked } };
                  })
                }
                onExport={() => exportOne(entry)}
              />
            ))}
          </ul>
          {pages > 1 && <Pager id="workspace-pages-below" label={t('workspace.pagesBelowLabel')} page={current} pages={pages} onPage={setPage} />}
        </>
      )}
      <div className="import-control" ref={importControl}>
        <FileField id="workspace-import" label={t('workspace.importLabel')} help={t('workspace.importHelp')} accept=".json,application/json" onFile={(file) => void importFile(file)} />
        {problem?.atImport && <ProblemBlock problem={problem} />}
        <div className="notice-slot" role="status">
          {status?.atImport && (
            <div className="notice">
              <p>{status.message(t)}</p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function ProblemBlock({ problem }: { problem: NonNullable<Problem> }) {
  const { t } = useTranslation();
  return (
    <div className="field-error-block" role="alert">
      <p className="field-error">{problem.message(t)}</p>
      {problem.details.length > 0 && (
        <ul>
          {problem.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

type ItemProps = {
  entry: Entry;
  /** The app holds several policies: each entry names its own by title (else by its id, as ever). */
  severalPolicies: boolean;
  selected: boolean;
  renaming: boolean;
  onSelect: (on: boolean) => void;
  onOpen: () => void;
  onDuplicate: () => void;
  onRename: () => void;
  onRenamed: (name: string | null) => void;
  onDelete: () => void;
  onExport: () => void;
};

/**
 * Whether a clause is left undecided by a question never answered (an answers file without it, an interview saved
 * part-way), not only by "don't know": the assessment is unfinished, and "0 clauses apply" alone would read as final.
 */
function unanswered(assessment: Assessment): boolean {
  return assessment.clauses.some((c) => c.verdict === 'possible' && c.missing.some((m) => m.reason === 'unanswered'));
}

function WorkspaceItem({ entry, severalPolicies, selected, renaming, onSelect, onOpen, onDuplicate, onRename, onRenamed, onDelete, onExport }: ItemProps) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { item, rulebook, assessment } = entry;
  const id = item.id;
  const name = entryName(item, t);
  const named = <span className="visually-hidden">{t('workspace.named', { name })}</span>;
  return (
    <li className="card workspace-item">
      <div className="workspace-item-head">
        <input type="checkbox" id={`select-${id}`} checked={selected} disabled={!rulebook} onChange={(e) => onSelect(e.currentTarget.checked)} />
        <label htmlFor={`select-${id}`}>
          <span className="workspace-name">{name}</span>
          <span className="visually-hidden">{t('workspace.select', { name })}</span>
        </label>
      </div>
      {/* Facts side by side on screen; read out one by one, not as one run of words ("…1.0.2适用条款…"). */}
      <p className="muted small workspace-meta">
        {[
          <span key="saved">{t('workspace.savedOn', { date: formatDate(item.updatedAt.slice(0, 10), lang) })}</span>,
          <span key="version">{t('workspace.rulebookVersion', { id: severalPolicies && rulebook ? localize(rulebook.meta.title, lang) : item.rulebookId, version: item.rulebookVersion })}</span>,
          ...(assessment
            ? [
                <strong key="count" className="workspace-count">
                  {t('workspace.applying', { count: assessment.counts.applies })}
                </strong>,
                ...(assessment.counts.possible > 0
                  ? [
                      <strong key="possible" className="workspace-possible">
                        {t(unanswered(assessment) ? 'workspace.possibleUnanswered' : 'workspace.possible', { count: assessment.counts.possible })}
                      </strong>,
                    ]
                  : []),
              ]
            : [<span key="missing">{t('workspace.rulebookMissing', { id: item.rulebookId })}</span>]),
        ].map((fact, i) => (
          <Fragment key={fact.key}>
            {i > 0 && <span className="visually-hidden">{t('punct.semicolon')}</span>}
            {fact}
          </Fragment>
        ))}
      </p>
      {rulebook && rulebook.hash !== item.rulebookHash && <p className="muted small">{t('workspace.rulebookChanged')}</p>}
      {renaming ? (
        <RenameForm item={item} onDone={onRenamed} />
      ) : (
        <div className="button-row">
          <button type="button" className="button secondary" id={`open-${id}`} onClick={onOpen} disabled={!rulebook}>
            {t('workspace.open')}{' '}
            {named}
          </button>
          <button type="button" className="button secondary" onClick={onDuplicate}>
            {t('workspace.duplicate')}{' '}
            {named}
          </button>
          <button type="button" className="button secondary" id={`rename-${id}`} onClick={onRename}>
            {t('workspace.rename')}{' '}
            {named}
          </button>
          <button type="button" className="button secondary" onClick={onExport} disabled={!rulebook}>
            {t('workspace.exportOne')}{' '}
            {named}
          </button>
          <button type="button" className="button secondary danger-text" onClick={onDelete}>
            {t('workspace.delete')}{' '}
            {named}
          </button>
        </div>
      )}
    </li>
  );
}

function RenameForm({ item, onDone }: { item: SavedAssessment; onDone: (name: string | null) => void }) {
  const { t } = useTranslation();
  // What was being typed before another view or a reload, else the name as it is.
  const [name, setName] = useState(() => {
    const draft = keptRename();
    return draft?.id === item.id ? draft.name : entryName(item, t);
  });
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(true);
      input.current?.focus();
      return;
    }
    onDone(name.trim());
  };
  const paste = usePasteLimit();
  return (
    <form className="rename-form" onSubmit={submit} noValidate>
      <label htmlFor={`rename-field-${item.id}`} className="question-label">
        {t('workspace.renameLabel', { name: shortened(entryName(item, t), NAME_SHOWN) })}
      </label>
      <input
        ref={input}
        id={`rename-field-${item.id}`}
        type="text"
        maxLength={MAX_TEXT}
        value={name}
        aria-invalid={error || undefined}
        aria-describedby={[error ? `rename-error-${item.id}` : null, paste.cut ? `rename-cut-${item.id}` : null].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          paste.onChange(e);
          setName(e.currentTarget.value);
          keepRename({ id: item.id, name: e.currentTarget.value });
        }}
        onPaste={paste.onPaste}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone(null);
        }}
      />
      {error && (
        <p className="field-error" id={`rename-error-${item.id}`} role="alert">
          {t('workspace.renameEmpty')}
        </p>
      )}
      {paste.cut && (
        <p className="help" id={`rename-cut-${item.id}`}>
          {t('wizard.pastedTooLong', { max: MAX_TEXT })}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button">
          {t('workspace.renameSave')}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(null)}>
          {t('workspace.renameCancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Clause × respondent: each verdict as icon and text; a row whose verdicts differ says so in words too, and so does
 * a row whose verdicts are alike while its support items' are not (one more item applies to one of them).
 */
function CompareView({ entries, onClose }: { entries: Entry[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const rulebook = entries[0]!.rulebook!;
  const rows = rulebook.measures.map((m) => {
    const clauses = entries.map((e) => e.assessment!.clauses.find((c) => c.id === m.id));
    const verdicts = clauses.map((c) => c?.verdict);
    const differs = new Set(verdicts).size > 1;
    const items = differs ? [] : m.supportItems.filter((item) => new Set(clauses.map((c) => c?.supportItems.find((i) => i.id === item.id)?.verdict)).size > 1);
    return { measure: m, verdicts, differs, items };
  });
  const differing = rows.filter((r) => r.differs).length;
  const itemsDiffering = rows.filter((r) => r.items.length > 0).length;
  const said = [
    ...(differing ? [t('workspace.compareSummary', { count: differing })] : []),
    ...(itemsDiffering ? [t(differing ? 'workspace.compareSummaryItemsMore' : 'workspace.compareSummaryItems', { count: itemsDiffering })] : []),
  ];
  const summary = said.length ? said.reduce((first, next) => t('punct.sentences', { first, next })) : t('workspace.compareSummaryNone');
  return (
    <section aria-labelledby="compare-heading">
      <h1 ref={heading} tabIndex={-1} id="compare-heading">
        {t('workspace.compareTitle')}
      </h1>
      <p role="status" className="counts">
        {summary}
      </p>
      {/* Above the scrolling region, not a <caption> in it: it stays in view while the columns scroll sideways. */}
      <p id="compare-caption" className="table-caption" aria-hidden="true">
        {t('workspace.compareCaption')}
      </p>
      <ScrollRegion labelledBy="compare-caption">
        <table className="report-table compare-table" aria-labelledby="compare-caption">
          <thead>
            <tr>
              <th scope="col">{t('workspace.compareClause')}</th>
              {entries.map((e) => (
                <th scope="col" key={e.item.id}>
                  {entryName(e.item, t)}
                </th>
              ))}
              <th scope="col">{t('workspace.compareDiffers')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ measure, verdicts, differs, items }) => (
              <tr key={measure.id} className={differs || items.length ? 'differs' : undefined}>
                <th scope="row">
                  {clauseLabel(measure.clause, lang)} {localize(measure.title, lang)}
                </th>
                {verdicts.map((v, i) => (
                  <td key={entries[i]!.item.id}>{v ? <VerdictBadge verdict={v} /> : '—'}</td>
                ))}
                <td>
                  {differs ? (
                    <strong className="differs-marker">{t('workspace.differs')}</strong>
                  ) : items.length ? (
                    <strong className="differs-marker">{t('workspace.itemsDiffer', { items: items.map((i) => localize(i.title, lang)).join(t('punct.semicolon')) })}</strong>
                  ) : (
                    <span className="muted">{t('workspace.same')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="actions top-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          {t('workspace.compareClose')}
        </button>
      </div>
    </section>
  );
}
