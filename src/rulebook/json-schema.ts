import { z } from 'zod';
import { CasesFile, MeasuresFile, ParameterTable, Questionnaire, RulebookMeta } from './schema.ts';

/** The JSON Schema of each rulebook file, by file name under rules/schema/. */
export function jsonSchemas(): Record<string, unknown> {
  const of = (schema: z.ZodType, title: string) => ({ title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) });
  return {
    'rulebook.schema.json': of(RulebookMeta, 'rulebook.yaml: the policy document and its metadata'),
    'measures.schema.json': of(MeasuresFile, 'measures.yaml: clauses, support items, conditions and quotes'),
    'questionnaire.schema.json': of(Questionnaire, 'questionnaire.yaml: steps and questions'),
    'parameter-table.schema.json': of(ParameterTable, 'parameters/*.yaml: reference tables that derive an answer'),
    'cases.schema.json': of(CasesFile, 'cases/*.yaml: scenario cases with expected verdicts'),
  };
}
