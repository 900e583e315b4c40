/**
 * Importing members: the header, the template's label row, every cell checked, errors where Excel shows
 * them (row, column, cell, the offending value), and the valid rows still read.
 */
import { answersSchema } from '@/engine';
import { describeIssue, issueLine, parseBatchText, type BatchFile } from '@/batch';
import { fixture, withRespondentName } from './helpers';
import { join } from 'node:path';
import { loadRulebook } from '@/rulebook/load';

const read = (text: string, lang: 'zh' | 'en' = 'en') => {
  const result = parseBatchText(text, fixture, { lang });
  if (!result.ok) throw new Error(`unusable: ${result.message}`);
  return result;
};
const problem = (text: string) => parseBatchText(text, fixture, { lang: 'en' }) as Extract<BatchFile, { ok: false }>;

const header = 'name,kind,located_here,degradable,exports,export_share,staff,size\n';

it('reads each member: option ids, yes/no words, numbers, dont_know, and empty cells as unanswered', () => {
  const file = read(header + 'Green Box Ltd,company,true,dont_know,yes,"1,2",12,\nNorth Paper,company,0,否,no,,,small\n');
  expect(file.members.map((m) => [m.row, m.name, m.valid])).toEqual([
    [2, 'Green Box Ltd', true],
    [3, 'North Paper', true],
  ]);
  expect(file.members[0]!.answers).toEqual({ kind: 'company', located_here: true, degradable: 'dont_know', exports: true, export_share: 12, staff: 12 });
  expect(file.members[1]!.answers).toEqual({ kind: 'company', located_here: false, degradable: false, exports: false, size: 'small' });
  // The name column of a rulebook without a respondent_name question identifies the member but is not an answer.
  expect(file.members[0]!.answers).not.toHaveProperty('name');
});

it('accepts an option by its Chinese or English label, in any case, with full-width characters', () => {
  const file = read(header + 'A,企业,是,不清楚,ＹＥＳ,30%,,Large\nB,An Association,TRUE,,N,,,\n');
  expect(file.members[0]!.answers).toMatchObject({ kind: 'company', located_here: true, degradable: 'dont_know', exports: true, export_share: 30, size: 'large' });
  expect(file.members[1]!.answers).toMatchObject({ kind: 'association', located_here: true, exports: false });
});

it('lists every invalid cell with its row, column, cell reference and value, and still reads the valid rows', () => {
  const file = read(header + 'Good,company,true,true,true,50,5,\nBad,ngo,maybe,true,true,150,-1,dont_know\nAlso good,association,false,,,,,\n');
  expect(file.members.map((m) => m.valid)).toEqual([true, false, true]);
  expect(file.counts).toEqual({ valid: 2, invalid: 1, warnings: 0 });
  expect(file.issues.map(({ row, column, cell, value, code }) => ({ row, column, cell, value, code }))).toEqual([
    { row: 3, column: 'kind', cell: 'B3', value: 'ngo', code: 'notAnOption' },
    { row: 3, column: 'located_here', cell: 'C3', value: 'maybe', code: 'notABoolean' },
    { row: 3, column: 'export_share', cell: 'F3', value: '150', code: 'aboveMax' },
    { row: 3, column: 'staff', cell: 'G3', value: '-1', code: 'belowMin' },
  ]);
  expect(file.issues.map((i) => issueLine(i, 'en'))).toEqual([
    'row 3, column kind (B3): "ngo" is not an option of "kind"; write an option\'s code or its label (row 2 of the template): company, association',
    'row 3, column located_here (C3): "maybe" is not yes or no; write yes, no, true, false, 是, 否, 1 or 0',
    'row 3, column export_share (F3): 150 is above the maximum, 100',
    'row 3, column staff (G3): -1 is below the minimum, 0',
  ]);
  expect(describeIssue(file.issues[0]!, 'zh')).toBe('“ngo”不是“kind”的选项；可填选项的代码或名称（见模板第 2 行）：company, association');
});

it('refuses a fraction where only whole numbers make sense, and a number too large to be kept exactly', () => {
  const file = read(header + 'X,company,true,,true,10,1.5,\nY,company,true,,true,10,100000000000000000000000,\n');
  expect(file.issues.map((i) => [i.cell, i.code])).toEqual([
    ['G2', 'notWhole'],
    ['G3', 'tooLarge'],
  ]);
  expect(file.issues.map((i) => describeIssue(i, 'zh'))).toEqual(['1.5 不是整数', '“100000000000000000000000”太大，无法准确保存']);
});

it('refuses "don\'t know" where the question does not offer it, and text that is not a number', () => {
  const file = read(header + 'X,company,dont_know,,true,lots,,\n');
  expect(file.issues.map((i) => [i.cell, i.code])).toEqual([
    ['C2', 'noDontKnow'],
    ['F2', 'notANumber'],
  ]);
});

it('numbers rows as Excel does, counting blank lines and not counting line breaks inside a cell', () => {
  const file = read(header + '"Two\nline name",company,true,,,,,\n\nBad,company,perhaps,,,,,\n');
  expect(file.members.map((m) => m.row)).toEqual([2, 4]);
  expect(file.issues.find((i) => i.severity === 'error')).toMatchObject({ row: 4, cell: 'C4', value: 'perhaps' });
});

it('flags duplicate member names as a warning pointing at the first row, and still assesses both', () => {
  const file = read(header + 'Same Co,company,true,,,,,\nOther,company,true,,,,,\nSame Co,association,true,,,,,\n');
  expect(file.members.every((m) => m.valid)).toBe(true);
  expect(file.issues.filter((i) => i.code !== 'unanswered')).toEqual([{ row: 4, column: 'name', cell: 'A4', value: 'Same Co', code: 'duplicateName', params: { first: 2 }, severity: 'warning' }]);
  expect(issueLine(file.issues.find((i) => i.code === 'duplicateName')!, 'en')).toBe('warning: row 4, column name (A4): The name "Same Co" is the same as in row 2');
});

it('reports a row with more cells than the header (an unquoted comma) as an error', () => {
  const file = read('name,kind,located_here\nSmith, Jones & Co,company,true\n');
  expect(file.members[0]).toMatchObject({ valid: false });
  expect(describeIssue(file.issues.find((i) => i.code === 'extraCells')!, 'en')).toBe('This row has 4 cells but the header has 3 columns: put values containing commas in double quotes');
});

it('warns about unknown columns (suggesting the id meant) and missing required columns, and reads the rest', () => {
  const file = read('name,kind,locatd_here,colour\nA,company,true,red\n');
  expect(file.issues.map((i) => describeIssue(i, 'en'))).toEqual([
    'Unknown column "locatd_here": it is ignored. Did you mean "located_here"?',
    'Unknown column "colour": it is ignored',
    'The column "located_here" is missing: every member is taken as not having answered it',
    'The column "degradable" is missing: every member is taken as not having answered it',
    'The column "exports" is missing: every member is taken as not having answered it',
    'The column "export_share" is missing: every member is taken as not having answered it',
  ]);
  expect(file.issues.slice(0, 2).map((i) => [i.row, i.cell, i.severity])).toEqual([
    [1, 'C1', 'warning'],
    [1, 'D1', 'warning'],
  ]);
  expect(file.members[0]).toMatchObject({ valid: true, answers: { kind: 'company' } });
});

it('names the delimiter of a semicolon- or tab-separated file', () => {
  expect(problem('name;kind;located_here\nA;company;true\n').message).toBe('The columns are separated by semicolons (;), not commas. In Excel, save the file as "CSV UTF-8 (Comma delimited)".');
  expect(problem('name\tkind\nA\tcompany\n')).toMatchObject({ problem: { code: 'wrongDelimiter', params: { delimiter: 'tab' } } });
  expect(parseBatchText('name;kind\n', fixture, { lang: 'zh' })).toMatchObject({ message: expect.stringContaining('文件用分号（;）分隔各列') });
});

it('refuses a file without a header row, or with a header and no members', () => {
  expect(problem('Green Box Ltd,company,true\n').message).toContain('Row 1 should hold question ids (such as name, kind, located_here)');
  expect(problem(header).problem.code).toBe('noRows');
  expect(problem('\n\r\n  \n').problem.code).toBe('empty');
});

it('reports a quote left open at the row where it opened', () => {
  const file = read('name,kind\nA,company\n"B,company\nC,company\n');
  expect(file.members.map((m) => m.valid)).toEqual([true, false]);
  expect(file.members[1]!.issues).toEqual([expect.objectContaining({ row: 3, cell: 'A3', column: 'name', code: 'unclosedQuote' })]);
});

it('accepts the header by question label as well as by id', () => {
  const file = read('名称,您是？,Located in Demo City?\nA,企业,是\n');
  expect(file.members[0]!.answers).toEqual({ kind: 'company', located_here: true });
});

it('uses the rulebook\'s respondent_name question as the name column when there is one', () => {
  const file = parseBatchText('respondent_name,kind,located_here\n天津某自行车公司,企业,是\n', withRespondentName, { lang: 'zh' });
  expect(file).toMatchObject({ ok: true, members: [{ name: '天津某自行车公司', answers: { respondent_name: '天津某自行车公司', kind: 'company', located_here: true } }] });
  // `name` still heads the name column.
  expect(parseBatchText('name,kind\nA,company\n', withRespondentName)).toMatchObject({ ok: true, members: [{ name: 'A', answers: { respondent_name: 'A' } }] });
});

it('only accepts rows whose answers pass the answers-file schema', () => {
  const file = read(header + 'A,company,true,dont_know,1,0,0,large\nB,association,false,,0,,,\n');
  for (const m of file.members) expect(answersSchema(fixture).safeParse(m.answers).success).toBe(true);
});

it('refuses an option that is chosen alone ("none of these") together with others, as the interview does', () => {
  const file = read('name,kind,located_here,materials\nA,company,true,none;paper\nB,company,true,都不用；纸\nC,company,true,none\nD,company,true,paper;glass\n');
  expect(file.members.map((m) => [m.name, m.valid])).toEqual([
    ['A', false],
    ['B', false],
    ['C', true],
    ['D', true],
  ]);
  expect(file.issues.filter((i) => i.severity === 'error').map((i) => issueLine(i, 'en'))).toEqual([
    'row 2, column materials (D2): "none" is chosen alone, not together with other options',
    'row 3, column materials (D3): "none" is chosen alone, not together with other options',
  ]);
  expect(describeIssue(file.issues.find((i) => i.row === 2)!, 'zh')).toBe('“none”只能单独选择，不能与其他选项一起填写');
  for (const m of file.members.filter((x) => x.valid)) expect(answersSchema(fixture).safeParse(m.answers).success).toBe(true);
});

it('warns at each empty cell of a question the member is asked and must answer, and takes an empty "may leave empty" multiple choice as none of these', () => {
  const file = read(header.replace('staff,size', 'staff,size,materials') + 'Green Box,company,true,,yes,,,,\nPack Assoc,association,true,,,,,,\n', 'zh');
  const [company, association] = file.members;
  // As the interview takes an untouched "可不选" multiple choice; an association is not asked it.
  expect(company!.answers).toEqual({ kind: 'company', located_here: true, exports: true, materials: [] });
  expect(association!.answers).toEqual({ kind: 'association', located_here: true });
  // The company is asked whether it uses degradable packaging and its share of exports: both left empty. The
  // association is asked neither; the staff may be left empty.
  expect(file.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
    ['D2', 'unanswered', 'warning'],
    ['F2', 'unanswered', 'warning'],
  ]);
  expect(company!.valid).toBe(true);
  expect(issueLine(file.issues[0]!, 'zh')).toBe('提醒：第 2 行，列 degradable（D2）：未填写：此问题必答；留空时，与它相关的条款只能判断为“可能适用”');
});

it('suggests the option meant when a cell holds part of its label or a misspelt code', () => {
  const file = read(header + 'A,协会,true,,,,,\nB,compnay,true,,,,,\nC,robot,true,,,,,\n', 'zh');
  expect(file.issues.map((i) => [i.cell, i.code])).toEqual([
    ['B2', 'notAnOptionSuggest'],
    ['B3', 'notAnOptionSuggest'],
    ['B4', 'notAnOption'],
  ]);
  expect(describeIssue(file.issues[0]!, 'zh')).toBe('“协会”不是“kind”的选项。是否应为“行业协会”（代码 association）？可填选项的代码或名称（见模板第 2 行）');
  expect(describeIssue(file.issues[1]!, 'en')).toBe('"compnay" is not an option of "kind". Did you mean "A company" (code company)? Write an option\'s code or its label (row 2 of the template)');
});

it("reads an option written as its label's words before the explanation in brackets, unless two options' labels start alike", () => {
  const bracketed = structuredClone(fixture);
  const materials = bracketed.questionnaire.steps.flatMap((st) => st.questions).find((q) => q.id === 'materials')!;
  const kind = bracketed.questionnaire.steps.flatMap((st) => st.questions).find((q) => q.id === 'kind')!;
  kind.options![0]!.label = { zh: '企业（公司、合伙企业、个体工商户）', en: 'A company (or a partnership)' };
  materials.options![0]!.label = { zh: '塑料（软）', en: 'Plastic (soft)' };
  materials.options![1]!.label = { zh: '塑料（硬）', en: 'Plastic (hard)' };
  const file = parseBatchText(
    'name,kind,located_here,exports,materials\nA,企业,true,yes,塑料（软）\nB, a company ,true,yes,玻璃\nC,企业（公司、合伙企业、个体工商户）,true,yes,塑料\n',
    bracketed,
    { lang: 'zh' },
  );
  if (!file.ok) throw new Error('expected the file to be read');
  expect(file.members.map((m) => m.answers.kind)).toEqual(['company', 'company', 'company']);
  expect(file.members[0]!.answers.materials).toEqual(['paper']);
  // "塑料" starts both the soft and the hard: which one is not for the app to guess.
  expect(file.issues.filter((i) => i.cell).map((i) => [i.cell, i.code])).toEqual([['E4', 'notAnOptionSuggest']]);
});

it('reads a file whose header fits two policies equally (one started as a copy of the other) as the policy chosen, and asks for a choice otherwise', () => {
  const copy = { ...fixture, meta: { ...fixture.meta, id: 'demo-copy' } };
  const text = 'name,kind,located_here\nA,company,yes\n';
  expect(parseBatchText(text, [fixture, copy], { prefer: 'demo-copy' })).toMatchObject({ ok: true, rulebook: { meta: { id: 'demo-copy' } }, members: [{ name: 'A' }] });
  expect(parseBatchText(text, [fixture, copy], { prefer: fixture.meta.id })).toMatchObject({ ok: true, rulebook: { meta: { id: fixture.meta.id } } });
  // The app: a policy chosen that the header does not fit best (here, none of the two) is no answer.
  expect(parseBatchText(text, [fixture, copy], { prefer: 'another', lang: 'en' })).toMatchObject({
    ok: false,
    message: `The header of this file fits several policies equally (${fixture.meta.id}, demo-copy), so it cannot tell which one the file is for. Choose its policy under “Policy” above, then choose the file again.`,
  });
  // The command line names the option that decides.
  expect(parseBatchText(text, [fixture, copy], { lang: 'en' })).toMatchObject({ ok: false, message: `Cannot tell which policy this file is for: name it with --rulebook (${fixture.meta.id}, demo-copy).` });
});

it('says a JSON file (an assessment or a workspace exported by the app) is not a list of members, and where it goes', () => {
  for (const text of ['{"format":"policy-self-check/assessment"}\n', '[{"format":"policy-self-check/assessment"},\n{}]\n'])
    expect(parseBatchText(text, fixture, { lang: 'en' })).toMatchObject({
      ok: false,
      message: 'This is a JSON file (such as an assessment or a workspace exported by this app), not a list of members. Import an assessment on the Self-check start page and a workspace file under Workspace; a list of members is a CSV or Excel file.',
    });
});

describe('as an association clerk writes a Tianjin member in Excel', () => {
  const tianjin = loadRulebook(join(process.cwd(), 'rules', 'tianjin-2022'), process.cwd());
  const member = (cells: string) => {
    const result = parseBatchText(`respondent_name,respondent_type,in_tianjin,staff_count,annual_revenue,trade_activities,products\n${cells}\n`, tianjin, { lang: 'zh' });
    if (!result.ok) throw new Error(`unusable: ${result.message}`);
    return result;
  };

  it('reads several choices in one cell separated as people list things: 、 ， / or a line break (Alt+Enter), a label holding a 、 kept whole', () => {
    for (const products of ['自行车、电动自行车', '自行车，电动自行车', '"自行车,电动自行车"', '自行车/电动自行车', '"自行车\n电动自行车"', '自行车；电动自行车', 'bicycles;electric_bikes'])
      expect(member(`甲,enterprise,是,,,货物出口,${products}`).members[0]!.answers.products, products).toEqual(['bicycles', 'electric_bikes']);
    expect(member('甲,enterprise,是,,,"货物出口、国内销售",五金制品、五金机电、自行车').members[0]!.answers).toMatchObject({ trade_activities: ['export_goods', 'domestic_sales'], products: ['hardware', 'bicycles'] });
    // One part that is no option: the cell is refused, naming that part and saying how to separate options.
    const wrong = member('甲,enterprise,是,,,货物出口,自行车、滑板车');
    expect(describeIssue(wrong.issues.find((i) => i.column === 'products')!, 'zh')).toMatch(/^“滑板车”不是“products”的选项；可填选项的代码或名称（见模板第 2 行），多个选项之间用分号（;）或顿号（、）隔开：autos_parts, bicycles/);
  });

  it('reads a number followed by the unit the question states, as the interview does ("350人", "26000万元")', () => {
    expect(member('甲,enterprise,是,350人,26000万元,,').members[0]!.answers).toMatchObject({ staff_count: 350, annual_revenue: 26000 });
    const wrong = member('甲,enterprise,是,约350,2.6亿,,');
    expect(wrong.issues.filter((i) => i.severity === 'error').map((i) => [i.column, i.code])).toEqual([
      ['staff_count', 'notANumber'],
      ['annual_revenue', 'notANumber'],
    ]);
  });
});
