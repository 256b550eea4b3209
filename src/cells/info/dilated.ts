// Dilated RNN (Chang et al. 2017): what the page shows before tfjs loads (the step is in ../dilated.ts).
import type { CellDims, CellInfo, CellOptions, ParamSpec } from '../types';
import { uniformInit } from '../init';
import { GRU_GATES, HIDDEN_STATE } from '../parts';

/** d_l = base^l, l the 0-based layer: 1, 2, 4 … for the paper's base 2. */
export const dilationOf = (d: CellDims) => Math.pow(Math.max(1, Math.round(Number(d.options.base ?? 2))), d.layer);
const gruOption = (o: CellOptions) => (o.cell ?? 'gru') === 'gru';
export const isGru = (d: CellDims) => gruOption(d.options);
const tanhOption = (o: CellOptions) => !gruOption(o);
/** h_{t−2} … h_{t−d}; one unused block when d = 1 (a zero-width state would be fragile). */
export const bufSize = (d: CellDims) => Math.max(1, dilationOf(d) - 1) * d.hiddenSize;

export const dilatedInfo: CellInfo = {
  id: 'dilated',
  name: 'Dilated RNN',
  paper: {
    authors: 'Chang, Zhang, Han, Yu, Guo, Tan, Cui, Witbrock, Hasegawa-Johnson & Huang',
    year: 2017,
    title: 'Dilated Recurrent Neural Networks',
    venue: 'NeurIPS',
    arxiv: '1710.02224',
    url: 'https://arxiv.org/abs/1710.02224',
  },
  mechanisms: ['cross-scale'],
  group: 'multi-scale',
  summary:
    'Shortens the path between distant steps with skip connections in time. Layer $l$ (counted from 0) connects each state to the one $d_l = 2^l$ steps back instead of the previous one, so the top layer of an $L$-layer stack crosses a gap of $n$ steps in about $n/2^{L-1}$ recurrent hops instead of $n$. Each layer is an ordinary cell (GRU or tanh RNN) run on $d_l$ interleaved subsequences; the gradient crosses long gaps through few Jacobians.',
  notes:
    'Dilated recurrent skip connection from Chang et al. 2017, eq. 3: $c_t^{(l)} = f(x_t^{(l)}, c_{t-s^{(l)}}^{(l)})$, with exponentially increasing dilations $s^{(l)} = M^{l-1}$ for layers $l = 1 \\dots L$ (eq. 4); here layers are counted from 0, so $d_l = \\mathrm{base}^l$ with base $= M = 2$ by default, and states before $t = 0$ are zero. The state carries the buffer $h_{t-1} \\dots h_{t-d}$ (shown as $h$ and a hidden buffer). Underlying cell: a GRU in the original form of Cho et al. (reset applied to $h$ before the recurrent matmul, as TensorFlow’s `GRUCell` that the authors’ code, github.com/code-terminator/DilatedRNN, builds on; one bias per gate), or a tanh RNN. The card shows the equations and gates of the chosen underlying cell (the tanh RNN has none). Init $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ (PyTorch’s default; the paper does not fix one).',
  zh: {
    name: '膨胀 RNN（Dilated RNN）',
    summary:
      '用时间上的跳连缩短远距离步之间的路径：第 $l$ 层（从 0 计数）把每个状态连到 $d_l = 2^l$ 步之前的状态，而不是前一步，所以 $L$ 层堆叠的顶层跨越 $n$ 步只需约 $n/2^{L-1}$ 次循环跳跃，而不是 $n$ 次。每层都是普通单元（GRU 或 tanh RNN），在 $d_l$ 条交错的子序列上运行；梯度跨越长间隔只经过少数雅可比矩阵。',
    notes:
      '膨胀循环跳连取自 Chang 等 2017 式 3–4；层从 0 计数，$d_l = \\mathrm{base}^l$，底数默认为 2；$t = 0$ 之前的状态为 0。底层单元为 Cho 等原始形式的 GRU（重置门在循环矩阵乘法之前作用，与作者代码 github.com/code-terminator/DilatedRNN 所用的 TensorFlow `GRUCell` 相同），或 tanh RNN（卡片按所选单元显示公式与门，tanh RNN 没有门）。',
    gateLabels: { r: '重置门', z: '更新门', n: '候选状态' },
  },
  preset: { taskId: 'copy', seqLen: 12, hiddenSize: 32, numLayers: 3, learningRate: 0.01, clipNorm: 1, options: { cell: 'gru', base: 2 } },
  options: [
    { key: 'cell', label: 'Underlying cell', kind: 'choice', default: 'gru', choices: ['gru', 'tanh'],
      help: 'What each layer runs on its dilated recurrence: a GRU (reset before the matmul) or a plain tanh RNN.',
      zh: { label: '底层单元', help: '每层在膨胀循环上运行的单元：GRU（重置门在矩阵乘法之前作用）或普通 tanh RNN。' } },
    { key: 'base', label: 'Dilation base', kind: 'integer', default: 2, min: 1, max: 4, step: 1,
      help: 'Layer $l$ recurs on the state $\\mathrm{base}^l$ steps back (1, 2, 4 … for base 2). Base 1 is an ordinary stacked RNN.',
      zh: { label: '膨胀底数', help: '第 $l$ 层循环连接到 $\\mathrm{base}^l$ 步之前的状态（底数为 2 时依次为 1、2、4 ……）。底数为 1 即普通的堆叠 RNN。' } },
  ],
  gates: GRU_GATES.map((g) => ({ ...g, when: gruOption })),
  states: [
    HIDDEN_STATE,
    { id: 'buf', tex: 'h_{t-1 \\dots t-d+1}', label: 'older states (dilation buffer)', size: bufSize, hidden: true },
  ],
  equations: [
    { id: 'r', tex: 'r_t = \\sigma(W_{ir} x_t + W_{hr} h_{t-d} + b_r)', uses: ['x', 'buf_prev'], when: gruOption },
    { id: 'z', tex: 'z_t = \\sigma(W_{iz} x_t + W_{hz} h_{t-d} + b_z)', uses: ['x', 'buf_prev'], when: gruOption },
    { id: 'n', tex: 'n_t = \\tanh(W_{in} x_t + W_{hn} (r_t \\odot h_{t-d}) + b_n)', uses: ['x', 'r', 'buf_prev'], when: gruOption },
    { id: 'h', tex: 'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-d}, \\quad d = 2^{l}', uses: ['z', 'n', 'buf_prev'], when: gruOption },
    { id: 'h', tex: 'h_t = \\tanh(W_{ih} x_t + W_{hh} h_{t-d} + b), \\quad d = 2^{l}', uses: ['x', 'buf_prev'], when: tanhOption },
    { id: 'buf', tex: '(h_{t-1}, \\dots, h_{t-d+1}) \\text{ kept for the next } d - 1 \\text{ steps}', uses: ['h_prev', 'buf_prev'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const init = uniformInit(1 / Math.sqrt(H));
    const label = 'U(−1/√H, 1/√H)';
    const spec = (name: string, shape: number[], shapeLabel: string, role: ParamSpec['role']): ParamSpec =>
      ({ name, shape, shapeLabel, init, initLabel: label, role });
    if (!isGru(d)) {
      return [spec('weight_ih', [H, d.inputSize], 'H × I', 'input'), spec('weight_hh', [H, H], 'H × H', 'recurrent'), spec('bias', [H], 'H', 'bias')];
    }
    return [
      spec('weight_ih', [3 * H, d.inputSize], '3H × I', 'input'),
      // r and z read h_{t−d} directly; n reads r ⊙ h_{t−d}, so its recurrent block is a separate matmul.
      { ...spec('weight_hh', [2 * H, H], '2H × H', 'recurrent'), candidateBlocks: [] },
      spec('weight_hn', [H, H], 'H × H', 'recurrent'),
      spec('bias', [3 * H], '3H', 'bias'),
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
