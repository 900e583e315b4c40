import type { CompiledRulebook } from '@/rulebook/schema';
import { fixture } from '../engine/helpers';

export { fixture };

/**
 * The fixture with a `respondent_name` question first, as the Tianjin rulebook has: that question is then the
 * name column. (The real rulebook is not used here: it is being authored while these tests run.)
 */
export const withRespondentName: CompiledRulebook = {
  ...fixture,
  questionnaire: {
    steps: fixture.questionnaire.steps.map((step, i) =>
      i === 0
        ? { ...step, questions: [{ id: 'respondent_name', type: 'text', label: { zh: '名称（可选）', en: 'Name (optional)' }, dontKnow: false, optional: true, context: true, nearMiss: true }, ...step.questions] }
        : step,
    ),
  },
};

let gbkTable: Map<string, number[]> | null = null;

/** Text → GBK bytes, as Chinese Excel saves a CSV (built by decoding every GBK code: Node has no GBK encoder). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead += 1)
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
