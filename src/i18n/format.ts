/** Dates and numbers as each language writes them (Intl), e.g. 2022年5月17日 / 17 May 2022. */
import { languageTag, type Language } from './languages.ts';

/** A calendar date (YYYY-MM-DD), without shifting it by the time zone. */
export function formatDate(isoDate: string, lang: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(languageTag(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(languageTag(lang)).format(value);
}
