/**
 * Puts back the English of the bundled interview part, which the first load goes without (english-split.ts).
 * Imported, once, when English is chosen (src/app-root.tsx registers it with the language) and with the whole
 * rulebooks (the results, reports, workspace and batch, which may show or export English whatever the page's
 * language).
 */
import bundled from 'virtual:rulebooks';
import english from 'virtual:rulebook-english';
import { restoreEnglish } from './english-split';

if (Array.isArray(bundled)) bundled.forEach((rulebook, i) => restoreEnglish(rulebook, english[i] ?? []));
