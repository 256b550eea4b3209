// IndRNN (Li et al. 2018): what the page shows before tfjs loads (the step and the clip of u are in ../indrnn.ts).
import { normalInit, rangeInit, zerosInit } from '../init';
import type { CellDims, CellInfo } from '../types';

/** |u_n| ≤ γ^{1/T}: the paper's ReLU bound (Sec. 3.1), γ the largest gradient growth allowed over T steps. */
export const indrnnBound = (d: CellDims) => Math.pow(Number(d.options.gamma ?? 2), 1 / Math.max(1, d.seqLen));

export const indrnnInfo: CellInfo = {
  id: 'indrnn',
  name: 'IndRNN',
  paper: {
    authors: 'Li, Li, Cook, Zhu & Gao',
    year: 2018,
    title: 'Independently Recurrent Neural Network (IndRNN): Building A Longer and Deeper RNN',
    venue: 'CVPR',
    arxiv: '1803.04831',
    url: 'https://arxiv.org/abs/1803.04831',
  },
  mechanisms: ['initialisation'],
  group: 'initialisation',
  summary:
    'Makes the recurrent Jacobian diagonal: each unit feeds back only its own previous value through a scalar weight $u_n$. The gradient across $k$ steps is then a product of $k$ scalars per unit (times ReLU slopes of 0 or 1), which a simple clip $|u_n| \\le \\gamma^{1/T}$ keeps below $\\gamma$ over the whole sequence, while $u_n$ near 1 keeps it from vanishing. Units interact only through the input weights of the next layer, so IndRNNs are stacked.',
  notes:
    'Equation (eq. 2) and the ReLU bound $|u_n| \\le \\gamma^{1/T}$ (Sec. 3.1, relaxed form for ReLU) from Li et al. 2018. Init from the authors’ adding-problem code (github.com/Sunnydreamrain/IndRNN_Theano_Lasagne, `adding/adding.py`, `MAG` $= \\gamma = 2$): $W \\sim N(0, 0.001^2)$, $b = 0$, $u \\sim U(0, \\gamma^{1/T})$ in lower layers and $u \\sim U((1/\\gamma)^{1/T}, \\gamma^{1/T})$ in the top layer (the one the readout sees; a single layer counts as the top). $T$ is the task’s sequence length. The authors clip $u$ before every step; here it is clipped after every optimiser update, which gives the same values since init already lies inside the bound. $u$ is marked as the recurrent parameter, so the page’s recurrent-init control acts on its init and the clip then applies; singular-value clipping treats it as the diagonal matrix $\\operatorname{diag}(u)$.',
  zh: {
    name: 'IndRNN（独立循环神经网络）',
    summary:
      '把循环雅可比矩阵变成对角的：每个单元只通过一个标量 $u_n$ 反馈自己的上一时刻值。跨 $k$ 步的梯度就是每个单元 $k$ 个标量的乘积（再乘以取值 0 或 1 的 ReLU 斜率），用 $|u_n| \\le \\gamma^{1/T}$ 的裁剪即可使它在整段序列上不超过 $\\gamma$，$u_n$ 接近 1 又防止梯度消失。单元之间只通过下一层的输入权重交互，所以 IndRNN 要堆叠多层。',
    notes:
      '公式（式 2）与 ReLU 的界 $|u_n| \\le \\gamma^{1/T}$（3.1 节）取自 Li 等 2018；初始化取自作者的加法问题代码（github.com/Sunnydreamrain/IndRNN_Theano_Lasagne，$\\gamma = 2$）：$W \\sim N(0, 0.001^2)$，$b = 0$，下层 $u \\sim U(0, \\gamma^{1/T})$，顶层 $u \\sim U((1/\\gamma)^{1/T}, \\gamma^{1/T})$。每次优化器更新后把 $u$ 裁剪回界内。',
    gateLabels: {},
  },
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, numLayers: 2, learningRate: 0.005, clipNorm: 1 },
  options: [
    { key: 'gamma', label: 'Gradient bound γ', kind: 'number', default: 2, min: 1.01, max: 10, step: 0.01,
      help: '$u$ is clipped to $|u| \\le \\gamma^{1/T}$, so no unit can grow its gradient by more than $\\gamma$ over the whole sequence. The paper uses 2.',
      zh: { label: '梯度上界 γ', help: '$u$ 被裁剪到 $|u| \\le \\gamma^{1/T}$，因此在整段序列上任何单元的梯度增长都不超过 $\\gamma$ 倍。论文取 2。' } },
  ],
  gates: [],
  states: [{ id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'positive' }],
  equations: [
    { id: 'h', tex: 'h_t = \\mathrm{ReLU}(W x_t + u \\odot h_{t-1} + b), \\quad |u_n| \\le \\gamma^{1/T}', uses: ['x', 'h_prev'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const bound = indrnnBound(d);
    const gamma = Number(d.options.gamma ?? 2);
    const top = d.layer === d.numLayers - 1;
    const lo = top ? Math.pow(1 / gamma, 1 / Math.max(1, d.seqLen)) : 0;
    return [
      { name: 'weight_ih', shape: [H, d.inputSize], shapeLabel: 'H × I', init: normalInit(0.001), initLabel: 'N(0, 0.001²)', role: 'input' },
      { name: 'u', shape: [H], shapeLabel: 'H', init: rangeInit(lo, bound),
        initLabel: top ? '$U((1/\\gamma)^{1/T}, \\gamma^{1/T})$ (top layer)' : '$U(0, \\gamma^{1/T})$', role: 'recurrent' },
      { name: 'bias', shape: [H], shapeLabel: 'H', init: zerosInit, initLabel: '0', role: 'bias' },
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
