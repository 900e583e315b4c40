/**
 * The CSV report a consultant opens in Excel: one row per support item, Chinese text intact (UTF-8 with
 * BOM), RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.
 */
import { assess } from '@/engine';
import { BOM, csvLine, csvReport, neutralise, toCsv, withBom } from '@/report/csv';
import { fixture } from '../engine/helpers';
import { modified, readCsv } from './helpers';

const exporter = { kind: 'company', located_here: true, degradable: true, exports: true, export_share: 30, staff: 8 };
const report = (answers: Record<string, string | number | boolean>, lang: 'zh' | 'en' = 'zh', rulebook = fixture) =>
  csvReport({ rulebook, assessment: assess(rulebook, answers), lang });

it('has a header and one row per support item, in clause order, with CRLF line ends and no BOM', () => {
  const text = report(exporter);
  expect(text.startsWith(BOM)).toBe(false);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '').includes('\r')).toBe(false);
  const rows = readCsv(text);
  expect(rows[0]).toEqual(['条款', '条款标题', '支持措施编号', '支持措施', '适用对象', '结论', '判断依据', '责任部门', '政策原文']);
  expect(rows.slice(1).map((r) => [r[0], r[2], r[5]])).toEqual([
    ['（一）', 'c1-degradable', '适用'],
    ['（一）', 'c1-export-standard', '不适用'],
    ['（二）', 'c2-inspections', '仅供了解'],
    ['（三）', 'c3-association-standards', '不适用'],
    ['（三）', 'c3-small-training', '适用'],
  ]);
  expect(rows.every((r) => r.length === 9)).toBe(true);
});

it('says in words why each item has its verdict: the conditions, the near miss, the departments and the quotes', () => {
  const rows = readCsv(report(exporter)).slice(1);
  const [degradable, exportStandard, inspections, association] = rows;
  expect(degradable).toEqual([
    '（一）',
    '支持企业使用绿色包装',
    'c1-degradable',
    '可降解包装技术指导',
    '企业',
    '适用',
    '✓ 是否使用可降解包装材料？是（要求：为“是”）',
    '市市场监管局',
    '对使用可降解包装材料的本市企业给予技术指导。',
  ]);
  expect(exportStandard![6]).toBe('✗ 出口占销售额的比重：30 %（要求：至少 50）\n差一点适用：如果“出口占销售额的比重”至少 50，则可能适用');
  expect(exportStandard![7]).toBe('市商务局');
  expect(inspections![6]).toBe('本项是政府部门的工作，仅供了解。');
  expect(association![6]).toBe('✗ 您是？企业（要求：为“行业协会”）');
});

it('lists the answers still missing for an item that may apply, in English with the quote translated', () => {
  const rows = readCsv(report({ kind: 'company', located_here: true, degradable: 'dont_know' }, 'en'));
  expect(rows[0]).toEqual(['Clause', 'Clause title', 'Support item id', 'Support item', 'For', 'Verdict', 'Why', 'Responsible departments', 'Policy text']);
  const degradable = rows[1]!;
  expect(degradable[5]).toBe('May apply');
  expect(degradable[6]).toBe("? Do you use degradable packaging? Don't know (needs an answer that is “Yes”)\nStill to answer: Do you use degradable packaging? (you answered “don’t know”)");
  expect(degradable[8]).toBe('对使用可降解包装材料的本市企业给予技术指导。\n(Translation: Local companies using degradable packaging materials receive technical guidance.)');
});

it('names the clause departments for an item that has none of its own', () => {
  const rulebook = modified(fixture, (r) => {
    r.measures[0]!.supportItems[0]!.departments = [];
  });
  expect(readCsv(report(exporter, 'zh', rulebook))[1]![7]).toBe('市商务局、市市场监管局');
});

it('quotes cells holding commas, quotes and line breaks, and keeps Chinese text as it is', () => {
  const rows = [
    ['plain', '中文，全角逗号', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf\r\n', ''],
    ['天津市商务局', '“引号”', '', '', '', '', 'x'],
  ];
  const text = toCsv(rows);
  expect(text).toBe('plain,中文，全角逗号,"a,b","say ""hi""","two\nlines","cr\rlf\r\n",\r\n天津市商务局,“引号”,,,,,x\r\n');
  expect(readCsv(text)).toEqual(rows);
});

it('neutralises every formula prefix (= + - @ tab CR) with a leading apostrophe, also inside quoted cells', () => {
  expect(neutralise('=1+2')).toBe("'=1+2");
  expect(neutralise('+86 22 1234 5678')).toBe("'+86 22 1234 5678");
  expect(neutralise('-2+3+cmd|\' /C calc\'!A0')).toBe("'-2+3+cmd|' /C calc'!A0");
  expect(neutralise('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
  expect(neutralise('\t=1')).toBe("'\t=1");
  expect(neutralise('\r=1')).toBe("'\r=1");
  expect(csvLine(['=HYPERLINK("http://evil.example","点击")', 'ok'])).toBe('"\'=HYPERLINK(""http://evil.example"",""点击"")",ok\r\n');
  expect(csvLine(['\r\n@x'])).toBe('"\'\r\n@x"\r\n');
});

it('leaves harmless cells alone: formula characters later in the text, and plain numbers', () => {
  expect(neutralise('a=b')).toBe('a=b');
  expect(neutralise('（五）')).toBe('（五）');
  expect(neutralise('-5')).toBe('-5');
  expect(neutralise('+3.5')).toBe('+3.5');
  expect(neutralise(' =1')).toBe(' =1');
});

it('neutralises rulebook texts that look like formulas in the report itself', () => {
  const rulebook = modified(fixture, (r) => {
    r.measures[0]!.title.zh = '=cmd|"/c calc"!A1';
    r.measures[0]!.supportItems[0]!.title.zh = '@SUM(1+1)';
    r.measures[0]!.supportItems[0]!.quotes = ['-1+1', '+2'];
  });
  const row = readCsv(report(exporter, 'zh', rulebook))[1]!;
  expect(row[1]).toBe('\'=cmd|"/c calc"!A1');
  expect(row[3]).toBe("'@SUM(1+1)");
  expect(row[8]).toBe("'-1+1\n+2");
});

it('adds the UTF-8 byte-order mark Excel needs, once', () => {
  const text = withBom(report(exporter));
  expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(withBom(text)).toBe(text);
  expect(readCsv(text.slice(1))[0]![0]).toBe('条款');
});
