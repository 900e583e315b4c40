/**
 * Previous / page n of m / next, and, over a few pages, a page number to go to: long lists (the workspace's
 * entries, a batch's members — 18,000 members are 360 pages) are read a page at a time.
 */
import { useRef, useState } from 'react';
import { registerMessages } from '@/i18n';
import { useTranslation } from '@/i18n/react';

const zh = { page: '第 {{page}} / {{pages}} 页', previous: '上一页', next: '下一页', goTo: '跳到第几页', go: '跳转', outOfRange: '请输入 1 到 {{pages}} 之间的页码' };
const en: typeof zh = { page: 'Page {{page}} of {{pages}}', previous: 'Previous page', next: 'Next page', goTo: 'Go to page', go: 'Go', outOfRange: 'Enter a page from 1 to {{pages}}' };
registerMessages('pager', { zh, en });

/** More pages than this: a page number can be typed. */
const TYPED_FROM = 3;

/** `label` names the landmark (a list with a pager above and below has two: each needs its own name). `id` makes the input's id unique. */
export function Pager({ id, label, page, pages, onPage }: { id: string; label: string; page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState(false);
  const goTo = (target: number) => {
    setProblem(false);
    onPage(target);
    // The button pressed is disabled on the first and last page: keep the focus in this pager.
    requestAnimationFrame(() => {
      if (target === 0 && document.activeElement === previous.current) next.current?.focus();
      else if (target === pages - 1 && document.activeElement === next.current) previous.current?.focus();
    });
  };
  const goToTyped = () => {
    // Digits as people type them, full-width ones too (１０).
    const n = Number(typed.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    if (!Number.isInteger(n) || n < 1 || n > pages) {
      setProblem(true);
      return;
    }
    setProblem(false);
    setTyped('');
    onPage(n - 1);
  };
  const inputId = `${id}-page`;
  return (
    <nav className="button-row pager" aria-label={label}>
      <button ref={previous} type="button" className="button secondary" disabled={page === 0} onClick={() => goTo(page - 1)}>
        {t('pager.previous')}
      </button>
      <span className="pager-position">{t('pager.page', { page: page + 1, pages })}</span>
      <button ref={next} type="button" className="button secondary" disabled={page >= pages - 1} onClick={() => goTo(page + 1)}>
        {t('pager.next')}
      </button>
      {pages >= TYPED_FROM && (
        <span className="pager-go">
          <label htmlFor={inputId}>{t('pager.goTo')}</label>
          <input
            id={inputId}
            type="text"
            inputMode="numeric"
            size={4}
            value={typed}
            aria-invalid={problem || undefined}
            aria-describedby={problem ? `${inputId}-problem` : undefined}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') goToTyped();
            }}
          />
          <button type="button" className="button secondary" onClick={goToTyped}>
            {t('pager.go')}
          </button>
          {problem && (
            <span id={`${inputId}-problem`} className="field-error" role="alert">
              {t('pager.outOfRange', { pages })}
            </span>
          )}
        </span>
      )}
    </nav>
  );
}
