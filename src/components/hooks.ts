// Small React glue: translation bound to the current language, and mounting a D3 view that is
// fed straight from store.subscribe (fast telemetry never re-renders React).
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { appStore, useApp, type AppState } from '../store';
import { translate, type MessageKey } from '../i18n';
import { metaFor, type CellMeta } from '../store/catalog';
import { useTheme } from '../store/theme';
import { gateTextColor } from '../views/palette';

export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const lang = useApp((s) => s.ui.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

export interface Destroyable {
  destroy(): void;
}

/**
 * Creates a view on a div once, feeds it `feed(state, view)` now and on every store change that
 * `changed` reports, and destroys it on unmount. `deps` recreates it (e.g. a new id).
 */
export function useStoreView<V extends Destroyable>(
  create: (el: HTMLDivElement) => V,
  feed: (s: AppState, view: V) => void,
  changed: (s: AppState, prev: AppState) => boolean,
  deps: unknown[],
) {
  const ref = useRef<HTMLDivElement>(null);
  const feedRef = useRef(feed);
  feedRef.current = feed;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const view = create(el);
    const store = appStore();
    feedRef.current(store.getState(), view);
    const unsub = store.subscribe((s, prev) => {
      if (changed(s, prev)) feedRef.current(s, view);
    });
    return () => {
      unsub();
      view.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

/**
 * A cell of the catalogue as configured: when it is the configured cell, its gates and equations
 * follow the chosen options (a variant switch re-renders the maths); otherwise the defaults.
 */
export function useCellMeta(cellId: string): CellMeta | undefined {
  const cell = useApp((s) => s.catalog?.cells.find((c) => c.id === cellId));
  const options = useApp((s) => (s.config.cellId === cellId ? s.config.cellOptions : undefined));
  return useMemo(() => cell && metaFor(cell, options), [cell, options]);
}

/** A gate's colour for text in the current theme (AA contrast; see gateTextColor). */
export function useGateText(): (id: string) => string {
  const theme = useTheme((s) => s.theme);
  return useCallback((id: string) => gateTextColor(id, theme), [theme]);
}
