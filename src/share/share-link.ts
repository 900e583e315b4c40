/**
 * Share links (issue 5): the answers travel in the URL fragment (after #), which browsers never send to a
 * server. Opening the link fills the wizard and shows the results; a link that is not ours, cut off,
 * altered, for another policy or no longer fitting the questionnaire gives a clear message instead.
 *
 * Fragment: `psc1.<data>.<crc>` where
 *   - `psc1` says "Policy Self-Check share link, format 1";
 *   - <data> is base64url(deflate(JSON { r: rulebook id, h: hash prefix, a: answers }));
 *   - <crc> is base64url of the CRC-32 of the deflated bytes, so any changed character is caught.
 * A cut-off link loses the final `.<crc>` (or part of it): that is how "truncated" is told from "altered".
 * Works in Node and browsers alike: fflate and hand-written base64url, no Buffer, no atob.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import * as z from 'zod/mini';
import { parseAnswersFile, type InputProblem } from '../engine/index.ts';
import type { ProblemWords } from '../engine/problem-words.ts';
import type { Answers, InterviewRulebook } from '../rulebook/schema.ts';
import { fragmentOf, SHARE_PREFIX, type ShareError, type ShareErrorCode } from './share-errors.ts';
// Registers the exports messages (t('exports.…')).
import '../features/report/messages.ts';

export { isShareFragment, shareErrorMessage, SHARE_PREFIX, type ShareError, type ShareErrorCode } from './share-errors.ts';

export const SHARE_FORMAT_VERSION = 1;
/** Enough of the rulebook hash to notice that the rules changed since the link was made. */
const HASH_PREFIX_LENGTH = 8;
/** Browsers handle far longer URLs, but no honest set of answers comes near this. */
const MAX_FRAGMENT_LENGTH = 32_000;
/** Refuse to inflate beyond this: a forged link must not exhaust memory. */
const MAX_JSON_BYTES = 512 * 1024;
const CRC_CHARS = 6;

const Payload = z.object({ r: z.string(), h: z.string(), a: z.record(z.string(), z.unknown()) });

/** The fragment (without #) that carries these answers. */
export function encodeShareFragment(rulebook: InterviewRulebook, answers: Answers): string {
  const json = JSON.stringify({ r: rulebook.meta.id, h: rulebook.hash.slice(0, HASH_PREFIX_LENGTH), a: answers } satisfies z.infer<typeof Payload>);
  const data = deflateSync(strToU8(json), { level: 9 });
  return `${SHARE_PREFIX}${SHARE_FORMAT_VERSION}.${base64url(data)}.${base64url(crc32Bytes(data))}`;
}

/** The page's URL with the share fragment in place of any fragment it had. */
export function shareUrl(pageUrl: string, rulebook: InterviewRulebook, answers: Answers): string {
  const hash = pageUrl.indexOf('#');
  return `${hash === -1 ? pageUrl : pageUrl.slice(0, hash)}#${encodeShareFragment(rulebook, answers)}`;
}

export type SharedAnswers<R extends InterviewRulebook = InterviewRulebook> = {
  rulebook: R;
  answers: Answers;
  /** The rulebook changed since the link was made (the answers still fit; the results may differ). */
  rulebookChanged: boolean;
};
export type ShareResult<R extends InterviewRulebook = InterviewRulebook> = { ok: true; value: SharedAnswers<R> } | { ok: false; error: ShareError };

/** Read a share fragment (`psc1.…`, `#psc1.…`, or a whole URL) back into answers for one of the rulebooks. */
/** `words`: how the answers' problems are worded (the interface's language; English by default). */
export function decodeShareFragment<R extends InterviewRulebook>(rulebooks: R[], fragment: string, words?: ProblemWords): ShareResult<R> {
  const text = fragmentOf(fragment);
  const head = /^psc(\d*)/.exec(text);
  if (!head || text.length > MAX_FRAGMENT_LENGTH) return fail('notOurs');
  const version = head[1] ?? '';
  // "psc" or "psc1" alone: cut off right after the start.
  if (text.length === head[0].length) return fail('truncated');
  if (version === '') return fail('notOurs');
  if (version !== String(SHARE_FORMAT_VERSION)) return fail('unsupportedVersion', { version });

  const parts = text.slice(head[0].length).split('.');
  // [ '', data, crc ]: the leading dot after the version, then data and checksum.
  if (parts[0] !== '') return fail('tampered');
  if (parts.length < 3) return fail('truncated');
  if (parts.length > 3) return fail('tampered');
  const [, dataText = '', crcText = ''] = parts;
  if (crcText.length < CRC_CHARS) return fail('truncated');
  const data = fromBase64url(dataText);
  const crc = fromBase64url(crcText);
  // The checksum after the data is whole, so the link was not cut off: a data length that cannot be is a change.
  if (data === 'invalid' || data === 'truncated' || crc === 'invalid' || crc === 'truncated' || crcText.length !== CRC_CHARS) return fail('tampered');
  if (!equalBytes(crc, crc32Bytes(data))) return fail('tampered');

  let payload: z.infer<typeof Payload>;
  try {
    const out = new Uint8Array(MAX_JSON_BYTES);
    const json = inflateSync(data, { out });
    if (json.length >= MAX_JSON_BYTES) return fail('tampered');
    const parsed = Payload.safeParse(JSON.parse(strFromU8(json)));
    if (!parsed.success) return fail('tampered');
    payload = parsed.data;
  } catch {
    return fail('tampered');
  }

  const rulebook = rulebooks.find((r) => r.meta.id === payload.r);
  if (!rulebook) return fail('unknownRulebook', { id: payload.r });
  const answers = parseAnswersFile(rulebooks, { rulebook: payload.r, answers: payload.a }, words);
  if (!answers.ok) return fail('invalidAnswers', { count: answers.problems.length }, answers.problems);
  return { ok: true, value: { rulebook, answers: answers.value.answers, rulebookChanged: !rulebook.hash.startsWith(payload.h) || payload.h.length === 0 } };
}

function fail(code: ShareErrorCode, params: ShareError['params'] = {}, problems: InputProblem[] = []): { ok: false; error: ShareError } {
  return { ok: false, error: { code, params, problems } };
}

// ---------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5, no padding) and CRC-32, without Buffer or atob.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c += 1) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Decode strict base64url: 'invalid' for a character outside the alphabet or stray bits, 'truncated' for an impossible length. */
export function fromBase64url(text: string): Uint8Array | 'invalid' | 'truncated' {
  if (text.length % 4 === 1) return 'truncated';
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const char of text) {
    const value = VALUE.get(char);
    if (value === undefined) return 'invalid';
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  // The last character's unused bits must be zero, so that every character counts: otherwise a changed
  // final character could go unnoticed.
  if (buffer !== 0) return 'invalid';
  return bytes;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32Bytes(bytes: Uint8Array): Uint8Array {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  crc = (crc ^ 0xffffffff) >>> 0;
  return new Uint8Array([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
