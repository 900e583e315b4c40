/**
 * What the workspace reads back from the browser's storage (IndexedDB keeps each entry as it was written, and
 * every entry read is checked against SavedAssessmentSchema): entries written by an earlier version of the app
 * still load, under the name they were saved with.
 */
import { entryName, SavedAssessmentSchema } from '@/features/workspace/store';
import '@/features/workspace/messages';
import { translator } from '@/i18n';

/** A batch member without a name, as the app wrote it before it kept the member's row: named in the language of the day. */
const earlier = {
  id: 'a1',
  name: '第 3 行',
  rulebookId: 'demo-packaging',
  rulebookVersion: '1.2.3',
  rulebookHash: 'abc',
  answers: { kind: 'company', located_here: true },
  savedAt: '2026-01-02T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

it('reads an entry saved before members kept their row, under the name it was saved with, in either language', () => {
  const read = SavedAssessmentSchema.safeParse(earlier);
  expect(read.success && read.data).toEqual(earlier);
  expect(entryName(earlier, translator('en'))).toBe('第 3 行');
});

it('reads a member saved without a name with its row, and names it by the row in the language on screen', () => {
  const stored = { ...earlier, id: 'a2', unnamedRow: 3 };
  const read = SavedAssessmentSchema.safeParse(stored);
  expect(read.success && read.data).toEqual(stored);
  expect(entryName(stored, translator('en'))).toBe('Row 3');
  expect(entryName(stored, translator('zh'))).toBe('第 3 行');
});
