/**
 * A minimal Excel workbook (.xlsx) writer: one worksheet of text and numbers, the first row bold, the
 * second (the template's labels) wrapped, both frozen. Enough for the batch template and example, and for
 * tests that need real workbook bytes. Loaded on demand, like the reader.
 */
import { strToU8, zipSync } from 'fflate';
import { parseCsv } from './csv-parse.ts';
import { batchExample, batchTemplate } from './template.ts';
import type { Language } from '../i18n/index.ts';
import type { CompiledRulebook } from '../rulebook/schema.ts';
import { columnLetter } from './problems.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxCell = string | number | boolean | null;

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Text as XML character data, with the characters XML cannot hold escaped the OOXML way (_x000D_). */
export function xmlText(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Control characters other than tab and line feed (XML 1.0 cannot hold most; a CR would be read as LF).
    .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' || c.charCodeAt(0) >= 0x7f ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
}

/**
 * A workbook with one sheet. `header` rows are bold and frozen; the second of them wraps (labels with line
 * breaks). Strings are written inline; numbers as numbers; booleans as TRUE/FALSE; null leaves the cell out.
 */
export function xlsxWorkbook(sheet: string, rows: XlsxCell[][], options: { headerRows?: number; widths?: number[] } = {}): Uint8Array<ArrayBuffer> {
  const headerRows = options.headerRows ?? 0;
  const widths = options.widths ?? [];
  const sheetRows = rows
    .map((cells, r) => {
      const style = r === 0 && headerRows > 0 ? ' s="1"' : r === 1 && headerRows > 1 ? ' s="2"' : '';
      const xml = cells
        .map((value, c) => {
          if (value === null || value === '') return '';
          const ref = `${columnLetter(c)}${r + 1}`;
          if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
          if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  const cols = widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const pane = headerRows > 0 ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` : '';
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(`${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': strToU8(`${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(
        `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
      'xl/styles.xml': strToU8(
        `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(`${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${pane}${cols}<sheetData>${sheetRows}</sheetData></worksheet>`),
    },
    { level: 6 },
  ) as Uint8Array<ArrayBuffer>;
}

/** The batch template (or the example, with a few members) as a workbook: the same cells as the CSV files. */
export function batchWorkbook(rulebook: CompiledRulebook, lang: Language, kind: 'template' | 'example'): Uint8Array<ArrayBuffer> {
  const csv = kind === 'template' ? batchTemplate(rulebook, lang) : batchExample(rulebook, { lang });
  const rows: XlsxCell[][] = parseCsv(csv.replace(/^\uFEFF/, ''))
    .map((r) => r.cells)
    .filter((cells) => cells.some((c) => c !== ''));
  // Member rows: numbers as numbers, so that Excel does not flag them as "number stored as text".
  const typed = rows.map((cells, r) => (r < 2 ? cells : cells.map((c) => (typeof c === 'string' && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c))));
  const widths = rows[0]!.map((_, i) => (i === 0 ? 24 : 18));
  return xlsxWorkbook(lang === 'zh' ? '会员' : 'Members', typed, { headerRows: 2, widths });
}
