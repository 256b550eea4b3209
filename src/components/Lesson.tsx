// The lesson page: the lesson list, then the step's text on the left and its live widgets on the
// right — the highlighted equations, the gate heatmaps or the gradient profile the step is about,
// and any slider the text asks the reader to drag. Entering a step applies its preset; fields a
// step leaves alone keep the run going, so moving between steps rarely restarts training.
import { useEffect } from 'react';
import { appStore, useApp } from '../store';
import { getLesson, LESSONS } from '../lessons/registry';
import type { LessonStep } from '../lessons/types';
import type { MessageKey } from '../i18n';
import { EquationPanel } from './EquationPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { GradNormPanel, LossPanel } from './Charts';
import { ConfigSlider } from './ConfigSlider';
import { DivergedBanner, RunBar } from './RunBar';
import { Card } from './Playground';
import { useCellMeta, useT } from './hooks';
import { RichText } from './RichText';
import { gateColor } from '../views/palette';

function useLesson() {
  const lesson = getLesson(useApp((s) => s.ui.lesson));
  const stepIdx = Math.min(useApp((s) => s.ui.lessonStep), lesson.steps.length - 1);
  return { lesson, stepIdx, step: lesson.steps[stepIdx] };
}

export function useLessonPreset() {
  const page = useApp((s) => s.ui.page);
  const { lesson, stepIdx } = useLesson();
  const step = useApp((s) => s.ui.lessonStep);
  const ready = useApp((s) => s.catalog !== null);
  useEffect(() => {
    if (page !== 'lesson' || !ready) return;
    const s = appStore().getState();
    if (stepIdx !== step) s.setUi({ lessonStep: stepIdx });
    const { cellId, cellOptions, ...rest } = lesson.steps[stepIdx].preset;
    if (cellId) s.setCell(cellId, cellOptions);
    s.setConfig(rest);
  }, [page, lesson, stepIdx, step, ready]);
}

function LessonPicker() {
  const t = useT();
  const current = useApp((s) => s.ui.lesson);
  const active = getLesson(current).id;
  return (
    <nav className="lesson-picker" aria-label={t('lesson.choose')}>
      {LESSONS.map((l) => (
        <button key={l.id} type="button" data-testid={`lesson-choice-${l.id}`} className={`lesson-choice${l.id === active ? ' active' : ''}`}
          aria-current={l.id === active ? 'page' : undefined} title={t(l.summaryKey as MessageKey)}
          onClick={() => appStore().getState().setUi({ lesson: l.id, lessonStep: 0 })}>
          {t(l.titleKey as MessageKey)}
        </button>
      ))}
    </nav>
  );
}

function CompareButton({ step }: { step: LessonStep }) {
  const t = useT();
  if (!step.compare) return null;
  const open = () => appStore().getState().setUi({ page: 'compare', compare: step.compare! });
  return (
    <button type="button" className="btn btn-primary lesson-compare" data-testid="lesson-compare" onClick={open}>
      {t('lesson.openCompare')} ↗
    </button>
  );
}

/** ← and → turn the steps (a lecturer's clicker sends them), unless a control has the keys. */
function useStepKeys(stepIdx: number, count: number, go: (n: number) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName))) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') go(Math.min(count - 1, stepIdx + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(Math.max(0, stepIdx - 1));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepIdx, count, go]);
}

export function LessonPage() {
  const t = useT();
  const { lesson, stepIdx, step } = useLesson();
  const cell = useCellMeta(useApp((s) => s.config.cellId));
  const go = (n: number) => appStore().getState().setUi({ lessonStep: Math.max(0, Math.min(lesson.steps.length - 1, n)) });
  useStepKeys(stepIdx, lesson.steps.length, go);
  const title = t(`${step.textKey}.title` as MessageKey);
  const body = t(`${step.textKey}.body` as MessageKey);
  const symbols = cell ? [...cell.gates, ...cell.states].map((g) => ({ tex: g.tex, color: gateColor(g.id) })) : [];
  // Only ids the current cell has: a step's highlight names the cell its preset chose.
  const ids = new Set(cell ? [...cell.gates, ...cell.states].map((g) => g.id) : []);
  const highlight = step.highlight.filter((id) => ids.has(id));
  const gradFirst = step.focus === 'gradnorm';

  const gradCard = (
    <Card title={t('panel.gradnorm')} hint={gradFirst ? t('lesson.gradnorm.hint') : undefined} key="grad">
      <GradNormPanel height={gradFirst ? 240 : 170} />
    </Card>
  );
  const heatmapCard = (
    <Card title={t('lesson.live')} hint={t('panel.heatmaps.hint')} key="heat">
      {cell ? <HeatmapPanel cell={cell} only={highlight.length ? highlight : undefined} highlight={highlight} />
        : <div className="skeleton" style={{ height: 200 }} />}
    </Card>
  );
  const lossCard = (
    <Card title={t('panel.loss')} key="loss">
      <LossPanel height={170} />
    </Card>
  );

  return (
    <div className="lesson-page">
      <LessonPicker />
      <div className="lesson" data-lesson={lesson.id}>
        <article className="card lesson-text" aria-live="polite" data-step={stepIdx}>
          <p className="eyebrow">{t(lesson.titleKey as MessageKey)}</p>
          <ol className="lesson-steps">
            {lesson.steps.map((s, i) => (
              <li key={s.id}>
                <button type="button" data-testid={`lesson-pill-${i}`} className={`step-pill${i === stepIdx ? ' active' : ''}${i < stepIdx ? ' done' : ''}`}
                  aria-current={i === stepIdx ? 'step' : undefined} title={t(`${s.textKey}.title` as MessageKey)} onClick={() => go(i)}>
                  {i + 1}
                </button>
              </li>
            ))}
          </ol>
          <p className="lesson-progress">{t('lesson.stepOf', { n: stepIdx + 1, total: lesson.steps.length })}</p>
          <div data-testid={`lesson-step-${stepIdx}`} className="lesson-step">
            <h1 className="lesson-title">{title}</h1>
            <p className="lesson-body">
              <RichText text={body} symbols={symbols} />
            </p>
          </div>
          {step.controls && (
            <div className="lesson-controls" data-testid="lesson-controls">
              <p className="eyebrow">{t('lesson.tryIt')}</p>
              {step.controls.map((f) => <ConfigSlider key={f} field={f} />)}
            </div>
          )}
          <CompareButton step={step} />
          <div className="lesson-nav">
            <button type="button" className="btn" data-testid="lesson-prev" disabled={stepIdx === 0} onClick={() => go(stepIdx - 1)}>
              ← {t('lesson.prev')}
            </button>
            <button type="button" className="btn btn-primary" data-testid="lesson-next" disabled={stepIdx === lesson.steps.length - 1}
              onClick={() => go(stepIdx + 1)}>
              {t('lesson.next')} →
            </button>
          </div>
          <button type="button" className="link-button" onClick={() => appStore().getState().setUi({ page: 'playground' })}>
            {t('lesson.openPlayground')} ↗
          </button>
        </article>
        <div className="lesson-live">
          <RunBar compact />
          <DivergedBanner />
          <Card title={t('panel.equations')} hint={t('panel.equations.hint')}>
            {cell ? <EquationPanel cell={cell} highlight={highlight} /> : <div className="skeleton" style={{ height: 180 }} />}
          </Card>
          {gradFirst ? [gradCard, heatmapCard, lossCard] : [heatmapCard, <div className="grid-2 tight" key="charts">{lossCard}{gradCard}</div>]}
        </div>
      </div>
    </div>
  );
}
