/**
 * The first worksheet of an Excel workbook (.xlsx, Office Open XML) as rows of cell texts, the way Excel
 * shows them, for the same validation as a CSV file (BatchReader.pushRecords): shared and inline strings,
 * numbers (15 significant digits, as Excel displays them; percentages as "30%"), booleans (TRUE/FALSE),
 * formula results, error values; rows and columns keep their Excel numbers, gaps included.
 * Loaded on demand (dynamic import): a CSV never loads it. No DOMParser (the Web Worker has none):
 * fflate unzips, src/batch/xml.ts scans. An old .xls, a password-protected workbook (both are CFB
 * containers), a damaged file or a ZIP that is no workbook each get their own message.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { CsvRecord } from './csv-parse.ts';
import { isCfb } from './decode.ts';
import type { FileProblem } from './problems.ts';
import { decodeXml, scanXml } from './xml.ts';

/** A worksheet whose XML is larger than this (uncompressed) is refused: the browser would run out of memory. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/** Excel's last column, XFD. */
const MAX_COLUMNS = 16384;

export type XlsxSheet = { ok: true; sheet: string; records: CsvRecord[] } | { ok: false; problem: FileProblem };

class Refusal extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.code);
  }
}

export function readXlsx(bytes: Uint8Array, options: { maxPartBytes?: number } = {}): XlsxSheet {
  if (isCfb(bytes)) return { ok: false, problem: { code: isEncryptedPackage(bytes) ? 'encrypted' : 'xls' } };
  try {
    return readWorkbook(new Zip(bytes, options.maxPartBytes ?? MAX_PART_BYTES));
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: e.problem };
    // Not a ZIP after all, a truncated one, malformed XML, an index out of range: damaged.
    return { ok: false, problem: { code: 'xlsxDamaged' } };
  }
}

/** The parts of a ZIP file, unzipped one at a time as they are needed. */
class Zip {
  private readonly entries = new Map<string, UnzipFileInfo>();
  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxPartBytes: number,
  ) {
    // Part names are case-insensitive (Open Packaging Conventions).
    unzipSync(bytes, {
      filter: (file) => {
        this.entries.set(file.name.toLowerCase(), file);
        return false;
      },
    });
  }
  has(path: string): boolean {
    return this.entries.has(path.toLowerCase());
  }
  text(path: string): string | null {
    const entry = this.entries.get(path.toLowerCase());
    if (!entry) return null;
    if (entry.originalSize > this.maxPartBytes) throw new Refusal({ code: 'xlsxTooLarge', params: { size: megabytes(entry.originalSize), limit: megabytes(this.maxPartBytes) } });
    const files = unzipSync(this.bytes, { filter: (file) => file.name === entry.name });
    const data = files[entry.name];
    if (!data) throw new Error(`missing ${entry.name}`);
    return new TextDecoder('utf-8').decode(data);
  }
}

type Relationship = { type: string; target: string };

function readWorkbook(zip: Zip): XlsxSheet {
  const notWorkbook = new Refusal({ code: 'notXlsx' });
  const rootRels = relationships(zip, '');
  const workbookPath = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookXml = workbookPath.toLowerCase().endsWith('.xml') ? zip.text(workbookPath) : null;
  // A ZIP without a workbook part: an .xlsb (binary workbook), an .ods, a Word file, any archive.
  if (workbookXml === null) throw notWorkbook;

  const sheets: { name: string; id: string; hidden: boolean }[] = [];
  let isWorkbook = false;
  scanXml(workbookXml, {
    open: (name, attrs) => {
      if (name === 'workbook') isWorkbook = true;
      else if (name === 'sheet') sheets.push({ name: attrs.name ?? '', id: attrs.id ?? '', hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden' });
    },
  });
  if (!isWorkbook) throw notWorkbook;
  const rels = relationships(zip, workbookPath);
  // The first worksheet the user sees: chart sheets are no tables, hidden sheets are not shown as tabs.
  const worksheets = sheets.filter((s) => rels.get(s.id)?.type.endsWith('/worksheet'));
  const first = worksheets.find((s) => !s.hidden) ?? worksheets[0];
  if (!first) return { ok: false, problem: { code: 'emptySheet', params: { sheet: sheets[0]?.name ?? '' } } };
  const sheetXml = zip.text(rels.get(first.id)!.target);
  if (sheetXml === null) throw new Error(`missing worksheet ${first.name}`);

  const relOf = (suffix: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? (zip.has(fallback) ? fallback : null);
  const sharedPath = relOf('/sharedStrings', 'xl/sharedStrings.xml');
  const stylesPath = relOf('/styles', 'xl/styles.xml');
  const strings = sharedPath ? sharedStrings(zip.text(sharedPath) ?? '') : [];
  const percent = stylesPath ? percentStyles(zip.text(stylesPath) ?? '') : new Set<number>();
  const records = sheetRows(sheetXml, strings, percent);
  if (records.length === 0) return { ok: false, problem: { code: 'emptySheet', params: { sheet: first.name } } };
  return { ok: true, sheet: first.name, records };
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; '' → `_rels/.rels`), targets resolved to part names. */
function relationships(zip: Zip, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const xml = zip.text(`${dir}_rels/${part.slice(slash + 1)}.rels`);
  const out = new Map<string, Relationship>();
  if (xml === null) return out;
  scanXml(xml, {
    open: (name, attrs) => {
      if (name !== 'Relationship' || !attrs.Id || !attrs.Target || attrs.TargetMode === 'External') return;
      out.set(attrs.Id, { type: attrs.Type ?? '', target: resolve(dir, attrs.Target) });
    },
  });
  return out;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the package root. */
function resolve(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** `_x000D_` and the like: characters XML cannot hold, as Excel escapes them in strings (`_x005F_` is a literal underscore). */
function unescapeOoxml(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** The shared string table: each `<si>` is plain (`<t>`) or rich text (runs of `<r><t>`); phonetic guides (`<rPh>`) are not part of the text. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let buffer: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open: (name, _attrs, selfClosing) => {
      if (name === 'si') buffer = [];
      else if (name === 't' && !selfClosing) inText = true;
      else if (name === 'rPh' && !selfClosing) phonetic += 1;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && buffer) {
        out.push(unescapeOoxml(decodeXml(buffer.join(''))));
        buffer = null;
      }
    },
    text: (raw) => {
      if (inText && phonetic === 0 && buffer) buffer.push(raw);
    },
  });
  return out;
}

/** The cell formats (`s`, an index into cellXfs) that show numbers as percentages: built-in 9 and 10, or a custom code with %. */
function percentStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open: (name, attrs) => {
      if (name === 'numFmt') custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attrs.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const isPercent = (id: number) => id === 9 || id === 10 || /%/.test((custom.get(id) ?? '').replace(/"[^"]*"|\\./g, ''));
  const out = new Set<number>();
  formats.forEach((id, index) => isPercent(id) && out.add(index));
  return out;
}

/** Every row with at least one non-empty cell, its cells placed by their column letters (gaps are ''). */
function sheetRows(xml: string, strings: string[], percent: Set<number>): CsvRecord[] {
  const records: CsvRecord[] = [];
  let inSheetData = false;
  let row = 0;
  let cells: [number, string][] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let value: string[] = [];
  let inline: string[] = [];
  let inValue = false;
  let inInlineText = false;
  let inInline = false;
  let phonetic = 0;
  scanXml(xml, {
    open: (name, attrs, selfClosing) => {
      if (name === 'sheetData') inSheetData = !selfClosing;
      if (!inSheetData) return;
      switch (name) {
        case 'row':
          row = attrs.r ? positive(attrs.r) : row + 1;
          cells = [];
          column = -1;
          break;
        case 'c':
          column = attrs.r ? columnOf(attrs.r) : column + 1;
          type = attrs.t ?? 'n';
          style = attrs.s ? Number(attrs.s) : 0;
          value = [];
          inline = [];
          break;
        case 'v':
          inValue = !selfClosing;
          break;
        case 'is':
          inInline = !selfClosing;
          break;
        case 't':
          inInlineText = inInline && !selfClosing;
          break;
        case 'rPh':
          if (!selfClosing) phonetic += 1;
          break;
      }
    },
    close: (name) => {
      if (name === 'sheetData') inSheetData = false;
      if (!inSheetData) return;
      switch (name) {
        case 'v':
          inValue = false;
          break;
        case 't':
          inInlineText = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic -= 1;
          break;
        case 'c': {
          const text = cellText(type, value.join(''), inline.join(''), style, strings, percent);
          if (text !== '') cells.push([column, text]);
          break;
        }
        case 'row':
          if (cells.length > 0) {
            const width = Math.max(...cells.map(([c]) => c)) + 1;
            const out = new Array<string>(width).fill('');
            for (const [c, text] of cells) out[c] = text;
            records.push({ row, cells: out });
          }
          break;
      }
    },
    text: (raw) => {
      if (inValue) value.push(raw);
      else if (inInlineText && phonetic === 0) inline.push(raw);
    },
  });
  return records;
}

function cellText(type: string, rawValue: string, rawInline: string, style: number, strings: string[], percent: Set<number>): string {
  const v = decodeXml(rawValue);
  switch (type) {
    case 's': {
      if (v.trim() === '') return '';
      const s = strings[Number(v)];
      if (s === undefined) throw new Error(`shared string ${v} out of range`);
      return s;
    }
    case 'inlineStr':
      return unescapeOoxml(decodeXml(rawInline));
    case 'str':
      return unescapeOoxml(v);
    case 'b':
      return v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
    case 'e':
    case 'd':
      return v;
    default:
      return numberText(v, percent.has(style));
  }
}

/** A number as Excel displays it in a General cell: at most 15 significant digits (0.1 + 0.2 is 0.3); a percentage ×100 with %. */
function numberText(v: string, asPercent: boolean): string {
  const trimmed = v.trim();
  if (trimmed === '') return '';
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return trimmed;
  const shown = String(Number((asPercent ? n * 100 : n).toPrecision(15)));
  return asPercent ? `${shown}%` : shown;
}

/** "C12" → 2 (0-based); damaged beyond Excel's last column. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || col > MAX_COLUMNS) throw new Error(`bad cell reference ${ref}`);
  return col - 1;
}

function positive(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bad row number ${s}`);
  return n;
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/** A password-protected Office file: a CFB container holding an `EncryptedPackage` stream (its name in UTF-16LE). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Array.from('EncryptedPackage').flatMap((ch) => [ch.charCodeAt(0), 0]);
  const first = name[0]!;
  for (let i = bytes.indexOf(first); i !== -1 && i + name.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < name.length && bytes[i + k] === name[k]) k += 1;
    if (k === name.length) return true;
  }
  return false;
}
