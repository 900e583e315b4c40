/**
 * The workspace (issue 6): many saved assessments in this browser, never on a server. One interface, two
 * implementations: IndexedDB for the app, memory for component tests (and as nothing else when the
 * browser refuses storage, e.g. some private modes — then every call fails with a clear error instead).
 */
import * as z from 'zod/mini';
import type { TFunction } from '@/i18n';
import type { Answers, CompiledRulebook } from '@/rulebook/schema';
import { answersKey } from '@/features/wizard/routing';

export { answersKey };

export const SavedAssessmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  rulebookId: z.string(),
  rulebookVersion: z.string(),
  rulebookHash: z.string(),
  answers: z.record(z.string(), z.unknown()),
  /** ISO date-time of the first save; `updatedAt` of the last change (rename). */
  savedAt: z.string(),
  updatedAt: z.string(),
  /**
   * A batch member saved without a name: its row in the members file. It is shown as the row in the language on
   * screen (`entryName`); `name` holds that label in the language of the save, for what reads the record
   * otherwise (and for entries saved before this field, which have only the name).
   */
  unnamedRow: z.optional(z.number()),
  /** Such a member's copy (and a copy's copy: 2, …): shown as its row and "(copy)" in the language on screen. */
  copies: z.optional(z.number()),
});
/** A saved assessment: the answers and the rulebook they were given under (the verdicts are always recomputed). */
export type SavedAssessment = Omit<z.infer<typeof SavedAssessmentSchema>, 'answers'> & { answers: Answers };

/** Why a workspace operation failed: storage refused (private mode, disabled, quota) or the item is gone. */
export class WorkspaceError extends Error {
  constructor(
    readonly code: 'unavailable' | 'failed' | 'notFound',
    detail = '',
  ) {
    super(`workspace ${code}${detail ? `: ${detail}` : ''}`);
  }
}

export interface WorkspaceStore {
  /** Every saved assessment, most recently changed first (`byRecent`). */
  list(): Promise<SavedAssessment[]>;
  get(id: string): Promise<SavedAssessment | undefined>;
  /** Insert or replace (by id). */
  put(item: SavedAssessment): Promise<void>;
  /** Several at once, in one transaction (all or none). */
  putMany(items: SavedAssessment[]): Promise<void>;
  delete(id: string): Promise<void>;
  duplicate(id: string, name: string): Promise<SavedAssessment>;
  /** `nameQuestion`: the rulebook's question for the respondent's name, whose answer takes the new name too. */
  rename(id: string, name: string, nameQuestion?: string): Promise<SavedAssessment>;
}

export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A new workspace entry for answers given under a rulebook. */
export function savedAssessment(rulebook: Pick<CompiledRulebook, 'hash'> & { meta: Pick<CompiledRulebook['meta'], 'id' | 'version'> }, answers: Answers, name: string, now = new Date().toISOString()): SavedAssessment {
  return { id: newId(), name, rulebookId: rulebook.meta.id, rulebookVersion: rulebook.meta.version, rulebookHash: rulebook.hash, answers, savedAt: now, updatedAt: now };
}

/**
 * The name an entry is shown under: its own, or for a batch member without one its row (and "(copy)" for each
 * copy made of it), in the language of `t`.
 */
export function entryName(item: Pick<SavedAssessment, 'name' | 'unnamedRow' | 'copies'>, t: TFunction): string {
  if (item.unnamedRow === undefined) return item.name;
  let name = t('workspace.rowName', { row: item.unnamedRow });
  for (let i = 0; i < (item.copies ?? 0); i += 1) name = t('workspace.copyName', { name });
  return name;
}

/** The entry under a name of its own (renamed): no longer called by its batch row. */
function named(item: SavedAssessment, name: string): SavedAssessment {
  const { unnamedRow: _row, copies: _copies, ...rest } = item;
  return { ...rest, name };
}

/**
 * What makes two entries the same assessment: name, rulebook and version, and answers — unanswered questions
 * left out, a multiple choice's options in any order. (A batch run added twice must not add its members twice.)
 */
export function assessmentKey(item: Pick<SavedAssessment, 'name' | 'rulebookId' | 'rulebookVersion' | 'answers'>): string {
  return JSON.stringify([item.name, item.rulebookId, item.rulebookVersion, answersKey(item.answers)]);
}


/**
 * Adds the entries not already in the workspace (same name, answers and rulebook version: `assessmentKey`),
 * the new ones in one transaction; says how many were added, how many were there already, and how many repeat
 * an entry given before them (a member written on two rows of one file: added once, or not at all when there).
 * `otherNames(item, i)`: names the entry may have been saved under before, besides its own, that make it the
 * same entry too — a batch member without a name is named by its row in the interface language of the day
 * (第 3 行, Row 3).
 */
export async function addMissing(store: WorkspaceStore, items: SavedAssessment[], otherNames: (item: SavedAssessment, index: number) => readonly string[] = () => []): Promise<{ added: number; existing: number; repeated: number }> {
  const present = new Set((await store.list()).map(assessmentKey));
  const given = new Set<string>();
  const missing: SavedAssessment[] = [];
  let existing = 0;
  let repeated = 0;
  items.forEach((item, i) => {
    const keys = [assessmentKey(item), ...otherNames(item, i).map((name) => assessmentKey({ ...item, name }))];
    if (keys.some((key) => given.has(key))) repeated += 1;
    else {
      for (const key of keys) given.add(key);
      if (keys.some((key) => present.has(key))) existing += 1;
      else missing.push(item);
    }
  });
  if (missing.length > 0) await store.putMany(missing);
  return { added: missing.length, existing, repeated };
}

/** Names with numbers in their natural order (会员2 before 会员10): batch members are often numbered. */
const names = new Intl.Collator(undefined, { numeric: true });

/** A date-time as the moment it names (a file may write one in another offset: +08:00); one unreadable goes last. */
function moment(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? -Infinity : ms;
}
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The list's order: the most recently changed first, then the most recently saved, then by name; entries alike in
 * all that (the collator takes 会员01 and 会员1 for one name, Date.parse drops digits beyond the millisecond) by
 * those texts as written, then by rulebook version and answers. So the order is the same after a reload, whatever
 * order the storage reads them in, and after an export and an import, which keep dates and names but give new ids:
 * the id orders only entries the same in every other way.
 */
function byRecent(items: SavedAssessment[]): SavedAssessment[] {
  const keyed = items.map((item) => ({ item, updated: moment(item.updatedAt), saved: moment(item.savedAt), answers: undefined as string | undefined }));
  const answers = (k: (typeof keyed)[number]) => (k.answers ??= answersKey(k.item.answers));
  keyed.sort(
    (a, b) =>
      b.updated - a.updated ||
      b.saved - a.saved ||
      names.compare(a.item.name, b.item.name) ||
      text(b.item.updatedAt, a.item.updatedAt) ||
      text(b.item.savedAt, a.item.savedAt) ||
      text(a.item.name, b.item.name) ||
      text(a.item.rulebookVersion, b.item.rulebookVersion) ||
      text(answers(a), answers(b)) ||
      text(a.item.id, b.item.id),
  );
  return keyed.map((k) => k.item);
}

/** Shared by both implementations: duplicate and rename are a get and a put. */
abstract class BaseStore implements WorkspaceStore {
  abstract list(): Promise<SavedAssessment[]>;
  abstract get(id: string): Promise<SavedAssessment | undefined>;
  abstract putMany(items: SavedAssessment[]): Promise<void>;
  abstract delete(id: string): Promise<void>;
  put(item: SavedAssessment): Promise<void> {
    return this.putMany([item]);
  }
  async duplicate(id: string, name: string): Promise<SavedAssessment> {
    const item = await this.get(id);
    if (!item) throw new WorkspaceError('notFound', id);
    const now = new Date().toISOString();
    // A member without a name stays called by its row, as a copy (`name` keeps the label in the language of the copy).
    const copied = item.unnamedRow === undefined ? named(item, name) : { ...item, name, copies: (item.copies ?? 0) + 1 };
    const copy = { ...copied, id: newId(), savedAt: now, updatedAt: now };
    await this.put(copy);
    return copy;
  }
  async rename(id: string, name: string, nameQuestion?: string): Promise<SavedAssessment> {
    const item = await this.get(id);
    if (!item) throw new WorkspaceError('notFound', id);
    // The report, the downloads and the interview name the respondent by that answer: renamed with the entry.
    const answers = nameQuestion ? { ...item.answers, [nameQuestion]: name } : item.answers;
    const renamed = { ...named(item, name), answers, updatedAt: new Date().toISOString() };
    await this.put(renamed);
    return renamed;
  }
}

/** In memory: component tests, and a store that deliberately fails (`unavailable`) to test that path. */
export class MemoryStore extends BaseStore {
  private readonly items = new Map<string, SavedAssessment>();
  constructor(
    initial: SavedAssessment[] = [],
    private readonly failing = false,
  ) {
    super();
    for (const item of initial) this.items.set(item.id, structuredClone(item));
  }
  private check() {
    if (this.failing) return Promise.reject(new WorkspaceError('unavailable'));
    return Promise.resolve();
  }
  async list() {
    await this.check();
    return byRecent([...this.items.values()].map((i) => structuredClone(i)));
  }
  async get(id: string) {
    await this.check();
    const item = this.items.get(id);
    return item && structuredClone(item);
  }
  async putMany(items: SavedAssessment[]) {
    await this.check();
    for (const item of items) this.items.set(item.id, structuredClone(item));
  }
  async delete(id: string) {
    await this.check();
    this.items.delete(id);
  }
}

const DB_NAME = 'policy-self-check';
/** Records read per transaction: ten thousand in one getAll would hold the page for half a second. */
const LIST_CHUNK = 1000;
/** Bump with an upgrade step when the record shape changes. */
const DB_VERSION = 1;
const STORE = 'assessments';

/** IndexedDB: the database is opened on first use; a refusal becomes WorkspaceError('unavailable'). */
export class IndexedDbStore extends BaseStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      this.db = new Promise<IDBDatabase>((resolve, reject) => {
        let req: IDBOpenDBRequest;
        try {
          if (typeof indexedDB === 'undefined') throw new Error('no indexedDB');
          req = indexedDB.open(DB_NAME, DB_VERSION);
        } catch (e) {
          reject(new WorkspaceError('unavailable', (e as Error).message));
          return;
        }
        req.onupgradeneeded = () => {
          if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new WorkspaceError('unavailable', req.error?.message));
        req.onblocked = () => reject(new WorkspaceError('unavailable', 'blocked'));
      });
      // A refusal is not cached: storage may become available (e.g. after the user allows it).
      this.db.catch(() => (this.db = null));
    }
    return this.db;
  }

  private async transaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
    const db = await this.open();
    return new Promise<T | undefined>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction(STORE, mode);
      } catch (e) {
        reject(new WorkspaceError('failed', (e as Error).message));
        return;
      }
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(new WorkspaceError('failed', tx.error?.message));
      tx.onabort = () => reject(new WorkspaceError('failed', tx.error?.message ?? 'aborted'));
    });
  }

  async list() {
    const out: SavedAssessment[] = [];
    let after: IDBValidKey | undefined;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const chunk = (await this.transaction('readonly', (s) => s.getAll(range, LIST_CHUNK) as IDBRequest<{ id: IDBValidKey }[]>)) ?? [];
      // Records of another shape (a later version, damaged storage) are left alone, not shown.
      for (const r of chunk) {
        const parsed = SavedAssessmentSchema.safeParse(r);
        if (parsed.success) out.push(parsed.data as SavedAssessment);
      }
      if (chunk.length < LIST_CHUNK) break;
      after = chunk[chunk.length - 1]!.id;
    }
    return byRecent(out);
  }
  async get(id: string) {
    const r = await this.transaction('readonly', (s) => s.get(id) as IDBRequest<unknown>);
    const parsed = SavedAssessmentSchema.safeParse(r);
    return parsed.success ? (parsed.data as SavedAssessment) : undefined;
  }
  async putMany(items: SavedAssessment[]) {
    await this.transaction('readwrite', (s) => {
      for (const item of items) s.put(item);
    });
  }
  async delete(id: string) {
    await this.transaction('readwrite', (s) => s.delete(id));
  }
}
