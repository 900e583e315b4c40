/**
 * The problems of answers and answers files in Chinese (see problem-words.ts), for imports and share links in
 * the Chinese interface. Apart from the English words, which the first load needs for saved sessions.
 */
import type { z } from 'zod';
import { ENGLISH_PROBLEMS, shown, type ProblemWords } from './problem-words.ts';

export const CHINESE_PROBLEMS: ProblemWords = {
  describe(input) {
    if (input === null) return '空值（null）';
    if (Array.isArray(input)) return '一个列表';
    if (typeof input === 'string') return `文字 ${shown(input)}`;
    if (typeof input === 'object') return '一个对象';
    if (input === undefined) return '空缺';
    if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
    if (typeof input === 'number') return `数字 ${JSON.stringify(input)}`;
    if (typeof input === 'boolean') return `${input ? 'true' : 'false'}（是/否）`;
    return JSON.stringify(input) ?? String(input);
  },
  required: '必须填写',
  notOption: (input, question, allowed, dontKnow) => `${input} 不是问题“${question}”的选项；可选：${allowed}${dontKnow ? '；也可以整题填 "dont_know"（不清楚）' : ''}`,
  expectedOption: (got) => `应为选项编号（文字），实为${got}`,
  expectedList: (got) => `应为选项列表，实为${got}`,
  chosenAlone: (options) => `${options} 只能单独选择，不能与其他选项同选`,
  expectedBoolean: (got) => `应为 true 或 false（是或否），实为${got}`,
  atLeast: (min) => `不能小于 ${min}`,
  atMost: (max) => `不能大于 ${max}`,
  wholeNumber: '应为整数',
  tooLarge: '数字过大，无法准确保存',
  expectedNumber: (got) => `应为数字，实为${got}`,
  expectedText: (got) => `应为文字，实为${got}`,
  textTooLong: (max) => `不能超过 ${max} 个字符`,
  noSuchQuestion: (rulebook) => `规则库“${rulebook}”中没有这个问题`,
  expectedAnswers: (got) => `应为“问题编号 → 回答”的对象，实为${got}`,
  missingRulebook: (known) => `缺少规则库名称：请写明这些回答属于哪个规则库（${known}）`,
  expectedRulebookId: (got) => `应为规则库编号，实为${got}`,
  expectedAnswersFile: (got) => `应为 { "rulebook": …, "answers": { … } } 形式的对象，实为${got}`,
  unknownRulebook: (id, known) => `未知的规则库“${id}”；本应用中有：${known}`,
  missingAnswers: '缺少回答：应为“问题编号 → 回答”',
  emptyFile: '文件是空的',
  notText: '不是文本文件（可能是图片、PDF 或压缩包）',
  notJson: (detail) => `不是有效的 JSON：${detail}`,
  expectedFormat: (format) => `应为 "${format}"`,
  newerVersion: (version, supported) => `版本 ${version} 比本应用支持的 ${supported} 新`,
  structure: structureProblem,
};

/** Kinds of value as zod names them (an issue's `expected`), in words. */
const KINDS: Record<string, string> = { string: '文字', number: '数字', int: '整数', boolean: 'true 或 false（是或否）', object: '对象', array: '列表', null: '空值（null）' };

/**
 * An exported file's structure problems (zod's issues) in Chinese, in the words of the problems above; zod's own
 * English for the rare kinds a file can hardly have.
 */
function structureProblem(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? CHINESE_PROBLEMS.required : `应为${KINDS[issue.expected] ?? issue.expected}，实为${CHINESE_PROBLEMS.describe(issue.input)}`;
    case 'invalid_value':
      return `应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一，实为${CHINESE_PROBLEMS.describe(issue.input)}`;
    case 'unrecognized_keys':
      return `多余的字段：${issue.keys.join('、')}`;
    case 'too_small':
      return typeof issue.minimum === 'number' && issue.origin === 'number' ? CHINESE_PROBLEMS.atLeast(issue.minimum) : undefined;
    case 'too_big':
      return typeof issue.maximum === 'number' && issue.origin === 'number' ? CHINESE_PROBLEMS.atMost(issue.maximum) : undefined;
    default:
      return undefined;
  }
}

/** The problems' words in the interface's language. */
export function problemWords(lang: 'zh' | 'en'): ProblemWords {
  return lang === 'zh' ? CHINESE_PROBLEMS : ENGLISH_PROBLEMS;
}
