/**
 * Vite plugin: compiles every rulebook under rules/ at build (and dev, and test) time and serves it as
 * the virtual module "virtual:rulebooks" — typed JSON, so no YAML parser reaches the browser.
 * An invalid rulebook fails the build with the file, line, path and problem.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadRulebooks, RulebookError } from './load.ts';
import type { CompiledRulebook, RulebookSummary } from './schema.ts';

function summaryOf(r: CompiledRulebook): RulebookSummary {
  return { id: r.meta.id, title: r.meta.title, issuer: r.meta.issuer, issued: r.meta.issued, version: r.meta.version, measureCount: r.measures.length };
}

const ID = 'virtual:rulebooks';
const RESOLVED = `\0${ID}`;
/** What the first screen needs before the rest of the app arrives: titles and counts only. */
const INDEX_ID = 'virtual:rulebook-index';
const RESOLVED_INDEX = `\0${INDEX_ID}`;

export function rulebooksPlugin(rulesDir = join(process.cwd(), 'rules')): Plugin {
  return {
    name: 'policy-self-check:rulebooks',
    resolveId(id) {
      return id === ID ? RESOLVED : id === INDEX_ID ? RESOLVED_INDEX : undefined;
    },
    load(id) {
      if (id !== RESOLVED && id !== RESOLVED_INDEX) return undefined;
      try {
        const rulebooks = loadRulebooks(rulesDir);
        if (id === RESOLVED_INDEX) return `export default ${JSON.stringify(rulebooks.map(summaryOf))};`;
        // A JSON string parsed at run time: V8 parses JSON much faster than the same data as a JS literal.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(rulebooks))});`;
      } catch (e) {
        if (e instanceof RulebookError) this.error(e.message);
        throw e;
      }
    },
    configureServer(server) {
      server.watcher.add(rulesDir);
    },
    handleHotUpdate({ file, server }) {
      if (file.startsWith(rulesDir) && /\.(ya?ml|txt)$/.test(file)) {
        for (const resolved of [RESOLVED, RESOLVED_INDEX]) {
          const mod = server.moduleGraph.getModuleById(resolved);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      }
    },
  };
}
