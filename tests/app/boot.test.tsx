// @vitest-environment jsdom
/**
 * The first screen, drawn before the interview code has arrived.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BootScreen, takeStartRequest } from '@/boot';

const index = [{ id: 'demo', title: { zh: '示例政策', en: 'Demo policy' }, issuer: { zh: '示例市', en: 'Demo City' }, issued: '2025-01-02', version: '1.0.0', measureCount: 3 }];

beforeEach(() => localStorage.clear());

it('shows the policy title and a start button, and remembers a click until the interview arrives', async () => {
  const user = userEvent.setup();
  render(<BootScreen index={index} />);
  expect(screen.getByRole('heading', { level: 1, name: '示例政策' })).toBeInTheDocument();
  expect(screen.getByText(/3 条措施/)).toBeInTheDocument();
  expect(takeStartRequest()).toBe(false);
  await user.click(screen.getByRole('button', { name: '开始' }));
  expect(screen.getByRole('status')).toHaveTextContent('正在加载…');
  expect(takeStartRequest()).toBe(true);
  expect(takeStartRequest()).toBe(false);
});

it('speaks the language the user chose before', () => {
  localStorage.setItem('policy-self-check:language', 'en');
  render(<BootScreen index={index} />);
  expect(screen.getByRole('heading', { level: 1, name: 'Demo policy' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
});

it('waits for the interview instead of offering a fresh start when answers are saved', () => {
  localStorage.setItem('policy-self-check:session:demo', '{}');
  render(<BootScreen index={index} />);
  expect(screen.queryByRole('button', { name: '开始' })).not.toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('正在加载…');
});
