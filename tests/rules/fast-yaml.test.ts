/**
 * Rulebook files are read quickly (src/rulebook/fast-yaml.ts) and, when they have a problem, again with
 * source positions by `yaml`: both must read the same data from the same file, or a rulebook would mean one
 * thing when valid and another when its author is shown a problem.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { readYamlQuickly } from '@/rulebook/fast-yaml';

const withPositions = (text: string): unknown => parseDocument(text, { uniqueKeys: true }).toJS();

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

it.each(yamlFiles('rules').concat(yamlFiles('tests/fixtures')))('reads %s as yaml does', (file) => {
  const text = readFileSync(file, 'utf8');
  expect(readYamlQuickly(text)).toEqual(withPositions(text));
});

it('reads every kind of scalar as the YAML 1.2 core schema does', () => {
  const scalars = [
    'yes', 'no', 'on', 'off', 'y', 'true', 'True', 'TRUE', 'false', 'FALSE', '~', 'null', 'Null', 'NULL', '',
    '0', '-0', '+1', '017', '0o17', '0x1F', '0b101', '1_000', '1:20', '2022-05-17', '"2022-05-17"', "'42'",
    '1.5', '-.5', '.5', '+.5', '1.', '1e3', '1E+3', '-2.5e-3', '685_230.15', '.inf', '-.Inf', '+.INF', '.nan', '.NaN',
    '=', '<<', '0x', '1e', '--1', '12abc', '天津', '"是"',
  ];
  const text = scalars.map((s, i) => `k${i}: ${s}`).join('\n');
  const quick = readYamlQuickly(text) as Record<string, unknown>;
  const slow = withPositions(text) as Record<string, unknown>;
  const differences = scalars.filter((_, i) => !Object.is(quick[`k${i}`], slow[`k${i}`]) && !(Number.isNaN(quick[`k${i}`]) && Number.isNaN(slow[`k${i}`])));
  expect(differences).toEqual([]);
  // Such a file, as read: the types a rulebook's thresholds and flags come out as.
  expect([quick.k17, quick.k19, quick.k21, quick.k28]).toEqual([1, 15, '0b101', -0.5]);
  expect(Object.is(quick.k16, -0)).toBe(true);
});

it('refuses what yaml refuses: a key written twice, a tab for indentation, two documents', () => {
  for (const text of ['a: 1\na: 2\n', 'a:\n\t- 1\n', 'a: 1\n---\nb: 2\n']) {
    expect(parseDocument(text, { uniqueKeys: true }).errors.length).toBeGreaterThan(0);
    expect(() => readYamlQuickly(text)).toThrow();
  }
});
