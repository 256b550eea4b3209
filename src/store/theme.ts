// Light and dark themes. The reader's choice (light, dark, or follow the system) is kept in
// localStorage; the resolved theme is written to <html data-theme="light|dark">, which selects the
// colour variables in src/styles/app.css. "System" follows prefers-color-scheme, live.
import { create } from 'zustand';

export type ThemePref = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'rnn-atlas.theme';
export const THEME_PREFS: readonly ThemePref[] = ['light', 'dark', 'system'];

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readThemePref(s: Pick<Storage, 'getItem'> | null = storage()): ThemePref {
  const v = s?.getItem(THEME_KEY);
  return v === 'light' || v === 'dark' || v === 'system' ? v : 'system';
}

/** The theme a preference shows, given whether the system asks for dark. */
export function resolveTheme(pref: ThemePref, systemDark: boolean): Theme {
  return pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
}

const darkQuery = () => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null);

interface ThemeState {
  pref: ThemePref;
  theme: Theme;
  setPref(p: ThemePref): void;
}

function apply(theme: Theme) {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.theme = theme;
}

export const useTheme = create<ThemeState>((set) => ({
  pref: readThemePref(),
  theme: resolveTheme(readThemePref(), darkQuery()?.matches ?? false),
  setPref(pref) {
    try {
      storage()?.setItem(THEME_KEY, pref);
    } catch {
      /* private mode: the choice lasts for this visit */
    }
    const theme = resolveTheme(pref, darkQuery()?.matches ?? false);
    apply(theme);
    set({ pref, theme });
  },
}));

let started = false;
/** Writes the theme to <html> and follows the system's changes while the preference is "system". */
export function startTheme(): void {
  if (started) return;
  started = true;
  apply(useTheme.getState().theme);
  darkQuery()?.addEventListener('change', (e) => {
    const { pref } = useTheme.getState();
    const theme = resolveTheme(pref, e.matches);
    apply(theme);
    useTheme.setState({ theme });
  });
}

// The theme is on <html> before the first render (no flash of the light theme on a dark system).
if (typeof document !== 'undefined') startTheme();
