/**
 * The saved assessment file: a consultant exports it, reopens it later (maybe after the rules changed)
 * and gets the same verdicts, or sees per clause what the new rules changed.
 */
import { assess } from '@/engine';
import { CHINESE_PROBLEMS } from '@/engine/problem-words-zh';
import { compareAssessments, exportFileName, exportJson, importErrorMessage, importJson, type ImportResult } from '@/report/export-file';
import type { Answers } from '@/rulebook/schema';
import { fixture } from '../engine/helpers';
import { modified } from './helpers';

const valid: Answers = { kind: 'company', located_here: true, company_name: '示例包装有限公司', degradable: false, exports: true, export_share: 30 };
const saved = (rulebook = fixture, a: Answers = valid) =>
  exportJson({ rulebook, assessment: assess(rulebook, a), answers: a, respondentName: ' 示例包装有限公司 ', exportedAt: '2026-01-02T03:04:05.000Z' });

function imported(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed: ${result.error.code} ${JSON.stringify(result.error.problems)}`);
  return result.value;
}
function failed(result: ImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
}

it('writes the format, the rulebook id, version and hash, the answers, the respondent and the Assessment the CLI prints', () => {
  const file = JSON.parse(saved());
  expect(file).toMatchObject({
    format: 'policy-self-check/assessment',
    formatVersion: 1,
    exportedAt: '2026-01-02T03:04:05.000Z',
    rulebook: { id: 'demo-packaging', version: '1.2.3', hash: fixture.hash },
    answers: valid,
    respondentName: '示例包装有限公司',
  });
  expect(file.assessment).toEqual(JSON.parse(JSON.stringify(assess(fixture, valid))));
  expect(saved().endsWith('}\n')).toBe(true);
});

it('takes the respondent from the name question when none is given, and leaves it out when there is none', () => {
  const named = exportJson({ rulebook: fixture, assessment: assess(fixture, valid), answers: valid, respondentName: '  ' });
  expect(JSON.parse(named).respondentName).toBe('示例包装有限公司');
  const { company_name: _, ...anonymous } = valid;
  const text = exportJson({ rulebook: fixture, assessment: assess(fixture, anonymous), answers: anonymous });
  expect(JSON.parse(text)).not.toHaveProperty('respondentName');
  expect(Date.parse(JSON.parse(text).exportedAt)).not.toBeNaN();
});

it('round trip: export → import gives the same answers and the same verdicts, with nothing changed', () => {
  const dontKnow: Answers = { kind: 'company', located_here: true, degradable: 'dont_know', exports: false };
  for (const a of [valid, dontKnow]) {
    const value = imported(importJson([fixture], saved(fixture, a)));
    expect(value.answers).toEqual(a);
    expect(value.assessment).toEqual(assess(fixture, a));
    expect(value.assessment.clauses.map((c) => c.verdict)).toEqual(JSON.parse(saved(fixture, a)).assessment.clauses.map((c: { verdict: string }) => c.verdict));
    expect(value).toMatchObject({ rulebookChanged: false, changes: [], respondentName: '示例包装有限公司', exportedAt: '2026-01-02T03:04:05.000Z' });
    expect(value.previous).toEqual({ id: 'demo-packaging', version: '1.2.3', hash: fixture.hash });
    expect(value.rulebook).toBe(fixture);
  }
});

it('reads a file with a BOM, as some editors save it', () => {
  expect(imported(importJson([fixture], `\uFEFF${saved()}`)).rulebookChanged).toBe(false);
});

it('assesses again under changed rules and says per clause what changed, was → now', () => {
  // The new rules lower the export share of clause 1's second item from 50 % to 25 %.
  const changed = modified(fixture, (r) => {
    r.meta.version = '1.3.0';
    r.measures[0]!.supportItems[1]!.when = { all: [{ answer: 'exports', is: true }, { answer: 'export_share', atLeast: 25 }] };
  });
  const value = imported(importJson([changed], saved()));
  expect(value.rulebookChanged).toBe(true);
  expect(value.previous).toEqual({ id: 'demo-packaging', version: '1.2.3', hash: fixture.hash });
  expect(value.assessment.rulebook).toMatchObject({ version: '1.3.0', hash: changed.hash });
  expect(value.changes).toEqual([
    {
      id: 'c1',
      clause: 1,
      title: { zh: '支持企业使用绿色包装', en: 'Supporting green packaging' },
      was: 'does_not_apply',
      now: 'applies',
      items: [{ id: 'c1-export-standard', title: { zh: '采用国际绿色包装标准', en: 'International green packaging standards' }, was: 'does_not_apply', now: 'applies' }],
    },
  ]);
});

it('says nothing changed when the rules changed but no verdict did', () => {
  const reworded = modified(fixture, (r) => {
    r.meta.disclaimer.zh = '仅供参考，以主管部门解释为准。';
  });
  expect(imported(importJson([reworded], saved()))).toMatchObject({ rulebookChanged: true, changes: [] });
});

it('reports clauses the new rules added or removed', () => {
  const withoutClause2 = modified(fixture, (r) => {
    r.measures = r.measures.filter((m) => m.clause !== 2);
  });
  expect(imported(importJson([withoutClause2], saved())).changes).toEqual([
    { id: 'c2', clause: 2, title: { zh: '加强监督检查', en: 'Inspections' }, was: 'for_information', now: null, items: [{ id: 'c2-inspections', title: { zh: '包装抽查', en: 'Packaging spot checks' }, was: 'for_information', now: null }] },
  ]);
  const now = assess(fixture, valid);
  expect(compareAssessments({ clauses: now.clauses.slice(1) }, now)).toEqual([expect.objectContaining({ id: 'c1', was: null, now: 'does_not_apply' })]);
});

it('accepts a plain answers file { rulebook, answers } too, with nothing to compare', () => {
  const value = imported(importJson([fixture], JSON.stringify({ rulebook: 'demo-packaging', answers: valid })));
  expect(value).toMatchObject({ previous: null, rulebookChanged: false, changes: [], exportedAt: undefined });
  expect(value.assessment).toEqual(assess(fixture, valid));
});

describe('a file that cannot be used gives a clear message and every problem with its path', () => {
  it('is not JSON', () => {
    const error = failed(importJson([fixture], '{"format": "policy-self-check/assessment",'));
    expect(error.code).toBe('notJson');
    expect(importErrorMessage(error, 'en')).toBe('This is not a JSON file: perhaps the wrong file was chosen, or it was not saved completely.');
    // The parser's own words stay with the problem, for the CLI and the curious.
    expect(error.problems[0]!.path).toBe('(file)');
    expect(error.problems[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('is not text at all (a photo renamed .json): says so, rather than quoting its bytes', () => {
    const png = String.fromCharCode(0x89) + 'PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR';
    // As the browser reads it as text: bytes that are not UTF-8 become U+FFFD.
    const error = failed(importJson([fixture], new TextDecoder().decode(Uint8Array.from(png, (c) => c.charCodeAt(0)))));
    expect(error.code).toBe('notJson');
    expect(error.problems).toEqual([{ path: '(file)', message: 'not a text file (an image, a PDF or an archive, perhaps)' }]);
  });

  it('is empty', () => {
    for (const text of ['', '\uFEFF', '  \n']) {
      const error = failed(importJson([fixture], text));
      expect(error.code).toBe('emptyFile');
      expect(importErrorMessage(error, 'zh')).toBe('文件是空的。');
    }
  });

  it('is some other JSON', () => {
    for (const text of ['[1,2]', '{"name": "x"}', '"text"', 'null']) {
      const error = failed(importJson([fixture], text));
      expect(error.code).toBe('notExport');
      expect(importErrorMessage(error, 'zh')).toBe('这不是“政策自测”导出的评估文件。请选择从本应用下载的 JSON 文件。');
    }
  });

  it('comes from a newer version of the app', () => {
    const error = failed(importJson([fixture], JSON.stringify({ ...JSON.parse(saved()), formatVersion: 2 })));
    expect(error.code).toBe('newerVersion');
    expect(importErrorMessage(error, 'en')).toBe('This file was exported by a newer Policy Self-Check (format version 2) and cannot be read here.');
  });

  it('is damaged or edited', () => {
    const file = JSON.parse(saved());
    delete file.exportedAt;
    file.rulebook.hash = 42;
    file.assessment.clauses[0].verdict = 'maybe';
    const error = failed(importJson([fixture], JSON.stringify(file)));
    expect(error.code).toBe('malformed');
    expect(error.problems.map((p) => p.path)).toEqual(['exportedAt', 'rulebook.hash', 'assessment.clauses[0].verdict']);
    expect(importErrorMessage(error, 'en')).toBe('The assessment file is damaged or was edited (3 problems).');
  });

  it('is damaged or edited, its problems in the Chinese interface in Chinese', () => {
    const file = JSON.parse(saved());
    delete file.exportedAt;
    file.assessment.clauses[0].verdict = 'maybe';
    file.rulebook.hash = 42;
    const error = failed(importJson([fixture], JSON.stringify(file), CHINESE_PROBLEMS));
    expect(error.problems).toEqual([
      { path: 'exportedAt', message: '必须填写' },
      { path: 'rulebook.hash', message: '应为文字，实为数字 42' },
      { path: 'assessment.clauses[0].verdict', message: '应为 "applies"、"possible"、"does_not_apply"、"for_information" 之一，实为文字 "maybe"' },
    ]);
  });

  it('is for a policy this app does not have', () => {
    const file = JSON.parse(saved());
    file.rulebook.id = 'shanghai-2030';
    const error = failed(importJson([fixture], JSON.stringify(file)));
    expect(error).toMatchObject({ code: 'unknownRulebook', params: { id: 'shanghai-2030', known: 'demo-packaging' } });
    expect(importErrorMessage(error, 'zh')).toBe('此文件针对的政策“shanghai-2030”在本应用中不存在；已有：demo-packaging。');
  });

  it('has answers that do not fit the questionnaire', () => {
    const file = JSON.parse(saved());
    file.answers = { ...valid, kind: 'ngo', staff: 'dont_know', wat: 1 };
    const error = failed(importJson([fixture], JSON.stringify(file)));
    expect(error.code).toBe('invalidAnswers');
    expect(error.problems).toEqual([
      { path: 'answers.kind', message: '"ngo" is not an option of "kind"; allowed: company, association' },
      { path: 'answers.staff', message: 'expected a number, got the text "dont_know"' },
      { path: 'answers.wat', message: 'no such question in rulebook "demo-packaging"' },
    ]);
    expect(importErrorMessage(error, 'en')).toBe('The answers in the file do not fit the current questionnaire (3 problems).');
  });
});

it('names downloads after the rulebook, the date and the respondent, without characters file systems refuse', () => {
  expect(exportFileName({ rulebookId: 'tianjin-2022', date: '2026-01-02' }, 'csv')).toBe('policy-self-check_tianjin-2022_2026-01-02.csv');
  expect(exportFileName({ rulebookId: 'tianjin-2022', date: '2026-01-02', respondentName: ' 天津/某某 "自行车" 公司 ' }, 'json')).toBe('policy-self-check_tianjin-2022_2026-01-02_天津某某-自行车-公司.json');
  // A name ending in a dot ("Co.") gives no ".." before the extension.
  expect(exportFileName({ rulebookId: 'tianjin-2022', date: '2026-01-02', respondentName: 'Tianjin Velo Works Co.' }, 'json')).toBe('policy-self-check_tianjin-2022_2026-01-02_Tianjin-Velo-Works-Co.json');
});
