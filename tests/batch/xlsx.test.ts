/**
 * Associations keep their member lists in Excel: the first worksheet of an .xlsx is read into the same rows
 * as a CSV file and validated the same way, with every problem at its Excel row and column. Old .xls files,
 * password-protected workbooks, damaged files, other ZIP files and empty sheets each get a clear message.
 */
import { batchExample, batchTemplate, describeProblem, parseBatchText, readBatchFile, type BatchFile } from '@/batch';
import { readXlsx } from '@/batch/xlsx';
import { batchWorkbook, xlsxWorkbook } from '@/batch/xlsx-write';
import { fixture } from './helpers';
import { cfb, inlineRow, workbookParts, zip } from './xlsx-helpers';

const read = async (bytes: Uint8Array, lang: 'zh' | 'en' = 'en') => {
  const file = await readBatchFile(bytes, fixture, { lang });
  if (!file.ok) throw new Error(`unusable: ${file.message}`);
  return file;
};
const refused = async (bytes: Uint8Array, lang: 'zh' | 'en' = 'en') => (await readBatchFile(bytes, fixture, { lang })) as Extract<BatchFile, { ok: false }>;

const HEADER = ['name', 'kind', 'located_here', 'company_name', 'degradable', 'materials', 'exports', 'export_share', 'staff', 'size'];

it('reads the example workbook to the same members as the example CSV file', async () => {
  for (const lang of ['zh', 'en'] as const) {
    const file = await read(batchWorkbook(fixture, lang, 'example'));
    const csv = parseBatchText(batchExample(fixture, { lang }), fixture);
    expect(file).toMatchObject({ format: 'xlsx', sheet: lang === 'zh' ? '会员' : 'Members', counts: { valid: 3, invalid: 0, warnings: 0 }, issues: [] });
    expect(csv.ok && file.members.map(({ row, name, answers }) => ({ row, name, answers }))).toEqual(csv.ok && csv.members.map(({ row, name, answers }) => ({ row, name, answers })));
  }
});

it('writes the template workbook with the same two header rows as the CSV template', () => {
  const sheet = readXlsx(batchWorkbook(fixture, 'zh', 'template'));
  const csvRows = batchTemplate(fixture, 'zh').replace(/^\uFEFF/, '');
  expect(sheet.ok && sheet.records.map((r) => r.row)).toEqual([1, 2]);
  expect(sheet.ok && sheet.records[0]!.cells).toEqual(HEADER);
  // The label cells keep their line breaks.
  expect(sheet.ok && sheet.records[1]!.cells[1]).toContain('您是？ / You are?\n');
  expect(csvRows).toContain(HEADER.join(','));
});

it('reads shared strings, rich text, inline strings, numbers, percentages, booleans, formulas and errors as Excel shows them', () => {
  const styles =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>';
  const sharedStrings =
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>name</t></si><si><r><rPr><b/></rPr><t>天津</t></r><r><t xml:space="preserve"> 甲 &amp; 乙</t></r><rPh sb="0" eb="1"><t>てんしん</t></rPh></si><si><t>line_x000D_break_x005F_x0041_</t></si></sst>';
  const parts = workbookParts({
    sharedStrings,
    styles,
    sheetData:
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>&#x4E2D;&lt;x&gt;</t></is></c><c r="B2"><v>0.30000000000000004</v></c><c r="C2" s="1"><v>0.6</v></c><c r="D2" s="2"><v>0.5</v></c><c r="E2" s="3"><v>0.075</v></c></row>' +
      '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>namex</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3"><v>1234567</v></c><c r="F3"><v>-2.5E-3</v></c></row>',
  });
  const sheet = readXlsx(zip(parts));
  expect(sheet).toEqual({
    ok: true,
    sheet: 'Sheet1',
    records: [
      { row: 1, cells: ['name', '天津 甲 & 乙', 'line\rbreak_x0041_'] },
      { row: 2, cells: ['中<x>', '0.3', '60%', '0.5', '7.5%'] },
      { row: 3, cells: ['TRUE', 'FALSE', 'namex', '#N/A', '1234567', '-0.0025'] },
    ],
  });
});

it('keeps Excel row numbers and column letters across gaps, empty cells, cells without references and prefixed tags', () => {
  const sheet = readXlsx(
    zip(
      workbookParts({
        sheetData:
          '<x:row r="1" xmlns:x="urn:x"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>c</x:t></x:is></x:c></x:row>' +
          '<row r="2"><c r="A2" s="0"/><c r="B2" t="s"><v></v></c></row>' +
          '<row r="7" spans="1:3"><c t="inlineStr"><is><t>first</t></is></c><c r="D7"><v>4</v></c><c><v>5</v></c></row>' +
          '<row><c r="AA8" t="inlineStr"><is><t>far</t></is></c></row>',
      }),
    ),
  );
  expect(sheet.ok && sheet.records).toEqual([
    { row: 1, cells: ['a', '', 'c'] },
    { row: 7, cells: ['first', '', '', '4', '5'] },
    { row: 8, cells: [...new Array<string>(26).fill(''), 'far'] },
  ]);
});

it('names each invalid cell by its Excel row, column and value, still assesses the valid rows, and warns about a value under no header', async () => {
  const file = await read(
    xlsxWorkbook('Members', [
      HEADER,
      ['Green Box', 'company', true, null, 'yes', null, 'no'],
      [],
      [],
      ['Robot Co', 'robot', 'maybe', null, null, null, null, 150, null, null, null, 'call back on Monday'],
      ['Packaging Association', 'association', 1],
    ]),
  );
  expect(file.counts).toEqual({ valid: 2, invalid: 1, warnings: 1 });
  expect(file.members.map((m) => [m.row, m.name, m.valid])).toEqual([
    [2, 'Green Box', true],
    [5, 'Robot Co', false],
    [6, 'Packaging Association', true],
  ]);
  expect(file.members[0]!.answers).toEqual({ kind: 'company', located_here: true, degradable: true, materials: [], exports: false });
  expect(file.issues.map(({ row, column, cell, value, code, severity }) => ({ row, column, cell, value, code, severity }))).toEqual([
    { row: 5, column: 'kind', cell: 'B5', value: 'robot', code: 'notAnOption', severity: 'error' },
    { row: 5, column: 'located_here', cell: 'C5', value: 'maybe', code: 'notABoolean', severity: 'error' },
    { row: 5, column: 'export_share', cell: 'H5', value: '150', code: 'aboveMax', severity: 'error' },
    { row: 5, column: null, cell: 'L5', value: 'call back on Monday', code: 'noHeaderCell', severity: 'warning' },
  ]);
});

it('skips the template label row and reads a header of question labels, as with CSV', async () => {
  const template = readXlsx(batchWorkbook(fixture, 'en', 'template'));
  const labels = template.ok ? template.records[1]!.cells : [];
  const file = await read(xlsxWorkbook('Sheet1', [HEADER, labels, ['A', 'company', 'yes']]));
  expect(file.members.map((m) => [m.row, m.answers])).toEqual([[3, { kind: 'company', located_here: true, materials: [] }]]);
  // A semicolon in a header cell is no wrong delimiter in a worksheet: it is an unknown column.
  const odd = await refused(xlsxWorkbook('Sheet1', [['name;kind;located_here'], ['A;company;yes']]));
  expect(odd.problem.code).toBe('noHeader');
});

it('reads the first visible worksheet, wherever its part is and however the relationships are written', () => {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts = workbookParts({
    sheetData: inlineRow(1, ['hidden']),
    parts: {
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${REL}/officeDocument" Target="/book/main.xml"/></Relationships>`,
      'xl/workbook.xml': null,
      'xl/_rels/workbook.xml.rels': null,
      'book/main.xml': `<workbook xmlns:r="${REL}"><sheets><sheet name="Lists" sheetId="1" state="hidden" r:id="a"/><sheet name="Chart" sheetId="2" r:id="b"/><sheet name="名单" sheetId="3" r:id="c"/></sheets></workbook>`,
      'book/_rels/main.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL}/worksheet" Target="../xl/worksheets/sheet1.xml"/><Relationship Id="b" Type="${REL}/chartsheet" Target="charts/c.xml"/><Relationship Id="c" Type="${REL}/worksheet" Target="/sheets/Members.XML"/></Relationships>`,
      'sheets/members.xml': `<worksheet><sheetData>${inlineRow(1, ['name', 'kind'])}${inlineRow(2, ['A', 'company'])}</sheetData></worksheet>`,
    },
  });
  const sheet = readXlsx(zip(parts));
  expect(sheet).toEqual({ ok: true, sheet: '名单', records: [{ row: 1, cells: ['name', 'kind'] }, { row: 2, cells: ['A', 'company'] }] });
});

it('says an old .xls workbook must be saved as .xlsx or CSV', async () => {
  const xls = await refused(cfb(['Root Entry', 'Workbook', 'SummaryInformation']));
  expect(xls.problem).toEqual({ code: 'xls' });
  expect(xls.message).toContain('old-format Excel workbook (.xls)');
  expect(xls.message).toContain('"Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)"');
  expect(describeProblem(xls.problem, 'zh')).toContain('旧版 Excel 工作簿（.xls）');
});

it('says a password-protected workbook cannot be read, and how to remove the password', async () => {
  const encrypted = await refused(cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
  expect(encrypted.problem).toEqual({ code: 'encrypted' });
  expect(encrypted.message).toContain('protected with a password');
  expect(describeProblem(encrypted.problem, 'zh')).toContain('设有打开密码');
});

it('says a damaged or cut-off workbook cannot be opened', async () => {
  const whole = batchWorkbook(fixture, 'en', 'example');
  expect((await refused(whole.slice(0, Math.floor(whole.length / 2)))).problem).toEqual({ code: 'xlsxDamaged' });
  expect((await refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 1, 2, 3])))).toMatchObject({ problem: { code: 'xlsxDamaged' }, message: expect.stringContaining('damaged or incomplete') });
  // Malformed XML, and a shared string that does not exist.
  expect((await refused(zip(workbookParts({ sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row><row r="2"><c r=A2>' }))))).toMatchObject({ problem: { code: 'xlsxDamaged' } });
  expect((await refused(zip(workbookParts({ sharedStrings: ['name'], sheetData: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' }))))).toMatchObject({ problem: { code: 'xlsxDamaged' } });
});

it('says a ZIP file that is no workbook (a Word file, an .xlsb, an .ods) is not an Excel workbook', async () => {
  const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<document/>' });
  const xlsb = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'binary' });
  const ods = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
  for (const bytes of [docx, xlsb, ods]) expect((await refused(bytes)).problem).toEqual({ code: 'notXlsx' });
  expect((await refused(docx, 'zh')).message).toContain('不是 Excel 工作簿（.xlsx）');
});

it('names the first worksheet when it is empty, and reads nothing else', async () => {
  const empty = await refused(zip(workbookParts({ sheetName: '说明', sheetData: '<row r="1"/><row r="2"><c r="A2" s="1"/></row>' })), 'zh');
  expect(empty.problem).toEqual({ code: 'emptySheet', params: { sheet: '说明' } });
  expect(empty.message).toBe('工作簿的第一个工作表“说明”是空的。会员名单须放在第一个工作表中：请把它移到最前面，或另存为 CSV，然后再导入。');
  // Only a header: the same message as a CSV file with only a header.
  expect((await refused(xlsxWorkbook('Sheet1', [HEADER]))).problem).toEqual({ code: 'noRows' });
});

it('refuses a workbook whose sheet would unzip beyond the limit, and a file over the browser limit', async () => {
  const big = readXlsx(batchWorkbook(fixture, 'en', 'example'), { maxPartBytes: 100 });
  expect(big).toMatchObject({ ok: false, problem: { code: 'xlsxTooLarge' } });
  const file = await readBatchFile(batchWorkbook(fixture, 'en', 'example'), fixture, { maxBytes: 1000, lang: 'en' });
  expect(file).toMatchObject({ ok: false, problem: { code: 'tooLarge' } });
});

it('still reads CSV files through the same entry point', async () => {
  const file = await read(new TextEncoder().encode('name,kind\nA,company\n'));
  expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', counts: { valid: 1 } });
  expect(file).not.toHaveProperty('sheet');
});
