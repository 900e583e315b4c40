/** Dates and numbers as each language writes them, e.g. 2022年5月17日 / May 17, 2022. */
import { languageTag, type Language } from './languages.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A calendar date (YYYY-MM-DD) as Intl's long date style writes it in each language, without shifting it by the
 * time zone. Written out rather than asked of Intl.DateTimeFormat: making the first one costs the first screen
 * the app renders ~60 ms of main thread (~230 ms at 4× CPU throttling, traced in Chromium) for two patterns.
 */
export function formatDate(isoDate: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  if (!year || !month || !day || month > 12 || day > daysIn(year, month)) return isoDate;
  return lang === 'zh' ? `${year}年${month}月${day}日` : `${MONTHS[month - 1]} ${day}, ${year}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(languageTag(lang)).format(value);
}
