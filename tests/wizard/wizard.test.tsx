// @vitest-environment jsdom
/**
 * The interview as a user meets it, step by step, on the small fixture rulebook: what each step shows,
 * where each answer leads, what is rejected, the review, the results and saving.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { saveSession, sessionKey } from '@/features/wizard/persistence';
import { toFieldValue } from '@/features/wizard/step-schema';
import type { Question } from '@/rulebook/schema';
import { withoutEnglish } from '@/rulebook/english-split';
import { press } from '../browser-history';
import { fixture } from '../engine/helpers';

beforeEach(() => localStorage.clear());

const renderApp = () => render(<App rulebooks={[fixture]} />);

async function startAsCompany(user: ReturnType<typeof userEvent.setup>) {
  renderApp();
  await user.click(screen.getByRole('button', { name: '开始' }));
  await user.click(screen.getByRole('radio', { name: '企业' }));
  within(screen.getByRole('group', { name: '是否位于示例市？' })).getByRole('radio', { name: '是' }).click();
  await user.click(screen.getByRole('button', { name: '下一步' }));
}

describe('intro', () => {
  it('shows the policy, how long it takes, and a start button', () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: '示例市绿色包装促进办法' })).toBeInTheDocument();
    expect(screen.getByText(/3 条措施中哪些与您相关/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '开始' })).toBeInTheDocument();
  });
});

describe('step 1: about you', () => {
  it('opens with its heading focused, the progress over visible steps and the clauses decided so far', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: '开始' }));
    expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toHaveFocus();
    expect(screen.getByText('第 1 步，共 2 步')).toBeInTheDocument();
    // The count comes once the engine (loaded apart) has assessed the answers so far.
    expect(await screen.findByText('已判断 1 / 3 条')).toBeInTheDocument();
  });

  it('rejects an empty step with a message next to each field and focus on the first error', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: '开始' }));
    await user.click(screen.getByRole('button', { name: '下一步' }));
    // One alert, the summary; each field's message is its description.
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['有 2 处需要修改：您是？（请选择一项）是否位于示例市？（请选择一项）']);
    expect(within(screen.getByRole('group', { name: '您是？' })).getByText('请选择一项')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '您是？' })).toHaveAccessibleDescription(/请选择一项/);
    expect(screen.getByRole('radio', { name: '企业' })).toHaveFocus();
    expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeInTheDocument();
    // Pressed again: the same messages (not the form library's "Invalid input").
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['有 2 处需要修改：您是？（请选择一项）是否位于示例市？（请选择一项）']);
    // The summary names each question; pressing one takes the focus to it.
    await user.click(within(alerts[0]!).getByRole('button', { name: '是否位于示例市？（请选择一项）' }));
    expect(within(screen.getByRole('group', { name: '是否位于示例市？' })).getAllByRole('radio')[0]).toHaveFocus();
    // Answered: the summary no longer names it.
    await user.click(screen.getByRole('radio', { name: '企业' }));
    expect(within(screen.getAllByRole('alert')[0]!).getAllByRole('button').map((b) => b.textContent)).toEqual(['是否位于示例市？（请选择一项）']);
  });

  it('says why it asks, from the rules', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: '开始' }));
    const group = screen.getByRole('group', { name: '您是？' });
    await user.click(within(group).getByText('为什么问这个？'));
    expect(within(group).getByText('（一） 支持企业使用绿色包装')).toBeVisible();
    expect(within(group).getByText('（三） 发挥协会作用')).toBeVisible();
  });

  it('takes an association straight to the review, skipping the packaging step', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: '开始' }));
    await user.click(screen.getByRole('radio', { name: '行业协会' }));
    await user.click(within(screen.getByRole('group', { name: '是否位于示例市？' })).getByRole('radio', { name: '是' }));
    await user.click(screen.getByRole('button', { name: '下一步' }));
    // The review screen loads lazily: the focus moves to its heading once it is there.
    const review = await screen.findByRole('heading', { level: 1, name: '检查您的回答' });
    await waitFor(() => expect(review).toHaveFocus());
    expect(screen.queryByRole('heading', { name: '包装' })).not.toBeInTheDocument();
  });
});

describe('step 2: packaging', () => {
  it('shows a follow-up only when it is relevant', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    expect(screen.getByText('第 2 步，共 2 步')).toBeInTheDocument();
    expect(screen.queryByLabelText(/出口占销售额的比重/)).not.toBeInTheDocument();
    await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '是' }));
    expect(screen.getByLabelText(/出口占销售额的比重/)).toBeInTheDocument();
  });

  it('rejects numbers out of range or not numbers, next to the field', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.click(within(screen.getByRole('group', { name: '是否使用可降解包装材料？' })).getByRole('radio', { name: '否' }));
    await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '是' }));
    await user.type(screen.getByLabelText(/出口占销售额的比重/), '120');
    await user.type(screen.getByLabelText(/员工人数/), 'many');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByText('不能大于 100')).toBeVisible();
    expect(screen.getByText('请输入数字，例如 120')).toBeVisible();
    expect(screen.getByLabelText(/出口占销售额的比重/)).toHaveFocus();
  });

  it('takes a number typed with the unit the field shows, and says what range it needs when the text is not a number', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.click(within(screen.getByRole('group', { name: '是否使用可降解包装材料？' })).getByRole('radio', { name: '否' }));
    await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '是' }));
    await user.type(screen.getByLabelText(/出口占销售额的比重/), '六成');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByText('请输入 0 到 100 之间的数字')).toBeVisible();
    await user.clear(screen.getByLabelText(/出口占销售额的比重/));
    await user.type(screen.getByLabelText(/出口占销售额的比重/), '60％');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    // Only the question left unanswered is still named.
    expect(within(screen.getAllByRole('alert')[0]!).getAllByRole('button').map((b) => b.textContent)).toEqual(['企业规模（请选择一项）']);
    expect(screen.getByLabelText(/出口占销售额的比重/)).not.toHaveAttribute('aria-invalid');
  });

  it('refuses a fraction of a person and a number too large to keep, and shows a large number with all its digits', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.type(screen.getByLabelText(/员工人数/), '1.5');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByText('请输入整数')).toBeVisible();
    await user.clear(screen.getByLabelText(/员工人数/));
    await user.type(screen.getByLabelText(/员工人数/), '100000000000000000000000');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByText('数字太大，请检查')).toBeVisible();
    expect(toFieldValue({ id: 'n', type: 'number' } as Question, 1e21)).toBe('1000000000000000000000');
    expect(toFieldValue({ id: 'n', type: 'number' } as Question, 0.000001)).toBe('0.000001');
  });

  it('proposes the company size from the staff count and lets the user correct it', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.type(screen.getByLabelText(/员工人数/), '12');
    const size = screen.getByRole('group', { name: '企业规模' });
    expect(within(size).getByRole('radio', { name: '小型' })).toBeChecked();
    expect(within(size).getByText('根据您的回答推算为“小型”，如不对请修改。')).toBeInTheDocument();
    await user.click(within(size).getByRole('radio', { name: '大型' }));
    await user.clear(screen.getByLabelText(/员工人数/));
    await user.type(screen.getByLabelText(/员工人数/), '8');
    expect(within(size).getByRole('radio', { name: '大型' })).toBeChecked();
  });

  it('replaces a "don\'t know" on the size, given before the staff count, with the size the count then proposes; one given after stays', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    const size = screen.getByRole('group', { name: '企业规模' });
    await user.click(within(size).getByRole('radio', { name: '不清楚' }));
    await user.type(screen.getByLabelText(/员工人数/), '12');
    expect(within(size).getByRole('radio', { name: '小型' })).toBeChecked();
    expect(within(size).getByText('根据您的回答推算为“小型”，如不对请修改。')).toBeInTheDocument();
    // Chosen again with the proposal in sight: the user's word.
    await user.click(within(size).getByRole('radio', { name: '不清楚' }));
    await user.type(screen.getByLabelText(/员工人数/), '0');
    expect(within(size).getByRole('radio', { name: '不清楚' })).toBeChecked();
    // Kept, and shown again when the step is opened again.
    await user.click(within(screen.getByRole('group', { name: '是否使用可降解包装材料？' })).getByRole('radio', { name: '否' }));
    await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '否' }));
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await screen.findByRole('heading', { level: 1, name: '检查您的回答' });
    await user.click(await screen.findByRole('button', { name: '上一步' }));
    const again = await screen.findByRole('group', { name: '企业规模' });
    expect(within(again).getByRole('radio', { name: '不清楚' })).toBeChecked();
  });

  it('clears the "choose one" under the size once the staff count proposes a size', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.click(screen.getByRole('button', { name: '下一步' }));
    const size = screen.getByRole('group', { name: '企业规模' });
    expect(within(size).getByText('请选择一项')).toBeVisible();
    await user.type(screen.getByLabelText(/员工人数/), '12');
    expect(within(size).getByRole('radio', { name: '小型' })).toBeChecked();
    expect(within(size).queryByText('请选择一项')).not.toBeInTheDocument();
  });

  it('takes several choices, and "don\'t know" replaces them', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    const materials = screen.getByRole('group', { name: /您使用哪些包装材料？/ });
    await user.click(within(materials).getByRole('checkbox', { name: '纸' }));
    await user.click(within(materials).getByRole('checkbox', { name: '玻璃' }));
    const saved = () => JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers.materials;
    expect(saved()).toEqual(['paper', 'glass']);
    await user.click(within(materials).getByRole('checkbox', { name: '不清楚' }));
    expect(within(materials).getByRole('checkbox', { name: '纸' })).not.toBeChecked();
    expect(saved()).toBe('dont_know');
    await user.click(within(materials).getByRole('checkbox', { name: '塑料' }));
    expect(within(materials).getByRole('checkbox', { name: '不清楚' })).not.toBeChecked();
    expect(saved()).toEqual(['plastic']);
    await user.click(within(materials).getByRole('checkbox', { name: '都不用' }));
    expect(within(materials).getByRole('checkbox', { name: '塑料' })).not.toBeChecked();
    expect(saved()).toEqual(['none']);
  });

  it('takes an optional multiple choice left empty as "none of these" once the step is submitted', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    const saved = () => JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers;
    await user.click(within(screen.getByRole('group', { name: '是否使用可降解包装材料？' })).getByRole('radio', { name: '是' }));
    // Not yet submitted: not yet answered.
    expect(saved()).not.toHaveProperty('materials');
    await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '否' }));
    await user.type(screen.getByLabelText(/员工人数/), '12');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /您使用哪些包装材料？/ })).not.toBeInTheDocument());
    expect(saved().materials).toEqual([]);
    // The review says so, rather than "not answered".
    expect(await screen.findByRole('heading', { level: 1, name: '检查您的回答' })).toBeInTheDocument();
    expect(screen.getByText('您使用哪些包装材料？').nextElementSibling).toHaveTextContent('都没有');
  });

  it('goes back with the answers kept', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.click(screen.getByRole('button', { name: '上一步' }));
    expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();
  });
});

async function completeAsCompany(user: ReturnType<typeof userEvent.setup>, { degradable = '不清楚', share = '30' } = {}) {
  await startAsCompany(user);
  await user.click(within(screen.getByRole('group', { name: '是否使用可降解包装材料？' })).getByRole('radio', { name: degradable }));
  await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '是' }));
  await user.type(screen.getByLabelText(/出口占销售额的比重/), share);
  await user.type(screen.getByLabelText(/员工人数/), '12');
  await user.click(screen.getByRole('button', { name: '下一步' }));
  // The review is loaded when first shown.
  await screen.findByRole('button', { name: '查看结果' });
}

describe('review', () => {
  it('lists every answer by step, and a change link goes back and returns to the review', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user);
    const packaging = screen.getByRole('region', { name: '包装' });
    expect(within(packaging).getByText('出口占销售额的比重')).toBeInTheDocument();
    expect(within(packaging).getByText('30 %')).toBeInTheDocument();
    expect(within(packaging).getByText('小型（根据您的回答推算）')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '修改：出口占销售额的比重' }));
    // Its step, with the focus on the question to change.
    expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
    expect(screen.getByLabelText(/出口占销售额的比重/)).toHaveFocus();
    await user.clear(screen.getByLabelText(/出口占销售额的比重/));
    await user.type(screen.getByLabelText(/出口占销售额的比重/), '75');
    await user.click(screen.getByRole('button', { name: '保存并返回' }));
    expect(within(screen.getByRole('region', { name: '包装' })).getByText('75 %')).toBeInTheDocument();
    // Back where the user was on the review: on the answer just changed.
    expect(screen.getByRole('button', { name: '修改：出口占销售额的比重' })).toHaveFocus();
  });

  it('puts the focus on the "don\'t know" box of a number answered "don\'t know", its field being switched off', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.click(within(screen.getByRole('group', { name: '是否使用可降解包装材料？' })).getByRole('radio', { name: '是' }));
    await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '是' }));
    const share = screen.getByLabelText(/出口占销售额的比重/).closest('.question') as HTMLElement;
    await user.click(within(share).getByRole('checkbox', { name: '不清楚' }));
    await user.type(screen.getByLabelText(/员工人数/), '12');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await user.click(await screen.findByRole('button', { name: '修改：出口占销售额的比重' }));
    expect(screen.getByLabelText(/出口占销售额的比重/)).toBeDisabled();
    expect(within(screen.getByLabelText(/出口占销售额的比重/).closest('.question') as HTMLElement).getByRole('checkbox', { name: '不清楚' })).toHaveFocus();
  });
});

describe('results', () => {
  it('groups clauses by verdict with reasons, missing answers, near misses and quotes', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user);
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    expect(await screen.findByRole('heading', { level: 1, name: '您的结果' })).toHaveFocus();

    const applies = screen.getByRole('region', { name: /与您相关的措施/ });
    const clause3 = within(applies).getByRole('article', { name: '（三） 发挥协会作用' });
    expect(within(clause3).getByText('小型企业培训')).toBeInTheDocument();
    expect(within(clause3).getByText(/企业规模：小型（根据您的回答推算）/)).toBeInTheDocument();

    const possible = screen.getByRole('region', { name: /可能与您相关/ });
    const clause1 = within(possible).getByRole('article', { name: '（一） 支持企业使用绿色包装' });
    expect(within(clause1).getByText(/是否使用可降解包装材料？（您回答了“不清楚”）/)).toBeInTheDocument();
    expect(within(clause1).getByText('如果“出口占销售额的比重”至少 50，这一项就可能适用。')).toBeInTheDocument();
    expect(within(clause1).getByText('对使用可降解包装材料的本市企业给予技术指导。')).toBeInTheDocument();

    const info = screen.getByRole('region', { name: /仅供了解/ });
    expect(within(info).getByRole('article', { name: '（二） 加强监督检查' })).toBeInTheDocument();
  });

  it('takes the user from the top of the results to the exports, the share link and saving, after every clause', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user);
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    await user.click(await screen.findByRole('button', { name: '导出、分享或保存' }));
    const exports = screen.getByRole('heading', { level: 2, name: '导出与分享' });
    expect(exports).toHaveFocus();
    expect(within(screen.getByRole('region', { name: '导出与分享' })).getByRole('button', { name: '复制分享链接' })).toBeInTheDocument();
  });

  it('says, under the counts, that items inside clauses that apply still need answers, and which', async () => {
    const user = userEvent.setup();
    // Exports of 60 %: the export standard applies, which makes clause 1 apply; degradable materials is "don't know".
    await completeAsCompany(user, { share: '60' });
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    await screen.findByRole('heading', { level: 1, name: '您的结果' });
    expect(screen.getByText(/可能适用 0 条/)).toBeInTheDocument();
    const note = screen.getByText('在与您相关的条款中，还有 1 个支持项要补充信息才能判断。回答以下问题即可确定：').closest('[role="note"]') as HTMLElement;
    expect(within(note).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['是否使用可降解包装材料？（您回答了“不清楚”） 回答这个问题']);
    // Answered from there: back to the results, the item settled and the note gone.
    await user.click(within(note).getByRole('button', { name: '回答这个问题' }));
    await user.click(within(await screen.findByRole('group', { name: '是否使用可降解包装材料？' })).getByRole('radio', { name: '是' }));
    await user.click(screen.getByRole('button', { name: '保存并返回' }));
    await screen.findByRole('heading', { level: 1, name: '您的结果' });
    expect(screen.queryByText(/还有 \d+ 个支持项要补充信息/)).toBeNull();
  });

  it("printed from the browser's menu, every item shown unfolds its next steps, departments and quotes, and folds them again after", async () => {
    const user = userEvent.setup();
    await completeAsCompany(user);
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    const applies = await screen.findByRole('region', { name: /与您相关的措施/ });
    const folds = () => [...applies.querySelectorAll('details')].filter((d) => d.querySelector('summary')?.textContent?.includes('政策原文'));
    expect(folds().length).toBeGreaterThan(1);
    // One the user opened stays open after printing; the others fold again.
    await user.click(folds()[0]!.querySelector('summary')!);
    expect(folds().map((d) => d.open)).toEqual(folds().map((_, i) => i === 0));
    act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect(folds().every((d) => d.open)).toBe(true);
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(folds().map((d) => d.open)).toEqual(folds().map((_, i) => i === 0));
  });

  it('answering a missing question from the results returns to the results with the new verdict', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user);
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    await screen.findByRole('heading', { level: 1, name: '您的结果' });
    // The clause that may apply says so at the top of the results too, with the answer that would settle it.
    const note = screen.getByText('还有 1 条措施是否适用要看您补充的信息。回答以下问题即可确定：').closest('[role="note"]') as HTMLElement;
    expect(within(note).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['是否使用可降解包装材料？（您回答了“不清楚”） 回答这个问题']);
    await user.click(within(screen.getByRole('article', { name: '（一） 支持企业使用绿色包装' })).getByRole('button', { name: '回答这个问题' }));
    // The question's step, with the focus on the question, on the answer given ("don't know"), not on the step's heading.
    const question = screen.getByRole('group', { name: '是否使用可降解包装材料？' });
    expect(within(question).getByRole('radio', { name: '不清楚' })).toHaveFocus();
    await user.click(within(question).getByRole('radio', { name: '是' }));
    await user.click(screen.getByRole('button', { name: '保存并返回' }));
    const applies = await screen.findByRole('region', { name: /与您相关的措施/ });
    expect(within(applies).getByRole('article', { name: '（一） 支持企业使用绿色包装' })).toBeInTheDocument();
    // Back at the card that asked (a phone's results are thousands of pixels long), not at the top of the page.
    expect(within(applies).getByRole('heading', { level: 3, name: '（一） 支持企业使用绿色包装' })).toHaveFocus();
    // Nothing is open any more: no note.
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows the whole policy with the quote highlighted, and returns to the results', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user, { degradable: '是' });
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    await screen.findByRole('heading', { level: 1, name: '您的结果' });
    const card = screen.getByRole('article', { name: '（一） 支持企业使用绿色包装' });
    await user.click(within(card).getByRole('button', { name: '在政策原文中查看：可降解包装技术指导' }));
    const source = screen.getByRole('region', { name: /政策原文/ });
    const quote = within(source).getByText('对使用可降解包装材料的本市企业给予技术指导。');
    expect(quote.tagName).toBe('MARK');
    // The focus is on the quoted passage, where a screen reader goes on reading: not on the title, the whole policy away.
    expect(quote.closest('p')).toHaveFocus();
    expect(within(source).getByText(/市场监管部门定期开展包装抽查/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: '您的结果' })).not.toBeInTheDocument();
    await user.click(within(source).getAllByRole('button', { name: '返回结果' })[0]!);
    expect(screen.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
    expect(screen.queryByRole('region', { name: /政策原文/ })).not.toBeInTheDocument();
    // Back where the user was: the link pressed has the focus again.
    expect(within(card).getByRole('button', { name: '在政策原文中查看：可降解包装技术指导' })).toHaveFocus();
  });

  it('closes a "start again?" question left open on the results when the policy text is opened', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user, { degradable: '是' });
    fireEvent.click(await screen.findByRole('button', { name: '查看结果' }));
    await screen.findByRole('heading', { level: 1, name: '您的结果' });
    await user.click(screen.getByRole('button', { name: '重新开始' }));
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '在政策原文中查看：可降解包装技术指导' }));
    expect(screen.getByText('对使用可降解包装材料的本市企业给予技术指导。', { selector: 'mark' }).closest('p')).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: '返回结果' })[0]!);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('keeps the sections opened on the results while the policy text is read, and the browser\'s Back returns to them', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user, { degradable: '是' });
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    await screen.findByRole('heading', { level: 1, name: '您的结果' });
    const notApplying = screen.getByRole('heading', { level: 2, name: /不适用的措施/ });
    await user.click(notApplying);
    expect(notApplying.closest('details')).toHaveAttribute('open');
    const card = screen.getByRole('article', { name: '（一） 支持企业使用绿色包装' });
    await user.click(within(card).getByRole('button', { name: '在政策原文中查看：可降解包装技术指导' }));
    expect(screen.getByRole('region', { name: /政策原文/ })).toBeInTheDocument();
    await act(async () => {
      const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      window.history.back();
      await moved;
    });
    expect(screen.queryByRole('region', { name: /政策原文/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: /不适用的措施/ }).closest('details')).toHaveAttribute('open');

    // Forward opens the policy text again, at the same passage; Back closes it again.
    await press('forward');
    const source = screen.getByRole('region', { name: /政策原文/ });
    expect(within(source).getByText('对使用可降解包装材料的本市企业给予技术指导。', { selector: 'mark' })).toBeInTheDocument();
    await press('back');
    expect(screen.queryByRole('region', { name: /政策原文/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  });

  it('opens the printable report again with the browser\'s Forward after Back closed it', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user, { degradable: '是' });
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    await screen.findByRole('heading', { level: 1, name: '您的结果' });
    await user.click(screen.getByRole('button', { name: '打印或保存为 PDF' }));
    expect(await screen.findByRole('heading', { level: 1, name: /政策自测报告/ })).toBeInTheDocument();
    await press('back');
    expect(screen.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
    await press('forward');
    expect(await screen.findByRole('heading', { level: 1, name: /政策自测报告/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '您的结果', hidden: true })).not.toBeVisible();
  });
});

describe('results in English', () => {
  it('shows each Chinese quote with its English rendering, marked as a translation', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user, { degradable: '是' });
    await user.click(screen.getByRole('button', { name: '查看结果' }));
    await screen.findByRole('heading', { level: 1, name: '您的结果' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    const card = screen.getByRole('article', { name: '(1) Supporting green packaging' });
    expect(within(card).getByText('对使用可降解包装材料的本市企业给予技术指导。')).toHaveAttribute('lang', 'zh-CN');
    const translation = within(card).getByText(/Local companies using degradable packaging materials receive technical guidance\./);
    expect(translation).toHaveTextContent('Translation (for reference only; the Chinese text is authoritative): Local companies using');
  });
});

describe('labels', () => {
  it('puts "optional" inside a label\'s own closing bracket, not in a second one after it', async () => {
    const user = userEvent.setup();
    const relabel = (q: Question): Question => (q.id === 'company_name' ? { ...q, label: { zh: '名称（仅用于报告）', en: 'Name (for the report only)' } } : q);
    const rulebook = { ...fixture, questionnaire: { ...fixture.questionnaire, steps: fixture.questionnaire.steps.map((s) => ({ ...s, questions: s.questions.map(relabel) })) } };
    render(<App rulebooks={[rulebook]} />);
    await user.click(screen.getByRole('button', { name: '开始' }));
    expect(screen.getByRole('textbox', { name: '名称（仅用于报告，选填）' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('textbox', { name: 'Name (for the report only; optional)' })).toBeInTheDocument();
  });
});

describe('saving', () => {
  it('says when another tab changes the interview, since an answer here would overwrite it', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: '开始' }));
    await user.click(screen.getByRole('radio', { name: '企业' }));
    expect(screen.queryByText(/另一个标签页/)).not.toBeInTheDocument();
    // Another tab's save reaches this one as a storage event (a tab's own saves do not). The same answers, saved
    // there at another screen (that tab resumed them, say), lose nothing: no word.
    const saved = (answers: Record<string, unknown>) => JSON.stringify({ version: 1, rulebook: 'demo-packaging', hash: fixture.hash, answers, at: { at: 'results' }, savedAt: '2026-01-01' });
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: sessionKey('demo-packaging'), newValue: saved({ kind: 'company' }) })));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByText(/另一个标签页/)).not.toBeInTheDocument();
    const other = saved({ kind: 'association' });
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: sessionKey('demo-packaging'), newValue: other })));
    expect(await screen.findByText('这项自测刚在另一个标签页中被修改。在这里继续填写，会覆盖那边的回答；要接着那边的回答填写，请重新加载本页。')).toBeInTheDocument();
    // Another key (the language, another policy) is not this interview.
    cleanup();
    renderApp();
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: 'policy-self-check:session:another-policy', newValue: '{}' })));
    expect(screen.queryByText(/另一个标签页/)).not.toBeInTheDocument();
  });

  it('saves every answer as it is given and resumes where the user was', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp();
    await user.click(screen.getByRole('button', { name: '开始' }));
    await user.click(screen.getByRole('radio', { name: '企业' }));
    expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual({ kind: 'company' });
    unmount();
    renderApp();
    expect(screen.getByText('已恢复您上次的回答。')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();
    // The notice follows the language switch, as the rest of the page does.
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Your earlier answers have been restored.')).toBeInTheDocument();
    expect(screen.queryByText('已恢复您上次的回答。')).not.toBeInTheDocument();
    // Dismissed, it takes the focus to the screen's heading (its button is gone), not to the page.
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Your earlier answers have been restored.')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'About you' })).toHaveFocus();
  });

  it('says the answers were restored on the screen the visit resumes on, not on the screens after it', async () => {
    const user = userEvent.setup();
    const { unmount } = renderApp();
    await user.click(screen.getByRole('button', { name: '开始' }));
    await user.click(screen.getByRole('radio', { name: '企业' }));
    unmount();
    renderApp();
    expect(screen.getByText('已恢复您上次的回答。')).toBeInTheDocument();
    within(screen.getByRole('group', { name: '是否位于示例市？' })).getByRole('radio', { name: '是' }).click();
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
    expect(screen.queryByText('已恢复您上次的回答。')).not.toBeInTheDocument();
    // Nor when Back returns to it.
    await user.click(screen.getByRole('button', { name: '上一步' }));
    expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeInTheDocument();
    expect(screen.queryByText('已恢复您上次的回答。')).not.toBeInTheDocument();
  });

  it('still returns to the review after a reload in the middle of changing an answer from it', async () => {
    const user = userEvent.setup();
    await completeAsCompany(user);
    await user.click(await screen.findByRole('button', { name: '修改：出口占销售额的比重' }));
    expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
    cleanup();
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/出口占销售额的比重/));
    await user.type(screen.getByLabelText(/出口占销售额的比重/), '75');
    await user.click(screen.getByRole('button', { name: '保存并返回' }));
    expect(await screen.findByRole('heading', { level: 1, name: '检查您的回答' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: '包装' })).getByText('75 %')).toBeInTheDocument();
  });

  it('starts afresh with a notice when the saved data is corrupted', () => {
    localStorage.setItem(sessionKey('demo-packaging'), '{"version":1,"rulebook":"demo-packaging","answers":{"kind":"ngo"}');
    renderApp();
    expect(screen.getByText(/无法读取之前保存的回答/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '开始' })).toBeInTheDocument();
    expect(localStorage.getItem(sessionKey('demo-packaging'))).toBeNull();
  });

  it('starts afresh when saved answers no longer fit the questionnaire', () => {
    localStorage.setItem(
      sessionKey('demo-packaging'),
      JSON.stringify({ version: 1, rulebook: 'demo-packaging', hash: fixture.hash, answers: { kind: 'ngo' }, at: { at: 'review' }, savedAt: '2026-01-01' }),
    );
    renderApp();
    expect(screen.getByText(/无法读取之前保存的回答/)).toBeInTheDocument();
  });

  it('never saves a number the step refuses: the answer before it stays, and a reload keeps everything', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.click(within(screen.getByRole('group', { name: '是否出口？' })).getByRole('radio', { name: '否' }));
    await user.type(screen.getByLabelText(/员工人数/), '12');
    await user.clear(screen.getByLabelText(/员工人数/));
    await user.type(screen.getByLabelText(/员工人数/), '12.5');
    expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual({ kind: 'company', located_here: true, exports: false, staff: 12, size: 'small' });
    cleanup();
    renderApp();
    expect(screen.getByText('已恢复您上次的回答。')).toBeInTheDocument();
    expect(screen.getByLabelText(/员工人数/)).toHaveValue('12');
  });

  it('resumes on a step with a number and its unit when the English texts have not loaded (the first load carries the Chinese alone)', async () => {
    // As the built app's first load has it: the interview part without its English (src/rulebook/english-split.ts).
    const chinese = withoutEnglish(fixture).chinese;
    saveSession(chinese, { kind: 'company', located_here: true, company_name: '绿盒子', degradable: true, exports: true, export_share: 30 }, { at: 'step', step: 'packaging' });
    render(<App rulebooks={[chinese]} />);
    expect(screen.getByText('已恢复您上次的回答。')).toBeInTheDocument();
    const share = screen.getByLabelText(/出口占销售额的比重/);
    expect(share).toHaveValue('30');
    // Typed with its unit, as the field shows it.
    fireEvent.change(share, { target: { value: '45%' } });
    await waitFor(() => expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers.export_share).toBe(45));
  });

  it('restores the answers that still fit when one saved answer no longer does', async () => {
    const user = userEvent.setup();
    // Saved as an earlier version of the app could, before staff counts were whole numbers.
    saveSession(fixture, { kind: 'company', located_here: true, staff: 1.5 }, { at: 'step', step: 'who' });
    renderApp();
    expect(screen.getByText('政策规则已更新，已按新规则重新评估您之前的回答。')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(screen.getByLabelText(/员工人数/)).toHaveValue('');
    expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).not.toHaveProperty('staff');
  });

  it('clears everything on "start again", only after confirmation', async () => {
    const user = userEvent.setup();
    await startAsCompany(user);
    await user.click(screen.getByRole('button', { name: '重新开始' }));
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
    // The question's buttons are gone: the focus is back on the button that asked it.
    expect(screen.getByRole('button', { name: '重新开始' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '重新开始' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('确定要清除所有回答并重新开始吗？');
    // Enter on the question does not clear anything (the focus is on "cancel"); Escape answers "no".
    expect(screen.getByRole('button', { name: '取消' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新开始' })).toHaveFocus();
    // Escape answers "no" also once the focus has moved on, to the step's questions; the focus stays there.
    await user.click(screen.getByRole('button', { name: '重新开始' }));
    await user.click(screen.getByLabelText(/员工人数/));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText(/员工人数/)).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '重新开始' }));
    await user.click(screen.getByRole('button', { name: '清除并重新开始' }));
    expect(await screen.findByRole('button', { name: '开始' })).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(sessionKey('demo-packaging'))!).answers).toEqual({});
    // A reload finds nothing to restore, and says nothing of it.
    cleanup();
    renderApp();
    expect(screen.getByRole('button', { name: '开始' })).toBeInTheDocument();
    expect(screen.queryByText(/已恢复您上次的回答/)).not.toBeInTheDocument();
  });
});
