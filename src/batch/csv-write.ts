/**
 * Writing CSV cells safely (minimal: src/report/csv.ts, when it exists, should replace this).
 * Cells are quoted when they hold a comma, quote or line break; a text that a spreadsheet would run as a
 * formula (= + - @, tab, CR at the start) is neutralised with a leading apostrophe (OWASP "CSV injection").
 */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

export function csvCell(cell: string): string {
  const safe = neutralise(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line, ending in CRLF as RFC 4180 and Excel expect. */
export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function toCsv(rows: string[][]): string {
  return rows.map(csvLine).join('');
}
