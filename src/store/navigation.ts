// Moving between pages. A page that announces a run (a cell's card, a lesson step) starts from
// exactly that run — its preset over the defaults — in one store update together with the page,
// so the history writer sees one navigation and pushes one entry. Pages that announce nothing
// (Playground, catalogue, Compare) keep the run they were given.
import type { AppStore } from './index';
import type { UiState } from './slices';
import type { Page } from './url';
import { announcedConfig, cardConfig } from './page-config';
import { getLesson } from '../lessons/registry';
import { controls } from './controls';

type Place = Partial<Pick<UiState, 'page' | 'lesson' | 'lessonStep' | 'compare'>>;

/**
 * Goes to `place`. If the place announces a run it replaces the config (and drops a loaded weight
 * file: it belonged to the previous run); `cellId` names the card for page 'cell'.
 */
export function navigate(store: AppStore, place: Place, cellId?: string): void {
  const s = store.getState();
  const ui: UiState = { ...s.ui, ...place };
  if (ui.page === 'lesson') {
    const lesson = getLesson(ui.lesson);
    ui.lesson = lesson.id;
    ui.lessonStep = Math.max(0, Math.min(lesson.steps.length - 1, ui.lessonStep));
  }
  const reg = s.catalog;
  const config = reg ? announcedConfig(reg, ui, cellId ?? s.config.cellId) : null;
  if (config) {
    // A card opens paused: what trains is what the reader chose to start. Lesson steps keep
    // playing, so a lecturer can click through while the model learns.
    if (ui.page === 'cell' && s.run.wantPlaying) controls().pause();
    store.setState({ ui, config, ...(s.weights.loaded ? { weights: { loaded: null, message: null } } : {}) });
  } else {
    store.setState({ ui });
  }
}

export function goToPage(store: AppStore, page: Page): void {
  navigate(store, { page });
}

export function openCard(store: AppStore, cellId: string): void {
  navigate(store, { page: 'cell' }, cellId);
  if (typeof window !== 'undefined') window.scrollTo?.({ top: 0 });
}

export function goToLessonStep(store: AppStore, lessonId: string, step: number): void {
  navigate(store, { page: 'lesson', lesson: lessonId, lessonStep: step });
}

/** "Back to the preset": the card's announced run again, every field, on the same page. */
export function resetToPreset(store: AppStore, cellId: string): void {
  const s = store.getState();
  if (!s.catalog) return;
  if (s.run.wantPlaying) controls().pause();
  s.setConfig(cardConfig(s.catalog, cellId));
}

export function cardHref(cellId: string, lang: string): string {
  return `?page=cell&cell=${encodeURIComponent(cellId)}&lang=${lang}`;
}

/**
 * Which history entry a state belongs to: a change of page, card, lesson or lesson step is a
 * navigation (a new entry); anything else (a slider, the language) edits the current one.
 */
export function placeKey(s: { ui: Pick<UiState, 'page' | 'lesson' | 'lessonStep'>; config: { cellId: string } }): string {
  const { page, lesson, lessonStep } = s.ui;
  if (page === 'lesson') return `lesson/${lesson}/${lessonStep}`;
  if (page === 'cell') return `cell/${s.config.cellId}`;
  return page;
}
