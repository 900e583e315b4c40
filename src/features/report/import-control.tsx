/**
 * Open a saved assessment file (JSON): its answers are assessed again under the current rulebook.
 * A bad file gets a clear message naming each problem, and nothing already entered is touched.
 */
import { lazy, useState } from 'react';
import { useTranslation } from '@/i18n/react';
import { useLanguage } from '@/app/language';
import { LazyScreen } from '@/app/lazy-screen';
import { loadSession } from '@/features/wizard/persistence';
import { sameAskedAnswers } from '@/features/wizard/routing';
import type { ImportedAssessment } from '@/report/export-file';
import { useRulebookLoader } from '@/rulebook/full';
import type { Answers, InterviewRulebook } from '@/rulebook/schema';
import { FileField } from '@/shared/ui/file-field';

// Asked only when a file would replace answers under way: loaded then (with the workspace it may save them to).
const ImportedFileQuestion = lazy(() => import('@/features/workspace/replace-interview').then((m) => ({ default: m.ImportedFileQuestion })));

/** Larger than any real assessment file: refuse before reading it into memory. */
const MAX_BYTES = 5 * 1024 * 1024;

/** `onFailed`: a file was refused (news of an earlier import on the page is then out of date). */
export function ImportControl({ rulebooks, onImported, onFailed }: { rulebooks: InterviewRulebook[]; onImported: (imported: ImportedAssessment) => void; onFailed?: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [error, setError] = useState<{ message: string; problems: string[] } | null>(null);
  /** A file read whose answers would replace those of the interview under way: opened once the user says so. */
  const [pending, setPending] = useState<{ imported: ImportedAssessment; fileName: string; underWay: Answers } | null>(null);
  const load = useRulebookLoader();

  const read = async (file: File) => {
    if (file.size > MAX_BYTES) {
      setError({ message: t('wizard.importTooLarge', { name: file.name, max: '5 MB' }), problems: [] });
      onFailed?.();
      return;
    }
    // The file is assessed again under the whole rulebooks; the reader loads with them, when first needed.
    let loaded;
    try {
      loaded = await Promise.all([import('@/report/export-file'), Promise.all(rulebooks.map(load)), file.text(), import('@/engine/problem-words-zh')]);
    } catch {
      setError({ message: t('app.loadFailed'), problems: [] });
      onFailed?.();
      return;
    }
    const [{ importJson, importErrorMessage }, whole, text, { problemWords }] = loaded;
    const result = importJson(whole, text, problemWords(lang));
    if (result.ok) {
      setError(null);
      // The interview of this policy under way in this browser, with other answers: replaced only once the user says so.
      const session = loadSession(result.value.rulebook);
      const underWay = session.status === 'restored' ? session.answers : {};
      if (Object.keys(underWay).length > 0 && !sameAskedAnswers(result.value.rulebook, underWay, result.value.answers)) setPending({ imported: result.value, fileName: file.name, underWay });
      else onImported(result.value);
    } else {
      // Where in the file, when the file is one of ours with something wrong inside; the message says it all otherwise.
      const located = result.error.code === 'malformed' || result.error.code === 'invalidAnswers';
      setError({ message: t('wizard.importFailed', { name: file.name }) + importErrorMessage(result.error, lang), problems: located ? result.error.problems.slice(0, 20).map((p) => `${p.path}${t('punct.colon')}${p.message}`) : [] });
      onFailed?.();
    }
  };

  return (
    <div className="import-control no-print">
      <FileField
        id="import-file"
        label={t('wizard.importLabel')}
        help={t('wizard.importHelp')}
        accept=".json,application/json"
        onFile={(file) => {
          setPending(null);
          void read(file);
        }}
      />
      {pending && (
        <LazyScreen>
          <ImportedFileQuestion
            rulebook={pending.imported.rulebook}
            underWay={pending.underWay}
            fileName={pending.fileName}
            onOpen={() => {
              setPending(null);
              onImported(pending.imported);
            }}
            onKeep={() => setPending(null)}
          />
        </LazyScreen>
      )}
      {error && (
        <div className="field-error-block" role="alert">
          <p className="field-error">{error.message}</p>
          {error.problems.length > 0 && <p>{t('wizard.importWhere')}</p>}
          {error.problems.length > 0 && (
            <ul>
              {error.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
