/**
 * "Save to workspace", for the results page: keeps the current answers among the saved assessments (named after
 * the respondent, else the date), and says what it did. An interview opened from a workspace entry updates that
 * entry ("Update '…'", under the name it has there), or is saved beside it as a new one; the same answers are
 * never saved twice.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '@/i18n/react';
import type { WorkspaceEntryRef } from '@/report/export-file';
import { respondentNameOf } from '@/report/model';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import { sameAskedAnswers } from '@/features/wizard/routing';
import { assessmentKey, entryName, savedAssessment, WorkspaceError, type SavedAssessment } from './store';
import { useWorkspaceStore } from './store-context';
import { NAME_SHOWN, shortened } from '@/shared/text';
// Registers the workspace messages (t('workspace.…')).
import './messages';

type Props = {
  rulebook: CompiledRulebook;
  answers: Answers;
  /** The entry the interview was opened from; null or absent: none. */
  entry?: WorkspaceEntryRef | null;
  /** The answers are now kept as this entry (saved, updated, or found there already). */
  onSaved?: (entry: WorkspaceEntryRef) => void;
};

export function SaveToWorkspaceButton({ rulebook, answers, entry = null, onSaved }: Props) {
  const { t } = useTranslation();
  const store = useWorkspaceStore();
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  // One save at a time (a double click must not save twice): the ref for the check, the state for the buttons.
  const working = useRef(false);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    if (working.current) return;
    working.current = true;
    setBusy(true);
    try {
      setState({ ok: true, message: await work() });
    } catch (e) {
      setState({ ok: false, message: t(e instanceof WorkspaceError && e.code === 'unavailable' ? 'workspace.unavailable' : 'workspace.failed') });
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  const kept = (item: SavedAssessment) => onSaved?.({ id: item.id, name: entryName(item, t) });

  // The entry as the workspace has it now: renamed there since the interview was opened, it is called by its new
  // name; deleted, it is offered no more (the answers are saved as a new entry).
  const [looked, setLooked] = useState<{ id: string; now: WorkspaceEntryRef | null } | null>(null);
  const current = entry && looked?.id === entry.id ? looked.now : entry;
  const entryId = entry?.id;
  useEffect(() => {
    if (entryId === undefined) return;
    let live = true;
    store.get(entryId).then(
      (item) => {
        if (!live) return;
        setLooked({ id: entryId, now: item ? { id: item.id, name: entryName(item, t) } : null });
        if (item && entryName(item, t) !== entry?.name) kept(item);
      },
      () => undefined, // The workspace cannot be read: the entry as the interview knows it.
    );
    return () => {
      live = false;
    };
    // Once per entry: its name as the interview knows it follows (kept), it does not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entryId, store]);

  /** A new entry, unless one with the same name, answers and policy version is there already. */
  const saveNew = async (gone?: string) => {
    const name = respondentNameOf(rulebook, answers) ?? t('workspace.untitled', { date: new Date().toISOString().slice(0, 10) });
    const item = savedAssessment(rulebook, answers, name);
    const key = assessmentKey(item);
    const same = (await store.list()).find((other) => assessmentKey(other) === key);
    if (same) {
      kept(same);
      return t('workspace.alreadySaved', { name: shortened(entryName(same, t), NAME_SHOWN) });
    }
    await store.put(item);
    kept(item);
    return gone === undefined ? t('workspace.saved', { name: shortened(name, NAME_SHOWN) }) : t('workspace.entryGone', { name: shortened(gone, NAME_SHOWN), saved: shortened(name, NAME_SHOWN) });
  };

  const update = async (ref: WorkspaceEntryRef) => {
    const item = await store.get(ref.id);
    if (!item) return saveNew(ref.name);
    const name = shortened(entryName(item, t), NAME_SHOWN);
    // Compared by the questions asked: the results hand over only their answers, while the entry may hold answers to
    // questions its own answers no longer ask (an answers file, a save from before) — not a change the user can see.
    // An answer dropped because a changed answer no longer asks its question differs here too: an update.
    if (item.rulebookId === rulebook.meta.id && item.rulebookVersion === rulebook.meta.version && sameAskedAnswers(rulebook, item.answers, answers)) {
      kept(item);
      return t('workspace.upToDate', { name });
    }
    const updated: SavedAssessment = { ...item, rulebookId: rulebook.meta.id, rulebookVersion: rulebook.meta.version, rulebookHash: rulebook.hash, answers, updatedAt: new Date().toISOString() };
    await store.put(updated);
    kept(updated);
    return t('workspace.updated', { name });
  };

  return (
    <div className="save-to-workspace no-print">
      {current && <p className="muted">{t('workspace.openedFrom', { name: shortened(current.name, NAME_SHOWN) })}</p>}
      <div className="actions">
        {current && (
          <button type="button" className="button secondary" aria-disabled={busy} onClick={() => void run(() => update(current))}>
            {t('workspace.updateEntry', { name: shortened(current.name, NAME_SHOWN) })}
          </button>
        )}
        <button type="button" className="button secondary" aria-disabled={busy} onClick={() => void run(() => saveNew())}>
          {t(current ? 'workspace.saveAsNew' : 'workspace.saveCurrent')}
        </button>
      </div>
      <div aria-live="polite">{state?.ok && <p className="muted">{state.message}</p>}</div>
      {state && !state.ok && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
