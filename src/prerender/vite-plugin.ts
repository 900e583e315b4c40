/**
 * Vite plugin (build only): puts the first screens, rendered by the app's own components, into index.html
 * (see first-screen.tsx), so the intro and the first question show before React has loaded. The app's code is
 * not preloaded: fetched and compiled alongside the first screen, it slowed that screen (a benchmark at 4× CPU
 * throttling: first question 1,263 ms with modulepreload, 991 ms without); src/main.ts fetches it once the first
 * screen is painted. In development the page starts empty and React draws everything.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { loadRulebooks as LoadRulebooks } from '../rulebook/load.ts';
import type { renderFirstScreens as RenderFirstScreens } from './first-screen.tsx';

const ROOT = '<div id="root"></div>';

/** `rulesDir`: the rulebooks' folder (rules/ under the project's root when not given). */
export function prerenderPlugin(rulesDir?: string): Plugin {
  let root = process.cwd();
  let define: Record<string, string> = {};
  return {
    name: 'policy-self-check:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      define = (config.define ?? {}) as Record<string, string>;
    },
    async transformIndexHtml(html) {
      if (!html.includes(ROOT)) this.error(`index.html has no ${ROOT} to render the first screens into`);
      // The components run in Node through tsx, which knows the tsconfig paths (@/…) but not Vite's `define`:
      // the defined constants (the version in the footer) are lent to it as globals while it renders.
      const globals = Object.entries(define).filter(([name]) => /^[A-Za-z_$][\w$]*$/.test(name));
      const scope = globalThis as Record<string, unknown>;
      for (const [name, value] of globals) scope[name] = JSON.parse(value);
      try {
        const { tsImport } = await import('tsx/esm/api');
        const { loadRulebooks } = (await tsImport(join(root, 'src/rulebook/load.ts'), import.meta.url)) as { loadRulebooks: typeof LoadRulebooks };
        const { renderFirstScreens } = (await tsImport(join(root, 'src/prerender/first-screen.tsx'), import.meta.url)) as { renderFirstScreens: typeof RenderFirstScreens };
        return html.replace(ROOT, `<div id="root">${renderFirstScreens(loadRulebooks(rulesDir ?? join(root, 'rules')))}</div>`);
      } finally {
        for (const [name] of globals) delete scope[name];
      }
    },
  };
}
