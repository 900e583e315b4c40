/**
 * What the page needs of share links before it decodes one (src/share/share-link.ts, loaded when a link is
 * opened or made): whether a fragment is one, and what went wrong with it, in words.
 */
import type { InputProblem } from '../engine/answers-file.ts';
import { translator, type Language } from '../i18n/index.ts';

export const SHARE_PREFIX = 'psc';

/** Whether a fragment (with or without #) looks like a share link at all, e.g. to decide whether to decode it on load. */
export function isShareFragment(fragment: string): boolean {
  return fragmentOf(fragment).startsWith(SHARE_PREFIX);
}

export type ShareErrorCode = 'notOurs' | 'unsupportedVersion' | 'truncated' | 'tampered' | 'unknownRulebook' | 'invalidAnswers';
export type ShareError = {
  code: ShareErrorCode;
  /** Interpolation values of the message (see shareErrorMessage). */
  params: Record<string, string | number>;
  /** For invalidAnswers: each answer that does not fit, with its path (e.g. `answers.kind`). */
  problems: InputProblem[];
};
/** What went wrong with a share link, in the user's language (it also says the wizard starts afresh). */
export function shareErrorMessage(error: ShareError, lang: Language): string {
  return translator(lang)(`exports.share.errors.${error.code}`, error.params);
}

/** A fragment as given: `#…`, a whole URL, or the bare fragment; surrounding spaces ignored. */
export function fragmentOf(input: string): string {
  const text = input.trim();
  const hash = text.indexOf('#');
  return hash === -1 ? text : text.slice(hash + 1);
}

