/**
 * A small XML scanner for the parts of an .xlsx workbook: the Web Worker has no DOMParser, and the parts
 * are machine-written (no DTD, no entities beyond the five predefined and character references).
 * Elements and attributes are reported by local name (`x:c` → `c`, `r:id` → `id`), because writers differ
 * in the prefixes they use. Malformed markup throws XmlError: the workbook is damaged.
 */
export class XmlError extends Error {}

export type XmlVisitor = {
  open?: (name: string, attrs: Record<string, string>, selfClosing: boolean) => void;
  close?: (name: string) => void;
  /** Character data as written (entities not yet decoded: most of it is whitespace nobody reads). */
  text?: (raw: string) => void;
};

const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;

export function scanXml(xml: string, visitor: XmlVisitor): void {
  const { open, close, text } = visitor;
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      text?.(xml.slice(i));
      return;
    }
    if (lt > i) text?.(xml.slice(i, lt));
    const c = xml.charCodeAt(lt + 1);
    if (c === BANG) {
      if (xml.startsWith('<!--', lt)) i = after(xml, '-->', lt + 4);
      else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw new XmlError('unclosed CDATA');
        // Already literal: escaped so that the visitor's decoding leaves it as it is.
        text?.(xml.slice(lt + 9, end).replace(/&/g, '&amp;'));
        i = end + 3;
      } else throw new XmlError('DTD or unknown markup declaration');
      continue;
    }
    if (c === QUESTION) {
      i = after(xml, '?>', lt + 2);
      continue;
    }
    if (c === SLASH) {
      const end = xml.indexOf('>', lt + 2);
      if (end === -1) throw new XmlError('unclosed end tag');
      close?.(localName(xml.slice(lt + 2, end).trim()));
      i = end + 1;
      continue;
    }
    // A start tag: its name, then attributes (whose quoted values may hold '>' and '/').
    let j = lt + 1;
    while (j < n && !isNameEnd(xml.charCodeAt(j))) j += 1;
    if (j === lt + 1) throw new XmlError('empty tag name');
    const name = localName(xml.slice(lt + 1, j));
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j += 1;
      if (j >= n) throw new XmlError('unclosed start tag');
      const d = xml.charCodeAt(j);
      if (d === GT) {
        j += 1;
        break;
      }
      if (d === SLASH) {
        if (xml.charCodeAt(j + 1) !== GT) throw new XmlError('stray / in a tag');
        selfClosing = true;
        j += 2;
        break;
      }
      const start = j;
      while (j < n && !isNameEnd(xml.charCodeAt(j)) && xml.charCodeAt(j) !== EQUALS) j += 1;
      const attrName = xml.slice(start, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j += 1;
      if (xml.charCodeAt(j) !== EQUALS) throw new XmlError(`attribute ${attrName} without a value`);
      j += 1;
      while (j < n && isSpace(xml.charCodeAt(j))) j += 1;
      const quote = xml[j];
      if (quote !== '"' && quote !== "'") throw new XmlError(`attribute ${attrName} not quoted`);
      const end = xml.indexOf(quote, j + 1);
      if (end === -1) throw new XmlError(`attribute ${attrName} not closed`);
      if (!attrName.startsWith('xmlns')) attrs[localName(attrName)] = decodeXml(xml.slice(j + 1, end));
      j = end + 1;
    }
    open?.(name, attrs, selfClosing);
    if (selfClosing) close?.(name);
    i = j;
  }
}

function after(xml: string, marker: string, from: number): number {
  const end = xml.indexOf(marker, from);
  if (end === -1) throw new XmlError(`missing ${marker}`);
  return end + marker.length;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === GT || c === SLASH;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and character references (&#20013; &#x4E2D;). */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}
