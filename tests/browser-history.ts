/**
 * The browser's Back and Forward buttons in jsdom tests: jsdom delivers the popstate event a traversal brings in a
 * later task, so a test waits for it.
 */
import { act } from '@testing-library/react';

/** The next popstate event. */
export const popState = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));

/** The browser's button pressed, and its popstate delivered. */
export async function press(button: 'back' | 'forward'): Promise<void> {
  await act(async () => {
    const moved = popState();
    if (button === 'back') window.history.back();
    else window.history.forward();
    await moved;
  });
}
