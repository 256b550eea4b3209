// SCRNN (Mikolov et al. 2014): what the page shows before tfjs loads (the step is in ../scrnn.ts).
import { uniformInit } from '../init';
import type { CellDims, CellInfo } from '../types';

export const contextSize = (d: CellDims) => Math.max(1, Math.round(Number(d.options.contextSize ?? 8)));

export const scrnnInfo: CellInfo = {
  id: 'scrnn',
  name: 'SCRNN',
  paper: {
    authors: 'Mikolov, Joulin, Chopra, Mathieu & Ranzato',
    year: 2014,
    title: 'Learning Longer Memory in Recurrent Neural Networks',
    venue: 'ICLR 2015 workshop',
    arxiv: '1412.7753',
    url: 'https://arxiv.org/abs/1412.7753',
  },
  mechanisms: ['cross-scale'],
  group: 'multi-scale',
  summary:
    'Splits the state into fast and slow parts. The context units $s_t$ are an exponential moving average of a projection of the input, with a fixed decay $\\alpha$ close to 1, so they change slowly and forget on a timescale of about $1/(1 - \\alpha)$ steps; the ordinary sigmoid units $h_t$ read them at every step. The slow path has no learned recurrence and no squashing: along it the gradient decays like $\\alpha^k$ over $k$ steps.',
  notes:
    'Equations from Mikolov et al. 2014, Sec. 4 (the SCRN): $s_t = (1 - \\alpha) B x_t + \\alpha s_{t-1}$, $h_t = \\sigma(P s_t + A x_t + R h_{t-1})$, and the output layer reads both, $y_t = f(U h_t + V s_t)$. So the layer emits $[h_t; s_t]$ ($H + S$ features) and the readout plays the role of $U$ and $V$. As in the paper there are no biases in the recurrent layer (the readout has one) and $\\alpha$ is fixed, not learned (the paper sets it to 0.95 and reports that learning it did not help). The paper does not give an init for $A, B, P, R$; we use $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ like PyTorch’s RNN. $R$ is the only recurrent parameter the recurrent-init control and singular-value clipping act on; the context’s $\\alpha I$ is not a parameter.',
  zh: {
    name: 'SCRNN（结构约束循环网络）',
    summary:
      '把状态分成快、慢两部分。上下文单元 $s_t$ 是输入投影的指数滑动平均，衰减系数 $\\alpha$ 固定且接近 1，因此变化缓慢，遗忘时间约为 $1/(1 - \\alpha)$ 步；普通的 sigmoid 单元 $h_t$ 每一步都读取它们。慢通路没有需要学习的循环矩阵，也没有挤压：沿这条通路，梯度在 $k$ 步中按 $\\alpha^k$ 衰减。',
    notes:
      '公式取自 Mikolov 等 2014 第 4 节；输出层同时读取 $h_t$ 与 $s_t$，所以本层输出 $[h_t; s_t]$。与论文一致，循环层没有偏置，$\\alpha$ 固定（论文取 0.95）。论文没有给出 $A, B, P, R$ 的初始化，这里用 $U(-1/\\sqrt{H}, 1/\\sqrt{H})$。',
    gateLabels: { s: '慢速上下文状态' },
  },
  // Copy, T = 12, with H = 64 fast units beside the 8 context units (Mikolov et al. pair ~100 hidden with 10–40 context units); at H = 32 it learned only half as far in 400 steps.
  preset: { taskId: 'copy', seqLen: 12, hiddenSize: 64, learningRate: 0.02, clipNorm: 1, options: { contextSize: 8, alpha: 0.95 } },
  options: [
    { key: 'alpha', label: 'Context decay α', kind: 'number', default: 0.95, min: 0, max: 0.999, step: 0.005,
      help: 'Fixed self-connection of the context units: they forget on a timescale of about 1/(1 − α) steps. The paper uses 0.95.',
      zh: { label: '上下文衰减 α', help: '上下文单元固定的自连接权重：它们遗忘的时间尺度约为 1/(1 − α) 步。论文取 0.95。' } },
    { key: 'contextSize', label: 'Context units S', kind: 'integer', default: 8, min: 1, max: 128, step: 1,
      help: 'Number of slow context units s, besides the H fast sigmoid units.',
      zh: { label: '上下文单元数 S', help: '慢速上下文单元 s 的个数，另有 H 个快速 sigmoid 单元。' } },
  ],
  gates: [],
  states: [
    { id: 'h', tex: 'h_t', label: 'fast hidden state', size: (d) => d.hiddenSize, range: 'unit' },
    { id: 's', tex: 's_t', label: 'slow context state', size: contextSize, range: 'free' },
  ],
  equations: [
    { id: 's', tex: 's_t = (1 - \\alpha) B x_t + \\alpha s_{t-1}', uses: ['x', 's_prev'] },
    { id: 'h', tex: 'h_t = \\sigma(P s_t + A x_t + R h_{t-1})', uses: ['x', 's', 'h_prev'] },
    { id: 'out', tex: '\\text{emitted: } [h_t;\\, s_t] \\quad (y_t = f(U h_t + V s_t))', uses: ['h', 's'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const S = contextSize(d);
    const init = uniformInit(1 / Math.sqrt(H));
    const label = 'U(−1/√H, 1/√H)';
    return [
      { name: 'B', shape: [S, d.inputSize], shapeLabel: 'S × I', init, initLabel: label, role: 'input' },
      { name: 'A', shape: [H, d.inputSize], shapeLabel: 'H × I', init, initLabel: label, role: 'input' },
      { name: 'P', shape: [H, S], shapeLabel: 'H × S', init, initLabel: label, role: 'other' },
      { name: 'R', shape: [H, H], shapeLabel: 'H × H', init, initLabel: label, role: 'recurrent' },
    ];
  },
  outputSize: (d) => d.hiddenSize + contextSize(d),
};
