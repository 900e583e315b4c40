/**
 * Messages of the review screen, which loads lazily: registered under `review` when imported (src/i18n
 * registerMessages), e.g. t('review.title'). Both languages have the same keys (the type checker enforces it).
 */
import { registerMessages } from '../../i18n/index.ts';

const zh = {
  title: '检查您的回答',
  intro: '确认无误后查看结果。点击“修改”可以回到对应问题。',
  change: '修改',
  changeAnswer: '修改：{{question}}',
  seeResults: '查看结果',
  notAnswered: '（未回答）',
};

const en: typeof zh = {
  title: 'Check your answers',
  intro: 'When everything is right, see your results. “Change” takes you back to the question.',
  change: 'Change',
  changeAnswer: 'Change: {{question}}',
  seeResults: 'See results',
  notAnswered: '(not answered)',
};

registerMessages('review', { zh, en });
