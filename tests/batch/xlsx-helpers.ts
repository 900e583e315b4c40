/**
 * Real .xlsx bytes for tests, written part by part (as Excel and other writers lay them out), so that a
 * test can use shared strings, rich text, styles, odd prefixes or a broken part where it needs one.
 */
import { strToU8, zipSync } from 'fflate';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export type Parts = Record<string, string>;

/** A workbook whose first sheet's `<sheetData>` is `sheetData`; `sharedStrings` and `styles` optional; any part can be replaced or removed (null). */
export function workbookParts(options: { sheetData: string; sheetName?: string; sharedStrings?: string[] | string; styles?: string; parts?: Record<string, string | null> }): Parts {
  const sst =
    typeof options.sharedStrings === 'string'
      ? options.sharedStrings
      : options.sharedStrings
        ? `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${options.sharedStrings.length}">${options.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`
        : undefined;
  const parts: Parts = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="${options.sheetName ?? 'Sheet1'}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sst ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${options.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${options.sheetData}</sheetData></worksheet>`,
  };
  if (sst) parts['xl/sharedStrings.xml'] = sst;
  if (options.styles) parts['xl/styles.xml'] = options.styles;
  for (const [name, text] of Object.entries(options.parts ?? {})) {
    if (text === null) delete parts[name];
    else parts[name] = text;
  }
  return parts;
}

export function zip(parts: Parts): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])));
}

/** A row of inline-string cells from column A on (null skips a cell). */
export function inlineRow(row: number, cells: (string | null)[]): string {
  const xml = cells
    .map((value, i) => (value === null ? '' : `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${value}</t></is></c>`))
    .join('');
  return `<row r="${row}">${xml}</row>`;
}

/**
 * The start of a Compound File (CFB) container — what an old .xls or a password-protected .xlsx is — with
 * directory entry names (UTF-16LE) as such files hold them.
 */
export function cfb(streams: string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  const names = streams.flatMap((name) => {
    const entry = new Array(128).fill(0);
    Array.from(name).forEach((ch, i) => {
      entry[i * 2] = ch.charCodeAt(0);
    });
    return entry;
  });
  return new Uint8Array([...header, ...names]);
}
