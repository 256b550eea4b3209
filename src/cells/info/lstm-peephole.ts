// Peephole LSTM (Gers & Schmidhuber 2000): what the page shows before tfjs loads (the step is in ../lstm-peephole.ts).
import { pytorchRnnInit } from '../init';
import type { CellInfo, ParamSpec } from '../types';
import { LSTM_GATES, LSTM_STATES, PYTORCH_INIT_LABEL, pytorchGateParams } from '../parts';

export const lstmPeepholeInfo: CellInfo = {
  id: 'lstm-peephole',
  name: 'Peephole LSTM',
  paper: {
    authors: 'Gers & Schmidhuber; Gers, Schraudolph & Schmidhuber',
    year: 2000,
    title: 'Recurrent Nets that Time and Count (also: Learning Precise Timing with LSTM Recurrent Networks, JMLR 2002)',
    venue: 'IJCNN 2000',
    url: 'https://doi.org/10.1109/IJCNN.2000.861302',
  },
  mechanisms: ['gates'],
  group: 'lstm-family',
  summary:
    'In the plain LSTM the gates see only the input and $h_{t-1} = o_{t-1} \\odot \\tanh(c_{t-1})$, so when the output gate is shut they are blind to the very memory they control. Peepholes give each gate a direct, per-unit view of the cell state ($i_t$ and $f_t$ of $c_{t-1}$, $o_t$ of $c_t$). Gers et al. used this to learn precise timing and counting, e.g. to emit a spike every $n$ steps.',
  notes:
    'Equations from Gers, Schraudolph & Schmidhuber, “Learning precise timing with LSTM recurrent networks” (JMLR 2002), Sec. 2 and Fig. 1: peephole weights are diagonal (one weight per unit, from the cell to its own gates); the input and forget gates read $c_{t-1}$, the output gate reads $c_t$ after the update. We keep tanh on the cell output ($h_t = o_t \\odot \\tanh c_t$) as in the “vanilla LSTM” of Greff et al. (2017); the 2002 paper drops that squashing for some timing tasks. Shared weights follow `torch.nn.LSTM` (gate rows $i, f, g, o$; `bias_ih` and `bias_hh`); `weight_ci`, `weight_cf`, `weight_co` get the same $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ init.',
  zh: {
    name: '窥视孔 LSTM',
    summary:
      '普通 LSTM 的门只看到输入和 $h_{t-1} = o_{t-1} \\odot \\tanh(c_{t-1})$；输出门关闭时，门就看不到自己所控制的记忆。窥视孔连接让每个门通过逐单元的权重直接读取细胞状态（$i_t$ 和 $f_t$ 读 $c_{t-1}$，$o_t$ 读更新后的 $c_t$）。Gers 等人借此学会了精确的计时和计数，例如每隔 $n$ 步发出一个脉冲。',
    notes:
      '公式取自 Gers、Schraudolph 与 Schmidhuber 的论文《Learning precise timing with LSTM recurrent networks》（JMLR 2002）第 2 节及图 1：窥视孔权重是对角的（每个单元一个权重，只连到自己的门）；输入门、遗忘门读 $c_{t-1}$，输出门读更新后的 $c_t$。输出仍用 tanh 压缩（$h_t = o_t \\odot \\tanh c_t$），与 Greff 等（2017）的“标准 LSTM”一致；2002 年论文在部分计时任务中去掉了这一压缩。共享权重沿用 `torch.nn.LSTM` 的命名与布局；三个窥视孔向量同样以 $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ 初始化。',
    gateLabels: { i: '输入门', f: '遗忘门', g: '候选值', o: '输出门' },
  },
  // The adding problem at T = 10: a peephole step costs about twice an LSTM's, and at T = 20 the page reached only ~200 steps in 25 s, still above half the baseline.
  preset: { taskId: 'adding', seqLen: 10, hiddenSize: 32, learningRate: 0.02 },
  options: [
    { key: 'forgetBias', label: 'Forget-gate bias (init)', kind: 'number', default: 0, min: -3, max: 5, step: 0.5,
      help: 'Added to $b_f$ at initialisation; 0 keeps PyTorch’s init.' },
  ],
  gates: LSTM_GATES,
  states: LSTM_STATES,
  equations: [
    { id: 'i', tex: 'i_t = \\sigma(W_{ii} x_t + W_{hi} h_{t-1} + w_{ci} \\odot c_{t-1} + b_i)', uses: ['x', 'h_prev', 'c_prev'] },
    { id: 'f', tex: 'f_t = \\sigma(W_{if} x_t + W_{hf} h_{t-1} + w_{cf} \\odot c_{t-1} + b_f)', uses: ['x', 'h_prev', 'c_prev'] },
    { id: 'g', tex: 'g_t = \\tanh(W_{ig} x_t + W_{hg} h_{t-1} + b_g)', uses: ['x', 'h_prev'] },
    { id: 'c', tex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t', uses: ['f', 'c_prev', 'i', 'g'] },
    { id: 'o', tex: 'o_t = \\sigma(W_{io} x_t + W_{ho} h_{t-1} + w_{co} \\odot c_t + b_o)', uses: ['x', 'h_prev', 'c'] },
    { id: 'h', tex: 'h_t = o_t \\odot \\tanh(c_t)', uses: ['o', 'c'] },
  ],
  params: (d) => {
    const H = d.hiddenSize;
    const init = pytorchRnnInit(H);
    const peephole = (name: string): ParamSpec => ({ name, shape: [H], shapeLabel: 'H', init, initLabel: PYTORCH_INIT_LABEL, role: 'other' });
    return [
      ...pytorchGateParams(d, 4, Number(d.options.forgetBias ?? 0), 2),
      peephole('weight_ci'),
      peephole('weight_cf'),
      peephole('weight_co'),
    ];
  },
  outputSize: (d) => d.hiddenSize,
};
