/**
 * The rulebooks the app offers. With one, its interview part comes with the first screen. With several (the
 * built app), the first screen is the choice of policy, from their titles alone, and the interview parts load
 * once one is chosen, or a share link, the workspace or the batch view needs them (src/rulebook/vite-plugin.ts).
 */
import { trackSettled } from '@/rulebook/full';
import type { InterviewRulebook, RulebookSummary } from '@/rulebook/schema';

/** What the app is given: the interview parts, or the choice of policy and how to load them. */
export type Rulebooks = InterviewRulebook[] | { catalogue: RulebookSummary[]; load: () => Promise<InterviewRulebook[]> };

export class RulebookSource {
  readonly catalogue: RulebookSummary[];
  /** The interview parts, once loaded (from the start when given). */
  loaded: InterviewRulebook[] | null;
  private pending: Promise<InterviewRulebook[]> | null = null;
  private failed = false;
  private readonly loader: () => Promise<InterviewRulebook[]>;

  constructor(rulebooks: Rulebooks) {
    if (Array.isArray(rulebooks)) {
      this.catalogue = rulebooks.map((r) => ({ id: r.meta.id, title: r.meta.title }));
      this.loaded = rulebooks;
      this.loader = () => Promise.resolve(rulebooks);
    } else {
      this.catalogue = rulebooks.catalogue;
      this.loaded = null;
      this.loader = rulebooks.load;
    }
  }

  /**
   * The interview parts, loaded once. A failed load stays failed (a screen that suspends on it shows the failure
   * rather than asking again and again) until asked `again`, as a user's next choice does.
   */
  load(again = false): Promise<InterviewRulebook[]> {
    if (again && this.failed) this.pending = null;
    if (!this.pending) {
      this.failed = false;
      const pending = trackSettled(this.loader().then((all) => (this.loaded = all)));
      pending.catch(() => (this.failed = true));
      this.pending = pending;
    }
    return this.pending;
  }
}
