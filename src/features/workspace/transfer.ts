/**
 * The workspace as a file: a JSON array of assessment files (the format of the results page's JSON download,
 * one per saved assessment, each with its assessment's verdicts only), and back. A single assessment file or answers file is read too.
 * Importing is all or nothing: one bad entry and none is added, with every problem listed.
 */
import { assess, type InputProblem } from '@/engine';
import { translator, type Language } from '@/i18n';
import { assessmentFile, importData, importErrorMessage, parseJsonFile, type AssessmentFile } from '@/report/export-file';
import { respondentNameOf } from '@/report/model';
import type { CompiledRulebook } from '@/rulebook/schema';
import { rulebookLabel } from '@/rulebook/label';
import { savedAssessment, type SavedAssessment } from './store';
import { problemWords } from '@/engine/problem-words-zh';
import './messages';

/**
 * The saved assessments as files, each under the name `nameOf` gives it (store.ts `entryName`), with the verdicts
 * of its assessment (about 9 KB an entry); those whose rulebook this app no longer has are left out (and counted).
 */
export function workspaceFiles(items: SavedAssessment[], rulebooks: CompiledRulebook[], nameOf: (item: SavedAssessment) => string): { files: AssessmentFile[]; skipped: SavedAssessment[] } {
  const files: AssessmentFile[] = [];
  const skipped: SavedAssessment[] = [];
  for (const item of items) {
    const rulebook = rulebooks.find((r) => r.meta.id === item.rulebookId);
    if (!rulebook) {
      skipped.push(item);
      continue;
    }
    files.push(assessmentFile({ rulebook, assessment: assess(rulebook, item.answers), answers: item.answers, respondentName: nameOf(item), savedAt: item.savedAt, updatedAt: item.updatedAt, verdictsOnly: true }));
  }
  return { files, skipped };
}

/** The workspace file: its entries (workspaceFiles), one a line. */
export function workspaceJson(files: AssessmentFile[]): string {
  return `[\n${files.map((f) => JSON.stringify(f)).join(',\n')}\n]\n`;
}

/** `reassessed`: the entries made under other rules (another version), each assessed again under the current ones; `was`, those rules. */
export type WorkspaceImport = { ok: true; items: SavedAssessment[]; reassessed: { count: number; was: string[] } } | { ok: false; problems: { entry: number | null; name?: string; message: string; details: InputProblem[] }[] };

export function importWorkspace(text: string, rulebooks: CompiledRulebook[], lang: Language, fallbackName: (n: number) => string): WorkspaceImport {
  const words = problemWords(lang);
  const parsed = parseJsonFile(text, words);
  if (!parsed.ok) return { ok: false, problems: [{ entry: null, message: importErrorMessage(parsed.error, lang), details: [] }] };
  const data = parsed.data;
  const entries = Array.isArray(data) ? data : [data];
  if (entries.length === 0) return { ok: false, problems: [{ entry: null, message: translator(lang)('workspace.noEntries'), details: [] }] };
  const items: SavedAssessment[] = [];
  const was = new Set<string>();
  let reassessed = 0;
  const problems: { entry: number | null; name?: string; message: string; details: InputProblem[] }[] = [];
  entries.forEach((entry, i) => {
    const result = importData(rulebooks, entry, words);
    if (!result.ok) {
      // Where in the entry, when it is an assessment with something wrong inside; the message says it all otherwise.
      const located = result.error.code === 'malformed' || result.error.code === 'invalidAnswers';
      // Named as the file names it, when it does: a consultant knows the client, not the entry's number.
      const given = (entry as { respondentName?: unknown } | null)?.respondentName;
      const name = typeof given === 'string' && given.trim() ? given.trim() : undefined;
      problems.push({ entry: Array.isArray(data) ? i + 1 : null, ...(name ? { name } : {}), message: importErrorMessage(result.error, lang), details: located ? result.error.problems.slice(0, 10) : [] });
      return;
    }
    const { rulebook, answers, respondentName, exportedAt, savedAt, updatedAt, rulebookChanged, previous } = result.value;
    const item = savedAssessment(rulebook, answers, respondentName ?? respondentNameOf(rulebook, answers) ?? fallbackName(i + 1));
    // The entry's own dates when the file has them (an export of the workspace), else when the file was made.
    item.savedAt = [savedAt, exportedAt].find(isDate) ?? item.savedAt;
    item.updatedAt = isDate(updatedAt) ? updatedAt : item.savedAt;
    if (rulebookChanged && previous) {
      reassessed += 1;
      was.add(rulebookLabel(previous));
    }
    items.push(item);
  });
  return problems.length ? { ok: false, problems } : { ok: true, items, reassessed: { count: reassessed, was: [...was] } };
}

/** An ISO date-time as the app writes them (a file edited by hand may hold anything). */
function isDate(text: string | undefined): text is string {
  return text !== undefined && /^\d{4}-\d\d-\d\dT/.test(text) && !Number.isNaN(Date.parse(text));
}
