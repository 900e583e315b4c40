/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import { cspPlugin, SECURITY_HEADERS } from './src/app/csp.ts';
import { serviceWorkerPlugin } from './src/offline/service-worker-plugin.ts';
import { prerenderPlugin } from './src/prerender/vite-plugin.ts';
import { rulesDirectory } from './src/rulebook/load.ts';
import { rulebooksPlugin } from './src/rulebook/vite-plugin.ts';

/**
 * The version shown in the footer: package.json's version and the build date (UTC), which is
 * SOURCE_DATE_EPOCH when set (reproducible builds, and the browser test of an update), else today.
 */
const APP_VERSION = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;
const SOURCE_DATE_EPOCH = Number(process.env.SOURCE_DATE_EPOCH || Number.NaN);
const BUILD_DATE = new Date(Number.isFinite(SOURCE_DATE_EPOCH) ? SOURCE_DATE_EPOCH * 1000 : Date.now()).toISOString().slice(0, 10);

/** The rulebooks built into the app: rules/, or another folder of rulebooks named by PSC_RULES_DIR (a rule author's drafts). */
const RULES_DIR = rulesDirectory(fileURLToPath(new URL('./rules', import.meta.url)));

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION), __BUILD_DATE__: JSON.stringify(BUILD_DATE) },
  plugins: [react(), rulebooksPlugin(RULES_DIR), prerenderPlugin(RULES_DIR), cspPlugin(), serviceWorkerPlugin()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // @xstate/react imports the use-sync-external-store shims, written for React before 18: with React 19 the
      // store hook is React's own (1 KB less at start-up).
      { find: /^use-sync-external-store\/shim\/with-selector$/, replacement: 'use-sync-external-store/with-selector' },
      { find: /^use-sync-external-store\/shim$/, replacement: fileURLToPath(new URL('./src/app/use-sync-external-store.ts', import.meta.url)) },
    ],
  },
  server: { host: 'localhost', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  test: {
    environment: 'node',
    globals: true,
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    // Component tests type and click through whole screens in jsdom: on two cores under load some take several seconds.
    testTimeout: 15_000,
  },
});
