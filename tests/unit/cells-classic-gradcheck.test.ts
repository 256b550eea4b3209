// Finite-difference check of every parameter gradient of RNN (tanh, relu), LSTM and GRU.
// float32 forward passes: small sizes, central differences with eps = 1e-2, the loss summed in
// float64 on the JS side, and a per-tensor relative tolerance of a few percent.
import '@tensorflow/tfjs'; // registers gradients (tfjs-core alone has none)
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import { useNodeBackend } from '../../src/engine/node-backend';
import { forwardStack } from '../../src/engine/pytorch-run';
import { createRng } from '../../src/engine/rng';
import { initStackValues, type StackConfig } from '../../src/engine/stack';

beforeAll(async () => {
  await useNodeBackend();
});

const I = 2;
const H = 3;
const T = 4;
const B = 2;
const EPS = 1e-2;

type Values = Map<string, { shape: number[]; values: Float32Array }>;

function lossValue(cfg: StackConfig, values: Values, x: Float32Array, R: Float64Array): number {
  const out = tf.tidy(() => {
    const params = Object.fromEntries([...values].map(([n, v]) => [n, tf.tensor(v.values, v.shape)]));
    return forwardStack(cfg, params, tf.tensor3d(x, [T, B, I])).output;
  });
  const y = out.dataSync();
  out.dispose();
  let L = 0;
  for (let i = 0; i < y.length; i++) L += y[i] * R[i];
  return L;
}

function analyticGrads(cfg: StackConfig, values: Values, x: Float32Array, R: Float64Array): Map<string, Float32Array> {
  const names = [...values.keys()];
  const grads = tf.tidy(() => {
    const r = tf.tensor3d(Float32Array.from(R), [T, B, H]);
    const f = (...ps: tf.Tensor[]) => {
      const params = Object.fromEntries(names.map((n, i) => [n, ps[i]]));
      return tf.sum(tf.mul(forwardStack(cfg, params, tf.tensor3d(x, [T, B, I])).output, r));
    };
    return tf.grads(f)(names.map((n) => tf.tensor(values.get(n)!.values, values.get(n)!.shape)));
  });
  const out = new Map(names.map((n, i) => [n, grads[i].dataSync() as Float32Array]));
  tf.dispose(grads);
  return out;
}

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, a) => s + a * a, 0));

describe.each([
  ['rnn', { nonlinearity: 'tanh' }],
  ['rnn', { nonlinearity: 'relu' }],
  ['lstm', { forgetBias: 0 }],
  ['gru', {}],
] as const)('%s %o: analytic vs central-difference gradients', (cellId, options) => {
  it('agree for every parameter tensor', () => {
    const cfg: StackConfig = {
      cell: getCell(cellId), inputSize: I, hiddenSize: H, numLayers: 1, bidirectional: false, seqLen: T, options,
    };
    // Weights larger than PyTorch's init so the gates leave their linear range and errors show.
    const values = initStackValues(cfg, createRng(7));
    for (const v of values.values()) for (let i = 0; i < v.values.length; i++) v.values[i] *= 2;
    const rng = createRng(8);
    const x = Float32Array.from({ length: T * B * I }, () => rng.normal());
    const R = Float64Array.from({ length: T * B * H }, () => rng.normal());
    const before = tf.memory().numTensors;
    const analytic = analyticGrads(cfg, values, x, R);
    for (const [name, v] of values) {
      const numeric = new Float64Array(v.values.length);
      for (let i = 0; i < v.values.length; i++) {
        const orig = v.values[i];
        v.values[i] = orig + EPS;
        const up = lossValue(cfg, values, x, R);
        v.values[i] = orig - EPS;
        const down = lossValue(cfg, values, x, R);
        v.values[i] = orig;
        numeric[i] = (up - down) / (2 * EPS);
      }
      const a = analytic.get(name)!;
      const diff = norm(Array.from(a, (g, i) => g - numeric[i]));
      expect(norm(numeric), `${name}: gradient should not vanish here`).toBeGreaterThan(1e-3);
      expect(diff / norm(numeric), `${name}: relative error`).toBeLessThan(0.03);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
