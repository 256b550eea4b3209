// QRNN (Bradbury et al. 2016): what the page shows before tfjs loads (the convolution and fo-pooling are in ../qrnn.ts).
import { uniformInit } from '../init';
import type { CellDims, CellInfo, CellOptions } from '../types';

export const windowOf = (d: CellDims) => Math.max(1, Math.round(Number(d.options.window ?? 2)));

/** The window's memory: the last k − 1 inputs in reading order, oldest first, [B, (k−1)·I]. */
const hasPast = (o: CellOptions) => Math.max(1, Math.round(Number(o.window ?? 2))) > 1;

export const qrnnInfo: CellInfo = {
  id: 'qrnn',
  name: 'QRNN',
  paper: {
    authors: 'Bradbury, Merity, Xiong & Socher',
    year: 2016,
    title: 'Quasi-Recurrent Neural Networks',
    venue: 'ICLR 2017',
    arxiv: '1611.01576',
    url: 'https://arxiv.org/abs/1611.01576',
  },
  mechanisms: ['gates'],
  group: 'lstm-family',
  summary:
    'Attacks the slowness of recurrent matmuls rather than forgetting: the candidate and the gates are computed from a short causal window of inputs only, for all timesteps at once, and the recurrence that remains is an element-wise, LSTM-like gated average (fo-pooling). Memory comes from the forget gate, as in the LSTM: where $f_t \\approx 1$ a unit keeps its cell. But nothing about $h_{t-1}$ enters the gates, so the cell cannot condition its gating on what it already stores.',
  notes:
    'Equations from Bradbury et al. 2016, Sec. 2 (eqs. 1–4): $Z = \\tanh(W_z * X)$, $F = \\sigma(W_f * X)$, $O = \\sigma(W_o * X)$, with $*$ a masked convolution of width $k$ over time ($k = 2$ by default, the paper’s choice for language modelling), then fo-pooling $c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot z_t$, $h_t = o_t \\odot c_t$. Convention: $f_t$ multiplies the old cell, as in the paper’s eqs. 3–4, so $f \\approx 1$ means “remember”. The authors’ code (github.com/salesforce/pytorch-qrnn) swaps the roles (its `ForgetMult` computes $f x + (1 - f) h_{t-1}$, so there $f \\approx 1$ means “overwrite”); the two are the same family with $f \\leftrightarrow 1 - f$. Weight layout and init follow that code: one linear map of the window $[x_{t-k+1}; \\dots; x_t]$ (oldest first) to $[Z; F; O]$, PyTorch `nn.Linear` init $U(\\pm 1/\\sqrt{kI})$. Zero padding before $t = 0$; the last $k - 1$ inputs are kept in the state, so a sequence resumed from a returned state sees the same windows as one run. In a bidirectional stack the backward direction’s window reaches the other way ($[x_t; \\dots; x_{t+k-1}]$), so each direction’s convolution stays causal in its own reading order.',
  zh: {
    name: 'QRNN（准循环神经网络）',
    summary:
      'QRNN 针对的是循环矩阵乘法太慢，而不是遗忘：候选值和各个门只由输入的一个短因果窗口算出，所有时间步一次算完；剩下的循环只是逐元素、类似 LSTM 的门控平均（fo 池化）。记忆与 LSTM 一样来自遗忘门：$f_t \\approx 1$ 的单元保留其细胞状态。但门里没有 $h_{t-1}$，所以单元不能根据已存的内容决定怎样开关门。',
    notes:
      '公式取自 Bradbury 等 2016 第 2 节：$Z, F, O$ 为宽度 $k$（默认 2）的时间上掩码卷积，再做 fo 池化 $c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot z_t$，$h_t = o_t \\odot c_t$。约定：$f_t$ 乘旧的 $c$（论文的写法），$f \\approx 1$ 表示“记住”；作者代码（github.com/salesforce/pytorch-qrnn）把 $f$ 与 $1 - f$ 对调。权重布局与初始化按该代码：窗口 $[x_{t-k+1}; \\dots; x_t]$（旧的在前）经一个线性层映到 $[Z; F; O]$，初始化 $U(\\pm 1/\\sqrt{kI})$。最近 $k - 1$ 个输入保存在状态中，从返回的状态继续运行时，卷积窗口与一次跑完时相同。',
    gateLabels: { z: '候选值', f: '遗忘门', o: '输出门' },
  },
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.01, clipNorm: 1 },
  options: [
    { key: 'window', label: 'Convolution width k', kind: 'integer', default: 2, min: 1, max: 4, step: 1,
      help: 'How many inputs ($x_{t-k+1} \\dots x_t$) each gate sees. $k = 1$ makes the gates depend on $x_t$ alone.',
      zh: { label: '卷积宽度 k', help: '每个门看到的输入个数（$x_{t-k+1} \\dots x_t$）。$k = 1$ 时门只依赖 $x_t$。' } },
  ],
  gates: [
    { id: 'z', tex: 'z_t', label: 'candidate', range: 'signed' },
    { id: 'f', tex: 'f_t', label: 'forget gate', range: 'unit' },
    { id: 'o', tex: 'o_t', label: 'output gate', range: 'unit' },
  ],
  states: [
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' },
    { id: 'c', tex: 'c_t', label: 'cell state', size: (d) => d.hiddenSize, range: 'signed' },
    // What the convolution window still needs from before a resumed run starts.
    { id: 'xs', tex: 'x_{t-k+1..t}', label: 'last inputs (window)', size: (d) => (windowOf(d) - 1) * d.inputSize, hidden: true, when: hasPast },
  ],
  equations: [
    { id: 'z', tex: 'z_t = \\tanh(W_z [x_{t-k+1}; \\dots; x_t] + b_z)', uses: ['x'] },
    { id: 'f', tex: 'f_t = \\sigma(W_f [x_{t-k+1}; \\dots; x_t] + b_f)', uses: ['x'] },
    { id: 'o', tex: 'o_t = \\sigma(W_o [x_{t-k+1}; \\dots; x_t] + b_o)', uses: ['x'] },
    { id: 'c', tex: 'c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot z_t', uses: ['f', 'z', 'c_prev'] },
    { id: 'h', tex: 'h_t = o_t \\odot c_t', uses: ['o', 'c'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const k = windowOf(d);
    const bound = 1 / Math.sqrt(k * d.inputSize);
    const label = '$U(-1/\\sqrt{kI}, 1/\\sqrt{kI})$';
    return [
      { name: 'weight', shape: [3 * H, k * d.inputSize], shapeLabel: '3H × kI', init: uniformInit(bound), initLabel: label, role: 'input' },
      { name: 'bias', shape: [3 * H], shapeLabel: '3H', init: uniformInit(bound), initLabel: label, role: 'bias' },
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
