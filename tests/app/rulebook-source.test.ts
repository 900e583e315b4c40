/**
 * Several policies: their interviews load when first needed (src/app/rulebook-source.ts). Offline, a screen
 * waiting for them shows the failure once — it does not ask the network again and again — and the user's next
 * choice (a policy, a view, a link) tries again.
 */
import { RulebookSource } from '@/app/rulebook-source';
import { fixture } from '../engine/helpers';

const catalogue = [{ id: fixture.meta.id, title: fixture.meta.title }];

it('loads the interviews once, however often they are asked for', async () => {
  const load = vi.fn(() => Promise.resolve([fixture]));
  const source = new RulebookSource({ catalogue, load });
  expect(source.loaded).toBeNull();
  await Promise.all([source.load(), source.load(), source.load(true)]);
  expect(load).toHaveBeenCalledTimes(1);
  expect(source.loaded).toEqual([fixture]);
});

it('keeps a failed load failed until asked again, then tries again', async () => {
  const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce([fixture]);
  const source = new RulebookSource({ catalogue, load });
  await expect(source.load()).rejects.toThrow('offline');
  // A screen rendering again while it is failed gets the same failure: no new request.
  await expect(source.load()).rejects.toThrow('offline');
  expect(load).toHaveBeenCalledTimes(1);
  await expect(source.load(true)).resolves.toEqual([fixture]);
  expect(load).toHaveBeenCalledTimes(2);
});

it('with the interviews given, needs no loading', async () => {
  const source = new RulebookSource([fixture]);
  expect(source.loaded).toEqual([fixture]);
  expect(source.catalogue).toEqual(catalogue);
  await expect(source.load()).resolves.toEqual([fixture]);
});
