// @vitest-environment jsdom
/**
 * What a consultant does with a result: download it (JSON, Markdown, CSV), share it as a link, and
 * open a saved file again — and what happens with a broken link or file.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { sessionKey } from '@/features/wizard/persistence';
import { decodeShareFragment, encodeShareFragment } from '@/share/share-link';
import { exportJson } from '@/report/export-file';
import { assess } from '@/engine';
import { fixture } from '../engine/helpers';
import { captureDownloads, type Download } from '../downloads';

const answers = { kind: 'company', located_here: true, company_name: '绿盒子', degradable: true, exports: true, export_share: 30, staff: 12 };
const save = (a: object, at: object) => localStorage.setItem(sessionKey('demo-packaging'), JSON.stringify({ version: 1, rulebook: 'demo-packaging', hash: fixture.hash, answers: a, at, savedAt: '2026-01-01' }));

let downloads: Download[] = [];
const bytes = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  downloads = captureDownloads();
});

it('downloads the assessment as JSON, Markdown and CSV', async () => {
  const user = userEvent.setup();
  save(answers, { at: 'results' });
  render(<App rulebooks={[fixture]} />);
  const panel = await screen.findByRole('region', { name: '导出与分享' });
  await user.click(within(panel).getByRole('button', { name: '下载 JSON（可再次导入）' }));
  await user.click(within(panel).getByRole('button', { name: '下载 Markdown 报告' }));
  await user.click(within(panel).getByRole('button', { name: '下载 CSV（Excel）' }));
  expect(downloads.map((d) => d.name)).toEqual([expect.stringMatching(/\.json$/), expect.stringMatching(/\.md$/), expect.stringMatching(/\.csv$/)]);
  const json = JSON.parse(await downloads[0]!.text);
  expect(json.answers).toEqual(answers);
  expect(json.assessment.clauses.map((c: { verdict: string }) => c.verdict)).toEqual(['applies', 'for_information', 'applies']);
  expect(await downloads[1]!.text).toContain('# 政策自测报告');
  const csv = await downloads[2]!.text;
  // UTF-8 with a byte-order mark, so Excel reads the Chinese correctly.
  expect([...(await bytes(downloads[2]!.blob)).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv).toContain('c1-degradable');
});

it('leaves out of the files and the share link the answers to questions no longer asked', async () => {
  const user = userEvent.setup();
  // The company's answers, then "an association" chosen on the review: the packaging step is no longer asked.
  save({ ...answers, kind: 'association' }, { at: 'results' });
  render(<App rulebooks={[fixture]} />);
  const panel = await screen.findByRole('region', { name: '导出与分享' });
  await user.click(within(panel).getByRole('button', { name: '下载 JSON（可再次导入）' }));
  await user.click(within(panel).getByRole('button', { name: '下载 Markdown 报告' }));
  expect(JSON.parse(await downloads[0]!.text).answers).toEqual({ kind: 'association', located_here: true, company_name: '绿盒子' });
  const markdown = await downloads[1]!.text;
  expect(markdown).not.toContain('员工人数');
  expect(markdown).not.toContain('出口占销售额的比重');
  await user.click(within(panel).getByRole('button', { name: '复制分享链接' }));
  const link = (screen.getByLabelText('分享链接（包含您的全部回答）') as HTMLInputElement).value;
  expect(decodeShareFragment([fixture], link.slice(link.indexOf('#')))).toMatchObject({ ok: true, value: { answers: { kind: 'association', located_here: true, company_name: '绿盒子' } } });
});

it('makes a share link that opens the same answers at the results, and removes it from the address', async () => {
  const user = userEvent.setup();
  save(answers, { at: 'results' });
  const { unmount } = render(<App rulebooks={[fixture]} />);
  await user.click(await screen.findByRole('button', { name: '复制分享链接' }));
  const link = (screen.getByLabelText('分享链接（包含您的全部回答）') as HTMLInputElement).value;
  expect(link).toMatch(/#psc1\./);
  unmount();

  localStorage.clear();
  window.history.replaceState(null, '', `/${link.slice(link.indexOf('#'))}`);
  render(<App rulebooks={[fixture]} />);
  expect(await screen.findByText('已打开分享链接中的回答。')).toBeInTheDocument();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  expect(screen.getByRole('region', { name: /与您相关的措施/ })).toHaveTextContent('（一） 支持企业使用绿色包装');
  expect(window.location.hash).toBe('');
});

it('says what is wrong with a tampered link, and that the earlier answers are there to resume', async () => {
  save({ kind: 'company' }, { at: 'step', step: 'packaging' });
  const fragment = encodeShareFragment(fixture, answers);
  const tampered = fragment.slice(0, 10) + (fragment[10] === 'A' ? 'B' : 'A') + fragment.slice(11);
  window.history.replaceState(null, '', `/#${tampered}`);
  render(<App rulebooks={[fixture]} />);
  expect(await screen.findByText('这个分享链接已损坏或被修改，无法读取。您在本浏览器中的回答仍然保留，可点击“继续上次的回答”接着填写。')).toBeInTheDocument();
  expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual({ kind: 'company' });
  // What the message says is about the intro: it goes once the interview goes on.
  await userEvent.setup().click(screen.getByRole('button', { name: '继续上次的回答' }));
  expect(await screen.findByRole('heading', { level: 1, name: '基本情况' })).toBeInTheDocument();
  expect(screen.queryByText(/分享链接已损坏/)).not.toBeInTheDocument();
});

it('imports a saved file and shows its results; a bad file is refused with its problems and nothing is lost', async () => {
  const user = userEvent.setup();
  save({ kind: 'association' }, { at: 'intro' });
  render(<App rulebooks={[fixture]} />);
  const input = screen.getByLabelText('导入已保存的评估文件（JSON）');

  await user.upload(input, new File(['{"format":"policy-self-check/assessment","formatVersion":1'], 'broken.json', { type: 'application/json' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('这不是 JSON 文件');
  expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual({ kind: 'association' });

  // The file would replace the interview under way, whose answers are not saved: asked first; kept, nothing changes.
  const file = exportJson({ rulebook: fixture, assessment: assess(fixture, answers), answers, exportedAt: '2026-01-01T00:00:00Z' });
  await user.upload(input, new File([file], 'saved.json', { type: 'application/json' }));
  const question = await screen.findByRole('alertdialog', { name: '打开文件“saved.json”会替换您正在进行的自测，其中的回答尚未保存到工作区。' });
  expect(within(question).getByRole('button', { name: '先把进行中的自测保存到工作区，再打开' })).toHaveFocus();
  await user.click(within(question).getByRole('button', { name: '不打开文件，继续我的自测' }));
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual({ kind: 'association' });
  expect(screen.getByRole('button', { name: '继续上次的回答' })).toBeInTheDocument();

  await user.upload(input, new File([file], 'saved.json', { type: 'application/json' }));
  await user.click(await screen.findByRole('button', { name: '不保存，直接打开' }));
  expect(await screen.findByText('已导入评估文件，并按当前规则重新评估。')).toBeInTheDocument();
  expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
  expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual(answers);

  // Another file, of some other kind, from the results: said in the user's words, and the news of the import before goes.
  await user.upload(screen.getByLabelText('导入已保存的评估文件（JSON）'), new File(['{"hello": 1}'], 'other.json', { type: 'application/json' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(/^无法导入“other\.json”：这不是“政策自测”导出的评估文件。请选择从本应用下载的 JSON 文件。$/);
  expect(screen.queryByText('已导入评估文件，并按当前规则重新评估。')).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: '您的结果' })).toBeInTheDocument();
});

it('says what a wrong file is: a workspace file, or a members list, each with where it goes', async () => {
  // The file chooser's filter (.json) is a suggestion: "all files" is a click away.
  const user = userEvent.setup({ applyAccept: false });
  render(<App rulebooks={[fixture]} />);
  const one = exportJson({ rulebook: fixture, assessment: assess(fixture, answers), answers, exportedAt: '2026-01-01T00:00:00Z' });
  await user.upload(screen.getByLabelText('导入已保存的评估文件（JSON）'), new File([`[${one},\n${one}]`], 'workspace.json', { type: 'application/json' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('无法导入“workspace.json”：这是工作区导出的文件（2 个评估），不是单个评估文件。请在“工作区”中用“导入工作区文件”打开它。');
  await user.upload(screen.getByLabelText('导入已保存的评估文件（JSON）'), new File(['name,kind,located_here\n甲,company,是\n'], 'members.csv', { type: 'text/csv' }));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('无法导入“members.csv”：这是表格文件（CSV 或 Excel），不是评估文件。会员名单请在“批量评估”中导入。'));
  expect(localStorage.getItem(sessionKey('demo-packaging'))).toBeNull();
});

it('lists where an imported file goes wrong, and what is wrong there, in the language of the page', async () => {
  const user = userEvent.setup();
  render(<App rulebooks={[fixture]} />);
  const file = JSON.stringify({ rulebook: 'demo-packaging', answers: { kind: 'ngo', staff: 1.5 } });
  await user.upload(screen.getByLabelText('导入已保存的评估文件（JSON）'), new File([file], 'answers.json', { type: 'application/json' }));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['answers.kind："ngo" 不是问题“kind”的选项；可选：company, association', 'answers.staff：应为整数']);
});

it('shows per clause what changed when the file was made under other rules', async () => {
  const user = userEvent.setup();
  const older = { ...fixture, hash: '0'.repeat(64) };
  const stale = JSON.parse(exportJson({ rulebook: older, assessment: assess(older, answers), answers }));
  stale.assessment.clauses[2].verdict = 'does_not_apply';
  render(<App rulebooks={[fixture]} />);
  await user.upload(screen.getByLabelText('导入已保存的评估文件（JSON）'), new File([JSON.stringify(stale)], 'old.json', { type: 'application/json' }));
  const table = await screen.findByRole('table', { name: '规则更新后结论有变化的条款' });
  expect(within(table).getByRole('row', { name: '（三） 发挥协会作用 不适用 适用' })).toBeInTheDocument();
});
