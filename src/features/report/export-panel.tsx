/**
 * Downloads (JSON, Markdown, CSV) and the share link, from the results page. Everything is made in the
 * browser; the share link keeps the answers in the URL fragment, which browsers never send to a server.
 */
import { useState } from 'react';
import { useTranslation } from '@/i18n/react';
import type { Assessment } from '@/engine';
import { useLanguage } from '@/app/language';
import { csvReport, withBom } from '@/report/csv';
import { exportFileName, exportJson } from '@/report/export-file';
import { markdownReport } from '@/report/markdown';
import { respondentNameOf } from '@/report/model';
import { shareUrl } from '@/share/share-link';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import { downloadText } from './download';
// Registers the exports messages (t('exports.…')).
import './messages';
import '@/features/results/messages';
import '@/shared/ui/tables.css';

type Props = { rulebook: CompiledRulebook; assessment: Assessment; answers: Answers };

export function ExportPanel({ rulebook, assessment, answers }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const date = new Date().toISOString().slice(0, 10);
  const respondentName = respondentNameOf(rulebook, answers);
  const name = (ext: 'json' | 'md' | 'csv') => exportFileName({ rulebookId: rulebook.meta.id, date, respondentName }, ext);

  const share = async () => {
    const url = shareUrl(window.location.href, rulebook, answers);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: the link is shown to copy by hand.
      setCopied(false);
    }
  };

  return (
    <section className="card export-panel no-print" aria-labelledby="export-heading">
      {/* Focused by "export, share or save" at the top of the results (a long page on a phone). */}
      <h2 id="export-heading" tabIndex={-1}>
        {t('results.exportTitle')}
      </h2>
      <div className="button-row">
        <button type="button" className="button secondary" onClick={() => downloadText(name('json'), exportJson({ rulebook, assessment, answers, respondentName }), 'application/json')}>
          {t('results.downloadJson')}
        </button>
        <button type="button" className="button secondary" onClick={() => downloadText(name('md'), markdownReport({ rulebook, assessment, answers, lang, date }), 'text/markdown;charset=utf-8')}>
          {t('results.downloadMarkdown')}
        </button>
        <button type="button" className="button secondary" onClick={() => downloadText(name('csv'), withBom(csvReport({ rulebook, assessment, lang })), 'text/csv;charset=utf-8')}>
          {t('results.downloadCsv')}
        </button>
        <button type="button" className="button secondary" onClick={() => void share()}>
          {t('results.shareLink')}
        </button>
      </div>
      <p className="muted small">{t('results.exportPrivacy')}</p>
      {link && (
        <div className="share-link">
          <label htmlFor="share-link-field">{t('results.shareLinkLabel')}</label>
          <input id="share-link-field" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <p role="status">{copied ? t('exports.share.copied') : t('results.shareCopyByHand')}</p>
        </div>
      )}
    </section>
  );
}
