import type { CompiledRulebook } from '@/rulebook/schema';

/** A strict RFC 4180 reader for the tests: records end in CRLF; quoted cells may hold commas, quotes and line breaks. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cell === '') {
      // A quoted cell: up to the closing quote; "" is one quote.
      let k = i + 1;
      let value = '';
      for (;;) {
        if (k >= text.length) throw new Error(`unclosed quote at ${i}`);
        if (text[k] === '"' && text[k + 1] === '"') {
          value += '"';
          k += 2;
        } else if (text[k] === '"') break;
        else value += text[k++];
      }
      cell = value;
      i = k + 1;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}: records must end in CRLF`);
    else {
      cell += c;
      i += 1;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('the last record does not end in CRLF');
  return rows;
}

/** A copy of a rulebook to change in a test, with its own hash (as the loader would compute for changed content). */
export function modified(rulebook: CompiledRulebook, change: (copy: CompiledRulebook) => void, hash = 'f'.repeat(64)): CompiledRulebook {
  const copy = structuredClone(rulebook);
  change(copy);
  copy.hash = hash;
  return copy;
}
