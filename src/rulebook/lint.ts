/**
 * Cross-file checks of a rulebook that a schema alone cannot express: ids unique, every reference
 * resolves, every comparison fits its question, every quote is verbatim and from its own clause.
 * Whether every clause and sentence is covered is coverage.ts's business (npm run rules:check).
 * Pure: takes the parsed files, returns problems with the file and the path inside it.
 */
import { isLeaf, leafOperator, type Condition, type MeasuresFile, type ParameterTable, type Question, type Questionnaire, type RulebookMeta } from './schema.ts';
import { clausesOf, squash } from './source.ts';

export type RulebookProblem = { file: string; path: (string | number)[]; message: string };

export type RulebookFiles = {
  meta: RulebookMeta;
  measures: MeasuresFile;
  questionnaire: Questionnaire;
  parameters?: ParameterTable[];
  /** The file name of each parameter table, for messages. */
  parameterFiles?: string[];
  source: string;
};

const OPERATOR_TYPES: Record<string, Question['type'][]> = {
  is: ['single', 'district', 'boolean', 'number', 'text'],
  in: ['single', 'district', 'number'],
  includesAny: ['multi'],
  includesAll: ['multi'],
  atLeast: ['number'],
  atMost: ['number'],
  answered: ['single', 'multi', 'boolean', 'number', 'district', 'text'],
};

export function lintRulebook({ meta, measures, questionnaire, parameters = [], parameterFiles = [], source }: RulebookFiles): RulebookProblem[] {
  const problems: RulebookProblem[] = [];
  const M = 'measures.yaml';
  const Q = 'questionnaire.yaml';
  const R = 'rulebook.yaml';

  // Questions, in order; a show-condition may only refer to questions asked before it.
  const questions = new Map<string, { question: Question; index: number }>();
  const usedQuestions = new Set<string>();
  const usedTables = new Set<string>();
  let index = 0;
  const stepIds = new Set<string>();
  questionnaire.steps.forEach((step, s) => {
    if (stepIds.has(step.id)) problems.push({ file: Q, path: ['steps', s, 'id'], message: `step id "${step.id}" is used twice` });
    stepIds.add(step.id);
    const stepStart = index;
    if (step.showIf) checkCondition(step.showIf, Q, ['steps', s, 'showIf'], stepStart);
    step.questions.forEach((q, i) => {
      const path = ['steps', s, 'questions', i];
      if (questions.has(q.id)) problems.push({ file: Q, path: [...path, 'id'], message: `question id "${q.id}" is used twice` });
      const needsOptions = q.type === 'single' || q.type === 'multi' || q.type === 'district';
      if (needsOptions && !q.options) problems.push({ file: Q, path, message: `a ${q.type} question needs options` });
      if (!needsOptions && q.options) problems.push({ file: Q, path: [...path, 'options'], message: `a ${q.type} question takes no options` });
      const values = new Set<string>();
      q.options?.forEach((o, k) => {
        if (o.exclusive && q.type !== 'multi') problems.push({ file: Q, path: [...path, 'options', k, 'exclusive'], message: 'only options of multi questions can be exclusive' });
        if (values.has(o.value)) problems.push({ file: Q, path: [...path, 'options', k, 'value'], message: `option "${o.value}" is listed twice` });
        values.add(o.value);
      });
      if (q.type !== 'number' && (q.min !== undefined || q.max !== undefined || q.unit || q.integer !== undefined)) problems.push({ file: Q, path, message: 'min, max, integer and unit belong to number questions only' });
      if (q.showIf) checkCondition(q.showIf, Q, [...path, 'showIf'], index);
      // The app marks an optional question itself (（选填） / (optional)): a label that says so too says it twice.
      if (q.optional && (/可选|选填/.test(q.label.zh) || /\boptional\b/i.test(q.label.en ?? '')))
        problems.push({ file: Q, path: [...path, 'label'], message: 'an optional question\'s label need not say it is optional: the app adds "（选填）" / "(optional)"' });
      if (q.derivedFrom) {
        const t = parameters.findIndex((p) => p.id === q.derivedFrom);
        const table = parameters[t];
        if (!table) problems.push({ file: Q, path: [...path, 'derivedFrom'], message: `no parameter table "${q.derivedFrom}" in parameters/` });
        else {
          const file = parameterFiles[t] ?? `parameters/${table.id}.yaml`;
          usedTables.add(table.id);
          table.rows.forEach((row, r) => {
            if (!values.has(row.value)) problems.push({ file, path: ['rows', r, 'value'], message: `"${row.value}" is not an option of "${q.id}" (${[...values].join(', ')})` });
            // The inputs of a derived answer are asked before it, like a show-condition's.
            checkCondition(row.when, file, ['rows', r, 'when'], index);
          });
        }
      }
      questions.set(q.id, { question: q, index });
      index += 1;
    });
  });

  // Rulebook metadata.
  if (meta.respondentNameQuestion) {
    const q = questions.get(meta.respondentNameQuestion)?.question;
    if (!q) problems.push({ file: R, path: ['respondentNameQuestion'], message: `no question "${meta.respondentNameQuestion}" in questionnaire.yaml` });
    else if (q.type !== 'text') problems.push({ file: R, path: ['respondentNameQuestion'], message: `"${q.id}" must be a text question` });
    else usedQuestions.add(q.id);
  }
  if (meta.scope) checkCondition(meta.scope.when, R, ['scope', 'when']);
  for (const [audience, condition] of Object.entries(meta.audiences)) if (condition) checkCondition(condition, R, ['audiences', audience]);
  const departments = new Map(meta.departments.map((d) => [d.id, d]));
  const sections = new Set(meta.sections.map((s) => s.id));
  if (departments.size !== meta.departments.length) problems.push({ file: R, path: ['departments'], message: 'a department id is used twice' });

  // Measures.
  const clauses = clausesOf(source, meta);
  const clauseByNumber = new Map(clauses.map((c) => [c.number, c]));
  const measureIds = new Set<string>();
  const itemIds = new Set<string>();
  const clauseNumbers = new Set<number>();
  const squashedSource = squash(source);
  measures.measures.forEach((measure, m) => {
    const path = ['measures', m];
    if (measureIds.has(measure.id)) problems.push({ file: M, path: [...path, 'id'], message: `measure id "${measure.id}" is used twice` });
    measureIds.add(measure.id);
    if (clauseNumbers.has(measure.clause)) problems.push({ file: M, path: [...path, 'clause'], message: `clause ${measure.clause} has two measures` });
    clauseNumbers.add(measure.clause);
    const clause = clauseByNumber.get(measure.clause);
    if (!clause) problems.push({ file: M, path: [...path, 'clause'], message: `the source has no clause ${measure.clause}` });
    if (!sections.has(measure.section)) problems.push({ file: M, path: [...path, 'section'], message: `unknown section "${measure.section}"; rulebook.yaml lists ${[...sections].join(', ')}` });
    else if (clause && clause.section !== measure.section) problems.push({ file: M, path: [...path, 'section'], message: `clause ${measure.clause} is in section ${clause.section} of the source, not ${measure.section}` });
    const checkDepartments = (ids: string[], at: (string | number)[]) =>
      ids.forEach((id, d) => {
        const dept = departments.get(id);
        if (!dept) problems.push({ file: M, path: [...at, d], message: `unknown department "${id}"; add it to rulebook.yaml departments` });
        else if (clause && !squash(clause.responsibilities.join('')).includes(squash(dept.name.zh)))
          problems.push({ file: M, path: [...at, d], message: `"${dept.name.zh}" is not named in clause ${measure.clause}'s "（…负责）" notes` });
      });
    checkDepartments(measure.departments, [...path, 'departments']);
    measure.supportItems.forEach((item, i) => {
      const ipath = [...path, 'supportItems', i];
      if (itemIds.has(item.id)) problems.push({ file: M, path: [...ipath, 'id'], message: `support item id "${item.id}" is used twice` });
      itemIds.add(item.id);
      checkDepartments(item.departments, [...ipath, 'departments']);
      item.quotes.forEach((quote, k) => {
        const q = squash(quote);
        if (!squashedSource.includes(q))
          problems.push({ file: M, path: [...ipath, 'quotes', k], message: `not found verbatim in ${meta.sourceFile}: "${quote.slice(0, 60)}${quote.length > 60 ? '…' : ''}"${departure(q, clause ? squash(clause.text) : squashedSource, clause ? `clause ${measure.clause}` : 'the source')}` });
        else if (clause && !squash(clause.text).includes(q)) problems.push({ file: M, path: [...ipath, 'quotes', k], message: `this quote is not from clause ${measure.clause}` });
      });
      if (item.quoteTranslations && item.quoteTranslations.length !== item.quotes.length)
        problems.push({ file: M, path: [...ipath, 'quoteTranslations'], message: `give one translation per quote: ${item.quotes.length} quote(s), ${item.quoteTranslations.length} translation(s)` });
      if (item.audience === 'government' && item.when) problems.push({ file: M, path: [...ipath, 'when'], message: 'a government item is for information only: it takes no condition' });
      if (item.audience !== 'government' && !item.when && !meta.audiences[item.audience]) problems.push({ file: M, path: ipath, message: 'this item has no condition and its audience none either: it would apply to everyone' });
      if (item.when) checkCondition(item.when, M, [...ipath, 'when']);
      if (item.audience !== 'government' && item.nextSteps.length === 0) problems.push({ file: M, path: [...ipath, 'nextSteps'], message: 'say what the respondent should do next' });
    });
  });
  parameters.forEach((p, t) => {
    if (!usedTables.has(p.id)) problems.push({ file: parameterFiles[t] ?? `parameters/${p.id}.yaml`, path: ['id'], message: `no question is derivedFrom "${p.id}"` });
  });
  for (const [id, { question, index: i }] of questions)
    if (!usedQuestions.has(id) && !question.context)
      problems.push({ file: Q, path: pathOfQuestion(questionnaire, i), message: `question "${id}" is used by no condition; use it, remove it, or mark it "context: true"` });
  for (const [file, doc] of [[R, meta], [M, measures], [Q, questionnaire]] as const) escapedQuotes(doc, file, [], problems);

  return problems;

  function checkCondition(condition: Condition, file: string, path: (string | number)[], before?: number): void {
    if (!isLeaf(condition)) {
      if ('all' in condition) condition.all.forEach((c, i) => checkCondition(c, file, [...path, 'all', i], before));
      else if ('any' in condition) condition.any.forEach((c, i) => checkCondition(c, file, [...path, 'any', i], before));
      else checkCondition(condition.not, file, [...path, 'not'], before);
      return;
    }
    usedQuestions.add(condition.answer);
    const found = questions.get(condition.answer) ?? (before === undefined ? findLater(condition.answer) : undefined);
    if (!found) {
      const later = findLater(condition.answer);
      problems.push({
        file,
        path: [...path, 'answer'],
        message: later ? `a show-condition or a derived answer may only use questions asked before it; "${condition.answer}" comes later` : `no question "${condition.answer}" in questionnaire.yaml`,
      });
      return;
    }
    const { question } = found;
    const op = leafOperator(condition);
    if (!OPERATOR_TYPES[op]?.includes(question.type)) {
      problems.push({ file, path: [...path, op], message: `"${op}" does not fit the ${question.type} question "${question.id}"` });
      return;
    }
    const expected = (condition as Record<string, unknown>)[op];
    const values = question.options?.map((o) => o.value);
    const list = Array.isArray(expected) ? expected : [expected];
    if (values && op !== 'answered')
      list.forEach((v, k) => {
        if (!values.includes(v as string)) problems.push({ file, path: Array.isArray(expected) ? [...path, op, k] : [...path, op], message: `"${String(v)}" is not an option of "${question.id}" (${values.join(', ')})` });
      });
    if (question.type === 'boolean' && op === 'is' && typeof expected !== 'boolean') problems.push({ file, path: [...path, op], message: `"${question.id}" is a yes/no question: compare with true or false` });
    if (question.type === 'number' && list.some((v) => typeof v !== 'number')) problems.push({ file, path: [...path, op], message: `"${question.id}" is a number question: compare with a number` });
  }

  function findLater(id: string) {
    for (const step of questionnaire.steps) for (const q of step.questions) if (q.id === id) return { question: q, index: -1 };
    return undefined;
  }
}

function pathOfQuestion(questionnaire: Questionnaire, index: number): (string | number)[] {
  let i = 0;
  for (const [s, step] of questionnaire.steps.entries())
    for (const [k] of step.questions.entries()) {
      if (i === index) return ['steps', s, 'questions', k, 'id'];
      i += 1;
    }
  return ['steps'];
}

/**
 * A text with a backslash before a quote: in a YAML value not in double quotes the backslash is kept, and the
 * app would show it (`working with the \"Three Sames\"`).
 */
function escapedQuotes(value: unknown, file: string, path: (string | number)[], problems: RulebookProblem[]): void {
  if (typeof value === 'string') {
    if (value.includes('\\"'))
      problems.push({ file, path, message: 'a backslash before a quote is shown as it is: write the quote alone, or the whole value in double quotes ("… \\"…\\" …")' });
  } else if (Array.isArray(value)) value.forEach((v, i) => escapedQuotes(v, file, [...path, i], problems));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) escapedQuotes(v, file, [...path, k], problems);
}

/**
 * Where a quote not found verbatim leaves the text it should come from (its clause): the longest start of the quote
 * found there, and what follows in each, so that a long quote need not be compared by hand. Whitespace is squashed in
 * both (see squash).
 */
export function departure(quote: string, text: string, where: string): string {
  // The longest start of the quote found in the text (a start found implies every shorter one is).
  let [found, missing] = [0, quote.length];
  while (missing - found > 1) {
    const mid = Math.floor((found + missing) / 2);
    if (text.includes(quote.slice(0, mid))) found = mid;
    else missing = mid;
  }
  if (found === 0) return `; ${where} has no "${quote[0]}"`;
  const at = text.indexOf(quote.slice(0, found)) + found;
  const around = (t: string, from: number) => `"${t.slice(from, from + 12)}${t.length > from + 12 ? '…' : ''}"`;
  const then = at >= text.length ? `${where} ends` : `${where} has ${around(text, at)}`;
  return `; it follows ${where} as far as "${found > 12 ? '…' : ''}${quote.slice(Math.max(0, found - 12), found)}", then the quote has ${around(quote, found)} where ${then}`;
}
