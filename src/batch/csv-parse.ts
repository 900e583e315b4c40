/**
 * An incremental RFC 4180 parser: feed it text in chunks of any size (the CLI streams, the browser
 * feeds the whole file), get complete records back. Quoted cells may hold commas, "" and line breaks;
 * lines end in CRLF or LF (or a lone CR). It is lenient where Excel is: a quote inside an unquoted cell is
 * kept as a character. Each record carries its row number as Excel shows it (the first record is row 1;
 * a line break inside a quoted cell does not start a new row).
 */
export type CsvRecord = {
  cells: string[];
  row: number;
  /** The 0-based index of the cell whose opening quote is never closed (the file ended inside it). */
  unclosedQuoteAt?: number;
};

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export class CsvParser {
  private cells: string[] = [];
  private field = '';
  /** The current cell began with a quote (so `""` is an empty value, not nothing). */
  private quoted = false;
  private inQuotes = false;
  /** A chunk ended on a quote inside a quoted cell: the next character says whether it was `""` or the end. */
  private quotePending = false;
  /** A chunk ended on CR: a LF starting the next one belongs to the same line end. */
  private crPending = false;
  private row = 1;

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const s = chunk;
    const n = s.length;
    let i = 0;
    if (this.crPending && n > 0) {
      this.crPending = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    if (this.quotePending && i < n) {
      this.quotePending = false;
      if (s.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i += 1;
      } else this.inQuotes = false;
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = s.indexOf('"', i);
        if (q === -1) {
          this.field += s.slice(i);
          break;
        }
        this.field += s.slice(i, q);
        if (q + 1 === n) {
          this.quotePending = true;
          i = n;
          break;
        }
        if (s.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      let j = i;
      let c = 0;
      while (j < n) {
        c = s.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
        j += 1;
      }
      if (j > i) this.field += s.slice(i, j);
      if (j === n) break;
      if (c === QUOTE) {
        if (this.field === '' && !this.quoted) {
          this.inQuotes = true;
          this.quoted = true;
        } else this.field += '"';
        i = j + 1;
      } else if (c === COMMA) {
        this.endCell();
        i = j + 1;
      } else {
        out.push(this.endRecord());
        i = j + 1;
        if (c === CR) {
          if (i === n) this.crPending = true;
          else if (s.charCodeAt(i) === LF) i += 1;
        }
      }
    }
    return out;
  }

  /** The last record, if the text does not end with a line break; flags a quote left open. */
  end(): CsvRecord[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    const unclosed = this.inQuotes ? this.cells.length : undefined;
    this.inQuotes = false;
    if (this.cells.length === 0 && this.field === '' && !this.quoted) return [];
    const record = this.endRecord();
    if (unclosed !== undefined) record.unclosedQuoteAt = unclosed;
    return [record];
  }

  private endCell() {
    this.cells.push(this.field);
    this.field = '';
    this.quoted = false;
  }

  private endRecord(): CsvRecord {
    this.endCell();
    const record = { cells: this.cells, row: this.row };
    this.cells = [];
    this.row += 1;
    return record;
  }
}

/** Parse a whole text. */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}
