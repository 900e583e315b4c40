/**
 * The interview end to end in Chromium, as a bicycle exporter in Tianjin, with the keyboard only:
 * every screen checked with axe and photographed at 1280 and 375 px.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { choose, press, select, tabTo, tick, type } from './keyboard';
import { expectAccessible, screenshots } from './support';

async function checkScreen(page: Page, name: string) {
  await expectAccessible(page, name);
  await screenshots(page, name);
}

/** Up to the review, as the example bicycle exporter (rules/tianjin-2022/examples/bicycle-exporter.json). */
async function interviewBicycleExporter(page: Page, shots = false) {
  const shot = async (name: string) => {
    if (shots) await checkScreen(page, name);
  };
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '天津市促进内外贸一体化发展若干措施' })).toBeVisible();
  await shot('01-intro');
  await tabTo(page, page.getByRole('button', { name: '开始' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: '关于您' })).toBeFocused();
  await choose(page, '您以什么身份填写？', '企业');
  await type(page, /名称/, '天津某自行车有限公司');
  await shot('02-step-respondent');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeFocused();
  await choose(page, '您是否在天津注册或经营？', '是');
  await select(page, '您位于天津哪个区？', '武清区');
  await tick(page, '您是否位于以下功能区？（可多选）', ['都不在']);
  await shot('03-step-location');
  await press(page, '下一步');

  await expect(page.getByRole('heading', { level: 1, name: '业务' })).toBeFocused();
  await tick(page, '您从事哪些行业？（可多选）', ['制造业']);
  await choose(page, '企业性质', '民营');
  await shot('04-step-business');
  await press(page, '下一步');

  await expect(page.getByRole('heading', { level: 1, name: '企业规模' })).toBeFocused();
  await select(page, '按主营业务，您属于哪个行业门类？', '工业（采矿、制造、电力热力燃气及水生产供应）');
  await type(page, /从业人员人数/, '350');
  await type(page, /上年营业收入/, '26000');
  // The size class is worked out from the regulation's table: 300+ staff and 2,000–40,000 万元 → medium.
  await expect(page.getByRole('group', { name: '企业规模' }).getByRole('radio', { name: '中型', exact: true })).toBeChecked();
  await shot('05-step-size');
  await press(page, '下一步');

  await expect(page.getByRole('heading', { level: 1, name: '贸易活动与产品' })).toBeFocused();
  await tick(page, '您开展哪些贸易？（可多选）', ['货物出口', '国内销售']);
  await type(page, /出口约占您销售额的多少/, '70');
  await choose(page, '您是否有意将出口产品转为内销？', '是');
  await tick(page, '您的产品属于以下哪些类别？（可多选）', ['自行车', '电动自行车']);
  await shot('06-step-trade');
  await press(page, '下一步');

  await expect(page.getByRole('heading', { level: 1, name: '跨境业务与海外布局' })).toBeFocused();
  await tick(page, '您的主要贸易伙伴在哪些地区？（可多选）', ['欧洲']);
  await choose(page, '您是否已有或计划建设海外仓、境外合作站点？', '正在计划');
  await shot('07-step-overseas');
  await press(page, '下一步');

  await expect(page.getByRole('heading', { level: 1, name: '销售渠道与物流' })).toBeFocused();
  await tick(page, '您在国内使用或希望拓展哪些销售渠道？（可多选）', ['商超、百货、零售批发商']);
  await tick(page, '您参加或计划参加哪些展会？（可多选）', ['中国北方国际自行车电动车展览会']);
  await tick(page, '您使用或经营哪些物流方式？（可多选）', ['天津港海运（含环渤海内支线）']);
  await tick(page, '您是否直接面向消费者经营？（可多选）', ['不直接面向消费者']);
  await shot('08-step-markets');
  await press(page, '下一步');

  await expect(page.getByRole('heading', { level: 1, name: '标准、品牌与数字化' })).toBeFocused();
  await tick(page, '您已有或计划开展以下哪些认证或标准工作？（可多选）', ['产品认证（如CCC、CE）']);
  await tick(page, '关于品牌和知识产权，以下哪些符合您的情况？（可多选）', ['有或正在打造自有品牌']);
  await tick(page, '您是否遇到过以下问题？（可多选）', ['都没有']);
  await tick(page, '您在数字化方面开展或计划开展哪些工作？（可多选）', ['柔性化、定制化生产']);
  await choose(page, '您是否属于国家或天津市外贸转型升级基地的企业？', '否');
  await shot('09-step-standards');
  await press(page, '下一步');

  await expect(page.getByRole('heading', { level: 1, name: '资金与人才' })).toBeFocused();
  await tick(page, '您有哪些金融需求？（可多选，选填）', ['汇率避险']);
  await shot('10-step-finance');
  await press(page, '下一步');
  await expect(page.getByRole('heading', { level: 1, name: '检查您的回答' })).toBeFocused();
}

test('a bicycle exporter completes the interview with the keyboard only and sees clause 5 apply, with its reasons', async ({ page }) => {
  // Sixteen screens, each checked with axe and photographed twice.
  test.setTimeout(240_000);
  await interviewBicycleExporter(page, true);
  await checkScreen(page, '11-review');
  await press(page, '查看结果');

  await expect(page.getByRole('heading', { level: 1, name: '您的结果' })).toBeFocused();
  const applies = page.getByRole('region', { name: /与您相关的措施/ });
  const clause5 = applies.getByRole('article', { name: '（五） 支持市场主体内外贸一体化经营' });
  await expect(clause5).toBeVisible();
  await expect(clause5).toContainText('传统优势产品集群企业构建国内营销网络');
  await expect(clause5.getByRole('listitem').filter({ hasText: '✓ 您的产品属于以下哪些类别？（可多选）：自行车；电动自行车' })).toBeVisible();
  await expect(clause5.getByRole('listitem').filter({ hasText: '✓ 您开展哪些贸易？（可多选）：货物出口；国内销售' }).first()).toBeVisible();
  await checkScreen(page, '12-results');

  // Next steps, departments and the policy's words unfold under each item.
  const cluster = clause5.locator('.item', { has: page.getByRole('heading', { level: 4, name: /传统优势产品集群企业构建国内营销网络/ }) });
  await cluster.getByText('下一步、责任部门和政策原文').focus();
  await page.keyboard.press('Enter');
  await expect(cluster.getByText('市商务局', { exact: false }).first()).toBeVisible();
  await checkScreen(page, '12b-results-item-open');
  // The policy's own words are one key press away.
  await press(page, '在政策原文中查看：传统优势产品集群企业构建国内营销网络');
  await expect(page.getByRole('heading', { level: 1, name: /政策原文/ })).toBeVisible();
  // The focus is on the quoted passage, in view.
  await expect(page.locator('p:has(> mark)')).toBeFocused();
  await expect(page.locator('mark')).toBeInViewport();
  await checkScreen(page, '13-policy-text');
  // On a phone the text opens far down the page at the quote: "back to the results" stays on screen.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.locator('mark').evaluate((mark) => mark.scrollIntoView({ block: 'center' }));
  await expect(page.getByRole('button', { name: '返回结果' }).first()).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.locator('mark')).toContainText('充分发挥本市汽车及零部件、自行车、地毯、五金制品、绢花、乐器、医疗器械等传统产品的集群优势');
  await press(page, '返回结果');

  await press(page, '打印或保存为 PDF');
  await expect(page.getByRole('heading', { level: 1, name: '政策自测报告' })).toBeFocused();
  await checkScreen(page, '14-report');
});

test('changing an answer from the review changes the result', async ({ page }) => {
  await interviewBicycleExporter(page);
  await press(page, '查看结果');
  const clusters = page.getByRole('region', { name: /与您相关的措施/ }).getByRole('heading', { level: 4, name: /传统优势产品集群企业构建国内营销网络/ });
  await expect(clusters).toBeVisible();

  await press(page, '查看或修改回答');
  await expect(page.getByRole('heading', { level: 1, name: '检查您的回答' })).toBeFocused();
  await press(page, '修改：您的产品属于以下哪些类别？（可多选）');
  // Its step, with the focus on that question (the first of its choices ticked), in view.
  await expect(page.getByRole('heading', { level: 1, name: '贸易活动与产品' })).toBeVisible();
  const products = page.getByRole('group', { name: '您的产品属于以下哪些类别？（可多选）' });
  await expect(products.getByRole('checkbox', { name: '自行车', exact: true })).toBeFocused();
  await expect(products).toBeInViewport();
  for (const product of ['自行车', '电动自行车']) {
    const box = page.getByRole('group', { name: '您的产品属于以下哪些类别？（可多选）' }).getByRole('checkbox', { name: product, exact: true });
    await box.focus();
    await page.keyboard.press('Space');
  }
  await tick(page, '您的产品属于以下哪些类别？（可多选）', ['家电']);
  await press(page, '保存并返回');
  // Back on the review where the user was: on the answer just changed, in view.
  const change = page.getByRole('button', { name: '修改：您的产品属于以下哪些类别？（可多选）' });
  await expect(change).toBeFocused();
  await expect(change).toBeInViewport();
  await expect(page.getByText('家电', { exact: true })).toBeVisible();
  await press(page, '查看结果');
  await expect(page.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  // The cluster item no longer applies: it folds away among the clause's other items (what a company
  // makes is a circumstance, so it is not offered as a near miss).
  const clause5 = page.getByRole('region', { name: /与您相关的措施/ }).getByRole('article', { name: '（五） 支持市场主体内外贸一体化经营' });
  await expect(clause5.getByRole('heading', { level: 4, name: /传统优势产品集群企业构建国内营销网络/ })).toBeHidden();
  await clause5.getByText(/本条的其他支持项/).focus();
  await page.keyboard.press('Enter');
  await expect(clause5.getByRole('heading', { level: 4, name: /传统优势产品集群企业构建国内营销网络/ })).toContainText('不适用');
});

test('a reload in the middle of the interview resumes where the user was', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '开始' }).press('Enter');
  await choose(page, '您以什么身份填写？', '企业');
  await press(page, '下一步');
  await choose(page, '您是否在天津注册或经营？', '是');
  await page.reload();
  await expect(page.getByText('已恢复您上次的回答。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeVisible();
  await expect(page.getByRole('group', { name: '您是否在天津注册或经营？' }).getByRole('radio', { name: '是', exact: true })).toBeChecked();
});

test("the browser's Back and Forward move between the screens, not out of the app", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '开始' }).press('Enter');
  await choose(page, '您以什么身份填写？', '企业');
  await press(page, '下一步');
  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '关于您' })).toBeFocused();
  await expect(page.getByRole('group', { name: '您以什么身份填写？' }).getByRole('radio', { name: '企业', exact: true })).toBeChecked();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('button', { name: '继续上次的回答' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '天津市促进内外贸一体化发展若干措施' })).toBeVisible();
});

test('after "start again", Back leaves as from a first visit, not through the cleared steps', async ({ page }) => {
  await page.goto('about:blank');
  await page.goto('/');
  // The app has taken over from the prerendered page (a Space pressed on a radio just as it does can be lost).
  await page.waitForFunction(() => document.querySelectorAll('#root template').length === 0);
  await page.getByRole('button', { name: '开始' }).click();
  await choose(page, '您以什么身份填写？', '企业');
  await press(page, '下一步');
  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeVisible();
  await page.getByRole('button', { name: '重新开始' }).click();
  await page.getByRole('button', { name: '清除并重新开始' }).click();
  await expect(page.getByRole('button', { name: '开始', exact: true })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL('about:blank');
});

test('every screen reads in English too, at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await press(page, 'English');
  await press(page, 'Start');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
  await press(page, 'Next');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await checkScreen(page, '20-step-errors-en');
});

/** A company's interview up to its third step, 业务 (a long one), on screen with its heading focused. */
test('a reload on the step of the company size, with the staff typed, resumes there (the English texts not loaded yet)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => {
    if (!localStorage.getItem('policy-self-check:session:tianjin-2022'))
      localStorage.setItem(
        'policy-self-check:session:tianjin-2022',
        JSON.stringify({ version: 1, rulebook: 'tianjin-2022', hash: 'x', answers: { respondent_type: 'enterprise', in_tianjin: true, district: 'heping', special_areas: ['none'], industries: ['manufacturing'], ownership: 'private', sme_sector: 'industry', staff_count: 30 }, at: { at: 'step', step: 'size' }, savedAt: '2026-01-01' }),
      );
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '企业规模' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /从业人员人数/ })).toHaveValue('30');
  await page.reload();
  await expect(page.getByRole('textbox', { name: /从业人员人数/ })).toHaveValue('30');
  expect(errors).toEqual([]);
});

async function toBusinessStep(page: Page) {
  await page.goto('/');
  await page.waitForFunction(() => document.querySelectorAll('#root template').length === 0);
  await page.getByRole('button', { name: '开始' }).click();
  await choose(page, '您以什么身份填写？', '企业');
  await press(page, '下一步');
  await choose(page, '您是否在天津注册或经营？', '是');
  await page.getByLabel('您位于天津哪个区？').selectOption('wuqing');
  await page.getByRole('group', { name: '您是否位于以下功能区？（可多选）' }).getByRole('checkbox', { name: '都不在' }).check();
  await press(page, '下一步');
  const business = page.getByRole('heading', { level: 1, name: '业务' });
  await expect(business).toBeFocused();
  return business;
}

test('on a phone, Back and Forward show a step from its heading, focused and on screen, wherever the page was scrolled', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  const business = await toBusinessStep(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(business).not.toBeInViewport();

  await page.goBack();
  const location = page.getByRole('heading', { level: 1, name: '所在地' });
  await expect(location).toBeFocused();
  await expect(location).toBeInViewport();
  await page.goForward();
  await expect(business).toBeFocused();
  await expect(business).toBeInViewport();
});

test('on a desktop, "back" from a step scrolled past its progress line shows the step before from its progress line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const business = await toBusinessStep(page);
  // Scrolled just past the progress line, the heading at the top of the window; "back" pressed where it is.
  await business.evaluate((h) => window.scrollBy(0, h.getBoundingClientRect().top - 4));
  await page.getByRole('button', { name: '上一步' }).evaluate((b: HTMLElement) => b.click());
  await expect(page.getByRole('heading', { level: 1, name: '所在地' })).toBeFocused();
  await expect(page.getByText(/^第 2 步，共 \d+ 步$/)).toBeInViewport({ ratio: 1 });
});


test('on a phone, "next" with a number that is not one puts the user at it, its message in view, marked as every question with a problem', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.addInitScript(() => {
    if (!localStorage.getItem('policy-self-check:session:tianjin-2022'))
      localStorage.setItem(
        'policy-self-check:session:tianjin-2022',
        JSON.stringify({ version: 1, rulebook: 'tianjin-2022', hash: 'x', answers: { respondent_type: 'enterprise', in_tianjin: true, district: 'wuqing', special_areas: ['none'], industries: ['manufacturing'], ownership: 'private', sme_sector: 'industry' }, at: { at: 'step', step: 'size' }, savedAt: '2026-01-01' }),
      );
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '企业规模' })).toBeVisible();
  const staff = page.getByRole('textbox', { name: /从业人员人数/ });
  await staff.fill('abc');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(staff).toBeFocused();
  await expect(staff).toHaveAccessibleDescription(/请输入数字，例如 120/);
  await expect(page.getByText('请输入数字，例如 120', { exact: true })).toBeInViewport();
  // The number's question and the size class's (a choice not made) carry the same red bar.
  const bar = (question: Locator) => question.evaluate((q) => `${getComputedStyle(q).borderLeftWidth} ${getComputedStyle(q).borderLeftColor}`);
  const sizeClass = page.getByRole('group', { name: '企业规模' });
  await expect(sizeClass).toHaveAttribute('aria-invalid', 'true');
  const numberBar = await bar(page.locator('.question').filter({ has: staff }));
  expect(numberBar).toMatch(/^4px /);
  expect(numberBar).toBe(await bar(sizeClass));
});

test("a consultant opens a client's saved assessment, changes an answer and updates the entry, rather than adding a copy", async ({ page }) => {
  await page.goto('/');
  // The import works once the app has taken over the prerendered page.
  await page.waitForFunction(() => document.querySelectorAll('#root template').length === 0);
  await page.getByLabel(/导入已保存的评估文件/).setInputFiles('rules/tianjin-2022/examples/bicycle-exporter.json');
  await expect(page.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  await page.getByRole('button', { name: '保存到工作区' }).click();
  await expect(page.getByText('已将“天津某自行车有限公司”保存到工作区。')).toBeVisible();

  const nav = (name: string) => page.getByRole('navigation', { name: '功能' }).getByRole('button', { name, exact: true });
  await nav('工作区').click();
  await page.getByRole('button', { name: '打开 “天津某自行车有限公司”' }).click();
  await expect(page.getByText('这份评估对应工作区中的“天津某自行车有限公司”：修改回答后可以更新它，或另存为新的评估。')).toBeVisible();
  await page.getByRole('button', { name: '查看或修改回答' }).click();
  await page.getByRole('button', { name: '修改：企业性质' }).click();
  await page.getByRole('group', { name: '企业性质' }).getByRole('radio', { name: '国有或国有控股' }).check();
  await page.getByRole('button', { name: '保存并返回' }).click();
  await page.getByRole('button', { name: '查看结果' }).click();
  await page.getByRole('button', { name: '更新工作区中的“天津某自行车有限公司”' }).click();
  await expect(page.getByText('已更新工作区中的“天津某自行车有限公司”。')).toBeVisible();

  await nav('工作区').click();
  await expect(page.getByRole('list', { name: '已保存的评估' }).getByRole('listitem')).toHaveCount(1);
});

test('a name of 2,000 letters without a space keeps every page within a phone\'s width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const example = JSON.parse(readFileSync('rules/tianjin-2022/examples/bicycle-exporter.json', 'utf8'));
  const name = 'ABCDEFGHIJ'.repeat(200);
  const file = { name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...example, answers: { ...example.answers, respondent_name: name } })) };
  const fits = async (where: string) => expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(390);
  await page.goto('/');
  await page.waitForFunction(() => document.querySelectorAll('#root template').length === 0);
  await page.getByLabel(/导入已保存的评估文件/).setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1, name: '您的结果' })).toBeVisible();
  await page.getByRole('button', { name: '保存到工作区' }).click();
  await expect(page.getByText(/^已将“ABCDEFGHIJ/)).toBeVisible();
  await fits('results');
  await page.getByRole('button', { name: '查看或修改回答' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '检查您的回答' })).toBeVisible();
  await fits('review');
  await page.getByRole('button', { name: '查看结果' }).click();
  await page.getByRole('button', { name: '打印或保存为 PDF' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '政策自测报告' })).toBeVisible();
  await fits('report');
  await page.getByRole('navigation', { name: '功能' }).getByRole('button', { name: '工作区', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作区' })).toBeVisible();
  await fits('workspace');
  await page.getByRole('button', { name: /^重命名/ }).click();
  await expect(page.getByRole('textbox', { name: /的新名称$/ })).toBeVisible();
  await fits('rename');
});
