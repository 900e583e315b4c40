/**
 * A support item's quote as shown: the policy's words exactly as the rulebook gives them, and "……" where the
 * quote starts or stops inside a sentence of the source, as Chinese marks an omission. A quote taken from the
 * middle of a sentence ("鼓励跨境电商平台完善功能，…") would otherwise read as the policy's whole sentence.
 */
import type { CompiledRulebook } from '../rulebook/schema.ts';

/** The omission mark. */
export const ELLIPSIS = '……';

/** Where `quote` sits in `paragraph`, ignoring whitespace differences; null if it is not there. */
export function findQuote(paragraph: string, quote: string): [number, number] | null {
  const pattern = quote
    .replace(/[\s\u3000]+/g, '')
    .split('')
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\u3000]*');
  if (!pattern) return null;
  const match = new RegExp(pattern).exec(paragraph);
  return match ? [match.index, match.index + match[0].length] : null;
}

/** A sentence ends here; the departments named after a sentence, in brackets, belong to the sentence before. */
const SENTENCE_END = /[。；：！？!?;:]$/;
const DEPARTMENTS_AFTER = /（[^（）]*）$/;

/** Whether `quote` starts, and whether it ends, inside a sentence of its paragraph in `source` (false when not found). */
export function cutsOfQuote(source: string, quote: string): { before: boolean; after: boolean } {
  for (const paragraph of source.split(/\n+/)) {
    const at = findQuote(paragraph, quote);
    if (!at) continue;
    const before = paragraph.slice(0, at[0]).trimEnd().replace(DEPARTMENTS_AFTER, '').trimEnd();
    const after = paragraph.slice(at[1]).trimStart();
    return {
      before: before !== '' && !SENTENCE_END.test(before),
      after: after !== '' && !SENTENCE_END.test(quote.trimEnd()) && !/^[。；！？!?;]/.test(after),
    };
  }
  return { before: false, after: false };
}

const shown = new WeakMap<CompiledRulebook, Map<string, string>>();

/** The quote with "……" where it is cut from its sentence. */
export function shownQuote(rulebook: CompiledRulebook, quote: string): string {
  let byQuote = shown.get(rulebook);
  if (!byQuote) shown.set(rulebook, (byQuote = new Map()));
  let text = byQuote.get(quote);
  if (text === undefined) {
    const cut = cutsOfQuote(rulebook.source, quote);
    text = `${cut.before ? ELLIPSIS : ''}${quote}${cut.after ? ELLIPSIS : ''}`;
    byQuote.set(quote, text);
  }
  return text;
}

/** The English of a quote, with "…" where the quote is cut from its sentence (as its Chinese has "……"). */
export function shownTranslation(rulebook: CompiledRulebook, quote: string, translation: string): string {
  const cut = cutsOfQuote(rulebook.source, quote);
  const text = translation.trim();
  return `${cut.before && !text.startsWith('…') ? '…' : ''}${text}${cut.after && !/…$/.test(text) ? '…' : ''}`;
}
