/**
 * The app's version and build date, for the footer (so a user can tell support which version they
 * run, and see that an update arrived). Vite's `define` (vite.config.ts) fills them in at build time:
 * package.json's version and the build date, YYYY-MM-DD.
 */
declare const __APP_VERSION__: string | undefined;
declare const __BUILD_DATE__: string | undefined;

export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
export const BUILD_DATE: string | undefined = typeof __BUILD_DATE__ === 'string' ? __BUILD_DATE__ : undefined;
