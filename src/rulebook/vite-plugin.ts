/**
 * Vite plugin: compiles every rulebook under rules/ at build (and dev, and test) time and serves it as
 * typed JSON, so no YAML parser reaches the browser, in two virtual modules:
 * - "virtual:rulebooks": the choice of policy (each rulebook's id and title) and what the interview needs
 *   (InterviewRulebook: all but the measures and source text). With one rulebook the interview's part loads
 *   with the first screen, which is its intro. With several, the first screen is the choice of policy and
 *   the interviews' parts load once one is chosen ("virtual:rulebook-interviews"): each new policy folder
 *   would otherwise add its whole questionnaire to every first visit;
 * - "virtual:rulebook-texts": the measures, source text and example respondents by rulebook id, loaded lazily
 *   (src/rulebook/full.tsx);
 * - "virtual:rulebook-english": with one rulebook, the English of its interview part, which the first load goes
 *   without (src/rulebook/english-split.ts), loaded with the English catalogue or the whole rulebook.
 * An invalid rulebook fails the build with the file, line, path and problem.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { withoutEnglish } from './english-split.ts';
import { loadRulebooks, RulebookError } from './load.ts';
import type { CompiledRulebook, InterviewRulebook } from './schema.ts';

const ID = 'virtual:rulebooks';
const INTERVIEWS_ID = 'virtual:rulebook-interviews';
const TEXTS_ID = 'virtual:rulebook-texts';
const ENGLISH_ID = 'virtual:rulebook-english';
const RESOLVED = `\0${ID}`;
const ENGLISH_RESOLVED = `\0${ENGLISH_ID}`;
const INTERVIEWS_RESOLVED = `\0${INTERVIEWS_ID}`;
const TEXTS_RESOLVED = `\0${TEXTS_ID}`;
const MODULES = new Map([
  [ID, RESOLVED],
  [INTERVIEWS_ID, INTERVIEWS_RESOLVED],
  [TEXTS_ID, TEXTS_RESOLVED],
  [ENGLISH_ID, ENGLISH_RESOLVED],
]);

/** A JSON string parsed at run time: V8 parses JSON much faster than the same data as a JS literal. */
const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
const jsonModule = (value: unknown) => `export default ${json(value)};`;

/** The part of a rulebook the interview uses (InterviewRulebook); the lazy part restores meta and parameters whole. */
function interviewPart(rulebook: CompiledRulebook): InterviewRulebook {
  const { departments: _d, sections: _s, disclaimer: _x, ...meta } = rulebook.meta;
  const parameters = rulebook.parameters.map((t) => ({ id: t.id, rows: t.rows.map((r) => ({ value: r.value, when: r.when })) }));
  return { meta, questionnaire: rulebook.questionnaire, parameters, hash: rulebook.hash, outline: rulebook.outline };
}

/**
 * "virtual:rulebooks" (see above), as the app takes it (Rulebooks in src/app/rulebook-source.ts): the interview
 * parts; with several rulebooks, their titles and how to load the interview parts.
 */
function rulebooksModule(rulebooks: CompiledRulebook[]): string {
  if (rulebooks.length === 1) return jsonModule(rulebooks.map((r) => withoutEnglish(interviewPart(r)).chinese));
  const catalogue = rulebooks.map((r) => ({ id: r.meta.id, title: r.meta.title }));
  return `export default { catalogue: ${json(catalogue)}, load: () => import(${JSON.stringify(INTERVIEWS_ID)}).then((m) => m.default) };`;
}

export function rulebooksPlugin(rulesDir = join(process.cwd(), 'rules')): Plugin {
  return {
    name: 'policy-self-check:rulebooks',
    resolveId(id) {
      return MODULES.get(id);
    },
    load(id) {
      if (![...MODULES.values()].includes(id)) return undefined;
      try {
        const rulebooks = loadRulebooks(rulesDir);
        if (id === RESOLVED) return rulebooksModule(rulebooks);
        if (id === INTERVIEWS_RESOLVED) return jsonModule(rulebooks.map(interviewPart));
        // With several rulebooks the interview parts load whole ("virtual:rulebook-interviews"): nothing to add.
        if (id === ENGLISH_RESOLVED) return jsonModule(rulebooks.length === 1 ? rulebooks.map((r) => withoutEnglish(interviewPart(r)).english) : []);
        return jsonModule(Object.fromEntries(rulebooks.map((r) => [r.meta.id, { measures: r.measures, source: r.source, meta: r.meta, parameters: r.parameters, examples: r.examples ?? [] }])));
      } catch (e) {
        if (e instanceof RulebookError) this.error(e.message);
        throw e;
      }
    },
    configureServer(server) {
      server.watcher.add(rulesDir);
    },
    handleHotUpdate({ file, server }) {
      if (file.startsWith(rulesDir) && /\.(ya?ml|txt|json)$/.test(file)) {
        for (const resolved of MODULES.values()) {
          const mod = server.moduleGraph.getModuleById(resolved);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      }
    },
  };
}
