/**
 * What both CLI commands say about their command line and their files, in the language of --lang (Chinese by
 * default, as the reports): registered under `cli` when imported, e.g. t('cli.unknownOption', { option }).
 * Both languages have the same keys (the type checker enforces it).
 */
import { registerMessages, type SameKeys } from '../i18n/index.ts';

const zh = {
  needsValue: '{{name}} 后面需要一个值',
  unknownOption: '没有 {{option}} 这个选项',
  oneOf: '{{name}} 只能是 {{allowed}} 之一，不能是“{{value}}”',
  outNeedsFile: '--out 后面需要一个文件名，不能是“{{value}}”',
  wouldOverwrite: '--out {{out}} 会覆盖{{input}}',
  answersFile: '回答文件',
  batchFile: '会员文件',
  nameAnswersFile: '请指定一个回答文件，或用 - 表示从标准输入读取',
  oneAnswersFile: '只能指定一个回答文件，收到了“{{first}}”和“{{second}}”',
  nameBatchFile: '请指定一个会员文件（CSV 或 Excel .xlsx），或用 - 表示从标准输入读取',
  oneBatchFile: '只能指定一个会员文件，收到了“{{first}}”和“{{second}}”',
  cannotWrite: '无法写入 {{file}}：{{reason}}',
  reason: {
    noSuchFile: '文件不存在',
    notAFile: '这是一个文件夹，不是文件',
    noSuchFolder: '所在文件夹不存在',
    isFolder: '这是一个文件夹',
    cannotCreate: '不能在这个文件夹里创建文件',
    permissionDenied: '没有写入权限',
    diskFull: '磁盘已满',
  },
};

const en: SameKeys<typeof zh> = {
  needsValue: '{{name}} needs a value',
  unknownOption: 'unknown option {{option}}',
  oneOf: '{{name}} must be one of {{allowed}}, not "{{value}}"',
  outNeedsFile: '--out needs a file name, not "{{value}}"',
  wouldOverwrite: '--out {{out}} would overwrite {{input}}',
  answersFile: 'the answers file',
  batchFile: 'the batch file',
  nameAnswersFile: 'name an answers file, or - for standard input',
  oneAnswersFile: 'only one answers file, got "{{first}}" and "{{second}}"',
  nameBatchFile: 'name a batch file (CSV or Excel .xlsx), or - for standard input',
  oneBatchFile: 'only one batch file, got "{{first}}" and "{{second}}"',
  cannotWrite: 'cannot write {{file}}: {{reason}}',
  reason: {
    noSuchFile: 'no such file',
    notAFile: 'it is a folder, not a file',
    noSuchFolder: 'no such folder',
    isFolder: 'it is a folder',
    cannotCreate: 'a file cannot be created in that folder',
    permissionDenied: 'permission denied',
    diskFull: 'the disk is full',
  },
};

export const cliMessages = { zh, en };
registerMessages('cli', cliMessages);
