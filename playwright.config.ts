import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium; `apt-get install -y chromium`), never a
 * downloaded browser, against `vite preview` on 127.0.0.1.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The build to serve (default dist/); another directory lets two test runs share a checkout. */
const DIST = process.env.E2E_DIST ?? 'dist';
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  outputDir: process.env.E2E_RESULTS ?? 'test-results',
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    locale: 'zh-CN',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
