/**
 * Vite plugin (build only): puts the first screens, rendered by the app's own components, into index.html
 * (see first-screen.tsx), so the intro and the first question show before React has loaded, and asks the
 * browser to fetch the app's code at once (modulepreload: fetched and compiled, run only when imported).
 * In development the page starts empty and React draws everything.
 */
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';
import type { loadRulebooks as LoadRulebooks } from '../rulebook/load.ts';
import type { renderFirstScreens as RenderFirstScreens } from './first-screen.tsx';

const ROOT = '<div id="root"></div>';

export function prerenderPlugin(): Plugin {
  let root = process.cwd();
  let base = '/';
  let define: Record<string, string> = {};
  return {
    name: 'policy-self-check:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
      define = (config.define ?? {}) as Record<string, string>;
    },
    async transformIndexHtml(html, { bundle }) {
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
        const page = html.replace(ROOT, `<div id="root">${renderFirstScreens(loadRulebooks(join(root, 'rules')))}</div>`);
        const preload: HtmlTagDescriptor[] = appChunks(bundle).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: base + file }, injectTo: 'head' }));
        return { html: page, tags: preload };
      } finally {
        for (const [name] of globals) delete scope[name];
      }
    },
  };
}

/** The app's chunk (src/app-root.tsx, imported by the entry after boot) and every chunk it imports but the entry. */
function appChunks(bundle: Rollup.OutputBundle | undefined): string[] {
  const chunks = Object.values(bundle ?? {}).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const app = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app-root.tsx'));
  const files = new Set<string>();
  const add = (file: string) => {
    const chunk = chunks.find((c) => c.fileName === file);
    if (!chunk || chunk.isEntry || files.has(file)) return;
    files.add(file);
    for (const imported of chunk.imports) add(imported);
  };
  if (app) add(app.fileName);
  return [...files];
}
