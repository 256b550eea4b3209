// np-RNN (Talathi & Vartak 2015): a ReLU RNN whose W_hh starts as a normalised positive-definite
// matrix, R / λ_max(R) with R = I + AᵀA/N. Same cell as the IRNN; only the starting W_hh differs.
import type { CellSpec } from './types';
import { reluRnnCore } from './relu-rnn';
import { npRnnInfo } from './info/np-rnn';

export const npRnn: CellSpec = {
  ...npRnnInfo,
  ...reluRnnCore,
};
