// @vitest-environment jsdom
/**
 * Hostile and broken input: markup in text fields stays text, storage that is full or broken never loses
 * what the user sees, and every error says what and where.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app/app';
import { sessionKey } from '@/features/wizard/persistence';
import { fixture } from '../engine/helpers';

beforeEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

it('keeps markup typed into a text field as plain text and runs none of it', async () => {
  const user = userEvent.setup();
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  render(<App rulebooks={[fixture]} />);
  await user.click(screen.getByRole('button', { name: '开始' }));
  await user.click(screen.getByRole('radio', { name: '企业' }));
  await user.click(screen.getAllByRole('radio', { name: '是' })[0]!);
  await user.type(screen.getByLabelText(/名称/), hostile);
  await user.click(screen.getByRole('button', { name: '下一步' }));
  await user.click(screen.getByRole('button', { name: '上一步' }));
  expect(screen.getByLabelText(/名称/)).toHaveValue(hostile);
  expect(document.querySelector('img[src="x"]')).toBeNull();
  expect(document.querySelector('main script')).toBeNull();
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
});

it('limits text answers to 2,000 characters, and says so when a longer text pasted was cut', async () => {
  const user = userEvent.setup();
  render(<App rulebooks={[fixture]} />);
  await user.click(screen.getByRole('button', { name: '开始' }));
  const name = screen.getByLabelText(/名称/);
  await user.click(name);
  await user.paste('长'.repeat(5000));
  expect((name as HTMLInputElement).value).toHaveLength(2000);
  expect(name).toHaveAccessibleDescription('粘贴的文字超过 2000 字，只保留了前 2000 字。');
  // Shortened again: what was said no longer holds.
  await user.type(name, '{Backspace}');
  expect(screen.queryByText('粘贴的文字超过 2000 字，只保留了前 2000 字。')).not.toBeInTheDocument();
  // A short text pasted says nothing.
  await user.clear(name);
  await user.paste('绿盒子');
  expect(name).toHaveValue('绿盒子');
  expect(screen.queryByText(/粘贴的文字超过/)).not.toBeInTheDocument();
});

it('keeps working, with a notice, when the browser refuses to store (quota exceeded)', async () => {
  const user = userEvent.setup();
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  render(<App rulebooks={[fixture]} />);
  await user.click(screen.getByRole('button', { name: '开始' }));
  await user.click(screen.getByRole('radio', { name: '企业' }));
  expect(screen.getByText(/浏览器无法保存您的回答/)).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: '企业' })).toBeChecked();
  await user.click(screen.getAllByRole('radio', { name: '是' })[0]!);
  await user.click(screen.getByRole('button', { name: '下一步' }));
  expect(screen.getByRole('heading', { level: 1, name: '包装' })).toBeInTheDocument();
});

it('starts afresh with a notice when storage holds garbage of every kind', () => {
  for (const garbage of ['', 'null', '[]', '{"version":2}', '\u0000\u0001', '{"version":1,"rulebook":"demo-packaging","hash":"x","answers":{"kind":["a"]},"at":{"at":"step","step":"who"},"savedAt":""}']) {
    localStorage.setItem(sessionKey('demo-packaging'), garbage);
    const { unmount } = render(<App rulebooks={[fixture]} />);
    expect(screen.getByText(/无法读取之前保存的回答/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '开始' })).toBeInTheDocument();
    unmount();
  }
});

it('survives storage that throws on every read', () => {
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new DOMException('Access denied', 'SecurityError');
  });
  render(<App rulebooks={[fixture]} />);
  expect(screen.getByRole('button', { name: '开始' })).toBeInTheDocument();
});
