// fTRU / tensor-power RNN (Qiu, Li, Weng, Sun, He & Zhao 2021): what the page shows before tfjs loads (the step is in ../ftru.ts).
import type { CellDims, CellInfo, CellOptions, ParamSpec } from '../types';
import { constantInit, uniformInit, zerosInit } from '../init';

const PHI_TEX: Record<string, string> = {
  tanh: '\\tanh(u_t)',
  identity: 'u_t \\quad (\\phi = \\text{identity})',
  relu: '\\mathrm{ReLU}(u_t)',
  sigmoid: '\\sigma(u_t)',
};

export const ftruTerms = (d: CellDims) => Math.max(1, Math.round(Number(d.options.terms ?? 2)));
export const perUnit = (d: CellDims) => (d.options.degree ?? 'unit') === 'unit';
/** The authors' hyper-power variant (code prefix H): p_t comes from a small net each step. */
const hyperOption = (o: CellOptions) => o.degreeFrom === 'hyper';
const paramOption = (o: CellOptions) => !hyperOption(o);
export const isHyper = (d: CellDims) => hyperOption(d.options);
/** Width of p: H (one per unit) or 1 (one for the layer). */
export const degreeSize = (d: CellDims) => (perUnit(d) ? d.hiddenSize : 1);
const hyperSize = (d: CellDims) => Math.max(1, Math.round(Number(d.options.hyperSize ?? 5)));

export const ftruInfo: CellInfo = {
  id: 'ftru',
  name: 'fTRU (tensor-power RNN)',
  paper: {
    authors: 'Qiu, Li, Weng, Sun, He & Zhao',
    year: 2021,
    title: 'On the Memory Mechanism of Tensor-Power Recurrent Models (journal version: Fractional Tensor Recurrent Unit (fTRU), IEEE TNNLS 2023)',
    venue: 'AISTATS 2021, PMLR 130',
    arxiv: '2103.01521',
    url: 'https://arxiv.org/abs/2103.01521',
  },
  mechanisms: ['baseline'],
  group: 'tensor',
  summary:
    'Asks what the degree of a polynomial recurrence does to memory. The new state is a degree-$p$ tensor power of $[h_{t-1}; x_t]$; the paper shows that a large $p$ is needed for long memory but makes the dynamics unstable. Making $p$ continuous (a signed fractional power) lets training pick the degree per unit, trading memory against stability. It uses none of the three usual mechanisms: memory comes from the shape of the nonlinearity.',
  notes:
    'We could read the paper’s abstract and introduction (arXiv:2103.01521), not its method section, and the first author’s code (github.com/HenryJaQiu/brain-data-with-age, `models/dornn_simple.py`, `DORNNCell_N` with the C(ombined) prefix). Recurrence: $z_r = W_r^\\top [h_{t-1}; x_t]$ for $r = 1 \\dots n$ ($n = 2$ in the code), $h_t = \\varphi(\\sum_r \\operatorname{sgn}(z_r)|z_r|^p + b)$. $p$ is learnable, per unit (code “f”, shape $H$) or per layer (“l”, one number), init 1.0; $W_r \\sim U(\\pm 1/\\sqrt{H})$, $b = 0$ as in the code. Differences from the code, on purpose: (1) the code concatenates the $n$ terms along the batch axis and sums over dim 0, which adds the batch together and is right only for batch 1; here the sum runs over $r$ for each sequence separately. (2) The gradient of $|z|^p$ is guarded at $z = 0$ ($p \\max(|z|, 10^{-4})^{p-1}$, and $\\ln \\max(|z|, 10^{-4})$ for $\\partial/\\partial p$); the forward value is exact. (3) $p$ is clipped to $[0.05, 5]$ after each update (the code has no constraint; $p \\le 0$ diverges at $z = 0$). (4) $\\varphi$ defaults to tanh for stable browser training; the code’s default is the identity (option). The code’s output layer $y = \\sigma(W_{ho} h + W_{xo} x + b)$ is left to the task readout; the hyper-power variant is option “Degree p comes from” = hyper, as the code’s `DORNNCell_H` (prefix H, used by the repository’s fTRU example): $p_t = \\sigma(W_p \\tanh(W_{p0}[h_{t-1}; x_t; p_{t-1}] + b_{p0}) + b_p)$ with $p_0 = 1$, so $p_t \\in (0, 1)$ and is a state; one $p$ per unit or per layer; hyper size $D_p = 5$ by default (the code’s default; the example uses 3); hyper weights $U(\\pm 1/\\sqrt{\\text{fan-out}})$ as the code’s `kaiming_uniform(a = √5)` on its [in, out] tensors, biases 0. One more difference, in our favour: the code keeps the $W_r$ in a plain Python list, so PyTorch never registers them and Adam never trains them (only $p$, $b$ and the readout learn); here they train. What the paper says of $p$, from its abstract: a large degree $p$ is essential for long memory but makes the dynamics unstable, and a continuous $p$ lets training trade one for the other.',
  zh: {
    name: 'fTRU（分数张量幂循环单元）',
    summary:
      '研究多项式循环的次数对记忆的影响：新状态是 $[h_{t-1}; x_t]$ 的 $p$ 次张量幂；论文表明长记忆需要较大的 $p$，但会让动力学不稳定。把 $p$ 变成连续的（带符号的分数次幂），训练就能为每个单元选择次数，在记忆与稳定之间折中。它不用门、跨尺度连接或特殊初始化，记忆来自非线性本身的形状。',
    notes:
      '我们读了论文的摘要与引言（arXiv:2103.01521，未能读到方法部分），以及第一作者的代码（github.com/HenryJaQiu/brain-data-with-age 的 `models/dornn_simple.py`，`DORNNCell_N`，C 前缀）：$z_r = W_r^\\top [h_{t-1}; x_t]$，$h_t = \\varphi(\\sum_r \\operatorname{sgn}(z_r)|z_r|^p + b)$，$p$ 可学习（每单元或每层），初始为 1。与代码的有意差异：不对批次求和（代码只在批大小为 1 时正确）；在 $z = 0$ 处保护 $|z|^p$ 的梯度；$p$ 在每次更新后截断到 $[0.05, 5]$；$\\varphi$ 默认 tanh（代码默认恒等）。另：代码把 $W_r$ 放在普通 Python 列表里，PyTorch 不会注册，Adam 也从不训练它们（只有 $p$、$b$ 与读出层在学）；这里 $W_r$ 会被训练。超网络变体即选项“次数 p 的来源”取 `hyper`，对应代码的 `DORNNCell_H`（前缀 H，仓库中 fTRU 示例所用）：$p_t = \\sigma(W_p \\tanh(W_{p0}[h_{t-1}; x_t; p_{t-1}] + b_{p0}) + b_p)$，$p_0 = 1$，故 $p_t \\in (0, 1)$，作为状态逐步传递；超网络大小 $D_p$ 默认 5。论文摘要：长记忆需要较大的 $p$，却会使动力学不稳定；连续的 $p$ 让训练在两者之间折中。',
    gateLabels: { u: '预激活 $\\sum \\operatorname{sgn}(z)|z|^p + b$', p: '次数 p' },
  },
  // The copy task, T = 12: the signed-power update learns it in ~300 steps at lr 0.01; on the adding problem (T = 20, lr 0.005 or 0.02) it stayed at the baseline.
  preset: { taskId: 'copy', seqLen: 12, hiddenSize: 32, learningRate: 0.01, clipNorm: 1 },
  options: [
    { key: 'degree', label: 'Degree p is learned', kind: 'choice', default: 'unit', choices: ['unit', 'layer'],
      help: '`unit`: one $p$ per hidden unit (the code’s feature-wise “f”); `layer`: one $p$ for the whole layer (“l”).',
      zh: { label: '次数 p 的学习粒度', help: '`unit`：每个隐藏单元一个 $p$（即代码中逐特征的“f”）；`layer`：整层共用一个 $p$（“l”）。' } },
    { key: 'degreeFrom', label: 'Degree p comes from', kind: 'choice', default: 'parameter', choices: ['parameter', 'hyper'],
      help: '`parameter`: $p$ is a learned weight (code prefix N). `hyper`: the authors’ hyper-power variant (prefix H, used by their fTRU example): each step a small net computes $p_t = \\sigma(W_p \\tanh(W_{p0} [h_{t-1}; x_t; p_{t-1}] + b_{p0}) + b_p) \\in (0, 1)$, starting from $p_0 = 1$.',
      zh: { label: '次数 p 的来源', help: '`parameter`：$p$ 是可学习的参数（代码前缀 N）。`hyper`：作者的超网络变体（前缀 H，其 fTRU 示例所用）：每一步由一个小网络计算 $p_t = \\sigma(W_p \\tanh(W_{p0} [h_{t-1}; x_t; p_{t-1}] + b_{p0}) + b_p) \\in (0, 1)$，从 $p_0 = 1$ 开始。' } },
    { key: 'hyperSize', label: 'Hyper-net size', kind: 'integer', default: 5, min: 1, max: 16, step: 1, when: hyperOption,
      help: 'Hidden units of the net that computes $p_t$ (the code’s `Dp`; default 5, the repository’s example uses 3).',
      zh: { label: '超网络大小', help: '计算 $p_t$ 的小网络的隐藏单元数（代码中的 `Dp`；默认 5，仓库中的示例用 3）。' } },
    { key: 'pInit', label: 'Initial degree p', when: paramOption, kind: 'number', default: 1, min: 0.25, max: 3, step: 0.25,
      help: 'p = 1 starts as a plain (linear-in-s) RNN; p > 1 a higher-degree tensor power.',
      zh: { label: '初始次数 p', help: 'p = 1 时起始为普通（对 s 线性的）RNN；p > 1 时起始为更高次的张量幂。' } },
    { key: 'terms', label: 'Rank-one terms n', kind: 'integer', default: 2, min: 1, max: 4, step: 1,
      help: 'CP rank of the symmetric weight tensor: the number of signed powers summed per unit.',
      zh: { label: '秩一项数 n', help: '对称权重张量的 CP 秩：每个单元求和的带符号幂的个数。' } },
    { key: 'activation', label: 'φ', kind: 'choice', default: 'tanh', choices: ['tanh', 'identity', 'relu', 'sigmoid'],
      help: 'Squashing after the sum. The authors’ code uses the identity by default; tanh keeps browser training stable.',
      zh: { label: '激活函数 φ', help: '求和之后的压缩函数。作者代码默认用恒等函数；tanh 能让浏览器中的训练保持稳定。' } },
  ],
  gates: [
    { id: 'u', tex: 'u_t', label: 'pre-activation', range: 'free' },
    { id: 'p', tex: 'p', label: 'degree p', range: 'positive', when: paramOption },
  ],
  states: [
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' },
    { id: 'p', tex: 'p_t', label: 'degree $p_t$ (from the hyper-net)', size: degreeSize, range: 'unit', when: hyperOption },
  ],
  equations: [
    { id: 'u', tex: 'u_t = \\sum_{r=1}^{n} \\operatorname{sgn}(z_{t,r}) \\odot |z_{t,r}|^{p} + b, \\quad z_{t,r} = W_r^{\\top} [h_{t-1}; x_t]', uses: ['x', 'h_prev', 'p'], when: paramOption },
    { id: 'p', tex: 'p \\in [0.05, 5]^{H}\\ \\text{(learned, one per unit)}', uses: [], when: (o) => paramOption(o) && o.degree !== 'layer' },
    { id: 'p', tex: 'p \\in [0.05, 5]\\ \\text{(learned, one per layer)}', uses: [], when: (o) => paramOption(o) && o.degree === 'layer' },
    { id: 'p', tex: 'p_t = \\sigma\\big(W_p \\tanh(W_{p0} [h_{t-1}; x_t; p_{t-1}] + b_{p0}) + b_p\\big), \\quad p_0 = 1', uses: ['x', 'h_prev', 'p_prev'], when: hyperOption },
    { id: 'u', tex: 'u_t = \\sum_{r=1}^{n} \\operatorname{sgn}(z_{t,r}) \\odot |z_{t,r}|^{p_t} + b, \\quad z_{t,r} = W_r^{\\top} [h_{t-1}; x_t]', uses: ['x', 'h_prev', 'p'], when: hyperOption },
    ...Object.entries(PHI_TEX).map(([phi, tex]) => ({ id: 'h', tex: `h_t = ${tex}`, uses: ['u'], when: (o: CellOptions) => o.activation === phi })),
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const n = ftruTerms(d);
    const init = uniformInit(1 / Math.sqrt(H));
    const pInit = Number(d.options.pInit ?? 1);
    const core: ParamSpec[] = [
      { name: 'weight_ih', shape: [n * H, d.inputSize], shapeLabel: 'nH × I', init, initLabel: 'U(−1/√H, 1/√H)', role: 'input' },
      { name: 'weight_hh', shape: [n * H, H], shapeLabel: 'nH × H', init, initLabel: 'U(−1/√H, 1/√H)', role: 'recurrent' },
      { name: 'bias', shape: [H], shapeLabel: 'H', init: zerosInit, initLabel: '0', role: 'bias' },
    ];
    if (isHyper(d)) {
      // [out, in] layout; the code's kaiming_uniform(a=√5) on its [in, out] tensors bounds by 1/√out.
      const P = degreeSize(d);
      const Dp = hyperSize(d);
      const pLabel = perUnit(d) ? 'H' : '1';
      return [
        ...core,
        { name: 'hyper_w0', shape: [Dp, H + d.inputSize + P], shapeLabel: `D_p × (H + I + ${pLabel})`, init: uniformInit(1 / Math.sqrt(Dp)), initLabel: '$U(\\pm 1/\\sqrt{D_p})$', role: 'other' },
        { name: 'hyper_b0', shape: [Dp], shapeLabel: 'D_p', init: zerosInit, initLabel: '0', role: 'bias' },
        { name: 'hyper_w', shape: [P, Dp], shapeLabel: `${pLabel} × D_p`, init: uniformInit(1 / Math.sqrt(P)), initLabel: `U(±1/√${pLabel})`, role: 'other' },
        { name: 'hyper_b', shape: [P], shapeLabel: pLabel, init: zerosInit, initLabel: '0', role: 'bias' },
      ];
    }
    return [
      ...core,
      perUnit(d)
        ? { name: 'degree', shape: [H], shapeLabel: 'H', init: constantInit(pInit), initLabel: String(pInit), role: 'other' }
        : { name: 'degree', shape: [1], shapeLabel: '1', init: constantInit(pInit), initLabel: String(pInit), role: 'other' },
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
