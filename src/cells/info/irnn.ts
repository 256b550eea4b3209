// IRNN (Le, Jaitly & Hinton 2015): what the page shows before tfjs loads (the ReLU step is in ../relu-rnn.ts).
import { identityInit, normalInit, zerosInit } from '../init';
import type { CellInfo } from '../types';
import { reluRnnInfoCore } from './relu-rnn';

export const irnnInfo: CellInfo = {
  id: 'irnn',
  name: 'IRNN',
  paper: {
    authors: 'Le, Jaitly & Hinton',
    year: 2015,
    title: 'A Simple Way to Initialize Recurrent Networks of Rectified Linear Units',
    arxiv: '1504.00941',
    url: 'https://arxiv.org/abs/1504.00941',
  },
  mechanisms: ['initialisation'],
  group: 'initialisation',
  summary:
    'Attacks vanishing and exploding gradients in a plain RNN with nothing but a starting point: ReLU units and $W_{hh} = I$, biases 0. At init each step adds the projected input to the old state, $h_t = \\mathrm{ReLU}(h_{t-1} + W_{ih} x_t)$, so an active unit carries its value forward unchanged apart from what the input adds, and along active units the Jacobian is exactly $I$, like a resnet’s skip path through time. Training then moves $W_{hh}$ away from $I$ as far as the task pushes it.',
  notes:
    'Equation and init from Le, Jaitly & Hinton, “A Simple Way to Initialize Recurrent Networks of Rectified Linear Units” (2015), Sec. 3: ReLU units, recurrent matrix initialised to the identity (or a scaled identity $\\alpha I$, which the paper uses for tasks needing only short memory, e.g. $\\alpha = 0.01$ in its speech experiment), biases zero, other weights from a Gaussian with mean 0 and standard deviation 0.001. One bias vector (the paper’s form), not PyTorch’s two. The page’s recurrent-init control, when on, sets the spectral radius of $W_{hh}$ to $\\rho$, so $W_{hh} = \\rho I$ whatever $\\alpha$; off (its default), $W_{hh} = \\alpha I$.',
  zh: {
    name: 'IRNN（单位矩阵初始化的 ReLU RNN）',
    summary:
      '只靠初始化来对付普通 RNN 的梯度消失与爆炸：使用 ReLU 单元，$W_{hh}$ 初始化为单位矩阵，偏置为 0。初始时每一步都把投影后的输入加到旧状态上，$h_t = \\mathrm{ReLU}(h_{t-1} + W_{ih} x_t)$：激活的单元除输入所加的部分外原样保留自己的值，沿激活单元的雅可比矩阵恰为 $I$，像残差网络的跳连一样穿过时间。训练再按任务的需要把 $W_{hh}$ 从 $I$ 推开。',
    notes:
      '公式与初始化取自 Le、Jaitly 与 Hinton 的论文《A Simple Way to Initialize Recurrent Networks of Rectified Linear Units》（2015）第 3 节：ReLU、循环矩阵初始化为单位阵（只需短记忆的任务用 $\\alpha I$），偏置为 0，其余权重取均值 0、标准差 0.001 的高斯分布。页面的循环初始化控件开启时把 $W_{hh}$ 的谱半径设为 $\\rho$，即 $W_{hh} = \\rho I$，与 $\\alpha$ 无关；关闭时（默认）$W_{hh} = \\alpha I$。',
  },
  // Remember the first symbol over T = 20 (selective copy, recall 1): the identity carries it in ~400 steps. Le et al.'s adding problem needed ~1400 steps here and was noisy (the input weights start at σ = 0.001).
  preset: { taskId: 'select', taskOptions: { recall: 1 }, seqLen: 20, hiddenSize: 32, learningRate: 0.005, clipNorm: 1 },
  options: [
    { key: 'alpha', label: 'Identity scale α (init)', kind: 'number', default: 1, min: 0, max: 1.5, step: 0.05,
      help: '$W_{hh}$ starts as $\\alpha I$. 1 is the IRNN; the paper scales it down for tasks that need only short memory. The page’s recurrent-init control ρ, when on, replaces it: $W_{hh} = \\rho I$.',
      zh: { label: '单位矩阵缩放 α（初始值）', help: '$W_{hh}$ 初始为 $\\alpha I$。取 1 即 IRNN；对只需短记忆的任务，论文把它调小。页面的循环初始化控件 ρ 开启时取代它：$W_{hh} = \\rho I$。' } },
  ],
  gates: [],
  ...reluRnnInfoCore,
  equations: [
    { id: 'h', tex: 'h_t = \\mathrm{ReLU}(W_{ih} x_t + W_{hh} h_{t-1} + b), \\quad W_{hh}^{(0)} = \\alpha I,\\ b^{(0)} = 0', uses: ['x', 'h_prev'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const alpha = Number(d.options.alpha ?? 1);
    return [
      { name: 'weight_ih', shape: [H, d.inputSize], shapeLabel: 'H × I', init: normalInit(0.001), initLabel: 'N(0, 0.001²)', role: 'input' },
      { name: 'weight_hh', shape: [H, H], shapeLabel: 'H × H', init: identityInit(alpha), initLabel: alpha === 1 ? 'I' : `${alpha}·I`, role: 'recurrent' },
      { name: 'bias', shape: [H], shapeLabel: 'H', init: zerosInit, initLabel: '0', role: 'bias' },
    ];
  },
};
