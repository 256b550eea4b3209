// Dilated RNN: the harness against a plain-JS recurrence that keeps the whole history and reads
// h[t − d] from it (no buffer), for the GRU at dilation 4 and the tanh RNN at dilation 2.
import { describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import type { CellDims } from '../../../src/cells/types';
import type { Arr, ReferenceResult } from './harness';
import { add, map, matVec, mul, sigmoid, testCell, vec } from './harness';

function reference(x: number[][][], p: Record<string, Arr>, dims: CellDims): ReferenceResult {
  const H = dims.hiddenSize;
  const d = Math.pow(Number(dims.options.base), dims.layer);
  const gru = dims.options.cell === 'gru';
  const B = x[0].length;
  const hist: number[][][] = []; // hist[t][b]
  const zero = new Array(H).fill(0);
  x.forEach((xt, t) => {
    hist.push(xt.map((xb, b) => {
      const hd = t - d >= 0 ? hist[t - d][b] : zero;
      const gx = add(matVec(p.weight_ih, xb), vec(p.bias));
      if (!gru) return map(add(gx, matVec(p.weight_hh, hd)), Math.tanh);
      const ghrz = matVec(p.weight_hh, hd);
      const r = map(add(gx.slice(0, H), ghrz.slice(0, H)), sigmoid);
      const z = map(add(gx.slice(H, 2 * H), ghrz.slice(H)), sigmoid);
      const n = map(add(gx.slice(2 * H), matVec(p.weight_hn, mul(r, hd))), Math.tanh);
      return add(mul(map(z, (v) => 1 - v), n), mul(z, hd));
    }));
  });
  const T = x.length;
  const at = (t: number, b: number) => (t >= 0 ? hist[t][b] : zero);
  // The buffer after the last step holds h_{T−2} … h_{T−d}, newest first.
  const buf = Array.from({ length: B }, (_, b) =>
    d === 1 ? zero : Array.from({ length: d - 1 }, (_, k) => at(T - 2 - k, b)).flat());
  return { outputs: hist, states: { h: hist[T - 1], buf } };
}

testCell({
  id: 'dilated',
  options: { cell: 'gru', base: 2 },
  layer: 2,
  numLayers: 3,
  seqLen: 9,
  reference,
  paramCount: (I, H, o) => (o.cell === 'gru' ? 3 * H * I + 3 * H * H + 3 * H : H * I + H * H + H),
  train: { overrides: { taskId: 'adding', seqLen: 10, numLayers: 3, learningRate: 0.01 }, steps: 50 },
});

testCell({
  id: 'dilated',
  options: { cell: 'tanh', base: 2 },
  layer: 1,
  numLayers: 3,
  seqLen: 6,
  reference,
  paramCount: (I, H, o) => (o.cell === 'gru' ? 3 * H * I + 3 * H * H + 3 * H : H * I + H * H + H),
  train: { overrides: { taskId: 'adding', seqLen: 10, numLayers: 3, learningRate: 0.01 }, steps: 50 },
});

describe('dilated layers', () => {
  it('dilation is base^layer: 1, 2, 4 for the preset’s three layers', () => {
    const cell = getCell('dilated');
    const sizes = [0, 1, 2].map((layer) => cell.states.find((s) => s.id === 'buf')!
      .size({ inputSize: 2, hiddenSize: 4, seqLen: 8, layer, numLayers: 3, options: { cell: 'gru', base: 2 } }));
    // Buffer of d − 1 older states (one spare block at d = 1).
    expect(sizes).toEqual([4, 4, 12]);
    expect(cell.preset?.numLayers).toBe(3);
  });
});
