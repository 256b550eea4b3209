// Statistical Recurrent Unit (Oliva, Póczos & Schneider 2017): what the page shows before tfjs loads (the step is in ../sru.ts);
// the sizes, options, weights and summary gates it shares with the FRU's info are here too.
import type { CellDims, CellInfo, EquationSpec, GateSpec, OptionSpec, ParamSpec } from '../types';
import { glorotUniformInit, zerosInit } from '../init';

export const DEFAULT_ALPHAS = '0, 0.25, 0.5, 0.9, 0.99';

/** Comma-separated numbers from an option; the default when empty or malformed. */
export function parseList(value: unknown, fallback: string): number[] {
  const text = String(value ?? '').trim();
  const list = text.split(',').map((v) => Number(v.trim()));
  if (text !== '' && list.every((v) => Number.isFinite(v))) return list;
  return fallback.split(',').map((v) => Number(v.trim()));
}

/** φ size S and r size R (options), shared by SRU and FRU. */
export const statSizes = (d: CellDims) => ({
  S: Math.max(1, Math.round(Number(d.options.phiSize ?? 8))),
  R: Math.max(1, Math.round(Number(d.options.recurSize ?? 8))),
});

export const sizeOptions: OptionSpec[] = [
  { key: 'phiSize', label: 'Statistics size (φ)', kind: 'integer', default: 8, min: 1, max: 64, step: 1,
    help: '$S$, the number of features $\\varphi_t$ averaged at every scale. The state has (number of scales) × $S$ values. Paper experiments: 64 (SRU), 10 (FRU on MNIST).',
    zh: { label: '统计量大小（φ）', help: '$S$，即在每个尺度上求平均的特征 $\\varphi_t$ 的个数。状态共有（尺度数）× $S$ 个值。论文实验：64（SRU），10（FRU，MNIST）。' } },
  { key: 'recurSize', label: 'Recurrent summary size (r)', kind: 'integer', default: 8, min: 1, max: 64, step: 1,
    help: '$R$, the size of $r_t$, the only path by which the averages feed back into $\\varphi$. Paper experiments: 16 (SRU), 60 (FRU on MNIST).',
    zh: { label: '反馈摘要大小（r）', help: '$R$，即 $r_t$ 的大小；$r_t$ 是平均值反馈到 $\\varphi$ 的唯一通路。论文实验：16（SRU），60（FRU，MNIST）。' } },
];

/**
 * The weights shared by SRU and FRU: r from μ, φ from [x; r] (stored as two blocks, W_φx and
 * W_φr, which is W_φ[x; r] split by columns), o from μ. `stats` is the size of μ.
 */
export function statParams(d: CellDims, stats: number, init: { w: ParamSpec['init']; label: string }): ParamSpec[] {
  const { S, R } = statSizes(d);
  const H = d.hiddenSize;
  const I = d.inputSize;
  const w = (name: string, shape: number[], shapeLabel: string, role: ParamSpec['role']): ParamSpec =>
    ({ name, shape, shapeLabel, init: init.w, initLabel: init.label, role });
  const b = (name: string, n: number, shapeLabel: string): ParamSpec =>
    ({ name, shape: [n], shapeLabel, init: zerosInit, initLabel: '0', role: 'bias' });
  return [
    // μ → r is the recurrence, but it is not square in general: role 'other' keeps SV clipping off it.
    w('weight_r', [R, stats], 'R × nS', 'other'),
    b('bias_r', R, 'R'),
    w('weight_phi_x', [S, I], 'S × I', 'input'),
    w('weight_phi_r', [S, R], 'S × R', 'other'),
    b('bias_phi', S, 'S'),
    w('weight_o', [H, stats], 'H × nS', 'other'),
    b('bias_o', H, 'H'),
  ];
}

export const alphasOf = (d: CellDims) => parseList(d.options.alphas, DEFAULT_ALPHAS);

/** r_t and φ_t, the part of the recurrence the SRU and the FRU share. */
export const SUMMARY_GATES: GateSpec[] = [
    { id: 'r', tex: 'r_t', label: 'recurrent summary', range: 'positive' },
    { id: 'phi', tex: '\\varphi_t', label: 'features', range: 'positive' },
];

export const SUMMARY_EQUATIONS: EquationSpec[] = [
    { id: 'r', tex: 'r_t = \\mathrm{ReLU}(W_r \\mu_{t-1} + b_r)', uses: ['mu_prev'] },
    { id: 'phi', tex: '\\varphi_t = \\mathrm{ReLU}(W_\\varphi [x_t; r_t] + b_\\varphi)', uses: ['x', 'r'] },
];

export const sruInfo: CellInfo = {
  id: 'sru',
  name: 'Statistical Recurrent Unit',
  paper: {
    authors: 'Oliva, Póczos & Schneider',
    year: 2017,
    title: 'The Statistical Recurrent Unit',
    venue: 'ICML 2017',
    arxiv: '1703.00381',
  },
  mechanisms: ['cross-scale'],
  group: 'multi-scale',
  summary:
    'Instead of one hidden state pushed through a squashing matrix every step, the SRU keeps running averages of one feature vector $\\varphi_t$ at several fixed rates $\\alpha$, from $\\alpha = 0$ (only now) to $\\alpha = 0.99$ (about the last hundred steps). The averages are updated without any nonlinearity or matrix, so along them old information fades only as slowly as its $\\alpha$ says, and the readout compares statistics of the past across time scales. No gates are learned.',
  notes:
    'Equations from the paper (Oliva, Póczos & Schneider, ICML 2017, Sec. 3) and the authors’ code (github.com/junieroliva/recurrent, `SimpleSRUCell`): $r_t = \\mathrm{ReLU}(W_r \\mu_{t-1} + b_r)$, $\\varphi_t = \\mathrm{ReLU}(W_\\varphi [x_t; r_t] + b_\\varphi)$, $\\mu_t^{(\\alpha)} = \\alpha \\mu_{t-1}^{(\\alpha)} + (1 - \\alpha) \\varphi_t$, $o_t = \\mathrm{ReLU}(W_o \\mu_t + b_o)$. The state is $\\mu$ alone (all scales concatenated, scale-major); $o_t$ is emitted, not fed back, so the gradient view shows $\\partial L/\\partial \\mu_t$. Default $A = \\{0, 0.25, 0.5, 0.9, 0.99\\}$ as in the code. $W_\\varphi$ is stored as two blocks (for $x$ and for $r$). Choices here: the $\\varphi$ size $S$ and the $r$ size $R$ are options (default 8 each, small for the browser; the paper uses 64 and 16); weights use Glorot-uniform (the code leaves TensorFlow’s default), biases 0; the $\\alpha$ are fixed (the code’s learnable-$\\alpha$ option is not offered).',
  zh: {
    name: '统计循环单元 (SRU)',
    summary:
      'SRU 不把同一个隐藏状态反复乘以矩阵再压缩，而是对同一特征 $\\varphi_t$ 以多个固定速率 $\\alpha$ 做滑动平均：$\\alpha = 0$ 只看当前，$\\alpha = 0.99$ 约覆盖最近一百步。平均值的更新没有非线性也没有矩阵，沿这些平均值旧信息只按各自的 $\\alpha$ 慢慢衰减；输出比较的是不同时间尺度上的统计量。没有学习的门。',
    notes:
      '公式取自论文（Oliva、Póczos 与 Schneider，ICML 2017，第 3 节）与作者代码（github.com/junieroliva/recurrent 的 `SimpleSRUCell`）。状态只有 $\\mu$（各尺度拼接），$o_t$ 只输出不回馈，梯度视图显示 $\\partial L/\\partial \\mu_t$。默认 $A = \\{0, 0.25, 0.5, 0.9, 0.99\\}$。$\\varphi$ 与 $r$ 的大小为可调选项（默认 8，论文为 64 与 16）；权重用 Glorot 均匀初始化，偏置为 0；$\\alpha$ 固定。',
    gateLabels: { r: '反馈摘要', phi: '特征 φ', o: '输出', mu: '滑动平均（所有 α）' },
  },
  // The adding problem at T = 10: at T = 20 it needed ~500 steps, more than the page trains in 25 s.
  preset: { taskId: 'adding', seqLen: 10, hiddenSize: 32, learningRate: 0.005, clipNorm: 1 },
  options: [
    { key: 'alphas', label: 'Scales α (comma-separated)', kind: 'choice', default: DEFAULT_ALPHAS,
      choices: [DEFAULT_ALPHAS, '0, 0.5, 0.9', '0, 0.9, 0.99, 0.999'],
      help: 'Decay rates of the moving averages; each adds S values to the state. 0.99 remembers ~100 steps.',
      zh: { label: '尺度 α（逗号分隔）', help: '滑动平均的衰减率；每个尺度给状态增加 S 个值。0.99 约能记住 100 步。' } },
    ...sizeOptions,
  ],
  gates: [
    ...SUMMARY_GATES,
    { id: 'o', tex: 'o_t', label: 'output', range: 'positive' },
  ],
  states: [
    { id: 'mu', tex: '\\mu_t', label: 'moving averages (all α)', size: (d) => alphasOf(d).length * statSizes(d).S, range: 'positive' },
  ],
  equations: [
    ...SUMMARY_EQUATIONS,
    { id: 'mu', tex: '\\mu_t^{(\\alpha)} = \\alpha\\, \\mu_{t-1}^{(\\alpha)} + (1-\\alpha)\\, \\varphi_t, \\quad \\alpha \\in A', uses: ['mu_prev', 'phi'] },
    { id: 'o', tex: 'o_t = \\mathrm{ReLU}(W_o \\mu_t + b_o)', uses: ['mu'] },
  ],
  hiddenKey: 'mu',
  params: (d) => statParams(d, alphasOf(d).length * statSizes(d).S, { w: glorotUniformInit, label: 'Glorot, $U(\\pm\\sqrt{6/(n_\\mathrm{in} + n_\\mathrm{out})})$' }),
  outputSize: (d) => d.hiddenSize,
};
