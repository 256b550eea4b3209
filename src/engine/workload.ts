// What one training step will cost, estimated before the model is built: a pure function of the
// run's sizes and the cell's declared parameter shapes, states and gates. The page shows it under
// the controls; the worker refuses to build a model above the budget (a model the page's own
// sliders reach — LSTM, T 200, H 128, 3 bidirectional layers, B 32 — took 3.6 GB and 10 s per step
// before the fused kernels, and larger ones killed the WASM backend). No tfjs here: the page's main bundle imports it.
//
// Memory. tfjs keeps every intermediate of the forward pass for backpropagation, so the working
// set grows with T × B × layers × directions × (what one step of the cell produces). Per step and
// sequence, a cell produces its states, its gates (H each) and the outputs of its matrix products
// (a parameter of shape [out, in, …] read by a product yields size / shape[1] numbers: 4H for the
// LSTM's W_hh, r·4H for a tensor-train core [r, D, 4H]); the backward pass and the element-wise
// steps between them come to about ACTIVATION_FACTOR times that, measured with tf.profile on WASM
// (27 cells: 6–24 ×; tests/unit/workload.test.ts checks a few configs within a factor). Parameters
// cost four copies: the values, Adam's two moments and the gradient. A cell with whole-sequence
// kernels (the LSTM, GRU and Elman RNN on WASM and CPU, src/cells/fused/sequence.ts) keeps only
// its gates and states per step (FUSED_ACTIVATION_FACTOR), and its step costs its matmuls plus a
// small fixed part.
//
// Time. FLOPs: a weight read by a matrix product costs 2 FLOPs per sequence and step forward and
// about twice that backward (6 × B × T × weights), plus a per-op overhead per step, layer and
// direction that grows with the number of tensors a step makes. Node's WASM (the README's bench:
// LSTM/GRU at H 64 and 256) runs ~8.5 GFLOP/s and ~1.1 ms per LSTM step; the page's worker in
// Chromium, with its telemetry, took about 1.8× that on this project's 2-core machine (the default
// LSTM at 21–45 steps/s, LSTM T 200 H 128 3 bidirectional layers at 0.1 steps/s), and that is the
// figure shown. Rank-3 parameters (tensor-train cores) go through plain matMul, whose backward is
// ~10× slower per FLOP there. A rough figure for a laptop without a GPU.
import type { CellDims, CellOptions, OptionSpec, OptionPredicate } from '../cells/types';

/** What the estimate reads from a cell: its CellSpec, or the page's CellMeta (with hidden states). */
export interface WorkloadCell {
  options: readonly OptionSpec[];
  params(dims: CellDims): { shape: number[]; trainable?: boolean }[];
  outputSize(dims: CellDims): number;
  /** Every state the cell carries, hidden buffers included. */
  states: { size(dims: CellDims): number; when?: OptionPredicate }[];
  gates: { when?: OptionPredicate }[];
  /** Present (CellSpec.fusedSequence) when whole-sequence kernels run the cell on WASM and CPU. */
  fusedSequence?: unknown;
}

export interface WorkloadInput {
  cell: WorkloadCell;
  cellOptions: CellOptions;
  inputSize: number;
  outputSize: number;
  /** The task's resolved sequence length (for every task here, the seqLen setting). */
  seqLen: number;
  hiddenSize: number;
  numLayers: number;
  bidirectional: boolean;
  batchSize: number;
}

export interface Workload {
  /** Estimated peak working memory of one training step, bytes. */
  bytes: number;
  activationBytes: number;
  paramBytes: number;
  params: number;
  flops: number;
  /** Estimated milliseconds per training step on WASM, 2 cores. */
  ms: number;
}

/** Tensors kept per produced number (see the top); fitted on WASM with tf.profile. */
export const ACTIVATION_FACTOR = 12;
/** Chromium's WASM in the worker: Node's ~8.5 GFLOP/s over the 1.8× measured in the page. */
const GFLOPS = 4.7;
const RANK3_SLOWDOWN = 10;
/**
 * The whole-sequence kernels: tf.profile's peak over the workload test's LSTM and GRU configs is
 * 3–4 × the numbers produced (the per-step path there: 12); in Node they ran at ~13 GFLOP/s of CPU
 * time with ~0.2 ms of fixed cost per timestep (README, Speed), so in the page 1.8× that.
 */
const FUSED_ACTIVATION_FACTOR = 4;
const FUSED_GFLOPS = 7.4;
const FUSED_OVERHEAD_MS = 0.2;

/**
 * The budget, sized for a student laptop without a GPU. Above `refuse*` the page does not build
 * the model (a WASM heap of ~1.5× the working set, and a tab the size of several GB, is where the
 * backend aborted); above `warn*` it trains but says it will be slow or heavy.
 */
export const BUDGET = {
  refuseBytes: 1.5e9,
  refuseMs: 10_000,
  warnBytes: 0.5e9,
  warnMs: 1_000,
} as const;

export type WorkloadLevel = 'ok' | 'warn' | 'refuse';

const prod = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function withDefaults(specs: readonly OptionSpec[], options: CellOptions): CellOptions {
  return Object.fromEntries(specs.map((o) => [o.key, options[o.key] ?? o.default]));
}

export function estimateWorkload(w: WorkloadInput): Workload {
  const D = w.bidirectional ? 2 : 1;
  const fused = Boolean(w.cell.fusedSequence);
  const options = withDefaults(w.cell.options, w.cellOptions);
  const T = Math.max(1, Math.round(w.seqLen));
  const B = Math.max(1, Math.round(w.batchSize));
  const H = w.hiddenSize;
  const gates = w.cell.gates.filter((g) => !g.when || g.when(options)).length;
  const states = w.cell.states.filter((s) => !s.when || s.when(options));
  let perStep = 0; // numbers produced per step and sequence, summed over layers and directions
  let weightsFlops = 0; // weights read by a product, rank-3 ones counted at their slowdown
  let params = 0;
  let overhead = 0; // ms of per-op overhead per timestep, summed over layers and directions
  let inputSize = w.inputSize;
  let lastOut = H;
  for (let layer = 0; layer < w.numLayers; layer++) {
    const dims: CellDims = { inputSize, hiddenSize: H, seqLen: T, layer, numLayers: w.numLayers, options };
    const specs = w.cell.params(dims);
    const S = states.reduce((a, s) => a + s.size(dims), 0);
    const MM = specs.filter((p) => p.shape.length >= 2).reduce((a, p) => a + prod(p.shape) / p.shape[1], 0);
    const made = S + gates * H + MM;
    perStep += D * made;
    overhead += D * (fused ? FUSED_OVERHEAD_MS : 0.8 + (0.09 * made) / Math.max(1, H));
    for (const p of specs) {
      const n = prod(p.shape);
      if (p.trainable !== false) params += D * n;
      if (p.shape.length >= 2) weightsFlops += D * n * (p.shape.length >= 3 ? RANK3_SLOWDOWN : 1);
    }
    lastOut = w.cell.outputSize(dims);
    inputSize = lastOut * D;
  }
  // The readout, y_t = W_out h_t + b_out at every step.
  const readout = w.outputSize * (lastOut * D + 1);
  params += readout;
  weightsFlops += w.outputSize * lastOut * D;
  perStep += w.outputSize;
  const activationBytes = 4 * T * B * (fused ? FUSED_ACTIVATION_FACTOR : ACTIVATION_FACTOR) * perStep;
  const paramBytes = 4 * 4 * params;
  const flops = 6 * B * T * weightsFlops;
  const ms = T * overhead + flops / ((fused ? FUSED_GFLOPS : GFLOPS) * 1e6);
  return { bytes: activationBytes + paramBytes, activationBytes, paramBytes, params, flops, ms };
}

export function workloadLevel(w: Workload): WorkloadLevel {
  if (w.bytes > BUDGET.refuseBytes || w.ms > BUDGET.refuseMs) return 'refuse';
  if (w.bytes > BUDGET.warnBytes || w.ms > BUDGET.warnMs) return 'warn';
  return 'ok';
}

/** A setting that, lowered alone to `to`, brings the run under the budget's `refuse` line (or `warn`). */
export interface Lowering {
  /** A run field (seqLen, hiddenSize, numLayers, bidirectional, batchSize) or `opt.<key>` for a cell option. */
  field: string;
  from: number;
  to: number;
}

/** Lower bounds of the run fields the suggestions may lower (the page's own slider limits). */
export const LOWER_LIMITS = { seqLen: 10, hiddenSize: 4, numLayers: 1, batchSize: 1 } as const;

/**
 * What to lower, one setting at a time: for each one that can bring the estimate to `target` or
 * below on its own, the largest value that does; the biggest relative cut last. When none can,
 * the settings that help, each at its minimum.
 */
export function suggestLowerings(w: WorkloadInput, target: Exclude<WorkloadLevel, 'refuse'> = 'warn'): Lowering[] {
  const fits = (x: WorkloadInput) => {
    const lvl = workloadLevel(estimateWorkload(x));
    return target === 'warn' ? lvl !== 'refuse' : lvl === 'ok';
  };
  const candidates: { field: string; from: number; min: number; apply(v: number): WorkloadInput }[] = [
    ...(['hiddenSize', 'seqLen', 'numLayers', 'batchSize'] as const).map((f) => ({
      field: f, from: w[f], min: LOWER_LIMITS[f], apply: (v: number) => ({ ...w, [f]: v }),
    })),
    ...(w.bidirectional ? [{ field: 'bidirectional', from: 1, min: 0, apply: (v: number) => ({ ...w, bidirectional: v > 0 }) }] : []),
    ...w.cell.options
      .filter((o) => o.kind === 'integer' && typeof o.min === 'number' && (!o.when || o.when(withDefaults(w.cell.options, w.cellOptions))))
      .map((o) => ({
        field: `opt.${o.key}`,
        from: Number(w.cellOptions[o.key] ?? o.default),
        min: o.min!,
        apply: (v: number) => ({ ...w, cellOptions: { ...w.cellOptions, [o.key]: v } }),
      })),
  ].filter((c) => c.from > c.min);
  const found: Lowering[] = [];
  const helpful: Lowering[] = [];
  const base = estimateWorkload(w);
  for (const c of candidates) {
    const atMin = estimateWorkload(c.apply(c.min));
    if (atMin.bytes >= base.bytes && atMin.ms >= base.ms) continue; // this setting does not matter here
    helpful.push({ field: c.field, from: c.from, to: c.min });
    if (!fits(c.apply(c.min))) continue;
    // The cost grows with each of these settings: the largest value that fits, by bisection.
    let lo = c.min;
    let hi = c.from;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(c.apply(mid))) lo = mid;
      else hi = mid;
    }
    found.push({ field: c.field, from: c.from, to: lo });
  }
  const list = found.length ? found : helpful;
  return list.sort((a, b) => b.to / b.from - a.to / a.from);
}

/** 1.2 GB, 640 MB, 12 kB. */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 1e10 ? 0 : 1)} GB`;
  if (n >= 1e6) return `${Math.round(n / 1e6)} MB`;
  return `${Math.max(1, Math.round(n / 1e3))} kB`;
}

/** 40 ms, 1.4 s, 12 s. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
}
