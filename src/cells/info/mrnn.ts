// mRNN (Zhao et al. 2020): what the page shows before tfjs loads (the step is in ../mrnn.ts).
import type { CellInfo, ParamSpec } from '../types';
import { uniformInit, zerosInit } from '../init';
import { FILTER_TEX, filterK, filterOptions, isDynamic } from './long-memory-filter';

/** nn.Linear's default: weight and bias U(±1/√fan_in). */
function linearParams(name: string, out: [number, string], inp: [number, string], role: ParamSpec['role'], bias: boolean): ParamSpec[] {
  const init = uniformInit(1 / Math.sqrt(inp[0]));
  const initLabel = `U(±1/√${inp[1]})`;
  const specs: ParamSpec[] = [{ name: `weight_${name}`, shape: [out[0], inp[0]], shapeLabel: `${out[1]} × ${inp[1]}`, init, initLabel, role }];
  if (bias) specs.push({ name: `bias_${name}`, shape: [out[0]], shapeLabel: out[1], init, initLabel, role: 'bias' });
  return specs;
}

export const mrnnInfo: CellInfo = {
  id: 'mrnn',
  name: 'mRNN (memory-augmented RNN)',
  paper: {
    authors: 'Zhao, Huang, Lv, Duan, Qin, Li & Tian',
    year: 2020,
    title: 'Do RNN and LSTM have Long Memory?',
    venue: 'ICML 2020',
    arxiv: '2006.03860',
  },
  mechanisms: ['cross-scale'],
  group: 'long-memory',
  summary:
    'Zhao et al. prove that an RNN or LSTM whose state map is contracting has only short memory: the influence of the past dies off geometrically. The mRNN adds a memory m fed by the input filtered through $(1 - B)^d$, the fractional-differencing filter of ARFIMA models, whose weights over the last K inputs decay only like a power of the lag. The memory parameter d (0 < d < ½) is learned, per input feature, and can change every step. An input j steps back thus still reaches the output with a weight like $j^{-1-d}$, as long as j is within the window: at the authors’ K = 100 the influence of an input on the last output follows a power law over 90 lags, while the tanh recurrences of h and m forget geometrically, and beyond K (five steps at the card’s K = 5) only they are left. The gradient chart shows $\\partial L/\\partial m_t$, which travels back through m’s own recurrence and so falls geometrically even at K = 100: the long memory is in the path from the inputs, not in m.',
  notes:
    'Equations from the paper (Zhao et al. 2020, arXiv:2006.03860, Sec. 3) and the authors’ code (github.com/huawei-noah/noah-research, `mRNN-mLSTM/layers.py`: `MRNNCell` and `MRNNFixDCell`; fixed-d wrapper `MRNNFixD` in `time_series_prediction/models.py`). Dynamic $d$: $d_t = \\tfrac12\\sigma(W_{dd} d_{t-1} + W_{hd} h_{t-1} + W_{md} m_{t-1} + W_{xd} x_t + b_d)$, one $d$ per input feature ($[B, I]$). The filter over the current and $K - 1$ previous inputs is $f_t = \\sum_{j=1}^{K} w_j(d_t) \\odot x_{t-j+1}$: the current input gets $w_1 = -d_t$ (as the code’s `get_ws` orders the weights), $w_0$ is dropped, and the buffer of past inputs starts at zero. $m_t = \\tanh(W_{mm} m_{t-1} + W_{fm} f_t + b_m)$, $h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)$, and the layer emits $z_t = W_{hz} h_t + W_{mz} m_t + b_z$: linear with dynamic $d$, tanh with fixed $d$, as the two code cells differ; its size is $H$ here (the code’s `output_size`). Fixed $d$: $d = \\tfrac12\\sigma(b_d)$, $b_d$ initialised to 0 ($d = 0.25$). Init: PyTorch `nn.Linear` defaults $U(\\pm 1/\\sqrt{\\text{fan-in}})$. The code’s cell also inherits unused `weight_ih`/`weight_hh` from `RNNCellBase`; they are left out of the count. $K$ defaults to 10 here (the code: 100). The gradient view shows $\\partial L/\\partial m_t$ (the memory path); the gate $w$ is the filter weights averaged over input features, lag 1 first.',
  zh: {
    name: 'mRNN（记忆增强 RNN）',
    summary:
      'Zhao 等人证明：状态映射收缩的 RNN 或 LSTM 只有短记忆，过去的影响按几何级数消失。mRNN 增加一个记忆 m，其输入先经过 ARFIMA 模型中的分数差分滤波 $(1 - B)^d$，对过去 K 个输入的权重只按滞后的幂律衰减。记忆参数 d（0 < d < ½）按输入特征学习，并可逐步变化。因此 j 步之前的输入只要仍在窗口内，就以约 $j^{-1-d}$ 的权重影响输出：在作者的 K = 100 下，输入对最后输出的影响在 90 个滞后内服从幂律，而 h 与 m 的 tanh 循环按几何级数遗忘；超出 K（卡片预设 K = 5 时即五步）之后，只剩下它们。梯度图显示的是 $\\partial L/\\partial m_t$，它沿 m 自身的循环回传，所以即使 K = 100 也按几何级数下降：长记忆在从输入出发的通路上，而不在 m 里。',
    notes:
      '公式取自论文（Zhao 等 2020，arXiv:2006.03860，第 3 节）与作者代码（github.com/huawei-noah/noah-research 中 `mRNN-mLSTM/layers.py` 的 `MRNNCell` 与 `MRNNFixDCell`）。当前输入的权重为 $w_1 = -d_t$，$w_0$ 被丢弃，过去输入的缓冲从零开始。动态 $d$ 时输出 $z$ 为线性，固定 $d$ 时为 tanh（与代码一致）。初始化为 PyTorch `nn.Linear` 的默认值。$K$ 默认 10（代码为 100）。梯度视图显示 $\\partial L/\\partial m_t$；门 $w$ 为各输入特征的滤波权重平均。',
    gateLabels: { w: '滤波权重', f: '滤波后的输入', m: '长记忆', d: '记忆参数 d（每个输入特征）' },
  },
  preset: { taskId: 'adding', seqLen: 12, hiddenSize: 16, learningRate: 0.02, clipNorm: 1, options: { K: 5, dynamic: true } },
  options: filterOptions,
  gates: [
    { id: 'w', tex: 'w_j(d_t)', label: 'filter weights, lag 1…K (mean over features)', range: 'signed' },
    { id: 'f', tex: 'f_t', label: 'filtered input', range: 'free' },
  ],
  states: [
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' },
    { id: 'm', tex: 'm_t', label: 'long memory', size: (d) => d.hiddenSize, range: 'signed' },
    // Visible: d is what the card is about, and it is fed back (dynamic d reads d_{t−1}).
    { id: 'd', tex: 'd_t', label: 'memory parameter (per input feature)', size: (d) => d.inputSize, range: 'positive' },
    { id: 'xs', tex: 'x_{t-K+1..t-1}', label: 'past inputs', size: (d) => (filterK(d) - 1) * d.inputSize, hidden: true },
  ],
  equations: [
    { id: 'd', tex: 'd_t = \\tfrac12 \\sigma(W_{dd} d_{t-1} + W_{hd} h_{t-1} + W_{md} m_{t-1} + W_{xd} x_t + b_d) \\quad (\\text{fixed: } d = \\tfrac12\\sigma(b_d))', uses: ['x', 'd_prev', 'h_prev', 'm_prev'] },
    { id: 'w', tex: FILTER_TEX, uses: ['d'] },
    { id: 'f', tex: 'f_t = \\sum_{j=1}^{K} w_j(d_t) \\odot x_{t-j+1}', uses: ['w', 'x', 'xs_prev'] },
    { id: 'm', tex: 'm_t = \\tanh(W_{mm} m_{t-1} + W_{fm} f_t + b_m)', uses: ['m_prev', 'f'] },
    { id: 'h', tex: 'h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)', uses: ['h_prev', 'x'] },
    { id: 'z', tex: 'z_t = W_{hz} h_t + W_{mz} m_t + b_z \\quad (\\text{fixed } d\\text{: } \\tanh(\\cdot))', uses: ['h', 'm'] },
  ],
  hiddenKey: 'm',
  params: (dims) => {
    const I: [number, string] = [dims.inputSize, 'I'];
    const H: [number, string] = [dims.hiddenSize, 'H'];
    const dParams: ParamSpec[] = isDynamic(dims)
      ? [...linearParams('dd', I, I, 'other', true), ...linearParams('hd', I, H, 'other', false),
        ...linearParams('md', I, H, 'other', false), ...linearParams('xd', I, I, 'input', false)]
      : [{ name: 'bias_d', shape: [dims.inputSize], shapeLabel: 'I', init: zerosInit, initLabel: '0 (d = 0.25)', role: 'bias' }];
    return [
      ...dParams,
      ...linearParams('mm', H, H, 'recurrent', true), ...linearParams('fm', H, I, 'input', false),
      ...linearParams('hh', H, H, 'recurrent', true), ...linearParams('xh', H, I, 'input', false),
      ...linearParams('hz', H, H, 'other', true), ...linearParams('mz', H, H, 'other', false),
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
