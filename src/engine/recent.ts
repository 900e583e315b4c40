/**
 * The last few values of something that depends only on the answers to a few questions (its key), found
 * again by those answers' codes (AnswerFrame.codes in answers-state.ts). Respondents often answer a clause's
 * or a show-condition's questions alike (not asked, yes, one of a few choices), so the same values recur.
 *
 * Few entries, replaced in turn: they stay in the processor's cache, and a look-up is a few comparisons.
 * A table of every combination seen is slower to look up, in memory latency, than working most values out
 * again, and it grows over a long batch.
 */
const ENTRIES = 16;

/** find(): the key's answers have codes, but no entry has them. */
export const NOT_FOUND = -1;
/** find(): one of the key's answers has no code: nothing can be remembered for them. */
export const NO_CODE = -2;

export class Recent<T> {
  /** The codes of each entry's key answers, entry after entry, and a hash of them (compared first). */
  private readonly stored: Int32Array;
  private readonly hashes = new Int32Array(ENTRIES);
  /** The codes of the answers last looked up, and their hash. */
  private readonly probe: Int32Array;
  private hash = 0;
  private readonly values: T[] = [];
  private next = 0;

  /** `key`: the questions, by index; best with those most often without a code first (the look-up stops there). */
  constructor(private readonly key: readonly number[]) {
    this.stored = new Int32Array(ENTRIES * key.length);
    this.probe = new Int32Array(key.length);
  }

  /** The entry for these answers, NOT_FOUND or NO_CODE. */
  find(codes: readonly number[]): number {
    const { key, probe, stored, hashes } = this;
    const k = key.length;
    let hash = 0;
    for (let i = 0; i < k; i += 1) {
      const code = codes[key[i]!]!;
      if (code < 0) return NO_CODE;
      probe[i] = code;
      hash = Math.imul(hash ^ code, 0x9e3779b1);
    }
    this.hash = hash;
    for (let entry = 0, at = 0; entry < this.values.length; entry += 1, at += k) {
      if (hashes[entry] !== hash) continue;
      let i = 0;
      while (i < k && stored[at + i] === probe[i]) i += 1;
      if (i === k) return entry;
    }
    return NOT_FOUND;
  }

  value(entry: number): T {
    return this.values[entry]!;
  }

  /** Remember a value for the answers of the last find() (which found NOT_FOUND), in place of the oldest. */
  remember(value: T): void {
    const entry = this.next;
    this.next = (entry + 1) % ENTRIES;
    this.stored.set(this.probe, entry * this.key.length);
    this.hashes[entry] = this.hash;
    this.values[entry] = value;
  }
}
