// Presentation mode (P, or the header's button): the current page — Playground, a cell's card,
// Compare, a lesson step — fills the screen (Fullscreen API where the browser allows it, else the
// window) with large type and thick lines (app.css `.app.presenting`, --chart-scale for the views),
// without the header, the side panel or the widgets the presenter unticked (remembered per page).
// The keys (PresentationKeys.ts) work on every page; `?` lists them (Shortcuts.tsx).
import { useEffect, useState } from 'react';
import { useApp } from '../store';
import { controls } from '../store/controls';
import { enterPresentation, exitPresentation, usePresentation } from '../store/presentation';
import { presentKeyAction } from './PresentationKeys';
import { ShortcutsOverlay } from './Shortcuts';
import { ThemeSwitch } from './ThemeSwitch';
import { useT } from './hooks';

const HIDDEN_ATTR = 'data-present-hidden';

/** The page's top-level widgets (cards not inside another card), each with a key stable across languages. */
function pageWidgets(): { el: HTMLElement; key: string; label: string | null }[] {
  const main = document.querySelector('.app-main');
  if (!main) return [];
  // Cards presentation mode always hides (the side panel, the lesson index, the glossary) are not offered.
  const cards = [...main.querySelectorAll<HTMLElement>('.card')].filter((el) => !el.parentElement?.closest('.card, .sidebar, .lesson-index, .glossary, .lesson-end'));
  const seen = new Map<string, number>();
  return cards.map((el, i) => {
    const cls = [...el.classList].filter((c) => c !== 'card' && c !== 'compact').join('.');
    let key = cls || el.querySelector('[data-testid]')?.getAttribute('data-testid') || `card-${i}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n) key = `${key}#${n}`;
    const title = el.querySelector('.card-title, h1, h2')?.textContent?.trim() || null;
    return { el, key, label: title };
  });
}

function applyHidden(hidden: string[] | undefined, on: boolean) {
  const set = new Set(on ? hidden ?? [] : []);
  for (const w of pageWidgets()) {
    if (set.has(w.key)) w.el.setAttribute(HIDDEN_ATTR, '');
    else w.el.removeAttribute(HIDDEN_ATTR);
  }
}

function useHiddenWidgets(presenting: boolean, page: string, hidden: string[] | undefined) {
  useEffect(() => {
    applyHidden(hidden, presenting);
    if (!presenting) return;
    const main = document.querySelector('.app-main');
    if (!main) return;
    // Widgets mount late (a cell's metadata, a lesson step's views): hide them as they appear.
    let raf = 0;
    const obs = new MutationObserver(() => {
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => applyHidden(hidden, true));
    });
    obs.observe(main, { childList: true, subtree: true });
    return () => {
      obs.disconnect();
      cancelAnimationFrame(raf);
      applyHidden(undefined, false);
    };
  }, [presenting, page, hidden]);
}

function useShortcutKeys(lesson: boolean) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const t = e.target as HTMLElement | null;
      const target = t && t.tagName ? { tagName: t.tagName, type: (t as HTMLInputElement).type, isContentEditable: t.isContentEditable, role: t.getAttribute('role') } : null;
      const s = usePresentation.getState();
      const action = presentKeyAction(e.key, e, target, { presenting: s.presenting, lesson, helpOpen: s.help });
      if (!action) return;
      e.preventDefault();
      switch (action) {
        case 'present': enterPresentation(); break;
        case 'exit': exitPresentation(); break;
        case 'play': controls().toggle(); break;
        case 'step': controls().step(1); break;
        case 'reset': controls().reset(); break;
        case 'help': usePresentation.setState({ help: true, picker: false }); break;
        case 'close-help': usePresentation.setState({ help: false }); break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lesson]);
}

/** Leaving full screen with the browser's own Esc (or its button) leaves presentation mode too. */
function useFullscreenExit() {
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && usePresentation.getState().fullscreen) exitPresentation();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
}

function WidgetPicker({ page }: { page: string }) {
  const t = useT();
  const hidden = usePresentation((s) => s.hidden[page]);
  const setHidden = usePresentation((s) => s.setHidden);
  const [widgets] = useState(() => pageWidgets());
  const hiddenSet = new Set(hidden ?? []);
  return (
    <div className="present-picker" role="group" aria-label={t('present.widgets')} data-testid="present-picker">
      <p className="present-picker-title">{t('present.widgets.hint')}</p>
      {widgets.map((w) => (
        <label key={w.key} className="control checkbox">
          <input type="checkbox" data-testid={`present-show-${w.key}`} checked={!hiddenSet.has(w.key)}
            onChange={(e) => setHidden(page, w.key, !e.target.checked)} />
          <span>{w.label ?? t(w.key.startsWith('run-bar') ? 'present.widget.runBar' : 'present.widget.other')}</span>
        </label>
      ))}
    </div>
  );
}

export function PresentationLayer() {
  const t = useT();
  const page = useApp((s) => s.ui.page);
  const lesson = useApp((s) => s.ui.lesson);
  const lessonStep = useApp((s) => s.ui.lessonStep);
  const presenting = usePresentation((s) => s.presenting);
  const picker = usePresentation((s) => s.picker);
  const help = usePresentation((s) => s.help);
  // A lesson's widgets differ from step to step: each step keeps its own choice.
  const pageKey = page === 'lesson' ? `lesson:${lesson}:${lessonStep}` : page;
  const hidden = usePresentation((s) => s.hidden[pageKey]);
  useShortcutKeys(page === 'lesson');
  useFullscreenExit();
  useHiddenWidgets(presenting, pageKey, hidden);
  return (
    <>
      {presenting && (
        <div className="present-bar" data-testid="present-bar" role="toolbar" aria-label={t('present.toolbar')}>
          <button type="button" className="btn btn-ghost" data-testid="present-widgets" aria-expanded={picker}
            onClick={() => usePresentation.setState({ picker: !picker })}>
            {t('present.widgets')}
          </button>
          <ThemeSwitch />
          <button type="button" className="btn btn-ghost" data-testid="present-help" aria-label={t('keys.title')} title={t('keys.title')}
            onClick={() => usePresentation.setState({ help: true, picker: false })}>
            ?
          </button>
          <button type="button" className="btn" data-testid="present-exit" onClick={exitPresentation}>
            {t('present.exit')} <kbd>Esc</kbd>
          </button>
          {picker && <WidgetPicker key={pageKey} page={pageKey} />}
        </div>
      )}
      {help && <ShortcutsOverlay onClose={() => usePresentation.setState({ help: false })} />}
    </>
  );
}

/** The header's button: the current page in presentation mode. */
export function PresentButton() {
  const t = useT();
  return (
    <button type="button" className="btn btn-ghost present-button" data-testid="present-button" title={t('present.enter.help')}
      onClick={enterPresentation}>
      <span aria-hidden="true">⛶</span> {t('present.enter')}
    </button>
  );
}
