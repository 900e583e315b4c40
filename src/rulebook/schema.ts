/**
 * The rulebook format: one zod schema per shape, its inferred type beside it.
 * These schemas validate the YAML under rules/<rulebook>/ at build time and generate
 * the JSON Schemas in rules/schema/ (npm run rules:schema) that editors use to autocomplete.
 * Nothing here knows about a particular policy.
 */
import { z } from 'zod';
import { DONT_KNOW, LEAF_OPERATORS, type Condition as ConditionType } from './conditions.ts';

// The runtime parts of the format the browser needs, without zod (kept out of the app bundle).
export { DONT_KNOW, LEAF_OPERATORS, isLeaf, leafOperator, type Leaf, type LeafOperator } from './conditions.ts';
export type Condition = ConditionType;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, "-" and "_" only (e.g. "export_share")')
  .describe('A stable identifier: lower-case letters, digits, "-" and "_".');

/** Every text a user reads exists in Chinese and English. */
export const LocalizedText = z
  .strictObject({
    zh: z.string().trim().min(1, 'the Chinese text is empty'),
    en: z.string().trim().min(1, 'the English text is empty'),
  })
  .describe('A text in Chinese (zh) and English (en).');
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

// ---------------------------------------------------------------------------------------------
// The condition language (ARCHITECTURE.md "One condition language"): all / any / not over leaves
// that compare one answer with a value.

const COMBINATORS = ['all', 'any', 'not'] as const;

/**
 * One object shape with every key optional, plus a check that exactly one form is used: this gives
 * authors errors like "unrecognized key: iz" at the right path, where a union would report every branch.
 * The recursive TypeScript type is written out above because zod cannot infer recursive types.
 */
const ConditionShape = z
  .strictObject({
    get all() {
      return z.array(Condition).min(1).optional().describe('True when every listed condition holds.');
    },
    get any() {
      return z.array(Condition).min(1).optional().describe('True when at least one listed condition holds.');
    },
    get not() {
      return Condition.optional().describe('True when this condition does not hold.');
    },
    answer: id.optional().describe('The id of the question whose answer is compared.'),
    is: Scalar.optional().describe('The answer equals this value.'),
    in: z.array(Scalar).min(1).optional().describe('The answer is one of these values.'),
    includesAny: z.array(z.string()).min(1).optional().describe('A multiple-choice answer includes at least one of these options.'),
    includesAll: z.array(z.string()).min(1).optional().describe('A multiple-choice answer includes every one of these options.'),
    atLeast: z.number().optional().describe('A number answer is at least this.'),
    atMost: z.number().optional().describe('A number answer is at most this.'),
    answered: z
      .boolean()
      .optional()
      .describe('true: the question has a real answer (not "don\'t know"); false: it has none.'),
  })
  .superRefine((c, ctx) => {
    const keys = Object.keys(c).filter((k) => (c as Record<string, unknown>)[k] !== undefined);
    const combinators = keys.filter((k) => (COMBINATORS as readonly string[]).includes(k));
    const operators = keys.filter((k) => (LEAF_OPERATORS as readonly string[]).includes(k));
    const form = 'a condition is one of: all: [...], any: [...], not: {...}, or answer: <question id> with exactly one of ' + LEAF_OPERATORS.join(', ');
    if (combinators.length > 0) {
      if (keys.length !== 1) ctx.addIssue({ code: 'custom', message: `"${combinators[0]}" cannot be combined with ${keys.filter((k) => k !== combinators[0]).map((k) => `"${k}"`).join(', ')}; ${form}` });
      return;
    }
    if (c.answer === undefined) ctx.addIssue({ code: 'custom', message: `missing "answer"; ${form}` });
    else if (operators.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: operators.length === 0 ? `"answer: ${c.answer}" needs one comparison (${LEAF_OPERATORS.join(', ')})` : `use one comparison per condition, not ${operators.join(' and ')}; wrap several in all: [...]`,
      });
  });

export const Condition = ConditionShape as unknown as z.ZodType<Condition>;

// ---------------------------------------------------------------------------------------------
// rulebook.yaml

export const AUDIENCES = ['enterprise', 'association', 'service_provider', 'government'] as const;
export const Audience = z.enum(AUDIENCES).describe(
  'Who can act on a support item: enterprise, association (industry association / chamber of commerce), service_provider (third-party services, financial institutions), or government (binds public bodies only: shown "for information", never "applies").',
);
export type Audience = z.infer<typeof Audience>;

export const Department = z.strictObject({
  id,
  name: LocalizedText.describe('The name exactly as the source text writes it (zh) and its English rendering.'),
});
export type Department = z.infer<typeof Department>;

export const Section = z.strictObject({
  id: z.string().min(1).describe('The section number as the source writes it, e.g. "一".'),
  title: LocalizedText,
});
export type Section = z.infer<typeof Section>;

export const RulebookMeta = z.strictObject({
  $schema: z.string().optional(),
  id: id.describe('The rulebook id; also its folder name under rules/.'),
  title: LocalizedText.describe('The title of the policy document.'),
  issuer: LocalizedText.describe('Who issued the policy.'),
  issued: z.iso.date('write the date as YYYY-MM-DD').describe('The date the policy was issued (YYYY-MM-DD).'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'write the version as MAJOR.MINOR.PATCH, e.g. 1.0.0').describe('The version of this rulebook (not of the policy).'),
  sourceFile: z.string().default('source.zh.txt').describe('The verbatim policy text, in this folder.'),
  clauseNumbering: z
    .enum(['chinese-parenthesized'])
    .default('chinese-parenthesized')
    .describe('How clauses are numbered in the source: chinese-parenthesized = （一）（二）… at the start of a paragraph.'),
  responsibilityPattern: z
    .string()
    .default('（[^（）]*负责）')
    .describe('A regular expression matching the departments-in-charge notes in the source; these are not sentences to cite.'),
  scope: z
    .strictObject({
      when: Condition.describe('Who the policy covers at all; a respondent for whom this is false gets the notice and no measure applies.'),
      notice: LocalizedText,
    })
    .optional(),
  audiences: z
    .partialRecord(z.enum(['enterprise', 'association', 'service_provider']), Condition)
    .default({})
    .describe('For each audience, the condition a respondent meets to be in it (e.g. the respondent-type answer).'),
  sections: z.array(Section).min(1),
  departments: z.array(Department).min(1).describe('Every body the measures name as responsible.'),
  disclaimer: LocalizedText.describe('Shown on every result and report: this is guidance, not an official determination.'),
  respondentNameQuestion: id
    .optional()
    .describe('The id of the (text, context) question that holds the respondent\'s name, printed on reports and used to tell members apart in a batch.'),
});
export type RulebookMeta = z.infer<typeof RulebookMeta>;

// ---------------------------------------------------------------------------------------------
// measures.yaml

export const SupportItem = z.strictObject({
  id,
  audience: Audience,
  title: LocalizedText,
  benefit: LocalizedText.describe('In plain language: what the respondent can actually get or do.'),
  quotes: z
    .array(z.string().min(1))
    .min(1, 'a support item must quote at least one sentence of the source')
    .describe('The sentence(s) of the source this item rests on, copied verbatim.'),
  quoteTranslations: z
    .array(z.string().min(1))
    .optional()
    .describe('An English rendering of each quote, in the same order; shown beside the Chinese, marked as a translation.'),
  nextSteps: z.array(LocalizedText).default([]).describe('What to do next: which department to approach, what to prepare.'),
  departments: z.array(id).default([]).describe('Department ids (from rulebook.yaml) responsible for the quoted sentences.'),
  when: Condition.optional().describe('The condition under which the item applies. Leave it out for government items.'),
});
export type SupportItem = z.infer<typeof SupportItem>;

export const Measure = z.strictObject({
  id,
  clause: z.number().int().min(1).describe('The clause number: 1 for （一）, 2 for （二）, …'),
  section: z.string().min(1).describe('The section id from rulebook.yaml, e.g. "二".'),
  title: LocalizedText,
  departments: z.array(id).default([]).describe('Department ids named in the clause\'s "（…按职责分工负责）" notes.'),
  supportItems: z.array(SupportItem).min(1, 'a measure needs at least one support item'),
});
export type Measure = z.infer<typeof Measure>;

export const MeasuresFile = z.strictObject({
  $schema: z.string().optional(),
  measures: z.array(Measure).min(1),
});
export type MeasuresFile = z.infer<typeof MeasuresFile>;

// ---------------------------------------------------------------------------------------------
// questionnaire.yaml

export const QUESTION_TYPES = ['single', 'multi', 'boolean', 'number', 'district', 'text'] as const;
export const QuestionType = z.enum(QUESTION_TYPES).describe(
  'single: pick one option; multi: pick any options; boolean: yes/no; number: a number; district: pick a place from the options; text: free text (context only).',
);
export type QuestionType = z.infer<typeof QuestionType>;


export const Option = z.strictObject({
  value: id.refine((v) => v !== DONT_KNOW, `"${DONT_KNOW}" is reserved for the "don't know" answer`),
  label: LocalizedText,
  help: LocalizedText.optional(),
  exclusive: z.boolean().default(false).describe('For multiple choice: this option (e.g. "none of these") is chosen alone.'),
});
export type Option = z.infer<typeof Option>;

export const Question = z.strictObject({
  id,
  type: QuestionType,
  label: LocalizedText,
  help: LocalizedText.optional().describe('Why we ask, or how to answer.'),
  options: z.array(Option).min(2).optional().describe('The choices, for single, multi and district questions.'),
  dontKnow: z.boolean().default(false).describe('Offer "don\'t know" as an answer.'),
  optional: z.boolean().default(false).describe('The respondent may leave it empty.'),
  showIf: Condition.optional().describe('Ask only when this holds; otherwise the answer is ignored.'),
  context: z.boolean().default(false).describe('Asked for the report only (e.g. the company name): no condition needs to use it.'),
  nearMiss: z
    .boolean()
    .default(true)
    .describe('false: the answer is a circumstance (size, location, "was your patent infringed?"), not a choice — results never say "would apply if" you answered it differently.'),
  derivedFrom: id
    .optional()
    .describe('The id of a parameter table (parameters/<id>.yaml) that proposes this answer from earlier answers; the respondent may correct it, and an answers file may leave it out.'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional().describe('Whole numbers only (a count of staff, of shops): 1.5 is refused.'),
  unit: LocalizedText.optional().describe('Shown after a number field, e.g. "%" or "万元".'),
});
export type Question = z.infer<typeof Question>;

export const Step = z.strictObject({
  id,
  title: LocalizedText,
  intro: LocalizedText.optional(),
  showIf: Condition.optional().describe('Show the whole step only when this holds.'),
  questions: z.array(Question).min(1),
});
export type Step = z.infer<typeof Step>;

export const Questionnaire = z.strictObject({
  $schema: z.string().optional(),
  steps: z.array(Step).min(1),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

// ---------------------------------------------------------------------------------------------
// parameters/*.yaml: reference tables that derive an answer from earlier answers (e.g. a size class
// from staff and revenue), each with its legal source and the date it takes effect.

export const ParameterTable = z.strictObject({
  $schema: z.string().optional(),
  id,
  title: LocalizedText,
  reference: LocalizedText.describe('The legal source of the values, e.g. the regulation and its document number.'),
  effective: z.iso.date('write the date as YYYY-MM-DD').describe('The date the values take effect (YYYY-MM-DD).'),
  description: LocalizedText.optional(),
  rows: z
    .array(
      z.strictObject({
        value: z.string().describe('The answer proposed when this row holds (an option of the derived question).'),
        when: Condition,
        note: LocalizedText.optional().describe('The rule in words, as the reference states it.'),
      }),
    )
    .min(1)
    .describe('Tried in order; the first row whose condition holds gives the value.'),
});
export type ParameterTable = z.infer<typeof ParameterTable>;

// ---------------------------------------------------------------------------------------------
// Answers and cases

export const AnswerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const Answers = z.record(z.string(), AnswerValue);
export type Answers = z.infer<typeof Answers>;

export const VERDICTS = ['applies', 'possible', 'does_not_apply', 'for_information'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

export const Case = z.strictObject({
  name: z.string().min(10).describe('A full sentence saying who the respondent is and what they should get.'),
  answers: Answers,
  expect: z.strictObject({
    clauses: z.record(z.string().regex(/^\d+$/, 'use the clause number, e.g. 5'), Verdict).default({}),
    items: z.record(z.string(), Verdict).default({}),
    nearMiss: z.array(z.string()).default([]).describe('Support item ids expected to be near misses.'),
    missing: z.record(z.string(), z.array(z.string())).default({}).describe('Support item id → question ids expected to be missing.'),
  }),
});
export type Case = z.infer<typeof Case>;

export const CasesFile = z.strictObject({
  $schema: z.string().optional(),
  cases: z.array(Case).min(1),
});
export type CasesFile = z.infer<typeof CasesFile>;

// ---------------------------------------------------------------------------------------------
// The compiled rulebook: what the build hands to the browser (and the CLI, and the tests).

export type CompiledRulebook = {
  meta: RulebookMeta;
  source: string;
  measures: Measure[];
  questionnaire: Questionnaire;
  parameters: ParameterTable[];
  /** sha-256 of the rulebook's content (meta, measures, questionnaire, parameters, source), hex. */
  hash: string;
  /** What the interview shows of the measures, worked out from them at compile time (not part of the hash). */
  outline: RulebookOutline;
  /**
   * Example respondents (examples/*.json, checked against the questionnaire; not part of the hash): the
   * members of the batch example file, and answers files to try the CLI on.
   */
  examples?: RulebookExample[];
};

/** An example answers file of a rulebook: its name in examples/ and its answers. */
export type RulebookExample = { file: string; answers: Answers };

export type RulebookOutline = {
  /** The clauses in order, with their titles. */
  clauses: { clause: number; title: LocalizedText }[];
  /** By question id: the clauses whose conditions depend on its answer (the interview's "why we ask"). */
  dependents: Record<string, number[]>;
};

/**
 * What the interview needs, loaded with the first screen: the questionnaire, the meta data but the names the
 * results use (departments, sections, disclaimer), the parameter tables' rows without their documentation.
 * The measures, the source text and the rest follow lazily (src/rulebook/full.tsx). A CompiledRulebook is one too.
 */
export type InterviewRulebook = Omit<CompiledRulebook, 'measures' | 'source' | 'meta' | 'parameters' | 'examples'> & { meta: InterviewMeta; parameters: ParameterRows[] };
export type InterviewMeta = Omit<RulebookMeta, 'departments' | 'sections' | 'disclaimer'>;
/** A rulebook as the choice of policy shows it. */
export type RulebookSummary = { id: string; title: LocalizedText };
/** What evaluating a parameter table needs: its rows' values and conditions, in order. */
export type ParameterRows = { id: string; rows: Pick<ParameterTable['rows'][number], 'value' | 'when'>[] };
