// The fused steps (src/cells/fused) against the op-by-op steps they replace, on the WASM and CPU
// backends: forward outputs, final states, gates and the gradient of every parameter, for LSTM,
// GRU and the Elman RNN (tanh and ReLU), one layer and two bidirectional layers. Also: a gradient
// that reaches a gate output, tensors not piling up over many steps, and the fallback when the
// active backend has no fused kernel.
import '@tensorflow/tfjs'; // registers gradients (tfjs-core alone has none)
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import { GRU_CELL, LSTM_CELL, RNN_CELL, hasFused, setFusedEnabled } from '../../src/cells/fused';
import { setFusedSequenceEnabled } from '../../src/cells/fused/sequence';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';
import { initStackValues, runStack, type StackConfig } from '../../src/engine/stack';

// This file checks the per-step fused kernels bit for bit; the whole-sequence kernels that replace
// them on the training path (float32 agreement, not bit for bit) have their own test,
// fused-sequence.test.ts.
setFusedSequenceEnabled(false);

const T = 5;
const B = 3;
const I = 4;
const H = 6;

interface Run {
  output: Float32Array;
  finals: Float32Array[];
  gates: Record<string, Float32Array>;
  grads: Record<string, Float32Array>;
  kernels: string[];
}

function config(cellId: string, numLayers: number, bidirectional: boolean, options = {}): StackConfig {
  return { cell: getCell(cellId), inputSize: I, hiddenSize: H, numLayers, bidirectional, seqLen: T, options };
}

/** Forward with traces, and the gradient of Σ R ⊙ output w.r.t. every parameter, on fixed data. */
async function runOnce(cfg: StackConfig, fused: boolean): Promise<Run> {
  setFusedEnabled(fused);
  const rng = createRng(11);
  const values = initStackValues(cfg, createRng(3));
  const x = tf.tensor3d(new Float32Array(T * B * I).map(() => rng.normal()), [T, B, I]);
  const params = Object.fromEntries([...values].map(([n, v]) => [n, tf.tensor(v.values, v.shape)]));
  const names = Object.keys(params);
  const D = bidirectional(cfg);
  const R = tf.tensor3d(new Float32Array(T * B * H * D).map(() => rng.normal()), [T, B, H * D]);
  let out: Run | undefined;
  const profile = await tf.profile(() => {
    const run = runStack(cfg, params, x, { record: true });
    out = {
      output: run.output.dataSync() as Float32Array,
      finals: run.finals.flatMap((s) => Object.keys(s).sort().map((k) => s[k].dataSync() as Float32Array)),
      gates: Object.fromEntries((run.traces ?? []).flatMap((tr, d) => Object.entries(tr).map(([k, v]) => [`${d}:${k}`, v.dataSync() as Float32Array]))),
      grads: {},
      kernels: [],
    };
    tf.dispose([run.output, ...run.finals.flatMap((s) => Object.values(s)), ...(run.traces ?? []).flatMap((tr) => Object.values(tr))]);
    const g = tf.grads((...ps: tf.Tensor[]) => {
      const p = Object.fromEntries(names.map((n, k) => [n, ps[k]]));
      return tf.sum(tf.mul(runStack(cfg, p, x).output, R));
    })(names.map((n) => params[n]));
    names.forEach((n, k) => { out!.grads[n] = g[k].dataSync() as Float32Array; });
    tf.dispose(g);
  });
  tf.dispose([x, R, ...Object.values(params)]);
  setFusedEnabled(true);
  return { ...out!, kernels: profile.kernels.map((k) => k.name) };
}
const bidirectional = (cfg: StackConfig) => (cfg.bidirectional ? 2 : 1);

/** Largest |a − b| relative to the largest |b| (at least 1): float32 rounding is ~1e-7 of that. */
function relErr(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let err = 0;
  let scale = 1;
  for (let k = 0; k < a.length; k++) {
    err = Math.max(err, Math.abs(a[k] - b[k]));
    scale = Math.max(scale, Math.abs(b[k]));
  }
  return err / scale;
}

function expectSame(fused: Run, plain: Run): void {
  // Forward values are equal, not just close: the kernels round to float32 where the op-by-op
  // step stores a tensor, in its order, with the backend's own σ and tanh.
  expect(fused.output).toEqual(plain.output);
  expect(fused.finals).toEqual(plain.finals);
  expect(Object.keys(fused.gates).sort()).toEqual(Object.keys(plain.gates).sort());
  for (const k of Object.keys(plain.gates)) expect(fused.gates[k]).toEqual(plain.gates[k]);
  expect(Object.keys(fused.grads).sort()).toEqual(Object.keys(plain.grads).sort());
  for (const k of Object.keys(plain.grads)) {
    // Every parameter gets a gradient, and a non-trivial one.
    expect(plain.grads[k].some((v) => v !== 0)).toBe(true);
    // Equal too: the gradient kernels replay the op-by-op backward pass's float32 roundings.
    expect(fused.grads[k]).toEqual(plain.grads[k]);
  }
}

const CASES: { cell: string; kernel: string; options?: Record<string, string> }[] = [
  { cell: 'lstm', kernel: LSTM_CELL },
  { cell: 'gru', kernel: GRU_CELL },
  { cell: 'rnn', kernel: RNN_CELL, options: { nonlinearity: 'tanh' } },
  { cell: 'rnn', kernel: RNN_CELL, options: { nonlinearity: 'relu' } },
];

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`fused steps on ${backend}`, () => {
    beforeAll(async () => {
      expect(await useNodeBackend(backend)).toBe(backend);
    });
    afterEach(() => setFusedEnabled(true));

    for (const c of CASES) {
      const label = `${c.cell}${c.options ? ' ' + c.options.nonlinearity : ''}`;
      for (const [layers, bidir] of [[1, false], [2, true]] as const) {
        it(`${label}, ${layers} layer(s)${bidir ? ', bidirectional' : ''}: same values and gradients as the op-by-op step`, async () => {
          expect(hasFused(c.kernel)).toBe(true);
          const cfg = config(c.cell, layers, bidir, c.options);
          const fused = await runOnce(cfg, true);
          const plain = await runOnce(cfg, false);
          // The fused path really ran (and the op-by-op one did not).
          expect(fused.kernels).toContain(c.kernel);
          expect(fused.kernels).toContain(`${c.kernel}Grad`);
          expect(plain.kernels).not.toContain(c.kernel);
          expect(fused.kernels.length).toBeLessThan(plain.kernels.length);
          expectSame(fused, plain);
        });
      }
    }
  });
}

describe('fused steps: gradients through gate outputs, memory, fallback', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });
  afterAll(() => setFusedEnabled(true));

  for (const cellId of ['lstm', 'gru']) {
    it(`${cellId}: a loss on the gates differentiates the same as the op-by-op step`, () => {
      const cfg = config(cellId, 1, false);
      const values = initStackValues(cfg, createRng(5));
      const rng = createRng(9);
      const x = tf.tensor3d(new Float32Array(T * B * I).map(() => rng.normal()), [T, B, I]);
      const params = Object.fromEntries([...values].map(([n, v]) => [n, tf.tensor(v.values, v.shape)]));
      const names = Object.keys(params);
      const gradsWith = (fused: boolean) => {
        setFusedEnabled(fused);
        const g = tf.grads((...ps: tf.Tensor[]) => {
          const p = Object.fromEntries(names.map((n, k) => [n, ps[k]]));
          const run = runStack(cfg, p, x, { record: true });
          // Weighted sum of every gate trace plus the output: each gate's own term matters.
          const gates = Object.values(run.traces![0]);
          return tf.addN([tf.sum(run.output), ...gates.map((g, k) => tf.mul(k + 2, tf.sum(tf.square(g))))]);
        })(names.map((n) => params[n]));
        const out = g.map((t) => t.dataSync() as Float32Array);
        tf.dispose(g);
        return out;
      };
      const fused = gradsWith(true);
      const plain = gradsWith(false);
      fused.forEach((f, k) => expect(relErr(f, plain[k])).toBeLessThan(1e-5));
      tf.dispose([x, ...Object.values(params)]);
    });
  }

  it('numTensors stays flat over many fused training steps', async () => {
    const { train } = await import('@tensorflow/tfjs');
    for (const cellId of ['lstm', 'gru', 'rnn']) {
      const cfg = config(cellId, 2, true);
      const values = initStackValues(cfg, createRng(1));
      const vars = [...values].map(([n, v]) => tf.variable(tf.tensor(v.values, v.shape), true, `fused_mem_${cellId}_${n}`));
      const params = Object.fromEntries([...values.keys()].map((n, k) => [n, vars[k]]));
      const x = tf.randomNormal([T, B, I], 0, 1, 'float32', 1) as tf.Tensor3D;
      const opt = train.adam(1e-2);
      const step = () => opt.minimize(() => tf.mean(tf.square(runStack(cfg, params, x).output)) as tf.Scalar, false, vars);
      step();
      const before = tf.memory().numTensors;
      for (let k = 0; k < 8; k++) step();
      expect(tf.memory().numTensors).toBe(before);
      opt.dispose();
      tf.dispose([x, ...vars]);
    }
  });

  it('falls back to the op-by-op step when the backend has no fused kernel', async () => {
    const cfg = config('lstm', 1, false);
    const reference = await runOnce(cfg, false);
    const saved = tf.getKernel(LSTM_CELL, 'wasm');
    expect(saved).toBeDefined();
    tf.unregisterKernel(LSTM_CELL, 'wasm');
    try {
      expect(hasFused(LSTM_CELL)).toBe(false);
      const fallback = await runOnce(cfg, true);
      expect(fallback.kernels).not.toContain(LSTM_CELL);
      expect(fallback.kernels).not.toContain(`${LSTM_CELL}Grad`);
      expect(fallback.output).toEqual(reference.output);
      for (const k of Object.keys(reference.grads)) expect(fallback.grads[k]).toEqual(reference.grads[k]);
    } finally {
      tf.registerKernel(saved!);
    }
    expect(hasFused(LSTM_CELL)).toBe(true);
  });
});

describe('the WASM backend with its Identity, Slice and Unpack replaced (src/cells/fused/wasm.ts)', () => {
  it('slices, unstacks and clones exactly as the CPU backend does', async () => {
    await useNodeBackend('wasm');
    expect(hasFused(LSTM_CELL)).toBe(true); // installs the replacements
    const replaced = () => (tf.getKernel('Slice', 'wasm') as unknown as { atlas?: boolean }).atlas === true;
    expect(replaced()).toBe(true);
    // Switched off, the backend's own kernels are back (the bench's "before" runs on them).
    setFusedEnabled(false);
    expect(replaced()).toBe(false);
    setFusedEnabled(true);
    expect(replaced()).toBe(true);
    const rng = createRng(4);
    const shapes = [[7], [5, 6], [4, 3, 5], [3, 2, 4, 3]];
    const cases = shapes.flatMap((shape) => Array.from({ length: 4 }, () => {
      const begin = shape.map((n) => Math.floor(rng.uniform(0, n)));
      const size = shape.map((n, d) => 1 + Math.floor(rng.uniform(0, n - begin[d])));
      const values = new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => rng.normal());
      return { shape, begin, size, values };
    }));
    const on = async (backend: 'wasm' | 'cpu') => {
      await useNodeBackend(backend);
      return cases.map(({ shape, begin, size, values }) => tf.tidy(() => {
        const x = tf.tensor(values, shape);
        const sliced = tf.slice(x, begin, size);
        const parts = tf.unstack(x, shape.length - 1);
        const cloned = tf.clone(x);
        return { slice: sliced.dataSync(), sliceShape: sliced.shape, parts: parts.map((p) => [...p.dataSync()]), clone: cloned.dataSync() };
      }));
    };
    const wasm = await on('wasm');
    const cpu = await on('cpu');
    expect(wasm).toEqual(cpu);
    await useNodeBackend('wasm');
    // A clone shares memory by reference count: disposing one leaves the other readable.
    const a = tf.tensor([1, 2, 3]);
    const b = tf.clone(a);
    a.dispose();
    expect([...b.dataSync()]).toEqual([1, 2, 3]);
    b.dispose();
  });
});

describe('with the parameters as variables (what training uses: the one-kernel x·Wᵀ with its own gradient)', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });
  afterAll(() => setFusedEnabled(true));

  for (const cellId of ['lstm', 'gru', 'rnn']) {
    it(`${cellId}, 2 layers, bidirectional: every variable's gradient equals the op-by-op step's`, () => {
      const cfg = config(cellId, 2, true);
      const values = initStackValues(cfg, createRng(6));
      const rng = createRng(8);
      const x = tf.tensor3d(new Float32Array(T * B * I).map(() => rng.normal()), [T, B, I]);
      const R = tf.tensor3d(new Float32Array(T * B * H * 2).map(() => rng.normal()), [T, B, H * 2]);
      const vars = Object.fromEntries([...values].map(([n, v]) => [n, tf.variable(tf.tensor(v.values, v.shape), true, `fused_var_${cellId}_${n}`)]));
      const gradsWith = (fused: boolean) => {
        setFusedEnabled(fused);
        const { grads, value } = tf.variableGrads(() => tf.sum(tf.mul(runStack(cfg, vars, x).output, R)) as tf.Scalar);
        const out = Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, g.dataSync() as Float32Array]));
        tf.dispose([value, ...Object.values(grads)]);
        return out;
      };
      const fused = gradsWith(true);
      const plain = gradsWith(false);
      // Every variable gets a gradient, and the same one to the last bit.
      expect(Object.keys(fused).sort()).toEqual(Object.values(vars).map((v) => v.name).sort());
      for (const k of Object.keys(plain)) expect(fused[k]).toEqual(plain[k]);
      tf.dispose([x, R, ...Object.values(vars)]);
    });
  }

  it('the one-kernel x·Wᵀ really runs there, and not when switched off', async () => {
    const cfg = config('lstm', 1, false);
    const values = initStackValues(cfg, createRng(2));
    const vars = Object.fromEntries([...values].map(([n, v]) => [n, tf.variable(tf.tensor(v.values, v.shape), true, `fused_k_${n}`)]));
    const x = tf.randomNormal([T, B, I], 0, 1, 'float32', 3) as tf.Tensor3D;
    const names = async (fused: boolean) => {
      setFusedEnabled(fused);
      const p = await tf.profile(() => {
        const { grads, value } = tf.variableGrads(() => tf.sum(runStack(cfg, vars, x).output) as tf.Scalar);
        tf.dispose([value, ...Object.values(grads)]);
      });
      return p.kernels.map((k) => k.name);
    };
    expect(await names(true)).toContain('AtlasMatMul2D');
    expect(await names(false)).not.toContain('AtlasMatMul2D');
    tf.dispose([x, ...Object.values(vars)]);
  });
});
