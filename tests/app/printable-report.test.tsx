// @vitest-environment jsdom
/**
 * The printable report a consultant hands over, opened from the results page.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { sessionKey } from '@/features/wizard/persistence';
import { fixture } from '../engine/helpers';

const answers = { kind: 'company', located_here: true, company_name: '绿盒子包装有限公司', degradable: true, exports: true, export_share: 30, staff: 12 };

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(sessionKey('demo-packaging'), JSON.stringify({ version: 1, rulebook: 'demo-packaging', hash: fixture.hash, answers, at: { at: 'results' }, savedAt: '2026-01-01' }));
});

it('prints a report with the respondent, rulebook identity, every clause, the reasons, near misses and every answer', { timeout: 15_000 }, async () => {
  const user = userEvent.setup();
  const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
  render(<App rulebooks={[fixture]} />);
  await user.click(await screen.findByRole('button', { name: '打印或保存为 PDF' }, { timeout: 5000 }));

  const report = await screen.findByRole('article', { name: '政策自测报告' });
  // The report opens at its heading; the next Tab is "print".
  await waitFor(() => expect(within(report).getByRole('heading', { level: 1, name: '政策自测报告' })).toHaveFocus());
  await user.tab();
  expect(screen.getByRole('button', { name: '打印 / 保存为 PDF' })).toHaveFocus();
  expect(within(report).getAllByRole('definition')[0]).toHaveTextContent('绿盒子包装有限公司');
  expect(within(report).getByText(`demo-packaging v1.2.3 · ${fixture.hash}`)).toBeInTheDocument();
  expect(within(report).getByText(/仅供参考。/)).toBeInTheDocument();

  const summary = within(report).getByRole('region', { name: '结论汇总' });
  // Its tables are named, as a screen reader's list of tables shows them.
  expect(within(summary).getByRole('table', { name: '结论汇总' })).toBeInTheDocument();
  expect(within(report).getByRole('table', { name: '附录：您的回答' })).toBeInTheDocument();
  expect(within(summary).getAllByRole('row')).toHaveLength(1 + fixture.measures.length);
  expect(within(summary).getByRole('row', { name: /（二） 加强监督检查 ℹ 仅供了解/ })).toBeInTheDocument();

  const applying = within(report).getByRole('region', { name: '适用的措施' });
  expect(within(applying).getAllByRole('listitem').map((li) => li.textContent)).toContain('✓ 是否使用可降解包装材料？ — 是（要求：为“是”）');
  expect(within(applying).getByText('对使用可降解包装材料的本市企业给予技术指导。')).toBeInTheDocument();

  const near = within(report).getByRole('region', { name: '差一点适用的支持事项' });
  expect(within(near).getByText('如果“出口占销售额的比重”至少 50，则可能适用')).toBeInTheDocument();

  const appendix = within(report).getByRole('region', { name: '附录：您的回答' });
  expect(within(appendix).getByRole('row', { name: '出口占销售额的比重 30 %' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '打印 / 保存为 PDF' }));
  expect(print).toHaveBeenCalledOnce();
  await user.click(screen.getByRole('button', { name: '返回结果' }));
  expect(screen.getByRole('button', { name: '打印或保存为 PDF' })).toHaveFocus();
});
