/** The English catalogue, added when imported: by the language switch, the reports, the CLI and the tests. */
import { addLanguage } from './index.ts';
import { en } from './locales/en.ts';

addLanguage('en', en);
