// The check questions at the end of a lesson. A choice question marks the picked answer right or
// wrong at once and shows that choice's explanation; a live question loads its run, shows the
// slider it asks about, and checks the live model (config, latest telemetry and instruments) on
// every store change: `.ok` once it passes, `.hint` until then. The logic: src/lessons/questions.ts.
import { useId, useState } from 'react';
import { appStore, useApp } from '../store';
import { configFrom } from '../store/page-config';
import { answerChoice, checkLive, choiceKey, questionKey, type ChoiceQuestion, type LiveQuestion } from '../lessons/questions';
import type { LessonQuestion } from '../lessons/types';
import type { MessageKey } from '../i18n';
import { controls } from '../store/controls';
import { LessonControlView } from './LessonControls';
import { useInstrumentsWanted } from './LessonWidgets';
import { RichText } from './RichText';
import { useT } from './hooks';

function ChoiceView({ q, n }: { q: ChoiceQuestion; n: number }) {
  const t = useT();
  const name = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const verdict = picked ? answerChoice(q, picked) : null;
  return (
    <fieldset className="question" data-testid={`question-${q.id}`} data-kind="choice" data-state={verdict ? (verdict.correct ? 'right' : 'wrong') : 'open'}>
      <legend className="question-q"><span className="question-n">{n}.</span> <RichText text={t(questionKey(q) as MessageKey)} /></legend>
      <div className="question-choices">
        {q.choices.map((c) => {
          const mark = picked === c ? (c === q.answer ? ' right' : ' wrong') : '';
          return (
            <label key={c} className={`question-choice${mark}`} data-choice={c}>
              <input type="radio" name={name} value={c} checked={picked === c} data-testid={`choice-${q.id}-${c}`} onChange={() => setPicked(c)} />
              <span><RichText text={t(choiceKey(q, c) as MessageKey)} plainTerms /></span>
            </label>
          );
        })}
      </div>
      {verdict && (
        <p className={`question-feedback ${verdict.correct ? 'right' : 'wrong'}`} role="status" data-testid={`feedback-${q.id}`}>
          <strong>{verdict.correct ? `✓ ${t('lesson.q.correct')}` : `✗ ${t('lesson.q.wrong')}`}</strong>{' '}
          <RichText text={t(verdict.whyKey as MessageKey)} />
        </p>
      )}
    </fieldset>
  );
}

function LiveVerdictView({ q }: { q: LiveQuestion }) {
  const t = useT();
  const config = useApp((s) => s.config);
  const telemetry = useApp((s) => s.telemetry.latest);
  const instruments = useApp((s) => s.instruments.latest);
  const verdict = checkLive(q, { config, telemetry, instruments });
  return (
    <p className={`question-feedback ${verdict.pass ? 'right' : 'open'}`} role="status" data-testid={`feedback-${q.id}`} data-pass={verdict.pass ? '1' : '0'}>
      <strong>{verdict.pass ? `✓ ${t('lesson.q.pass')}` : `… ${t('lesson.q.notYet')}`}</strong>{' '}
      <RichText text={t(verdict.key as MessageKey)} />
    </p>
  );
}

function LiveView({ q, n }: { q: LiveQuestion; n: number }) {
  const t = useT();
  const [active, setActive] = useState(false);
  useInstrumentsWanted(active);
  const load = () => {
    const s = appStore().getState();
    if (!s.catalog) return;
    s.setConfig(configFrom(s.catalog, q.preset));
    setActive(true);
    if (!s.run.wantPlaying) controls().play();
  };
  return (
    <section className="question" data-testid={`question-${q.id}`} data-kind="live">
      <p className="question-q"><span className="question-n">{n}.</span> <RichText text={t(questionKey(q) as MessageKey)} /></p>
      <button type="button" className="btn btn-primary" data-testid={`load-${q.id}`} onClick={load}>{t('lesson.q.load')}</button>
      {active && (
        <div className="question-live">
          <p className="card-hint">{t('lesson.q.loaded')}</p>
          <LessonControlView control={q.control} />
          <LiveVerdictView q={q} />
        </div>
      )}
    </section>
  );
}

export function LessonQuestions({ questions }: { questions: LessonQuestion[] }) {
  const t = useT();
  if (!questions.length) return null;
  return (
    <section className="card lesson-questions" data-testid="lesson-questions" id="lesson-questions">
      <header className="card-head">
        <h2 className="card-title">{t('lesson.questions')}</h2>
        <p className="card-hint">{t('lesson.questions.hint')}</p>
      </header>
      {questions.map((q, i) => (q.kind === 'choice' ? <ChoiceView key={q.id} q={q} n={i + 1} /> : <LiveView key={q.id} q={q} n={i + 1} />))}
    </section>
  );
}
