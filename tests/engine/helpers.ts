import { join } from 'node:path';
import { loadRulebook } from '@/rulebook/load';
import type { CompiledRulebook, Condition, SupportItem } from '@/rulebook/schema';

export const FIXTURE_DIR = join(process.cwd(), 'tests', 'fixtures', 'rules', 'demo-packaging');

/** The small non-Tianjin rulebook: proves the engine knows nothing about one policy. */
export const fixture = loadRulebook(FIXTURE_DIR);

/**
 * The fixture with two items whose conditions use `not`: c3-small-exporters (exports, and fewer than 300 staff,
 * written `not: { atLeast: 300 }` as rules/README.md tells authors to write "below") and c3-plastic-free
 * (degradable packaging, and packaging materials answered without plastic: a `not` over an `any`). Staff is
 * made a choice (its `nearMiss: false` turned off) so that it can be a near miss. An in-memory copy: the
 * fixture's files are unchanged.
 */
export const fixtureWithNot: CompiledRulebook = (() => {
  const copy = structuredClone(fixture);
  copy.questionnaire.steps.flatMap((s) => s.questions).find((q) => q.id === 'staff')!.nearMiss = true;
  const item = (id: string, en: string, when: Condition): SupportItem => ({
    id,
    audience: 'enterprise',
    title: { zh: id, en },
    benefit: { zh: '参加培训。', en: 'Attend training.' },
    quotes: ['支持小型企业参加绿色包装培训。'],
    quoteTranslations: ['Small companies are supported in attending green packaging training.'],
    departments: [],
    nextSteps: [{ zh: '报名。', en: 'Sign up.' }],
    when,
  });
  copy.measures.find((m) => m.id === 'c3')!.supportItems.push(
    item('c3-small-exporters', 'Training for smaller exporters', { all: [{ answer: 'exports', is: true }, { not: { answer: 'staff', atLeast: 300 } }] }),
    item('c3-plastic-free', 'Training for plastic-free packaging', {
      all: [{ answer: 'degradable', is: true }, { not: { any: [{ answer: 'materials', includesAny: ['plastic'] }, { answer: 'materials', answered: false }] } }],
    }),
  );
  copy.hash = 'e'.repeat(64);
  return copy;
})();
