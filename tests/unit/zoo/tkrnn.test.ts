// TKRNN against the kernel sums written out in full (the transcribed Eq. 7, not the recursion the
// cell uses), and its limit: with every λ → 0 it is the plain tanh RNN.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import type { CellDims } from '../../../src/cells/types';
import { add, map, matVec, sigmoid, testCell, vec } from './harness';

/** The paper's Eq. (kernel sums from k = 1 for inputs too), or x_t heard at once ('current'). */
const reference = (current: boolean) => (x: number[][][], p: Parameters<Parameters<typeof testCell>[0]['reference']>[1], dims: CellDims) => {
  const H = dims.hiddenSize;
  const I = dims.inputSize;
  const lamH = map(vec(p.decay_h), sigmoid);
  const lamX = map(vec(p.decay_x), sigmoid);
  const B = x[0].length;
  const hs: number[][][] = []; // hs[t][b]
  x.forEach((_, t) => {
    hs.push(Array.from({ length: B }, (_, b) => {
      // Σ_{k≥1} λ_j^{k−1} h_{t−k}^(j) and Σ_{k≥1} λ_m^{k−1} x_{t−k}^(m) (or Σ_{k≥0} λ_m^k x_{t−k}^(m)).
      const sh = new Array(H).fill(0);
      for (let k = 1; k <= t; k++) for (let j = 0; j < H; j++) sh[j] += lamH[j] ** (k - 1) * hs[t - k][b][j];
      const sx = new Array(I).fill(0);
      const k0 = current ? 0 : 1;
      for (let k = k0; k <= t; k++) for (let m = 0; m < I; m++) sx[m] += lamX[m] ** (k - k0) * x[t - k][b][m];
      return map(add(matVec(p.weight_hh, sh), matVec(p.weight_xh, sx), vec(p.bias)), Math.tanh);
    }));
  });
  return { outputs: hs, states: { h: hs[hs.length - 1] } };
};

for (const inputTiming of ['paper', 'current'] as const) {
  testCell({
    id: 'tkrnn',
    seqLen: 5,
    options: { inputTiming },
    reference: reference(inputTiming === 'current'),
    paramCount: (I, H) => H * I + H * H + H + H + I,
    train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01 }, steps: 60 },
  });
}

describe('tkrnn limit', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  it('with every decay rate λ → 0 it equals the tanh Elman RNN step for step (input heard at once)', () => {
    const dims = { inputSize: 2, hiddenSize: 4, seqLen: 6, layer: 0, numLayers: 1, options: { nonlinearity: 'tanh', inputTiming: 'current' } };
    const rng = createRng(5);
    const draw = (n: number) => Float32Array.from({ length: n }, () => rng.normal(0, 0.6));
    const [wx, wh, b] = [draw(8), draw(16), draw(4)];
    const x = Float32Array.from({ length: 6 * 3 * 2 }, () => rng.normal(0, 1));
    const [tk, half, el] = tf.tidy(() => {
      const xs = tf.tensor3d(x, [6, 3, 2]);
      const tkp = (logit: number) => ({ weight_xh: tf.tensor(wx, [4, 2]), weight_hh: tf.tensor(wh, [4, 4]), bias: tf.tensor(b),
        decay_h: tf.fill([4], logit), decay_x: tf.fill([2], logit) });
      const rnp = { weight_ih: tf.tensor(wx, [4, 2]), weight_hh: tf.tensor(wh, [4, 4]), bias_ih: tf.tensor(b), bias_hh: tf.zeros([4]) };
      return [runLayer(getCell('tkrnn'), tkp(-40), xs, dims).outputs, runLayer(getCell('tkrnn'), tkp(0), xs, dims).outputs,
        runLayer(getCell('rnn'), rnp, xs, dims).outputs].map((o) => (tf.stack(o).arraySync() as number[][][]).flat(2));
    });
    tk.forEach((v, i) => expect(v).toBeCloseTo(el[i], 5));
    // And the kernels matter: at λ = σ(0) = ½ the same weights give a different trajectory.
    expect(Math.max(...half.map((v, i) => Math.abs(v - el[i])))).toBeGreaterThan(0.05);
  });
});

describe('tkrnn input timing', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  it('in the paper\'s form h_t has not heard x_t yet: it is the current form run on the input delayed by one step', () => {
    const cell = getCell('tkrnn');
    const base = { inputSize: 2, hiddenSize: 3, seqLen: 5, layer: 0, numLayers: 1 };
    const rng = createRng(11);
    const draw = (n: number) => Float32Array.from({ length: n }, () => rng.normal(0, 0.7));
    const [wx, wh, b, dh, dx] = [draw(6), draw(9), draw(3), draw(3), draw(2)];
    const x = Float32Array.from({ length: 5 * 2 * 2 }, () => rng.normal(0, 1));
    const [paper, delayed, current] = tf.tidy(() => {
      const p = () => ({ weight_xh: tf.tensor(wx, [3, 2]), weight_hh: tf.tensor(wh, [3, 3]), bias: tf.tensor(b),
        decay_h: tf.tensor(dh), decay_x: tf.tensor(dx) });
      const xs = tf.tensor3d(x, [5, 2, 2]);
      const shifted = tf.concat([tf.zeros([1, 2, 2]), tf.slice(xs, [0, 0, 0], [4, 2, 2])], 0) as tf.Tensor3D;
      const run = (inputs: tf.Tensor3D, inputTiming: string) =>
        (tf.stack(runLayer(cell, p(), inputs, { ...base, options: { inputTiming } }).outputs).arraySync() as number[][][]).flat(2);
      return [run(xs, 'paper'), run(shifted, 'current'), run(xs, 'current')];
    });
    paper.forEach((v, i) => expect(v).toBeCloseTo(delayed[i], 5));
    expect(Math.max(...paper.map((v, i) => Math.abs(v - current[i])))).toBeGreaterThan(0.05);
  });
});
