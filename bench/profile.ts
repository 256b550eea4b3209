// Per-kernel profile (tf.profile) of one LSTM and one GRU training step at H 64, B 32, T 50, I 8,
// the bench's own step (forward, MSE, backward, Adam), on tfjs's WASM backend in Node: with the
// fused step kernels (src/cells/fused) and with them switched off (the op-by-op step). Kernel
// counts are exact; times under tf.profile include its own per-kernel bookkeeping, so read them
// as shares, and take step times from the timed bench (bench/core.ts).
import * as tf from '@tensorflow/tfjs';
import { getCell } from '../src/cells/registry';
import { setFusedEnabled } from '../src/cells/fused';
import { useNodeBackend } from '../src/engine/node-backend';
import { createRng } from '../src/engine/rng';
import { initStackValues, runStack, type StackConfig } from '../src/engine/stack';

export interface KernelRow { name: string; count: number; ms: number }

export interface StepProfile {
  cell: 'lstm' | 'gru';
  hidden: number;
  fused: boolean;
  /** Kernels run by one training step (custom-gradient wrappers such as "forward" count as one). */
  kernels: number;
  /** Every kernel name with its count and summed time, most time first. */
  byKernel: KernelRow[];
}

const SIZES = { hidden: 64, batch: 32, T: 50, input: 8 };

async function profileStep(cellId: 'lstm' | 'gru', fused: boolean): Promise<StepProfile> {
  const { hidden, batch, T, input } = SIZES;
  const cfg: StackConfig = { cell: getCell(cellId), inputSize: input, hiddenSize: hidden, numLayers: 1, bidirectional: false, seqLen: T, options: {} };
  const params: Record<string, tf.Variable> = {};
  for (const [name, v] of initStackValues(cfg, createRng(1))) params[name] = tf.variable(tf.tensor(v.values, v.shape), true, `profile_${cellId}_${name}`);
  const rng = createRng(7);
  const xs = tf.tensor3d(new Float32Array(T * batch * input).map(() => rng.normal()), [T, batch, input]);
  const ys = tf.tensor3d(new Float32Array(T * batch * hidden).map(() => rng.uniform(-0.5, 0.5)), [T, batch, hidden]);
  const opt = tf.train.adam(1e-3);
  const once = async () => {
    const loss = opt.minimize(() => tf.losses.meanSquaredError(ys, runStack(cfg, params, xs).output) as tf.Scalar, true, Object.values(params)) as tf.Scalar;
    await loss.data();
    loss.dispose();
  };
  setFusedEnabled(fused);
  try {
    await once(); // warm-up: Adam's slots, kernel set-up
    const profile = await tf.profile(once);
    const rows = new Map<string, KernelRow>();
    for (const k of profile.kernels) {
      const row = rows.get(k.name) ?? { name: k.name, count: 0, ms: 0 };
      row.count++;
      row.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      rows.set(k.name, row);
    }
    const byKernel = [...rows.values()].sort((a, b) => b.ms - a.ms).map((r) => ({ ...r, ms: Math.round(r.ms * 100) / 100 }));
    return { cell: cellId, hidden, fused, kernels: profile.kernels.length, byKernel };
  } finally {
    setFusedEnabled(true);
    opt.dispose();
    tf.dispose([xs, ys, ...Object.values(params)]);
  }
}

export async function profileBench(log: (s: string) => void): Promise<Record<string, unknown>> {
  const backend = await useNodeBackend('wasm');
  const steps: StepProfile[] = [];
  for (const cell of ['lstm', 'gru'] as const) {
    for (const fused of [false, true]) {
      const p = await profileStep(cell, fused);
      steps.push(p);
      const top = p.byKernel.slice(0, 5).map((r) => `${r.name} ×${r.count} ${r.ms.toFixed(1)} ms`).join(', ');
      log(`profile ${backend} ${cell} H=${p.hidden} ${fused ? 'fused' : 'op-by-op'}: ${p.kernels} kernels; top: ${top}`);
    }
  }
  return { backend, sizes: SIZES, steps };
}
