/**
 * Vite plugin: compiles every rulebook under rules/ at build (and dev, and test) time and serves it as
 * typed JSON, so no YAML parser reaches the browser, in two virtual modules:
 * - "virtual:rulebooks": what the interview needs (InterviewRulebook: all but the measures and source text),
 *   loaded with the first screen;
 * - "virtual:rulebook-texts": the measures and source text by rulebook id, loaded lazily (src/rulebook/full.tsx).
 * An invalid rulebook fails the build with the file, line, path and problem.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadRulebooks, RulebookError } from './load.ts';
import type { CompiledRulebook, InterviewRulebook } from './schema.ts';

const ID = 'virtual:rulebooks';
const TEXTS_ID = 'virtual:rulebook-texts';
const RESOLVED = `\0${ID}`;
const TEXTS_RESOLVED = `\0${TEXTS_ID}`;

/** A JSON string parsed at run time: V8 parses JSON much faster than the same data as a JS literal. */
const jsonModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/** The part of a rulebook the interview uses (InterviewRulebook); the lazy part restores meta and parameters whole. */
function interviewPart(rulebook: CompiledRulebook): InterviewRulebook {
  const { departments: _d, sections: _s, disclaimer: _x, ...meta } = rulebook.meta;
  const parameters = rulebook.parameters.map((t) => ({ id: t.id, rows: t.rows.map((r) => ({ value: r.value, when: r.when })) }));
  return { meta, questionnaire: rulebook.questionnaire, parameters, hash: rulebook.hash, outline: rulebook.outline };
}

export function rulebooksPlugin(rulesDir = join(process.cwd(), 'rules')): Plugin {
  return {
    name: 'policy-self-check:rulebooks',
    resolveId(id) {
      return id === ID ? RESOLVED : id === TEXTS_ID ? TEXTS_RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED && id !== TEXTS_RESOLVED) return undefined;
      try {
        const rulebooks = loadRulebooks(rulesDir);
        if (id === RESOLVED) return jsonModule(rulebooks.map(interviewPart));
        return jsonModule(Object.fromEntries(rulebooks.map((r) => [r.meta.id, { measures: r.measures, source: r.source, meta: r.meta, parameters: r.parameters }])));
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
        for (const resolved of [RESOLVED, TEXTS_RESOLVED]) {
          const mod = server.moduleGraph.getModuleById(resolved);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      }
    },
  };
}
