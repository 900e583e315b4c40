/**
 * The whole policy text with the quoted passage highlighted and scrolled into view. The focus goes to the
 * paragraph holding the passage, so that a screen reader reads the quote first (not the policy from its
 * title on) and Tab continues from there; to the heading only when the passage is not found.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from '@/i18n/react';
import { localize } from '@/i18n';
import { useLanguage } from '@/app/language';
import type { CompiledRulebook } from '@/rulebook/schema';
import { findQuote } from '@/report/quote';
import '@/features/results/messages';
import './results.css';

export function SourceView({ rulebook, quote, onClose }: { rulebook: CompiledRulebook; quote: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const passage = useRef<HTMLParagraphElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const quoted = passage.current;
    if (!quoted) {
      heading.current?.focus();
      return;
    }
    quoted.focus({ preventScroll: true });
    quoted.querySelector('mark')?.scrollIntoView?.({ block: 'center' });
  }, []);
  const paragraphs = rulebook.source.split(/\n+/).filter((p) => p.trim() !== '');
  const hit = paragraphs.findIndex((p) => findQuote(p, quote) !== null);
  return (
    <section className="source-view" aria-labelledby="source-heading">
      <div className="actions top-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          {t('results.backToResults')}
        </button>
      </div>
      <h1 id="source-heading" ref={heading} tabIndex={-1}>
        {t('results.sourceTitle')}
        {t('punct.colon')}
        {localize(rulebook.meta.title, lang)}
      </h1>
      <p className="muted">{t('results.highlighted')}</p>
      <div className="source-text" lang="zh-CN">
        {paragraphs.map((p, i) => {
          const at = i === hit ? findQuote(p, quote) : null;
          if (!at) return <p key={i}>{p}</p>;
          return (
            <p key={i} ref={passage} tabIndex={-1} className="quoted-passage">
              {p.slice(0, at[0])}
              <mark>{p.slice(at[0], at[1])}</mark>
              {p.slice(at[1])}
            </p>
          );
        })}
      </div>
      <div className="actions">
        <button type="button" className="button secondary" onClick={onClose}>
          {t('results.backToResults')}
        </button>
      </div>
    </section>
  );
}
