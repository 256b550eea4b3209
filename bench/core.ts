// One training step timed for our cells and for tf.layers at the same sizes, on whatever
// backend is active. Shared by the Node bench and the in-browser bench page, so both measure
// exactly the same work: forward over T steps, MSE on every output, backward, Adam update.
import * as tf from '@tensorflow/tfjs';
import { getCell } from '../src/cells/registry';
import { createRng } from '../src/engine/rng';
import { initStackValues, runStack, type StackConfig } from '../src/engine/stack';

export interface BenchCase {
  cell: 'lstm' | 'gru';
  hidden: number;
  batch: number;
  T: number;
  input: number;
}

export interface BenchResult extends BenchCase {
  backend: string;
  oursMs: number | null;
  /** Our initial loss on the fixed data: equal on every backend, a check that each path computes the same cell. */
  oursLoss0?: number;
  layersMs: number | null;
  /** tf.layers ms / our ms: above 1 means ours is faster. */
  speedup: number | null;
  /** The matmul floor of this step on this backend, measured in the same run (see matmulFloorMs). */
  floorMs?: number;
  /** our ms / floorMs: how many times the bare matmul work our step takes. */
  oursOverFloor?: number | null;
  /** The rate the floor assumes: a plain 512³ matmul on this backend, GFLOP/s. */
  matmulGflops?: number;
  reps: number;
  error?: string;
}

export const DEFAULT_CASES: BenchCase[] = [64, 256].flatMap((hidden) =>
  (['lstm', 'gru'] as const).map((cell) => ({ cell, hidden, batch: 32, T: 50, input: 8 })),
);

type StepFn = () => tf.Scalar;

/**
 * GFLOP/s of a plain 512 × 512 × 512 matmul (2·512³ flops) on the active backend: the rate at
 * which this backend does the one kind of work a recurrent step cannot avoid.
 */
export async function matmulGflops(budgetMs = 1000): Promise<number> {
  const n = 512;
  const [a, b] = [tf.randomNormal([n, n], 0, 1, 'float32', 1), tf.randomNormal([n, n], 0, 1, 'float32', 2)] as tf.Tensor2D[];
  const once = async () => {
    const y = tf.matMul(a, b);
    await y.data();
    y.dispose();
  };
  try {
    await once(); // warm-up
    let reps = 0;
    const t0 = performance.now();
    while (reps < 3 || (performance.now() - t0 < budgetMs && reps < 50)) {
      await once();
      reps++;
    }
    const s = (performance.now() - t0) / 1000 / reps;
    return (2 * n ** 3) / s / 1e9;
  } finally {
    tf.dispose([a, b]);
  }
}

/**
 * The matmul floor of one training step, in ms: the flops of the step's matmuls at the measured
 * matmul rate, nothing else (no element-wise work, no per-op overhead).
 *   forward flops  = T · 2 · B · (I + H) · G·H   (x·W_ihᵀ and h·W_hhᵀ each step; G = 4 gate blocks
 *                                                for the LSTM, 3 for the GRU)
 *   training flops ≈ 3 × forward                 (backward: one matmul for the input gradient and
 *                                                one for the weight gradient per forward matmul)
 *   floor_ms       = training flops / (GFLOP/s · 1e6)
 * At H 64, B 32, T 50, I 8 the LSTM's forward is 59 MFLOP.
 */
export function matmulFloorMs(c: BenchCase, gflops: number): number {
  const G = c.cell === 'lstm' ? 4 : 3;
  const forward = c.T * 2 * c.batch * (c.input + c.hidden) * G * c.hidden;
  return (3 * forward) / (gflops * 1e6);
}

async function timeSteps(step: StepFn, vars: tf.Variable[], budgetMs: number, minReps: number): Promise<{ ms: number; reps: number }> {
  const opt = tf.train.adam(1e-3);
  const once = async () => {
    const loss = opt.minimize(step, true, vars) as tf.Scalar;
    await loss.data(); // forces the queued GPU work to finish inside the timing
    loss.dispose();
  };
  await once(); // warm-up: shader compilation, kernel caches
  let reps = 0;
  const t0 = performance.now();
  while (reps < minReps || (performance.now() - t0 < budgetMs && reps < 50)) {
    await once();
    reps++;
  }
  const ms = (performance.now() - t0) / reps;
  opt.dispose();
  return { ms, reps };
}

function fixedData(c: BenchCase) {
  const rng = createRng(7);
  const x = new Float32Array(c.T * c.batch * c.input).map(() => rng.normal());
  const y = new Float32Array(c.T * c.batch * c.hidden).map(() => rng.uniform(-0.5, 0.5));
  return { x, y };
}

async function timeOurs(c: BenchCase, budgetMs: number, minReps: number) {
  const cfg: StackConfig = {
    cell: getCell(c.cell), inputSize: c.input, hiddenSize: c.hidden, numLayers: 1,
    bidirectional: false, seqLen: c.T, options: {},
  };
  const values = initStackValues(cfg, createRng(1));
  const params: Record<string, tf.Variable> = {};
  for (const [name, v] of values) params[name] = tf.variable(tf.tensor(v.values, v.shape), true, `bench_${name}`);
  const { x, y } = fixedData(c);
  const xs = tf.tensor3d(x, [c.T, c.batch, c.input]);
  const ys = tf.tensor3d(y, [c.T, c.batch, c.hidden]);
  try {
    const loss = () => tf.losses.meanSquaredError(ys, runStack(cfg, params, xs).output) as tf.Scalar;
    const l0 = tf.tidy(loss);
    const loss0 = (await l0.data())[0];
    l0.dispose();
    return { ...(await timeSteps(loss, Object.values(params), budgetMs, minReps)), loss0 };
  } finally {
    tf.dispose([xs, ys, ...Object.values(params)]);
  }
}

async function timeLayers(c: BenchCase, budgetMs: number, minReps: number) {
  const { x, y } = fixedData(c);
  // tf.layers is batch-major: [B, T, F].
  const xs = tf.tidy(() => tf.transpose(tf.tensor3d(x, [c.T, c.batch, c.input]), [1, 0, 2]));
  const ys = tf.tidy(() => tf.transpose(tf.tensor3d(y, [c.T, c.batch, c.hidden]), [1, 0, 2]));
  const layer = c.cell === 'lstm'
    ? tf.layers.lstm({ units: c.hidden, returnSequences: true, recurrentActivation: 'sigmoid', recurrentInitializer: 'glorotUniform' })
    : tf.layers.gru({ units: c.hidden, returnSequences: true, recurrentActivation: 'sigmoid', recurrentInitializer: 'glorotUniform' });
  tf.tidy(() => { layer.apply(xs); }); // builds the weights
  const vars = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  try {
    return await timeSteps(() => tf.losses.meanSquaredError(ys, layer.apply(xs) as tf.Tensor) as tf.Scalar, vars, budgetMs, minReps);
  } finally {
    tf.dispose([xs, ys]);
    layer.dispose();
  }
}

export async function runCases(cases: BenchCase[], opts: { budgetMs?: number; minReps?: number; log?: (s: string) => void } = {}): Promise<BenchResult[]> {
  const budgetMs = opts.budgetMs ?? 3000;
  const minReps = opts.minReps ?? 3;
  const out: BenchResult[] = [];
  // Measured once per call, on the backend the cases run on, so each floor comes from the same run.
  const gflops = await matmulGflops().catch(() => undefined);
  if (gflops) opts.log?.(`${tf.getBackend()} 512³ matmul: ${gflops.toFixed(1)} GFLOP/s`);
  for (const c of cases) {
    const backend = tf.getBackend();
    const r: BenchResult = { ...c, backend, oursMs: null, layersMs: null, speedup: null, reps: 0 };
    const errors: string[] = [];
    try {
      const o = await timeOurs(c, budgetMs, minReps);
      r.oursMs = o.ms;
      r.reps = o.reps;
      r.oursLoss0 = o.loss0;
    } catch (e) {
      errors.push(`ours: ${(e as Error).message.split('\n')[0]}`);
    }
    try {
      r.layersMs = (await timeLayers(c, budgetMs, minReps)).ms;
    } catch (e) {
      errors.push(`tf.layers: ${(e as Error).message.split('\n')[0]}`);
    }
    if (r.oursMs && r.layersMs) r.speedup = r.layersMs / r.oursMs;
    if (gflops) {
      r.matmulGflops = gflops;
      r.floorMs = matmulFloorMs(c, gflops);
      r.oursOverFloor = r.oursMs ? r.oursMs / r.floorMs : null;
    }
    if (errors.length) r.error = errors.join('; ');
    const vs = r.speedup ? ` (${r.speedup.toFixed(2)}× tf.layers)` : '';
    const floor = r.floorMs ? `, floor ${r.floorMs.toFixed(1)} ms (ours ${r.oursOverFloor?.toFixed(1)}× it)` : '';
    opts.log?.(`${backend} ${c.cell} H=${c.hidden}: ours ${r.oursMs?.toFixed(1)} ms, tf.layers ${r.layersMs?.toFixed(1)} ms${vs}${floor}${r.error ? ' (' + r.error + ')' : ''}`);
    out.push(r);
  }
  return out;
}
