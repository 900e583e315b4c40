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
