import { join } from 'node:path';
import { loadRulebook } from '@/rulebook/load';

export const FIXTURE_DIR = join(process.cwd(), 'tests', 'fixtures', 'rules', 'demo-packaging');

/** The small non-Tianjin rulebook: proves the engine knows nothing about one policy. */
export const fixture = loadRulebook(FIXTURE_DIR);
