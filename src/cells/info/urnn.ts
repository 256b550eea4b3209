// Unitary RNN (Arjovsky, Shah & Bengio 2016): what the page shows before tfjs loads (W's factors, the step and the diagnostic are in ../urnn.ts).
import { glorotUniformInit, rangeInit, uniformInit, zerosInit } from '../init';
import type { CellInfo, InitFn } from '../types';

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

export const urnnInfo: CellInfo = {
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
  traits: { diagnostics: true },
};
