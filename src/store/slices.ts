// The four slices of the page state. Config is what defines a run; run and telemetry are what the
// worker reports; ui is page-level. Fast telemetry is kept here but views read it via subscribe.
import type { StateCreator } from 'zustand/vanilla';
import type { CellOptions, OptionValue } from '../cells/types';
import type { BackendReport, ClipPoint, InstrumentSnapshot, LossPoint, ProbeInput, RunConfig, RunStatus, SampleReport, SamplesWant, Telemetry, WeightSet } from '../protocol/messages';
import type { Catalog } from './catalog';
import { defaultOptions, type BackendPref, type EmbedWidget, type Lang, type MechFilter, type Page, type UrlNotice, type WhatIfUi } from './url';

export interface ConfigSlice {
  config: RunConfig;
  setConfig(patch: Partial<RunConfig>): void;
  setCellOption(key: string, value: OptionValue): void;
  setTaskOption(key: string, value: OptionValue): void;
  /** Switch cell, keeping the options it shares with the current one and defaulting the rest. */
  setCell(cellId: string, options?: CellOptions): void;
}

export interface RunInfo {
  /** 'loading': the worker has not reported yet. */
  status: RunStatus | 'loading';
  runId: number;
  step: number;
  lastLoss: number | null;
  lastAccuracy: number | null;
  stepsPerSecond: number;
  paramCount: number | null;
  backend: BackendReport | null;
  message: string | null;
  /** The user asked to train; survives restarts caused by config changes. */
  wantPlaying: boolean;
  /**
   * The training worker died (out of memory, a WASM abort) and the bridge started a new one:
   * why, and whether it gave up retrying until the settings change. Cleared when dismissed.
   */
  workerNotice: { why: string; gaveUp: boolean; at: number } | null;
}

export interface RunSlice {
  run: RunInfo;
  setRun(patch: Partial<RunInfo>): void;
}

/** A cell's own numbers (CellSpec.diagnostics) at one snapshot. */
export interface DiagnosticPoint {
  step: number;
  values: Record<string, number>;
}

export interface TelemetryState {
  history: LossPoint[];
  latest: Telemetry | null;
  diagnostics: DiagnosticPoint[];
}

/**
 * Text from a character model (the samples panel): `want` is the panel's wish (the bridge sends it
 * to the worker; null while no panel is shown), `latest` and `history` what the worker sampled
 * for the current run (cleared when it restarts; the history keeps the last SAMPLES_KEPT).
 */
export interface SamplesState {
  want: SamplesWant | null;
  latest: SampleReport | null;
  history: SampleReport[];
}

export const SAMPLES_KEPT = 6;

/** Training steps between two samples while the model trains. */
export const SAMPLE_EVERY = 50;
/** The samples panel's temperature slider. */
export const TEMPERATURE_MIN = 0.2;
export const TEMPERATURE_MAX = 2;

/** What the samples panel asks for: a sentence start for Alice, a title's opening bracket for the poems; seed 1. */
export function samplesWantFor(corpus: string, temperature: number): SamplesWant {
  return corpus === 'zh'
    ? { prompt: '《', length: 72, temperature, seed: 1, every: SAMPLE_EVERY }
    : { prompt: 'Alice ', length: 180, temperature, seed: 1, every: SAMPLE_EVERY };
}

export interface TelemetrySlice {
  telemetry: TelemetryState;
  pushTelemetry(t: Telemetry): void;
  clearTelemetry(): void;
  samples: SamplesState;
  setSamplesWant(want: SamplesWant | null): void;
  pushSamples(r: SampleReport): void;
}

/**
 * The instrument views (spectra, Jacobians, gate histograms, clipping, long memory). `open` and
 * `stepEigAt` are the page's wishes (the bridge sends them to the worker); `latest` and `clip` are
 * what the worker reported for the current run (cleared when it restarts).
 */
export interface InstrumentsState {
  /** Some instrument view is on the page: the worker computes snapshots only then. */
  open: boolean;
  /** The t (1-based) of the probe sequence whose one-step Jacobian eigenvalues are wanted; null: none. */
  stepEigAt: number | null;
  latest: InstrumentSnapshot | null;
  /** Gradient norm raw and clipped per training step, bounded like the loss history. */
  clip: ClipPoint[];
}

export interface InstrumentsSlice {
  instruments: InstrumentsState;
  setInstrumentsOpen(open: boolean): void;
  setStepEigAt(t: number | null): void;
}

/** Page-level state; the what-if sliders (WhatIfUi) live here too, as link fields. */
export interface UiState extends WhatIfUi {
  page: Page;
  lang: Lang;
  lesson: string;
  lessonStep: number;
  backend: BackendPref;
  compare: string[];
  mech: MechFilter;
  /** An embed link (`embed=1`): no header or side panel; `widget` shows one widget alone. */
  embed: boolean;
  widget: EmbedWidget | '';
  notices: UrlNotice[];
}

export interface UiSlice {
  ui: UiState;
  catalog: Catalog | null;
  setUi(patch: Partial<UiState>): void;
  setCatalog(c: Catalog): void;
}

/** One cell on the Compare page: its own curves and numbers, fed by telemetry with its slot. */
export interface CompareSlot {
  cellId: string;
  history: LossPoint[];
  gradNorms: Float32Array | null;
  step: number;
  lastLoss: number | null;
  lastAccuracy: number | null;
  paramCount: number | null;
  status: RunStatus | 'loading';
  message: string | null;
  /** The cell's latest InstrumentSnapshot (while instruments are open) and its clipping points. */
  instruments: InstrumentSnapshot | null;
  clip: ClipPoint[];
}

export interface CompareSlice {
  compareRun: { slots: CompareSlot[] };
  resetCompare(cellIds: string[]): void;
  pushCompareTelemetry(t: Telemetry): void;
  setCompareSlot(slot: number, patch: Partial<CompareSlot>): void;
}

/** A weight file the run starts from (until the model's shape changes and it no longer fits). */
export interface LoadedWeightsInfo {
  id: number;
  /** The file's name, for the page. */
  name: string;
  values: WeightSet;
  notes: string[];
}

export interface WeightsSlice {
  weights: {
    loaded: LoadedWeightsInfo | null;
    /** The last load or save outcome, for the page: what happened, or what was wrong. */
    message: { kind: 'info' | 'error'; text: string } | null;
  };
  loadWeights(w: Omit<LoadedWeightsInfo, 'id'>): void;
  /** Drops the loaded weights (the run goes back to its seeded init), saying why if given. */
  clearWeights(message?: { kind: 'info' | 'error'; text: string }): void;
  setWeightsMessage(message: { kind: 'info' | 'error'; text: string } | null): void;
  /**
   * A probe sequence the reader typed (probe-input.ts) that the views watch instead of the task's
   * example: the input, its length once the worker has taken it, or why it was refused.
   */
  probeInput: { input: ProbeInput | null; T: number | null; message: string | null };
  setProbeInput(input: ProbeInput | null): void;
  setProbeStatus(patch: Partial<AppState['probeInput']>): void;
}

export type AppState = ConfigSlice & RunSlice & TelemetrySlice & UiSlice & CompareSlice & WeightsSlice & InstrumentsSlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

/** Loss history is bounded: past this, every other old point is dropped, so long runs keep their shape. */
export const HISTORY_MAX = 3000;

export function appendBounded<P>(history: P[], points: P[], max = HISTORY_MAX): P[] {
  let out = history.concat(points);
  while (out.length > max) {
    const keepTail = Math.floor(max / 4);
    const head = out.slice(0, out.length - keepTail).filter((_, i) => i % 2 === 0);
    out = head.concat(out.slice(out.length - keepTail));
  }
  return out;
}

export const createConfigSlice = (initial: RunConfig): Slice<ConfigSlice> => (set, get) => ({
  config: initial,
  setConfig: (patch) => {
    const cur = get().config;
    // Another task has other settings: it starts from its own defaults unless the patch says.
    if (patch.taskId !== undefined && patch.taskId !== cur.taskId && !patch.taskOptions) {
      const meta = get().catalog?.tasks.find((t) => t.id === patch.taskId);
      patch = { ...patch, taskOptions: defaultOptions(meta?.options ?? []) };
    }
    const changed = (Object.keys(patch) as (keyof RunConfig)[]).some((k) =>
      k === 'cellOptions' || k === 'taskOptions' ? JSON.stringify(patch[k]) !== JSON.stringify(cur[k]) : patch[k] !== cur[k],
    );
    if (changed) set({ config: { ...cur, ...patch } });
  },
  setTaskOption: (key, value) => {
    const cur = get().config;
    if (cur.taskOptions?.[key] === value) return;
    set({ config: { ...cur, taskOptions: { ...cur.taskOptions, [key]: value } } });
  },
  setCellOption: (key, value) => {
    const cur = get().config;
    if (cur.cellOptions[key] === value) return;
    set({ config: { ...cur, cellOptions: { ...cur.cellOptions, [key]: value } } });
  },
  setCell: (cellId, options) => {
    const cur = get().config;
    const meta = get().catalog?.cells.find((c) => c.id === cellId);
    const defaults = meta ? defaultOptions(meta.options) : {};
    const kept = Object.fromEntries(Object.entries(cur.cellOptions).filter(([k]) => k in defaults));
    const cellOptions = { ...defaults, ...(cellId === cur.cellId ? kept : {}), ...options };
    const same = cellId === cur.cellId && JSON.stringify(cellOptions) === JSON.stringify(cur.cellOptions);
    if (!same) set({ config: { ...cur, cellId, cellOptions } });
  },
});

export const initialRun = (): RunInfo => ({
  status: 'loading',
  runId: 0,
  step: 0,
  lastLoss: null,
  lastAccuracy: null,
  stepsPerSecond: 0,
  paramCount: null,
  backend: null,
  message: null,
  wantPlaying: false,
  workerNotice: null,
});

export const createRunSlice: Slice<RunSlice> = (set, get) => ({
  run: initialRun(),
  setRun: (patch) => set({ run: { ...get().run, ...patch } }),
});

export const createTelemetrySlice: Slice<TelemetrySlice> = (set, get) => ({
  telemetry: { history: [], latest: null, diagnostics: [] },
  pushTelemetry: (t) => {
    const { telemetry, run } = get();
    const last = t.points[t.points.length - 1];
    const diagnostics = t.diagnostics && Object.keys(t.diagnostics).length
      ? appendBounded(telemetry.diagnostics, [{ step: t.step, values: t.diagnostics }])
      : telemetry.diagnostics;
    const instruments = t.instruments || t.clip?.length
      ? {
          instruments: {
            ...get().instruments,
            latest: t.instruments ?? get().instruments.latest,
            clip: t.clip?.length ? appendBounded(get().instruments.clip, t.clip) : get().instruments.clip,
          },
        }
      : {};
    set({
      ...instruments,
      telemetry: { history: appendBounded(telemetry.history, t.points), latest: t, diagnostics },
      run: {
        ...run,
        step: t.step,
        stepsPerSecond: t.stepsPerSecond,
        lastLoss: last ? last.loss : run.lastLoss,
        lastAccuracy: last ? last.accuracy : run.lastAccuracy,
      },
    });
  },
  clearTelemetry: () =>
    set({
      telemetry: { history: [], latest: null, diagnostics: [] },
      instruments: { ...get().instruments, latest: null, clip: [] },
      run: { ...get().run, step: 0, lastLoss: null, lastAccuracy: null, stepsPerSecond: 0 },
      samples: { ...get().samples, latest: null, history: [] },
    }),
  samples: { want: null, latest: null, history: [] },
  setSamplesWant: (want) => {
    if (JSON.stringify(want) !== JSON.stringify(get().samples.want)) set({ samples: { ...get().samples, want } });
  },
  pushSamples: (r) => {
    const { history } = get().samples;
    // A new wish at the same step (another temperature) replaces that step's sample.
    const kept = history.filter((h) => h.step !== r.step);
    set({ samples: { ...get().samples, latest: r, history: [...kept, r].slice(-SAMPLES_KEPT) } });
  },
});

export const createUiSlice = (initial: Omit<UiState, 'notices'>, notices: UrlNotice[] = []): Slice<UiSlice> => (set, get) => ({
  ui: { ...initial, notices },
  catalog: null,
  setUi: (patch) => set({ ui: { ...get().ui, ...patch } }),
  setCatalog: (catalog) => set({ catalog }),
});

const emptySlot = (cellId: string): CompareSlot => ({
  cellId, history: [], gradNorms: null, step: 0, lastLoss: null, lastAccuracy: null, paramCount: null, status: 'loading', message: null,
  instruments: null, clip: [],
});

export const createCompareSlice: Slice<CompareSlice> = (set, get) => ({
  compareRun: { slots: [] },
  resetCompare: (cellIds) => {
    set({ compareRun: { slots: cellIds.map(emptySlot) }, run: { ...get().run, step: 0, lastLoss: null, lastAccuracy: null, stepsPerSecond: 0 } });
  },
  pushCompareTelemetry: (t) => {
    const { compareRun, run } = get();
    const i = t.slot ?? 0;
    const cur = compareRun.slots[i];
    if (!cur) return;
    const last = t.points[t.points.length - 1];
    const slots = compareRun.slots.slice();
    slots[i] = {
      ...cur,
      history: appendBounded(cur.history, t.points),
      gradNorms: t.gradNorms,
      step: t.step,
      lastLoss: last ? last.loss : cur.lastLoss,
      lastAccuracy: last ? last.accuracy : cur.lastAccuracy,
      instruments: t.instruments ?? cur.instruments,
      clip: t.clip?.length ? appendBounded(cur.clip, t.clip) : cur.clip,
    };
    // The shared counter is the slowest cell's: every cell has trained at least that many steps.
    const step = Math.min(...slots.map((s) => s.step));
    set({ compareRun: { slots }, run: { ...run, step, stepsPerSecond: t.stepsPerSecond } });
  },
  setCompareSlot: (slot, patch) => {
    const slots = get().compareRun.slots.slice();
    if (!slots[slot]) return;
    slots[slot] = { ...slots[slot], ...patch };
    set({ compareRun: { slots } });
  },
});

let weightsIds = 0;

export const createWeightsSlice: Slice<WeightsSlice> = (set, get) => ({
  weights: { loaded: null, message: null },
  loadWeights: (w) => set({ weights: { loaded: { ...w, id: ++weightsIds }, message: null } }),
  clearWeights: (message) => set({ weights: { loaded: null, message: message ?? null } }),
  setWeightsMessage: (message) => set({ weights: { ...get().weights, message } }),
  probeInput: { input: null, T: null, message: null },
  setProbeInput: (input) => set({ probeInput: { input, T: null, message: null } }),
  setProbeStatus: (patch) => set({ probeInput: { ...get().probeInput, ...patch } }),
});

export const createInstrumentsSlice = (initial: { open?: boolean; stepEigAt?: number | null } = {}): Slice<InstrumentsSlice> => (set, get) => ({
  instruments: { open: initial.open ?? false, stepEigAt: initial.stepEigAt ?? null, latest: null, clip: [] },
  setInstrumentsOpen: (open) => {
    if (get().instruments.open !== open) set({ instruments: { ...get().instruments, open } });
  },
  setStepEigAt: (t) => {
    const v = t === null || !Number.isFinite(t) ? null : Math.max(1, Math.round(t));
    if (get().instruments.stepEigAt !== v) set({ instruments: { ...get().instruments, stepEigAt: v } });
  },
});
