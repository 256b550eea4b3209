// GRU as torch.nn.GRU (reset after the matmul): what the page shows before tfjs loads (the step is in ../gru.ts).
import type { CellInfo, PaperRef } from '../types';
import { GRU_GATES, HIDDEN_STATE, pytorchGateParams } from '../parts';

/** The paper that introduced the GRU (the 'gru' and 'gru-original' cells cite it). */
export const CHO_2014: PaperRef = {
  authors: 'Cho, van Merriënboer, Gulcehre, Bahdanau, Bougares, Schwenk & Bengio',
  year: 2014,
  title: 'Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation',
  venue: 'EMNLP',
  arxiv: '1406.1078',
  url: 'https://arxiv.org/abs/1406.1078',
};

export const gruInfo: CellInfo = {
  id: 'gru',
  name: 'GRU',
  paper: CHO_2014,
  mechanisms: ['gates'],
  summary:
    'A lighter LSTM without a separate cell state: the update gate $z_t$ interpolates between keeping the old state and taking a candidate, and the reset gate $r_t$ decides how much of the past the candidate sees. Where $z_t \\approx 1$ a unit carries its state (and, on that path, its gradient) through unchanged.',
  // The adding problem at T = 20 as the other gated cards (Chung et al. 2014 set GRU against LSTM on one task); it learns in ~150 steps here.
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.01, clipNorm: 1 },
  options: [],
  gates: GRU_GATES,
  states: [HIDDEN_STATE],
  equations: [
    { id: 'r', tex: 'r_t = \\sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr})' },
    { id: 'z', tex: 'z_t = \\sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})' },
    { id: 'n', tex: 'n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))' },
    { id: 'h', tex: 'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}' },
  ],
  params: (d) => pytorchGateParams(d, 3, 0, 2),
  outputSize: (d) => d.hiddenSize,
  traits: { fusedSequence: true },
};
