/**
 * The Markdown report writes what a respondent typed as text: a name from an association's members file is
 * shown as written, never read as Markdown or HTML.
 */
import { assess } from '@/engine';
import '@/i18n/english';
import { markdownReport } from '@/report/markdown';
import { fixture } from '../engine/helpers';

it("writes the respondent's name and text answers as written, not as Markdown or HTML", () => {
  const answers = { kind: 'company', located_here: true, company_name: 'Acme & <b>Co</b> *x* | y_z' };
  const md = markdownReport({ rulebook: fixture, assessment: assess(fixture, answers), answers, lang: 'en', date: '2026-01-01' });
  const escaped = 'Acme \\& \\<b\\>Co\\</b\\> \\*x\\* \\| y\\_z';
  expect(md).toContain(`**Respondent**: ${escaped}`);
  // In the answers' table too, where an unescaped "|" would split the cell.
  expect(md).toContain(`| ${escaped} |`);
  expect(md).not.toContain('<b>');
});

it("lists in the answers' appendix the company size the rules worked out, marked so, and leaves out an answer to a question no longer asked", () => {
  // The share of exports was given before "exports" became "no"; the size was not given: worked out from the staff.
  const answers = { kind: 'company', located_here: true, degradable: true, materials: [], exports: false, export_share: 40, staff: 12 };
  const md = markdownReport({ rulebook: fixture, assessment: assess(fixture, answers), answers, lang: 'zh', date: '2026-01-01' });
  expect(md).toContain('| 企业规模 | 小型（根据您的回答推算） |');
  expect(md).toContain('| 员工人数 | 12 |');
  expect(md).not.toContain('出口占销售额的比重');
});
