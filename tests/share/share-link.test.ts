/**
 * Share links: the answers in the URL fragment. Opening a good link gives back exactly the answers; a link
 * that is not ours, cut off, altered, for another policy or no longer fitting the questionnaire gives a
 * clear message instead (and the app starts afresh).
 */
import { base64url, decodeShareFragment, encodeShareFragment, fromBase64url, isShareFragment, shareErrorMessage, shareUrl, type ShareResult } from '@/share/share-link';
import type { Answers } from '@/rulebook/schema';
import { fixture } from '../engine/helpers';
import { modified } from '../report/helpers';

const answers: Answers = { kind: 'company', located_here: true, company_name: '天津某某自行车有限公司, "总部"', degradable: 'dont_know', exports: true, export_share: 30, staff: 8 };
const fragment = encodeShareFragment(fixture, answers);

function decoded(result: ShareResult) {
  if (!result.ok) throw new Error(`decode failed: ${result.error.code}`);
  return result.value;
}
function failed(result: ShareResult) {
  if (result.ok) throw new Error('expected the link to be refused');
  return result.error;
}

it('round trip: the fragment gives back exactly the answers, for the same rulebook', () => {
  const value = decoded(decodeShareFragment([fixture], fragment));
  expect(value.answers).toEqual(answers);
  expect(value.rulebook).toBe(fixture);
  expect(value.rulebookChanged).toBe(false);
});

it('is URL-safe and compact: only base64url characters, shorter than the answers as URL-encoded JSON', () => {
  expect(fragment).toMatch(/^psc1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  expect(fragment.length).toBeLessThan(encodeURIComponent(JSON.stringify({ rulebook: 'demo-packaging', answers })).length);
  expect(encodeURIComponent(fragment)).toBe(fragment);
});

it('reads the fragment with its #, or in a whole link, and puts it in place of the page’s own fragment', () => {
  const url = shareUrl('https://example.org/self-check/?lang=en#/results', fixture, answers);
  expect(url).toBe(`https://example.org/self-check/?lang=en#${fragment}`);
  expect(decoded(decodeShareFragment([fixture], url)).answers).toEqual(answers);
  expect(decoded(decodeShareFragment([fixture], `#${fragment}`)).answers).toEqual(answers);
  expect(decoded(decodeShareFragment([fixture], `  ${url}\n`)).answers).toEqual(answers);
  expect(isShareFragment(`#${fragment}`)).toBe(true);
  expect(isShareFragment('#/results')).toBe(false);
});

it('works without Node’s Buffer, as in a browser', () => {
  vi.stubGlobal('Buffer', undefined);
  try {
    const again = encodeShareFragment(fixture, answers);
    expect(again).toBe(fragment);
    expect(decoded(decodeShareFragment([fixture], again)).answers).toEqual(answers);
  } finally {
    vi.unstubAllGlobals();
  }
});

it('says when the rules changed since the link was made, and still gives the answers', () => {
  const changed = modified(fixture, () => {}, '0'.repeat(64));
  const value = decoded(decodeShareFragment([changed], fragment));
  expect(value).toMatchObject({ answers, rulebookChanged: true });
});

it('reads a link as chats and mail pass it on: followed by punctuation, wrapped across lines, encoded by the address bar', () => {
  const link = shareUrl('https://example.org/app/', fixture, answers);
  const cut = Math.floor(fragment.length / 2);
  for (const damaged of [`${link}。`, `${link})`, `（${link}）`, `${link}.`, `${link}%E3%80%82`, `${link} \n`, `https://example.org/app/#${fragment.slice(0, cut)}\r\n${fragment.slice(cut)}`, `#${fragment.slice(0, cut)} ${fragment.slice(cut)}`])
    expect(decoded(decodeShareFragment([fixture], damaged)).answers, damaged).toEqual(answers);
});

describe('a link that cannot be used says why', () => {
  const code = (text: string) => failed(decodeShareFragment([fixture], text)).code;

  it('detects any altered character, wherever it is', () => {
    const start = 'psc1.'.length;
    for (let i = start; i < fragment.length; i += 1) {
      if (fragment[i] === '.') continue;
      const other = fragment[i] === 'A' ? 'B' : 'A';
      expect(code(fragment.slice(0, i) + other + fragment.slice(i + 1)), `character ${i}`).toBe('tampered');
    }
    expect(code(fragment.replace('.', '.x'))).toBe('tampered');
    expect(code(`${fragment}A`)).toBe('tampered');
    expect(code(`${fragment}.more`)).toBe('tampered');
    expect(code(fragment.slice(0, 10) + '!' + fragment.slice(11))).toBe('tampered');
    const error = failed(decodeShareFragment([fixture], fragment.slice(0, 20) + (fragment[20] === 'x' ? 'y' : 'x') + fragment.slice(21)));
    expect(shareErrorMessage(error, 'zh')).toBe('这个分享链接已损坏或被修改，无法读取。已为您重新开始。');
    expect(shareErrorMessage(error, 'en')).toBe('This share link is damaged or was altered and cannot be read. You are starting afresh.');
  });

  it('detects a link cut off anywhere', () => {
    for (let length = 'psc'.length; length < fragment.length; length += 1) expect(code(fragment.slice(0, length)), `first ${length} characters`).toBe('truncated');
    const error = failed(decodeShareFragment([fixture], fragment.slice(0, 40)));
    expect(shareErrorMessage(error, 'en')).toBe('This share link is incomplete (it was probably cut off when copied). Copy the whole link and try again. You are starting afresh.');
  });

  it('refuses something that is not a share link at all', () => {
    for (const text of ['', '#', '#/results', 'https://example.org/#section-2', 'hello world', 'pscx.abc.def', 'eyJydWxlYm9vayI6InRpYW5qaW4ifQ']) expect(code(text), text).toBe('notOurs');
    expect(shareErrorMessage(failed(decodeShareFragment([fixture], '#/results')), 'zh')).toBe('这不是“政策自测”的分享链接。已为您重新开始。');
  });

  it('refuses a link of another format version', () => {
    const error = failed(decodeShareFragment([fixture], fragment.replace(/^psc1/, 'psc7')));
    expect(error).toMatchObject({ code: 'unsupportedVersion', params: { version: '7' } });
    expect(shareErrorMessage(error, 'en')).toContain('(version 7)');
  });

  it('refuses a link for a policy this app does not have', () => {
    const other = modified(fixture, (r) => {
      r.meta.id = 'other-city-2024';
    });
    const error = failed(decodeShareFragment([fixture], encodeShareFragment(other, { kind: 'company' })));
    expect(error).toMatchObject({ code: 'unknownRulebook', params: { id: 'other-city-2024' } });
    expect(shareErrorMessage(error, 'zh')).toBe('这个分享链接针对的政策“other-city-2024”在本应用中不存在。已为您重新开始。');
  });

  it('refuses answers that do not fit the questionnaire, listing each with its path', () => {
    const error = failed(decodeShareFragment([fixture], encodeShareFragment(fixture, { kind: 'ngo', export_share: 150 })));
    expect(error.code).toBe('invalidAnswers');
    expect(error.problems).toEqual([
      { path: 'answers.kind', message: '"ngo" is not an option of "kind"; allowed: company, association' },
      { path: 'answers.export_share', message: 'must be at most 100' },
    ]);
    expect(shareErrorMessage(error, 'en')).toBe(
      'The answers in this share link do not fit the current questionnaire (2 problems); the rules may have been updated. You are starting afresh.',
    );
  });
});

it('encodes base64url exactly as RFC 4648 does, and decodes it back', () => {
  for (let n = 0; n < 40; n += 1) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff);
    const text = base64url(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64url'));
    expect(fromBase64url(text)).toEqual(bytes);
  }
  expect(fromBase64url('QQ')).toEqual(new Uint8Array([65]));
  expect(fromBase64url('QR')).toBe('invalid');
  expect(fromBase64url('QUJDR')).toBe('truncated');
  expect(fromBase64url('QU+D')).toBe('invalid');
});
