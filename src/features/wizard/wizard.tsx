/**
 * The interview: the machine decides which screen is shown; this component renders it, saves every
 * answer as it is given, and moves focus to each new screen's heading.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assess } from '@/engine';
import { localize } from '@/i18n';
import { formatDate } from '@/i18n/format';
import { useLanguage } from '@/app/language';
import { takeStartRequest } from '@/boot';
import type { CompiledRulebook } from '@/rulebook/schema';
import { createWizardMachine, positionKey, positionOf } from './machine';
import { clearSession, loadSession, saveSession } from './persistence';
import { ReviewScreen } from './review';
import { stepById, stepProgress } from './routing';
import { StepForm } from './step-form';

const ResultsScreen = lazy(() => import('@/features/results/results').then((m) => ({ default: m.ResultsScreen })));

type Notice = 'restored' | 'incompatible' | 'updated' | 'storageFailed' | null;

export function Wizard({ rulebook }: { rulebook: CompiledRulebook }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const machine = useMemo(() => createWizardMachine(rulebook), [rulebook]);
  const [boot] = useState(() => loadSession(rulebook));
  const [notice, setNotice] = useState<Notice>(
    boot.status === 'incompatible' ? 'incompatible' : boot.status === 'restored' ? (boot.rulebookChanged ? 'updated' : 'restored') : null,
  );
  const actor = useActorRef(machine, {
    input: boot.status === 'restored' ? { answers: boot.answers, at: boot.at } : takeStartRequest() ? { at: { at: 'step', step: rulebook.questionnaire.steps[0]!.id } } : {},
  });
  const value = useSelector(actor, (s) => s.value);
  const answers = useSelector(actor, (s) => s.context.answers);
  const returnTo = useSelector(actor, (s) => s.context.returnTo);
  const position = positionOf(value);
  const key = positionKey(position);

  // Save every change of answers or screen.
  useEffect(() => {
    const subscription = actor.subscribe((snapshot) => {
      const ok = saveSession(rulebook, snapshot.context.answers, positionOf(snapshot.value));
      if (!ok) setNotice('storageFailed');
    });
    return () => subscription.unsubscribe();
  }, [actor, rulebook]);

  // Each new screen: focus its heading so keyboard and screen-reader users start there.
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A lazily loaded screen has no heading yet when it is entered: it calls onReady once it has.
  const pendingFocus = useRef(false);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (heading.current) heading.current.focus();
    else pendingFocus.current = true;
  }, [key]);

  const assessment = useMemo(() => assess(rulebook, answers), [rulebook, answers]);
  const decided = assessment.clauses.filter((c) => c.verdict !== 'possible').length;

  const restart = () => {
    clearSession(rulebook);
    setNotice(null);
    actor.send({ type: 'assessment.restart' });
  };

  let screen: React.ReactNode;
  if (position.at === 'intro') {
    const hasAnswers = Object.keys(answers).length > 0;
    screen = (
      <>
        <h1 ref={heading} tabIndex={-1} id="screen-heading">
          {localize(rulebook.meta.title, lang)}
        </h1>
        <p className="muted">{t('app.issuedBy', { issuer: localize(rulebook.meta.issuer, lang), date: formatDate(rulebook.meta.issued, lang) })}</p>
        <p>{t('wizard.intro', { count: rulebook.measures.length })}</p>
        <p className="muted">{t('wizard.introPrivacy')}</p>
        <button type="button" className="button" onClick={() => actor.send({ type: 'wizard.start' })}>
          {hasAnswers ? t('wizard.resume') : t('wizard.start')}
        </button>
      </>
    );
  } else if (position.at === 'step') {
    const step = stepById(rulebook, position.step)!;
    const progress = stepProgress(rulebook, step.id, answers);
    screen = (
      <>
        <p className="progress" aria-live="polite">
          <span>{t('wizard.stepOf', progress)}</span>
          <span className="progress-decided">{t('wizard.decided', { decided, total: assessment.clauses.length })}</span>
        </p>
        <progress className="progress-bar" max={progress.total} value={progress.index} aria-hidden="true" />
        <h1 ref={heading} tabIndex={-1} id="screen-heading">
          {localize(step.title, lang)}
        </h1>
        <StepForm
          key={step.id}
          rulebook={rulebook}
          step={step}
          answers={answers}
          returning={returnTo !== null}
          onChange={(update) => actor.send({ type: 'answer.change', answers: update })}
          onSubmit={(update) => actor.send({ type: 'answer.submit', answers: update })}
          onBack={() => actor.send({ type: 'step.back' })}
        />
      </>
    );
  } else if (position.at === 'review') {
    screen = (
      <ReviewScreen
        headingRef={heading}
        rulebook={rulebook}
        answers={answers}
        onEdit={(step) => actor.send({ type: 'review.edit', step })}
        onBack={() => actor.send({ type: 'step.back' })}
        onConfirm={() => actor.send({ type: 'review.confirm' })}
      />
    );
  } else {
    screen = (
      <Suspense fallback={<p>{t('app.loading')}</p>}>
        <ResultsScreen
          headingRef={heading}
          onReady={() => {
            if (!pendingFocus.current) return;
            pendingFocus.current = false;
            heading.current?.focus();
          }}
          rulebook={rulebook}
          assessment={assessment}
          answers={answers}
          onAnswer={(step) => actor.send({ type: 'review.edit', step, returnTo: 'results' })}
          onReview={() => actor.send({ type: 'results.review' })}
        />
      </Suspense>
    );
  }

  return (
    <div className="wizard" data-screen={key}>
      {notice && (
        <div className={`notice ${notice === 'restored' ? '' : 'warning'}`} role="status">
          <p>{t(`wizard.${notice === 'restored' ? 'savedNotice' : notice === 'updated' ? 'updatedNotice' : notice === 'incompatible' ? 'corruptNotice' : 'storageFailed'}`)}</p>
          <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label={t('punct.dismiss')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      {screen}
      {position.at !== 'intro' && <RestartControl onRestart={restart} />}
    </div>
  );
}

/** "Start again", after confirmation. */
function RestartControl({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <div className="restart">
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          {t('wizard.restart')}
        </button>
      </div>
    );
  return (
    <div className="restart confirm" role="alertdialog" aria-labelledby="restart-question">
      <p id="restart-question">{t('wizard.restartConfirm')}</p>
      <button ref={confirmRef} type="button" className="button danger" onClick={onRestart}>
        {t('wizard.restartYes')}
      </button>{' '}
      <button type="button" className="button secondary" onClick={() => setAsking(false)}>
        {t('wizard.restartNo')}
      </button>
    </div>
  );
}
