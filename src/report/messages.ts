/**
 * Messages only explanations and reports say (results, the printable report, Markdown and CSV reports, the
 * CLI): they load with src/report, not with the first screen. Both languages have the same keys (the type
 * checker enforces it).
 *
 * `report`: the reports' headings and labels, registered under `report` (e.g. t('report.title')).
 *
 * `condition`: what a comparison expects, in explanations (e.g. t('condition.atLeast')); `audience`: who a
 * support item is for.
 *
 * `conditionNot`: what a comparison under `not` expects (LeafTrace.negated: the condition needs the comparison NOT to hold),
 * e.g. `not: { answer: staff_count, atLeast: 300 }` reads "is less than 300". Registered under `conditionNot`
 * when imported (src/i18n registerMessages), beside the core catalogue's `condition.*`: only explanations
 * (results, reports, the CLI) say these, so they load with explain.ts, not with the first screen. `answered`
 * has none: under `not` it swaps condition.answeredTrue and condition.answeredFalse.
 */
import { registerMessages } from '../i18n/index.ts';

const zh = {
  is: '不为“{{expected}}”',
  in: '不为以下任一项：{{expected}}',
  includesAny: '不包括以下任何一项：{{expected}}',
  includesAll: '不同时包括以下全部：{{expected}}',
  atLeast: '低于 {{expected}}',
  atMost: '高于 {{expected}}',
};

const en: typeof zh = {
  is: 'is not “{{expected}}”',
  in: 'is none of: {{expected}}',
  includesAny: 'includes none of: {{expected}}',
  includesAll: 'does not include all of: {{expected}}',
  atLeast: 'is less than {{expected}}',
  atMost: 'is more than {{expected}}',
};

registerMessages('conditionNot', { zh, en });

const reportZh = {
  title: '政策自测报告',
  respondent: '评估对象',
  anonymous: '（未填写名称）',
  date: '日期',
  rulebook: '规则库',
  policy: '政策',
  summary: '结论汇总',
  clause: '条款',
  clauseTitle: '标题',
  verdict: '结论',
  applying: '适用的措施',
  possibleSection: '可能适用的措施（还需补充信息）',
  nearMisses: '差一点适用',
  /** The summary table's mark of a clause with a near miss. */
  nearMissMark: '差一点适用',
  /** The section of the items that nearly apply, under their clauses (whose own verdict may be any). */
  nearMissSection: '差一点适用的支持事项',
  notApplying: '不适用的措施',
  information: '仅供了解（政府部门的工作）',
  benefit: '可以获得',
  why: '判断依据',
  missing: '还需回答',
  missingDontKnow: '您回答了“不清楚”',
  wouldApplyIf: '如果“{{question}}”{{expected}}，则可能适用',
  quote: '政策原文',
  departments: '责任部门',
  nextSteps: '下一步',
  answers: '附录：您的回答',
  question: '问题',
  yourAnswer: '回答',
  disclaimer: '免责声明',
  outOfScope: '适用范围',
  none: '无',
  printNow: '打印 / 保存为 PDF',
  itemCount: '{{count}} 项支持措施',
  counts: '适用 {{applies}} 条 · 可能适用 {{possible}} 条 · 不适用 {{does_not_apply}} 条 · 仅供了解 {{for_information}} 条',
};

const reportEn: typeof reportZh = {
  title: 'Policy Self-Check report',
  respondent: 'Respondent',
  anonymous: '(no name given)',
  date: 'Date',
  rulebook: 'Rulebook',
  policy: 'Policy',
  summary: 'Summary',
  clause: 'Clause',
  clauseTitle: 'Title',
  verdict: 'Verdict',
  applying: 'Measures that apply',
  possibleSection: 'Measures that may apply (more information needed)',
  nearMisses: 'Near misses',
  nearMissMark: 'near miss',
  nearMissSection: 'Support items that nearly apply',
  notApplying: 'Measures that do not apply',
  information: 'For information (work of government bodies)',
  benefit: 'What you can get',
  why: 'Why',
  missing: 'Still to answer',
  missingDontKnow: 'you answered “don’t know”',
  wouldApplyIf: 'Would apply if “{{question}}” {{expected}}',
  quote: 'Policy text',
  departments: 'Responsible departments',
  nextSteps: 'Next steps',
  answers: 'Appendix: your answers',
  question: 'Question',
  yourAnswer: 'Answer',
  disclaimer: 'Disclaimer',
  outOfScope: 'Scope',
  none: 'None',
  printNow: 'Print / save as PDF',
  itemCount: '{{count}} support items',
  counts: 'Applies {{applies}} · may apply {{possible}} · does not apply {{does_not_apply}} · for information {{for_information}}',
};

registerMessages('report', { zh: reportZh, en: reportEn });

const conditionZh = {
  is: '为“{{expected}}”',
  in: '为以下之一：{{expected}}',
  includesAny: '包括以下任一项：{{expected}}',
  includesAll: '包括以下全部：{{expected}}',
  atLeast: '至少 {{expected}}',
  atMost: '至多 {{expected}}',
  answeredTrue: '已回答',
  answeredFalse: '未回答',
  listSeparator: '、',
  /** Between the options of a multiple choice: option labels hold 、 and commas themselves (商超、百货、零售批发商). */
  optionSeparator: '；',
};

const conditionEn: typeof conditionZh = {
  is: 'is “{{expected}}”',
  in: 'is one of: {{expected}}',
  includesAny: 'includes any of: {{expected}}',
  includesAll: 'includes all of: {{expected}}',
  atLeast: 'is at least {{expected}}',
  atMost: 'is at most {{expected}}',
  answeredTrue: 'is answered',
  answeredFalse: 'is not answered',
  listSeparator: ', ',
  optionSeparator: '; ',
};

registerMessages('condition', { zh: conditionZh, en: conditionEn });

const audienceZh = {
  enterprise: '企业',
  association: '行业协会、商会',
  service_provider: '服务机构、金融机构',
  government: '政府部门',
};

const audienceEn: typeof audienceZh = {
  enterprise: 'Companies',
  association: 'Associations and chambers of commerce',
  service_provider: 'Service providers and financial institutions',
  government: 'Government bodies',
};

registerMessages('audience', { zh: audienceZh, en: audienceEn });
