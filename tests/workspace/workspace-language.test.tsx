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
