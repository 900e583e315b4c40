// @vitest-environment jsdom
/**
 * An association adds its members to the workspace, runs the file again (or a corrected one) and adds again:
 * members already there with the same name, answers and policy version are not added twice, and the status
 * says how many were added and how many were there already.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageProvider } from '@/app/language';
import type { Language } from '@/i18n';
import { MemoryStore, savedAssessment, type WorkspaceStore } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { Workspace } from '@/features/workspace/workspace';
import { fixture } from '../engine/helpers';
import { csv, importFile, members, renderScreen } from './helpers';

beforeEach(() => localStorage.clear());

it('adds only the members not yet in the workspace when the same file is added again, and says how many were there already', async () => {
  const user = userEvent.setup();
  const store = renderScreen(undefined, { languageSwitch: true });
  await importFile(user, csv(members));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 3 个会员加入工作区。')).toBeInTheDocument();

  // The same file run again, and added again: nothing is added twice.
  await importFile(user, csv(members));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('没有加入新的会员：3 个会员都已在工作区中（名称、答案和政策版本都相同）。')).toBeInTheDocument();
  expect((await store.list()).map((i) => i.name).sort()).toEqual(['丙协会', '乙公司', '甲公司'].sort());

  // A member whose answers changed, and a new member, are added; the two unchanged ones are not.
  const changed = [['乙公司', 'company', '是', '', '是', '', '是', '60', '', ''], members[1]!, members[3]!, ['丁公司', 'company', '否', '', '', '', '', '', '', '']];
  await importFile(user, csv(changed), 'changed.csv');
  await user.click(await screen.findByRole('button', { name: '将 4 个会员加入工作区' }));
  expect(await screen.findByText('已将 2 个会员加入工作区；2 个已在工作区中（名称、答案和政策版本都相同），没有重复加入。')).toBeInTheDocument();
  expect((await store.list()).map((i) => i.name).sort()).toEqual(['丁公司', '丙协会', '乙公司', '乙公司', '甲公司'].sort());

  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByText('2 members added to the workspace; 2 were already there (same name, answers and policy version) and were not added again.')).toBeInTheDocument();
});

it('says in the singular, in Chinese and in English, that the one member of a file is already in the workspace', async () => {
  const user = userEvent.setup();
  renderScreen(undefined, { languageSwitch: true });
  await importFile(user, csv([members[1]!]));
  await user.click(await screen.findByRole('button', { name: '将 1 个会员加入工作区' }));
  expect(await screen.findByText('已将 1 个会员加入工作区。')).toBeInTheDocument();

  await importFile(user, csv([members[1]!]));
  await user.click(await screen.findByRole('button', { name: '将 1 个会员加入工作区' }));
  expect(await screen.findByText('没有加入新的会员：1 个会员已在工作区中（名称、答案和政策版本都相同）。')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByText('Nothing added: 1 member is already in the workspace (same name, answers and policy version).')).toBeInTheDocument();
});

it('adds a member saved under another version of the policy, but not one saved with the same answers under this version', async () => {
  const user = userEvent.setup();
  // As the interview saves them: the multiple choice that may be left empty, left empty, is "none of these".
  const answers = { kind: 'company', located_here: true, degradable: true, materials: [], exports: false };
  const older = { ...fixture, meta: { ...fixture.meta, version: '0.9.0' } };
  const store = renderScreen(new MemoryStore([savedAssessment(fixture, answers, '甲公司', '2026-01-01T00:00:00Z'), savedAssessment(older, { kind: 'association', located_here: true }, '丙协会', '2026-01-01T00:00:00Z')]));
  await importFile(user, csv(members));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 2 个会员加入工作区；1 个已在工作区中（名称、答案和政策版本都相同），没有重复加入。')).toBeInTheDocument();
  const items = await store.list();
  expect(items.filter((i) => i.name === '甲公司')).toHaveLength(1);
  expect(items.filter((i) => i.name === '丙协会').map((i) => i.rulebookVersion).sort()).toEqual(['0.9.0', fixture.meta.version].sort());
});

it('adds a member written twice in the same file (same name, same answers) once, and says the second row repeats the first', async () => {
  const user = userEvent.setup();
  const store = renderScreen(undefined, { languageSwitch: true });
  await importFile(user, csv([members[0]!, members[1]!, members[0]!]));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 2 个会员加入工作区。1 行与文件中前面的行重复（名称和答案都相同），按同一个会员计。')).toBeInTheDocument();
  expect((await store.list()).map((i) => i.name).sort()).toEqual(['乙公司', '甲公司'].sort());

  // Added again: both are in the workspace now, and the repeated row is still one of them.
  await importFile(user, csv([members[0]!, members[1]!, members[0]!]));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('没有加入新的会员：2 个会员都已在工作区中（名称、答案和政策版本都相同）。1 行与文件中前面的行重复（名称和答案都相同），按同一个会员计。')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(
    screen.getByText('Nothing added: 2 members are already in the workspace (same name, answers and policy version). 1 row repeats an earlier row of the file (same name and answers) and counts as the same member.'),
  ).toBeInTheDocument();
});

it('adds members without a name once, whether the file is added in Chinese or in English, and names them by their row in the language of the first add', async () => {
  const user = userEvent.setup();
  const store = renderScreen(undefined, { languageSwitch: true });
  const unnamed = [members[0]!, ['', 'company', '是', '', '是', '', '否', '', '', ''], ['', 'association', '是', '', '', '', '', '', '', '']];
  await importFile(user, csv(unnamed));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 3 个会员加入工作区。')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'English' }));
  await importFile(user, csv(unnamed));
  await user.click(await screen.findByRole('button', { name: 'Add 3 members to the workspace' }));
  expect(await screen.findByText('Nothing added: 3 members are already in the workspace (same name, answers and policy version).')).toBeInTheDocument();
  expect((await store.list()).map((i) => i.name).sort()).toEqual(['乙公司', '第 3 行', '第 4 行'].sort());
});

/** The workspace screen in a language, and the names it lists. */
async function workspaceNames(store: WorkspaceStore, lang: Language, listName: string) {
  cleanup();
  render(
    <LanguageProvider initial={lang}>
      <WorkspaceStoreProvider store={store}>
        <Workspace rulebooks={[fixture]} onOpen={() => {}} />
      </WorkspaceStoreProvider>
    </LanguageProvider>,
  );
  const list = await screen.findByRole('list', { name: listName });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.workspace-name')!.textContent)
    .sort();
}

it('shows members added without a name by their row in the language of the workspace, not of the add, until they are renamed', async () => {
  const user = userEvent.setup();
  const store = renderScreen();
  await importFile(user, csv([members[0]!, ['', 'company', '是', '', '是', '', '否', '', '', ''], ['', 'association', '是', '', '', '', '', '', '', '']]));
  await user.click(await screen.findByRole('button', { name: '将 3 个会员加入工作区' }));
  expect(await screen.findByText('已将 3 个会员加入工作区。')).toBeInTheDocument();

  expect(await workspaceNames(store, 'en', 'Saved assessments')).toEqual(['Row 3', 'Row 4', '乙公司']);
  await user.type(screen.getByLabelText('Search by name'), 'row');
  expect(await screen.findByText('Assessments 1–2 of 2')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Rename "Row 3"' }));
  const field = screen.getByLabelText('New name for "Row 3"');
  expect(field).toHaveValue('Row 3');
  await user.clear(field);
  await user.type(field, 'Green Box Ltd');
  await user.click(screen.getByRole('button', { name: 'Save name' }));
  expect(await screen.findByText('Renamed to "Green Box Ltd".')).toBeInTheDocument();

  expect(await workspaceNames(store, 'zh', '已保存的评估')).toEqual(['Green Box Ltd', '乙公司', '第 4 行'].sort());
});
