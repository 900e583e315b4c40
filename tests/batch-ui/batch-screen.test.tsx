// @vitest-environment jsdom
/**
 * What an association does on the batch screen: download the template (CSV or Excel), import its members'
 * file (CSV or .xlsx), see every problem by row and column while the valid rows are still assessed, sort and
 * filter the matrix, and read the chart. (jsdom has no Worker: the same run goes on the main thread.)
 * Cancelling a run is in batch-cancel.test.tsx.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readXlsx } from '@/batch/xlsx';
import { xlsxWorkbook } from '@/batch/xlsx-write';
import { csv, HEADER, importFile, members, renderScreen } from './helpers';
import { BatchScreen, type KeptBatch } from '@/features/batch/batch-screen';
import { LanguageProvider } from '@/app/language';
import { MemoryStore, WorkspaceError } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { batchKeeper } from '@/features/batch/keeper';
import { captureDownloads, type Download } from '../downloads';
import { fixture } from '../engine/helpers';

let downloads: Download[] = [];
beforeEach(() => {
  localStorage.clear();
  downloads = captureDownloads();
});

/** A downloaded file's bytes (jsdom's Blob has no arrayBuffer()). */
const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });

const matrix = () => screen.getByRole('table', { name: /每位会员在各条款下的结论/ });
const memberNames = () => within(matrix()).getAllByRole('rowheader').map((h) => h.textContent);

it('downloads a template with the question ids and a row of bilingual labels, and an example', async () => {
  const user = userEvent.setup();
  renderScreen();
  expect(screen.getByRole('heading', { level: 1, name: '批量评估' })).toHaveFocus();
  await user.click(screen.getByRole('button', { name: '下载 CSV 模板' }));
  expect(downloads[0]!.name).toBe('policy-self-check_demo-packaging_template.csv');
  const text = (await downloads[0]!.text).replace(/^\uFEFF/, '');
  const [header, labels] = text.split('\r\n');
  expect(header).toBe(HEADER.join(','));
  expect(labels).toContain('您是？ / You are?');
  expect(text).toContain('company（企业）');
  await user.click(screen.getByRole('button', { name: '下载 CSV 示例' }));
  expect(await downloads[1]!.text).toContain('示例会员 1');
});

it('downloads the template and the example as Excel workbooks with the same cells', async () => {
  const user = userEvent.setup();
  renderScreen();
  await user.click(screen.getByRole('button', { name: '下载 Excel 模板（.xlsx）' }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0]!.name).toBe('policy-self-check_demo-packaging_template.xlsx');
  expect(downloads[0]!.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const template = readXlsx(await bytesOf(downloads[0]!.blob));
  expect(template.ok && template.records[0]!.cells).toEqual(HEADER);
  expect(template.ok && template.records[1]!.cells[1]).toContain('您是？ / You are?');
  await user.click(screen.getByRole('button', { name: '下载 Excel 示例（.xlsx）' }));
  await waitFor(() => expect(downloads).toHaveLength(2));
  const example = readXlsx(await bytesOf(downloads[1]!.blob));
  expect(example.ok && example.records.map((r) => r.cells[0])).toEqual([HEADER[0], expect.any(String), '示例会员 1', '示例会员 2', '示例会员 3']);
});

it('imports an Excel workbook: members from its first sheet, problems at their Excel row and column', async () => {
  const user = userEvent.setup();
  renderScreen();
  const workbook = xlsxWorkbook('会员名单', [HEADER, ['乙公司', 'company', true, null, false, null, true, 60], [], ['坏公司', 'robot', '是'], ['丙协会', 'association', '是']]);
  await importFile(user, workbook, 'members.xlsx');
  const summary = await screen.findByText(/2 个会员有效并已评估；1 行有错误（未评估）/);
  expect(summary).toHaveTextContent('读取自 Excel 工作表“会员名单”。');
  const issues = screen.getByRole('table', { name: /每个问题所在的行、列和单元格/ });
  const cells = within(within(issues).getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent);
  // Row 3 is empty: the bad row is row 4, as Excel numbers it.
  expect(cells.slice(0, 5)).toEqual(['4', 'kind', 'B4', 'robot', '✗ 错误']);
  expect(await screen.findByRole('table', { name: /每位会员在各条款下的结论/ })).toBeInTheDocument();
  expect(memberNames()).toEqual(['乙公司', '丙协会']);
});

it('says what to do with an old .xls, a password-protected or a damaged workbook', async () => {
  const user = userEvent.setup();
  renderScreen();
  const cfb = (stream: string) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0), ...Array.from(stream).flatMap((c) => [c.charCodeAt(0), 0])]);
  await importFile(user, cfb('Workbook'), 'members.xls');
  expect(await screen.findByRole('alert')).toHaveTextContent('这是旧版 Excel 工作簿（.xls）');
  await importFile(user, cfb('EncryptedPackage'), 'members.xlsx');
  expect(await screen.findByRole('alert')).toHaveTextContent('这个 Excel 工作簿设有打开密码');
  await importFile(user, xlsxWorkbook('Sheet1', [HEADER]).slice(0, 200), 'members.xlsx');
  expect(await screen.findByRole('alert')).toHaveTextContent('无法打开这个 Excel 工作簿：文件已损坏或不完整');
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});

it('lists a bad row by row, column, cell and value, and still assesses the valid rows', async () => {
  const user = userEvent.setup();
  const store = renderScreen();
  await importFile(user, csv(members));
  expect(await screen.findByText(/3 个会员有效并已评估；1 行有错误（未评估）/)).toBeInTheDocument();
  const issues = screen.getByRole('table', { name: /每个问题所在的行、列和单元格/ });
  const cells = within(within(issues).getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent);
  expect(cells.slice(0, 5)).toEqual(['4', 'kind', 'B4', 'robot', '✗ 错误']);
  expect(cells[5]).toContain('“robot”不是“kind”的选项');
  expect(await screen.findByRole('table', { name: /每位会员在各条款下的结论/ })).toBeInTheDocument();
  expect(memberNames()).toEqual(['乙公司', '甲公司', '丙协会']);

  // The matrix and each member's report download; the members go to the workspace on request only.
  await user.click(screen.getByRole('button', { name: '下载矩阵（CSV）' }));
  expect(await downloads[0]!.text).toContain('甲公司');
  await user.click(screen.getByRole('button', { name: 'Markdown 报告：甲公司' }));
  expect(downloads[1]!.name).toMatch(/_甲公司\.md$/);
  expect(await downloads[1]!.text).toContain('甲公司');
  expect(await store.list()).toEqual([]);
  await user.click(screen.getByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 3 个会员加入工作区。')).toBeInTheDocument();
  expect((await store.list()).map((i) => i.name).sort()).toEqual(['丙协会', '乙公司', '甲公司'].sort());
});

it('shows a cell of thousands of characters pasted by mistake cut short, with its length, and quotes only its beginning in the message', async () => {
  const user = userEvent.setup();
  renderScreen();
  const pasted = '机'.repeat(3000);
  await importFile(user, csv([members[0]!, ['丁公司', pasted, '是', '', '', '', '', '', '', '']]));
  const issues = await screen.findByRole('table', { name: /每个问题所在的行、列和单元格/ });
  const cells = within(within(issues).getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent);
  expect(cells.slice(0, 3)).toEqual(['3', 'kind', 'B3']);
  expect(cells[3]).toBe(`${'机'.repeat(200)}…（共 3000 个字符）`);
  expect(cells[5]).toMatch(new RegExp(`^“${'机'.repeat(60)}…”不是“kind”的选项`));
});

it('adds the members to the workspace once: the button then says they were added, and a second click adds nothing', async () => {
  const user = userEvent.setup();
  const store = renderScreen();
  await importFile(user, csv(members));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  // Pressed twice in a row, as an impatient user does.
  await user.dblClick(screen.getByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 3 个会员加入工作区。')).toBeInTheDocument();
  const added = screen.getByRole('button', { name: '已加入工作区' });
  expect(added).toHaveAttribute('aria-disabled', 'true');
  // The focus stays on it (a disabled button would drop it).
  expect(added).toHaveFocus();
  await user.click(added);
  await new Promise((r) => setTimeout(r, 50));
  expect((await store.list()).map((i) => i.name).sort()).toEqual(['丙协会', '乙公司', '甲公司'].sort());
  expect(screen.queryByRole('button', { name: /个会员加入工作区$/ })).not.toBeInTheDocument();
});

it('adds members who share a name to the workspace with their rows, so that its entries can be told apart', async () => {
  const user = userEvent.setup();
  const store = renderScreen();
  await importFile(user, csv([members[0]!, [members[0]![0]!, ...members[1]!.slice(1)], members[1]!]));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  await user.click(screen.getByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 3 个会员加入工作区。')).toBeInTheDocument();
  const names = (await store.list()).map((i) => i.name).sort();
  const shared = members[0]![0]!;
  const sharing = names.filter((n) => n.startsWith(shared));
  expect(sharing).toHaveLength(2);
  for (const name of sharing) expect(name).toMatch(new RegExp(`^${shared}（第 \\d+ 行）$`));
  expect(new Set(names).size).toBe(3);
  expect(names).toContain(members[1]![0]);
});

it('moves the focus to the results when a run ends, not to the page body with the cancel button', async () => {
  const user = userEvent.setup();
  renderScreen();
  await importFile(user, csv(members));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: /结果/ })).toHaveFocus());
});

it('shows the results again when the user comes back from another view, the file named, its members ready to add', async () => {
  const user = userEvent.setup();
  const keeper = batchKeeper<KeptBatch>();
  renderScreen(undefined, { keeper });
  await importFile(user, csv(members), 'members-2026.csv');
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  cleanup();

  renderScreen(undefined, { keeper });
  const matrix = screen.getByRole('table', { name: /每位会员在各条款下的结论/ });
  expect(within(matrix).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['乙公司', '甲公司', '丙协会']);
  expect(screen.getByText(/members-2026\.csv/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: '将 3 个会员加入工作区' })).toBeEnabled();
});

it('says, back at the screen, that leaving it stopped a run, whose results were not kept; the results before it are there', async () => {
  const user = userEvent.setup();
  const keeper = batchKeeper<KeptBatch>();
  renderScreen(undefined, { keeper });
  await importFile(user, csv(members), 'first.csv');
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  // Another file chosen, and the screen left at once, while it is read.
  fireEvent.change(screen.getByLabelText('会员文件（CSV 或 Excel）'), { target: { files: [new File([csv(members.slice(0, 2))], 'second.csv', { type: 'text/csv' })] } });
  cleanup();

  renderScreen(undefined, { keeper });
  expect(screen.getByText('离开本页时，“second.csv”的评估已停止，其结果没有保留；请重新选择该文件。')).toBeInTheDocument();
  expect(within(screen.getByRole('table', { name: /每位会员在各条款下的结论/ })).getAllByRole('rowheader')).toHaveLength(3);
  // Said once: not again after another visit.
  cleanup();
  renderScreen(undefined, { keeper });
  expect(screen.queryByText(/评估已停止/)).not.toBeInTheDocument();
});

it('says what is wrong with an unusable file and assesses nothing', async () => {
  const user = userEvent.setup();
  renderScreen();
  await importFile(user, '');
  expect(await screen.findByRole('alert')).toHaveTextContent('文件是空的');
  await importFile(user, HEADER.join(';') + '\n甲;company\n');
  expect(await screen.findByRole('alert')).toHaveTextContent('文件用分号（;）分隔各列');
  await importFile(user, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), 'members.csv');
  expect(await screen.findByRole('alert')).toHaveTextContent('无法打开这个 Excel 工作簿');
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
});

it('keeps the previous results, named by their file, when the next file cannot be used', async () => {
  const user = userEvent.setup();
  renderScreen();
  await importFile(user, csv(members), 'members.csv');
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  expect(within(screen.getByRole('region', { name: '3. 结果' })).getByText('来自文件“members.csv”，按《示例市绿色包装促进办法》（版本 1.2.3）评估。')).toBeInTheDocument();

  // An empty file: the error names it; the results stay, and say they are the earlier file's.
  await importFile(user, '', 'empty.csv');
  expect(await screen.findByRole('alert')).toHaveTextContent('无法使用文件“empty.csv”：文件是空的');
  const results = screen.getByRole('region', { name: '3. 结果' });
  expect(within(results).getByText('以下仍是之前导入的文件“members.csv”的结果（《示例市绿色包装促进办法》版本 1.2.3）。')).toBeInTheDocument();
  expect(memberNames()).toEqual(['乙公司', '甲公司', '丙协会']);
  expect(within(results).getByRole('figure', { name: '各条款适用的会员数' })).toBeInTheDocument();
  expect(within(results).getByRole('button', { name: '将 3 个会员加入工作区' })).toBeInTheDocument();

  // A file too large for the browser, refused before it is read: the same.
  const huge = new File(['name\n'], 'huge.csv', { type: 'text/csv' });
  Object.defineProperty(huge, 'size', { value: 500 * 1024 * 1024 });
  await user.upload(screen.getByLabelText('会员文件（CSV 或 Excel）'), huge);
  expect(await screen.findByRole('alert')).toHaveTextContent('无法使用文件“huge.csv”：文件有 500 MB');
  expect(screen.getByText('以下仍是之前导入的文件“members.csv”的结果（《示例市绿色包装促进办法》版本 1.2.3）。')).toBeInTheDocument();
  expect(memberNames()).toEqual(['乙公司', '甲公司', '丙协会']);

  // The next good file's results replace them.
  await importFile(user, csv(members.slice(0, 2)), 'two.csv');
  expect(await screen.findByText('来自文件“two.csv”，按《示例市绿色包装促进办法》（版本 1.2.3）评估。')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.queryByText(/以下仍是/)).not.toBeInTheDocument();
  expect(memberNames()).toEqual(['乙公司', '甲公司']);
});

it('says that no member could be assessed when every row has an error, lists the problems, and shows no empty chart or matrix', async () => {
  const user = userEvent.setup();
  renderScreen();
  const allBad = csv([members[2]!, ['坏协会', 'android', '是', '', '', '', '', '', '', '']]);
  await importFile(user, allBad, 'bad.csv');
  expect(await screen.findByRole('alert')).toHaveTextContent('无法使用文件“bad.csv”：没有可以评估的会员：每一行都有错误（共 2 行，见下方列表）。请改正后重新导入。');
  const issues = screen.getByRole('table', { name: /每个问题所在的行、列和单元格/ });
  expect(issues).toHaveTextContent('robot');
  expect(issues).toHaveTextContent('android');
  expect(screen.queryByRole('heading', { level: 2, name: /3\. 结果/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('figure', { name: '各条款适用的会员数' })).not.toBeInTheDocument();
  expect(screen.queryByRole('table', { name: /每位会员在各条款下的结论/ })).not.toBeInTheDocument();
  expect(screen.queryByText('没有符合筛选条件的会员。')).not.toBeInTheDocument();
  expect(screen.queryByText(/0 个会员有效并已评估/)).not.toBeInTheDocument();

  // After a good file, such a file leaves its results as they were.
  await importFile(user, csv(members), 'members.csv');
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  await importFile(user, allBad, 'bad.csv');
  expect(await screen.findByRole('alert')).toHaveTextContent('没有可以评估的会员');
  expect(screen.getByRole('table', { name: /每个问题所在的行、列和单元格/ })).toHaveTextContent('android');
  expect(screen.getByText('以下仍是之前导入的文件“members.csv”的结果（《示例市绿色包装促进办法》版本 1.2.3）。')).toBeInTheDocument();
  expect(memberNames()).toEqual(['乙公司', '甲公司', '丙协会']);
});

it('says so when the file cannot be read (removed from the disk after it was chosen, say)', async () => {
  const user = userEvent.setup();
  renderScreen();
  const gone = new File(['name\n'], 'members.csv', { type: 'text/csv' });
  Object.defineProperty(gone, 'arrayBuffer', { value: () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError')) });
  await user.upload(screen.getByLabelText('会员文件（CSV 或 Excel）'), gone);
  // In the page's language, not the browser's words ('The file could not be read.').
  expect(await screen.findByRole('alert')).toHaveTextContent('无法使用文件“members.csv”：无法读取文件“members.csv”：选择之后它可能被移动、改名或删除了，或者没有读取权限。请重新选择文件。');
  expect(screen.getByRole('alert')).not.toHaveTextContent('The file could not be read');
  expect(screen.queryByRole('button', { name: '取消' })).not.toBeInTheDocument();
  expect(screen.getByLabelText('会员文件（CSV 或 Excel）')).toBeEnabled();
});

it('moves the focus to the message saying what went wrong when a run fails, not to the page body', async () => {
  const user = userEvent.setup();
  renderScreen();
  // Every row has an error: the focus lands on the alert, and the problems follow it.
  await importFile(user, csv([members[2]!]), 'bad.csv');
  const noneValid = await screen.findByRole('alert');
  expect(noneValid).toHaveTextContent('无法使用文件“bad.csv”：没有可以评估的会员');
  await waitFor(() => expect(noneValid).toHaveFocus());

  // A file that cannot be used, and one that cannot be read: the same, each time.
  await importFile(user, '', 'empty.csv');
  await waitFor(() => expect(screen.getByRole('alert')).toHaveFocus());
  expect(screen.getByRole('alert')).toHaveTextContent('无法使用文件“empty.csv”：文件是空的');
  const gone = new File(['name\n'], 'gone.csv', { type: 'text/csv' });
  Object.defineProperty(gone, 'arrayBuffer', { value: () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError')) });
  await user.upload(screen.getByLabelText('会员文件（CSV 或 Excel）'), gone);
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('无法读取文件“gone.csv”'));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveFocus());
  expect(document.body).not.toHaveFocus();
});

it('sorts and filters the matrix, and the chart counts what the matrix shows', async () => {
  const user = userEvent.setup();
  renderScreen();
  await importFile(user, csv(members.filter((m) => m[1] !== 'robot')));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });

  await user.click(within(matrix()).getByRole('button', { name: /^名称/ }));
  expect(memberNames()).toEqual(['丙协会', '甲公司', '乙公司']);
  expect(within(matrix()).getByRole('columnheader', { name: /名称/ })).toHaveAttribute('aria-sort', 'ascending');
  await user.click(within(matrix()).getByRole('button', { name: /^名称/ }));
  expect(memberNames()).toEqual(['乙公司', '甲公司', '丙协会']);
  // By clause 3: the members it applies to first (the association).
  await user.click(within(matrix()).getByRole('button', { name: /（三） 发挥协会作用/ }));
  expect(memberNames()[0]).toBe('丙协会');

  await user.type(screen.getByLabelText('按名称筛选'), '协会');
  await waitFor(() => expect(memberNames()).toEqual(['丙协会']));
  await user.clear(screen.getByLabelText('按名称筛选'));
  await user.selectOptions(screen.getByLabelText('条款'), '（三） 发挥协会作用');
  await user.selectOptions(screen.getByLabelText('结论'), '✓ 适用');
  await waitFor(() => expect(memberNames()).toEqual(['丙协会']));
  await user.selectOptions(screen.getByLabelText('条款'), '任一条款');
  await user.selectOptions(screen.getByLabelText('结论'), '全部结论');

  // Each bar's count is the number of ✓ in its clause's column.
  const chart = screen.getByRole('figure', { name: '各条款适用的会员数' });
  const bars = within(chart).getAllByRole('listitem');
  const header = within(matrix()).getAllByRole('columnheader');
  bars.forEach((bar, i) => {
    const column = header.findIndex((h) => h.textContent!.startsWith(bar.querySelector('.bar-label')!.textContent!.split(' ')[0]!));
    const applying = within(matrix())
      .getAllByRole('row')
      .slice(1)
      .filter((r) => r.children[column]!.textContent!.includes('适用') && !r.children[column]!.textContent!.includes('不适用') && !r.children[column]!.textContent!.includes('可能')).length;
    expect(bar.querySelector('.bar-count')!.textContent, `bar ${i + 1}`).toMatch(new RegExp(`^${applying} 个会员`));
  });
  expect(bars[0]).toHaveTextContent('2 个会员（67%）');
});

it('sorts the names with their numbers in order (会员2 before 会员10), as the workspace does', async () => {
  const user = userEvent.setup();
  renderScreen();
  const names = Array.from({ length: 12 }, (_, i) => `会员${12 - i}`);
  await importFile(user, csv(names.map((n) => [n, 'company', '是', '', '是', '', '', '', '', ''])));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  await user.click(within(matrix()).getByRole('button', { name: /^名称/ }));
  const ascending = Array.from({ length: 12 }, (_, i) => `会员${i + 1}`);
  await waitFor(() => expect(memberNames()).toEqual(ascending));
  await user.click(within(matrix()).getByRole('button', { name: /^名称/ }));
  await waitFor(() => expect(memberNames()).toEqual([...ascending].reverse()));
});

it('finds and sorts a member without a name by the row it is shown as ("第 3 行")', async () => {
  const user = userEvent.setup();
  renderScreen();
  await importFile(user, csv([['乙公司', 'company', '是', '', '是', '', '', '', '', ''], ['', 'company', '是', '', '是', '', '', '', '', ''], ['甲公司', 'company', '是', '', '是', '', '', '', '', '']]));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  const unnamed = memberNames().find((n) => /^第 \d+ 行$/.test(n))!;
  expect(unnamed).toBeDefined();
  await user.type(screen.getByLabelText('按名称筛选'), unnamed.slice(0, -2));
  await waitFor(() => expect(memberNames()).toEqual([unnamed]));
  await user.clear(screen.getByLabelText('按名称筛选'));
  await user.click(within(matrix()).getByRole('button', { name: /^名称/ }));
  await waitFor(() => expect(memberNames()).toEqual([...memberNames()].sort(new Intl.Collator('zh-CN', { numeric: true }).compare)));
  expect(memberNames()).toHaveLength(3);
});

it('goes to a page by its number, and says which numbers there are', async () => {
  const user = userEvent.setup();
  renderScreen();
  const many = Array.from({ length: 110 }, (_, i) => [`会员${i + 1}`, 'company', '是', '', '是', '', '', '', '', '']);
  await importFile(user, csv(many));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  const pager = screen.getByRole('navigation', { name: '会员分页' });
  expect(within(pager).getByText('第 1 / 3 页')).toBeInTheDocument();
  await user.type(within(pager).getByLabelText('跳到第几页'), '9{Enter}');
  expect(within(pager).getByRole('alert')).toHaveTextContent('请输入 1 到 3 之间的页码');
  await user.clear(within(pager).getByLabelText('跳到第几页'));
  await user.type(within(pager).getByLabelText('跳到第几页'), '３');
  await user.click(within(pager).getByRole('button', { name: '跳转' }));
  expect(screen.getByText('显示第 101–110 个，共 110 个会员')).toBeInTheDocument();
  expect(within(pager).getByText('第 3 / 3 页')).toBeInTheDocument();
  expect(within(pager).queryByRole('alert')).toBeNull();
});

it('shows a page of 50 members: its first rows at once, the rest a few per frame', async () => {
  const user = userEvent.setup();
  renderScreen();
  const many = Array.from({ length: 60 }, (_, i) => [`会员${i + 1}`, i % 2 ? 'association' : 'company', '是', '', '是', '', '', '', '', '']);
  await importFile(user, csv(many));
  await screen.findByRole('table', { name: /每位会员在各条款下的结论/ });
  expect(screen.getByText('显示第 1–50 个，共 60 个会员')).toBeInTheDocument();
  // (Read without role queries, which are slow over a large table in jsdom.)
  const names = () => [...matrix().querySelectorAll('tbody th[scope="row"]')].map((h) => h.textContent);
  // The first frame lays out ten rows, not fifty (a thousand verdicts at once make a long task).
  expect(names().length).toBeGreaterThanOrEqual(10);
  expect(names().length).toBeLessThan(50);
  expect(matrix().querySelector('tbody')).toHaveAttribute('aria-busy', 'true');
  await waitFor(() => expect(names()).toHaveLength(50), { timeout: 5000 });
  expect(names()).toEqual(many.slice(0, 50).map((m) => m[0]));
  expect(matrix().querySelector('tbody')).not.toHaveAttribute('aria-busy');

  // The next page: its ten rows.
  await user.click(screen.getByRole('button', { name: '下一页' }));
  expect(screen.getByText('显示第 51–60 个，共 60 个会员')).toBeInTheDocument();
  expect(names()).toEqual(many.slice(50).map((m) => m[0]));
}, 30_000);

it('with two policies whose headers are alike (one copied from the other), reads the file as the policy chosen on the screen, and says which one', async () => {
  const user = userEvent.setup();
  const copy = { ...fixture, meta: { ...fixture.meta, id: 'demo-copy', title: { zh: '示例区绿色包装办法', en: 'Demo District Green Packaging' }, version: '0.1.0' } };
  render(
    <LanguageProvider>
      <WorkspaceStoreProvider store={new MemoryStore()}>
        <BatchScreen rulebooks={[fixture, copy]} useWorker={false} />
      </WorkspaceStoreProvider>
    </LanguageProvider>,
  );
  await user.selectOptions(screen.getByRole('combobox', { name: '政策' }), '示例区绿色包装办法');
  await importFile(user, csv(members), 'members.csv');
  expect(await screen.findByText('来自文件“members.csv”，按《示例区绿色包装办法》（版本 0.1.0）评估。')).toBeInTheDocument();
  expect(memberNames()).toEqual(['乙公司', '甲公司', '丙协会']);

  await user.selectOptions(screen.getByRole('combobox', { name: '政策' }), '示例市绿色包装促进办法');
  await importFile(user, csv(members), 'members.csv');
  expect(await screen.findByText('来自文件“members.csv”，按《示例市绿色包装促进办法》（版本 1.2.3）评估。')).toBeInTheDocument();
});

it('says, when this browser keeps no data (private mode), that the members cannot be added and how to keep the results', async () => {
  const user = userEvent.setup();
  class NoStorage extends MemoryStore {
    override async list(): Promise<never> {
      throw new WorkspaceError('unavailable');
    }
  }
  renderScreen(new NoStorage());
  await importFile(user, csv(members));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('本浏览器不允许保存数据（可能是无痕/隐私模式，或存储已被禁用），无法加入工作区。结果仍在本页：可用“下载矩阵（CSV）”保存。');
  expect(screen.getByRole('button', { name: '下载矩阵（CSV）' })).toBeInTheDocument();
});
