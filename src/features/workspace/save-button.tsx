/**
 * "Save to workspace", for the results page: keeps the current answers among the saved assessments
 * (named after the respondent, else the date), and says whether it worked.
 */
import { useState } from 'react';
import { useTranslation } from '@/i18n/react';
import { respondentNameOf } from '@/report/model';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import { savedAssessment, WorkspaceError } from './store';
import { useWorkspaceStore } from './store-context';
// Registers the workspace messages (t('workspace.…')).
import './messages';

export function SaveToWorkspaceButton({ rulebook, answers }: { rulebook: CompiledRulebook; answers: Answers }) {
  const { t } = useTranslation();
  const store = useWorkspaceStore();
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);

  const save = async () => {
    const name = respondentNameOf(rulebook, answers) ?? t('workspace.untitled', { date: new Date().toISOString().slice(0, 10) });
    try {
      await store.put(savedAssessment(rulebook, answers, name));
      setState({ ok: true, message: t('workspace.saved', { name }) });
    } catch (e) {
      setState({ ok: false, message: t(e instanceof WorkspaceError && e.code === 'unavailable' ? 'workspace.unavailable' : 'workspace.failed') });
    }
  };

  return (
    <div className="save-to-workspace no-print">
      <button type="button" className="button secondary" onClick={() => void save()}>
        {t('workspace.saveCurrent')}
      </button>
      <div aria-live="polite">{state?.ok && <p className="muted">{state.message}</p>}</div>
      {state && !state.ok && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
