// Gate and state declarations that several cells share, so a gate id means the same thing (and
// gets the same colour and heatmap) on every card that uses it.
import { pytorchRnnInit } from './init';
import type { CellDims, GateSpec, InitFn, ParamSpec, StateSpec } from './types';

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

export const PYTORCH_INIT_LABEL = 'U(−1/√H, 1/√H)';

/** Adds `forgetBias` to the f block (rows H…2H) of a bias drawn from `base` (0 keeps `base`). */
export const withForgetBias = (base: InitFn, H: number, forgetBias: number): InitFn => (shape, rng) => {
  const v = base(shape, rng);
  if (forgetBias !== 0) for (let j = H; j < 2 * H; j++) v[j] += forgetBias;
  return v;
};

/**
 * torch.nn.RNN/LSTM/GRU's four tensors for a cell with `blocks` gate blocks, all drawn from
 * U(−1/√H, 1/√H); `forgetBias` is added to block 1 of bias_ih (the LSTM's f); `candidateBlock`
 * names the block of weight_hh that writes the candidate (for Kanai et al.'s clipping scope).
 */
export function pytorchGateParams(d: CellDims, blocks: number, forgetBias = 0, candidateBlock?: number): ParamSpec[] {
  const H = d.hiddenSize;
  const init = pytorchRnnInit(H);
  const label = PYTORCH_INIT_LABEL;
  const k = blocks === 1 ? '' : String(blocks);
  return [
    { name: 'weight_ih', shape: [blocks * H, d.inputSize], shapeLabel: `${k}H × I`, init, initLabel: label, role: 'input' },
    { name: 'weight_hh', shape: [blocks * H, H], shapeLabel: `${k}H × H`, init, initLabel: label, role: 'recurrent',
      ...(candidateBlock !== undefined ? { candidateBlocks: [candidateBlock] } : {}) },
    { name: 'bias_ih', shape: [blocks * H], shapeLabel: `${k}H`, init: withForgetBias(init, H, forgetBias),
      initLabel: forgetBias ? `${label}, +${forgetBias} on the f block` : label, role: 'bias' },
    { name: 'bias_hh', shape: [blocks * H], shapeLabel: `${k}H`, init, initLabel: label, role: 'bias' },
  ];
}
