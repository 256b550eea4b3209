// Temporal-Kernel RNN (Sutskever & Hinton 2010): every unit hears the whole past of each unit
// it is connected to, through an exponentially decaying kernel λ_j^{k−1} of the sender, not
// just its value one step ago. The kernel sum obeys s_t = y_{t−1} + λ s_{t−1}, so the cost per
// step stays that of a plain RNN, while the gradient gets direct paths k steps back.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import { pytorchRnnInit } from './init';
import type { CellSpec, InitFn } from './types';

/** Logits of decay rates spread evenly over [lo, hi] (a range of time scales, one per unit). */
const decayLogitInit = (lo: number, hi: number): InitFn => (shape) => {
  const n = shape[0];
  return Float32Array.from({ length: n }, (_, j) => {
    const lam = n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * j) / (n - 1);
    return Math.log(lam / (1 - lam));
  });
};

export const tkrnn: CellSpec = {
  id: 'tkrnn',
  name: 'Temporal-Kernel RNN',
  paper: {
    authors: 'Sutskever & Hinton',
    year: 2010,
    title: 'Temporal-Kernel Recurrent Neural Networks',
    venue: 'Neural Networks 23(2):239–243',
    url: 'https://doi.org/10.1016/j.neunet.2009.10.009',
  },
  mechanisms: ['cross-scale'],
  group: 'multi-scale',
  summary:
    'In a plain RNN a unit only hears the others as they were one step ago, so anything older must survive many squashing steps. In the TKRNN each connection also carries the sender’s older values, weighted by an exponentially decaying kernel λ^{k−1} with a decay rate per sending unit: the network gets direct connections k steps into the past at no extra cost (the kernel sum is a leaky trace updated once per step), and units with λ near 1 become slow memories. The paper uses it for serial recall.',
  notes:
    'UNVERIFIED. The paper itself (Neural Networks 23(2), 2010; preprint 30 July 2009) could not be read here: only its abstract and introduction were reachable (paperzz mirror, publisher listings), and no author code was found. The equations follow a third-party transcription of the paper’s Eq. 7 and its connectivity figure (duducheng/Learning-Notes, notes/tkrnn.md and its images): y_t^(i) = f(Σ_j W_yy^(j,i) Σ_{k≥1} (λ_j^y)^{k−1} y_{t−k}^(j) + Σ_m W_xy^(m,i) Σ_{k≥1} (λ_m^x)^{k−1} x_{t−k}^(m)), i.e. one decay rate per sending unit, for hidden and input units alike, with the recursive form s_t = y_{t−1} + λ ⊙ s_{t−1}. This agrees with the reconstruction in ../shared/cell-equations.md §7 in the hidden part (there written per receiving unit; the figure puts λ on the sender). Conventions chosen here, not from the paper: the input of step t reaches h_t in the same step (the input kernel sum starts at k = 0, as every cell in the atlas reads x_t; the transcription delays inputs by one step like hidden units); f = tanh; a bias b is added; the decay rates are learned as λ = σ(a), initialised evenly over [0.2, 0.9] (hidden) and [0.5, 0.9] (input); weights U(±1/√H).',
  zh: {
    name: '时间核循环网络 (TKRNN)',
    summary:
      '普通 RNN 中，一个单元只听到其他单元上一步的值，更早的信息必须熬过许多次压缩。TKRNN 的每条连接还携带发送单元更早的值，以按发送单元衰减率 λ 的指数核 λ^{k−1} 加权：网络因此免费获得了跨越 k 步的直接连接（核求和是每步更新一次的泄漏迹），λ 接近 1 的单元成为慢速记忆。论文用于序列回忆任务。',
    notes:
      '未经核实：论文正文无法获取（仅有摘要与引言），也未找到作者代码。公式依据第三方对论文公式 7 及连接示意图的转录（duducheng/Learning-Notes 的 notes/tkrnn.md）：每个发送单元一个衰减率，隐藏与输入单元相同，递推形式 s_t = y_{t−1} + λ ⊙ s_{t−1}。本实现的约定（非论文所述）：第 t 步输入在同一步到达 h_t；f = tanh；加偏置 b；衰减率以 λ = σ(a) 学习，初值在 [0.2, 0.9]（隐藏）与 [0.5, 0.9]（输入）均匀分布。',
    gateLabels: { lam: '衰减率 λ' },
  },
  preset: { taskId: 'adding', seqLen: 12, hiddenSize: 32, learningRate: 0.01, clipNorm: 1 },
  options: [],
  gates: [
    { id: 'lam', tex: '\\lambda^h', label: 'decay rate of each hidden unit’s kernel', range: 'unit' },
  ],
  states: [
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' },
    { id: 'sh', tex: 's^h_t', label: 'kernel-weighted past of h', size: (d) => d.hiddenSize, range: 'free' },
    { id: 'sx', tex: 's^x_t', label: 'kernel-weighted past of x', size: (d) => d.inputSize, hidden: true },
  ],
  equations: [
    { id: 'lam', tex: '\\lambda^h = \\sigma(a^h), \\quad \\lambda^x = \\sigma(a^x)', uses: [] },
    { id: 'sh', tex: 's^h_t = \\sum_{k \\ge 1} (\\lambda^h)^{k-1} \\odot h_{t-k} = h_{t-1} + \\lambda^h \\odot s^h_{t-1}', uses: ['h_prev', 'sh_prev', 'lam'] },
    { id: 'sx', tex: 's^x_t = \\sum_{k \\ge 0} (\\lambda^x)^{k} \\odot x_{t-k} = x_t + \\lambda^x \\odot s^x_{t-1}', uses: ['x', 'sx_prev'] },
    { id: 'h', tex: 'h_t = \\tanh(W_{hh} s^h_t + W_{xh} s^x_t + b)', uses: ['sh', 'sx'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const init = pytorchRnnInit(H);
    const label = 'U(−1/√H, 1/√H)';
    return [
      { name: 'weight_xh', shape: [H, d.inputSize], shapeLabel: 'H × I', init, initLabel: label, role: 'input' },
      { name: 'weight_hh', shape: [H, H], shapeLabel: 'H × H', init, initLabel: label, role: 'recurrent' },
      { name: 'bias', shape: [H], shapeLabel: 'H', init, initLabel: label, role: 'bias' },
      { name: 'decay_h', shape: [H], shapeLabel: 'H', init: decayLogitInit(0.2, 0.9), initLabel: 'logit of λ, λ evenly over [0.2, 0.9]', role: 'other' },
      { name: 'decay_x', shape: [d.inputSize], shapeLabel: 'I', init: decayLogitInit(0.5, 0.9), initLabel: 'logit of λ, λ evenly over [0.5, 0.9]', role: 'other' },
    ];
  },
  outputSize: (d) => d.hiddenSize,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), sh: tf.zeros([B, d.hiddenSize]), sx: tf.zeros([B, d.inputSize]) }),
  prepare: (p) => ({
    ...transposeWeights(p, ['weight_xh', 'weight_hh']),
    lamH: tf.sigmoid(p.decay_h),
    lamX: tf.sigmoid(p.decay_x),
  }),
  step: (xt, s, p) => {
    const sh = tf.add(s.h, tf.mul(p.lamH, s.sh)) as tf.Tensor2D;
    const sx = tf.add(xt, tf.mul(p.lamX, s.sx)) as tf.Tensor2D;
    const a = tf.add(tf.add(matMulPrepared(sh, p[T('weight_hh')], p.weight_hh), matMulPrepared(sx, p[T('weight_xh')], p.weight_xh)), p.bias);
    const h = tf.tanh(a) as tf.Tensor2D;
    return { state: { h, sh, sx }, gates: { lam: tf.broadcastTo(p.lamH, sh.shape) as tf.Tensor2D } };
  },
};
