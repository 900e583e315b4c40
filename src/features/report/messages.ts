/**
 * Messages of the exports (issue 5: reports consultants can hand over): the CSV report, the JSON file and
 * its import, share links and the CLI's --format csv / --out. Shared by the app and the CLI; registered under
 * `exports` when imported (src/i18n registerMessages), e.g. t('exports.share.errors.tampered'). Both languages have the same keys
 * (the type checker enforces it).
 */
import { registerMessages, type SameKeys } from '../../i18n/index.ts';

const zh = {
  csv: {
    clause: '条款',
    clauseTitle: '条款标题',
    itemId: '支持措施编号',
    itemTitle: '支持措施',
    audience: '适用对象',
    verdict: '结论',
    reason: '判断依据',
    departments: '责任部门',
    quotes: '政策原文',
    translation: '译文',
    forInformation: '本项是政府部门的工作，仅供了解。',
    noReason: '无需任何条件。',
  },
  file: {
    emptyFile: '文件是空的。',
    notJson: '这不是 JSON 文件：可能选错了文件，或文件没有完整保存。',
    notExport: '这不是“政策自测”导出的评估文件。请选择从本应用下载的 JSON 文件。',
    spreadsheet: '这是表格文件（CSV 或 Excel），不是评估文件。会员名单请在“批量评估”中导入。',
    workspaceFile: '这是工作区导出的文件（{{count}} 个评估），不是单个评估文件。请在“工作区”中用“导入工作区文件”打开它。',
    newerVersion: '此文件由更新版本的“政策自测”导出（格式版本 {{version}}），本版本无法读取。',
    malformed: '评估文件已损坏或被修改（{{count}} 处问题）。',
    unknownRulebook: '此文件针对的政策“{{id}}”在本应用中不存在；已有：{{known}}。',
    invalidAnswers: '文件中的回答与当前问卷不符（{{count}} 处问题）。',
    rulebookChanged: '此文件基于规则库 {{was}}，现已按当前规则库 {{now}} 重新评估。以下条款的结论有变化：',
    rulebookChangedNoDiff: '此文件基于规则库 {{was}}，现已按当前规则库 {{now}} 重新评估；各条款的结论没有变化。',
    clause: '条款',
    was: '原结论',
    now: '现结论',
    absent: '（无此条款）',
  },
  share: {
    copied: '分享链接已复制。链接中包含您的全部回答，只在打开链接的浏览器中读取，不会发送到服务器。',
    rulebookChanged: '分享链接生成后，政策规则库已更新；这些回答已按当前规则重新评估。',
    errors: {
      notOurs: '这不是“政策自测”的分享链接。',
      unsupportedVersion: '这个分享链接由更新或更旧版本的“政策自测”生成（版本 {{version}}），无法读取。',
      truncated: '这个分享链接不完整（可能在复制时被截断）。请复制完整的链接再试。',
      tampered: '这个分享链接已损坏或被修改，无法读取。',
      unknownRulebook: '这个分享链接针对的政策“{{id}}”在本应用中不存在。',
      invalidAnswers: '这个分享链接中的回答与当前问卷不符（{{count}} 处问题），可能是规则库已更新。',
    },
    /** What happens next, after the error (see shareErrorMessage). */
    then: {
      fresh: '已为您重新开始。',
      resume: '您在本浏览器中的回答仍然保留，可点击“{{resume}}”接着填写。',
      kept: '您正在进行的自测没有改变。',
    },
  },
  cli: {
    usage: '用法：npm run assess -- <answers.json|answers.yaml|导出的评估.json|-> [--format json|md|csv] [--lang zh|en] [--out 输出文件]\n批量评估会员文件：npm run assess -- --batch 会员.csv …（选项见 npm run assess -- --batch --help）',
    wrote: '已写入 {{file}}（{{format}}，{{bytes}} 字节）',
    invalid: '{{file}} 不是有效的回答文件（{{count}} 处问题）',
    unreadable: '无法读取 {{file}}：{{reason}}',
    notYaml: '不是有效的 YAML：{{detail}}',
    spreadsheet: '{{file}} 是表格文件，不是回答文件。批量评估会员名单：npm run assess -- --batch {{file}}',
  },
};

const en: SameKeys<typeof zh> = {
  csv: {
    clause: 'Clause',
    clauseTitle: 'Clause title',
    itemId: 'Support item id',
    itemTitle: 'Support item',
    audience: 'For',
    verdict: 'Verdict',
    reason: 'Why',
    departments: 'Responsible departments',
    quotes: 'Policy text',
    translation: 'Translation',
    forInformation: 'This is work of government bodies, for information only.',
    noReason: 'No condition to meet.',
  },
  file: {
    emptyFile: 'The file is empty.',
    notJson: 'This is not a JSON file: perhaps the wrong file was chosen, or it was not saved completely.',
    notExport: 'This is not an assessment file exported by Policy Self-Check. Choose a JSON file downloaded from this app.',
    spreadsheet: 'This is a spreadsheet (CSV or Excel), not an assessment file. Import a list of members under “Batch”.',
    workspaceFile: 'This is a workspace file ({{count}} {{count|assessment|assessments}}), not a single assessment. Open it under “Workspace” with “Import a workspace file”.',
    newerVersion: 'This file was exported by a newer Policy Self-Check (format version {{version}}) and cannot be read here.',
    malformed: 'The assessment file is damaged or was edited ({{count}} {{count|problem|problems}}).',
    unknownRulebook: 'The file is for the policy "{{id}}", which this app does not have; known: {{known}}.',
    invalidAnswers: 'The answers in the file do not fit the current questionnaire ({{count}} {{count|problem|problems}}).',
    rulebookChanged: 'The file was made with rulebook {{was}}; it has been assessed again under the current rulebook {{now}}. These clauses changed:',
    rulebookChangedNoDiff: 'The file was made with rulebook {{was}}; it has been assessed again under the current rulebook {{now}}; no clause changed its verdict.',
    clause: 'Clause',
    was: 'Was',
    now: 'Now',
    absent: '(no such clause)',
  },
  share: {
    copied: 'Share link copied. It holds all your answers; they are read only in the browser that opens it and never sent to a server.',
    rulebookChanged: 'The policy rules were updated after this link was made; the answers were assessed again under the current rules.',
    errors: {
      notOurs: 'This is not a Policy Self-Check share link.',
      unsupportedVersion: 'This share link was made by a newer or older Policy Self-Check (version {{version}}) and cannot be read.',
      truncated: 'This share link is incomplete (it was probably cut off when copied). Copy the whole link and try again.',
      tampered: 'This share link is damaged or was altered and cannot be read.',
      unknownRulebook: 'This share link is for the policy "{{id}}", which this app does not have.',
      invalidAnswers: 'The answers in this share link do not fit the current questionnaire ({{count}} {{count|problem|problems}}); the rules may have been updated.',
    },
    then: {
      fresh: 'You are starting afresh.',
      resume: 'Your answers in this browser are kept: press “{{resume}}” to carry on.',
      kept: 'Your interview is as it was.',
    },
  },
  cli: {
    usage: 'Usage: npm run assess -- <answers.json|answers.yaml|exported-assessment.json|-> [--format json|md|csv] [--lang zh|en] [--out file]\nA file of members: npm run assess -- --batch members.csv … (its options: npm run assess -- --batch --help)',
    wrote: 'Wrote {{file}} ({{format}}, {{bytes}} bytes)',
    invalid: '{{file}} is not a valid answers file ({{count}} {{count|problem|problems}})',
    unreadable: 'cannot read {{file}}: {{reason}}',
    notYaml: 'not valid YAML: {{detail}}',
    spreadsheet: '{{file}} is a spreadsheet, not an answers file. To assess a list of members: npm run assess -- --batch {{file}}',
  },
};

export const reportMessages = { zh, en };
registerMessages('exports', reportMessages);
