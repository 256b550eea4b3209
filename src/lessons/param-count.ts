// The parameters of PyTorch's nn.RNN / nn.LSTM / nn.GRU, named and shaped as its state_dict has
// them: per layer and direction weight_ih_l{k}[_reverse] (G·H × input of that layer),
// weight_hh_l{k} (G·H × H), bias_ih_l{k} and bias_hh_l{k} (G·H each), with G = 1 (RNN), 4 (LSTM,
// gates i f g o) or 3 (GRU, gates r z n). Layer 0 reads the input; layer k > 0 reads the layer
// below, which is H wide, or 2H with both directions. Pure: the lesson's counter and its test use it.

export type TorchCell = 'rnn' | 'lstm' | 'gru';

export interface TorchRnnSize {
  cell: TorchCell;
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  bidirectional: boolean;
}

export interface TorchParam {
  name: string;
  shape: number[];
  count: number;
}

/** Gate blocks stacked in each weight: the LSTM's four, the GRU's three, the plain RNN's one. */
export const GATE_BLOCKS: Record<TorchCell, number> = { rnn: 1, lstm: 4, gru: 3 };

/** Every parameter in state_dict order, with its shape and number of entries. */
export function torchRnnParams(s: TorchRnnSize): TorchParam[] {
  const G = GATE_BLOCKS[s.cell];
  const H = s.hiddenSize;
  const dirs = s.bidirectional ? 2 : 1;
  const out: TorchParam[] = [];
  for (let k = 0; k < s.numLayers; k++) {
    const inSize = k === 0 ? s.inputSize : H * dirs;
    for (let d = 0; d < dirs; d++) {
      const suffix = `_l${k}${d === 1 ? '_reverse' : ''}`;
      const shapes: [string, number[]][] = [
        [`weight_ih${suffix}`, [G * H, inSize]],
        [`weight_hh${suffix}`, [G * H, H]],
        [`bias_ih${suffix}`, [G * H]],
        [`bias_hh${suffix}`, [G * H]],
      ];
      for (const [name, shape] of shapes) out.push({ name, shape, count: shape.reduce((a, b) => a * b, 1) });
    }
  }
  return out;
}

/** sum(p.numel() for p in nn.RNN/LSTM/GRU(...).parameters()). */
export function torchRnnParamCount(s: TorchRnnSize): number {
  return torchRnnParams(s).reduce((a, p) => a + p.count, 0);
}
