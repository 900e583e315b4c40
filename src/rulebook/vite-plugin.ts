/**
 * Vite plugin: compiles every rulebook under rules/ at build (and dev, and test) time and serves it as
 * the virtual module "virtual:rulebooks" — typed JSON, so no YAML parser reaches the browser.
 * An invalid rulebook fails the build with the file, line, path and problem.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadRulebooks, RulebookError } from './load.ts';

const ID = 'virtual:rulebooks';
const RESOLVED = `\0${ID}`;

export function rulebooksPlugin(rulesDir = join(process.cwd(), 'rules')): Plugin {
  return {
    name: 'policy-self-check:rulebooks',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      try {
        const rulebooks = loadRulebooks(rulesDir);
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
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      }
    },
  };
}
