// Parameter counts of the stacked RNN / LSTM / GRU against PyTorch's formula, written out here
// independently of the cell specs: per layer and direction, G·H·(in + H) weights + 2·G·H biases,
// in = I for layer 0 and D·H above, G = 1, 4, 3 gate blocks.
import { describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import { parsePytorchModel } from '../../src/engine/pytorch-import';
import { stackParamCount, stackParams, type StackConfig } from '../../src/engine/stack';
import { fixtureNames, flat, loadFixture } from './pytorch-fixtures';

const GATES: Record<string, number> = { rnn: 1, lstm: 4, gru: 3 };

function pytorchCount(cell: string, I: number, H: number, L: number, D: number, bias = true): number {
  const G = GATES[cell];
  let n = 0;
  for (let l = 0; l < L; l++) {
    const inSize = l === 0 ? I : D * H;
    n += D * (G * H * inSize + G * H * H + (bias ? 2 * G * H : 0));
  }
  return n;
}

const cfg = (cell: string, I: number, H: number, L: number, bidirectional = false): StackConfig => ({
  cell: getCell(cell), inputSize: I, hiddenSize: H, numLayers: L, bidirectional, seqLen: 1, options: {},
});

describe('parameter counts', () => {
  it('nn.RNN(10, 20, 1) has 640 and nn.RNN(10, 20, 2) has 1480 (as torch reports)', () => {
    expect(stackParamCount(cfg('rnn', 10, 20, 1))).toBe(640);
    expect(stackParamCount(cfg('rnn', 10, 20, 2))).toBe(1480);
  });

  it.each([
    ['rnn', 10, 20, 1, false], ['rnn', 10, 20, 2, true], ['rnn', 7, 3, 3, false],
    ['lstm', 10, 20, 1, false], ['lstm', 10, 20, 2, false], ['lstm', 10, 20, 2, true], ['lstm', 1, 64, 3, true],
    ['gru', 10, 20, 1, false], ['gru', 10, 20, 2, false], ['gru', 10, 20, 2, true], ['gru', 5, 8, 3, true],
  ] as const)('%s I=%i H=%i L=%i bidirectional=%s matches the formula', (cell, I, H, L, bi) => {
    expect(stackParamCount(cfg(cell, I, H, L, bi))).toBe(pytorchCount(cell, I, H, L, bi ? 2 : 1));
  });

  it('names follow PyTorch: weight_ih_l0 … bias_hh_l1_reverse, four per layer and direction', () => {
    const names = stackParams(cfg('gru', 3, 4, 2, true)).map((p) => p.name);
    expect(names).toEqual([
      'weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0',
      'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse',
      'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1',
      'weight_ih_l1_reverse', 'weight_hh_l1_reverse', 'bias_ih_l1_reverse', 'bias_hh_l1_reverse',
    ]);
  });

  it.each(fixtureNames())('%s: torch state_dict size = our count (minus fixed-zero biases)', (name) => {
    const fx = loadFixture(name);
    const model = parsePytorchModel(fx.model);
    const torchCount = Object.values(fx.model.state_dict).reduce<number>((n, v) => n + flat(v).length, 0);
    const fixed = [...model.fixedZero].reduce((n, k) => n + model.values.get(k)!.values.length, 0);
    expect(stackParamCount(model.config) - fixed).toBe(torchCount);
    const c = fx.model.config as { input_size: number; hidden_size: number; num_layers: number; bidirectional: boolean; bias: boolean };
    expect(torchCount).toBe(pytorchCount(model.config.cell.id, c.input_size, c.hidden_size, c.num_layers, c.bidirectional ? 2 : 1, c.bias));
  });
});
