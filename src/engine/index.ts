export { assess, type Assessment, type ClauseResult, type SupportItemResult } from './assess';
export { answerStates, type AnswerStates, type MissingAnswer } from './answers-state';
export { evaluate, leaves, decisiveLeaves, cheapestFix, questionsOf, type Truth, type LeafTrace, type EvalNode, type AnswerState } from './evaluate';
export { parseAnswersFile, answersSchema, answerSchema, formatPath, toProblems, type AnswersFile, type InputProblem, type ParseResult } from './answers-file';
