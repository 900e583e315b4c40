/**
 * Reads a batch file record by record — the same code for the browser (whole file) and the CLI (streamed):
 * the header (row 1: question ids), the template's label row if present (row 2: skipped), then one member
 * per row with its answers and the issues of its cells. A row with an error is reported and not assessed;
 * the other rows are. A problem with the file as a whole stops it: `problem` is set and no member follows.
 * CSV text is pushed with `push`; a worksheet's rows, already split into cells, with `pushRecords`
 * (format 'xlsx'): the same checks, with row and column as Excel numbers them.
 */
import { questionnairePlan, readAnswers } from '../engine/answers-state.ts';
import { translator } from '../i18n/index.ts';
import type { Answers, CompiledRulebook } from '../rulebook/schema.ts';
import { batchColumns, normalise, type BatchColumn, type BatchColumns } from './columns.ts';
import { CsvParser, type CsvRecord } from './csv-parse.ts';
import { closest } from './similar.ts';
import { columnLetter, type BatchIssue, type Delimiter, type FileProblem } from './problems.ts';
// Registers the batch messages (t('batch.…')).
import '../features/batch/messages.ts';

export type BatchMember = {
  /** The row as Excel shows it. */
  row: number;
  /** The name from the name column; '' when empty. */
  name: string;
  answers: Answers;
  issues: BatchIssue[];
  /** No error in the row: it is assessed. */
  valid: boolean;
};

type HeaderColumn = { index: number; column: BatchColumn };

/** Where the records come from: CSV text (split here) or a worksheet (split by src/batch/xlsx.ts). */
export type BatchFormat = 'csv' | 'xlsx';

export class BatchReader {
  problem: FileProblem | null = null;
  /** Issues with the header row: unknown, repeated or missing columns (warnings: the rows are still read). */
  readonly headerIssues: BatchIssue[] = [];
  rulebook: CompiledRulebook | null = null;
  columns: BatchColumns | null = null;
  /** Counts so far. */
  members = 0;
  /** The row of the last record read (for messages about where reading stopped). */
  lastRow = 0;
  invalidRows = 0;
  warnings = 0;

  private readonly parser = new CsvParser();
  private readonly candidates: CompiledRulebook[];
  private header: HeaderColumn[] | null = null;
  private headerLength = 0;
  private labelRowChecked = false;
  private readonly names = new Map<string, number>();
  private sawRecord = false;
  /** The header's non-empty cells (known or not): in a worksheet, a value elsewhere has no column. */
  private readonly headed = new Set<number>();
  private readonly format: BatchFormat;
  private readonly prefer: string | undefined;

  /**
   * Several rulebooks: the one whose questions the header names most is used. `prefer`: the id of the one to use
   * when the header fits several equally (the policy chosen on the app's batch screen: a policy started as a copy
   * of another shares its question ids).
   */
  constructor(rulebooks: CompiledRulebook | CompiledRulebook[], options: { format?: BatchFormat; prefer?: string } = {}) {
    this.candidates = Array.isArray(rulebooks) ? rulebooks : [rulebooks];
    this.format = options.format ?? 'csv';
    this.prefer = options.prefer;
  }

  push(text: string): BatchMember[] {
    if (this.problem) return [];
    return this.records(this.parser.push(text));
  }

  /** Records already split into cells, e.g. a worksheet's rows (each with its Excel row number). */
  pushRecords(records: CsvRecord[]): BatchMember[] {
    if (this.problem) return [];
    return this.records(records);
  }

  end(): BatchMember[] {
    if (this.problem) return [];
    const out = this.records(this.parser.end());
    if (!this.problem && !this.sawRecord) this.problem = { code: 'empty' };
    else if (!this.problem && this.members === 0 && this.invalidRows === 0) this.problem = { code: 'noRows' };
    return out;
  }

  private records(records: CsvRecord[]): BatchMember[] {
    const out: BatchMember[] = [];
    for (const record of records) {
      if (this.problem) break;
      this.lastRow = record.row;
      if (isBlank(record.cells) && record.unclosedQuoteAt === undefined) continue;
      this.sawRecord = true;
      if (!this.header) {
        this.readHeader(record);
        continue;
      }
      if (!this.labelRowChecked) {
        this.labelRowChecked = true;
        if (this.isLabelRow(record.cells)) continue;
      }
      const member = this.member(record);
      if (member.valid) this.members += 1;
      else this.invalidRows += 1;
      if (member.issues.length > 0) this.warnings += member.issues.filter((i) => i.severity === 'warning').length;
      out.push(member);
    }
    return out;
  }

  private readHeader(record: CsvRecord) {
    const cells = record.cells.map((c) => c.replace(/^\uFEFF/, ''));
    // A CSV header in one piece was split on the wrong character; a worksheet has its columns already.
    if (cells.length === 1 && this.format === 'csv') {
      const delimiter = foundDelimiter(cells[0]!);
      if (delimiter) {
        this.problem = { code: 'wrongDelimiter', params: { delimiter } };
        return;
      }
    }
    // A JSON file chosen by mistake (an assessment or the workspace exported by the app).
    if (/^\s*[[{]/.test(cells[0] ?? '')) {
      this.problem = { code: 'jsonFile' };
      return;
    }
    // The rulebook whose columns the header names most (with one rulebook, that one).
    let best: { rulebook: CompiledRulebook; columns: BatchColumns; matched: number } | null = null;
    let tied: { rulebook: CompiledRulebook; columns: BatchColumns }[] = [];
    for (const rulebook of this.candidates) {
      const columns = batchColumns(rulebook);
      const lookup = headerLookup(columns);
      const matched = cells.filter((c) => {
        const column = inHeader(lookup, c);
        return column !== undefined && column.question !== null && column.id !== columns.nameColumn;
      }).length;
      if (!best || matched > best.matched) [best, tied] = [{ rulebook, columns, matched }, [{ rulebook, columns }]];
      else if (matched === best.matched) tied.push({ rulebook, columns });
    }
    if (!best || best.matched === 0) {
      const examples = best ? best.columns.columns.slice(0, 3).map((c) => c.id).join(', ') : '';
      this.problem = { code: 'noHeader', params: { examples } };
      return;
    }
    if (tied.length > 1) {
      const preferred = tied.find((t) => t.rulebook.meta.id === this.prefer);
      if (!preferred) {
        const known = tied.map((t) => t.rulebook.meta.id).join(', ');
        this.problem = this.prefer === undefined ? { code: 'noRulebook', params: { known } } : { code: 'choosePolicy', params: { known } };
        return;
      }
      best = { ...preferred, matched: best.matched };
    }
    this.rulebook = best.rulebook;
    this.columns = best.columns;
    const lookup = headerLookup(best.columns);
    const header: HeaderColumn[] = [];
    const first = new Map<string, number>();
    cells.forEach((raw, index) => {
      const value = raw.trim();
      if (value === '') return;
      this.headed.add(index);
      const at = (code: BatchIssue['code'], params: BatchIssue['params'] = {}): BatchIssue => ({ row: record.row, column: value, cell: `${columnLetter(index)}${record.row}`, value, code, params, severity: 'warning' });
      const column = inHeader(lookup, value);
      if (!column) {
        const suggestion = closest(normalise(value), best.columns.columns.map((c) => c.id));
        this.headerIssues.push(suggestion ? at('unknownColumnSuggest', { suggestion }) : at('unknownColumn'));
      } else if (first.has(column.id)) this.headerIssues.push(at('duplicateColumn', { first: columnLetter(first.get(column.id)!) }));
      else {
        first.set(column.id, index);
        header.push({ index, column });
      }
    });
    for (const column of best.columns.columns) {
      const q = column.question;
      if (!first.has(column.id) && q && !q.optional && !q.context && !q.derivedFrom)
        this.headerIssues.push({ row: record.row, column: column.id, cell: null, value: column.id, code: 'missingColumn', params: {}, severity: 'warning' });
    }
    this.header = header;
    this.headerLength = cells.length;
    this.warnings += this.headerIssues.length;
  }

  /** The template's second row: its cells begin with the questions' labels. */
  private isLabelRow(cells: string[]): boolean {
    let labels = 0;
    let others = 0;
    for (const { index, column } of this.header!) {
      const cell = normalise(cells[index] ?? '');
      if (cell === '') continue;
      if (labelsOf(column).some((l) => cell.startsWith(l))) labels += 1;
      else others += 1;
    }
    return labels > 0 && labels >= others;
  }

  private member(record: CsvRecord): BatchMember {
    const { row, cells } = record;
    const issues: BatchIssue[] = [];
    const answers: Answers = {};
    let name = '';
    const header = this.header!;
    for (let i = 0; i < header.length; i += 1) {
      const { index, column } = header[i]!;
      const raw = cells[index] ?? '';
      const result = column.read(raw);
      if (!result.ok) {
        issues.push({ row, column: column.id, cell: cellRef(index, row), value: raw, code: result.code, params: result.params ?? {}, severity: 'error' });
        continue;
      }
      if (result.value === undefined) continue;
      if (column.id === this.columns!.nameColumn) name = String(result.value);
      if (column.question) answers[column.id] = result.value;
    }
    if (record.unclosedQuoteAt !== undefined) {
      const index = record.unclosedQuoteAt;
      const h = this.header!.find((c) => c.index === index);
      issues.push({ row, column: h?.column.id ?? null, cell: cellRef(index, row), value: (cells[index] ?? '').slice(0, 40), code: 'unclosedQuote', params: {}, severity: 'error' });
    }
    if (this.format === 'xlsx') {
      // No comma can shift a worksheet's cells: a value under no header is a note beside the table, ignored.
      cells.forEach((c, index) => {
        if (!this.headed.has(index) && c.trim() !== '') issues.push({ row, column: null, cell: cellRef(index, row), value: c.slice(0, 40), code: 'noHeaderCell', params: {}, severity: 'warning' });
      });
    } else if (cells.length > this.headerLength && cells.slice(this.headerLength).some((c) => c.trim() !== ''))
      issues.push({ row, column: null, cell: null, value: '', code: 'extraCells', params: { cells: cells.length, columns: this.headerLength }, severity: 'error' });
    if (name !== '') {
      const first = this.names.get(name);
      if (first !== undefined) {
        const index = this.header!.find((c) => c.column.id === this.columns!.nameColumn)!.index;
        issues.push({ row, column: this.columns!.nameColumn, cell: cellRef(index, row), value: name, code: 'duplicateName', params: { first }, severity: 'warning' });
      } else this.names.set(name, row);
    }
    const valid = !issues.some((i) => i.severity === 'error');
    // A row with an error is not assessed: what it leaves empty is not worth a word more.
    if (valid) issues.push(...this.emptyCells(row, cells, answers));
    return { row, name, answers, issues, valid };
  }

  /**
   * Empty cells of questions the member is asked (by the answers of the row), read as the interview reads an
   * untouched field: a multiple choice that may be left empty ("可不选") is "none of these", as the interview
   * submits it; a question that must be answered is a warning, at its cell (the member is still assessed, and the
   * clauses that depend on it can only come out "may apply"). A column left out of the file is said once, in the
   * header's issues.
   */
  private emptyCells(row: number, cells: string[], answers: Answers): BatchIssue[] {
    const rulebook = this.rulebook!;
    const empty = this.header!.filter(({ index, column }) => column.question && column.id !== this.columns!.nameColumn && (cells[index] ?? '').trim() === '');
    if (empty.length === 0) return [];
    const noneChosen: string[] = [];
    for (const { column } of empty)
      if (column.question!.type === 'multi' && column.question!.optional) {
        answers[column.id] = [];
        noneChosen.push(column.id);
      }
    // Read as the engine reads them (a compiled plan, arrays by question: this runs for every member).
    const plan = questionnairePlan(rulebook.questionnaire, rulebook.parameters);
    const { visibility } = readAnswers(plan, answers);
    const asked = (id: string) => visibility[plan.info.index.get(id) ?? -1] === true;
    // A question not asked keeps no answer.
    for (const id of noneChosen) if (!asked(id)) delete answers[id];
    const issues: BatchIssue[] = [];
    for (const { index, column } of empty) {
      const q = column.question!;
      if (q.optional || q.context || q.derivedFrom || !asked(q.id)) continue;
      issues.push({ row, column: column.id, cell: cellRef(index, row), value: '', code: 'unanswered', params: {}, severity: 'warning' });
    }
    return issues;
  }
}

/** A cell's reference as Excel shows it (B7). */
function cellRef(index: number, row: number): string {
  return `${columnLetter(index)}${row}`;
}

/** A record with nothing but spaces. (A loop, not every(): this runs for every row.) */
function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i += 1) if (cells[i] !== '' && cells[i]!.trim() !== '') return false;
  return true;
}

/**
 * The column a header cell names: by its id or label as written, or — the template's label row used as the header,
 * its first row deleted — by the label its cell begins with ("您以什么身份填写？ / Who are you answering for?⏎单选…").
 */
function inHeader(lookup: ReadonlyMap<string, BatchColumn>, cell: string): BatchColumn | undefined {
  const key = normalise(cell);
  const found = lookup.get(key);
  if (found) return found;
  const firstLine = cell.split(/\r?\n/)[0]!;
  for (const part of [firstLine, ...firstLine.split(' / ')]) {
    const column = lookup.get(normalise(part));
    if (column) return column;
  }
  return undefined;
}

/** Header cells name a column by its id, or by its question's label in either language. */
function headerLookup(columns: BatchColumns): Map<string, BatchColumn> {
  const lookup = new Map<string, BatchColumn>();
  for (const column of columns.columns) lookup.set(normalise(column.id), column);
  const nameColumn = columns.byId.get(columns.nameColumn)!;
  // The name column as associations head it too.
  for (const alias of ['name', '名称', 'respondent_name', '会员名称', '企业名称', '单位名称', '公司名称', '会员', 'member', 'member name', 'company', 'company name', ...labelsOf(nameColumn)])
    if (!lookup.has(alias)) lookup.set(alias, nameColumn);
  for (const column of columns.columns) for (const label of column.question ? [column.question.label.zh, column.question.label.en] : []) if (!lookup.has(normalise(label))) lookup.set(normalise(label), column);
  return lookup;
}

const labelCache = new WeakMap<BatchColumn, string[]>();
/** The labels the template writes at the start of a column's label cell. */
export function labelsOf(column: BatchColumn): string[] {
  let labels = labelCache.get(column);
  if (!labels) {
    labels = (column.question ? [column.question.label.zh, column.question.label.en] : [translator('zh')('batch.template.name'), translator('en')('batch.template.name')]).map(normalise);
    labelCache.set(column, labels);
  }
  return labels;
}

/** A header that comma-splitting left in one piece, but that another separator would split. */
function foundDelimiter(cell: string): Delimiter | null {
  const counts: [Delimiter, number][] = [
    ['semicolon', cell.split(';').length - 1],
    ['tab', cell.split('\t').length - 1],
    ['pipe', cell.split('|').length - 1],
  ];
  const [delimiter, count] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return count > 0 ? delimiter : null;
}

