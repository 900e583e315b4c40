/**
 * Every error path of the answers file `{ rulebook, answers }`: each problem is reported with its path,
 * all of them at once.
 */
import { answersSchema, parseAnswersFile } from '@/engine';
import { CHINESE_PROBLEMS } from '@/engine/problem-words-zh';
import { fixture } from './helpers';

const parse = (data: unknown) => parseAnswersFile([fixture], data);
const problems = (data: unknown) => {
  const r = parse(data);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

it('accepts a valid file, including "don\'t know" where the question allows it', () => {
  const r = parse({ rulebook: 'demo-packaging', answers: { kind: 'company', located_here: true, degradable: 'dont_know', export_share: 40, staff: 3 } });
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.value.answers).toEqual({ kind: 'company', located_here: true, degradable: 'dont_know', export_share: 40, staff: 3 });
});

it('rejects something that is not an object', () => {
  expect(problems([1, 2])).toEqual([{ path: '(top level)', message: 'expected an object { "rulebook": …, "answers": { … } }, got a list' }]);
});

it('requires the rulebook and names the known ones', () => {
  expect(problems({ answers: {} })).toEqual([{ path: 'rulebook', message: 'missing: name the rulebook these answers are for ("demo-packaging")' }]);
});

it('rejects an unknown rulebook', () => {
  expect(problems({ rulebook: 'tianjin-1999', answers: {} })).toEqual([{ path: 'rulebook', message: 'unknown rulebook "tianjin-1999"; known: demo-packaging' }]);
});

it('requires the answers', () => {
  expect(problems({ rulebook: 'demo-packaging' })).toEqual([{ path: 'answers', message: 'missing: the answers, as question id → answer' }]);
});

it('lists every problem with its path: unknown question, unknown option, wrong types, out of range', () => {
  expect(
    problems({
      rulebook: 'demo-packaging',
      answers: { kind: 'ngo', located_here: 'yes', exports: 1, export_share: 140, staff: 'many', colour: 'green' },
    }),
  ).toEqual([
    { path: 'answers.kind', message: '"ngo" is not an option of "kind"; allowed: company, association' },
    { path: 'answers.located_here', message: 'expected true or false, got the text "yes"' },
    { path: 'answers.exports', message: 'expected true or false, got number 1' },
    { path: 'answers.export_share', message: 'must be at most 100' },
    { path: 'answers.staff', message: 'expected a number, got the text "many"' },
    { path: 'answers.colour', message: 'no such question in rulebook "demo-packaging"' },
  ]);
});

it('refuses a fraction where only whole numbers make sense, and a number too large to be kept exactly', () => {
  expect(problems({ rulebook: 'demo-packaging', answers: { staff: 1.5, export_share: 30 } })).toEqual([{ path: 'answers.staff', message: 'must be a whole number' }]);
  expect(problems({ rulebook: 'demo-packaging', answers: { staff: 1e23 } })).toEqual([{ path: 'answers.staff', message: 'is too large to be kept exactly' }]);
});

it('rejects "don\'t know" where the question does not offer it', () => {
  expect(problems({ rulebook: 'demo-packaging', answers: { kind: 'dont_know' } })[0]).toMatchObject({ path: 'answers.kind' });
});

it('rejects a wrong answer under "don\'t know"-able questions with the question\'s own message', () => {
  expect(problems({ rulebook: 'demo-packaging', answers: { degradable: 'maybe' } })).toEqual([{ path: 'answers.degradable', message: 'expected true or false, got the text "maybe"' }]);
});

it('rejects answers that are not an object', () => {
  expect(problems({ rulebook: 'demo-packaging', answers: 'all yes' })).toEqual([{ path: 'answers', message: 'expected an object of question id → answer, got the text "all yes"' }]);
});

it('rejects an exclusive option ("none of these") chosen with others', () => {
  expect(problems({ rulebook: 'demo-packaging', answers: { materials: ['paper', 'none'] } })).toEqual([{ path: 'answers.materials', message: '"none" is chosen alone, not with other options' }]);
  expect(parse({ rulebook: 'demo-packaging', answers: { materials: ['none'] } }).ok).toBe(true);
});

it('checks many files with one schema per rulebook and language, each in its own words', () => {
  expect(answersSchema(fixture)).toBe(answersSchema(fixture));
  expect(answersSchema(fixture, CHINESE_PROBLEMS)).not.toBe(answersSchema(fixture));
  const wrong = { rulebook: 'demo-packaging', answers: { kind: 'ngo' } };
  for (let i = 0; i < 3; i += 1) {
    expect(parseAnswersFile([fixture], wrong)).toMatchObject({ ok: false, problems: [{ path: 'answers.kind', message: expect.stringContaining('is not an option') }] });
    expect(parseAnswersFile([fixture], wrong, CHINESE_PROBLEMS)).toMatchObject({ ok: false, problems: [{ path: 'answers.kind', message: expect.stringContaining('不是问题') }] });
  }
});
