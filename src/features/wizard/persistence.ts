/**
 * Saving the interview in this browser (localStorage), keyed by rulebook, with the rulebook's hash.
 * Saved data that cannot be read, or no longer fits the questionnaire, gives a notice and a fresh start.
 */
import * as z from 'zod/mini';
import { answersSchema } from '@/engine/answers-file';
import type { Answers, InterviewRulebook } from '@/rulebook/schema';
import type { Position } from './routing';
import type { WorkspaceEntryRef } from '@/report/export-file';

const FORMAT_VERSION = 1;

const PositionSchema: z.ZodMiniType<Position> = z.union([
  z.object({ at: z.literal('intro') }),
  z.object({ at: z.literal('step'), step: z.string() }),
  z.object({ at: z.literal('review') }),
  z.object({ at: z.literal('results') }),
]);

const SavedSession = z.object({
  version: z.literal(FORMAT_VERSION),
  rulebook: z.string(),
  hash: z.string(),
  answers: z.record(z.string(), z.unknown()),
  at: PositionSchema,
  /** A step opened from the review or the results to change an answer: where "save and return" goes. */
  returnTo: z.optional(z.enum(['review', 'results'])),
  /** The workspace entry the interview was opened from (or last saved as): the results offer to update it. */
  entry: z.optional(z.object({ id: z.string(), name: z.string() })),
  savedAt: z.string(),
});
export type SavedSession = z.infer<typeof SavedSession>;

export type Restored =
  | { status: 'none' }
  | { status: 'restored'; answers: Answers; at: Position; returnTo: ReturnTo; rulebookChanged: boolean; entry: WorkspaceEntryRef | null }
  | { status: 'incompatible' };

/** Where a step opened to change an answer returns to; null: the interview goes on in order. */
export type ReturnTo = 'review' | 'results' | null;

export const sessionKey = (rulebookId: string) => `policy-self-check:session:${rulebookId}`;

/**
 * Whether an interview of this policy is saved to resume (with answers, or past the intro), as far as the saved
 * text tells without the questionnaire: for the choice of policy, which marks the ones under way.
 */
export function sessionUnderWay(rulebookId: string, storage: Storage | undefined = safeStorage()): boolean {
  try {
    const saved = JSON.parse(storage?.getItem(sessionKey(rulebookId)) ?? 'null') as { answers?: unknown; at?: { at?: unknown } } | null;
    const answers = saved?.answers;
    return (typeof answers === 'object' && answers !== null && Object.keys(answers).length > 0) || (saved?.at?.at !== undefined && saved.at.at !== 'intro');
  } catch {
    return false;
  }
}

/** The answers in a saved session's text (a storage event's new value): none when there is none; null when unreadable. */
export function answersInSaved(text: string | null): Answers | null {
  if (text === null) return {};
  try {
    const answers: unknown = (JSON.parse(text) as { answers?: unknown } | null)?.answers;
    return typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Answers) : null;
  } catch {
    return null;
  }
}

export function loadSession(rulebook: InterviewRulebook, storage: Storage | undefined = safeStorage()): Restored {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(sessionKey(rulebook.meta.id)) ?? null;
  } catch {
    return { status: 'none' };
  }
  if (raw === null) return { status: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return discard();
  }
  const session = SavedSession.safeParse(data);
  if (!session.success || session.data.rulebook !== rulebook.meta.id) return discard();
  const answers = validAnswers(rulebook, session.data.answers);
  // None left of what was there: nothing to resume.
  if (!answers || (Object.keys(answers).length === 0 && Object.keys(session.data.answers).length > 0)) return discard();
  // Some left out: as after a change of the rules, the user is told the answers were assessed again.
  const dropped = Object.keys(answers).length < Object.keys(session.data.answers).length;
  const { at } = session.data;
  const returnTo = at.at === 'step' ? (session.data.returnTo ?? null) : null;
  return { status: 'restored', answers, at, returnTo, rulebookChanged: dropped || session.data.hash !== rulebook.hash, entry: session.data.entry ?? null };

  function discard(): Restored {
    clearSession(rulebook, storage);
    return { status: 'incompatible' };
  }
}

/**
 * The saved answers that still fit the questionnaire: one that no longer does (a question since removed, a value
 * the rules now refuse) is left out, not the whole interview with it. Null when they are not answers at all.
 */
function validAnswers(rulebook: InterviewRulebook, saved: Record<string, unknown>): Answers | null {
  const schema = answersSchema(rulebook);
  const first = schema.safeParse(saved);
  if (first.success) return first.data;
  const wrong = new Set<string>();
  for (const issue of first.error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) wrong.add(key);
    else if (typeof issue.path[0] === 'string') wrong.add(issue.path[0]);
  }
  const second = schema.safeParse(Object.fromEntries(Object.entries(saved).filter(([id]) => !wrong.has(id))));
  return second.success ? second.data : null;
}

/** Save; false when the browser refuses (quota exceeded, storage disabled). */
export function saveSession(rulebook: InterviewRulebook, answers: Answers, at: Position, returnTo: ReturnTo = null, entry: WorkspaceEntryRef | null = null, storage: Storage | undefined = safeStorage()): boolean {
  const session: SavedSession = {
    version: FORMAT_VERSION,
    rulebook: rulebook.meta.id,
    hash: rulebook.hash,
    answers,
    at,
    ...(returnTo && at.at === 'step' ? { returnTo } : {}),
    ...(entry ? { entry } : {}),
    savedAt: new Date().toISOString(),
  };
  try {
    storage?.setItem(sessionKey(rulebook.meta.id), JSON.stringify(session));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function clearSession(rulebook: InterviewRulebook, storage: Storage | undefined = safeStorage()): void {
  try {
    storage?.removeItem(sessionKey(rulebook.meta.id));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
