import { useTranslation } from 'react-i18next';
import { localize } from '@/i18n';
import type { CompiledRulebook } from '@/rulebook/schema';
import { useLanguage } from './language';

/** The rulebook's title and the first question of its first step. */
export function RulebookHome({ rulebook }: { rulebook: CompiledRulebook }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const step = rulebook.questionnaire.steps[0]!;
  const question = step.questions[0]!;
  return (
    <>
      <h1>{localize(rulebook.meta.title, lang)}</h1>
      <p className="muted">{t('app.issuedBy', { issuer: localize(rulebook.meta.issuer, lang), date: rulebook.meta.issued })}</p>
      {step.intro && <p>{localize(step.intro, lang)}</p>}
      <section aria-labelledby="step-heading" className="card">
        <h2 id="step-heading">{t('shell.firstStep', { title: localize(step.title, lang) })}</h2>
        <fieldset>
          <legend>{localize(question.label, lang)}</legend>
          {question.help && <p className="help">{localize(question.help, lang)}</p>}
          {question.options?.map((o) => (
            <label key={o.value} className="choice">
              <input type="radio" name={question.id} value={o.value} /> {localize(o.label, lang)}
            </label>
          ))}
        </fieldset>
      </section>
    </>
  );
}
