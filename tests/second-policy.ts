/**
 * rules/ with a second policy, as a rule author starts one: the Tianjin folder copied under another id (in its
 * rulebook.yaml and its examples), and another title when given. Returns the new rules folder.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rulesWithSecondPolicy(rulesDir: string, title?: { zh: string; en: string }): string {
  cpSync(join(process.cwd(), 'rules', 'tianjin-2022'), join(rulesDir, 'tianjin-2022'), { recursive: true });
  const folder = join(rulesDir, 'second-policy');
  cpSync(join(process.cwd(), 'rules', 'tianjin-2022'), folder, { recursive: true });
  const meta = join(folder, 'rulebook.yaml');
  let text = readFileSync(meta, 'utf8').replace(/^id: tianjin-2022$/m, 'id: second-policy');
  if (title) text = text.replace(/^( {2}zh: ).*$/m, `$1${title.zh}`).replace(/^( {2}en: ).*$/m, `$1${title.en}`);
  writeFileSync(meta, text);
  for (const name of readdirSync(join(folder, 'examples'))) {
    const example = join(folder, 'examples', name);
    writeFileSync(example, readFileSync(example, 'utf8').replace('"rulebook": "tianjin-2022"', '"rulebook": "second-policy"'));
  }
  return rulesDir;
}
