// The lesson page: the lesson list, then the step's text on the left and its live widgets on the
// right — the highlighted equations, the gate heatmaps or the gradient profile the step is about,
// and any slider the text asks the reader to drag. Entering a step starts the run the step
// announces (src/store/page-config.ts); a link to a step carries the reader's own changes.
import { useEffect } from 'react';
import { appStore, useApp } from '../store';
import { getLesson, LESSONS } from '../lessons/registry';
import { goToLessonStep, goToPage, navigate } from '../store/navigation';
import type { LessonStep } from '../lessons/types';
import type { MessageKey } from '../i18n';
import { EquationPanel } from './EquationPanel';
import { LessonWidgets, needsInstruments, stepWidgets, useInstrumentsWanted } from './LessonWidgets';
import { LessonControlView } from './LessonControls';
import { DivergedBanner, RunBar } from './RunBar';
import { Card } from './Playground';
import { useCellMeta, useT } from './hooks';
import { RichText } from './RichText';
import { plainProse } from '../i18n/prose';
import { gateColor } from '../views/palette';

function useLesson() {
  const lesson = getLesson(useApp((s) => s.ui.lesson));
  const stepIdx = Math.min(useApp((s) => s.ui.lessonStep), lesson.steps.length - 1);
  return { lesson, stepIdx, step: lesson.steps[stepIdx] };
}

function LessonPicker() {
  const t = useT();
  const current = useApp((s) => s.ui.lesson);
  const active = getLesson(current).id;
  return (
    <nav className="lesson-picker" aria-label={t('lesson.choose')}>
      {LESSONS.map((l) => (
        <button key={l.id} type="button" data-testid={`lesson-choice-${l.id}`} className={`lesson-choice${l.id === active ? ' active' : ''}`}
          aria-current={l.id === active ? 'page' : undefined} title={plainProse(t(l.summaryKey as MessageKey))}
          onClick={() => goToLessonStep(appStore(), l.id, 0)}>
          <RichText text={t(l.titleKey as MessageKey)} />
        </button>
      ))}
    </nav>
  );
}

function CompareButton({ step }: { step: LessonStep }) {
  const t = useT();
  if (!step.compare) return null;
  const open = () => navigate(appStore(), { page: 'compare', compare: step.compare! });
  return (
    <button type="button" className="btn btn-primary lesson-compare" data-testid="lesson-compare" onClick={open}>
      {t('lesson.openCompare')} ↗
    </button>
  );
}

/**
 * A lecturer's clicker sends PageUp/PageDown (some send ←/→): they turn the steps, never a
 * slider. PageUp/PageDown turn steps from anywhere but a text field; ←/→ too, except in a control
 * that was given the keys on purpose (a slider focused from the keyboard, a menu, a text field).
 */
export function stepKeyAction(key: string, target: { tagName?: string; type?: string; isContentEditable?: boolean } | null): -1 | 1 | 0 {
  const dir = key === 'PageDown' || key === 'ArrowRight' ? 1 : key === 'PageUp' || key === 'ArrowLeft' ? -1 : 0;
  if (!dir || !target) return dir;
  const tag = target.tagName ?? '';
  const textField = target.isContentEditable || tag === 'TEXTAREA' || (tag === 'INPUT' && target.type !== 'range' && target.type !== 'checkbox');
  if (textField) return 0;
  const page = key === 'PageDown' || key === 'PageUp';
  if (page) return dir;
  return tag === 'INPUT' || tag === 'SELECT' ? 0 : dir;
}

function useStepKeys(stepIdx: number, count: number, go: (n: number) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const dir = stepKeyAction(e.key, e.target as HTMLInputElement | null);
      if (!dir) return;
      // Capture phase + preventDefault: a focused range input never sees the clicker's key.
      e.preventDefault();
      e.stopPropagation();
      go(Math.max(0, Math.min(count - 1, stepIdx + dir)));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [stepIdx, count, go]);
}

export function LessonPage() {
  const t = useT();
  const { lesson, stepIdx, step } = useLesson();
  const cell = useCellMeta(useApp((s) => s.config.cellId));
  const go = (n: number) => {
    const to = Math.max(0, Math.min(lesson.steps.length - 1, n));
    if (to !== stepIdx) goToLessonStep(appStore(), lesson.id, to);
  };
  useStepKeys(stepIdx, lesson.steps.length, go);
  const title = t(`${step.textKey}.title` as MessageKey);
  const body = t(`${step.textKey}.body` as MessageKey);
  const symbols = cell ? [...cell.gates, ...cell.states].map((g) => ({ tex: g.tex, color: gateColor(g.id) })) : [];
  // Only ids the current cell has: a step's highlight names the cell its preset chose.
  const ids = new Set(cell ? [...cell.gates, ...cell.states].map((g) => g.id) : []);
  const highlight = step.highlight.filter((id) => ids.has(id));
  const widgets = stepWidgets(step);
  useInstrumentsWanted(needsInstruments(widgets));

  return (
    <div className="lesson-page">
      <LessonPicker />
      <div className="lesson" data-lesson={lesson.id}>
        <article className="card lesson-text" aria-live="polite" data-step={stepIdx}>
          <p className="eyebrow"><RichText text={t(lesson.titleKey as MessageKey)} /></p>
          <ol className="lesson-steps">
            {lesson.steps.map((s, i) => (
              <li key={s.id}>
                <button type="button" data-testid={`lesson-pill-${i}`} className={`step-pill${i === stepIdx ? ' active' : ''}${i < stepIdx ? ' done' : ''}`}
                  aria-current={i === stepIdx ? 'step' : undefined} title={plainProse(t(`${s.textKey}.title` as MessageKey))} onClick={() => go(i)}>
                  {i + 1}
                </button>
              </li>
            ))}
          </ol>
          <p className="lesson-progress">{t('lesson.stepOf', { n: stepIdx + 1, total: lesson.steps.length })}</p>
          <div data-testid={`lesson-step-${stepIdx}`} className="lesson-step">
            <h1 className="lesson-title"><RichText text={title} symbols={symbols} /></h1>
            <p className="lesson-body">
              <RichText text={body} symbols={symbols} />
            </p>
          </div>
          {step.controls && (
            <div className="lesson-controls" data-testid="lesson-controls">
              <p className="eyebrow">{t('lesson.tryIt')}</p>
              {step.controls.map((f) => <LessonControlView key={f} control={f} />)}
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
          <button type="button" className="link-button" onClick={() => goToPage(appStore(), 'playground')}>
            {t('lesson.openPlayground')} ↗
          </button>
        </article>
        <div className="lesson-live">
          <RunBar compact />
          <DivergedBanner />
          <Card title={t('panel.equations')} hint={t('panel.equations.hint')}>
            {cell ? <EquationPanel cell={cell} highlight={highlight} /> : <div className="skeleton" style={{ height: 180 }} />}
          </Card>
          <LessonWidgets widgets={widgets} cell={cell ?? null} highlight={highlight} />
        </div>
      </div>
    </div>
  );
}
