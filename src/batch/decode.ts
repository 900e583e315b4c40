/**
 * From bytes to text: what an association's spreadsheet program saved. Excel saves "CSV UTF-8" with a BOM,
 * Chinese Excel's plain "CSV" in GBK, "Unicode text" in UTF-16; people also upload workbooks renamed .csv.
 * Detection: a BOM decides; otherwise the bytes are tried as strict UTF-8, then as GBK.
 * Pure: runs in the browser, the worker and Node (TextDecoder('gbk') needs full ICU, the Node default).
 */
import type { FileProblem } from './problems.ts';

export const ENCODINGS = ['utf-8', 'gbk'] as const;
export type EncodingChoice = (typeof ENCODINGS)[number] | 'auto';
/** What was actually used; 'utf-8-bom' is UTF-8 with a byte-order mark. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16be';

/** The browser reads the whole file into memory; the CLI streams and has no limit. */
export const BROWSER_MAX_BYTES = 20 * 1024 * 1024;
/** How much of the start of a file is looked at to recognise it. */
export const SNIFF_BYTES = 64 * 1024;

export function isEncodingChoice(value: unknown): value is EncodingChoice {
  return value === 'auto' || (ENCODINGS as readonly unknown[]).includes(value);
}

/**
 * Recognise a file from its first bytes (up to SNIFF_BYTES; `complete` when that is the whole file):
 * the encoding to decode it with, how many BOM bytes to skip, or why it cannot be a CSV file.
 */
export function sniff(head: Uint8Array, choice: EncodingChoice = 'auto', complete = true): { ok: true; encoding: DetectedEncoding; skip: number } | { ok: false; problem: FileProblem } {
  if (head.length === 0) return { ok: false, problem: { code: 'empty' } };
  // A BOM is unambiguous, whatever was chosen.
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { ok: true, encoding: 'utf-8-bom', skip: 3 };
  // UTF-16 is full of NUL bytes: recognise its BOM before looking for binary content.
  if (startsWith(head, [0xff, 0xfe])) return { ok: true, encoding: 'utf-16le', skip: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { ok: true, encoding: 'utf-16be', skip: 2 };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, problem: { code: 'spreadsheet', params: { kind: '.xlsx' } } };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, problem: { code: 'spreadsheet', params: { kind: '.xls' } } };
  if (looksBinary(head)) return { ok: false, problem: { code: 'binary' } };
  if (choice !== 'auto') return { ok: true, encoding: choice, skip: 0 };
  if (isUtf8(head, complete)) return { ok: true, encoding: 'utf-8', skip: 0 };
  if (decodes('gbk', head, complete)) return { ok: true, encoding: 'gbk', skip: 0 };
  return { ok: false, problem: { code: 'undecodable' } };
}

/** Decode a whole file (the browser path): bytes → text without BOM, or the reason it cannot be read. */
export function decodeBytes(
  bytes: Uint8Array,
  options: { encoding?: EncodingChoice; maxBytes?: number } = {},
): { ok: true; text: string; encoding: DetectedEncoding } | { ok: false; problem: FileProblem } {
  const maxBytes = options.maxBytes ?? BROWSER_MAX_BYTES;
  if (bytes.length > maxBytes) return { ok: false, problem: { code: 'tooLarge', params: { size: megabytes(bytes.length), limit: megabytes(maxBytes) } } };
  const sniffed = sniff(bytes.subarray(0, SNIFF_BYTES), options.encoding ?? 'auto', bytes.length <= SNIFF_BYTES);
  if (!sniffed.ok) return sniffed;
  try {
    const text = textDecoder(sniffed.encoding).decode(bytes.subarray(sniffed.skip));
    return { ok: true, text, encoding: sniffed.encoding };
  } catch {
    // The start looked like UTF-8 but something later is not: GBK, if the whole file decodes as such.
    if (sniffed.encoding === 'utf-8' && (options.encoding ?? 'auto') === 'auto' && decodes('gbk', bytes, true))
      return { ok: true, text: textDecoder('gbk').decode(bytes), encoding: 'gbk' };
    // The encoding chosen by hand is the wrong one (the file may well be the other).
    if (options.encoding && options.encoding !== 'auto') return { ok: false, problem: { code: 'notChosenEncoding', params: { encoding: options.encoding } } };
    return { ok: false, problem: { code: 'undecodable' } };
  }
}

/** A strict decoder: invalid bytes throw rather than turn into "�" that would then be reported as odd values. */
export function textDecoder(encoding: DetectedEncoding): TextDecoder {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // ignoreBOM: the BOM is skipped by the caller (or, for GBK, never there).
  return label === 'gbk' ? new StrictGbkDecoder() : new TextDecoder(label, { fatal: true, ignoreBOM: true });
}

/**
 * 0xFF is never part of GBK (lead bytes are 0x81–0xFE, trail bytes 0x40–0xFE, GB18030's four-byte form uses
 * 0x30–0x39 and 0x81–0xFE). Browsers refuse it, but Node's ICU decoder silently drops it even when fatal:
 * check it here so that Node (CLI, tests) and the browser agree.
 */
class StrictGbkDecoder extends TextDecoder {
  constructor() {
    super('gbk', { fatal: true, ignoreBOM: true });
  }
  override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    if (input !== undefined && bytesOf(input).includes(0xff)) throw new TypeError('The encoded data was not valid for encoding gbk');
    return super.decode(input, options);
  }
}

function bytesOf(input: AllowSharedBufferSource): Uint8Array {
  return ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
}

/** A ZIP file: an .xlsx workbook, or another archive renamed. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** A Compound File (CFB) container: an old .xls workbook, or a password-protected .xlsx. */
export function isCfb(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** An Excel file of any kind: read as a workbook (src/batch/xlsx.ts), not as text. */
export function isWorkbook(bytes: Uint8Array): boolean {
  return isZip(bytes) || isCfb(bytes);
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** NUL bytes, or more than 5% control characters other than tab, CR, LF and form feed. */
function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < head.length; i += 1) {
    const b = head[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control += 1;
  }
  return control > head.length * 0.05;
}

function isUtf8(bytes: Uint8Array, complete: boolean): boolean {
  return decodes('utf-8', bytes, complete);
}

/** Whether `bytes` decode strictly; when the sample is cut off, a sequence cut at its end is not held against it. */
function decodes(encoding: 'utf-8' | 'gbk', bytes: Uint8Array, complete: boolean): boolean {
  try {
    textDecoder(encoding).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}
