// MI-RNN, multiplicative integration (Wu et al. 2016): what the page shows before tfjs loads (the step is in ../mi-rnn.ts).
import { miOptions, miParams } from './mi-common';
import type { CellInfo } from '../types';

export const miPaper = {
  authors: 'Wu, Zhang, Zhang, Bengio & Salakhutdinov',
  year: 2016,
  title: 'On Multiplicative Integration with Recurrent Neural Networks',
  venue: 'NeurIPS 2016',
  arxiv: '1606.06630',
  url: 'https://arxiv.org/abs/1606.06630',
};

export const miNotesSource =
  'MI block from Wu et al., “On Multiplicative Integration with Recurrent Neural Networks” (NIPS 2016), Sec. 2: the general form, with what the paper calls gating biases $\\alpha, \\beta_1, \\beta_2$. The additive block is the special case $\\alpha = 0$, $\\beta_1 = \\beta_2 = 1$. Parameters: $W$ = `weight_ih`, $U$ = `weight_hh` (PyTorch layout [out, in]), one bias $b$, and $\\alpha, \\beta_1, \\beta_2$ of the same size as $b$: 3 vectors per block on top of the additive cell. Init: $W, U \\sim U(-1/\\sqrt{H}, 1/\\sqrt{H})$ as PyTorch, $b = 0$, $\\alpha = 1$, $\\beta_1 = \\beta_2 = 0.5$ by default (the “α (init)” and “β (init)” options). We could not check the paper’s experiment sections, so the init follows the most used public implementation, NickShahML’s TensorFlow code (github.com/NickShahML/tensorflow_with_latest_papers, `multiplicative_integration.py`: $\\alpha \\sim N(1, 0.1)$, $\\beta_1, \\beta_2 \\sim N(0.5, 0.1)$, truncated; here without the noise); Caffe2’s `MILSTMCell` starts at $\\alpha = \\beta_1 = \\beta_2 = 1$, $b = 0$ instead, and Facebook’s pytorch/translate draws all of them $U(\\pm 1/\\sqrt{H})$. All three use one $\\alpha, \\beta_1, \\beta_2$ per unit of every gate.';

export const miRnnInfo: CellInfo = {
  id: 'mi-rnn',
  name: 'MI-RNN (multiplicative integration)',
  paper: miPaper,
  mechanisms: ['gates'],
  group: 'classic',
  summary:
    'In an additive RNN the input can only shift the pre-activation $Wx + Uh$, so when $Uh$ is large the input barely matters and the Jacobian $\\operatorname{diag}(\\varphi\')\\,U$ does not depend on what is read. Multiplicative integration adds $\\alpha \\odot Wx \\odot Uh$: the input rescales the recurrent term per unit, so the Jacobian becomes $\\operatorname{diag}(\\varphi\')\\operatorname{diag}(\\alpha \\odot Wx + \\beta_1)\\,U$: the current input gates how much of the past (and of its gradient) gets through. It costs only three extra vectors.',
  notes: `${miNotesSource} Nonlinearity tanh. The views show $Wx$, $Uh$ and the second-order term $\\alpha \\odot Wx \\odot Uh$ separately.`,
  zh: {
    name: 'MI-RNN（乘性整合）',
    summary:
      '在加性 RNN 中，输入只能平移预激活 $Wx + Uh$：$Uh$ 很大时输入几乎不起作用，雅可比矩阵 $\\operatorname{diag}(\\varphi\')\\,U$ 与读入什么无关。乘性整合加入 $\\alpha \\odot Wx \\odot Uh$：输入逐单元地缩放循环项，雅可比矩阵变成 $\\operatorname{diag}(\\varphi\')\\operatorname{diag}(\\alpha \\odot Wx + \\beta_1)\\,U$——当前输入门控着过去的信息（及其梯度）能通过多少。代价只是三个额外向量。',
    notes:
      'MI 模块取自 Wu 等的论文《On Multiplicative Integration with Recurrent Neural Networks》（NIPS 2016）第 2 节的一般形式（论文称 $\\alpha, \\beta_1, \\beta_2$ 为门控偏置）；$\\alpha = 0$、$\\beta_1 = \\beta_2 = 1$ 即退化为加性模块。参数：$W$ = `weight_ih`，$U$ = `weight_hh`，一个偏置 $b$，以及与 $b$ 同尺寸的 $\\alpha, \\beta_1, \\beta_2$。初始化：$W, U \\sim U(-1/\\sqrt{H}, 1/\\sqrt{H})$，$b = 0$，默认 $\\alpha = 1$、$\\beta_1 = \\beta_2 = 0.5$（可用选项调整）。我们未能核对论文的实验部分，所以初值采用最常用的公开实现：NickShahML 的 TensorFlow 代码（github.com/NickShahML/tensorflow_with_latest_papers 中的 `multiplicative_integration.py`，$\\alpha \\sim N(1, 0.1)$，$\\beta \\sim N(0.5, 0.1)$，截断；这里不加噪声）；Caffe2 的 `MILSTMCell` 则取 $\\alpha = \\beta_1 = \\beta_2 = 1$、$b = 0$。非线性取 tanh。视图分别显示 $Wx$、$Uh$ 与二阶项 $\\alpha \\odot Wx \\odot Uh$。',
    gateLabels: { wx: '输入投影 $Wx_t$', uh: '循环投影 $Uh_{t-1}$', m: '二阶项 $\\alpha \\odot Wx \\odot Uh$' },
  },
  preset: { taskId: 'adding', seqLen: 10, hiddenSize: 32, learningRate: 0.01 },
  options: miOptions,
  gates: [
    { id: 'wx', tex: 'Wx_t', label: 'input projection', range: 'free' },
    { id: 'uh', tex: 'Uh_{t-1}', label: 'recurrent projection', range: 'free' },
    { id: 'm', tex: 'm_t', label: 'second-order term', range: 'free' },
  ],
  states: [{ id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' }],
  equations: [
    { id: 'wx', tex: 'Wx_t = W_{ih}\\, x_t', uses: ['x'] },
    { id: 'uh', tex: 'Uh_{t-1} = W_{hh}\\, h_{t-1}', uses: ['h_prev'] },
    { id: 'm', tex: 'm_t = \\alpha \\odot Wx_t \\odot Uh_{t-1}', uses: ['wx', 'uh'] },
    { id: 'h', tex: 'h_t = \\tanh(m_t + \\beta_1 \\odot Uh_{t-1} + \\beta_2 \\odot Wx_t + b)', uses: ['m', 'uh', 'wx'] },
  ],
  params: (d) => miParams(d, 1),
  outputSize: (d) => d.hiddenSize,
};
