/**
 * Dates read as each language writes them in a long date (2022年5月17日, May 17, 2022) — written out by the
 * app rather than made by Intl.DateTimeFormat, whose first use is slow (src/i18n/format.ts): checked against it.
 */
import { formatDate } from '@/i18n/format';

it('writes every day of four years as Intl does in Chinese and in English, leap days included', () => {
  const differences: string[] = [];
  for (let time = Date.UTC(2022, 0, 1); time < Date.UTC(2026, 0, 1); time += 86_400_000) {
    const date = new Date(time);
    const iso = date.toISOString().slice(0, 10);
    for (const [lang, tag] of [['zh', 'zh-CN'], ['en', 'en']] as const) {
      const intl = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
      if (formatDate(iso, lang) !== intl) differences.push(`${iso} ${lang}: ${formatDate(iso, lang)}, Intl ${intl}`);
    }
  }
  expect(differences).toEqual([]);
  expect(formatDate('2022-05-17', 'zh')).toBe('2022年5月17日');
  expect(formatDate('2024-02-29', 'en')).toBe('February 29, 2024');
});

it('leaves what is not a calendar date as it is', () => {
  expect(formatDate('2023-02-29', 'zh')).toBe('2023-02-29');
  expect(formatDate('2022-13-01', 'en')).toBe('2022-13-01');
  expect(formatDate('17 May 2022', 'en')).toBe('17 May 2022');
});
