/**
 * The saved assessment file (issue 5, "reproducible"): the Assessment the CLI prints, plus the answers,
 * the rulebook it was made with and when. Importing it assesses the answers again under the current
 * rulebook; when the rulebook's content hash differs from the file's, it says per clause what changed.
 * Pure: no DOM, no fs (the app and the CLI read and write the text).
 */
// zod/mini: this runs in the browser (see src/engine/answers-file.ts).
import * as z from 'zod/mini';
import { assess, parseAnswersFile, toProblems, type Assessment, type InputProblem } from '../engine/index.ts';
import { translator, type Language } from '../i18n/index.ts';
import type { Answers, CompiledRulebook, LocalizedText, Verdict } from '../rulebook/schema.ts';
import { respondentNameOf } from './model.ts';
// Registers the exports messages (t('exports.…')).
import '../features/report/messages.ts';
// Reports may be in English whatever the page's language: the English catalogue loads with them.
import '../i18n/english.ts';
import { ENGLISH_PROBLEMS, jsonErrorDetail, looksBinary, type ProblemWords } from '../engine/problem-words.ts';

export const EXPORT_FORMAT = 'policy-self-check/assessment';
export const EXPORT_FORMAT_VERSION = 1;

const VERDICT_VALUES = ['applies', 'possible', 'does_not_apply', 'for_information'] as const satisfies readonly Verdict[];
const VerdictSchema = z.enum(VERDICT_VALUES);
const LocalizedTextSchema = z.object({ zh: z.string(), en: z.string() });
const RulebookRefSchema = z.object({ id: z.string(), version: z.string(), hash: z.string() });

/**
 * The file as read back. The answers are checked against the questionnaire separately (parseAnswersFile);
 * of the stored assessment only what the comparison needs is checked, the rest is kept as it is.
 */
export const AssessmentFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.string(),
  rulebook: RulebookRefSchema,
  answers: z.record(z.string(), z.unknown()),
  respondentName: z.optional(z.string()),
  /** A workspace entry's first save and last change (ISO date-times): kept through an export and an import. */
  savedAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
  assessment: z.looseObject({
    rulebook: z.looseObject(RulebookRefSchema.shape),
    clauses: z.array(
      z.looseObject({
        id: z.string(),
        clause: z.number(),
        title: z.optional(LocalizedTextSchema),
        verdict: VerdictSchema,
        supportItems: z.array(z.looseObject({ id: z.string(), title: z.optional(LocalizedTextSchema), verdict: VerdictSchema })),
      }),
    ),
  }),
});
/**
 * The file as written: the schema's shape with validated answers and the assessment, whole (a results page's
 * download: a record of the assessment with its reasons) or its verdicts only (a workspace file).
 */
export type AssessmentFile = Omit<z.infer<typeof AssessmentFileSchema>, 'answers' | 'assessment'> & { answers: Answers; assessment: Assessment | AssessmentVerdicts };

/**
 * Of an assessment, what a workspace file keeps: each clause's and support item's verdict, which an import compares
 * with the current rules. The reasons, quotes and next steps are the rulebook's, given again when the entry is
 * opened; kept whole they made each entry about 450 KB, and a workspace of 40 clients too big to import back.
 */
export type AssessmentVerdicts = {
  rulebook: Assessment['rulebook'];
  clauses: { id: string; clause: number; verdict: Verdict; supportItems: { id: string; verdict: Verdict }[] }[];
  counts: Assessment['counts'];
};

export function verdictsOf(assessment: Assessment): AssessmentVerdicts {
  return {
    rulebook: assessment.rulebook,
    clauses: assessment.clauses.map((c) => ({ id: c.id, clause: c.clause, verdict: c.verdict, supportItems: c.supportItems.map((i) => ({ id: i.id, verdict: i.verdict })) })),
    counts: assessment.counts,
  };
}
export type RulebookRef = z.infer<typeof RulebookRefSchema>;

export type ExportInput = {
  rulebook: CompiledRulebook;
  assessment: Assessment;
  answers: Answers;
  /** Defaults to the answer to the rulebook's respondent-name question. */
  respondentName?: string;
  /** ISO date-time; the caller decides (reproducible files in tests), now by default. */
  exportedAt?: string;
  /** A workspace entry's dates (SavedAssessment), when the file is one of the workspace's. */
  savedAt?: string;
  updatedAt?: string;
  /** Keep only the verdicts of the assessment (a workspace file: see AssessmentVerdicts). */
  verdictsOnly?: boolean;
};

export function assessmentFile({ rulebook, assessment, answers, respondentName, exportedAt, savedAt, updatedAt, verdictsOnly }: ExportInput): AssessmentFile {
  const name = respondentName?.trim() || respondentNameOf(rulebook, answers);
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: exportedAt ?? new Date().toISOString(),
    rulebook: { id: rulebook.meta.id, version: rulebook.meta.version, hash: rulebook.hash },
    answers,
    ...(name ? { respondentName: name } : {}),
    ...(savedAt ? { savedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    assessment: verdictsOnly ? verdictsOf(assessment) : assessment,
  };
}

/** The JSON download: pretty-printed, ending in a newline. */
export function exportJson(input: ExportInput): string {
  return `${JSON.stringify(assessmentFile(input), null, 2)}\n`;
}

/** How one clause's verdict changed between the file and the current rulebook (null: the clause or item is not there). */
export type ClauseChange = {
  id: string;
  clause: number;
  title: LocalizedText | null;
  was: Verdict | null;
  now: Verdict | null;
  /** The support items whose verdict changed (or which were added or removed). */
  items: { id: string; title: LocalizedText | null; was: Verdict | null; now: Verdict | null }[];
};

export type ImportedAssessment = {
  rulebook: CompiledRulebook;
  answers: Answers;
  respondentName: string | undefined;
  /** When the file was exported; undefined for a plain answers file. */
  exportedAt: string | undefined;
  /** A workspace entry's dates, when the file has them. */
  savedAt?: string;
  updatedAt?: string;
  /** The answers assessed again under the current rulebook. */
  assessment: Assessment;
  /** The rulebook the file was made with; null for a plain answers file `{ rulebook, answers }`. */
  previous: RulebookRef | null;
  /** The file was made with other rules (its hash differs from the current rulebook's). */
  rulebookChanged: boolean;
  /** When the rules changed: the clauses whose verdict (or an item's) is not what the file says. */
  changes: ClauseChange[];
  /** Opened from the workspace rather than imported from a file. */
  fromWorkspace?: true;
  /** The workspace entry opened: the results offer to update it. */
  workspaceEntry?: WorkspaceEntryRef;
};

/** A workspace entry an interview was opened from (or saved as): its id, and its name there. */
export type WorkspaceEntryRef = { id: string; name: string };

export type ImportErrorCode = 'emptyFile' | 'notJson' | 'spreadsheet' | 'notExport' | 'workspaceFile' | 'newerVersion' | 'malformed' | 'unknownRulebook' | 'invalidAnswers';
export type ImportError = {
  code: ImportErrorCode;
  /** Interpolation values of the message (see importErrorMessage). */
  params: Record<string, string | number>;
  /** Each problem with its path in the file, e.g. `answers.products[0]: "bikes" is not an option of "products"`. */
  problems: InputProblem[];
};
export type ImportResult = { ok: true; value: ImportedAssessment } | { ok: false; error: ImportError };

/** Read a saved file's text (an exported assessment, or a plain answers file) and assess it again. */
export function importJson(rulebooks: CompiledRulebook[], text: string, words: ProblemWords = ENGLISH_PROBLEMS): ImportResult {
  const parsed = parseJsonFile(text, words);
  return parsed.ok ? importData(rulebooks, parsed.data, words) : { ok: false, error: parsed.error };
}

/** A file's text as JSON; an empty file, or one that is not JSON, is an ImportError (the parser's words as its problem). */
export function parseJsonFile(text: string, words: ProblemWords = ENGLISH_PROBLEMS): { ok: true; data: unknown } | { ok: false; error: ImportError } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: { code: 'emptyFile', params: {}, problems: [{ path: '(file)', message: words.emptyFile }] } };
  try {
    return { ok: true, data: JSON.parse(body) };
  } catch (e) {
    // A spreadsheet chosen by mistake (a members list for the batch): an Excel workbook (a ZIP file) or CSV text.
    const firstLine = body.slice(0, body.search(/\r?\n|$/));
    const spreadsheet = body.startsWith('PK') || (!/^\s*[[{]/.test(body) && /[,;\t]/.test(firstLine));
    const message = looksBinary(body) ? words.notText : words.notJson(jsonErrorDetail(e, body));
    return { ok: false, error: { code: spreadsheet ? 'spreadsheet' : 'notJson', params: {}, problems: [{ path: '(file)', message }] } };
  }
}

/** Is this (parsed) data an exported assessment file rather than a plain answers file? */
export function isAssessmentFile(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === EXPORT_FORMAT;
}

/** The same as importJson, for data already parsed (the CLI reads JSON or YAML). */
export function importData(rulebooks: CompiledRulebook[], data: unknown, words: ProblemWords = ENGLISH_PROBLEMS): ImportResult {
  const known = rulebooks.map((r) => r.meta.id).join(', ');
  if (!isAssessmentFile(data)) {
    // A plain answers file { rulebook: "<id>", answers } is welcome too: nothing to compare it with.
    const plain = data as { rulebook?: unknown; answers?: unknown } | null;
    if (typeof plain === 'object' && plain !== null && !Array.isArray(plain) && typeof plain.rulebook === 'string' && plain.answers !== undefined)
      return reassess(rulebooks, plain.rulebook, plain.answers, null, words);
    // The workspace's "export all" file: a list of assessment files.
    if (Array.isArray(data) && data.length > 0 && data.every(isAssessmentFile)) return fail('workspaceFile', { count: data.length }, []);
    return fail('notExport', {}, [{ path: 'format', message: words.expectedFormat(EXPORT_FORMAT) }]);
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > EXPORT_FORMAT_VERSION) return fail('newerVersion', { version }, [{ path: 'formatVersion', message: words.newerVersion(version, EXPORT_FORMAT_VERSION) }]);

  // (Its structure's problems in zod's words, in the interface's language: a file of ours is only malformed when edited by hand.)
  const file = AssessmentFileSchema.safeParse(data, words.structure ? { error: words.structure } : undefined);
  if (!file.success) {
    const problems = toProblems(file.error);
    return fail('malformed', { count: problems.length }, problems);
  }
  if (!rulebooks.some((r) => r.meta.id === file.data.rulebook.id)) return fail('unknownRulebook', { id: file.data.rulebook.id, known }, [{ path: 'rulebook.id', message: words.unknownRulebook(file.data.rulebook.id, known) }]);
  return reassess(rulebooks, file.data.rulebook.id, file.data.answers, file.data, words);
}

function reassess(rulebooks: CompiledRulebook[], rulebookId: string, answers: unknown, file: z.infer<typeof AssessmentFileSchema> | null, words: ProblemWords): ImportResult {
  const known = rulebooks.map((r) => r.meta.id).join(', ');
  const parsed = parseAnswersFile(rulebooks, { rulebook: rulebookId, answers }, words);
  if (!parsed.ok) {
    if (parsed.problems.some((p) => p.path === 'rulebook')) return fail('unknownRulebook', { id: rulebookId, known }, parsed.problems);
    return fail('invalidAnswers', { count: parsed.problems.length }, parsed.problems);
  }
  const { compiled, answers: valid } = parsed.value;
  const assessment = assess(compiled, valid);
  // Other rules: another content (hash), or another version named (a file edited by hand, say).
  const rulebookChanged = file !== null && (file.rulebook.hash !== compiled.hash || file.rulebook.version !== compiled.meta.version);
  const respondentName = file?.respondentName;
  return {
    ok: true,
    value: {
      rulebook: compiled,
      answers: valid,
      respondentName,
      exportedAt: file?.exportedAt,
      ...(file?.savedAt ? { savedAt: file.savedAt } : {}),
      ...(file?.updatedAt ? { updatedAt: file.updatedAt } : {}),
      assessment,
      previous: file ? file.rulebook : null,
      rulebookChanged,
      changes: rulebookChanged && file ? compareAssessments(file.assessment, assessment) : [],
    },
  };
}

type VerdictsOnly = {
  clauses: { id: string; clause: number; title?: LocalizedText; verdict: Verdict; supportItems: { id: string; title?: LocalizedText; verdict: Verdict }[] }[];
};

/** Per clause (matched by id), what changed from `was` to `now`: the clause's verdict, or one of its items'. */
export function compareAssessments(was: VerdictsOnly, now: VerdictsOnly): ClauseChange[] {
  const before = new Map(was.clauses.map((c) => [c.id, c]));
  const after = new Map(now.clauses.map((c) => [c.id, c]));
  const ids = [...now.clauses.map((c) => c.id), ...was.clauses.map((c) => c.id).filter((id) => !after.has(id))];
  const changes: ClauseChange[] = [];
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    const itemsBefore = new Map((b?.supportItems ?? []).map((i) => [i.id, i]));
    const itemsAfter = new Map((a?.supportItems ?? []).map((i) => [i.id, i]));
    const itemIds = [...itemsAfter.keys(), ...[...itemsBefore.keys()].filter((i) => !itemsAfter.has(i))];
    const items = itemIds
      .map((itemId) => {
        const ib = itemsBefore.get(itemId);
        const ia = itemsAfter.get(itemId);
        return { id: itemId, title: ia?.title ?? ib?.title ?? null, was: ib?.verdict ?? null, now: ia?.verdict ?? null };
      })
      .filter((i) => i.was !== i.now);
    const clauseWas = b?.verdict ?? null;
    const clauseNow = a?.verdict ?? null;
    if (clauseWas === clauseNow && items.length === 0) continue;
    changes.push({ id, clause: (a ?? b)!.clause, title: a?.title ?? b?.title ?? null, was: clauseWas, now: clauseNow, items });
  }
  return changes;
}

/** The headline of an import error, in the user's language (the problems, with their paths, go below it). */
export function importErrorMessage(error: ImportError, lang: Language): string {
  return translator(lang)(`exports.file.${error.code}`, error.params);
}

/** "tianjin-2022 v1.0.0 · 3f2a9c1b0d4e": how a rulebook version is shown in messages and reports. */
export { rulebookLabel } from '../rulebook/label.ts';

/** A file name for a download, e.g. `policy-self-check_tianjin-2022_2026-01-02_天津某某公司.csv`. */
export function exportFileName(input: { rulebookId: string; date: string; respondentName?: string }, extension: 'json' | 'md' | 'csv' | 'pdf'): string {
  const name = (input.respondentName ?? '')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 40)
    // No dots at the end: "Co." would make "Co..json" (and Windows drops trailing dots).
    .replace(/\.+$/, '');
  return `policy-self-check_${input.rulebookId}_${input.date}${name ? `_${name}` : ''}.${extension}`;
}

function fail(code: ImportErrorCode, params: ImportError['params'], problems: InputProblem[]): ImportResult {
  return { ok: false, error: { code, params, problems } };
}
