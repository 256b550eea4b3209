// The lesson page: the lesson index (with the steps read) and the glossary, then the step's text
// on the left and its live widgets on the right — the highlighted equations and the views the step
// lists (LessonWidgets), and any slider the text asks the reader to drag. After the last step: the
// check questions, the papers the lesson draws on and the next lesson. Entering a step starts the
// run the step announces (src/store/page-config.ts); a link to a step carries the reader's changes.
import { useEffect } from 'react';
import { appStore, useApp } from '../store';
import { getLesson } from '../lessons/registry';
import { goToLessonStep, goToPage, navigate } from '../store/navigation';
import type { Lesson, LessonStep } from '../lessons/types';
import type { MessageKey } from '../i18n';
import { EquationPanel } from './EquationPanel';
import { LessonWidgets, needsInstruments, stepWidgets, useInstrumentsWanted } from './LessonWidgets';
import { LessonControlView } from './LessonControls';
import { DivergedBanner, RunBar } from './RunBar';
import { Card } from './Playground';
import { useCellMeta, useGateText, useT } from './hooks';
import { RichText } from './RichText';
import { plainProse } from '../i18n/prose';
import { LessonIndex, nextLesson, useMarkRead } from './LessonIndex';
import { LessonQuestions } from './LessonQuestions';
import { GlossarySection } from './Glossary';
import { glossaryState, useGlossaryUi } from './GlossaryTerm';

function useLesson() {
  const lesson = getLesson(useApp((s) => s.ui.lesson));
  const stepIdx = Math.min(useApp((s) => s.ui.lessonStep), lesson.steps.length - 1);
  return { lesson, stepIdx, step: lesson.steps[stepIdx] };
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
  useMarkRead(lesson.id, step.id);
  const lang = useApp((s) => s.ui.lang);
  const glossary = useGlossaryUi();
  const last = stepIdx === lesson.steps.length - 1;
  const title = t(`${step.textKey}.title` as MessageKey);
  const body = t(`${step.textKey}.body` as MessageKey);
  const textColor = useGateText();
  const symbols = cell ? [...cell.gates, ...cell.states].map((g) => ({ tex: g.tex, color: textColor(g.id) })) : [];
  // Only ids the current cell has: a step's highlight names the cell its preset chose. The heatmaps
  // show gates and states; the equations may also be highlighted by their own ids (np-RNN's 'init').
  const ids = new Set(cell ? [...cell.gates, ...cell.states].map((g) => g.id) : []);
  const eqIds = new Set(cell?.equations.map((e) => e.id) ?? []);
  const highlight = step.highlight.filter((id) => ids.has(id));
  const eqHighlight = step.highlight.filter((id) => ids.has(id) || eqIds.has(id));
  const widgets = stepWidgets(step);
  useInstrumentsWanted(needsInstruments(widgets));

  return (
    <div className="lesson-page">
      <LessonIndex glossaryOpen={glossary.open} onGlossary={() => glossaryState.toggle()} />
      <div className="lesson" data-lesson={lesson.id}>
        <article className="card lesson-text" aria-live="polite" data-step={stepIdx}>
          <p className="eyebrow"><RichText text={t(lesson.titleKey as MessageKey)} /></p>
          <ol className="lesson-steps">
            {lesson.steps.map((s, i) => (
              <li key={s.id}>
                <button type="button" data-testid={`lesson-pill-${i}`} className={`step-pill${i === stepIdx ? ' active' : ''}${i < stepIdx ? ' done' : ''}`}
                  aria-current={i === stepIdx ? 'step' : undefined} title={plainProse(t(`${s.textKey}.title` as MessageKey), lang)} onClick={() => go(i)}>
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
          {last && (lesson.questions?.length ?? 0) > 0 && (
            <button type="button" className="link-button lesson-to-questions" data-testid="lesson-to-questions"
              onClick={() => document.getElementById('lesson-questions')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
              {t('lesson.questions')} ↓
            </button>
          )}
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
            {cell ? <EquationPanel cell={cell} highlight={eqHighlight} /> : <div className="skeleton" style={{ height: 180 }} />}
          </Card>
          <LessonWidgets widgets={widgets} cell={cell ?? null} highlight={highlight} />
        </div>
      </div>
      {last && <LessonEnd lesson={lesson} />}
      <GlossarySection />
    </div>
  );
}

/** After the last step: the check questions, the papers and the way on. */
function LessonEnd({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const next = nextLesson(lesson);
  return (
    <div className="lesson-end" data-testid="lesson-end">
      <LessonQuestions key={lesson.id} questions={lesson.questions ?? []} />
      {(lesson.papers?.length ?? 0) > 0 && (
        <section className="card lesson-papers" data-testid="lesson-papers">
          <h2 className="card-title">{t('lesson.papers')}</h2>
          <ul>
            {lesson.papers!.map((p) => (
              <li key={p.url + p.title} className="cite" lang="en">
                {p.authors} ({p.year}). <a href={p.url} target="_blank" rel="noreferrer"><cite>{p.title}</cite></a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="lesson-next-lesson">
        {next ? (
          <button type="button" className="btn btn-primary" data-testid="lesson-next-lesson" onClick={() => goToLessonStep(appStore(), next.id, 0)}>
            {t('lesson.nextLesson')}: <RichText text={t(next.titleKey as MessageKey)} plainTerms /> →
          </button>
        ) : (
          <p className="card-hint" data-testid="lesson-last">{t('lesson.lastLesson')}</p>
        )}
      </div>
    </div>
  );
}
