/**
 * Node-only: read a rulebook folder (rules/<id>/), parse its YAML, validate it with the zod schemas and
 * the cross-file checks, and compile it into the typed JSON the browser receives. Every problem names
 * the file, the line, the path inside the file and what is wrong. The browser never loads this module.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath } from '../engine/answers-file.ts';
import { clausesDependingOn } from '../engine/dependencies.ts';
import { parseAnswersFile } from '../engine/parse-answers.ts';
import { ENGLISH_PROBLEMS, jsonErrorDetail } from '../engine/problem-words.ts';
import { readYamlQuickly } from './fast-yaml.ts';
import { lintRulebook } from './lint.ts';
import { CasesFile, MeasuresFile, ParameterTable, Questionnaire, RulebookMeta, type Case, type CompiledRulebook, type RulebookExample } from './schema.ts';

export type LocatedProblem = { file: string; line?: number; path: string; message: string };

export class RulebookError extends Error {
  /** `unchecked`: what the check stopped before (a later stage needs these problems fixed first), said after them. */
  constructor(
    readonly folder: string,
    readonly problems: LocatedProblem[],
    unchecked: readonly string[] = [],
  ) {
    super(
      `The rulebook in ${folder} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}` +
        (unchecked.length > 0 ? `\nNot checked until these are fixed: ${unchecked.join(', ')}.` : ''),
    );
    this.name = 'RulebookError';
  }
}

export function formatProblems(problems: LocatedProblem[]): string {
  return problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}  ${p.path}: ${p.message}`).join('\n');
}

type Parsed<T> = {
  value?: T;
  problems: LocatedProblem[];
  /** The file as a document with source positions, for the line of a path (parsed when first asked for: see readYaml). */
  positions?: () => Positions;
};
type Positions = { doc: Document; lines: LineCounter };

/**
 * Parse one YAML file and validate it; problems carry line numbers. Read quickly first (fast-yaml.ts, without
 * source positions); a file with a problem is read again by `yaml`, which says where.
 */
export function readYaml<T>(file: string, schema: z.ZodType<T>, displayName = file): Parsed<T> {
  if (!existsSync(file)) {
    const yml = file.replace(/\.yaml$/, '.yml');
    const found = yml !== file && existsSync(yml);
    return { problems: [{ file: displayName, path: '(file)', message: found ? `the file is missing (there is ${basename(yml)}: name it ${basename(file)})` : 'the file is missing' }] };
  }
  const text = readFileSync(file, 'utf8');
  let quick: unknown;
  try {
    quick = readYamlQuickly(text);
  } catch {
    return readYamlWithPositions(text, schema, displayName);
  }
  const result = schema.safeParse(quick);
  if (!result.success) return readYamlWithPositions(text, schema, displayName);
  let positions: Positions | null = null;
  return { value: result.data, problems: [], positions: () => (positions ??= parseWithPositions(text)) };
}

function parseWithPositions(text: string): Positions {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }), lines };
}

/** The line of `path` in a parsed file (undefined: the file could not be parsed). */
function lineIn(parsed: Parsed<unknown> | undefined, path: (string | number)[]): number | undefined {
  if (!parsed?.positions) return undefined;
  const { doc, lines } = parsed.positions();
  return lineOf(doc, lines, path);
}

function readYamlWithPositions<T>(text: string, schema: z.ZodType<T>, displayName: string): Parsed<T> {
  const positions = parseWithPositions(text);
  const { doc, lines } = positions;
  if (doc.errors.length > 0)
    return {
      problems: doc.errors.map((e) => ({
        file: displayName,
        line: lines.linePos(e.pos[0]).line,
        path: '(syntax)',
        // The parser says "Map keys must be unique", at the start of the second key.
        message: e.code === 'DUPLICATE_KEY' && keyAt(text, e.pos[0]) ? `the key ${keyAt(text, e.pos[0])} is written twice in the same mapping (the parser would keep only one)` : (e.message.split('\n')[0] ?? e.message),
      })),
    };
  const data: unknown = doc.toJS();
  const result = schema.safeParse(data);
  if (!result.success)
    return {
      positions: () => positions,
      problems: result.error.issues.map((issue) => {
        const { path, message } = describeIssue(issue, data);
        return { file: displayName, line: lineOf(doc, lines, path), path: formatPath(path), message };
      }),
    };
  return { value: result.data, positions: () => positions, problems: [] };
}

/** The key written at `pos` (plain or quoted), as written. */
function keyAt(text: string, pos: number): string {
  const key = /^(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:,{}[\]\n]+)/.exec(text.slice(pos))?.[0].trim() ?? '';
  return key.length > 60 ? `${key.slice(0, 60)}…` : key;
}

/**
 * A schema problem in an author's words: a required field left out is reported at the object that
 * lacks it ("measures[3].supportItems[0]: required field `quotes` is missing"), and a field written
 * with nothing after its colon says so; anything else keeps the schema's message.
 */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): { path: (string | number)[]; message: string } {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = path.at(-1);
  if (typeof field === 'string' && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
    const parent = valueAt(data, path.slice(0, -1));
    if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
      if (!Object.hasOwn(parent, field)) return { path: path.slice(0, -1), message: `required field \`${field}\` is missing` };
      if ((parent as Record<string, unknown>)[field] === null)
        return { path, message: `\`${field}\` has no value${issue.code === 'invalid_type' ? ` (expected ${issue.expected})` : ''}` };
    }
  }
  return { path, message: issue.message };
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(doc: Document, lines: LineCounter, path: (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let line = isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined;
  for (const key of path) {
    // A key is found as written: `5: applies` in YAML is the number 5, the path says "5".
    if (isMap(node)) node = node.items.find((pair) => (isScalar(pair.key) ? String(pair.key.value) : pair.key) === String(key))?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else break;
    if (!isNode(node) || !node.range) break;
    line = lines.linePos(node.range[0]).line;
  }
  return line;
}

/** Where a path of a file in a rulebook folder is: the file as messages name it, and its line (each file parsed once). */
export type Locate = (name: string, path: (string | number)[]) => { file: string; line?: number };

export function locator(folder: string, root = process.cwd()): Locate {
  const parsed = new Map<string, { doc: Document; lines: LineCounter } | undefined>();
  return (name, path) => {
    if (!parsed.has(name)) {
      const full = join(folder, name);
      const lines = new LineCounter();
      parsed.set(name, existsSync(full) ? { doc: parseDocument(readFileSync(full, 'utf8'), { lineCounter: lines }), lines } : undefined);
    }
    const found = parsed.get(name);
    return { file: relative(root, join(folder, name)) || name, line: found ? lineOf(found.doc, found.lines, path) : undefined };
  };
}

/**
 * The checks after each stage of loadRulebook, named in its error when an earlier stage fails: the files' structure
 * first, then the rules across them (lint), then the examples, each needing the one before it.
 */
const LATER_CHECKS = {
  lint: ['the ids, the references between the files and the quotes against the source text'],
  examples: ['the example answers files (examples/*.json)'],
};

/** Compile the rulebook in `folder`, or throw a RulebookError listing every problem. */
export function loadRulebook(folder: string, root = process.cwd()): CompiledRulebook {
  const rel = (name: string) => relative(root, join(folder, name)) || name;
  const meta = readYaml(join(folder, 'rulebook.yaml'), RulebookMeta, rel('rulebook.yaml'));
  const measures = readYaml(join(folder, 'measures.yaml'), MeasuresFile, rel('measures.yaml'));
  const questionnaire = readYaml(join(folder, 'questionnaire.yaml'), Questionnaire, rel('questionnaire.yaml'));
  const parameterFiles = yamlFiles(join(folder, 'parameters')).map((name) => ({ name: `parameters/${name}`, parsed: readYaml(join(folder, 'parameters', name), ParameterTable, rel(`parameters/${name}`)) }));
  const problems = [...meta.problems, ...measures.problems, ...questionnaire.problems, ...unreadFiles(folder, 'parameters', rel), ...parameterFiles.flatMap((p) => p.parsed.problems)];
  let source = '';
  if (meta.value) {
    const sourcePath = join(folder, meta.value.sourceFile);
    if (!existsSync(sourcePath)) problems.push({ file: rel('rulebook.yaml'), path: 'sourceFile', message: `${meta.value.sourceFile} is missing` });
    // The text as written, whatever the editor or the checkout did to its line ends (the content hash depends on it).
    else source = readFileSync(sourcePath, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const folderName = folder.split(/[\\/]/).filter(Boolean).pop();
    if (folderName !== meta.value.id) problems.push({ file: rel('rulebook.yaml'), line: lineIn(meta, ['id']), path: 'id', message: `the id "${meta.value.id}" must match the folder name "${folderName}"` });
  }
  if (problems.length > 0 || !meta.value || !measures.value || !questionnaire.value) throw new RulebookError(rel(''), problems, [...LATER_CHECKS.lint, ...LATER_CHECKS.examples]);

  const parameters = parameterFiles.map((p) => withoutSchema(p.parsed.value!));
  const docs: Record<string, Parsed<unknown>> = { 'rulebook.yaml': meta, 'measures.yaml': measures, 'questionnaire.yaml': questionnaire };
  for (const p of parameterFiles) docs[p.name] = p.parsed;
  const lintProblems = lintRulebook({ meta: meta.value, measures: measures.value, questionnaire: questionnaire.value, parameters, parameterFiles: parameterFiles.map((p) => p.name), source }).map((p) => {
    const parsed = docs[p.file];
    return { file: rel(p.file), line: lineIn(parsed, p.path), path: formatPath(p.path), message: p.message };
  });
  if (lintProblems.length > 0) throw new RulebookError(rel(''), lintProblems, LATER_CHECKS.examples);

  const content = { meta: withoutSchema(meta.value), measures: measures.value.measures, questionnaire: withoutSchema(questionnaire.value), parameters, source };
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const outline = { clauses: content.measures.map((m) => ({ clause: m.clause, title: m.title })), dependents: Object.fromEntries(clausesDependingOn(content)) };
  const compiled: CompiledRulebook = { ...content, hash, outline };
  const examples = loadExamples(folder, compiled, rel);
  if (examples.problems.length > 0) throw new RulebookError(rel(''), examples.problems);
  return { ...compiled, examples: examples.value };
}

/**
 * The example answers files (examples/*.json), each an answers file of this rulebook whose answers fit its
 * questionnaire: a problem names the file and the path inside it, as an import of the file would.
 */
function loadExamples(folder: string, rulebook: CompiledRulebook, rel: (name: string) => string): { value: RulebookExample[]; problems: LocatedProblem[] } {
  const dir = join(folder, 'examples');
  const names = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.name.endsWith('.json') && !e.isDirectory()).map((e) => e.name).sort() : [];
  const value: RulebookExample[] = [];
  const problems: LocatedProblem[] = [];
  for (const name of names) {
    const file = rel(`examples/${name}`);
    const text = readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems.push({ file, path: '(file)', message: ENGLISH_PROBLEMS.notJson(jsonErrorDetail(e, text)) });
      continue;
    }
    // (A folder copied to start another policy keeps its examples naming the first.)
    const named = typeof data === 'object' && data !== null ? (data as { rulebook?: unknown }).rulebook : undefined;
    if (typeof named === 'string' && named !== rulebook.meta.id) {
      problems.push({ file, path: 'rulebook', message: `"${named}" should be "${rulebook.meta.id}": an example in this folder is for the rulebook it holds` });
      continue;
    }
    const parsed = parseAnswersFile([rulebook], data);
    if (parsed.ok) value.push({ file: name, answers: parsed.value.answers });
    else problems.push(...parsed.problems.map((p) => ({ file, path: p.path, message: p.message })));
  }
  return { value, problems };
}

function withoutSchema<T extends { $schema?: string | undefined }>(value: T): T {
  const { $schema: _ignored, ...rest } = value;
  return rest as T;
}

const isYaml = (name: string) => /\.ya?ml$/.test(name);

/** The .yaml and .yml files in `dir` (a folder with such a name is not one: unreadFiles reports it). */
function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => isYaml(e.name) && !e.isDirectory()).map((e) => e.name).sort() : [];
}

/**
 * What parameters/ and cases/ hold that is not read: only .yaml and .yml files are, and anything else left out
 * unseen would be a table or cases that silently do nothing. A README.md is the authors' notes on the folder;
 * hidden files (.gitkeep, .DS_Store) are no one's content. A JSON file gets its own hint because the CLI reads JSON
 * answers files, so an author may expect it here; a .YAML is not read but told its lower-case name, as rulebook.yaml
 * and the other files of a rulebook are only found in lower case too.
 */
function unreadFiles(folder: string, sub: 'parameters' | 'cases', rel: (name: string) => string): LocatedProblem[] {
  const dir = join(folder, sub);
  if (!existsSync(dir)) return [];
  const read = `only .yaml and .yml files are read in ${sub}/`;
  const problem = (name: string, message: string, path = '(file)'): LocatedProblem => ({ file: rel(`${sub}/${name}`), path, message });
  return readdirSync(dir)
    .filter((name) => (!isYaml(name) || statSync(join(dir, name)).isDirectory()) && !name.startsWith('.') && !/^readme\.md$/i.test(name))
    .sort()
    .map((name) => {
      if (statSync(join(dir, name)).isDirectory()) return problem(name, `${read}, not the folders inside it: move its files into ${sub}/, or the folder out of it`, '(folder)');
      if (/\.json$/i.test(name)) return problem(name, `${read}: rename it ${name.replace(/\.json$/i, '.yaml')} (JSON is valid YAML) or move it out of the folder`);
      if (/\.ya?ml$/i.test(name)) return problem(name, `${read}, in lower case: rename it ${name.replace(/\.ya?ml$/i, (ext) => ext.toLowerCase())}`);
      return problem(name, `${read} (and a README.md, for notes): move it out of the folder`);
    });
}

/** Every rulebook folder under `rulesDir` (a folder holding a rulebook.yaml). */
/**
 * The folder of rulebooks the app, the CLI and rules:check read: rules/ in the project, or another folder of
 * rulebooks (a rule author's drafts) named by PSC_RULES_DIR, relative to the folder npm runs in.
 */
export function rulesDirectory(projectRules: string): string {
  return process.env.PSC_RULES_DIR ? resolve(process.env.PSC_RULES_DIR) : projectRules;
}

export function rulebookFolders(rulesDir: string): string[] {
  if (!existsSync(rulesDir)) return [];
  return readdirSync(rulesDir)
    .map((name) => join(rulesDir, name))
    // rulebook.yml too: loadRulebook then says to name it rulebook.yaml, rather than the folder being left out unseen.
    .filter((path) => statSync(path).isDirectory() && (existsSync(join(path, 'rulebook.yaml')) || existsSync(join(path, 'rulebook.yml'))))
    .sort();
}

/** Every rulebook under `rulesDir`, or a RulebookError listing every problem of every one (`load`: see cache.ts). */
export function loadRulebooks(rulesDir: string, root = process.cwd(), load: (folder: string, root: string) => CompiledRulebook = loadRulebook): CompiledRulebook[] {
  const errors: RulebookError[] = [];
  const rulebooks: CompiledRulebook[] = [];
  for (const folder of rulebookFolders(rulesDir)) {
    try {
      rulebooks.push(load(folder, root));
    } catch (e) {
      if (e instanceof RulebookError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new RulebookError(relative(root, rulesDir), errors.flatMap((e) => e.problems));
  return rulebooks;
}

export type LoadedCase = Case & {
  /** The case file as messages name it (relative to the working folder). */
  file: string;
  /** The case file inside the rulebook folder (cases/companies.yaml), and the case's place in its list. */
  source: string;
  index: number;
};

/** The scenario cases of a rulebook (cases/*.yaml; any other file there but a README.md is refused). */
export function loadCases(folder: string, root = process.cwd()): LoadedCase[] {
  const dir = join(folder, 'cases');
  const problems: LocatedProblem[] = unreadFiles(folder, 'cases', (name) => relative(root, join(folder, name)) || name);
  const cases: LoadedCase[] = [];
  for (const name of yamlFiles(dir)) {
    const display = relative(root, join(dir, name));
    const parsed = readYaml(join(dir, name), CasesFile, display);
    problems.push(...parsed.problems);
    (parsed.value?.cases ?? []).forEach((c, index) => cases.push({ ...c, file: display, source: `cases/${name}`, index }));
  }
  if (problems.length > 0) throw new RulebookError(relative(root, dir), problems);
  return cases;
}
