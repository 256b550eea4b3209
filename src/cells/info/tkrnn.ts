// Temporal-Kernel RNN (Sutskever & Hinton 2010): what the page shows before tfjs loads (the step is in ../tkrnn.ts).
import type { CellInfo, InitFn } from '../types';
import { pytorchRnnInit } from '../init';

/** Logits of decay rates spread evenly over [lo, hi] (a range of time scales, one per unit). */
const decayLogitInit = (lo: number, hi: number): InitFn => (shape) => {
  const n = shape[0];
  return Float32Array.from({ length: n }, (_, j) => {
    const lam = n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * j) / (n - 1);
    return Math.log(lam / (1 - lam));
  });
};

export const tkrnnInfo: CellInfo = {
  id: 'tkrnn',
  name: 'Temporal-Kernel RNN',
  paper: {
    authors: 'Sutskever & Hinton',
    year: 2010,
    title: 'Temporal-Kernel Recurrent Neural Networks',
    venue: 'Neural Networks 23(2):239–243',
    url: 'https://doi.org/10.1016/j.neunet.2009.10.009',
  },
  mechanisms: ['cross-scale'],
  group: 'multi-scale',
  summary:
    'In a plain RNN a unit only hears the others as they were one step ago, so anything older must survive many squashing steps. In the TKRNN each connection also carries the sender’s older values, weighted by an exponentially decaying kernel $\\lambda^{k-1}$ with a decay rate per sending unit: the network gets direct connections $k$ steps into the past at no extra cost (the kernel sum is a leaky trace updated once per step), and units with $\\lambda$ near 1 become slow memories. The paper uses it for serial recall.',
  notes:
    'Equation as typeset in the paper (Neural Networks 23(2), 2010, eq. 7), transcribed from images of it in a public slide deck (github.com/duducheng/Learning-Notes); we could not read the paper’s running text (only its abstract and introduction), and no author code is public. $y_t^{(i)} = f\\big(\\sum_j W_{y \\to y}^{(j,i)} \\sum_{k=1}^{t} (\\lambda^{(j)})^{k-1} y_{t-k}^{(j)} + \\sum_m W_{x \\to y}^{(m,i)} \\sum_{k=1}^{t} (\\lambda^{(m)})^{k-1} x_{t-k}^{(m)}\\big)$. Hence, as here: one decay rate per sending unit, for hidden and input units alike (the connectivity figure labels unit $j$’s lags $\\lambda_j^0, \\lambda_j^1, \\lambda_j^2$ with one weight per connection); weight 1 at lag 1 and no $(1 - \\lambda)$ normalisation; and inputs heard from one step back like hidden units, so $x_t$ first reaches $h_{t+1}$ (option “Input reaches h” = paper, the default; “current” lets $x_t$ reach $h_t$ at once as the other cells of the atlas do). The hidden sum obeys $s^h_t = h_{t-1} + \\lambda \\odot s^h_{t-1}$; for the input we keep $s^x_t = \\sum_{k \\ge 0} \\lambda^k x_{t-k}$, and the paper’s sum is $s^x_{t-1}$. Not in what we could read, so chosen here: $f = \\tanh$ (the equation leaves $f$ open); a bias $b$ (the equation has none); $\\lambda$ learned as $\\sigma(a)$, so $\\lambda \\in (0, 1)$, initialised evenly over $[0.2, 0.9]$ (hidden) and $[0.5, 0.9]$ (input); weights $U(\\pm 1/\\sqrt{H})$. The paper trains with backpropagation through time on serial recall.',
  zh: {
    name: '时间核循环网络 (TKRNN)',
    summary:
      '普通 RNN 中，一个单元只听到其他单元上一步的值，更早的信息必须熬过许多次压缩。TKRNN 的每条连接还携带发送单元更早的值，以按发送单元衰减率 $\\lambda$ 的指数核 $\\lambda^{k-1}$ 加权：网络因此免费获得了跨越 $k$ 步的直接连接（核求和是每步更新一次的泄漏迹），$\\lambda$ 接近 1 的单元成为慢速记忆。论文用于序列回忆任务。',
    notes:
      '公式按论文（Neural Networks 23(2)，2010，式 7）排印的样子转录，来源是一份公开幻灯片中论文公式的截图（github.com/duducheng/Learning-Notes）；我们未能读到论文正文（只有摘要与引言），作者也未公开代码。$y_t^{(i)} = f\\big(\\sum_j W_{y \\to y}^{(j,i)} \\sum_{k=1}^{t} (\\lambda^{(j)})^{k-1} y_{t-k}^{(j)} + \\sum_m W_{x \\to y}^{(m,i)} \\sum_{k=1}^{t} (\\lambda^{(m)})^{k-1} x_{t-k}^{(m)}\\big)$。因此：每个发送单元一个衰减率，隐藏与输入单元相同；滞后 1 的权重为 1，没有 $(1 - \\lambda)$ 归一化；输入与隐藏单元一样从上一步开始计入，$x_t$ 最早到达 $h_{t+1}$（选项“输入到达 h”取 `paper`，默认；取 `current` 则让 $x_t$ 在同一步到达 $h_t$）。本实现自行选择的部分（所读内容未说明）：$f = \\tanh$；加偏置 $b$；$\\lambda = \\sigma(a)$ 可学习，初值在 $[0.2, 0.9]$（隐藏）与 $[0.5, 0.9]$（输入）均匀分布；权重 $U(\\pm 1/\\sqrt{H})$。论文用沿时间反向传播在序列回忆任务上训练。',
    gateLabels: { lam: '衰减率 λ', sh: 'h 的核加权历史' },
  },
  // Serial recall, the task Sutskever & Hinton train it on: the copy task, T = 12 (on the adding problem it stayed near the baseline).
  preset: { taskId: 'copy', seqLen: 12, hiddenSize: 32, learningRate: 0.01, clipNorm: 1 },
  options: [
    { key: 'inputTiming', label: 'Input reaches h', kind: 'choice', default: 'paper', choices: ['paper', 'current'],
      help: '`paper`: the input kernel sum starts one step back like the hidden one, so $x_t$ first reaches $h_{t+1}$; `current`: $x_t$ reaches $h_t$ at once, as in the other cells of the atlas.',
      zh: { label: '输入到达 h', help: '`paper`：输入的核求和与隐藏单元一样从上一步开始，所以 $x_t$ 最早到达 $h_{t+1}$；`current`：$x_t$ 在同一步就到达 $h_t$，与本图鉴中其他单元相同。' } },
  ],
  gates: [
    { id: 'lam', tex: '\\lambda^h', label: 'decay rate of each hidden unit’s kernel', range: 'unit' },
  ],
  states: [
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' },
    { id: 'sh', tex: 's^h_t', label: 'kernel-weighted past of h', size: (d) => d.hiddenSize, range: 'free' },
    { id: 'sx', tex: 's^x_t', label: 'kernel-weighted past of x', size: (d) => d.inputSize, hidden: true },
  ],
  equations: [
    { id: 'lam', tex: '\\lambda^h = \\sigma(a^h), \\quad \\lambda^x = \\sigma(a^x)', uses: [] },
    { id: 'sh', tex: 's^h_t = \\sum_{k \\ge 1} (\\lambda^h)^{k-1} \\odot h_{t-k} = h_{t-1} + \\lambda^h \\odot s^h_{t-1}', uses: ['h_prev', 'sh_prev', 'lam'] },
    { id: 'sx', tex: 's^x_t = \\sum_{k \\ge 0} (\\lambda^x)^{k} \\odot x_{t-k} = x_t + \\lambda^x \\odot s^x_{t-1}', uses: ['x', 'sx_prev'] },
    // The paper's sums start at k = 1 for inputs too: h_t reads x_{t−1}, λx_{t−2} … = s^x_{t−1}.
    { id: 'h', tex: 'h_t = \\tanh(W_{hh} s^h_t + W_{xh} s^x_{t-1} + b)', uses: ['sh', 'sx_prev'], when: (o) => o.inputTiming !== 'current' },
    { id: 'h', tex: 'h_t = \\tanh(W_{hh} s^h_t + W_{xh} s^x_t + b)', uses: ['sh', 'sx'], when: (o) => o.inputTiming === 'current' },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const init = pytorchRnnInit(H);
    const label = 'U(−1/√H, 1/√H)';
    return [
      { name: 'weight_xh', shape: [H, d.inputSize], shapeLabel: 'H × I', init, initLabel: label, role: 'input' },
      { name: 'weight_hh', shape: [H, H], shapeLabel: 'H × H', init, initLabel: label, role: 'recurrent' },
      { name: 'bias', shape: [H], shapeLabel: 'H', init, initLabel: label, role: 'bias' },
      { name: 'decay_h', shape: [H], shapeLabel: 'H', init: decayLogitInit(0.2, 0.9), initLabel: 'logit of λ, λ evenly over [0.2, 0.9]', role: 'other' },
      { name: 'decay_x', shape: [d.inputSize], shapeLabel: 'I', init: decayLogitInit(0.5, 0.9), initLabel: 'logit of λ, λ evenly over [0.5, 0.9]', role: 'other' },
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
