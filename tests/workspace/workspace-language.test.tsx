// @vitest-environment jsdom
/**
 * What the workspace says after an action (deleted, with its undo) follows the language switch, as the
 * rest of the page does: a consultant may switch to English for a client at any moment.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '@/app/app';
import { MemoryStore, savedAssessment } from '@/features/workspace/store';
import { WorkspaceStoreProvider } from '@/features/workspace/store-context';
import { fixture } from '../engine/helpers';

// Each test starts in Chinese (the language chosen is kept in the browser).
beforeEach(() => localStorage.clear());

it('says "deleted" in the language chosen after the delete, with its undo', async () => {
  const store = new MemoryStore([savedAssessment(fixture, { kind: 'company', located_here: true }, '绿盒子', '2026-01-02T00:00:00Z')]);
  render(
    <WorkspaceStoreProvider store={store}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );
  // Not user-event: a screen that suspends inside its act() is never retried in jsdom (React 19).
  fireEvent.click(screen.getByRole('button', { name: '工作区' }));
  fireEvent.click(await screen.findByRole('button', { name: '删除 “绿盒子”' }));
  expect(await screen.findByText('已删除“绿盒子”。')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(await screen.findByText('"绿盒子" is deleted.')).toBeInTheDocument();
  expect(screen.queryByText('已删除“绿盒子”。')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Undo delete' })).toBeInTheDocument();
});

it('calls a copy of a batch member without a name by its row and "copy" in the language on screen, until it is renamed', async () => {
  const member = { ...savedAssessment(fixture, { kind: 'company', located_here: true }, '第 4 行', '2026-01-02T00:00:00Z'), unnamedRow: 4 };
  const store = new MemoryStore([member]);
  render(
    <WorkspaceStoreProvider store={store}>
      <App rulebooks={[fixture]} />
    </WorkspaceStoreProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: '工作区' }));
  fireEvent.click(await screen.findByRole('button', { name: '复制 “第 4 行”' }));
  expect(await screen.findByText('已复制为“第 4 行（副本）”。')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: '复制 “第 4 行（副本）”' }));
  expect(await screen.findByText('已复制为“第 4 行（副本）（副本）”。')).toBeInTheDocument();

  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(await screen.findByText('Duplicated as "Row 4 (copy) (copy)".')).toBeInTheDocument();
  const names = () => [...document.querySelectorAll('.workspace-name')].map((n) => n.textContent);
  expect(names()).toEqual(expect.arrayContaining(['Row 4', 'Row 4 (copy)', 'Row 4 (copy) (copy)']));

  // Renamed, it has a name of its own.
  fireEvent.click(screen.getByRole('button', { name: 'Rename "Row 4 (copy)"' }));
  fireEvent.change(screen.getByLabelText('New name for "Row 4 (copy)"'), { target: { value: 'Acme Packaging' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
  expect(await screen.findByText('Renamed to "Acme Packaging".')).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: '中文' }));
  await screen.findByRole('heading', { level: 1, name: '工作区' });
  expect(names()).toEqual(expect.arrayContaining(['第 4 行', 'Acme Packaging', '第 4 行（副本）（副本）']));
});
