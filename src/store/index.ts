// The app store: a vanilla zustand store (usable by the bridge and views without React) built
// from the four slices. React reads it through useApp with selectors.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { UrlState, UrlNotice } from './url';
import {
  createConfigSlice,
  createRunSlice,
  createTelemetrySlice,
  createUiSlice,
  createCompareSlice,
  createWeightsSlice,
  createInstrumentsSlice,
  type AppState,
} from './slices';

export type AppStore = StoreApi<AppState>;
export type { AppState } from './slices';

export function createAppStore(initial: UrlState, notices: UrlNotice[] = []): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createConfigSlice(initial.config)(...a),
    ...createRunSlice(...a),
    ...createTelemetrySlice(...a),
    ...createUiSlice(initial.ui, notices)(...a),
    ...createCompareSlice(...a),
    ...createWeightsSlice(...a),
    ...createInstrumentsSlice()(...a),
  }));
}

/** The page's store, set once in main.tsx; components reach it through useApp. */
const holder: { store: AppStore | null } = { store: null };

export function installStore(store: AppStore): void {
  holder.store = store;
}

export function appStore(): AppStore {
  if (!holder.store) throw new Error('store not installed');
  return holder.store;
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore(), selector);
}

/** The URL-relevant part of the state. */
export function urlStateOf(s: AppState): UrlState {
  const { page, lang, lesson, lessonStep, backend, compare, mech, wiMatrix, wiRho, wiLen, wiScale, wiHidden, embed, widget } = s.ui;
  return { config: s.config, ui: { page, lang, lesson, lessonStep, backend, compare, mech, wiMatrix, wiRho, wiLen, wiScale, wiHidden, embed, widget } };
}
