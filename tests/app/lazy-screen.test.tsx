// @vitest-environment jsdom
/**
 * A screen whose code or rules load lazily and cannot be loaded (offline before they were cached, or a tab
 * left open on a replaced version): the user is told, can reload, and the interview is still there.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { fixture } from '../engine/helpers';

beforeEach(() => localStorage.clear());

it('says the screen could not load, offers a reload, and keeps the interview usable', async () => {
  const user = userEvent.setup();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { measures: _measures, source: _source, ...interview } = fixture;
  render(<App rulebooks={[interview]} loadRulebook={() => Promise.reject(new Error('offline'))} />);

  await user.click(screen.getByRole('button', { name: '工作区' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('应用未能加载完成。请检查网络连接后重新加载页面，已保存的回答不会丢失。');
  expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: '自测' }));
  await user.click(screen.getByRole('button', { name: '开始' }));
  expect(screen.getByRole('heading', { level: 1, name: '基本情况' })).toBeInTheDocument();
});
