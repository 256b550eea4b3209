// MI-RNN against Wu et al. (2016), Eq. 3: h = tanh(α⊙Wx⊙Uh + β₁⊙Uh + β₂⊙Wx + b); and the
// paper's remark that α = 0, β₁ = β₂ = 1 is the additive (Elman) RNN.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { miRnn } from '../../../src/cells/mi-rnn';
import { rnn } from '../../../src/cells/rnn';
import type { CellDims } from '../../../src/cells/types';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { runLayer } from '../../../src/engine/unroll';
import { map, matVec, testCell, vec } from './harness';

testCell({
  id: 'mi-rnn',
  reference(x, p, dims) {
    const H = dims.hiddenSize;
    const B = x[0].length;
    const [a, b1, b2, b] = [vec(p.alpha), vec(p.beta1), vec(p.beta2), vec(p.bias)];
    let h = Array.from({ length: B }, () => new Array(H).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      h = xt.map((xb, k) => {
        const wx = matVec(p.weight_ih, xb);
        const uh = matVec(p.weight_hh, h[k]);
        return map(wx.map((w, j) => a[j] * w * uh[j] + b1[j] * uh[j] + b2[j] * w + b[j]), Math.tanh);
      });
      outputs.push(h);
    }
    return { outputs, states: { h } };
  },
  paramCount: (I, H) => H * I + H * H + H + 3 * H,
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.005 }, steps: 60 },
});

describe('mi-rnn reduces to the additive RNN', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  it('equals the Elman RNN (tanh) when α = 0 and β₁ = β₂ = 1, and differs when α ≠ 0', () => {
    const [I, H, B, steps] = [3, 4, 2, 6];
    const dims: CellDims = { inputSize: I, hiddenSize: H, seqLen: steps, layer: 0, numLayers: 1, options: { nonlinearity: 'tanh' } };
    const rng = createRng(31);
    const draw = (n: number) => Float32Array.from({ length: n }, () => rng.normal(0, 0.8));
    tf.tidy(() => {
      const wih = tf.tensor2d(draw(H * I), [H, I]);
      const whh = tf.tensor2d(draw(H * H), [H, H]);
      const bias = tf.tensor1d(draw(H));
      const xs = tf.tensor3d(draw(steps * B * I), [steps, B, I]);
      const mi = (alpha: number) => runLayer(miRnn, {
        weight_ih: wih, weight_hh: whh, bias, alpha: tf.fill([H], alpha), beta1: tf.ones([H]), beta2: tf.ones([H]),
      }, xs, dims).outputs.map((o) => o.arraySync());
      const elman = runLayer(rnn, { weight_ih: wih, weight_hh: whh, bias_ih: bias, bias_hh: tf.zeros([H]) }, xs, dims)
        .outputs.map((o) => o.arraySync());
      const diff = (a: number[][][]) => Math.max(...a.flat(2).map((v, k) => Math.abs(v - elman.flat(2)[k])));
      expect(diff(mi(0))).toBeLessThan(1e-6);
      expect(diff(mi(1))).toBeGreaterThan(1e-2);
    });
  });
});
