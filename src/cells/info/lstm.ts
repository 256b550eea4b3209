// LSTM as torch.nn.LSTM: what the page shows before tfjs loads (the step is in ../lstm.ts).
import type { CellInfo } from '../types';
import { LSTM_GATES, LSTM_STATES, pytorchGateParams } from '../parts';

export const lstmInfo: CellInfo = {
  id: 'lstm',
  name: 'LSTM',
  paper: {
    authors: 'Hochreiter & Schmidhuber; forget gate: Gers, Schmidhuber & Cummins',
    year: 1997,
    title: 'Long Short-Term Memory (forget gate: Learning to Forget, 2000)',
    venue: 'Neural Computation 9(8)',
    url: 'https://doi.org/10.1162/neco.1997.9.8.1735',
  },
  mechanisms: ['gates'],
  summary:
    'A cell state $c_t$ runs through time with only element-wise gating: the forget gate decides what to keep, the input gate what to write, the output gate what to show. One step back along $c_t$ multiplies the gradient by $f_t$ alone, unit by unit, so where $f_t \\approx 1$ it neither shrinks nor grows on that path: this is how the LSTM bridges long gaps.',
  // Hochreiter & Schmidhuber's adding problem (1997, Exp. 4), at T = 10 so it leaves the 1/6 plateau within ~300 steps here (T = 20 took 300+ and some seeds more).
  preset: { taskId: 'adding', seqLen: 10, hiddenSize: 32, learningRate: 0.02, clipNorm: 1 },
  options: [
    { key: 'forgetBias', label: 'Forget-gate bias (init)', kind: 'number', default: 0, min: -3, max: 5, step: 0.5,
      help: 'Added to $b_f$ at initialisation. 1–2 makes the cell remember by default; 0 is PyTorch’s init.' },
  ],
  gates: LSTM_GATES,
  states: LSTM_STATES,
  equations: [
    { id: 'i', tex: 'i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})' },
    { id: 'f', tex: 'f_t = \\sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})' },
    { id: 'g', tex: 'g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg})' },
    { id: 'o', tex: 'o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})' },
    { id: 'c', tex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t' },
    { id: 'h', tex: 'h_t = o_t \\odot \\tanh(c_t)' },
  ],
  params: (d) => pytorchGateParams(d, 4, Number(d.options.forgetBias ?? 0), 2),
  outputSize: (d) => d.hiddenSize,
  traits: { fusedSequence: true },
};
