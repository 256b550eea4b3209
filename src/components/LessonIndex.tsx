// The lesson index at the top of the lesson page: every lesson with its title, one-line summary,
// number of steps and how many the reader has read (kept in local storage: src/store/progress.ts),
// plus the way to the glossary. Marking: a step counts as read once it has been shown.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { appStore, useApp } from '../store';
import { getLesson, LESSONS } from '../lessons/registry';
import type { Lesson } from '../lessons/types';
import { goToLessonStep } from '../store/navigation';
import { progress, stepsRead, type Progress } from '../store/progress';
import type { MessageKey } from '../i18n';
import { RichText } from './RichText';
import { plainProse } from '../i18n/prose';
import { useT } from './hooks';

export function useProgress(): Progress {
  return useSyncExternalStore(progress.subscribe, progress.get, progress.get);
}

/** Marks the step shown as read. */
export function useMarkRead(lessonId: string, stepId: string) {
  useEffect(() => {
    progress.markRead(lessonId, stepId);
  }, [lessonId, stepId]);
}

/** The lesson after this one, or null for the last. */
export function nextLesson(lesson: Lesson): Lesson | null {
  const i = LESSONS.findIndex((l) => l.id === lesson.id);
  return i >= 0 && i < LESSONS.length - 1 ? LESSONS[i + 1] : null;
}

export function LessonIndex({ glossaryOpen, onGlossary }: { glossaryOpen: boolean; onGlossary: () => void }) {
  const t = useT();
  const active = getLesson(useApp((s) => s.ui.lesson)).id;
  const p = useProgress();
  // Folded, the index is one row of numbered chips, so the step's text starts near the top of the
  // screen; unfolded, each lesson shows its summary and progress in words.
  const [open, setOpen] = useState(false);
  return (
    <nav className={`lesson-index${open ? '' : ' folded'}`} aria-label={t('lesson.choose')} data-testid="lesson-index">
      <div className="lesson-index-head">
        <button type="button" className="btn btn-ghost" data-testid="lesson-index-toggle" aria-expanded={open} aria-controls="lesson-index-list"
          onClick={() => setOpen((o) => !o)}>
          {open ? '▾' : '▸'} {t('lesson.index')}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="glossary-toggle" aria-expanded={glossaryOpen} aria-controls="glossary" onClick={onGlossary}>
          {glossaryOpen ? '▾' : '▸'} {t('glossary.title')}
        </button>
        {Object.keys(p).length > 0 && (
          <button type="button" className="link-button" data-testid="progress-reset" onClick={() => progress.reset()}>{t('lesson.index.reset')}</button>
        )}
      </div>
      <ol className="lesson-index-list" id="lesson-index-list">
        {LESSONS.map((l, i) => {
          const read = stepsRead(p, l);
          const total = l.steps.length;
          const current = l.id === active;
          return (
            <li key={l.id}>
              <button type="button" data-testid={`lesson-choice-${l.id}`} className={`lesson-tile${current ? ' active' : ''}${read === total ? ' done' : ''}`}
                aria-current={current ? 'page' : undefined} data-read={read} data-total={total} onClick={() => goToLessonStep(appStore(), l.id, 0)}
                title={open ? undefined : `${i + 1}. ${plainProse(t(l.titleKey as MessageKey))} · ${t('lesson.index.read', { n: read, total })}`}>
                <span className="lesson-tile-title"><span className="lesson-tile-n">{i + 1}</span> <span className="lesson-tile-name"><RichText text={t(l.titleKey as MessageKey)} plainTerms /></span></span>
                <span className="lesson-tile-summary"><RichText text={t(l.summaryKey as MessageKey)} plainTerms /></span>
                <span className="lesson-tile-meta" data-testid={`lesson-read-${l.id}`}>
                  {t(total === 1 ? 'lesson.index.step1' : 'lesson.index.steps', { n: total })} · {t('lesson.index.read', { n: read, total })}
                </span>
                <span className="lesson-tile-bar" aria-hidden="true"><span style={{ width: `${(100 * read) / total}%` }} /></span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
