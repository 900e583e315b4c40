/**
 * The member × clause matrix: sortable by name, row or any clause; filtered by name and by a verdict
 * (in one clause or any); a page at a time, so ten thousand members do not make ten thousand rows.
 * A page's rows are added a few per frame: laying out a page of a thousand verdicts at once is a frame of
 * over 100 ms on a slow machine, ten rows at a time stays well under it.
 * Each member's Markdown report is made on demand from its answers.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '@/i18n/react';
import { Pager } from '@/shared/ui/pager';
import { useLanguage } from '@/app/language';
import type { BatchMatrix, MatrixRow } from '@/batch';
import { assess } from '@/engine';
import { localize, languageTag } from '@/i18n';
import { downloadText } from '@/features/report/download';
import { exportFileName } from '@/report/export-file';
import { markdownReport } from '@/report/markdown';
import { clauseLabel } from '@/rulebook/source';
import { VERDICTS, type CompiledRulebook, type Verdict } from '@/rulebook/schema';
import type { BatchMemberRef } from './run';
// Registers the batch messages (t('batch.…')).
import './messages';
import { ScrollRegion } from '@/shared/ui/scroll-region';
import '@/shared/ui/tables.css';

const PAGE = 50;
/** Rows in the first frame of a page, and added in each frame after it. */
const ROWS_PER_FRAME = 10;
/** Longer names than this may be cut to three lines in the matrix: they carry their whole text as a tooltip. */
const MEMBER_NAME_SHOWN = 60;
/** Sorting by a clause puts the members it applies to first. */
const RANK: Record<Verdict, number> = { applies: 0, possible: 1, does_not_apply: 2, for_information: 3 };

type SortKey = 'row' | 'name' | number;
type Props = { matrix: BatchMatrix; rulebook: CompiledRulebook; members: BatchMemberRef[] };

export function MatrixView({ matrix, rulebook, members }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'row', descending: false });
  const [text, setText] = useState('');
  const [clause, setClause] = useState<number | 'any'>('any');
  const [verdict, setVerdict] = useState<Verdict | 'all'>('all');
  const [page, setPage] = useState(0);
  const query = useDeferredValue(text.trim().toLowerCase());
  const byRow = useMemo(() => new Map(members.map((m) => [m.row, m])), [members]);
  // The verdict words once, not once per cell (a page has a thousand cells). The cell itself takes the
  // verdict's colours: a pill in each cell doubled the cost of laying out and painting a page.
  const verdictWords = useMemo(
    () =>
      Object.fromEntries(
        VERDICTS.map((v) => [
          v,
          <>
            <span aria-hidden="true">{t(`verdictIcon.${v}`)}</span> {t(`verdict.${v}`)}
          </>,
        ]),
      ) as Record<Verdict, React.ReactNode>,
    [t],
  );
  const nameOf = (row: MatrixRow) => row.name || t('batch.matrix.rowName', { row: row.row });

  const visible = useMemo(() => {
    // Numbers in names in their order (会员2 before 会员10), as the workspace sorts them.
    const collator = new Intl.Collator(languageTag(lang), { numeric: true });
    // A member without a name goes by its row, as shown ("第 23 行"): found and sorted by that.
    const label = (r: MatrixRow) => r.name || t('batch.matrix.rowName', { row: r.row });
    let rows = matrix.rows;
    if (query) rows = rows.filter((r) => label(r).toLowerCase().includes(query));
    if (verdict !== 'all') rows = rows.filter((r) => (clause === 'any' ? r.verdicts.includes(verdict) : r.verdicts[clause] === verdict));
    const key = sort.key;
    const compare =
      key === 'row'
        ? (a: MatrixRow, b: MatrixRow) => a.row - b.row
        : key === 'name'
          ? (a: MatrixRow, b: MatrixRow) => collator.compare(label(a), label(b)) || a.row - b.row
          : (a: MatrixRow, b: MatrixRow) => RANK[a.verdicts[key]!] - RANK[b.verdicts[key]!] || a.row - b.row;
    const sorted = [...rows].sort(compare);
    return sort.descending ? sorted.reverse() : sorted;
  }, [matrix.rows, query, verdict, clause, sort, lang, t]);

  const pages = Math.max(1, Math.ceil(visible.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = useMemo(() => visible.slice(current * PAGE, current * PAGE + PAGE), [visible, current]);
  // A new page (or order, or filter) starts with its first rows; the rest follow a frame at a time.
  const [rendered, setRendered] = useState({ rows: shown, count: ROWS_PER_FRAME });
  if (rendered.rows !== shown) setRendered({ rows: shown, count: ROWS_PER_FRAME });
  const complete = rendered.count >= shown.length;
  useEffect(() => {
    if (complete) return;
    const frame = requestAnimationFrame(() => setRendered((r) => (r.rows === shown ? { rows: shown, count: r.count + ROWS_PER_FRAME } : r)));
    return () => cancelAnimationFrame(frame);
  }, [shown, rendered, complete]);

  const sortBy = (key: SortKey) => {
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
    setPage(0);
  };
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined);
  const arrow = (key: SortKey) => (sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : '');

  const report = (row: MatrixRow) => {
    const member = byRow.get(row.row);
    if (!member) return;
    const date = new Date().toISOString().slice(0, 10);
    const name = nameOf(row);
    const text = markdownReport({ rulebook, assessment: assess(rulebook, member.answers), answers: member.answers, lang, date, respondentName: name });
    downloadText(exportFileName({ rulebookId: rulebook.meta.id, date, respondentName: name }, 'md'), text, 'text/markdown;charset=utf-8');
  };

  return (
    <div className="batch-matrix">
      <h3 id="matrix-heading">{t('batch.ui.matrixTitle')}</h3>
      <div className="filters">
        <div>
          <label htmlFor="matrix-filter-text" className="question-label">
            {t('batch.ui.filterText')}
          </label>
          <input
            id="matrix-filter-text"
            type="text"
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setPage(0);
            }}
          />
        </div>
        <div>
          <label htmlFor="matrix-filter-clause" className="question-label">
            {t('batch.ui.filterClause')}
          </label>
          <select
            id="matrix-filter-clause"
            value={String(clause)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setClause(v === 'any' ? 'any' : Number(v));
              setPage(0);
            }}
          >
            <option value="any">{t('batch.ui.anyClause')}</option>
            {matrix.clauses.map((c, i) => (
              <option key={c.id} value={i}>
                {clauseLabel(c.clause, lang)} {localize(c.title, lang)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="matrix-filter-verdict" className="question-label">
            {t('batch.ui.filterVerdict')}
          </label>
          <select
            id="matrix-filter-verdict"
            value={verdict}
            onChange={(e) => {
              setVerdict(e.currentTarget.value as Verdict | 'all');
              setPage(0);
            }}
          >
            <option value="all">{t('batch.ui.anyVerdict')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`verdictIcon.${v}`)} {t(`verdict.${v}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="muted">
        {visible.length ? t('batch.ui.shown', { from: current * PAGE + 1, to: current * PAGE + shown.length, count: visible.length }) : t('batch.ui.shownNone')}
      </p>
      {/* Above the scrolling region, not a <caption> in it: it stays in view while the clauses scroll sideways. */}
      <p id="matrix-caption" className="table-caption" aria-hidden="true">
        {t('batch.ui.matrixCaption')}
      </p>
      <ScrollRegion labelledBy="matrix-caption">
        <table className="report-table matrix-table" aria-labelledby="matrix-caption">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('row')}>
                <button type="button" className="sort-button" onClick={() => sortBy('row')}>
                  {t('batch.matrix.row')}
                  {arrow('row')}
                </button>
              </th>
              <th scope="col" aria-sort={ariaSort('name')}>
                <button type="button" className="sort-button" onClick={() => sortBy('name')}>
                  {t('batch.matrix.name')}
                  {arrow('name')}
                </button>
              </th>
              {matrix.clauses.map((c, i) => (
                <th scope="col" key={c.id} aria-sort={ariaSort(i)}>
                  <button type="button" className="sort-button" title={localize(c.title, lang)} onClick={() => sortBy(i)}>
                    {clauseLabel(c.clause, lang)}{' '}
                    <span className="visually-hidden">{localize(c.title, lang)}</span>
                    {arrow(i)}
                  </button>
                </th>
              ))}
              <th scope="col">{t('batch.ui.report')}</th>
            </tr>
          </thead>
          <tbody aria-busy={complete ? undefined : true}>
            {shown.slice(0, rendered.count).map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <th scope="row">
                  {/* A name of a paragraph's length shows its first three lines (all of it on hover, to a screen reader, and in the member's report). */}
                  <span className="member-name" title={nameOf(row).length > MEMBER_NAME_SHOWN ? nameOf(row) : undefined}>
                    {nameOf(row)}
                  </span>
                </th>
                {row.verdicts.map((v, i) => (
                  <td key={matrix.clauses[i]!.id} className={`badge-${v}`}>
                    {verdictWords[v]}
                  </td>
                ))}
                <td>
                  <button type="button" className="link-button" onClick={() => report(row)}>
                    {t('batch.ui.report')}
                    <span className="visually-hidden">{t('batch.ui.reportFor', { name: nameOf(row) })}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {pages > 1 && (
        <Pager id="matrix-pages" label={t('batch.ui.pagesLabel')} page={current} pages={pages} onPage={setPage} />
      )}
    </div>
  );
}
