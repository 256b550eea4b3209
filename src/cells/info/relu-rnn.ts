// The ReLU recurrence's states and output size, shared by IRNN's and np-RNN's info (its step is in ../relu-rnn.ts).
import type { CellInfo } from '../types';

export const reluRnnInfoCore: Pick<CellInfo, 'states' | 'outputSize'> = {
  states: [{ id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'positive' }],
  outputSize: (d) => d.hiddenSize,
};
