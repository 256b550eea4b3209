// The lesson page: the step's text on the left, the highlighted equations and their live heatmaps
// on the right. Entering a step applies its preset; the run keeps going between steps.
import { useEffect } from 'react';
import { appStore, useApp } from '../store';
import { lstmStepByStep } from '../lessons/lstm-step-by-step';
import type { MessageKey } from '../i18n';
import { EquationPanel } from './EquationPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { GradNormPanel, LossPanel } from './Charts';
import { DivergedBanner, RunBar } from './RunBar';
import { Card } from './Playground';
import { useCellMeta, useT } from './hooks';
import { RichText } from './RichText';
import { gateColor } from '../views/palette';

const lesson = lstmStepByStep;

export function useLessonPreset() {
  const page = useApp((s) => s.ui.page);
  const step = useApp((s) => s.ui.lessonStep);
  const ready = useApp((s) => s.catalog !== null);
  useEffect(() => {
    if (page !== 'lesson' || !ready) return;
    const s = appStore().getState();
    const idx = Math.min(step, lesson.steps.length - 1);
    if (idx !== step) s.setUi({ lessonStep: idx });
    const { cellId, cellOptions, ...rest } = lesson.steps[idx].preset;
    if (cellId) s.setCell(cellId, cellOptions);
    s.setConfig(rest);
  }, [page, step, ready]);
}

export function LessonPage() {
  const t = useT();
  const stepIdx = Math.min(useApp((s) => s.ui.lessonStep), lesson.steps.length - 1);
  const cell = useCellMeta(lesson.cellId);
  const step = lesson.steps[stepIdx];
  const go = (n: number) => appStore().getState().setUi({ lessonStep: Math.max(0, Math.min(lesson.steps.length - 1, n)) });
  const title = t(`${step.textKey}.title` as MessageKey);
  const body = t(`${step.textKey}.body` as MessageKey);
  const symbols = cell ? [...cell.gates, ...cell.states].map((g) => ({ tex: g.tex, color: gateColor(g.id) })) : [];

  return (
    <div className="lesson">
      <article className="card lesson-text" aria-live="polite" data-step={stepIdx}>
        <p className="eyebrow">{t('lesson.title')}</p>
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
          {cell ? <EquationPanel cell={cell} highlight={step.highlight} /> : <div className="skeleton" style={{ height: 180 }} />}
        </Card>
        <Card title={t('lesson.live')} hint={t('panel.heatmaps.hint')}>
          {cell ? <HeatmapPanel cell={cell} only={step.highlight} highlight={step.highlight} /> : <div className="skeleton" style={{ height: 200 }} />}
        </Card>
        <div className="grid-2 tight">
          <Card title={t('panel.loss')}>
            <LossPanel height={170} />
          </Card>
          <Card title={t('panel.gradnorm')}>
            <GradNormPanel height={170} />
          </Card>
        </div>
      </div>
    </div>
  );
}
