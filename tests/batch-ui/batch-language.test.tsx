// @vitest-environment jsdom
/**
 * What an association sees on the batch screen in either language: every problem line names its row, column
 * and value in the interface language, and switching the language turns the problems and the status messages
 * on screen with it.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { csv, HEADER, importFile, members, renderScreen } from './helpers';

beforeEach(() => localStorage.clear());

/** The problems table's rows, each as its cells' text: row, column, cell, value, kind, problem. */
const problemLines = (name: RegExp) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((c) => c.textContent));

it('lists the problems of a file in Chinese by default and in English after the switch, each with its row, column and value', async () => {
  const user = userEvent.setup();
  renderScreen(undefined, { languageSwitch: true });
  // No 'export_share' column, and a kind that is no option.
  const header = HEADER.filter((c) => c !== 'export_share');
  await importFile(user, csv(members.map((m) => m.filter((_, i) => HEADER[i] !== 'export_share')), header));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  expect(problemLines(/每个问题所在的行、列和单元格/)).toEqual([
    ['1', 'export_share', '—', '—', '⚠ 提醒', '缺少列“export_share”：所有会员的此问题都视为未回答'],
    ['4', 'kind', 'B4', 'robot', '✗ 错误', '“robot”不是“kind”的选项；可填选项的代码或名称（见模板第 2 行）：company, association'],
  ]);

  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(problemLines(/The row, column and cell of each problem/)).toEqual([
    ['1', 'export_share', '—', '—', '⚠ Warning', 'The column "export_share" is missing: every member is taken as not having answered it'],
    ['4', 'kind', 'B4', 'robot', '✗ Error', '"robot" is not an option of "kind"; write an option\'s code or its label (row 2 of the template): company, association'],
  ]);
  expect(screen.getByText(/3 members valid and assessed; 1 row with errors/)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '中文' }));
  expect(problemLines(/每个问题所在的行、列和单元格/)[1]![5]).toBe('“robot”不是“kind”的选项；可填选项的代码或名称（见模板第 2 行）：company, association');
});

it('shows the message about an unusable file, and the workspace status, in the language switched to', async () => {
  const user = userEvent.setup();
  renderScreen(undefined, { languageSwitch: true });
  await importFile(user, csv(members));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 3 个会员加入工作区。')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByText('3 members added to the workspace.')).toBeInTheDocument();
  expect(screen.queryByText('已将 3 个会员加入工作区。')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Added to the workspace' })).toBeInTheDocument();

  await importFile(user, '', 'empty.csv');
  expect(await screen.findByRole('alert')).toHaveTextContent('The file "empty.csv" cannot be used:The file is empty');
  await user.click(screen.getByRole('button', { name: '中文' }));
  expect(screen.getByRole('alert')).toHaveTextContent('无法使用文件“empty.csv”：文件是空的');
});
