/**
 * A wide table's scrolling region (the workspace's comparison, the batch's matrix and problems): on a phone the
 * table is wider than the screen, and nothing but a cut-off column said that more lies to the right. While the
 * table overflows, a line above it says so, and a shade marks the right edge while columns lie beyond it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { registerMessages } from '@/i18n';
import { useTranslation } from '@/i18n/react';

const zh = { hint: '表格较宽：左右滑动可查看其余各列。' };
const en: typeof zh = { hint: 'The table is wider than the screen: scroll it sideways to see the other columns.' };
registerMessages('scrollRegion', { zh, en });

/** Whether the table is wider than its region, and whether columns lie beyond its right edge. */
type Overflow = { wider: boolean; right: boolean };
const NONE: Overflow = { wider: false, right: false };

/** `labelledBy`: the id of the table's caption, which names the region too. */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const { t } = useTranslation();
  const region = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>(NONE);
  useEffect(() => {
    const element = region.current;
    if (!element) return;
    const measure = () => {
      // A pixel of rounding is not a column.
      const hidden = element.scrollWidth - element.clientWidth;
      const next = hidden > 1 ? { wider: true, right: element.scrollLeft < hidden - 1 } : NONE;
      setOverflow((now) => (now.wider === next.wider && now.right === next.right ? now : next));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    // The region narrows with the window, the table widens with its rows (a page of the matrix, a language).
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    return () => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);
  const hintId = `${labelledBy}-scroll-hint`;
  const frame = overflow.right ? 'scroll-frame more-right' : 'scroll-frame';
  return (
    <>
      {overflow.wider && (
        <p id={hintId} className="scroll-hint muted no-print">
          {t('scrollRegion.hint')}
        </p>
      )}
      <div className={frame}>
        <div ref={region} className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy} aria-describedby={overflow.wider ? hintId : undefined}>
          {children}
        </div>
      </div>
    </>
  );
}
