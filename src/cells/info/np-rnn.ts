// np-RNN (Talathi & Vartak 2015): what the page shows before tfjs loads, with its W_hh init (the ReLU step is in ../relu-rnn.ts).
import { normalInit, zerosInit } from '../init';
import type { CellInfo, InitFn } from '../types';
import { reluRnnInfoCore } from './relu-rnn';

/**
 * Largest eigenvalue of a symmetric positive semi-definite n×n matrix (row-major, Float64) by
 * power iteration. Every eigenvalue is ≥ 0, so the iteration cannot stall between ±λ, and the
 * Rayleigh quotient converges with the square of the eigenvalue ratio per step.
 */
export function lambdaMaxSymmetricPsd(r: Float64Array, n: number, maxIter = 5000, tol = 1e-12): number {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  let lambda = 0;
  for (let it = 0; it < maxIter; it++) {
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += r[i * n + j] * v[j];
      w[i] = s;
    }
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      dot += v[i] * w[i];
      norm += w[i] * w[i];
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    for (let i = 0; i < n; i++) w[i] /= norm;
    v = w;
    if (Math.abs(dot - lambda) <= tol * Math.abs(dot)) return dot;
    lambda = dot;
  }
  return lambda;
}

/** W_hh = R / λ_max(R), R = I + AᵀA/N, A ~ N(0, 1), N = H. */
export const npRecurrentInit: InitFn = (shape, rng) => {
  const n = shape[0];
  const a = new Float64Array(n * n);
  for (let i = 0; i < a.length; i++) a[i] = rng.normal(0, 1);
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[k * n + i] * a[k * n + j];
      s /= n;
      if (i === j) s += 1;
      r[i * n + j] = s;
      r[j * n + i] = s;
    }
  }
  const lambda = lambdaMaxSymmetricPsd(r, n);
  return Float32Array.from(r, (v) => v / lambda);
};

export const npRnnInfo: CellInfo = {
  id: 'np-rnn',
  name: 'np-RNN',
  paper: {
    authors: 'Talathi & Vartak',
    year: 2015,
    title: 'Improving performance of recurrent neural network with relu nonlinearity',
    venue: 'ICLR 2016 workshop',
    arxiv: '1511.03771',
    url: 'https://arxiv.org/abs/1511.03771',
  },
  mechanisms: ['initialisation'],
  group: 'initialisation',
  summary:
    'A ReLU RNN like the IRNN, started from another $W_{hh}$: $R = I + A^\\top A/N$ is symmetric positive definite, so all its eigenvalues are real and positive; dividing by the largest puts the top one exactly at 1 and the rest below it. At initialisation the state therefore cannot grow from one step to the next ($W_{hh}$ stretches no vector), yet unlike the identity it does not copy every direction unchanged; the authors argue for it from the dynamics of the linearised ReLU network.',
  notes:
    '$W_{hh} = R/\\lambda_{\\max}(R)$ with $R = I + A^\\top A/N$, $A \\sim N(0, 1)$, $N = H$, as in every implementation we found (e.g. the `np_RNN` of Schmidt et al. in the Durstewitz lab’s public code, “taken from arXiv:1511.03771v3”, which also divides by the largest eigenvalue). $\\lambda_{\\max}$ is computed at init by power iteration on the symmetric positive semi-definite $R$ (Rayleigh quotient, tolerance $10^{-12}$). We could only read the paper’s abstract, so the input weights are not verified against it: we draw $N(0, 1/N)$ (std $1/\\sqrt{H}$); that `np_RNN` port draws them as $g \\cdot N(0,1)/H$ with a Sussillo–Abbott random-walk gain $g$, and other ports use Xavier or $U(\\pm 1/\\sqrt{I})$. Biases start at 0, as in all of them. One bias vector. The page’s recurrent-init control, when on, rescales $W_{hh}$ so that its top eigenvalue is $\\rho$ instead of 1.',
  zh: {
    name: 'np-RNN（归一化正定初始化）',
    summary:
      '与 IRNN 相同的 ReLU RNN，只是 $W_{hh}$ 的起点不同：$R = I + A^\\top A/N$ 是对称正定矩阵，特征值全为正实数；除以最大特征值后，最大特征值正好为 1，其余都小于 1。因此在初始化时状态不会一步步增大（$W_{hh}$ 不拉伸任何向量），但又不像单位矩阵那样把所有方向原样复制；作者从线性化 ReLU 网络的动力学论证了这一点。',
    notes:
      '$W_{hh} = R/\\lambda_{\\max}(R)$，$R = I + A^\\top A/N$，$A \\sim N(0,1)$，$N = H$；$\\lambda_{\\max}$ 在初始化时用幂迭代求得。我们只读到论文摘要，输入权重初始化未经核实：这里取 $N(0, 1/N)$；Durstewitz 实验室公开代码中 Schmidt 等的 `np_RNN` 用 $g \\cdot N(0,1)/H$（$g$ 为 Sussillo–Abbott 随机游走增益），其他实现用 Xavier 或 $U(\\pm 1/\\sqrt{I})$。偏置为 0。页面的循环初始化控件开启时会缩放 $W_{hh}$，使其最大特征值为 $\\rho$ 而不是 1。',
  },
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.002, clipNorm: 1 },
  options: [],
  gates: [],
  ...reluRnnInfoCore,
  equations: [
    { id: 'h', tex: 'h_t = \\mathrm{ReLU}(W_{ih} x_t + W_{hh} h_{t-1} + b)', uses: ['x', 'h_prev'] },
    { id: 'init', tex: 'W_{hh}^{(0)} = R / \\lambda_{\\max}(R), \\quad R = I + \\tfrac{1}{N} A^{\\top} A, \\quad A_{ij} \\sim \\mathcal{N}(0, 1)' },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    return [
      { name: 'weight_ih', shape: [H, d.inputSize], shapeLabel: 'H × I', init: normalInit(1 / Math.sqrt(H)), initLabel: 'N(0, 1/H)', role: 'input' },
      { name: 'weight_hh', shape: [H, H], shapeLabel: 'H × H', init: npRecurrentInit, initLabel: '$R/\\lambda_{\\max}(R)$, $R = I + A^\\top A/H$', role: 'recurrent' },
      { name: 'bias', shape: [H], shapeLabel: 'H', init: zerosInit, initLabel: '0', role: 'bias' },
    ];
  },
};
