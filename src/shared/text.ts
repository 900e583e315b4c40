/** The first `max` characters of a text, and "…" when there are more (a name or a cell pasted by mistake may hold thousands). */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max).join('')}…`;
}
