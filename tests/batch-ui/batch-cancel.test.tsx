// @vitest-environment jsdom
/**
 * Cancelling a long batch run: the members assessed so far stay on screen — matrix, chart, exports —
 * labelled "cancelled after N of M members", nothing reaches the workspace unless asked, and the whole
 * file can be run again. The runner is the real one, made to wait between chunks where the test says,
 * so that the cancel lands at a known point.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageProvider } from '@/app/language';
import { BOM, csvLine } from '@/batch';
import { BatchScreen } from '@/features/batch/batch-screen';
import type { BatchRequest } from '@/features/batch/run';
import type { RunnerEvent } from '@/features/batch/runner';
import { MemoryStore } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { fixture } from '../engine/helpers';
import { captureDownloads, type Download } from '../downloads';

/** Where the next run stops until `release` (or cancel): after this many 'rows' events; null runs straight through. */
const gate: { pauseAfterRows: number | null; release: () => void } = { pauseAfterRows: null, release: () => {} };

vi.mock('@/features/batch/runner', async () => {
  const { batchRun } = await import('@/features/batch/run');
  return {
    prepareBatchWorker: () => () => undefined,
    startBatch(request: BatchRequest, onEvent: (event: RunnerEvent) => void) {
      let cancelled = false;
      void (async () => {
        let chunks = 0;
        // Chunks of 2 members, so that a file of 7 has several.
        for await (const event of batchRun(request, 2)) {
          if (cancelled) return;
          onEvent(event);
          if (event.type === 'parsed' && gate.pauseAfterRows === 0) await new Promise<void>((r) => (gate.release = r));
          if (event.type === 'rows' && ++chunks === gate.pauseAfterRows) await new Promise<void>((r) => (gate.release = r));
          if (cancelled) return;
        }
      })();
      return {
        cancel: () => {
          cancelled = true;
          gate.release();
        },
      };
    },
  };
});

let downloads: Download[] = [];
beforeEach(() => {
  localStorage.clear();
  gate.pauseAfterRows = null;
  downloads = captureDownloads();
});

const HEADER = ['name', 'kind', 'located_here', 'company_name', 'degradable', 'materials', 'exports', 'export_share', 'staff', 'size'];
const NAMES = ['会员1', '会员2', '会员3', '会员4', '会员5', '会员6', '会员7'];
const file = BOM + csvLine(HEADER) + NAMES.map((n, i) => csvLine([n, i % 2 ? 'association' : 'company', '是', '', '是', '', '', '', '', ''])).join('') + csvLine(['坏会员', 'robot', '是', '', '', '', '', '', '', '']);

function renderScreen(store = new MemoryStore()) {
  render(
    <LanguageProvider>
      <WorkspaceStoreProvider store={store}>
        <BatchScreen rulebooks={[fixture]} useWorker={false} />
      </WorkspaceStoreProvider>
    </LanguageProvider>,
  );
  return store;
}

const importFile = (user: ReturnType<typeof userEvent.setup>) => user.upload(screen.getByLabelText('会员文件（CSV 或 Excel）'), new File([file], 'members.csv', { type: 'text/csv' }));
const matrix = () => screen.getByRole('table', { name: /每位会员在各条款下的结论/ });
const memberNames = () => within(matrix()).getAllByRole('rowheader').map((h) => h.textContent);

it('keeps the members assessed before a cancel, labelled as a part, with chart and exports, and runs the whole file again', async () => {
  const user = userEvent.setup();
  const store = renderScreen();
  gate.pauseAfterRows = 2;
  await importFile(user);
  expect(await screen.findByText('已评估 4 / 7 个会员')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '取消' }));

  // The results say they are a part, in the heading (which takes the focus) and in the notice.
  const heading = await screen.findByRole('heading', { level: 2, name: '3. 结果（已取消：4 / 7 个会员）' });
  await waitFor(() => expect(heading).toHaveFocus());
  expect(screen.getByText('已在评估 4 / 7 个会员后取消。以下结果只包含已评估的 4 个会员；工作区没有变化。')).toBeInTheDocument();
  expect(screen.getByText(/7 个会员有效，已评估其中 4 个；1 行有错误（未评估）/)).toBeInTheDocument();
  expect(screen.getByRole('table', { name: /每个问题所在的行、列和单元格/ })).toHaveTextContent('robot');
  expect(memberNames()).toEqual(NAMES.slice(0, 4));
  expect(within(screen.getByRole('figure', { name: '各条款适用的会员数' })).getAllByRole('listitem')[0]).toHaveTextContent('2 个会员（50%）');
  expect(screen.queryByRole('button', { name: '取消' })).not.toBeInTheDocument();

  // The exports hold the four members; the file name says the matrix is cut short.
  await user.click(screen.getByRole('button', { name: '下载矩阵（CSV）' }));
  expect(downloads[0]!.name).toMatch(/_matrix_cancelled-4-of-7\.csv$/);
  const csv = await downloads[0]!.text;
  expect(NAMES.filter((n) => csv.includes(n))).toEqual(NAMES.slice(0, 4));
  await user.click(screen.getByRole('button', { name: 'Markdown 报告：会员2' }));
  expect(await downloads[1]!.text).toContain('会员2');
  expect(await store.list()).toEqual([]);
  await user.click(screen.getByRole('button', { name: '将 4 个会员加入工作区' }));
  expect(await screen.findByText('已将 4 个会员加入工作区。')).toBeInTheDocument();
  expect((await store.list()).map((i) => i.name).sort()).toEqual(NAMES.slice(0, 4));

  // Run again: every member, no longer labelled as cancelled.
  gate.pauseAfterRows = null;
  await user.click(screen.getByRole('button', { name: '重新评估全部会员' }));
  expect(await screen.findByRole('heading', { level: 2, name: '3. 结果' })).toBeInTheDocument();
  expect(memberNames()).toEqual(NAMES);
  expect(screen.queryByText(/已在评估/)).not.toBeInTheDocument();
  expect(screen.getByText(/7 个会员有效并已评估；1 行有错误（未评估）/)).toBeInTheDocument();
});

it('says nothing was assessed when the run is cancelled before the first member, and shows no results', async () => {
  const user = userEvent.setup();
  renderScreen();
  gate.pauseAfterRows = 0;
  await importFile(user);
  expect(await screen.findByText('已评估 0 / 7 个会员')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '取消' }));
  expect(await screen.findByText('已取消评估，工作区没有变化。')).toBeInTheDocument();
  await new Promise((r) => setTimeout(r, 100));
  expect(screen.queryByRole('heading', { level: 2, name: /3\. 结果/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('table', { name: /每位会员在各条款下的结论/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: '取消' })).not.toBeInTheDocument();
});

it('stops the run when it is cancelled while the file is still being read: nothing is assessed or shown after', async () => {
  const user = userEvent.setup();
  renderScreen();
  // A file whose reading ends when the test says.
  let finishReading = () => {};
  const slow = new File([file], 'members.csv', { type: 'text/csv' });
  const bytes = new TextEncoder().encode(file);
  Object.defineProperty(slow, 'arrayBuffer', { value: () => new Promise<ArrayBuffer>((resolve) => (finishReading = () => resolve(bytes.buffer))) });
  await user.upload(screen.getByLabelText('会员文件（CSV 或 Excel）'), slow);
  expect(await screen.findByText('正在读取并检查文件“members.csv”…')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '取消' }));
  expect(await screen.findByText('已取消评估，工作区没有变化。')).toBeInTheDocument();

  finishReading();
  await new Promise((r) => setTimeout(r, 200));
  expect(screen.getByText('已取消评估，工作区没有变化。')).toBeInTheDocument();
  expect(screen.queryByText(/已评估 \d+ \/ 7 个会员/)).not.toBeInTheDocument();
  expect(screen.queryByText(/个会员有效/)).not.toBeInTheDocument();
  expect(screen.queryByRole('heading', { level: 2, name: /3\. 结果/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('table', { name: /每位会员在各条款下的结论/ })).not.toBeInTheDocument();
  expect(screen.getByLabelText('会员文件（CSV 或 Excel）')).toBeEnabled();
});

it('asks before the page is left while a run is under way, and not once it is over', async () => {
  const user = userEvent.setup();
  renderScreen();
  const leave = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  expect(leave()).toBe(false);
  gate.pauseAfterRows = 2;
  await importFile(user);
  expect(await screen.findByText('已评估 4 / 7 个会员')).toBeInTheDocument();
  expect(leave()).toBe(true);
  gate.release();
  await screen.findByRole('heading', { level: 2, name: '3. 结果' });
  // (The question is withdrawn by an effect, run just after the results are on screen.)
  await waitFor(() => expect(leave()).toBe(false));
});
