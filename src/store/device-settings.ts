// What this browser remembers about its device, apart from the link: the backend measured as the
// fastest here (by device key: GPU adapter + user agent, see src/worker/backend.ts) and whether
// training goes on while the tab is hidden (default: it pauses, to save a laptop's battery). Also
// the page's notices about the device: a GPU backend lost during training, and a run paused
// because the tab was hidden. Kept in localStorage; a browser without it keeps them for the visit.
import { create } from 'zustand';
import type { BackendName, FaultKind, RememberedBackend } from '../protocol/messages';

export const BACKEND_MEMORY_KEY = 'rnn-atlas.backend.measured';
export const KEEP_TRAINING_HIDDEN_KEY = 'rnn-atlas.train.background';
/** Set to true (tests): software GPU adapters are timed too, not skipped (src/worker/backend.ts). */
export const TIME_SOFTWARE_KEY = 'rnn-atlas.backend.timeSoftware';
/** Devices remembered at most (a laptop with two GPUs, a browser update changing the user agent …). */
const MAX_DEVICES = 6;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read<T>(key: string, valid: (v: unknown) => v is T, fallback: T): T {
  try {
    const raw = storage()?.getItem(key);
    if (raw == null) return fallback;
    const v: unknown = JSON.parse(raw);
    return valid(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    /* kept for this visit only */
  }
}

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];
const isRemembered = (v: unknown): v is RememberedBackend =>
  !!v && typeof v === 'object' && BACKENDS.includes((v as RememberedBackend).backend)
  && Array.isArray((v as RememberedBackend).measured) && typeof (v as RememberedBackend).at === 'number';
const isMemory = (v: unknown): v is Record<string, RememberedBackend> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isRemembered);

/** The measured choices by device key, as the next worker's 'init' carries them. */
export function rememberedBackends(): Record<string, RememberedBackend> {
  return read(BACKEND_MEMORY_KEY, isMemory, {});
}

/** Keeps a fresh measurement for this device (the oldest device is dropped past MAX_DEVICES). */
export function rememberBackend(deviceKey: string, entry: RememberedBackend): void {
  const all = { ...rememberedBackends(), [deviceKey]: entry };
  const keys = Object.keys(all).sort((a, b) => all[b].at - all[a].at).slice(0, MAX_DEVICES);
  write(BACKEND_MEMORY_KEY, Object.fromEntries(keys.map((k) => [k, all[k]])));
}

export function timeSoftwareAdapters(): boolean {
  return read(TIME_SOFTWARE_KEY, (v): v is boolean => typeof v === 'boolean', false);
}

export function forgetBackend(deviceKey: string): void {
  const all = rememberedBackends();
  delete all[deviceKey];
  write(BACKEND_MEMORY_KEY, all);
}

export interface FaultNotice {
  kind: FaultKind;
  from: BackendName;
  to: BackendName;
  /** The step the run went on from. */
  step: number;
  /** The step it had reached when the backend was lost. */
  reached: number;
}

interface DeviceState {
  /** Train on while the tab is hidden (off by default: a hidden tab pauses). */
  keepTrainingHidden: boolean;
  /** The run was paused because the tab was hidden; it plays again when the tab is shown. */
  hiddenPause: boolean;
  fault: FaultNotice | null;
  /** Set by the bridge: forgets this device's measurement and starts a worker that measures again. */
  remeasure: (() => void) | null;
  setKeepTrainingHidden(keep: boolean): void;
}

export const useDeviceSettings = create<DeviceState>((set) => ({
  keepTrainingHidden: read(KEEP_TRAINING_HIDDEN_KEY, (v): v is boolean => typeof v === 'boolean', false),
  hiddenPause: false,
  fault: null,
  remeasure: null,
  setKeepTrainingHidden(keep) {
    write(KEEP_TRAINING_HIDDEN_KEY, keep);
    set({ keepTrainingHidden: keep });
  },
}));
