/** The longest text answer (a name, a free text): in the interview, answers files and batch files alike. */
export const MAX_TEXT = 2000;

/** As much of a name as a button, a label or a message shows (a name may be MAX_TEXT characters long). */
export const NAME_SHOWN = 60;

/** The first `max` characters of a text, and "…" when there are more (a name or a cell pasted by mistake may hold thousands). */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max).join('')}…`;
}
