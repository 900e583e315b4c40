/**
 * "This replaces the interview under way": asked before a saved assessment (the workspace), a share link
 * (the app, when a link is opened) or an assessment file (imported on the intro or the results) takes the
 * place of an interview that holds answers of its own. Three answers: save it to the workspace first, replace
 * it, or keep it.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from '@/i18n/react';
import type { Answers, InterviewRulebook } from '@/rulebook/schema';
import { savedAssessment, WorkspaceError } from './store';
import { useWorkspaceStore } from './store-context';
// Registers the workspace messages (t('workspace.…')).
import './messages';

type Props = { message: string; onSaveFirst: () => void; onReplace: () => void; onCancel: () => void; cancelLabel?: string };

export function ReplaceInterview({ message, onSaveFirst, onReplace, onCancel, cancelLabel }: Props) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  // In the commit that shows the question (a layout effect): the focus is on it as soon as it is there.
  useLayoutEffect(() => first.current?.focus(), []);
  return (
    <div className="notice warning replace-interview" role="alertdialog" aria-labelledby="replace-interview-text" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p id="replace-interview-text">{message}</p>
      <div className="actions">
        <button ref={first} type="button" className="button" onClick={onSaveFirst}>
          {t('workspace.replaceSaveFirst')}
        </button>
        <button type="button" className="button secondary" onClick={onReplace}>
          {t('workspace.replaceWithoutSaving')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {cancelLabel ?? t('workspace.replaceCancel')}
        </button>
      </div>
    </div>
  );
}

/** Saves the interview under way to the workspace, named after its respondent (else the date); the name, or throws. */
export async function saveUnderWay(store: ReturnType<typeof useWorkspaceStore>, rulebook: Pick<InterviewRulebook, 'meta' | 'hash'>, answers: Answers, untitled: string): Promise<string> {
  const id = rulebook.meta.respondentNameQuestion;
  const given = id ? answers[id] : undefined;
  const name = typeof given === 'string' && given.trim() !== '' ? given.trim() : untitled;
  await store.put(savedAssessment(rulebook, answers, name));
  return name;
}

/**
 * A share link opened while an interview with answers of its own is under way in this browser: asks first.
 * `onOpen` opens the link's answers (after saving the interview, when asked to); `onKeep` leaves the link.
 */
export function SharedLinkQuestion({ rulebook, underWay, onOpen, onKeep }: UnderWayProps) {
  const { t } = useTranslation();
  // The question is all the page shows (the screens wait beneath it): it has the page's heading.
  return (
    <>
      <h1>{t('workspace.sharedLinkHeading')}</h1>
      <ReplaceUnderWay rulebook={rulebook} underWay={underWay} onOpen={onOpen} onKeep={onKeep} message={t('workspace.replaceWithShared')} keepLabel={t('workspace.keepInterview')} />
    </>
  );
}

/** An assessment file imported (the intro, the results) while an interview with answers of its own is under way: asks first, likewise. */
export function ImportedFileQuestion({ fileName, ...props }: UnderWayProps & { fileName: string }) {
  const { t } = useTranslation();
  return <ReplaceUnderWay {...props} message={t('workspace.replaceWithFile', { name: fileName })} keepLabel={t('workspace.keepInterviewFile')} />;
}

type UnderWayProps = { rulebook: InterviewRulebook; underWay: Answers; onOpen: () => void; onKeep: () => void };

function ReplaceUnderWay({ rulebook, underWay, onOpen, onKeep, message, keepLabel }: UnderWayProps & { message: string; keepLabel: string }) {
  const { t } = useTranslation();
  const store = useWorkspaceStore();
  const [failed, setFailed] = useState<string | null>(null);
  const saveFirst = async () => {
    try {
      await saveUnderWay(store, rulebook, underWay, t('workspace.untitled', { date: new Date().toISOString().slice(0, 10) }));
      onOpen();
    } catch (e) {
      setFailed(t(e instanceof WorkspaceError && e.code === 'unavailable' ? 'workspace.unavailable' : 'workspace.failed'));
    }
  };
  return (
    <>
      <ReplaceInterview message={message} onSaveFirst={() => void saveFirst()} onReplace={onOpen} onCancel={onKeep} cancelLabel={keepLabel} />
      {failed && (
        <p className="field-error" role="alert">
          {failed}
        </p>
      )}
    </>
  );
}
