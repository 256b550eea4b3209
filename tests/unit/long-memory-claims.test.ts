// What the mRNN and mLSTM cards claim, measured at the authors' K = 100 (which has to run at all:
// the long-memory filter is computed without K copies of the state): within the window of K
// lags the influence of the past falls like a power of the lag, where an LSTM's falls
// geometrically. Fits of log influence against log lag (power law) and against lag (geometric).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import type { CellOptions } from '../../src/cells/types';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';
import { initStackValues, paramsOf, type StackConfig } from '../../src/engine/stack';
import { Trainer } from '../../src/engine/trainer';
import { runLayer } from '../../src/engine/unroll';
import { train } from './lesson-claims-helpers';

const K = 100;
const T = 120;

interface Fit { slope: number; r2: number }
function fit(xs: number[], ys: number[]): Fit {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b) / n;
  const my = ys.reduce((a, b) => a + b) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return { slope: sxy / sxx, r2: (sxy * sxy) / (sxx * syy) };
}

/** Fits of log g against log lag and against lag, over lags lo … hi (g indexed by t, lag = T − 1 − t). */
function fits(g: number[], lo: number, hi: number) {
  const lags: number[] = [];
  const ys: number[] = [];
  for (let l = lo; l <= hi; l++) {
    lags.push(l);
    ys.push(Math.log(g[g.length - 1 - l]));
  }
  return { power: fit(lags.map(Math.log), ys), geometric: fit(lags, ys) };
}

const adding = {
  cellOptions: {}, taskId: 'adding', taskOptions: {}, seqLen: T, hiddenSize: 16, numLayers: 1, bidirectional: false,
  learningRate: 0.01, batchSize: 32, recurrentScale: 0, clipNorm: 1, svClip: 0, seed: 1,
};

beforeAll(async () => {
  await useNodeBackend();
});

describe('long memory within the window: mLSTM vs LSTM (‖∂L/∂h_t‖ at init, adding, T = 120)', () => {
  it('mLSTM at K = 100 trains and its gradient profile is a power law of the lag (R² ≥ 0.98), not geometric', async () => {
    const r = await train({ ...adding, cellId: 'mlstm', cellOptions: { K, dynamic: true } }, 1);
    expect(r.diverged).toBeUndefined();
    const { power, geometric } = fits(r.initial.norms, 2, 90);
    expect(power.r2).toBeGreaterThan(0.98);
    expect(power.slope).toBeGreaterThan(-1.5);
    expect(power.slope).toBeLessThan(-0.3);
    expect(geometric.r2).toBeLessThan(power.r2 - 0.1);
  }, 120_000);

  it('an LSTM with forget-gate bias 1 is geometric (R² ≥ 0.99), and falls 10⁵× further over 90 lags', async () => {
    const lstm = await train({ ...adding, cellId: 'lstm', cellOptions: { forgetBias: 1 } }, 1);
    const { power, geometric } = fits(lstm.initial.norms, 2, 90);
    expect(geometric.r2).toBeGreaterThan(0.99);
    expect(power.r2).toBeLessThan(geometric.r2 - 0.05);
    const g = lstm.initial.norms;
    expect(g[T - 1 - 90] / g[T - 1 - 2]).toBeLessThan(1e-5);
  }, 120_000);
});

describe('the authors’ K = 100 fits in memory', () => {
  it('one mLSTM training step at K = 100, T = 120, H = 16, B = 32 peaks below 400 MB (the filter keeps no K copies of the state)', async () => {
    const tr = new Trainer({ ...adding, cellId: 'mlstm', cellOptions: { K, dynamic: true } });
    try {
      tr.trainStep();
      const info = await tf.profile(() => tr.trainStep());
      expect(info.peakBytes).toBeLessThan(400e6);
    } finally {
      tr.dispose();
    }
  }, 120_000);
});

describe('mRNN: the influence of an input on the output, ‖∂z_T/∂x_t‖, at K = 100', () => {
  function influence(options: CellOptions): number[] {
    const cell = getCell('mrnn');
    const cfg: StackConfig = { cell, inputSize: 2, hiddenSize: 16, numLayers: 1, bidirectional: false, seqLen: T, options };
    const values = initStackValues(cfg, createRng(1).fork('params').fork('stack'));
    return tf.tidy(() => {
      const all = Object.fromEntries([...values].map(([k, v]) => [k, tf.tensor(v.values, v.shape)]));
      const p = paramsOf(cfg, all, 0, false);
      const rng = createRng(2);
      const x = tf.tensor3d(Array.from({ length: T * 8 * 2 }, () => rng.uniform(0, 1)), [T, 8, 2]);
      const dims = { inputSize: 2, hiddenSize: 16, seqLen: T, layer: 0, numLayers: 1, options };
      const g = tf.grad((xs: tf.Tensor) => tf.sum(runLayer(cell, p, xs as tf.Tensor3D, dims).outputs[T - 1]))(x);
      return Array.from(tf.sqrt(tf.sum(tf.square(g), [1, 2])).dataSync());
    });
  }

  it('within the window it falls like a power of the lag (R² ≥ 0.97); beyond K nothing of the filter is left', () => {
    const g = influence({ K, dynamic: true });
    const { power, geometric } = fits(g, 5, 90);
    expect(power.r2).toBeGreaterThan(0.97);
    expect(geometric.r2).toBeLessThan(power.r2 - 0.05);
    // Past the window only the tanh recurrences remain, which forget geometrically.
    expect(g[T - 1 - 110] / g[T - 1 - 90]).toBeLessThan(1e-3);
  }, 120_000);

  it('the card’s gradient chart, ∂L/∂m_t, stays geometric even at K = 100 (R² ≥ 0.95, 10⁻⁶ within 40 lags)', async () => {
    const r = await train({ ...adding, cellId: 'mrnn', cellOptions: { K, dynamic: true } }, 1);
    const { geometric } = fits(r.initial.norms, 2, 40);
    expect(geometric.r2).toBeGreaterThan(0.95);
    expect(r.initial.norms[T - 1 - 40] / r.initial.norms[T - 1 - 2]).toBeLessThan(1e-6);
  }, 120_000);
});
