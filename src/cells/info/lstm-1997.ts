// The original LSTM of 1997, no forget gate: what the page shows before tfjs loads (the step is in ../lstm-1997.ts).
import type { CellInfo, CellOptions } from '../types';
import { pytorchGateParams } from '../parts';

const tanhSquash = (o: CellOptions) => o.squash === 'tanh';
export const paperSquash = (o: CellOptions) => !tanhSquash(o);

export const lstm1997Info: CellInfo = {
  id: 'lstm-1997',
  name: 'LSTM 1997 (no forget gate)',
  paper: {
    authors: 'Hochreiter & Schmidhuber',
    year: 1997,
    title: 'Long Short-Term Memory',
    venue: 'Neural Computation 9(8)',
    url: 'https://doi.org/10.1162/neco.1997.9.8.1735',
  },
  mechanisms: ['gates'],
  group: 'lstm-family',
  summary:
    'The first answer to the vanishing gradient: a memory cell whose self-connection has weight exactly 1, the Constant Error Carousel. Along that self-connection $\\partial c_t/\\partial c_{t-1} = I$, so an error on $c$ that stays on it flows back any number of steps unchanged (the paper truncates the gradient to exactly this path; here the full gradient also flows through the gates). Multiplicative input and output gates decide when to write and when to show. The price: nothing ever erases $c$. Summing the updates gives $c_t = c_0 + \\sum_{s \\le t} i_s \\odot g_s$, and with $|g| < 2$ every step the state can drift by up to $2t$, without bound on long or unsegmented streams, saturating $h(c)$. That drift is why Gers et al. added the forget gate in 2000.',
  notes:
    'Equations from Hochreiter & Schmidhuber, “Long Short-Term Memory” (Neural Computation 9(8), 1997), Sec. 4 (memory cell: $s_c(t) = s_c(t-1) + y^{in}(t)\\, g(net_c(t))$, $y^c(t) = y^{out}(t)\\, h(s_c(t))$). Squashing functions from the paper’s Appendix A.1, eqs. (3)–(5): gates use the logistic $f(x) = 1/(1 + e^{-x})$ with range $[0, 1]$; “h (with range [−1, 1]) … $h(x) = 2/(1 + e^{-x}) - 1$”; “g (with range [−2, 2]) … $g(x) = 4/(1 + e^{-x}) - 2$”. Option “squash”: “paper” uses these (note $2\\sigma(x) - 1 = \\tanh(x/2)$); “tanh” uses $g = h = \\tanh$ as the modern LSTM does. (Experiments 2a/2b of the paper instead use a logistic $g$ and the identity $h$.) Not reproduced: the paper’s truncated gradient (errors stop at the gates and only flow back through the CEC); here full backpropagation through time is used; and the experiments’ initialisation, weights uniform in $[-0.2, 0.2]$ or $[-0.1, 0.1]$ by experiment, and negative output-gate biases (e.g. −1, −2, −3 for three cell blocks; Sec. 4 and 5); weights and biases here are PyTorch-style $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ with two biases.',
  zh: {
    name: '1997 年原始 LSTM（无遗忘门）',
    summary:
      '对梯度消失的第一个解答：记忆单元的自连接权重恰为 1，即“恒定误差传送带”（CEC）。沿这条自连接 $\\partial c_t/\\partial c_{t-1} = I$，留在其上的误差可原样回传任意多步（论文把梯度截断在这条通路上；这里完整的梯度还会经过各个门）。乘法式的输入门和输出门决定何时写入、何时输出。代价是 $c$ 永远不会被擦除：把更新累加得 $c_t = c_0 + \\sum_{s \\le t} i_s \\odot g_s$，每步 $|g| < 2$，状态最多漂移 $2t$——在长序列或不分段的数据流上无界增长，使 $h(c)$ 饱和。正是这一漂移促使 Gers 等人在 2000 年加入遗忘门。',
    notes:
      '公式取自 Hochreiter 与 Schmidhuber 的论文《Long Short-Term Memory》（Neural Computation 9(8)，1997）第 4 节。压缩函数取自论文附录 A.1 式 (3)–(5)：门用 logistic 函数 $f(x) = 1/(1 + e^{-x})$，值域 $[0, 1]$；$h(x) = 2/(1 + e^{-x}) - 1$，值域 $[-1, 1]$；$g(x) = 4/(1 + e^{-x}) - 2$，值域 $[-2, 2]$。选项“压缩函数”：`paper` 即用这两个函数（注意 $2\\sigma(x) - 1 = \\tanh(x/2)$）；`tanh` 则令 $g = h = \\tanh$，与现代 LSTM 相同。（论文实验 2a/2b 改用 logistic 函数作 $g$、恒等函数作 $h$。）未复现：论文的截断梯度（误差在门处截断，只经 CEC 回传）——这里用完整的沿时间反向传播；以及实验中的初始化：权重按实验在 $[-0.2, 0.2]$ 或 $[-0.1, 0.1]$ 内均匀分布，输出门偏置为负（如三个单元块依次为 −1、−2、−3）。这里权重与两个偏置按 PyTorch 方式 $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ 初始化。',
    gateLabels: { i: '输入门', g: '单元输入 g', o: '输出门' },
  },
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.01 },
  options: [
    { key: 'squash', label: 'Squashing g, h', kind: 'choice', default: 'paper', choices: ['paper', 'tanh'],
      help: '`paper`: $g = 4\\sigma - 2 \\in (-2, 2)$, $h = 2\\sigma - 1 \\in (-1, 1)$, the 1997 experiments’ choice; `tanh`: $g = h = \\tanh$.',
      zh: { label: '压缩函数 g、h', help: '`paper`：$g = 4\\sigma - 2 \\in (-2, 2)$，$h = 2\\sigma - 1 \\in (-1, 1)$，即 1997 年实验的选择；`tanh`：$g = h = \\tanh$。' } },
  ],
  gates: [
    { id: 'i', tex: 'i_t', label: 'input gate', range: 'unit' },
    { id: 'g', tex: 'g_t', label: 'cell input', range: 'signed' },
    { id: 'o', tex: 'o_t', label: 'output gate', range: 'unit' },
  ],
  states: [
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' },
    { id: 'c', tex: 'c_t', label: 'cell state (CEC)', size: (d) => d.hiddenSize, range: 'free' },
  ],
  equations: [
    { id: 'i', tex: 'i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})', uses: ['x', 'h_prev'] },
    { id: 'g', tex: 'g_t = 4\\sigma(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg}) - 2', uses: ['x', 'h_prev'], when: paperSquash },
    { id: 'g', tex: 'g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg})', uses: ['x', 'h_prev'], when: tanhSquash },
    { id: 'o', tex: 'o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})', uses: ['x', 'h_prev'] },
    { id: 'c', tex: 'c_t = c_{t-1} + i_t \\odot g_t', uses: ['c_prev', 'i', 'g'] },
    { id: 'h', tex: 'h_t = o_t \\odot (2\\sigma(c_t) - 1)', uses: ['o', 'c'], when: paperSquash },
    { id: 'h', tex: 'h_t = o_t \\odot \\tanh(c_t)', uses: ['o', 'c'], when: tanhSquash },
  ],
  params: (d) => pytorchGateParams(d, 3, 0, 1),
  outputSize: (d) => d.hiddenSize,
};
