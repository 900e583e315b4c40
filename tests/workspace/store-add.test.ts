/**
 * Adding batch members to the workspace: an entry with the same name, answers and rulebook version as one
 * already there is not added again; any difference — a name, an answer, the version — makes it a new entry.
 */
import { addMissing, MemoryStore, savedAssessment } from '@/features/workspace/store';
import type { Answers } from '@/rulebook/schema';
import { fixture } from '../engine/helpers';

const answers: Answers = { kind: 'company', located_here: true, materials: ['paper', 'plastic'] };

it('adds only the entries not already in the workspace, and counts both', async () => {
  const store = new MemoryStore([savedAssessment(fixture, answers, '甲公司')]);
  const result = await addMissing(store, [
    // The same: unanswered questions and the order of a multiple choice's options do not matter.
    // (A batch row leaves its empty cells undefined.)
    savedAssessment(fixture, { located_here: true, kind: 'company', materials: ['plastic', 'paper'], company_name: undefined } as unknown as Answers, '甲公司'),
    savedAssessment(fixture, { ...answers, located_here: false }, '甲公司'),
    savedAssessment(fixture, answers, '乙公司'),
    savedAssessment({ ...fixture, meta: { ...fixture.meta, version: '2.0.0' } }, answers, '甲公司'),
  ]);
  expect(result).toEqual({ added: 3, existing: 1, repeated: 0 });
  const items = await store.list();
  expect(items).toHaveLength(4);
  expect(items.filter((i) => i.name === '甲公司' && i.rulebookVersion === fixture.meta.version && i.answers.located_here === true)).toHaveLength(1);
});

it('writes nothing when every entry is there already', async () => {
  const store = new MemoryStore([savedAssessment(fixture, answers, '甲公司')]);
  const putMany = vi.spyOn(store, 'putMany');
  expect(await addMissing(store, [savedAssessment(fixture, answers, '甲公司')])).toEqual({ added: 0, existing: 1, repeated: 0 });
  expect(putMany).not.toHaveBeenCalled();
});

it('counts an entry given twice once: added, or there already; the second time as a repeat', async () => {
  const store = new MemoryStore([savedAssessment(fixture, answers, '甲公司')]);
  const other = savedAssessment(fixture, answers, '乙公司');
  expect(await addMissing(store, [savedAssessment(fixture, answers, '甲公司'), other, savedAssessment(fixture, answers, '甲公司'), { ...other }])).toEqual({ added: 1, existing: 1, repeated: 2 });
  expect((await store.list()).map((i) => i.name).sort()).toEqual(['乙公司', '甲公司'].sort());
});
