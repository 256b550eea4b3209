// Gate and state declarations that several cells share, so a gate id means the same thing (and
// gets the same colour and heatmap) on every card that uses it.
import type { GateSpec, StateSpec } from './types';

export const GATE = {
  i: { id: 'i', tex: 'i_t', label: 'input gate', range: 'unit' },
  f: { id: 'f', tex: 'f_t', label: 'forget gate', range: 'unit' },
  g: { id: 'g', tex: 'g_t', label: 'candidate', range: 'signed' },
  o: { id: 'o', tex: 'o_t', label: 'output gate', range: 'unit' },
  r: { id: 'r', tex: 'r_t', label: 'reset gate', range: 'unit' },
  z: { id: 'z', tex: 'z_t', label: 'update gate', range: 'unit' },
  n: { id: 'n', tex: 'n_t', label: 'candidate', range: 'signed' },
} as const satisfies Record<string, GateSpec>;

export const HIDDEN_STATE: StateSpec = { id: 'h', tex: 'h_t', label: 'hidden state', size: (d) => d.hiddenSize, range: 'signed' };
export const CELL_STATE: StateSpec = { id: 'c', tex: 'c_t', label: 'cell state', size: (d) => d.hiddenSize, range: 'free' };

export const LSTM_GATES: GateSpec[] = [GATE.i, GATE.f, GATE.g, GATE.o];
export const LSTM_STATES: StateSpec[] = [HIDDEN_STATE, CELL_STATE];
export const GRU_GATES: GateSpec[] = [GATE.r, GATE.z, GATE.n];
