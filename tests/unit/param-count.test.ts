// The lesson's parameter counter against PyTorch: numbers as `sum(p.numel() for p in m.parameters())`
// prints them for nn.RNN / nn.LSTM / nn.GRU, and against the atlas's own rnn / lstm / gru cells,
// whose parameters are PyTorch's (per layer, layer k > 0 reading the layer below).
import { describe, expect, it } from 'vitest';
import { torchRnnParamCount, torchRnnParams, type TorchCell } from '../../src/lessons/param-count';
import { getCell } from '../../src/cells/registry';

const size = (cell: TorchCell, inputSize: number, hiddenSize: number, numLayers: number, bidirectional = false) => ({ cell, inputSize, hiddenSize, numLayers, bidirectional });

describe('PyTorch parameter counter', () => {
  it('matches nn.RNN(10, 20, 1) = 640 and two layers = 1,480', () => {
    expect(torchRnnParamCount(size('rnn', 10, 20, 1))).toBe(640);
    expect(torchRnnParamCount(size('rnn', 10, 20, 2))).toBe(1480);
  });

  it('the LSTM has 4× and the GRU 3× the plain RNN’s parameters', () => {
    expect(torchRnnParamCount(size('lstm', 10, 20, 1))).toBe(2560);
    expect(torchRnnParamCount(size('gru', 10, 20, 1))).toBe(1920);
    expect(torchRnnParamCount(size('lstm', 10, 20, 2))).toBe(5920);
    expect(torchRnnParamCount(size('gru', 10, 20, 2))).toBe(4440);
    for (const [I, H, L] of [[3, 7, 1], [5, 16, 3], [1, 1, 2]]) {
      const rnn = torchRnnParamCount(size('rnn', I, H, L));
      expect(torchRnnParamCount(size('lstm', I, H, L))).toBe(4 * rnn);
      expect(torchRnnParamCount(size('gru', I, H, L))).toBe(3 * rnn);
    }
  });

  it('bidirectional: two directions, and the layer above reads 2H', () => {
    // nn.RNN(10, 20, 1, bidirectional=True): 2 × 640; a second layer reads 40 inputs: 2 × (800 + 400 + 40).
    expect(torchRnnParamCount(size('rnn', 10, 20, 1, true))).toBe(1280);
    expect(torchRnnParamCount(size('rnn', 10, 20, 2, true))).toBe(1280 + 2480);
    expect(torchRnnParamCount(size('lstm', 10, 20, 2, true))).toBe(4 * 3760);
  });

  it('names and shapes as in the state_dict', () => {
    const names = torchRnnParams(size('gru', 10, 20, 2, true)).map((p) => `${p.name}:${p.shape.join('x')}`);
    expect(names.slice(0, 4)).toEqual(['weight_ih_l0:60x10', 'weight_hh_l0:60x20', 'bias_ih_l0:60', 'bias_hh_l0:60']);
    expect(names[4]).toBe('weight_ih_l0_reverse:60x10');
    expect(names[8]).toBe('weight_ih_l1:60x40');
    expect(names).toHaveLength(16);
  });

  it('agrees with the atlas’s rnn, lstm and gru cells, layer by layer', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const spec = getCell(cell);
      for (const [I, H, L] of [[10, 20, 1], [10, 20, 2], [4, 9, 3]]) {
        let own = 0;
        for (let layer = 0; layer < L; layer++) {
          const dims = { inputSize: layer === 0 ? I : H, hiddenSize: H, seqLen: 10, layer, numLayers: L, options: {} };
          const ps = spec.params(dims);
          own += ps.reduce((a, p) => a + p.shape.reduce((x, y) => x * y, 1), 0);
        }
        expect(own, `${cell} ${I} ${H} ${L}`).toBe(torchRnnParamCount(size(cell, I, H, L)));
      }
    }
  });
});
