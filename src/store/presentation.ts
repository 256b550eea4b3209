// Presentation mode: the current page full-screen (or full-window) with large type, the chosen
// widgets only, and the shortcuts overlay. Which widgets are hidden is kept per page in localStorage.
import { create } from 'zustand';

export const PRESENT_HIDDEN_KEY = 'rnn-atlas.present.hidden';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readHidden(): Record<string, string[]> {
  try {
    const v = JSON.parse(storage()?.getItem(PRESENT_HIDDEN_KEY) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

interface PresentationState {
  presenting: boolean;
  /** Whether the browser granted full screen (else the page fills the window). */
  fullscreen: boolean;
  help: boolean;
  picker: boolean;
  /** Page → keys of the widgets hidden while presenting. */
  hidden: Record<string, string[]>;
  setHidden(page: string, key: string, hide: boolean): void;
}

export const usePresentation = create<PresentationState>((set, get) => ({
  presenting: false,
  fullscreen: false,
  help: false,
  picker: false,
  hidden: readHidden(),
  setHidden(page, key, hide) {
    const cur = new Set(get().hidden[page] ?? []);
    if (hide) cur.add(key);
    else cur.delete(key);
    const hidden = { ...get().hidden, [page]: [...cur] };
    try {
      storage()?.setItem(PRESENT_HIDDEN_KEY, JSON.stringify(hidden));
    } catch {
      /* the choice lasts for this visit */
    }
    set({ hidden });
  },
}));

export function enterPresentation(): void {
  if (usePresentation.getState().presenting) return;
  usePresentation.setState({ presenting: true, picker: false });
  const el = typeof document !== 'undefined' ? document.documentElement : null;
  if (el?.requestFullscreen && document.fullscreenEnabled) {
    el.requestFullscreen().then(
      () => usePresentation.setState({ fullscreen: true }),
      () => usePresentation.setState({ fullscreen: false }), // not allowed here: the page fills the window instead
    );
  }
}

export function exitPresentation(): void {
  if (!usePresentation.getState().presenting) return;
  usePresentation.setState({ presenting: false, picker: false, fullscreen: false });
  if (typeof document !== 'undefined' && document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
}
