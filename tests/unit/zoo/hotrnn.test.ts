// HOT-RNN against a plain-JS forward that does what the authors' code does: build the full
// weight tensor from the TT cores, form S^{⊗P} explicitly and contract the two.
import { describe, expect, it } from 'vitest';
import { fullTensorParamCount, ttParamCount } from '../../../src/cells/hotrnn';
import { add, matVec, sigmoid, testCell, vec } from './harness';
import type { Arr } from './harness';

/** The full tensor W[i₁…i_P, k] = (A¹[0,i₁,:] A²[:,i₂,:] ⋯ Aᴾ[:,i_P,:])[k], flattened over i. */
function fullTensor(p: Record<string, Arr>, P: number, D: number): number[][] {
  const out: number[][] = [];
  const idx = new Array(P).fill(0);
  for (let flat = 0; flat < D ** P; flat++) {
    let rem = flat;
    for (let q = P - 1; q >= 0; q--) { idx[q] = rem % D; rem = Math.floor(rem / D); }
    let row = [1];
    for (let q = 0; q < P; q++) {
      const [r0, , r1] = p[`core_${q + 1}`].shape;
      const next = new Array(r1).fill(0);
      for (let a = 0; a < r0; a++) for (let b = 0; b < r1; b++) next[b] += row[a] * p[`core_${q + 1}`].data[(a * D + idx[q]) * r1 + b];
      row = next;
    }
    out.push(row);
  }
  return out;
}

function hotReference(x: number[][][], p: Record<string, Arr>, H: number, L: number, P: number) {
  const D = L * H + 1;
  const W = fullTensor(p, P, D);
  const B = x[0].length;
  const hist: number[][][] = []; // hist[t][b] = h_t
  let c = Array.from({ length: B }, () => new Array(H).fill(0));
  let h = c;
  const outputs: number[][][] = [];
  for (let t = 0; t < x.length; t++) {
    const next = x[t].map((xb, b) => {
      const S: number[] = [];
      for (let l = L; l >= 1; l--) S.push(...(t - l >= 0 ? hist[t - l][b] : new Array(H).fill(0)));
      S.push(1);
      const g = add(matVec(p.weight_ih, xb), vec(p.bias));
      W.forEach((row, flat) => {
        let prod = 1;
        let rem = flat;
        for (let q = 0; q < P; q++) { prod *= S[rem % D]; rem = Math.floor(rem / D); }
        for (let k = 0; k < 4 * H; k++) g[k] += row[k] * prod;
      });
      const cb = new Array(H);
      const hb = new Array(H);
      for (let u = 0; u < H; u++) {
        const i = sigmoid(g[u]);
        const j = Math.tanh(g[H + u]);
        const f = sigmoid(g[2 * H + u] + 1);
        const o = sigmoid(g[3 * H + u]);
        cb[u] = c[b][u] * f + i * j;
        hb[u] = Math.tanh(cb[u]) * o;
      }
      return { c: cb, h: hb };
    });
    c = next.map((n) => n.c);
    h = next.map((n) => n.h);
    hist.push(h);
    outputs.push(h);
  }
  return { outputs, states: { h, c } };
}

for (const [L, P, rank] of [[2, 2, 2], [3, 3, 2], [1, 1, 3]]) {
  testCell({
    id: 'hotrnn',
    options: { lags: L, order: P, rank },
    reference: (x, p, dims) => hotReference(x, p, dims.hiddenSize, L, P),
    paramCount: (I, H) => {
      const D = L * H + 1;
      const r = [1, ...new Array(P - 1).fill(rank), 4 * H];
      let n = 0;
      for (let q = 1; q <= P; q++) n += r[q - 1] * D * r[q];
      return n + 4 * H * I + 4 * H;
    },
    train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: L === 2 ? 80 : 40 },
  });
}

describe('hotrnn parameter counts', () => {
  const dims = (I: number, H: number, lags: number, order: number, rank: number) =>
    ({ inputSize: I, hiddenSize: H, seqLen: 4, layer: 0, numLayers: 1, options: { lags, order, rank } });

  it('fullTensorParamCount counts the explicit tensor the reference builds, plus W_x and b', () => {
    for (const [I, H, L, P] of [[2, 3, 2, 2], [1, 2, 3, 3], [3, 2, 1, 1]]) {
      const D = L * H + 1;
      const cores: Record<string, Arr> = {};
      const r = [1, ...new Array(P - 1).fill(2), 4 * H];
      for (let q = 1; q <= P; q++) cores[`core_${q}`] = { shape: [r[q - 1], D, r[q]], data: new Float32Array(r[q - 1] * D * r[q]) };
      const entries = fullTensor(cores, P, D).reduce((n, row) => n + row.length, 0);
      expect(fullTensorParamCount(dims(I, H, L, P, 2))).toBe(entries + 4 * H * I + 4 * H);
    }
  });

  it('the tensor train is far smaller than the full tensor at browser sizes', () => {
    const d = dims(2, 32, 2, 2, 2);
    expect(ttParamCount(d)).toBe(2 * 65 + 2 * 65 * 128 + 4 * 32 * 3);
    expect(fullTensorParamCount(d)).toBe(65 * 65 * 128 + 4 * 32 * 3);
    expect(fullTensorParamCount(d) / ttParamCount(d)).toBeGreaterThan(30);
  });
});
