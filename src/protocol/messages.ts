// Messages between the page and the training worker, and the run config they carry. Plain data
// only: the page never sees a tensor. The engine, the store and the views import it from here (not
// from the worker folder). Every message about a run carries its runId so stale messages can be dropped.
import type { ClipPoint, InstrumentSnapshot } from '../engine/instruments/types';
import type { TrackingUnit } from '../engine/unit-features';
import type { ProbeInput } from '../engine/probe-input';
import type { RunConfigShape } from './run-config-schema';

export type { ClipPoint, InstrumentSnapshot } from '../engine/instruments/types';
export type { ProbeInput } from '../engine/probe-input';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/**
 * Everything that defines a run. The store owns it, the URL round-trips it. Derived from its schema
 * (run-config-schema.ts: field types, documentation, and the limits a link may ask for).
 */
export type RunConfig = RunConfigShape;

/** Fields that only change the optimiser; changing them does not restart the run. */
export const LIVE_FIELDS = ['learningRate', 'clipNorm', 'svClip', 'svClipScope'] as const satisfies readonly (keyof RunConfig)[];

/** Parameter values by full name (weight_ih_l0 …, weight_out), row-major float32. */
export type WeightSet = Record<string, { shape: number[]; values: Float32Array }>;

/** Weights a run should start from instead of its seeded init; `id` tells one load from another. */
export interface LoadedWeights {
  id: number;
  values: WeightSet;
}

export type ToWorker =
  /**
   * Picks the backend. `remembered`: choices measured earlier, by device key (BackendReport.deviceKey);
   * one that matches this device is used without measuring again (the page keeps them, the worker cannot).
   * `timeSoftware`: time software GPU adapters too (tests; see src/worker/backend.ts).
   */
  | { type: 'init'; prefer?: BackendName | 'auto'; wasmPaths?: string; disabled?: BackendName[]; remembered?: Record<string, RememberedBackend>; timeSoftware?: boolean }
  /** A test hook (window.__atlasDebug.simulateFault): loses the WebGL context or destroys the WebGPU device. */
  | { type: 'simulateFault'; kind: FaultKind }
  /** `weights`: start from these (a loaded file) while they fit the model; reset returns to them. */
  | { type: 'configure'; runId: number; config: RunConfig; weights?: LoadedWeights }
  /** Asks for the current run's parameter values (answered by a 'weights' message). */
  | { type: 'exportWeights'; runId: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; steps?: number }
  | { type: 'reset' }
  /** Replaces the current run with several runs that the worker trains in turn (the Compare page). */
  | { type: 'compare'; runId: number; configs: RunConfig[] }
  /**
   * Whether the page has instrument views open (the worker computes InstrumentSnapshots only then),
   * and the t (1-based) of the probe sequence whose one-step Jacobian eigenvalues are wanted.
   * Sent when either changes and after every configure/compare; it outlives runs.
   */
  | { type: 'instruments'; open: boolean; stepEigAt?: number }
  /**
   * What the samples panel wants from a character model (task 'chars'), null when none is shown:
   * text sampled now and again every `every` training steps, answered by 'samples'. Kept across runs.
   */
  | { type: 'samples'; want: SamplesWant | null }
  /**
   * A sequence the reader typed (probe-input.ts) that every view watches instead of the task's
   * example, null for the example again. Checked against the run's task (1–500 steps, finite
   * numbers, the model's input width), answered by 'probeStatus', kept across runs while it fits.
   */
  | { type: 'probeInput'; input: ProbeInput | null };

/** A request for text from the character model (src/engine/sampling.ts). */
export interface SamplesWant {
  /** What the model reads first; empty: a newline. */
  prompt: string;
  /** Characters to generate. */
  length: number;
  temperature: number;
  seed: number;
  /** Sample again after this many training steps (while training). */
  every: number;
}

/** Text sampled from the run at one step, and the hidden units that track the text's structure. */
export interface SampleReport {
  step: number;
  prompt: string;
  temperature: number;
  seed: number;
  /** The generated characters (the prompt not repeated); '' with `error`. */
  text: string;
  /** The best unit per feature (quotes, brackets, line ends …) over a fixed passage (unit-features.ts). */
  units?: { probeText: string; units: TrackingUnit[] };
  /** Why there is no text (a bidirectional model cannot generate). */
  error?: string;
}

/** Why a backend was skipped, as a key the page translates (the English `reason` is the fallback). */
export type FallbackCode = 'disabled' | 'missing' | 'no-adapter' | 'software' | 'no-canvas' | 'check-failed' | 'start-failed' | 'lost';

export interface BackendReport {
  backend: BackendName;
  /** Why a backend earlier in the preference list was not used, one line each. */
  fallbacks: { backend: BackendName; reason: string; code?: FallbackCode; detail?: string }[];
  /** How the backend was picked: measured now, remembered from an earlier measurement, asked for by name, or the fixed order. */
  how?: 'measured' | 'remembered' | 'forced' | 'order';
  /** Milliseconds per timed step of each backend measured (null: it did not finish within the budget, or failed). */
  measured?: BackendTiming[];
  /** This device (GPU adapter and user agent), the key the page remembers the measurement under. */
  deviceKey?: string;
}

export interface BackendTiming {
  backend: BackendName;
  /** Best time of the timed steps; null when none finished within the budget or it failed. */
  ms: number | null;
  /** The adapter or renderer when it is software (SwiftShader …). */
  software?: string;
  /** The first (untimed, compiling) step's time, when no timed step fitted the budget. */
  firstMs?: number;
  /** Why it could not be timed (tfjs could not start it …). */
  error?: string;
}

/** A measured choice the page keeps per device (localStorage) and hands to the next worker. */
export interface RememberedBackend {
  backend: BackendName;
  measured: BackendTiming[];
  /** When it was measured (ms since the epoch). */
  at: number;
}

export type FaultKind = 'webgl-context-loss' | 'webgpu-device-loss';

/** One layer/direction of the probe sequence run: time-major [T][k] flattened, index t*k + j. */
export interface ProbeTrace {
  layer: number;
  direction: 0 | 1;
  /** Gate and visible-state id → { width k, data of length T*k }. */
  series: Record<string, { width: number; data: Float32Array }>;
}

export interface LossPoint {
  step: number;
  loss: number;
  accuracy: number;
}

export interface Telemetry {
  runId: number;
  /** Which of the compared runs this is (0 when there is just one). */
  slot?: number;
  /** The cell's own extra numbers (CellSpec.diagnostics), e.g. uRNN's max |σ_i − 1|. */
  diagnostics?: Record<string, number>;
  step: number;
  /** Points added since the previous snapshot (the store keeps the history). */
  points: LossPoint[];
  /** ‖∂L/∂h_t‖ of the top layer for the current training batch, t = 0…T-1. */
  gradNorms: Float32Array;
  /** Global gradient norm before clipping, for the current batch. */
  gradNormTotal: number;
  /** Probe sequence: the task's fixed example (or the reader's typed input, 'probeInput'), with the model's traces on it. */
  probe: {
    T: number;
    inputLabels: string[];
    targetLabels: string[];
    predictedLabels: string[];
    traces: ProbeTrace[];
    /** Mean of each gate/state over units and time of the top layer, for the equation labels. */
    means: Record<string, number>;
  };
  stepsPerSecond: number;
  /**
   * Spectra, Jacobians, gate histograms and the long-memory fit (first layer, forward direction,
   * batch item 0 of the probe sequence); only while the page has instruments open, and at most about
   * once a second while training (plus one at configure and on pause/step). Absent: unchanged.
   */
  instruments?: InstrumentSnapshot;
  /** One point per training step since the previous snapshot: gradient norm raw and clipped (σ_max with SV clipping). */
  clip?: ClipPoint[];
}

export type RunStatus = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

export type FromWorker =
  | { type: 'backend'; report: BackendReport }
  /**
   * The backend died during training (a lost WebGL context, a lost WebGPU device): the worker moved
   * to `to` and the runs went on from the weights saved at `step` (or started over: `step` 0);
   * in a comparison `step` is the earliest and `slotSteps` each run's own.
   */
  | { type: 'fault'; runId: number; kind: FaultKind; from: BackendName; to: BackendName; step: number; message: string; slotSteps?: number[] }
  | { type: 'telemetry'; telemetry: Telemetry }
  | { type: 'status'; runId: number; status: RunStatus; message?: string; paramCount?: number; slot?: number }
  | { type: 'weights'; runId: number; values: WeightSet }
  /** Whether loaded weights `id` became the run's start, or why they did not fit. */
  | { type: 'weightsStatus'; runId: number; id: number; applied: boolean; message?: string }
  /** Text from a character model, for the samples panel (only while it wants some; see 'samples' above). */
  | { type: 'samples'; runId: number; samples: SampleReport }
  /** Whether a typed probe input is what the views watch (its T), or why it was refused (the views keep the task's example). */
  | { type: 'probeStatus'; runId: number; input: ProbeInput; applied: boolean; T?: number; message?: string };
