// Claims the cell cards' summaries make that numbers can check (item 6 of issue 9), beyond the
// ones each cell's own zoo test already proves (np-RNN's top eigenvalue 1, IRNN's W_hh = αI,
// uRNN's unit singular values during training, IndRNN's |u| ≤ γ^{1/T}, Clockwork's held modules
// and slow-to-fast wiring, the 1997 LSTM's unbounded drift, FRU's undamped gradient, Dilated
// RNN's dilations). What the trained presets reach is checked by the preset test.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import { fullTensorParamCount, ttParamCount } from '../../src/cells/hotrnn';
import { paramCount, withDefaults, type CellDims, type Params } from '../../src/cells/types';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';
import { runLayer } from '../../src/engine/unroll';

const dims = (id: string, I: number, H: number, options = {}): CellDims => ({
  inputSize: I, hiddenSize: H, seqLen: 12, layer: 0, numLayers: 1, options: withDefaults(getCell(id).options, options),
});

function initParams(id: string, d: CellDims, seed = 3): Params {
  const rng = createRng(seed);
  return Object.fromEntries(getCell(id).params(d).map((s) => [s.name, tf.tensor(s.init(s.shape, rng), s.shape)]));
}

beforeAll(async () => {
  await useNodeBackend('wasm');
});

describe('card claims', () => {
  it('CIFG LSTM: coupling drops one of the four weight blocks, a quarter of the LSTM’s parameters', () => {
    for (const [I, H] of [[2, 32], [5, 7]]) {
      const lstm = paramCount(getCell('lstm').params(dims('lstm', I, H)));
      const cifg = paramCount(getCell('lstm-cifg').params(dims('lstm-cifg', I, H)));
      expect(cifg * 4).toBe(lstm * 3);
    }
  });

  it('MI-RNN, MI-LSTM, MI-GRU: multiplicative integration adds three vectors per gate block', () => {
    for (const [id, blocks] of [['mi-rnn', 1], ['mi-lstm', 4], ['mi-gru', 3]] as const) {
      const H = 6;
      const specs = getCell(id).params(dims(id, 3, H));
      const mi = specs.filter((s) => ['alpha', 'beta1', 'beta2'].includes(s.name));
      expect(mi.map((s) => s.shape)).toEqual([[blocks * H], [blocks * H], [blocks * H]]);
      // The rest is the additive cell with one bias: W [kH × I], U [kH × H], b [kH].
      const rest = paramCount(specs.filter((s) => !mi.includes(s)));
      expect(rest).toBe(blocks * H * (3 + H + 1));
    }
  });

  it('HOT-RNN at its card preset: the tensor train holds about 4 thousand numbers where the full tensor needs about 70 thousand', () => {
    const cell = getCell('hotrnn');
    const H = cell.preset?.hiddenSize ?? 32;
    const d = { ...dims('hotrnn', 2, H, cell.preset?.options ?? {}) };
    const head = 4 * H * (d.inputSize + 1);
    const tt = ttParamCount(d) - head;
    const full = fullTensorParamCount(d) - head;
    expect(tt).toBeGreaterThan(3000);
    expect(tt).toBeLessThan(6000);
    expect(full).toBeGreaterThan(50_000);
    expect(full).toBeLessThan(90_000);
  });

  it('QRNN: nothing about h_{t−1} enters the gates (two different starting states, the same z, f, o)', () => {
    tf.tidy(() => {
      const d = dims('qrnn', 3, 5);
      const p = initParams('qrnn', d);
      const xs = tf.randomNormal([d.seqLen, 2, 3], 0, 1, 'float32', 7) as tf.Tensor3D;
      const cell = getCell('qrnn');
      const a = runLayer(cell, p, xs, d, { record: true });
      const state0 = { h: tf.randomNormal([2, 5], 0, 1, 'float32', 8) as tf.Tensor2D, c: tf.randomNormal([2, 5], 0, 1, 'float32', 9) as tf.Tensor2D };
      const b = runLayer(cell, p, xs, d, { record: true, state0 });
      for (const g of ['z', 'f', 'o']) expect(Array.from(b.trace![g].dataSync())).toEqual(Array.from(a.trace![g].dataSync()));
      // …while the cell state does remember where it started.
      expect(Array.from(b.trace!.c.dataSync())).not.toEqual(Array.from(a.trace!.c.dataSync()));
    });
  });

  it('MI-RNN: the Jacobian ∂h_t/∂h_{t−1} is diag(φ′)·diag(α ⊙ Wx + β₁)·U', () => {
    tf.tidy(() => {
      const I = 3;
      const H = 4;
      const d = dims('mi-rnn', I, H);
      const cell = getCell('mi-rnn');
      const p = initParams('mi-rnn', d, 5);
      const x = tf.randomNormal([1, I], 0, 1, 'float32', 1) as tf.Tensor2D;
      const h0 = tf.randomNormal([1, H], 0, 0.5, 'float32', 2) as tf.Tensor2D;
      const pp = { ...p, ...(cell.prepare ? cell.prepare(p, d) : {}) };
      const xt = cell.project ? (tf.unstack(cell.project(tf.expandDims(x, 0) as tf.Tensor3D, pp, d))[0] as tf.Tensor2D) : x;
      const stepH = (h: tf.Tensor2D) => cell.step(xt, { ...cell.initialState(d, 1, pp), h }, pp, { t: 0, dims: d }).state.h;
      // Numerical Jacobian, column by column.
      const eps = 1e-2;
      const J: number[][] = Array.from({ length: H }, () => new Array(H).fill(0));
      for (let j = 0; j < H; j++) {
        const e = tf.oneHot([j], H).mul(eps) as tf.Tensor2D;
        const up = stepH(tf.add(h0, e) as tf.Tensor2D).dataSync();
        const down = stepH(tf.sub(h0, e) as tf.Tensor2D).dataSync();
        for (let i = 0; i < H; i++) J[i][j] = (up[i] - down[i]) / (2 * eps);
      }
      // The card's formula.
      const W = p.weight_ih.arraySync() as number[][];
      const U = p.weight_hh.arraySync() as number[][];
      const alpha = p.alpha.dataSync();
      const beta1 = p.beta1.dataSync();
      const h = stepH(h0).dataSync();
      const xv = x.dataSync();
      for (let i = 0; i < H; i++) {
        const wx = W[i].reduce((s, w, k) => s + w * xv[k], 0);
        const phi = 1 - h[i] * h[i];
        for (let j = 0; j < H; j++) expect(J[i][j]).toBeCloseTo(phi * (alpha[i] * wx + beta1[i]) * U[i][j], 3);
      }
    });
  });
});
