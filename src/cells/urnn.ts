// Unitary RNN (Arjovsky, Shah & Bengio 2016): the recurrent matrix is a product of cheap unitary
// factors, W = D₃R₂F⁻¹D₂ΠR₁FD₁, so every singular value of W is exactly 1 whatever the
// parameters are: ‖W h‖ = ‖h‖, and the gradient through W neither shrinks nor grows.
// Complex numbers are carried as real/imaginary pairs (tfjs complex tensors are not supported by
// every backend); the state is [Re h; Im h].
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import { glorotUniformInit, rangeInit, uniformInit, zerosInit } from './init';
import { singularValues } from './linalg';
import type { CellSpec, InitFn, Params } from './types';

/** modReLU's guard against |z| = 0, as in the authors' code. */
export const MODRELU_EPS = 1e-5;

/** A seeded random permutation, stored as float indices (a fixed parameter). */
const permutationInit: InitFn = (shape, rng) => {
  const n = shape[0];
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return Float32Array.from(idx);
};

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
  id: 'urnn',
  name: 'Unitary RNN (uRNN)',
  paper: {
    authors: 'Arjovsky, Shah & Bengio',
    year: 2016,
    title: 'Unitary Evolution Recurrent Neural Networks',
    venue: 'ICML 2016',
    arxiv: '1511.06464',
    url: 'https://arxiv.org/abs/1511.06464',
  },
  mechanisms: ['initialisation'],
  group: 'unitary',
  summary:
    'Attacks exploding and vanishing gradients at their source, the powers of $W_{hh}$: $W$ is built as a product of unitary pieces (diagonal phases, reflections, a permutation and the Fourier transform), so all of its singular values are 1 for every parameter value, not just at the start as in IRNN. Only the modReLU nonlinearity can shrink the signal. It pays for this with complex states and a restricted family of matrices ($O(N)$ parameters instead of $N^2$).',
  notes:
    'From the paper and the authors’ code (github.com/amarshah/complex_RNN, `models.py`, `complex_RNN`). $z_t = W h_{t-1} + V x_t$, $h_t = \\mathrm{modReLU}(z_t)$ with no other bias; $W = D_3 R_2 F^{-1} D_2 \\Pi R_1 F D_1$, applied $D_1$ first. $D_k = \\operatorname{diag}(e^{i\\theta_k})$; $R_k = I - 2 v v^*/\\lVert v \\rVert^2$ (the code reflects about $\\bar v$, an equivalent family); $\\Pi$ a fixed seeded permutation, $(\\Pi h)_j = h_{\\pi(j)}$; $F$ the unitary DFT, here a fixed real $2N \\times 2N$ block matrix. Implementation: $W$ is built once per sequence by applying the factors to the identity, and each step multiplies by that dense $W$ ($O(N^2)$ per step instead of the paper’s $O(N \\log N)$, but one operation instead of dozens, which is faster at browser sizes; the diagnostic reads the same $W$). $\\mathrm{modReLU}(z) = \\mathrm{ReLU}(|z| + b)\\, z/(|z| + 10^{-5})$ as in the code (the $+b$ convention; some libraries write $|z| - b$); $|z|$ is computed as $\\sqrt{\\operatorname{Re}^2 + \\operatorname{Im}^2 + 10^{-12}}$ so its gradient is finite even at $z = 0$. The layer emits $[\\operatorname{Re} h; \\operatorname{Im} h]$ and the task readout is the paper’s $U[\\operatorname{Re} h; \\operatorname{Im} h] + b_o$. Init from the paper: $V$ Glorot-uniform, $\\theta \\sim U[-\\pi, \\pi]$, $v \\sim U[-1, 1]$, $b = 0$, $h_0 \\sim U[\\pm\\sqrt{3/(2N)}]$ learned. Mechanism: “initialisation” in this atlas’s sense (the spectrum of $W$ sits at 1), but held by construction during all of training. The card plots $\\max_i |\\sigma_i - 1|$ of $W$, which stays near $10^{-6}$ in float32.',
  zh: {
    name: '酉循环网络（uRNN）',
    summary:
      '从根源对付梯度爆炸与消失——$W_{hh}$ 的幂：$W$ 由若干酉矩阵相乘构成（对角相位、反射、置换和傅里叶变换），所以无论参数取何值，$W$ 的所有奇异值都等于 1，而不像 IRNN 只在初始时如此。只有 modReLU 非线性能让信号变小。代价是复数状态和受限的矩阵族（$O(N)$ 个参数而不是 $N^2$）。',
    notes:
      '取自论文与作者代码（github.com/amarshah/complex_RNN 的 `models.py`）：$z_t = W h_{t-1} + V x_t$，$h_t = \\mathrm{modReLU}(z_t)$；$W = D_3 R_2 F^{-1} D_2 \\Pi R_1 F D_1$，先作用 $D_1$。复数以实部/虚部成对存储，$F$ 为固定的 $2N \\times 2N$ 实分块矩阵。$\\mathrm{modReLU}(z) = \\mathrm{ReLU}(|z| + b)\\, z/(|z| + 10^{-5})$。输出 $[\\operatorname{Re} h; \\operatorname{Im} h]$。初始化按论文，$h_0$ 可学习。卡片绘制 $W$ 的 $\\max_i |\\sigma_i - 1|$，在单精度浮点下始终约为 $10^{-6}$。',
    gateLabels: { mod: '模 $|z_t|$' },
  },
  preset: { taskId: 'copy', seqLen: 20, hiddenSize: 64, learningRate: 0.002, clipNorm: 0 },
  options: [],
  gates: [{ id: 'mod', tex: '|z_t|', label: 'modulus $|z_t|$', range: 'positive' }],
  states: [
    { id: 'h', tex: 'h_t', label: 'state [Re h; Im h]', size: (d) => 2 * d.hiddenSize, range: 'signed' },
  ],
  equations: [
    { id: 'W', tex: 'W = D_3 R_2 \\mathcal{F}^{-1} D_2 \\Pi R_1 \\mathcal{F} D_1, \\quad D_k = \\mathrm{diag}(e^{i\\theta_k}),\\ R_k = I - 2\\frac{v_k v_k^*}{\\lVert v_k \\rVert^2}', uses: [] },
    { id: 'mod', tex: '|z_t|, \\quad z_t = W h_{t-1} + V x_t \\in \\mathbb{C}^N', uses: ['x', 'h_prev'] },
    { id: 'h', tex: 'h_t = \\mathrm{ReLU}(|z_t| + b) \\, \\frac{z_t}{|z_t| + \\epsilon}, \\quad \\to [\\operatorname{Re} h_t; \\operatorname{Im} h_t]', uses: ['mod'] },
  ],
  params: (d) => {
    const N = d.hiddenSize;
    const theta = { shape: [N], shapeLabel: 'H', init: rangeInit(-Math.PI, Math.PI), initLabel: 'U(−π, π)', role: 'other' as const };
    const v = { shape: [2 * N], shapeLabel: '2H', init: rangeInit(-1, 1), initLabel: 'U(−1, 1)', role: 'other' as const };
    return [
      { name: 'weight_ih', shape: [2 * N, d.inputSize], shapeLabel: '2H × I', init: glorotUniformInit, initLabel: 'Glorot uniform', role: 'input' },
      { name: 'theta1', ...theta },
      { name: 'theta2', ...theta },
      { name: 'theta3', ...theta },
      { name: 'reflect1', ...v },
      { name: 'reflect2', ...v },
      { name: 'perm', shape: [N], shapeLabel: 'H', init: permutationInit, initLabel: 'random permutation (fixed)', role: 'other', trainable: false },
      { name: 'bias', shape: [N], shapeLabel: 'H', init: zerosInit, initLabel: '0', role: 'bias' },
      { name: 'h0', shape: [2 * N], shapeLabel: '2H', init: uniformInit(Math.sqrt(3 / (2 * N))), initLabel: 'U(±√(3/(2H)))', role: 'other' },
    ];
  },
  outputSize: (d) => 2 * d.hiddenSize,
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
