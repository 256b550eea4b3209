// Unitary RNN (Arjovsky, Shah & Bengio 2016): the recurrent matrix is a product of cheap unitary
// factors, W = D₃R₂F⁻¹D₂ΠR₁FD₁, so every singular value of W is exactly 1 whatever the
// parameters are: ‖W h‖ = ‖h‖, and the gradient through W neither shrinks nor grows.
// Complex numbers are carried as real/imaginary pairs (tfjs complex tensors are not supported by
// every backend); the state is [Re h; Im h].
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import { singularValues } from './linalg';
import type { CellSpec, Params } from './types';
import { urnnInfo } from './info/urnn';

/** modReLU's guard against |z| = 0, as in the authors' code. */
export const MODRELU_EPS = 1e-5;

const dftCache = new Map<number, { fwd: Float32Array; inv: Float32Array }>();

/**
 * The unitary DFT F_{jk} = e^{−2πi jk/N}/√N as the real [2N, 2N] block matrix that multiplies a
 * row pair [a_r, a_i] (F is symmetric, so a·F = (F a)ᵀ): [[Re F, Im F], [−Im F, Re F]]; the inverse
 * is the conjugate.
 */
function dftBlocks(N: number) {
  let hit = dftCache.get(N);
  if (!hit) {
    const fwd = new Float32Array(4 * N * N);
    const inv = new Float32Array(4 * N * N);
    const s = 1 / Math.sqrt(N);
    for (let j = 0; j < N; j++) {
      for (let k = 0; k < N; k++) {
        const ang = (-2 * Math.PI * ((j * k) % N)) / N;
        const re = Math.cos(ang) * s;
        const im = Math.sin(ang) * s;
        const W = 2 * N;
        fwd[j * W + k] = re; fwd[j * W + N + k] = im; fwd[(N + j) * W + k] = -im; fwd[(N + j) * W + N + k] = re;
        inv[j * W + k] = re; inv[j * W + N + k] = -im; inv[(N + j) * W + k] = im; inv[(N + j) * W + N + k] = re;
      }
    }
    hit = { fwd, inv };
    dftCache.set(N, hit);
  }
  return hit;
}

type Pair = [tf.Tensor2D, tf.Tensor2D];

function diag(x: Pair, c: tf.Tensor, s: tf.Tensor): Pair {
  const [r, i] = x;
  return [tf.sub(tf.mul(r, c), tf.mul(i, s)) as tf.Tensor2D, tf.add(tf.mul(r, s), tf.mul(i, c)) as tf.Tensor2D];
}

function dft(x: Pair, m: tf.Tensor, N: number): Pair {
  const y = tf.matMul(tf.concat(x, 1) as tf.Tensor2D, m as tf.Tensor2D);
  return tf.split(y, [N, N], 1) as Pair;
}

/** R h = h − 2 v (v* h)/‖v‖², with v = vr + i·vi; vr, vi are [N, 1] columns, k = 2/‖v‖². */
function reflect(x: Pair, vr: tf.Tensor, vi: tf.Tensor, k: tf.Tensor): Pair {
  const [r, i] = x;
  const ar = tf.mul(tf.add(tf.matMul(r, vr as tf.Tensor2D), tf.matMul(i, vi as tf.Tensor2D)), k);
  const ai = tf.mul(tf.sub(tf.matMul(i, vr as tf.Tensor2D), tf.matMul(r, vi as tf.Tensor2D)), k);
  const vrT = tf.reshape(vr, [1, -1]);
  const viT = tf.reshape(vi, [1, -1]);
  return [
    tf.sub(r, tf.sub(tf.mul(ar, vrT), tf.mul(ai, viT))) as tf.Tensor2D,
    tf.sub(i, tf.add(tf.mul(ar, viT), tf.mul(ai, vrT))) as tf.Tensor2D,
  ];
}

/** W h for a batch of complex row vectors, factors applied right to left (D₁ first), with prepared p. */
function applyW(x: Pair, p: Params, N: number): Pair {
  let y = diag(x, p.cos1, p.sin1);
  y = dft(y, p.dft, N);
  y = reflect(y, p.v1r, p.v1i, p.v1k);
  y = [tf.matMul(y[0], p.perm_mat as tf.Tensor2D), tf.matMul(y[1], p.perm_mat as tf.Tensor2D)];
  y = diag(y, p.cos2, p.sin2);
  y = dft(y, p.idft, N);
  y = reflect(y, p.v2r, p.v2i, p.v2k);
  return diag(y, p.cos3, p.sin3);
}

function prepareUnitary(p: Params, N: number): Params {
  const out: Params = {};
  for (const k of [1, 2, 3]) {
    out[`cos${k}`] = tf.cos(p[`theta${k}`]);
    out[`sin${k}`] = tf.sin(p[`theta${k}`]);
  }
  for (const k of [1, 2]) {
    const v = p[`reflect${k}`];
    out[`v${k}r`] = tf.reshape(tf.slice(v, [0], [N]), [N, 1]);
    out[`v${k}i`] = tf.reshape(tf.slice(v, [N], [N]), [N, 1]);
    out[`v${k}k`] = tf.div(2, tf.sum(tf.square(v)));
  }
  const { fwd, inv } = dftBlocks(N);
  out.dft = tf.tensor2d(fwd, [2 * N, 2 * N]);
  out.idft = tf.tensor2d(inv, [2 * N, 2 * N]);
  // (Πh)_j = h_{π(j)} as h·Pᵀ with P one-hot rows: a gather's gradient (UnsortedSegmentSum) has
  // no WASM kernel.
  out.perm_mat = tf.transpose(tf.cast(tf.oneHot(tf.cast(p.perm, 'int32') as tf.Tensor1D, N), 'float32'));
  return out;
}

/**
 * W as the real [2N, 2N] matrix that multiplies a row pair [Re h, Im h] (row k = W e_k, by
 * applying the factors to the identity): [[Re Wᵀ, Im Wᵀ], [−Im Wᵀ, Re Wᵀ]].
 */
function rowMatrix(p: Params, N: number): tf.Tensor2D {
  const [r, i] = applyW([tf.eye(N) as tf.Tensor2D, tf.zeros([N, N]) as tf.Tensor2D], p, N);
  return tf.concat([tf.concat([r, i], 1), tf.concat([tf.neg(i), r], 1)], 0) as tf.Tensor2D;
}

/** W itself as the real embedding [[Re W, −Im W], [Im W, Re W]] (2N × 2N), from raw params. */
export function unitaryMatrix(p: Params, N: number): tf.Tensor2D {
  return tf.tidy(() => tf.transpose(rowMatrix({ ...p, ...prepareUnitary(p, N) }, N)) as tf.Tensor2D);
}

export const urnn: CellSpec = {
  ...urnnInfo,
  initialState: (d, B, p) => ({ h: tf.broadcastTo(tf.reshape(p.h0, [1, 2 * d.hiddenSize]), [B, 2 * d.hiddenSize]) as tf.Tensor2D }),
  // W is materialised once per sequence from its factors (gradients reach θ and v through this),
  // so a step is one dense matmul instead of eight factor applications: for browser-sized N that
  // is much faster than the paper's O(N log N) FFT route, and the same W.
  prepare: (p, d) => ({ ...transposeWeights(p, ['weight_ih']), w_rows: rowMatrix({ ...p, ...prepareUnitary(p, d.hiddenSize) }, d.hiddenSize) }),
  step: (xt, s, p, { dims }) => {
    const N = dims.hiddenSize;
    const [wr, wi] = tf.split(tf.matMul(s.h, p.w_rows as tf.Tensor2D), [N, N], 1);
    const [vr, vi] = tf.split(matMulPrepared(xt, p[T('weight_ih')], p.weight_ih), [N, N], 1);
    const zr = tf.add(wr, vr);
    const zi = tf.add(wi, vi);
    const mod = tf.sqrt(tf.add(tf.add(tf.square(zr), tf.square(zi)), 1e-12)) as tf.Tensor2D;
    const scale = tf.div(tf.relu(tf.add(mod, p.bias)), tf.add(mod, MODRELU_EPS));
    const h = tf.concat([tf.mul(zr, scale), tf.mul(zi, scale)], 1) as tf.Tensor2D;
    return { state: { h }, gates: { mod } };
  },
  diagnostics: async (p, d) => {
    const N = d.hiddenSize;
    const w = unitaryMatrix(p, N);
    const data = await w.data();
    w.dispose();
    const sv = singularValues(data, 2 * N, 2 * N);
    let dev = 0;
    for (const s of sv) dev = Math.max(dev, Math.abs(s - 1));
    return { maxSigmaDeviation: dev };
  },
};
