// GRU as Cho et al. (2014) published it, reset before the matmul: what the page shows before tfjs loads (the step is in ../gru-original.ts).
import type { CellInfo } from '../types';
import { GRU_GATES, HIDDEN_STATE, pytorchGateParams } from '../parts';
import { CHO_2014 } from './gru';

export const gruOriginalInfo: CellInfo = {
  id: 'gru-original',
  name: 'GRU (original, reset before)',
  paper: CHO_2014,
  mechanisms: ['gates'],
  group: 'gru-family',
  summary:
    'The GRU as first published. The update gate $z_t$ interpolates between keeping $h_{t-1}$ and taking a candidate; the reset gate $r_t$ masks the previous state before it enters the candidate, so a unit with $r \\approx 0$ computes its candidate as if the sequence started now. PyTorch and cuDNN instead apply $r_t$ after the recurrent matmul (one matmul per step for all gates); the two give the same numbers when $r \\equiv 1$, in general they differ.',
  notes:
    'Equations (5)–(8) of Cho et al. (2014), Sec. 2.3: $r = \\sigma(W_r x + U_r h)$, $z = \\sigma(W_z x + U_z h)$, $\\tilde h = \\tanh(W x + U (r \\odot h))$, $h_t = z \\odot h_{t-1} + (1 - z) \\odot \\tilde h$. The paper leaves biases out of its equations; we keep `torch.nn.GRU`’s two biases, with $b_{hn}$ outside the reset (it is added after $U_n (r \\odot h)$). Parameter names, row order ($r, z, n$) and $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ init follow `torch.nn.GRU`, so the same `state_dict` drives both the GRU card and this cell. Two recurrent matmuls per step: one for $r$ and $z$, one for $U_n (r \\odot h)$.',
  zh: {
    name: 'GRU（原始版，先重置）',
    summary:
      '最初发表的 GRU。更新门 $z_t$ 在保留 $h_{t-1}$ 与采用候选值之间插值；重置门 $r_t$ 在前一状态进入候选值之前就对其加以遮罩，$r \\approx 0$ 的单元计算候选值时就像序列刚刚开始。PyTorch 与 cuDNN 则在循环矩阵乘法之后才施加 $r_t$（每步一次矩阵乘法算出全部门）；两者在 $r \\equiv 1$ 时结果相同，一般并不相同。',
    notes:
      '公式取自 Cho 等（2014）第 2.3 节式 (5)–(8)：$r = \\sigma(W_r x + U_r h)$，$z = \\sigma(W_z x + U_z h)$，$\\tilde h = \\tanh(W x + U (r \\odot h))$，$h_t = z \\odot h_{t-1} + (1 - z) \\odot \\tilde h$。论文公式中省略了偏置；这里保留 `torch.nn.GRU` 的两个偏置，$b_{hn}$ 位于重置之外。参数名、行顺序（$r, z, n$）和 $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ 初始化同 `torch.nn.GRU`，因此同一组参数可同时驱动 GRU 卡片与本单元。',
    gateLabels: { r: '重置门', z: '更新门', n: '候选值' },
  },
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.01 },
  options: [],
  gates: GRU_GATES,
  states: [HIDDEN_STATE],
  equations: [
    { id: 'r', tex: 'r_t = \\sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr})', uses: ['x', 'h_prev'] },
    { id: 'z', tex: 'z_t = \\sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})', uses: ['x', 'h_prev'] },
    { id: 'n', tex: 'n_t = \\tanh(W_{in} x_t + b_{in} + W_{hn} (r_t \\odot h_{t-1}) + b_{hn})', uses: ['x', 'r', 'h_prev'] },
    { id: 'h', tex: 'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}', uses: ['z', 'n', 'h_prev'] },
  ],
  params: (d) => pytorchGateParams(d, 3, 0, 2),
  outputSize: (d) => d.hiddenSize,
};
