/**
 * What a rule author relies on: every rulebook under rules/ compiles, cites its source verbatim,
 * covers every clause and sentence, and its JSON Schemas are current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRulebook } from '@/rulebook/check';
import { jsonSchemas } from '@/rulebook/json-schema';
import { loadCases, loadRulebook, rulebookFolders } from '@/rulebook/load';
import { squash } from '@/rulebook/source';

const folders = rulebookFolders(join(process.cwd(), 'rules'));

it('finds at least one rulebook under rules/', () => {
  expect(folders.length).toBeGreaterThan(0);
});

describe.each(folders.map((f) => [f.split('/').pop(), f] as const))('rulebook %s', (_id, folder) => {
  const rulebook = loadRulebook(folder);

  it('quotes the source verbatim in every support item', () => {
    const source = squash(rulebook.source);
    const quotes = rulebook.measures.flatMap((m) => m.supportItems.flatMap((i) => i.quotes.map((q) => [i.id, q] as const)));
    expect(quotes.length).toBeGreaterThan(0);
    for (const [id, quote] of quotes) expect(source.includes(squash(quote)), `${id}: ${quote}`).toBe(true);
  });

  it('has a measure for every clause and cites every sentence, and its cases refer to what exists', () => {
    const { problems } = checkRulebook(rulebook, loadCases(folder));
    expect(problems).toEqual([]);
  });
});

it('keeps the committed JSON Schemas in rules/schema/ up to date (npm run rules:schema)', () => {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const committed = JSON.parse(readFileSync(join(process.cwd(), 'rules', 'schema', name), 'utf8'));
    expect(committed, name).toEqual(schema);
  }
});
