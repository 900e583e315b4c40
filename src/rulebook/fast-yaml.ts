/**
 * Node-only: a quick YAML reader for rulebook files, which are read whole on every compile (the CLI after a
 * change to a rulebook, the build, the checker, the tests). js-yaml reads them in a fifth of the time the
 * `yaml` package takes, but has no source positions: load.ts reads with it first and turns to `yaml` only
 * when a file has a problem to report with its line.
 *
 * js-yaml's own schemas read a few scalars as YAML 1.1 did (0b101 as a number, -.5 as a string, -0 as 0);
 * this one is the YAML 1.2 core schema, as `yaml` reads it, so both give the same data (tests/rules/fast-yaml.test.ts).
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

const scalar = (tag: string, pattern: RegExp, construct: (text: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (text: string | null) => text !== null && pattern.test(text), construct: (text: string | null) => construct(text ?? '') });

const NULL = scalar('null', /^(?:~|null|Null|NULL|)$/, () => null);
const BOOL = scalar('bool', /^(?:true|True|TRUE|false|False|FALSE)$/, (text) => text.toLowerCase() === 'true');
const INT = scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
  text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : Number(text),
);
const FLOAT = scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, (text) => {
  const lower = text.toLowerCase();
  if (lower.endsWith('.inf')) return lower.startsWith('-') ? -Infinity : Infinity;
  return lower === '.nan' ? NaN : Number(text);
});
const CORE_1_2 = FAILSAFE_SCHEMA.extend({ implicit: [NULL, BOOL, INT, FLOAT] });

/** The file's data; throws on anything js-yaml does not read (load.ts then asks `yaml` what is wrong, and where). */
export function readYamlQuickly(text: string): unknown {
  return load(text, { schema: CORE_1_2 });
}
