/**
 * A consultant's workspace file must come back whole, however many clients it holds: each entry keeps its
 * answers and its verdicts (what an import compares), not the whole report the rulebook gives again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importWorkspace, workspaceFiles, workspaceJson } from '@/features/workspace/transfer';
import { savedAssessment } from '@/features/workspace/store';
import { loadRulebook } from '@/rulebook/load';
import type { Answers } from '@/rulebook/schema';
import { sampleMembers } from '@/batch';

const tianjin = loadRulebook(join(process.cwd(), 'rules', 'tianjin-2022'));
const bicycles = (JSON.parse(readFileSync(join(process.cwd(), 'rules', 'tianjin-2022', 'examples', 'bicycle-exporter.json'), 'utf8')) as { answers: Answers }).answers;

it('writes each entry with its answers and the verdicts of each clause and support item, about 9 KB', () => {
  const { files } = workspaceFiles([savedAssessment(tianjin, bicycles, '天津某自行车有限公司')], [tianjin], (i) => i.name);
  const [entry] = JSON.parse(workspaceJson(files)) as { answers: Answers; assessment: { clauses: object[]; counts: object } }[];
  expect(entry!.answers).toEqual(bicycles);
  expect(entry!.assessment.clauses[4]).toEqual({
    id: 'm05',
    clause: 5,
    verdict: 'applies',
    supportItems: expect.arrayContaining([{ id: expect.any(String), verdict: 'applies' }]),
  });
  expect(workspaceJson(files).length).toBeLessThan(12_000);
});

it('keeps a workspace of 300 clients in 3 MB (it imports up to 100 MB), and imports it back whole', () => {
  const members = sampleMembers(tianjin, 300, { seed: 11 });
  const items = members.map((m) => savedAssessment(tianjin, m.answers, m.name));
  const { files } = workspaceFiles(items, [tianjin], (i) => i.name);
  const text = workspaceJson(files);
  expect(text.length).toBeLessThan(3 * 1024 * 1024);
  const back = importWorkspace(text, [tianjin], 'zh', (n) => `未命名 ${n}`);
  expect(back.ok && back.items.map((i) => i.answers)).toEqual(items.map((i) => i.answers));
});
