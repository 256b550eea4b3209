// Fourier Recurrent Unit (Zhang, Lin, Song & Dhillon 2018): what the page shows before tfjs loads (the step is in ../fru.ts).
import { parseList, sizeOptions, statParams, statSizes, SUMMARY_EQUATIONS, SUMMARY_GATES } from './sru';
import { CLOCK_STATE } from './scales';
import type { CellDims, CellInfo, InitFn } from '../types';

const DEFAULT_FREQS = '0, 0.5, 1, 2, 3';
export const freqsOf = (d: CellDims) => parseList(d.options.freqs, DEFAULT_FREQS);

/** TensorFlow's truncated normal (redraw beyond 2σ), as the authors' code initialises. */
const truncNormalInit = (std: number): InitFn => (shape, rng) => {
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < out.length; i++) {
    let v: number;
    do v = rng.normal(0, std); while (Math.abs(v) > 2 * std);
    out[i] = v;
  }
  return out;
};

export const fruInfo: CellInfo = {
  id: 'fru',
  name: 'Fourier Recurrent Unit',
  paper: {
    authors: 'Zhang, Lin, Song & Dhillon',
    year: 2018,
    title: 'Learning Long Term Dependencies via Fourier Recurrent Units',
    venue: 'ICML 2018',
    arxiv: '1803.06585',
  },
  mechanisms: ['cross-scale'],
  group: 'multi-scale',
  summary:
    'The FRU keeps, for every feature of $\\varphi_t$, a running Fourier coefficient at a few frequencies: each step adds $\\varphi_t \\cos(2\\pi f t/T + 2\\pi\\theta)/T$ to a sum that never decays. The state is therefore a summary of the whole sequence at several time scales, and because the sums carry over with weight 1, along them the gradient from the last step reaches the first step without shrinking: on that path the vanishing gradient is removed by construction, with no gates.',
  notes:
    'Equations from the paper (Zhang, Lin, Song & Dhillon, ICML 2018, Sec. 3) and the authors’ code (github.com/limbo018/FRU, `code/fru.py` `FRUCell`, `Params.py`): $r_t$ and $\\varphi_t$ as in the SRU; $\\mu_t^{(k)} = m_k \\mu_{t-1}^{(k)} + \\frac{1}{T}\\cos(2\\pi f_k t/T + 2\\pi\\theta_k)\\, \\varphi_t$ with $t$ counted from 0 (in the direction of processing; carried in the state as a step counter, so a resumed sequence continues its phase) and $T$ the task’s sequence length; $m_k = 0$ for the $f = 0$ slot (it holds only the current $\\varphi$), 1 elsewhere; $o_t = \\mathrm{ReLU}(W_o \\mu_t + b_o)$, emitted, not fed back. $\\theta_k$ (one per frequency) is trainable; $f_k$ is fixed; default frequencies $[0, 0.5, 1, 2, 3]$ from `Params.py`. Init as the code: weights and $\\theta$ truncated normal $N(0, 0.1)$, biases 0. Choices here: $\\varphi$ size $S$ and $r$ size $R$ are options (default 8; the MNIST config uses 10 and 60); $W_\\varphi$ is stored as blocks for $x$ and $r$. The gate $c$ shows the per-frequency coefficient $\\cos(\\dots)/T$ of the current step.',
  zh: {
    name: '傅里叶循环单元 (FRU)',
    summary:
      'FRU 对 $\\varphi_t$ 的每个特征在几个频率上累积傅里叶系数：每一步把 $\\varphi_t \\cos(2\\pi f t/T + 2\\pi\\theta)/T$ 加进一个永不衰减的和。状态因此是整段序列在多个时间尺度上的摘要；由于累积权重为 1，沿这些和，最后一步的梯度可以不衰减地传回第一步——在这条通路上，无需门控就从结构上消除了梯度消失。',
    notes:
      '公式取自论文（Zhang、Lin、Song 与 Dhillon，ICML 2018，第 3 节）与作者代码（github.com/limbo018/FRU 的 `FRUCell`）：$t$ 从 0 计数（作为步数计数器保存在状态中，续跑时相位接着走），$T$ 为序列长度，$f = 0$ 的槽只保存当前 $\\varphi$（$m = 0$），其余累积（$m = 1$）；$\\theta$ 可训练，频率固定，默认 $[0, 0.5, 1, 2, 3]$。权重与 $\\theta$ 按代码用截断正态 $N(0, 0.1)$，偏置为 0。$\\varphi$、$r$ 大小为选项（默认 8）。门 $c$ 显示当前步每个频率的系数 $\\cos(\\dots)/T$。',
    gateLabels: { r: '反馈摘要', phi: '特征 φ', c: '傅里叶系数', o: '输出', mu: '傅里叶统计量（所有 f）' },
  },
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.02, clipNorm: 1 },
  options: [
    { key: 'freqs', label: 'Frequencies f (comma-separated)', kind: 'choice', default: DEFAULT_FREQS,
      choices: [DEFAULT_FREQS, '0, 0.25, 0.5, 1', '0, 1, 2, 4, 8, 16'],
      help: 'Frequencies in cycles per sequence; each adds $S$ values to the state. $f = 0$ holds only the current $\\varphi$.',
      zh: { label: '频率 f（逗号分隔）', help: '频率以每段序列内的周期数计；每个频率给状态增加 $S$ 个值。$f = 0$ 只保存当前的 $\\varphi$。' } },
    ...sizeOptions,
  ],
  gates: [
    ...SUMMARY_GATES,
    { id: 'c', tex: 'c_t^{(k)}', label: 'Fourier coefficient cos(·)/T', range: 'signed' },
    { id: 'o', tex: 'o_t', label: 'output', range: 'positive' },
  ],
  states: [
    { id: 'mu', tex: '\\mu_t', label: 'Fourier statistics (all f)', size: (d) => freqsOf(d).length * statSizes(d).S, range: 'signed' },
    // t itself: the phase of a resumed run continues from the state, not from 0.
    CLOCK_STATE,
  ],
  equations: [
    ...SUMMARY_EQUATIONS,
    { id: 'c', tex: 'c_t^{(k)} = \\tfrac{1}{T} \\cos\\!\\left(\\tfrac{2\\pi f_k t}{T} + 2\\pi \\theta_k\\right), \\quad t = 0, 1, \\dots', uses: [] },
    { id: 'mu', tex: '\\mu_t^{(k)} = m_k\\, \\mu_{t-1}^{(k)} + c_t^{(k)}\\, \\varphi_t, \\quad m_k = [f_k \\neq 0]', uses: ['mu_prev', 'c', 'phi'] },
    { id: 'o', tex: 'o_t = \\mathrm{ReLU}(W_o \\mu_t + b_o)', uses: ['mu'] },
  ],
  hiddenKey: 'mu',
  params: (d) => [
    ...statParams(d, freqsOf(d).length * statSizes(d).S, { w: truncNormalInit(0.1), label: 'TruncNormal(0, 0.1)' }),
    { name: 'theta', shape: [freqsOf(d).length], shapeLabel: 'n_f', init: truncNormalInit(0.1), initLabel: 'TruncNormal(0, 0.1)', role: 'other' },
  ],
  outputSize: (d) => d.hiddenSize,
};
