// IRNN (Le, Jaitly & Hinton 2015): a ReLU RNN whose recurrent matrix starts as the identity
// (or αI), so at init the state is copied forward unchanged and the gradient neither shrinks
// nor grows along it. The cell itself is a plain ReLU RNN; all of the idea is in the init.
import type { CellSpec } from './types';
import { reluRnnCore } from './relu-rnn';
import { irnnInfo } from './info/irnn';

export const irnn: CellSpec = {
  ...irnnInfo,
  ...reluRnnCore,
};
