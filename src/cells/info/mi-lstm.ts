// MI-LSTM, multiplicative integration in every gate (Wu et al. 2016): what the page shows before tfjs loads (the step is in ../mi-lstm.ts).
import { constantInit } from '../init';
import { miOptions, miParams } from './mi-common';
import { miNotesSource, miPaper } from './mi-rnn';
import type { CellInfo } from '../types';
import { LSTM_GATES, LSTM_STATES, withForgetBias } from '../parts';

const gateTex = (name: string, act: string, g: string) =>
  `${name}_t = ${act}(\\alpha_${g} \\odot W_${g} x_t \\odot U_${g} h_{t-1} + \\beta_{${g}1} \\odot U_${g} h_{t-1} + \\beta_{${g}2} \\odot W_${g} x_t + b_${g})`;

export const miLstmInfo: CellInfo = {
  id: 'mi-lstm',
  name: 'MI-LSTM',
  paper: miPaper,
  mechanisms: ['gates'],
  group: 'lstm-family',
  summary:
    'The LSTM with multiplicative integration inside every gate and the candidate: each pre-activation becomes $\\alpha \\odot Wx \\odot Uh + \\beta_1 \\odot Uh + \\beta_2 \\odot Wx + b$, so the current input rescales, unit by unit, how strongly the previous hidden state drives each gate. The cell state $c_t$ and its additive update are untouched, so the LSTM’s long-memory path stays; MI adds only three vectors per gate.',
  notes: `${miNotesSource} Gate forms: $i, f, o$ and the candidate $g$ are each one MI block with their own $\\alpha, \\beta_1, \\beta_2$ and $b$ (so the vectors are $4H$ long, as in the three implementations named above); $c_t = f \\odot c_{t-1} + i \\odot g$, $h_t = o \\odot \\tanh(c_t)$. Rows ordered $i, f, g, o$ as in \`torch.nn.LSTM\`; the “forget-gate bias” option sets $b_f$ at init.`,
  zh: {
    name: 'MI-LSTM（乘性整合 LSTM）',
    summary:
      '在每个门和候选值内部使用乘性整合的 LSTM：每个预激活都变成 $\\alpha \\odot Wx \\odot Uh + \\beta_1 \\odot Uh + \\beta_2 \\odot Wx + b$，当前输入逐单元地调节前一隐藏状态对各个门的影响强度。细胞状态 $c_t$ 及其加性更新保持不变，LSTM 的长记忆通路依然存在；MI 每个门只增加三个向量。',
    notes:
      'MI 模块取自 Wu 等（NIPS 2016）第 2 节，门的形式：$i, f, o$ 与候选值 $g$ 各为一个 MI 模块，各有自己的 $\\alpha, \\beta_1, \\beta_2$ 与 $b$（向量长 $4H$，与上述三种实现一致）；$c_t = f \\odot c_{t-1} + i \\odot g$，$h_t = o \\odot \\tanh(c_t)$。行顺序 $i, f, g, o$ 同 `torch.nn.LSTM`。初始化：$W, U \\sim U(-1/\\sqrt{H}, 1/\\sqrt{H})$，$b = 0$（遗忘门偏置可选），默认 $\\alpha = 1$、$\\beta_1 = \\beta_2 = 0.5$，取自 NickShahML 的 TensorFlow 实现（github.com/NickShahML/tensorflow_with_latest_papers；我们未能核对论文的实验部分）。',
    gateLabels: { i: '输入门', f: '遗忘门', g: '候选值', o: '输出门' },
  },
  // The adding problem as the other LSTMs, at lr 0.02: at 0.01 it was still on the 1/6 plateau after 300 steps.
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.02 },
  options: [
    ...miOptions,
    { key: 'forgetBias', label: 'Forget-gate bias (init)', kind: 'number', default: 0, min: -3, max: 5, step: 0.5,
      help: 'Initial $b_f$; 1–2 makes the cell remember by default.' },
  ],
  gates: LSTM_GATES,
  states: LSTM_STATES,
  equations: [
    { id: 'i', tex: gateTex('i', '\\sigma', 'i'), uses: ['x', 'h_prev'] },
    { id: 'f', tex: gateTex('f', '\\sigma', 'f'), uses: ['x', 'h_prev'] },
    { id: 'g', tex: gateTex('g', '\\tanh', 'g'), uses: ['x', 'h_prev'] },
    { id: 'o', tex: gateTex('o', '\\sigma', 'o'), uses: ['x', 'h_prev'] },
    { id: 'c', tex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t', uses: ['f', 'c_prev', 'i', 'g'] },
    { id: 'h', tex: 'h_t = o_t \\odot \\tanh(c_t)', uses: ['o', 'c'] },
  ],
  params: (d) => {
    const fb = Number(d.options.forgetBias ?? 0);
    return miParams(d, 4, withForgetBias(constantInit(0), d.hiddenSize, fb), fb ? `0, ${fb} on the f block` : '0', 2);
  },
  outputSize: (d) => d.hiddenSize,
};
