/**
 * The batch result: one row per member, one verdict per clause, the counts — as the association exports it.
 */
import { assess } from '@/engine';
import { assessMembers, batchMatrix, matrixCsv, parseBatchText } from '@/batch';
import { clauseLabel } from '@/rulebook/source';
import { fixture } from './helpers';

const members = () => {
  const file = parseBatchText(
    'name,kind,located_here,degradable,exports,export_share,staff\n' +
      'Green Box Ltd,company,true,true,true,80,10\n' +
      'Broken,nope,true,,,,\n' +
      ',company,true,dont_know,false,,\n' +
      '=cmd|calc,company,false,,,,\n',
    fixture,
  );
  if (!file.ok) throw new Error(file.message);
  return file.members;
};

it('assesses only the valid rows, each as assess() would', () => {
  const results = [...assessMembers(fixture, members())];
  expect(results.map((r) => r.member.row)).toEqual([2, 4, 5]);
  const { inScope, counts, clauses } = assess(fixture, { kind: 'company', located_here: true, degradable: true, exports: true, export_share: 80, staff: 10 });
  expect(results[0]!.verdicts).toEqual({ inScope, counts, clauses: clauses.map(({ id, clause, verdict, nearMiss, missing }) => ({ id, clause, verdict, nearMiss, missing })) });
  expect(results[0]!.row).toEqual({ row: 2, name: 'Green Box Ltd', inScope: true, verdicts: ['applies', 'for_information', 'applies'], counts: { applies: 2, possible: 0, does_not_apply: 0, for_information: 1 } });
});

it('exports the matrix as CSV: BOM, clause columns, verdict words, counts; unnamed members by row; formulas neutralised', () => {
  const matrix = batchMatrix(fixture, members());
  expect(matrix.rulebook).toMatchObject({ id: 'demo-packaging', version: '1.2.3' });
  expect(matrixCsv(matrix, 'en')).toBe(
    '\uFEFF' +
      [
        `Row,Name,${fixture.measures.map((m) => `${clauseLabel(m.clause, 'en')} ${m.title.en}`).join(',')},In scope,Applies,May apply,Does not apply,For information`,
        '2,Green Box Ltd,Applies,For information,Applies,Yes,2,0,0,1',
        '4,Row 4,May apply,For information,May apply,Yes,0,2,0,1',
        "5,'=cmd|calc,Does not apply,For information,Does not apply,No,0,0,2,1",
        '',
      ].join('\r\n'),
  );
  expect(matrixCsv(matrix, 'zh', { values: 'codes', bom: false }).split('\r\n')[1]).toBe('2,Green Box Ltd,applies,for_information,applies,true,2,0,0,1');
});
