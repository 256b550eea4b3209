// RIN (Hu, Huber, Anumula & Liu 2018): what the page shows before tfjs loads (the step is in ../rin.ts).
import { normalInit, zerosInit } from '../init';
import type { CellInfo } from '../types';

/** The paper's N(0, 10⁻³), read as a variance (the usual N(μ, σ²) notation): std √10⁻³ ≈ 0.032. */
const SMALL_STD = Math.sqrt(1e-3);

export const rinInfo: CellInfo = {
  id: 'rin',
  name: 'RIN',
  paper: {
    authors: 'Hu, Huber, Anumula & Liu',
    year: 2018,
    title: 'Overcoming the vanishing gradient problem in plain recurrent networks',
    venue: 'arXiv (ICLR 2018 submission)',
    arxiv: '1801.06105',
    url: 'https://arxiv.org/abs/1801.06105',
  },
  mechanisms: ['initialisation'],
  group: 'initialisation',
  summary:
    'Builds an identity path into a plain ReLU RNN, the way gates in an LSTM or GRU let a state pass through unchanged: the recurrent matrix is $U + I$ with $I$ fixed, and $U$ starts near zero. In effect the network only has to learn a correction to “keep the old state”, which keeps the gradient alive over long gaps without any gates.',
  notes:
    'Equation from Hu et al. 2018, eqs. 12–13: $h_t = \\mathrm{ReLU}(W x_t + U h_{t-1} + h_{t-1} + b)$, $I$ not trainable. Init: $W$ and $U \\sim N(0, 10^{-3})$, which the paper does not say is a variance or a standard deviation; we read it as the variance (std ≈ 0.032); biases 0. The identity is added as $h_{t-1}$ rather than stored as a matrix. Worth knowing: $\\partial L/\\partial U$ equals the IRNN’s $\\partial L/\\partial W_{hh}$ at $W_{hh} = U + I$ (a test checks both the forward pass and the gradient), so under SGD, Adam or RMSprop RIN is the IRNN reparameterised: the two differ only in the init ($I$ + small noise vs exactly $I$) and in what weight decay would pull towards ($U \\to 0$ keeps the identity, $W_{hh} \\to 0$ does not). The page’s recurrent-init control acts on $U$’s init only; the fixed $I$ is not scaled.',
  zh: {
    name: 'RIN（循环恒等网络）',
    summary:
      '在普通 ReLU RNN 中内建一条恒等通路，就像 LSTM、GRU 的门让状态原样通过：循环矩阵写成 $U + I$，$I$ 固定，$U$ 从接近 0 开始。网络只需学习对“保留旧状态”的修正，因此不用门也能让梯度跨越长间隔。',
    notes:
      '公式取自 Hu 等 2018 式 12–13；$W, U \\sim N(0, 10^{-3})$，我们把 $10^{-3}$ 理解为方差（标准差约 0.032），偏置为 0。要点：$\\partial L/\\partial U$ 等于 IRNN 在 $W_{hh} = U + I$ 处的 $\\partial L/\\partial W_{hh}$，所以在 SGD、Adam、RMSprop 下 RIN 就是 IRNN 的重新参数化，区别只在初始化与权重衰减的方向。循环初始化控件只作用于 $U$ 的初始值，不作用于 $I$。',
  },
  // Hu et al.'s adding problem at T = 20; lr 0.005 (0.002 needed ~1000 steps).
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.005, clipNorm: 1 },
  options: [],
  gates: [],
  states: [{ id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'positive' }],
  equations: [
    { id: 'h', tex: 'h_t = \\mathrm{ReLU}(W x_t + (U + I)\\, h_{t-1} + b), \\quad I \\text{ fixed}', uses: ['x', 'h_prev'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const init = normalInit(SMALL_STD);
    return [
      { name: 'weight_ih', shape: [H, d.inputSize], shapeLabel: 'H × I', init, initLabel: 'N(0, 10⁻³) (variance)', role: 'input' },
      { name: 'weight_hh', shape: [H, H], shapeLabel: 'H × H', init, initLabel: 'N(0, 10⁻³) (variance); the fixed I is added in the step', role: 'recurrent' },
      { name: 'bias', shape: [H], shapeLabel: 'H', init: zerosInit, initLabel: '0', role: 'bias' },
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
