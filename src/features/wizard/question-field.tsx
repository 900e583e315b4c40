/**
 * One question as a labelled form control: radios, checkboxes, a select, a number or a text field,
 * with its help, "why we ask", an optional "don't know", and its error next to it (its description).
 */
import { Controller, useFormContext, type FieldError, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from '@/i18n/react';
import { localize } from '@/i18n';
import { useLanguage } from '@/app/language';
import { clauseLabel } from '@/rulebook/source';
import { DONT_KNOW } from '@/rulebook/conditions';
import type { InterviewRulebook, Question } from '@/rulebook/schema';
import type { FormValues } from './step-schema';
import { usePasteLimit } from '@/shared/ui/paste-limit';
import { MAX_TEXT } from '@/shared/text';
import type { ReactNode } from 'react';

type Props = { question: Question; rulebook: InterviewRulebook; dependents: number[]; derivedLabel?: string };

/** Radios for short lists, a select for long ones. */
const SELECT_FROM = 9;

export function QuestionField({ question, rulebook, dependents, derivedLabel }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<FormValues>();
  const error = errors[question.id] as FieldError | undefined;
  const id = `q-${question.id}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [question.help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const text = localize(question.label, lang);
  // A label that ends in a bracket of its own takes "optional" inside it: "名称（仅用于报告，选填）", not "名称（仅用于报告） （选填）".
  const closing = question.optional && /[）)]$/.test(text) ? text.slice(-1) : null;
  const label = closing ? (
    <>
      {text.slice(0, -1)}
      <span className="optional">{t('wizard.optionalInside')}</span>
      {closing}
    </>
  ) : (
    <>
      {text}
      {question.optional && <span className="optional"> {t('wizard.optional')}</span>}
    </>
  );

  const extras = (
    <>
      {question.help && (
        <p id={helpId} className="help">
          {localize(question.help, lang)}
        </p>
      )}
      {derivedLabel && <p className="help derived">{t('wizard.derivedHint', { value: derivedLabel })}</p>}
      {error?.message && (
        // Not an alert of its own: the step's summary is the one announced (N problems made N + 1 alerts at once); the
        // field's message is its description, read when the focus reaches it.
        <p id={errorId} className="field-error">
          {error.message}
        </p>
      )}
    </>
  );
  const why = <WhyWeAsk rulebook={rulebook} dependents={dependents} />;

  const options = [...(question.options ?? []).map((o) => ({ value: o.value, label: localize(o.label, lang) }))];
  const invalid = error ? true : undefined;

  if (question.type === 'boolean' || ((question.type === 'single' || question.type === 'district') && options.length < SELECT_FROM)) {
    const choices = question.type === 'boolean' ? [{ value: 'true', label: t('wizard.yes') }, { value: 'false', label: t('wizard.no') }] : options;
    if (question.dontKnow) choices.push({ value: DONT_KNOW, label: t('wizard.dontKnow') });
    return (
      <fieldset className="question" aria-describedby={describedBy} aria-invalid={invalid}>
        <legend>{label}</legend>
        {extras}
        <div className="choices">
          {choices.map((c) => (
            <label key={c.value} className="choice">
              <input type="radio" value={c.value} {...register(question.id)} aria-describedby={error ? errorId : undefined} />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
        {why}
      </fieldset>
    );
  }

  if (question.type === 'single' || question.type === 'district') {
    return (
      <div className="question">
        <label htmlFor={id} className="question-label">
          {label}
        </label>
        {extras}
        <select id={id} {...register(question.id)} aria-describedby={describedBy} aria-invalid={invalid}>
          <option value="">{t('wizard.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {question.dontKnow && <option value={DONT_KNOW}>{t('wizard.dontKnow')}</option>}
        </select>
        {why}
      </div>
    );
  }

  if (question.type === 'multi') {
    // A controlled list of checkboxes.
    const choices = question.dontKnow ? [...options, { value: DONT_KNOW, label: t('wizard.dontKnow') }] : options;
    const alone = new Set([DONT_KNOW, ...(question.options ?? []).filter((o) => o.exclusive).map((o) => o.value)]);
    return (
      <fieldset className="question" aria-describedby={describedBy} aria-invalid={invalid}>
        <legend>{label}</legend>
        {extras}
        <Controller
          control={control}
          name={question.id}
          render={({ field }) => {
            const current = Array.isArray(field.value) ? field.value : [];
            // "Don't know" and exclusive options ("none of these") are chosen alone.
            const toggle = (value: string, checked: boolean) =>
              field.onChange(alone.has(value) ? (checked ? [value] : []) : [...current.filter((v) => !alone.has(v) && v !== value), ...(checked ? [value] : [])]);
            return (
              <div className="choices">
                {choices.map((c, i) => (
                  <label key={c.value} className="choice">
                    <input
                      type="checkbox"
                      name={field.name}
                      value={c.value}
                      ref={i === 0 ? field.ref : undefined}
                      checked={current.includes(c.value)}
                      onChange={(e) => toggle(c.value, e.target.checked)}
                      onBlur={field.onBlur}
                      aria-describedby={error ? errorId : undefined}
                    />
                    <span>{c.label}</span>
                  </label>
                ))}
              </div>
            );
          }}
        />
        {why}
      </fieldset>
    );
  }

  if (question.type === 'number') {
    return (
      <div className="question">
        <label htmlFor={id} className="question-label">
          {label}
        </label>
        {extras}
        <Controller
          control={control}
          name={question.id}
          render={({ field }) => {
            const dontKnow = field.value === DONT_KNOW;
            return (
              <div className="number-row">
                <input
                  id={id}
                  ref={field.ref}
                  name={field.name}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={dontKnow ? '' : (field.value as string)}
                  disabled={dontKnow}
                  onChange={(e) => field.onChange(e.target.value)}
                  onBlur={field.onBlur}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  className="number-input"
                />
                {question.unit && <span className="unit">{localize(question.unit, lang)}</span>}
                {question.dontKnow && (
                  <label className="choice inline">
                    <input type="checkbox" checked={dontKnow} onChange={(e) => field.onChange(e.target.checked ? DONT_KNOW : '')} />
                    <span>{t('wizard.dontKnow')}</span>
                  </label>
                )}
              </div>
            );
          }}
        />
        {why}
      </div>
    );
  }

  return <TextField id={id} label={label} extras={extras} why={why} field={register(question.id)} describedBy={describedBy} invalid={invalid} />;
}

/** A text answer: up to MAX_TEXT characters; a longer text pasted is cut, and the field says so. */
function TextField({ id, label, extras, why, field, describedBy, invalid }: { id: string; label: ReactNode; extras: ReactNode; why: ReactNode; field: UseFormRegisterReturn; describedBy: string | undefined; invalid: boolean | undefined }) {
  const { t } = useTranslation();
  const paste = usePasteLimit();
  const cutId = `${id}-cut`;
  return (
    <div className="question">
      <label htmlFor={id} className="question-label">
        {label}
      </label>
      {extras}
      <input
        id={id}
        type="text"
        maxLength={MAX_TEXT}
        {...field}
        onChange={(e) => {
          paste.onChange(e);
          return field.onChange(e);
        }}
        onPaste={paste.onPaste}
        aria-describedby={[describedBy, paste.cut ? cutId : null].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid}
      />
      {paste.cut && (
        <p id={cutId} className="help">
          {t('wizard.pastedTooLong', { max: MAX_TEXT })}
        </p>
      )}
      {why}
    </div>
  );
}

/** Which clauses depend on this answer, computed from the rules. */
function WhyWeAsk({ rulebook, dependents }: { rulebook: InterviewRulebook; dependents: number[] }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const titles = new Map(rulebook.outline.clauses.map((c) => [c.clause, localize(c.title, lang)]));
  return (
    <details className="why">
      <summary>{t('wizard.whyAsk')}</summary>
      {dependents.length === 0 ? (
        <p>{t('wizard.whyAskContext')}</p>
      ) : (
        <>
          <p>{t('wizard.whyAskClauses')}</p>
          <ul>
            {dependents.map((n) => (
              <li key={n}>
                {clauseLabel(n, lang)} {titles.get(n)}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
