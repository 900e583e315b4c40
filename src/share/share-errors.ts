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

/** `unavailable`: the link may well be good, but the app could not load what opens it (offline). */
export type ShareErrorCode = 'notOurs' | 'unsupportedVersion' | 'truncated' | 'tampered' | 'unknownRulebook' | 'invalidAnswers' | 'unavailable';
export type ShareError = {
  code: ShareErrorCode;
  /** Interpolation values of the message (see shareErrorMessage). */
  params: Record<string, string | number>;
  /** For invalidAnswers: each answer that does not fit, with its path (e.g. `answers.kind`). */
  problems: InputProblem[];
};
/**
 * What happens after a broken link: a fresh start; the intro, with this browser's answers to resume; or the
 * interview under way, as it was (a link pasted into the open tab); null: nothing to add (a link pasted
 * into the open tab with no interview under way).
 */
export type AfterShareError = 'fresh' | 'resume' | 'kept';

/** What went wrong with a share link, and what happens now, in the user's language. */
export function shareErrorMessage(error: ShareError, lang: Language, then: AfterShareError | null = 'fresh'): string {
  const t = translator(lang);
  // The app could not load what reads links (whose messages come with it): the app's own message, which says to
  // reload; the link is still in the address bar for that.
  if (error.code === 'unavailable') return t('app.loadFailed');
  const what = t(`exports.share.errors.${error.code}`, error.params);
  if (!then) return what;
  return `${what}${lang === 'zh' ? '' : ' '}${t(`exports.share.then.${then}`, { resume: t('wizard.resume') })}`;
}

/**
 * A fragment as given: `#…`, a whole URL, or the bare fragment. As links come through chats and mail, what a link
 * cannot hold is left out: spaces and line breaks (a mail wrapping it), punctuation after it (the full stop of a
 * message, a closing bracket), each also as the address bar encodes it (%E3%80%82 for "。"). A link is made of
 * base64url and dots only, and its checksum still has to match.
 */
export function fragmentOf(input: string): string {
  let text = input.trim();
  const hash = text.indexOf('#');
  if (hash !== -1) text = text.slice(hash + 1);
  try {
    text = decodeURIComponent(text);
  } catch {
    // A lone "%": left as it is (and refused as a link).
  }
  return text.replace(/\s+/g, '').replace(/[^A-Za-z0-9_-]+$/, '');
}

