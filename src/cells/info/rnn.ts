// Elman RNN as torch.nn.RNN: what the page shows before tfjs loads (the step is in ../rnn.ts).
import type { CellInfo } from '../types';
import { pytorchGateParams } from '../parts';

export const rnnInfo: CellInfo = {
  id: 'rnn',
  name: 'Elman RNN',
  paper: {
    authors: 'Elman',
    year: 1990,
    title: 'Finding Structure in Time',
    venue: 'Cognitive Science 14(2)',
    url: 'https://doi.org/10.1207/s15516709cog1402_1',
  },
  mechanisms: ['baseline'],
  summary:
    'The plain recurrence: the new hidden state is a squashed mix of the input and the previous state. Backpropagating through $T$ steps multiplies $T$ Jacobians $\\operatorname{diag}(\\varphi\')\\,W_{hh}$, so over a long gap the gradient shrinks (or, when $W_{hh}$ stretches vectors enough, grows) roughly geometrically: the vanishing/exploding-gradient problem every other cell here tries to fix.',
  // Copy with a 5-step gap (T = 12): within a tanh RNN's reach, so the card shows it learn (~300 steps); the lessons show it fail at longer T.
  preset: { taskId: 'copy', seqLen: 12, hiddenSize: 32, learningRate: 0.02, clipNorm: 1 },
  options: [
    { key: 'nonlinearity', label: 'Nonlinearity', kind: 'choice', default: 'tanh', choices: ['tanh', 'relu'],
      help: 'tanh (PyTorch’s default) saturates, and its slope below 1 shrinks gradients; ReLU does not saturate, so when $W_{hh}$ stretches vectors the state and the gradient can grow without bound. The IRNN starts a ReLU RNN at $W_{hh} = I$.',
      zh: { help: 'tanh（PyTorch 的默认值）会饱和，斜率小于 1，使梯度缩小；ReLU 不饱和，所以当 $W_{hh}$ 拉伸向量时，状态和梯度可能无限增大。IRNN 让 ReLU RNN 从 $W_{hh} = I$ 开始。' } },
  ],
  gates: [],
  states: [
    // 'free' rather than 'signed': with ReLU the state is unbounded above.
    { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'free' },
  ],
  equations: [
    { id: 'h', tex: 'h_t = \\tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})', when: (o) => o.nonlinearity !== 'relu' },
    { id: 'h', tex: 'h_t = \\mathrm{ReLU}(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh})', when: (o) => o.nonlinearity === 'relu' },
  ],
  params: (d) => pytorchGateParams(d, 1),
  outputSize: (d) => d.hiddenSize,
  traits: { fusedSequence: true },
};
