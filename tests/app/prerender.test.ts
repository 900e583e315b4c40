/**
 * The first screens rendered at build time, in Node (no window): with one policy its intro and first step,
 * with several the choice of policy.
 */
import { renderFirstScreens } from '@/prerender/first-screen';
import { fixture } from '../engine/helpers';

it('renders the choice of policy when there are several, with no browser to read a history from', () => {
  expect(typeof window).toBe('undefined');
  const second = { ...fixture, meta: { ...fixture.meta, id: 'other', title: { zh: '另一项政策', en: 'Another policy' } } };
  const page = renderFirstScreens([fixture, second]);
  expect(page).toContain('选择要自测的政策');
  expect(page).toContain('另一项政策');
  expect(page).toContain('Choose the policy to check');
});

it('renders the intro and the first step of a single policy', () => {
  const page = renderFirstScreens([fixture]);
  expect(page).toContain('示例市绿色包装促进办法');
  expect(page).toContain('data-boot-screen="step"');
});
