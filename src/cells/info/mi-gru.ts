// MI-GRU, multiplicative integration in Cho et al.'s GRU (Wu et al. 2016): what the page shows before tfjs loads (the step is in ../mi-gru.ts).
import { miOptions, miParams } from './mi-common';
import { miNotesSource, miPaper } from './mi-rnn';
import type { CellInfo } from '../types';
import { GRU_GATES, HIDDEN_STATE } from '../parts';

const gateTex = (name: string, act: string, g: string, hin: string) =>
  `${name}_t = ${act}(\\alpha_${g} \\odot W_${g} x_t \\odot U_${g} ${hin} + \\beta_{${g}1} \\odot U_${g} ${hin} + \\beta_{${g}2} \\odot W_${g} x_t + b_${g})`;

export const miGruInfo: CellInfo = {
  id: 'mi-gru',
  name: 'MI-GRU',
  paper: miPaper,
  mechanisms: ['gates'],
  group: 'gru-family',
  summary:
    'The GRU with multiplicative integration in its reset gate, update gate and candidate: each pre-activation becomes $\\alpha \\odot Wx \\odot Uh + \\beta_1 \\odot Uh + \\beta_2 \\odot Wx + b$, so the input decides, unit by unit, how strongly the recurrent term counts. The update gate still interpolates between keeping $h_{t-1}$ and taking the candidate, so the GRU’s carry path is unchanged; MI adds three vectors per gate.',
  notes: `${miNotesSource} Gate forms: $r, z$ and the candidate $n$ are each one MI block with their own $\\alpha, \\beta_1, \\beta_2$ and $b$, starting from Cho et al.’s GRU: the candidate’s recurrent input is $U_n (r \\odot h_{t-1})$ (reset before the matmul, as in the original GRU card), and $h_t = (1 - z) \\odot n + z \\odot h_{t-1}$. (NickShahML’s TensorFlow MI-GRU instead feeds $h_{t-1}$ without $r$ into the candidate’s MI block and starts the $r, z$ biases at 1.) Rows ordered $r, z, n$ as \`torch.nn.GRU\`.`,
  zh: {
    name: 'MI-GRU（乘性整合 GRU）',
    summary:
      '在重置门、更新门和候选值中使用乘性整合的 GRU：每个预激活都变成 $\\alpha \\odot Wx \\odot Uh + \\beta_1 \\odot Uh + \\beta_2 \\odot Wx + b$，由输入逐单元地决定循环项的分量。更新门仍在保留 $h_{t-1}$ 与采用候选值之间插值，GRU 的传递通路不变；MI 每个门只增加三个向量。',
    notes:
      'MI 模块取自 Wu 等（NIPS 2016）第 2 节；门的形式：$r, z$ 与候选值 $n$ 各为一个 MI 模块，以 Cho 等的原始 GRU 为基础：候选值的循环输入为 $U_n (r \\odot h_{t-1})$（先重置再乘矩阵，同原始 GRU 卡片），$h_t = (1 - z) \\odot n + z \\odot h_{t-1}$。行顺序 $r, z, n$ 同 `torch.nn.GRU`。初始化：$W, U \\sim U(-1/\\sqrt{H}, 1/\\sqrt{H})$，$b = 0$，默认 $\\alpha = 1$、$\\beta_1 = \\beta_2 = 0.5$，取自 NickShahML 的 TensorFlow 实现（github.com/NickShahML/tensorflow_with_latest_papers；我们未能核对论文的实验部分）。',
    gateLabels: { r: '重置门', z: '更新门', n: '候选值' },
  },
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.01 },
  options: miOptions,
  gates: GRU_GATES,
  states: [HIDDEN_STATE],
  equations: [
    { id: 'r', tex: gateTex('r', '\\sigma', 'r', 'h_{t-1}'), uses: ['x', 'h_prev'] },
    { id: 'z', tex: gateTex('z', '\\sigma', 'z', 'h_{t-1}'), uses: ['x', 'h_prev'] },
    { id: 'n', tex: gateTex('n', '\\tanh', 'n', '(r_t \\odot h_{t-1})'), uses: ['x', 'r', 'h_prev'] },
    { id: 'h', tex: 'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}', uses: ['z', 'n', 'h_prev'] },
  ],
  params: (d) => miParams(d, 3, undefined, undefined, 2),
  outputSize: (d) => d.hiddenSize,
};
