export { assess, assessVerdicts, type Assessment, type ClauseResult, type ClauseVerdict, type SupportItemResult, type Verdicts } from './assess.ts';
export { answerStates, type AnswerStates, type MissingAnswer } from './answers-state.ts';
export { evaluate, leaves, decisiveLeaves, cheapestFix, questionsOf, type Truth, type LeafTrace, type EvalNode, type AnswerState } from './evaluate.ts';
export { answersSchema, answerSchema, formatPath, type AnswersFile, type InputProblem, type ParseResult } from './answers-file.ts';
export { parseAnswersFile, toProblems } from './parse-answers.ts';
export { clausesDependingOn } from './dependencies.ts';
