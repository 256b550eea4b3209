// CIFG LSTM, coupled input and forget gates (Greff et al. 2017): what the page shows before tfjs loads (the step is in ../lstm-cifg.ts).
import type { CellInfo } from '../types';
import { GATE, LSTM_STATES, pytorchGateParams } from '../parts';

export const lstmCifgInfo: CellInfo = {
  id: 'lstm-cifg',
  name: 'CIFG LSTM (coupled gates)',
  paper: {
    authors: 'Greff, Srivastava, Koutník, Steunebrink & Schmidhuber',
    year: 2017,
    title: 'LSTM: A Search Space Odyssey',
    venue: 'IEEE Transactions on Neural Networks and Learning Systems 28(10)',
    arxiv: '1503.04069',
    url: 'https://arxiv.org/abs/1503.04069',
  },
  mechanisms: ['gates'],
  group: 'lstm-family',
  summary:
    'Asks whether the LSTM needs separate input and forget gates. Coupling them, $f_t = 1 - i_t$, makes the cell update a convex mix $c_t = (1 - i_t) \\odot c_{t-1} + i_t \\odot g_t$: whatever is written displaces old memory in equal measure, as in the GRU. It drops one of the LSTM’s four weight blocks (a quarter of its weights), and Greff et al. found it performs about as well as the full LSTM.',
  notes:
    'Coupling rule from Greff et al., “LSTM: A Search Space Odyssey” (IEEE TNNLS 2017), Sec. 3 (variant CIFG) and their table of variants. Their “vanilla” LSTM, which each variant modifies, also has peepholes; here the coupling is applied to the peephole-free `torch.nn.LSTM` instead, so this card differs from the LSTM card in the coupling alone (peepholes have their own card, Peephole LSTM). Gate rows are ordered $i, g, o$; two biases and $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ init as in PyTorch.',
  zh: {
    name: '耦合门 LSTM（CIFG）',
    summary:
      '检验 LSTM 是否真的需要独立的输入门和遗忘门。令 $f_t = 1 - i_t$，细胞更新变成凸组合 $c_t = (1 - i_t) \\odot c_{t-1} + i_t \\odot g_t$：写入多少新内容，就同等比例地挤掉多少旧记忆，与 GRU 相同。它去掉了 LSTM 四个权重块中的一个（四分之一的权重），Greff 等发现其效果与完整 LSTM 相当。',
    notes:
      '耦合规则取自 Greff 等的论文《LSTM: A Search Space Odyssey》（IEEE TNNLS 2017）第 3 节的 CIFG 变体。他们的“标准”LSTM 含窥视孔；这里把耦合用在无窥视孔的 `torch.nn.LSTM` 上，使本卡片与 LSTM 卡片只差耦合这一处（窥视孔见“窥视孔 LSTM”卡片）。门的行顺序为 $i, g, o$；两个偏置与 $U(-1/\\sqrt{H}, 1/\\sqrt{H})$ 初始化同 PyTorch。',
    gateLabels: { i: '输入门', f: '遗忘门（= 1 − 输入门）', g: '候选值', o: '输出门' },
  },
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.01 },
  options: [],
  gates: [
    GATE.i,
    { id: 'f', tex: 'f_t', label: 'forget gate (1 − i)', range: 'unit' },
    GATE.g,
    GATE.o,
  ],
  states: LSTM_STATES,
  equations: [
    { id: 'i', tex: 'i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})', uses: ['x', 'h_prev'] },
    { id: 'f', tex: 'f_t = 1 - i_t', uses: ['i'] },
    { id: 'g', tex: 'g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg})', uses: ['x', 'h_prev'] },
    { id: 'o', tex: 'o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})', uses: ['x', 'h_prev'] },
    { id: 'c', tex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t', uses: ['f', 'c_prev', 'i', 'g'] },
    { id: 'h', tex: 'h_t = o_t \\odot \\tanh(c_t)', uses: ['o', 'c'] },
  ],
  params: (d) => pytorchGateParams(d, 3, 0, 1),
  outputSize: (d) => d.hiddenSize,
};
