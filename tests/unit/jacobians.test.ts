// jacobianProfile against finite differences through the cell interface, for every cell of the
// registry: among them plain (RNN), two states (LSTM, GRU), steps that read t (Clockwork, FRU, NARX,
// which take the per-step path), a whole-sequence projection (QRNN) and buffer states (NARX, TKRNN).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellList, getCell } from '../../src/cells/registry';
import { singularValues } from '../../src/cells/linalg';
import { hiddenKeyOf, statesFor, withDefaults, type CellDims, type CellOptions, type Params, type State } from '../../src/cells/types';
import { frobenius, jacobianMatrices, jacobianProfile, sigmaMax } from '../../src/engine/instruments/jacobians';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';

beforeAll(async () => {
  await useNodeBackend();
});

function setup(id: string, H: number, I: number, T: number, options: CellOptions = {}, seed = 3) {
  const cell = getCell(id);
  const o = withDefaults(cell.options, options);
  const dims: CellDims = { inputSize: I, hiddenSize: H, seqLen: T, layer: 0, numLayers: 1, options: o };
  const rng = createRng(seed);
  const noise = createRng(seed + 1);
  const params: Params = {};
  for (const s of cell.params(dims)) {
    const v = s.init(s.shape, rng.fork(s.name));
    if (s.trainable !== false) for (let i = 0; i < v.length; i++) v[i] += noise.normal(0, 0.3);
    params[s.name] = tf.tensor(v, s.shape);
  }
  const xr = createRng(seed + 2);
  const xs = Array.from({ length: T }, () => Array.from({ length: I }, () => xr.normal()));
  return { cell, dims, params, xs, options: o };
}

/** h_T for each row of a batch of perturbed (state at t, inputs) — the cell interface only. */
function finalH(id: string, params: Params, dims: CellDims, xs: number[][], from: number, s0: State | null, xRows: number[][][]): Float32Array {
  const cell = getCell(id);
  return tf.tidy(() => {
    let p = params;
    if (cell.prepare) p = { ...p, ...cell.prepare(p, dims) };
    const B = xRows.length;
    const T = xs.length;
    // xRows[b][t] replaces the sequence per batch row.
    const x3 = tf.tensor3d(Float32Array.from(Array.from({ length: T }, (_, t) => xRows.map((r) => r[t])).flat(2)), [T, B, dims.inputSize]);
    const zs = (cell.project ? tf.unstack(cell.project(x3, p, dims)) : tf.unstack(x3)) as tf.Tensor2D[];
    let state: State = s0 ?? cell.initialState(dims, B, p);
    for (let t = from; t < T; t++) state = cell.step(zs[t], state, p, { t, dims }).state;
    return state[hiddenKeyOf(cell)];
  }).dataSync() as Float32Array;
}

/** Full states after t steps, batch 1. */
function statesAt(id: string, params: Params, dims: CellDims, xs: number[][], t: number): Record<string, Float32Array> {
  const cell = getCell(id);
  return tf.tidy(() => {
    let p = params;
    if (cell.prepare) p = { ...p, ...cell.prepare(p, dims) };
    const x3 = tf.tensor3d(Float32Array.from(xs.flat()), [xs.length, 1, dims.inputSize]);
    const zs = (cell.project ? tf.unstack(cell.project(x3, p, dims)) : tf.unstack(x3)) as tf.Tensor2D[];
    let state: State = cell.initialState(dims, 1, p);
    for (let k = 0; k < t; k++) state = cell.step(zs[k], state, p, { t: k, dims }).state;
    return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, v.dataSync() as Float32Array]));
  });
}

let EPS = 1e-2;

/** Central differences of h_T w.r.t. h_t (others at t fixed), H × H row-major. */
function fdHidden(id: string, params: Params, dims: CellDims, xs: number[][], t: number, steps = xs.length): Float64Array {
  const cell = getCell(id);
  const hk = hiddenKeyOf(cell);
  const st = statesAt(id, params, dims, xs, t);
  const H = st[hk].length;
  const B = 2 * H;
  const s0: State = {};
  for (const s of statesFor(cell, dims.options)) {
    const v = st[s.id];
    const rows = new Float32Array(B * v.length);
    for (let b = 0; b < B; b++) {
      rows.set(v, b * v.length);
      if (s.id === hk) rows[b * v.length + (b >> 1)] += b % 2 === 0 ? EPS : -EPS;
    }
    s0[s.id] = tf.tensor2d(rows, [B, v.length]);
  }
  const xsCut = xs.slice(0, steps);
  const out = finalH(id, params, dims, xsCut, t, s0, Array.from({ length: B }, () => xsCut));
  Object.values(s0).forEach((x) => x.dispose());
  const j = new Float64Array(H * H);
  for (let c = 0; c < H; c++) for (let i = 0; i < H; i++) j[i * H + c] = (out[2 * c * H + i] - out[(2 * c + 1) * H + i]) / (2 * EPS);
  return j;
}

/** Central differences of h_T w.r.t. x_t (1-based), H × I. */
function fdInput(id: string, params: Params, dims: CellDims, xs: number[][], t: number): Float64Array {
  const I = dims.inputSize;
  const rows = Array.from({ length: 2 * I }, (_, b) => xs.map((x, k) => x.map((v, j) => v + (k === t - 1 && j === b >> 1 ? (b % 2 === 0 ? EPS : -EPS) : 0))));
  const out = finalH(id, params, dims, xs, 0, null, rows);
  const H = out.length / (2 * I);
  const j = new Float64Array(H * I);
  for (let c = 0; c < I; c++) for (let i = 0; i < H; i++) j[i * I + c] = (out[2 * c * H + i] - out[(2 * c + 1) * H + i]) / (2 * EPS);
  return j;
}

const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
function expectClose(got: Float64Array, want: Float64Array, what: string) {
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
  expect(worst, what).toBeLessThan(3e-3 * Math.max(1, maxAbs(want)));
}

// Every cell in the registry (the LSTM with a raised forget bias). FRU's ReLU output sits near a
// kink that a step of 1e-2 crosses, so it gets a smaller finite-difference step.
const CASES = cellList.map((c): [string, CellOptions] => [c.id, c.id === 'lstm' ? { forgetBias: 1 } : {}]);
const FD_STEP: Record<string, number> = { fru: 1e-3 };

describe('jacobianMatrices against finite differences', () => {
  for (const [id, opts] of CASES) {
    it(`${id}: ∂h_T/∂h_t, ∂h_T/∂x_t and the one-step block`, async () => {
      const T = 6;
      EPS = FD_STEP[id] ?? 1e-2;
      const { cell, dims, params, xs, options } = setup(id, 4, 3, T, opts);
      const before = tf.memory().numTensors;
      const m = await jacobianMatrices({ cell, params, dims, options, xs });
      expect(tf.memory().numTensors).toBe(before);
      expect(m.dhT_dh).toHaveLength(T + 1);
      expect(m.dhT_dx).toHaveLength(T);
      const H = m.H;
      // Entry T is the identity.
      expectClose(m.dhT_dh[T], Float64Array.from({ length: H * H }, (_, k) => (k % (H + 1) === 0 ? 1 : 0)), 'identity at T');
      for (const t of [0, 2, T - 1]) expectClose(m.dhT_dh[t], fdHidden(id, params, dims, xs, t), `∂h_T/∂h_${t}`);
      for (const t of [1, 3, T]) expectClose(m.dhT_dx[t - 1], fdInput(id, params, dims, xs, t), `∂h_T/∂x_${t}`);
      // One step: ∂h_t/∂h_{t−1} is ∂h_t/∂h_{t-1} over a sequence cut at t.
      for (const t of [1, 4]) expectClose(m.step[t - 1], fdHidden(id, params, dims, xs, t - 1, t), `∂h_${t}/∂h_${t - 1}`);
      Object.values(params).forEach((p) => p.dispose());
    });
  }
});

describe('jacobianProfile', () => {
  it('norms match the matrices (SVD by ml-matrix) and the eigenvalues at stepEigAt', async () => {
    const { cell, dims, params, xs, options } = setup('lstm', 8, 3, 12);
    const m = await jacobianMatrices({ cell, params, dims, options, xs });
    const prof = await jacobianProfile({ cell, params, dims, options, xs, stepEigAt: 5 });
    expect(prof.T).toBe(12);
    expect(prof.hSpectral).toHaveLength(13);
    expect(prof.hSpectral[12]).toBeCloseTo(1, 9);
    expect(prof.hFro[12]).toBeCloseTo(Math.sqrt(8), 6);
    for (let t = 0; t <= 12; t++) {
      expect(prof.hSpectral[t] / singularValues(m.dhT_dh[t], 8, 8)[0]).toBeCloseTo(1, 9);
      expect(prof.hFro[t]).toBeCloseTo(frobenius(m.dhT_dh[t]), 10);
    }
    for (let t = 1; t <= 12; t++) {
      expect(prof.xSpectral[t - 1] / singularValues(m.dhT_dx[t - 1], 8, 3)[0]).toBeCloseTo(1, 9);
      expect(prof.stepSigmaMax[t - 1] / singularValues(m.step[t - 1], 8, 8)[0]).toBeCloseTo(1, 9);
      expect(prof.stepRadius[t - 1]).toBeLessThanOrEqual(prof.stepSigmaMax[t - 1] * (1 + 1e-9));
    }
    expect(prof.stepEigenvalues?.t).toBe(5);
    expect(prof.stepEigenvalues?.eigenvalues).toHaveLength(8);
    const rho = Math.max(...prof.stepEigenvalues!.eigenvalues.map(([re, im]) => Math.hypot(re, im)));
    expect(rho).toBeCloseTo(prof.stepRadius[4], 10);
    Object.values(params).forEach((p) => p.dispose());
  });

  it('gives the same numbers when the backward passes are split into chunks (both paths)', async () => {
    for (const id of ['lstm', 'clockwork']) {
      const { cell, dims, params, xs, options } = setup(id, 4, 2, 11);
      const whole = await jacobianProfile({ cell, params, dims, options, xs });
      const before = tf.memory().numTensors;
      const split = await jacobianProfile({ cell, params, dims, options, xs, rowBudget: 20 }); // LSTM (S = 8): 2 steps a pass; Clockwork (S = 4): 5
      expect(tf.memory().numTensors).toBe(before);
      expect(split).toEqual(whole);
      Object.values(params).forEach((p) => p.dispose());
    }
  });

  it('keeps non-finite values as markers: diverged weights give NaN, never an exception', async () => {
    const { cell, dims, params, xs, options } = setup('rnn', 4, 2, 10);
    params.weight_hh.dispose();
    params.weight_hh = tf.fill([4, 4], NaN);
    const before = tf.memory().numTensors;
    const prof = await jacobianProfile({ cell, params, dims, options, xs, stepEigAt: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(prof.hSpectral[10]).toBe(1); // the identity at T
    expect(prof.hSpectral.slice(0, 10).every(Number.isNaN)).toBe(true);
    expect(prof.stepRadius.every(Number.isNaN)).toBe(true);
    expect(prof.stepEigenvalues?.eigenvalues.flat().every(Number.isNaN)).toBe(true);
    Object.values(params).forEach((p) => p.dispose());
  });

  it('accepts the sequence as tensors (batch row 0) and keeps tf.memory flat', async () => {
    const { cell, dims, params, xs, options } = setup('gru', 5, 2, 8);
    const a = await jacobianProfile({ cell, params, dims, options, xs });
    const ts = xs.map((x) => tf.tensor2d([x, x.map((v) => v + 1)]));
    const before = tf.memory().numTensors;
    const b = await jacobianProfile({ cell, params, dims, options, xs: ts });
    expect(tf.memory().numTensors).toBe(before);
    expect(b).toEqual(a);
    ts.forEach((t) => t.dispose());
    Object.values(params).forEach((p) => p.dispose());
  });

  it('Lanczos σ_max: known matrices, a clustered top, wide matrices, 0 and non-finite kept', () => {
    const d = Float64Array.from([3, 0, 0, 0, 2.9, 0, 0, 0, 1]);
    expect(sigmaMax(d, 3, 3)).toBeCloseTo(3, 12);
    // Nearly equal top singular values (where power iteration crawls): exact, n ≤ 16 steps span everything.
    expect(sigmaMax(Float64Array.from([3, 0, 0, 0, 2.9999, 0, 0, 0, 1]), 3, 3)).toBeCloseTo(3, 12);
    // n > LANCZOS_STEPS: a 64 × 64 matrix with a cluster at the top, against ml-matrix's SVD.
    const rng = createRng(8);
    const n = 64;
    const g = Float64Array.from({ length: n * n }, () => rng.normal() / Math.sqrt(n));
    for (let i = 0; i < 3; i++) g[i * n + i] += 5 - 1e-4 * i;
    expect(sigmaMax(g, n, n) / singularValues(g, n, n)[0]).toBeCloseTo(1, 10);
    const wide = g.subarray(0, 20 * n);
    expect(sigmaMax(wide, 20, n) / singularValues(wide, 20, n)[0]).toBeCloseTo(1, 10);
    expect(sigmaMax(new Float64Array(4), 2, 2)).toBe(0);
    expect(sigmaMax(Float64Array.from([Infinity, 0, 0, 1]), 2, 2)).toBe(Infinity);
    expect(sigmaMax(Float64Array.from([1e-300, 0, 0, 2e-300]), 2, 2) / 2e-300).toBeCloseTo(1, 9);
  });

  it(`is fast enough for the worker: LSTM, H 32, T 50`, async () => {
    const { cell, dims, params, xs, options } = setup('lstm', 32, 4, 50);
    await jacobianProfile({ cell, params, dims, options, xs });
    const times: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      await jacobianProfile({ cell, params, dims, options, xs, stepEigAt: 25 });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`jacobianProfile LSTM H 32 T 50 (${tf.getBackend()}): median ${times[3].toFixed(0)} ms, min ${times[0].toFixed(0)} ms`);
    // Generous for a shared 2-core machine; the header states the measured number.
    expect(times[0]).toBeLessThan(600);
    Object.values(params).forEach((p) => p.dispose());
  });
});
