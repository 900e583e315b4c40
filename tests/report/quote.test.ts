/**
 * Quotes as shown on the results, in the reports and the CSV: the policy's words exactly, with "……" where the
 * quote is cut from the middle of one of its sentences, so that a part is not read as the whole sentence.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulebook } from '@/rulebook/load';
import { ELLIPSIS, shownQuote, shownTranslation } from '@/report/quote';

const tianjin = loadRulebook(join(process.cwd(), 'rules', 'tianjin-2022'));

describe('a quote shown from the Tianjin policy', () => {
  it('marks both cuts of a phrase taken from inside a sentence', () => {
    expect(shownQuote(tianjin, '培育本地跨境电商标杆企业')).toBe('……培育本地跨境电商标杆企业……');
  });

  it('marks the start of a quote that begins after a comma, and not its end at the full stop', () => {
    expect(shownQuote(tianjin, '鼓励跨境电商平台完善功能，更好对接服务国内国际市场。')).toBe('……鼓励跨境电商平台完善功能，更好对接服务国内国际市场。');
  });

  it('leaves a whole sentence as it is, one that follows the departments named after the sentence before too', () => {
    const sentence = '加强知识产权司法保护，落实知识产权侵权惩罚性赔偿制度，依法支持权利人的惩罚性赔偿请求。';
    expect(tianjin.source).toContain(`负责）${sentence}`);
    expect(shownQuote(tianjin, sentence)).toBe(sentence);
  });

  it('marks the same cuts in the English of a quote, with an English ellipsis', () => {
    expect(shownTranslation(tianjin, '培育本地跨境电商标杆企业', 'Cultivate local benchmark CBEC enterprises')).toBe('…Cultivate local benchmark CBEC enterprises…');
    expect(shownTranslation(tianjin, '鼓励跨境电商平台完善功能，更好对接服务国内国际市场。', 'Encourage platforms to improve.')).toBe('…Encourage platforms to improve.');
    expect(shownTranslation(tianjin, '培育本地跨境电商标杆企业', '…already marked…')).toBe('…already marked…');
  });

  it('keeps every quote of the rulebook word for word, with at most the omission marks around it', () => {
    let cut = 0;
    for (const measure of tianjin.measures)
      for (const item of measure.supportItems)
        for (const quote of item.quotes) {
          const shown = shownQuote(tianjin, quote);
          expect(shown.replace(new RegExp(`^${ELLIPSIS}|${ELLIPSIS}$`, 'g'), '')).toBe(quote);
          if (shown !== quote) cut += 1;
        }
    // Some quotes are parts of sentences, most are not.
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(40);
  });
});
