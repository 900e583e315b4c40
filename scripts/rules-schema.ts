/**
 * npm run rules:schema — write the JSON Schemas of the rulebook files to rules/schema/, generated from
 * the zod schemas, so that an editor (e.g. VS Code with the YAML extension) autocompletes and checks the YAML.
 * A test fails when the committed files are out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/rulebook/json-schema';

const dir = join(process.cwd(), 'rules', 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote rules/schema/${name}`);
}
