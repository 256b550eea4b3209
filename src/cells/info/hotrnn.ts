// HOT-RNN / TT-RNN (Yu, Zheng, Anandkumar & Yue 2017): what the page shows before tfjs loads (the step is in
// ../hotrnn.ts), with the sizes and parameter counts of its tensor train.
import type { CellDims, CellInfo, ParamSpec } from '../types';
import { glorotUniformInit, uniformInit, zerosInit } from '../init';
import { CELL_STATE, HIDDEN_STATE, LSTM_GATES } from '../parts';

const intOpt = (d: CellDims, key: string, dflt: number) => Math.max(1, Math.round(Number(d.options[key] ?? dflt)));
export const hotLags = (d: CellDims) => intOpt(d, 'lags', 2);
export const hotOrder = (d: CellDims) => intOpt(d, 'order', 2);
export const hotRank = (d: CellDims) => intOpt(d, 'rank', 2);
/** D = L·H + 1: the lagged states plus the constant 1 that lets the polynomial keep lower orders. */
export const hotStateDim = (d: CellDims) => hotLags(d) * d.hiddenSize + 1;

/** TT ranks r_0 … r_P: 1, r, …, r, 4H (the output is the last rank, as in the authors' code). */
export function ranks(d: CellDims): number[] {
  const P = hotOrder(d);
  return Array.from({ length: P + 1 }, (_, p) => (p === 0 ? 1 : p === P ? 4 * d.hiddenSize : hotRank(d)));
}

/** Trainable parameters of one layer with the weight tensor stored in full: D^P·4H + 4H·I + 4H. */
export function fullTensorParamCount(d: CellDims): number {
  const H4 = 4 * d.hiddenSize;
  return hotStateDim(d) ** hotOrder(d) * H4 + H4 * d.inputSize + H4;
}

/** The same with the tensor-train cores: Σ_p r_{p−1}·D·r_p + 4H·I + 4H. */
export function ttParamCount(d: CellDims): number {
  const r = ranks(d);
  const D = hotStateDim(d);
  let n = 0;
  for (let p = 1; p < r.length; p++) n += r[p - 1] * D * r[p];
  return n + 4 * d.hiddenSize * (d.inputSize + 1);
}

export const core = (p: number) => `core_${p}`;

export const hotrnnInfo: CellInfo = {
  id: 'hotrnn',
  name: 'HOT-RNN (tensor-train LSTM)',
  paper: {
    authors: 'Yu, Zheng, Anandkumar & Yue',
    year: 2017,
    title: 'Long-term Forecasting using Tensor-Train RNNs (v3: Long-term Forecasting using Higher Order Tensor RNNs)',
    arxiv: '1711.00073',
    url: 'https://arxiv.org/abs/1711.00073',
  },
  mechanisms: ['gates', 'cross-scale'],
  group: 'tensor',
  summary:
    'Attacks long-range forecasting of nonlinear dynamics, where an LSTM sees only $h_{t-1}$ through a linear map. Here the gates read the last $L$ states at once (direct paths $L$ steps back) and all their products up to order $P$, a polynomial whose weight tensor has $D^P \\cdot 4H$ entries. A tensor train of small rank $r$ stores that tensor with far fewer numbers (at this card’s preset about 4 thousand instead of 70 thousand), which keeps higher orders affordable.',
  notes:
    'From the paper and the authors’ code (github.com/yuqirose/tensor_train_RNN; `trnn.py`: `TensorLSTMCell`, `tensor_network_tt_einsum`; `trnn_imply.py`: the lag buffer). State $S_{t-1} = [h_{t-L}; \\dots; h_{t-1}; 1]$ (oldest first, the constant 1 last as in the code; the paper may put it first, which only permutes weights), $D = LH + 1$. Gates $g_t = W_x x_t + \\sum A^1[1,i_1,:] A^2[:,i_2,:] \\cdots A^P[:,i_P,:]\\, S[i_1] \\cdots S[i_P] + b$ with cores $A^p \\in \\mathbb{R}^{r_{p-1} \\times D \\times r_p}$, $r_0 = 1$, $r_P = 4H$; $[i, g, f, o] = \\operatorname{split}(g_t)$ in the code’s order; $c_t = c_{t-1} \\odot \\sigma(f + 1) + \\sigma(i) \\odot \\tanh(g)$, $h_t = \\tanh(c_t) \\odot \\sigma(o)$ (forget bias +1 hard-coded as in the code). The code forms $S^{\\otimes P}$ explicitly; here the cores are contracted with $S$ one after another, the same number. Parameter count: TT $\\sum_p r_{p-1} D r_p$ versus full $D^P \\cdot 4H$, both plus $4HI + 4H$; e.g. $I = 2$, $H = 32$, $L = 2$, $P = 2$, $r = 2$ gives $D = 65$ and 16 770 vs 540 800 tensor entries (17 154 vs 541 184 in all). Init: the code leaves TF1’s `glorot_uniform` on one flat variable of all cores (a tiny bound); here each core gets $U(\\pm\\sqrt{3/(r_{p-1} D)})$ so that every stage of the train keeps the scale of $S$, $W_x$ is Glorot-uniform and $b = 0$.',
  zh: {
    name: 'HOT-RNN（张量列车 LSTM）',
    summary:
      '针对非线性动力系统的长期预测：普通 LSTM 只通过线性映射看到 $h_{t-1}$，这里门同时读取最近 $L$ 个状态（直接回连 $L$ 步）及其直到 $P$ 阶的全部乘积，这个多项式的权重张量有 $D^P \\cdot 4H$ 个元素。用小秩 $r$ 的张量列车存储，所需的数少得多（本卡片预设下约四千个，而不是七万个），高阶因此负担得起。',
    notes:
      '取自论文与作者代码（github.com/yuqirose/tensor_train_RNN）：$S_{t-1} = [h_{t-L}; \\dots; h_{t-1}; 1]$，$D = LH + 1$；门 = $W_x x_t$ + 张量列车与 $S^{\\otimes P}$ 的缩并 + $b$，核 $A^p \\in \\mathbb{R}^{r_{p-1} \\times D \\times r_p}$，$r_0 = 1$，$r_P = 4H$；$c_t = c_{t-1} \\odot \\sigma(f + 1) + \\sigma(i) \\odot \\tanh(g)$，$h_t = \\tanh(c_t) \\odot \\sigma(o)$。参数量：张量列车 $\\sum_p r_{p-1} D r_p$，完整张量 $D^P \\cdot 4H$。',
    gateLabels: { i: '输入门', f: '遗忘门', g: '候选值', o: '输出门' },
  },
  // The paper forecasts dynamics, which the atlas has no task for; on the adding problem the tensor-train gates learn at T = 10, lr 0.02 in ~200 steps (T = 20 at lr 0.005 stayed at the baseline).
  preset: { taskId: 'adding', seqLen: 10, hiddenSize: 16, learningRate: 0.02, clipNorm: 1 },
  options: [
    { key: 'lags', label: 'Lags L', kind: 'integer', default: 2, min: 1, max: 4, step: 1,
      help: 'How many past hidden states the gates read directly.',
      zh: { label: '滞后步数 L', help: '门直接读取的过去隐藏状态的个数。' } },
    { key: 'order', label: 'Order P', kind: 'integer', default: 2, min: 1, max: 3, step: 1,
      help: 'Degree of the polynomial in the lagged states (P = 1: linear in them, like a multi-lag LSTM).',
      zh: { label: '阶数 P', help: '关于滞后状态的多项式的次数（P = 1：对它们是线性的，相当于多滞后 LSTM）。' } },
    { key: 'rank', label: 'TT rank r', kind: 'integer', default: 2, min: 1, max: 8, step: 1,
      help: 'Inner ranks of the tensor train: larger r stores a richer weight tensor with more parameters.',
      zh: { label: '张量列车秩 r', help: '张量列车的内部秩：r 越大，能存储的权重张量越丰富，参数也越多。' } },
  ],
  gates: LSTM_GATES,
  states: [
    HIDDEN_STATE,
    CELL_STATE,
    // [h_{t−L}; …; h_{t−2}], oldest first: the lags beyond h_{t−1}.
    { id: 'lags', tex: 'h_{t-L:t-2}', label: 'lagged states', size: (d) => (hotLags(d) - 1) * d.hiddenSize, hidden: true },
  ],
  equations: [
    { id: 'S', tex: 'S_{t-1} = [h_{t-L}; \\dots; h_{t-1}; 1] \\in \\mathbb{R}^{LH+1}', uses: ['lags_prev', 'h_prev'] },
    { id: 'i', tex: 'i_t = \\sigma(W_x^{i} x_t + \\langle \\mathcal{A}^{i}, S_{t-1}^{\\otimes P} \\rangle + b_i), \\quad \\mathcal{A} = A^{(1)} A^{(2)} \\cdots A^{(P)}\\ \\text{(tensor train)}', uses: ['x', 'h_prev', 'lags_prev'] },
    { id: 'f', tex: 'f_t = \\sigma(W_x^{f} x_t + \\langle \\mathcal{A}^{f}, S_{t-1}^{\\otimes P} \\rangle + b_f + 1)', uses: ['x', 'h_prev', 'lags_prev'] },
    { id: 'g', tex: 'g_t = \\tanh(W_x^{g} x_t + \\langle \\mathcal{A}^{g}, S_{t-1}^{\\otimes P} \\rangle + b_g)', uses: ['x', 'h_prev', 'lags_prev'] },
    { id: 'o', tex: 'o_t = \\sigma(W_x^{o} x_t + \\langle \\mathcal{A}^{o}, S_{t-1}^{\\otimes P} \\rangle + b_o)', uses: ['x', 'h_prev', 'lags_prev'] },
    { id: 'c', tex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t', uses: ['f', 'i', 'g', 'c_prev'] },
    { id: 'h', tex: 'h_t = o_t \\odot \\tanh(c_t)', uses: ['o', 'c'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const r = ranks(d);
    const D = hotStateDim(d);
    const P = hotOrder(d);
    const rLabel = (p: number) => (p === 0 ? '1' : p === P ? '4H' : 'r');
    const cores: ParamSpec[] = [];
    for (let p = 1; p <= P; p++) {
      const bound = Math.sqrt(3 / (r[p - 1] * D));
      cores.push({
        name: core(p), shape: [r[p - 1], D, r[p]], shapeLabel: `${rLabel(p - 1)} × (LH+1) × ${rLabel(p)}`,
        init: uniformInit(bound), initLabel: '$U(\\pm\\sqrt{3/(r_{p-1} D)})$', role: 'other',
      });
    }
    return [
      { name: 'weight_ih', shape: [4 * H, d.inputSize], shapeLabel: '4H × I', init: glorotUniformInit, initLabel: 'Glorot uniform', role: 'input' },
      { name: 'bias', shape: [4 * H], shapeLabel: '4H', init: zerosInit, initLabel: '0 (+1 on f in the step)', role: 'bias' },
      ...cores,
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
