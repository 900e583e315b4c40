/**
 * The files an association downloads: the template and the example. Filled in and imported again, they
 * must give back the answers typed, whatever language the template was made in and however it was saved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answersSchema, assessVerdicts } from '@/engine';
import { loadRulebook } from '@/rulebook/load';
import type { Answers } from '@/rulebook/schema';
import { batchExample, batchTemplate, csvLine, parseBatchFile, parseBatchText, parseCsv, sampleMembers } from '@/batch';
import { encodeGbk, fixture, utf8, withRespondentName } from './helpers';

it('starts with a BOM, a header of question ids (name first) and a row of bilingual labels with what to write', () => {
  const template = batchTemplate(fixture, 'en');
  expect(template.startsWith('\uFEFF')).toBe(true);
  const [ids, labels] = parseCsv(template.slice(1)).map((r) => r.cells);
  const questions = fixture.questionnaire.steps.flatMap((s) => s.questions.map((q) => q.id));
  expect(ids).toEqual(['name', ...questions]);
  const label = (id: string) => labels![ids!.indexOf(id)];
  expect(label('name')).toBe('Member name (identifies the row; keep names unique) / 会员名称（用于识别每一行，请勿重复）');
  expect(label('kind')).toBe('You are? / 您是？\nOne of (id or label): company（A company）, association（An association）');
  // A multiple choice that may be left empty says what empty means: none of these, as in the interview.
  expect(label('materials')).toMatch(/; may be left empty \(empty means none of these\)$/);
  expect(label('degradable')).toBe('Do you use degradable packaging? / 是否使用可降解包装材料？\nyes / no (or true / false); or dont_know (不清楚)');
  expect(label('export_share')).toBe('Exports as a share of sales / 出口占销售额的比重\nA number (0–100) %; or dont_know (不清楚)');
  expect(batchTemplate(fixture, 'zh')).toContain('您是？ / You are?\n单选，填编号或名称：company（企业）, association（行业协会）');
});

it("reads members under the template's label row used as the header, its first row (the ids) deleted, in either language", () => {
  const tianjin = loadRulebook(join(process.cwd(), 'rules', 'tianjin-2022'), process.cwd());
  for (const lang of ['zh', 'en'] as const) {
    const [ids, labels] = parseCsv(batchTemplate(tianjin, lang).slice(1)).map((r) => r.cells);
    const cells: Record<string, string> = { respondent_name: '绿盒子', respondent_type: 'enterprise', in_tianjin: '是', staff_count: '12' };
    const file = parseBatchText(csvLine(labels!) + csvLine(ids!.map((id) => cells[id] ?? '')), tianjin, { lang: 'en' });
    if (!file.ok) throw new Error(file.message);
    expect(file.members.map((m) => [m.name, m.answers]), lang).toEqual([['绿盒子', expect.objectContaining({ respondent_type: 'enterprise', in_tianjin: true, staff_count: 12 })]]);
    expect(file.issues.filter((i) => i.code.startsWith('unknownColumn') || i.code === 'duplicateColumn'), lang).toEqual([]);
  }
});

it('takes the name column as associations head it: 会员名称, 企业名称, 单位名称, Company name', () => {
  for (const heading of ['会员名称', '企业名称', '单位名称', '公司名称', 'Company name']) {
    const file = parseBatchText(`${heading},kind,located_here\n绿盒子,company,是\n`, fixture, { lang: 'zh' });
    if (!file.ok) throw new Error(file.message);
    expect(file.members[0]!.name, heading).toBe('绿盒子');
  }
});

/** A row in the template's column order, from cells by column id. */
const row = (cells: Record<string, string>) => `${parseCsv(batchTemplate(fixture, 'en').slice(1))[0]!.cells.map((id) => cells[id] ?? '').join(',')}\r\n`;

it('round-trips: template + filled rows → import → the answers typed, skipping the label row', () => {
  for (const lang of ['zh', 'en'] as const) {
    const filled =
      batchTemplate(fixture, lang) +
      row({ name: 'Green Box Ltd', kind: 'company', located_here: '是', degradable: 'dont_know', exports: 'true', export_share: '80', staff: '10' }) +
      row({ name: 'Demo Traders Association', kind: '行业协会', located_here: 'yes' });
    const file = parseBatchText(filled.slice(1), fixture, { lang });
    expect(file).toMatchObject({ ok: true, issues: [] });
    if (!file.ok) return;
    expect(file.members.map((m) => [m.row, m.name, m.answers])).toEqual([
      // The multiple choice left empty, which may be: none of these, as the interview takes it.
      [3, 'Green Box Ltd', { kind: 'company', located_here: true, degradable: 'dont_know', materials: [], exports: true, export_share: 80, staff: 10 }],
      [4, 'Demo Traders Association', { kind: 'association', located_here: true }],
    ]);
  }
});

it('round-trips a template saved by Chinese Excel in GBK (no BOM)', () => {
  const filled = batchTemplate(fixture, 'zh').slice(1) + row({ name: '绿色包装有限公司', kind: '企业', located_here: '是', degradable: '不清楚', exports: '是', export_share: '80', staff: '10', size: '小型' });
  const file = parseBatchFile(encodeGbk(filled), fixture, { lang: 'zh' });
  expect(file).toMatchObject({ ok: true, encoding: 'gbk', issues: [] });
  expect(file.ok && file.members[0]).toMatchObject({ row: 3, name: '绿色包装有限公司', answers: { kind: 'company', degradable: 'dont_know', size: 'small' } });
});

it('gives an example whose every row is valid and passes the answers-file schema, for any rulebook', () => {
  for (const rulebook of [fixture, withRespondentName]) {
    const example = batchExample(rulebook, { lang: 'zh' });
    const file = parseBatchFile(utf8(example), rulebook);
    expect(file).toMatchObject({ ok: true, encoding: 'utf-8-bom', counts: { valid: 3, invalid: 0, warnings: 0 } });
    if (!file.ok) return;
    expect(file.members.map((m) => m.name)).toEqual(['示例会员 1', '示例会员 2', '示例会员 3']);
    for (const m of file.members) expect(answersSchema(rulebook).safeParse(m.answers).success).toBe(true);
  }
});

it("gives an example of members the policy concerns: on the Tianjin rulebook, clauses apply to each", () => {
  const tianjin = loadRulebook(join(process.cwd(), 'rules', 'tianjin-2022'));
  const file = parseBatchFile(utf8(batchExample({ ...tianjin, examples: [] }, { lang: 'zh' })), tianjin);
  expect(file.ok && file.counts).toMatchObject({ valid: 3, invalid: 0 });
  if (!file.ok) return;
  for (const m of file.members) expect(assessVerdicts(tianjin, m.answers).counts.applies, m.name).toBeGreaterThan(0);
});

it("fills the example with the rulebook's example respondents (examples/*.json) when it has some, named as they name themselves", () => {
  const tianjin = loadRulebook(join(process.cwd(), 'rules', 'tianjin-2022'));
  const file = parseBatchFile(utf8(batchExample(tianjin, { lang: 'zh' })), tianjin);
  expect(file.ok && file.counts).toMatchObject({ valid: 4, invalid: 0, warnings: 0 });
  if (!file.ok) return;
  expect(file.members.map((m) => m.name)).toEqual(['天津市津南区某农业专业合作社', '天津某自行车有限公司', '天津某跨境电商有限公司', '天津市某自行车行业协会']);
  const bicycles = JSON.parse(readFileSync(join(process.cwd(), 'rules', 'tianjin-2022', 'examples', 'bicycle-exporter.json'), 'utf8')) as { answers: Answers };
  expect(file.members[1]!.answers).toEqual(bicycles.answers);
  for (const m of file.members) expect(assessVerdicts(tianjin, m.answers).counts.applies, m.name).toBeGreaterThan(0);
});

it('writes given members (e.g. scenario cases) into the example, and reads them back unchanged', () => {
  const members = sampleMembers(fixture, 50, { seed: 7 });
  const file = parseBatchText(batchExample(fixture, { lang: 'en', members }).slice(1), fixture);
  expect(file.ok && file.members.map((m) => ({ name: m.name, answers: m.answers }))).toEqual(members);
});
