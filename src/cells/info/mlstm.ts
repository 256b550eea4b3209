// mLSTM (Zhao et al. 2020): what the page shows before tfjs loads (the step is in ../mlstm.ts).
import type { CellInfo, ParamSpec } from '../types';
import { uniformInit, zerosInit } from '../init';
import { FILTER_TEX, filterK, filterOptions, isDynamic } from './long-memory-filter';

/** One nn.Linear(in → H) of the code: weight and bias U(±1/√in). */
function gateParams(name: string, H: number, fanIn: number, fanInLabel: string): ParamSpec[] {
  const init = uniformInit(1 / Math.sqrt(fanIn));
  const initLabel = `U(±1/√(${fanInLabel}))`;
  return [
    { name: `weight_${name}`, shape: [H, fanIn], shapeLabel: `H × (${fanInLabel})`, init, initLabel, role: 'other' },
    { name: `bias_${name}`, shape: [H], shapeLabel: 'H', init, initLabel, role: 'bias' },
  ];
}

export const mlstmInfo: CellInfo = {
  id: 'mlstm',
  name: 'mLSTM (memory-augmented LSTM)',
  paper: {
    authors: 'Zhao, Huang, Lv, Duan, Qin, Li & Tian',
    year: 2020,
    title: 'Do RNN and LSTM have Long Memory?',
    venue: 'ICML 2020',
    arxiv: '2006.03860',
  },
  mechanisms: ['gates', 'cross-scale'],
  group: 'long-memory',
  summary:
    'An LSTM whose forget gate multiplies the old cell by a number below one forgets geometrically fast. The mLSTM drops the forget gate and instead builds the new cell from the last K cells weighted by the coefficients of the fractional difference $(1 - B)^d$, which decay only like a power of the lag — the long-memory (ARFIMA) idea inside the cell. d is between 0 and ½ and is either learned per unit or computed every step. The power law holds within the window of K lags: at the authors’ K = 100 on a 120-step sequence the gradient reaching back j steps falls roughly like $j^{-0.7}$ over 90 lags, where an LSTM’s falls by about 0.8 per step; beyond K, and so at the card’s K = 5 beyond five steps, the decay is geometric again. K = 100 trains, slowly (about 1.5 s per step at T = 120 on WASM).',
  notes:
    'Equations from the paper (Zhao et al. 2020, arXiv:2006.03860, Sec. 3) and the authors’ code (github.com/huawei-noah/noah-research, `mRNN-mLSTM/layers.py`: `MLSTMCell` and `MLSTMFixDCell`; the fixed-d wrapper `MLSTMFixD` in `time_series_prediction/models.py`). $i, o = \\sigma(W[x_t; h_{t-1}] + b)$, $\\tilde c = \\tanh(W_c[x_t; h_{t-1}] + b_c)$; dynamic $d_t = \\tfrac12\\sigma(W_d[x_t; h_{t-1}; d_{t-1}] + b_d)$ (the code’s `f_gate` layer, reused for $d$), one $d$ per unit ($[B, H]$); fixed $d = \\tfrac12\\sigma(\\delta)$, $\\delta$ initialised to 0. $c_t = -\\sum_{j=1}^{K} w_j(d_t) \\odot c_{t-j} + i_t \\odot \\tilde c_t$, so the lag-1 term is $+d_t \\odot c_{t-1}$ ($w_1 = -d$); the buffer of past cells starts at zero; there is no forget gate. $h_t = o_t \\odot \\tanh(c_t)$; the code’s output layer is the trainer’s readout here. Init: PyTorch `nn.Linear` defaults $U(\\pm 1/\\sqrt{\\text{fan-in}})$. In fixed-d mode the code still creates `f_gate` but never uses it; it is left out of the count. $K$ defaults to 10 (the code: 100). The gate $w$ shows the filter weights averaged over units, lag 1 first.',
  zh: {
    name: 'mLSTM（记忆增强 LSTM）',
    summary:
      '遗忘门把旧细胞乘以小于 1 的数，LSTM 因而按几何速度遗忘。mLSTM 去掉遗忘门，改用分数差分 $(1 - B)^d$ 的系数对过去 K 个细胞状态加权求和，这些系数只按滞后的幂律衰减——把长记忆（ARFIMA）思想放进细胞。d 介于 0 与 ½ 之间，可按单元学习，也可逐步计算。幂律只在 K 个滞后的窗口内成立：在作者的 K = 100、120 步的序列上，回传 j 步的梯度在 90 个滞后内大致按 $j^{-0.7}$ 下降，而 LSTM 每步约乘 0.8；超出 K 之后（卡片预设 K = 5，即五步之后）衰减又变回几何级数。K = 100 可以训练，只是较慢（WASM 上 T = 120 时每步约 1.5 秒）。',
    notes:
      '公式取自论文（Zhao 等 2020，arXiv:2006.03860，第 3 节）与作者代码（github.com/huawei-noah/noah-research 中 `mRNN-mLSTM/layers.py` 的 `MLSTMCell` 与 `MLSTMFixDCell`）。$c_t = -\\sum_j w_j(d_t) \\odot c_{t-j} + i_t \\odot \\tilde c_t$，滞后 1 项为 $+d_t \\odot c_{t-1}$；没有遗忘门；过去细胞的缓冲从零开始。动态 $d$ 复用代码中的 `f_gate` 层；固定 $d = \\tfrac12\\sigma(\\delta)$，$\\delta$ 初值 0。初始化为 PyTorch `nn.Linear` 的默认值。$K$ 默认 10（代码为 100）。门 $w$ 为各单元滤波权重的平均。',
    gateLabels: { i: '输入门', g: '候选值', o: '输出门', w: '滤波权重', d: '记忆参数 d（每个单元）' },
  },
  preset: { taskId: 'adding', seqLen: 12, hiddenSize: 16, learningRate: 0.02, clipNorm: 1, options: { K: 5, dynamic: true } },
  options: filterOptions,
  gates: [
    { id: 'i', tex: 'i_t', label: 'input gate', range: 'unit' },
    { id: 'g', tex: '\\tilde c_t', label: 'candidate', range: 'signed' },
    { id: 'o', tex: 'o_t', label: 'output gate', range: 'unit' },
    { id: 'w', tex: 'w_j(d_t)', label: 'filter weights, lag 1…K (mean over units)', range: 'signed' },
  ],
  states: [
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' },
    { id: 'c', tex: 'c_t', label: 'cell state', size: (d) => d.hiddenSize, range: 'free' },
    { id: 'd', tex: 'd_t', label: 'memory parameter (per unit)', size: (d) => d.hiddenSize, range: 'positive' },
    { id: 'cs', tex: 'c_{t-K+1..t-1}', label: 'past cells', size: (d) => (filterK(d) - 1) * d.hiddenSize, hidden: true },
  ],
  equations: [
    { id: 'd', tex: 'd_t = \\tfrac12 \\sigma(W_d [x_t; h_{t-1}; d_{t-1}] + b_d) \\quad (\\text{fixed: } d = \\tfrac12\\sigma(\\delta))', uses: ['x', 'h_prev', 'd_prev'] },
    { id: 'w', tex: FILTER_TEX, uses: ['d'] },
    { id: 'i', tex: 'i_t = \\sigma(W_i [x_t; h_{t-1}] + b_i)', uses: ['x', 'h_prev'] },
    { id: 'g', tex: '\\tilde c_t = \\tanh(W_c [x_t; h_{t-1}] + b_c)', uses: ['x', 'h_prev'] },
    { id: 'o', tex: 'o_t = \\sigma(W_o [x_t; h_{t-1}] + b_o)', uses: ['x', 'h_prev'] },
    { id: 'c', tex: 'c_t = -\\sum_{j=1}^{K} w_j(d_t) \\odot c_{t-j} + i_t \\odot \\tilde c_t', uses: ['w', 'c_prev', 'cs_prev', 'i', 'g'] },
    { id: 'h', tex: 'h_t = o_t \\odot \\tanh(c_t)', uses: ['o', 'c'] },
  ],
  params: (dims) => {
    const H = dims.hiddenSize;
    const I = dims.inputSize;
    const d: ParamSpec[] = isDynamic(dims)
      ? gateParams('d', H, I + 2 * H, 'I+2H')
      : [{ name: 'delta', shape: [H], shapeLabel: 'H', init: zerosInit, initLabel: '0 (d = 0.25)', role: 'bias' }];
    return [...gateParams('i', H, I + H, 'I+H'), ...gateParams('c', H, I + H, 'I+H'), ...gateParams('o', H, I + H, 'I+H'), ...d];
  },
  outputSize: (d) => d.hiddenSize,
};
