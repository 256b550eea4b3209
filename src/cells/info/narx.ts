// NARX RNN (Lin, Horne, Tiňo & Giles 1996): what the page shows before tfjs loads (the step is in ../narx.ts).
import type { CellDims, CellInfo, CellOptions } from '../types';
import { uniformInit, zerosInit } from '../init';
import { CLOCK_STATE } from './scales';

export const narxOrder = (d: CellDims) => Math.max(1, Math.round(Number(d.options.order ?? 3)));
export const narxOutputs = (d: CellDims) => Math.max(1, Math.round(Number(d.options.outputs ?? 8)));
const outputFeedback = (o: CellOptions) => (o.feedback ?? 'output') === 'output';
const hiddenFeedback = (o: CellOptions) => !outputFeedback(o);
export const feedsOutput = (d: CellDims) => outputFeedback(d.options);
/** Width of one delay-line tap: an output vector, or a hidden state in the 'hidden' variant. */
export const tapWidth = (d: CellDims) => (feedsOutput(d) ? narxOutputs(d) : d.hiddenSize);

export const narxInfo: CellInfo = {
  id: 'narx',
  name: 'NARX RNN',
  paper: {
    authors: 'Lin, Horne, Tiňo & Giles',
    year: 1996,
    title: 'Learning long-term dependencies in NARX recurrent neural networks',
    venue: 'IEEE Transactions on Neural Networks 7(6)',
    url: 'https://doi.org/10.1109/72.548162',
  },
  mechanisms: ['cross-scale'],
  group: 'multi-scale',
  summary:
    'Attacks vanishing gradients with shortcuts through time instead of gates: the network’s last $n$ outputs are kept in a delay line and each one feeds the hidden layer directly. An error at step $t$ reaches step $t - d$ ($d \\le n$) along a path through a single nonlinearity, so over a gap of $k$ steps the gradient meets about $k/n$ squashing steps instead of $k$: Lin et al. show that this makes long-term dependencies easier to learn than in an Elman network.',
  notes:
    'Model from Lin et al. 1996 (IEEE TNN 7(6)) and its NIPS-8 version; we could read their abstracts but not the equation text. $y(t) = \\Psi(u(t), y(t-1), \\dots, y(t-n))$ with $\\Psi$ a one-hidden-layer MLP. Here: $h_t = \\tanh(W_x x_t + \\sum_d W_d y_{t-d} + b)$, $y_t = W_y h_t + b_y$ (linear output units; the original experiments used sigmoid outputs on binary targets, but here a readout follows). Choices: only the current input is used (input delay order 0); $y_{t-d} = 0$ before the sequence starts (a step counter in the state tells the first step from one resumed from a returned state); the layer emits $y$, the fed-back output, so the next layer or the task readout sees exactly what the delay line sees. There is no $h_{t-1} \\to h_t$ path in the original: the delay line is the whole recurrence. Variant feedback = “hidden”: $h_t = \\tanh(W_x x_t + \\sum_d W_d h_{t-d} + b)$, the hidden-state generalisation (e.g. MIST, Di Pietro et al. 2017, arXiv:1702.07805), with the same output layer. The delayed $y_{t-1}$ is recomputed from $h_{t-1}$ at the start of each step (rather than stored) so that a perturbation of $h_{t-1}$ reaches the future: the $\\partial L/\\partial h_t$ view is then exact. Init: PyTorch-style $U(\\pm 1/\\sqrt{\\text{fan-in}})$ weights, biases 0.',
  zh: {
    name: 'NARX 循环网络（输出延迟反馈）',
    summary:
      'NARX 不用门，而用穿越时间的捷径对付梯度消失：网络最近 $n$ 个输出保存在延迟线里，每一个都直接连到隐藏层。第 $t$ 步的误差沿只经过一次非线性的路径到达第 $t - d$ 步（$d \\le n$），所以跨越 $k$ 步时梯度只经过约 $k/n$ 次挤压而不是 $k$ 次：Lin 等表明，这让长期依赖比在 Elman 网络中更容易学到。',
    notes:
      '模型取自 Lin 等 1996（IEEE TNN 7(6)）及其 NIPS-8 版本（我们只读到摘要）：$h_t = \\tanh(W_x x_t + \\sum_d W_d y_{t-d} + b)$，$y_t = W_y h_t + b_y$。只用当前输入；序列开始前 $y$ 为 0（状态中的步数计数器区分真正的第一步与从返回状态继续的一步）；本层输出 $y$，即被反馈的量。原始模型没有 $h_{t-1} \\to h_t$ 的连接，延迟线就是全部循环。变体（延迟线保存 `hidden`）：延迟线保存 $h_{t-1} \\dots h_{t-n}$（后来的隐藏状态形式，如 MIST）。',
    gateLabels: { y: '输出 y（被反馈）' },
  },
  // Lin et al.'s latching problem (hold what came first for the whole sequence) as the selective copy of the first symbol, T = 20; on the adding problem it stayed at the baseline. lr 0.005: 0.01 fell later and relapsed.
  preset: { taskId: 'select', taskOptions: { recall: 1 }, seqLen: 20, hiddenSize: 32, learningRate: 0.005, clipNorm: 1, options: { order: 3 } },
  options: [
    { key: 'feedback', label: 'Delay line carries', kind: 'choice', default: 'output', choices: ['output', 'hidden'],
      help: '`output`: the original NARX, past outputs $y$ are fed back. `hidden`: the later form with past hidden states $h$.',
      zh: { label: '延迟线保存', help: '`output`：原始 NARX，反馈过去的输出 $y$。`hidden`：后来的形式，反馈过去的隐藏状态 $h$。' } },
    { key: 'order', label: 'Delay order n', kind: 'integer', default: 3, min: 1, max: 8, step: 1,
      help: 'How many past outputs (or states) feed the hidden layer directly: each is a shortcut n steps long at most.',
      zh: { label: '延迟阶数 n', help: '直接输入隐藏层的过去输出（或状态）的个数：每一个都是一条最长 n 步的捷径。' } },
    { key: 'outputs', label: 'Output units', kind: 'integer', default: 8, min: 1, max: 32, step: 1,
      help: 'Size of y, the cell’s own output layer (what is fed back and emitted).',
      zh: { label: '输出单元数', help: 'y 的大小，即单元自身输出层的大小（被反馈并输出的量）。' } },
  ],
  gates: [{ id: 'y', tex: 'y_t', label: 'output (fed back)', range: 'free' }],
  states: [
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' },
    // [y_{t−1}; …; y_{t−n}] (newest first), or the h's in the hidden-state variant.
    { id: 'taps', tex: '\\tau_t', label: 'delay line', size: (d) => narxOrder(d) * tapWidth(d), hidden: true },
    // Output feedback: y_{t−1} is recomputed from h_{t−1} except before the first step, where it is 0;
    // the clock says which, so a run resumed from a returned state feeds back its last output.
    { ...CLOCK_STATE, when: outputFeedback },
  ],
  equations: [
    { id: 'h', tex: 'h_t = \\tanh\\Big(W_x x_t + \\sum_{d=1}^{n} W_d\\, y_{t-d} + b\\Big)', uses: ['x', 'taps_prev', 'h_prev'], when: outputFeedback },
    { id: 'h', tex: 'h_t = \\tanh\\Big(W_x x_t + \\sum_{d=1}^{n} W_d\\, h_{t-d} + b\\Big)', uses: ['x', 'taps_prev', 'h_prev'], when: hiddenFeedback },
    { id: 'y', tex: 'y_t = W_y h_t + b_y', uses: ['h'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const n = narxOrder(d);
    const m = tapWidth(d);
    const ny = narxOutputs(d);
    const tapLabel = feedsOutput(d) ? 'H × n·n_y' : 'H × n·H';
    return [
      { name: 'weight_ih', shape: [H, d.inputSize], shapeLabel: 'H × I', init: uniformInit(1 / Math.sqrt(d.inputSize)), initLabel: 'U(±1/√I)', role: 'input' },
      { name: 'weight_taps', shape: [H, n * m], shapeLabel: tapLabel, init: uniformInit(1 / Math.sqrt(n * m)), initLabel: 'U(±1/√(fan in))', role: 'recurrent',
        // Taps over n delays (of h or of y): no one square matrix whose eigenvalues govern the recurrence.
        spectral: 'none' },
      { name: 'bias', shape: [H], shapeLabel: 'H', init: zerosInit, initLabel: '0', role: 'bias' },
      { name: 'weight_y', shape: [ny, H], shapeLabel: 'n_y × H', init: uniformInit(1 / Math.sqrt(H)), initLabel: 'U(±1/√H)', role: 'other' },
      { name: 'bias_y', shape: [ny], shapeLabel: 'n_y', init: zerosInit, initLabel: '0', role: 'bias' },
    ];
  },
  outputSize: (d) => narxOutputs(d),
};
