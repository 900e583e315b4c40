/**
 * English counts read as English: "1 clause", "2 clauses" — never "1 clauses" or "1 members".
 */
import { translator } from '@/i18n';
import '@/i18n/english';
import '@/features/results/messages';
import '@/features/batch/messages';
import '@/features/workspace/messages';

const en = translator('en');

it('says one in the singular and any other number in the plural', () => {
  expect(en('results.groupCount', { count: 1 })).toBe('1 clause');
  expect(en('results.groupCount', { count: 0 })).toBe('0 clauses');
  expect(en('results.groupCount', { count: 12 })).toBe('12 clauses');
  expect(en('batch.ui.summary', { valid: 1, invalid: 1, warnings: 0 })).toBe('1 member valid and assessed; 1 row with errors (not assessed); 0 warnings.');
  expect(en('batch.ui.addedExisting', { count: 2, existing: 1 })).toBe('2 members added to the workspace; 1 was already there (same name, answers and policy version) and was not added again.');
  expect(en('workspace.imported', { count: 1 })).toBe('1 assessment imported.');
});

it('leaves Chinese, which has no plural, as it is', () => {
  expect(translator('zh')('results.groupCount', { count: 1 })).toBe('1 条');
});
