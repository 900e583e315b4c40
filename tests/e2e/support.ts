import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';

export const SCREENSHOTS = 'tests/e2e/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });
mkdirSync('test-results', { recursive: true });

/** WCAG 2.1 AA checks with axe-core on what the page shows now: zero violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

/**
 * The controls on screen a finger would miss: smaller than 24 × 24 CSS pixels (WCAG 2.2, 2.5.8), leaving out
 * what the rule does — a link within a sentence, and a radio or checkbox inside a label at least that big (the
 * label is what is pressed).
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, summary, a[href]')].flatMap((control) => {
      if (!(control as HTMLElement).checkVisibility()) return [];
      if (control instanceof HTMLAnchorElement && getComputedStyle(control).display === 'inline') return [];
      const label = control.closest('label')?.getBoundingClientRect();
      if (label && label.width >= 24 && label.height >= 24) return [];
      const { width, height } = control.getBoundingClientRect();
      if (width >= 24 && height >= 24) return [];
      const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';
      return [`${control.tagName.toLowerCase()} "${name.slice(0, 30)}" ${Math.round(width)}×${Math.round(height)}`];
    }),
  );
}

/**
 * Full-page screenshots at desktop and phone widths; fails if the page overflows sideways, or if on the phone a
 * control is too small to press (smallTargets).
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} overflows sideways at ${width}px`).toBeLessThanOrEqual(0);
    if (width < 400) expect(await smallTargets(page), `controls on ${name} smaller than 24 × 24 px at ${width}px`).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Every request the page makes, to check none leaves the origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function foreignRequests(urls: string[], origin: string): string[] {
  return urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/** Collect CSP violations reported in the page. */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Whether a server answers at this address. */
async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * A second `vite preview` that a test can stop, to take the app offline for real, or replace with
 * another build at the same address. Serves `outDir` (default: the build under test, E2E_DIST or dist/).
 * Refuses a port something else already answers on, and leaves no server behind when it cannot start.
 */
export async function startPreview(port: number, outDir = process.env.E2E_DIST ?? 'dist'): Promise<{ stop: () => Promise<void> }> {
  const url = `http://127.0.0.1:${port}/`;
  if (await answers(url)) throw new Error(`port ${port} is already in use`);
  const logFile = `test-results/preview-${port}.log`;
  const log = openSync(logFile, 'w');
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    for (let i = 0; i < 50 && (await answers(url)); i += 1) await new Promise((r) => setTimeout(r, 100));
  };
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`vite preview of ${outDir} did not start on port ${port} (see ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { stop };
}

/**
 * Opens the app as a visit that resumes at the results of these answers (saved in this browser before), once:
 * a reload later in the test keeps what the test made of them.
 */
export async function openAtResults(page: Page, answers: Record<string, unknown>): Promise<void> {
  await page.addInitScript((answers) => {
    if (!localStorage.getItem('policy-self-check:session:tianjin-2022'))
      localStorage.setItem('policy-self-check:session:tianjin-2022', JSON.stringify({ version: 1, rulebook: 'tianjin-2022', hash: 'x', answers, at: { at: 'results' }, savedAt: '2026-01-01' }));
  }, answers);
  await page.goto('/');
}
