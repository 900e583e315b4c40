/**
 * What a comparison under `not` expects (LeafTrace.negated: the condition needs the comparison NOT to hold),
 * e.g. `not: { answer: staff_count, atLeast: 300 }` reads "is less than 300". Registered under `conditionNot`
 * when imported (src/i18n registerMessages), beside the core catalogue's `condition.*`: only explanations
 * (results, reports, the CLI) say these, so they load with explain.ts, not with the first screen. `answered`
 * has none: under `not` it swaps condition.answeredTrue and condition.answeredFalse. Both languages have the
 * same keys (the type checker enforces it).
 */
import { registerMessages } from '../i18n/index.ts';

const zh = {
  is: '不为“{{expected}}”',
  in: '不为以下任一项：{{expected}}',
  includesAny: '不包括以下任何一项：{{expected}}',
  includesAll: '不同时包括以下全部：{{expected}}',
  atLeast: '低于 {{expected}}',
  atMost: '高于 {{expected}}',
};

const en: typeof zh = {
  is: 'is not “{{expected}}”',
  in: 'is none of: {{expected}}',
  includesAny: 'includes none of: {{expected}}',
  includesAll: 'does not include all of: {{expected}}',
  atLeast: 'is less than {{expected}}',
  atMost: 'is more than {{expected}}',
};

registerMessages('conditionNot', { zh, en });
