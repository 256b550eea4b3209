// Options that change a cell's maths: each variant shows its own gates and equation lines.
import { describe, expect, it } from 'vitest';
import { cellList, getCell } from '../../src/cells/registry';
import { partsFor, withDefaults } from '../../src/cells/types';
import { cellMeta, metaFor } from '../../src/store/catalog';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const line = (cellId: string, options: Record<string, string>, id: string) =>
  partsFor(getCell(cellId), options).equations.find((e) => e.id === id)?.tex ?? '';

describe('partsFor', () => {
  it('gives the Dilated RNN the GRU gates by default and none on a tanh RNN', () => {
    const dilated = getCell('dilated');
    expect(ids(partsFor(dilated).gates)).toEqual(['r', 'z', 'n']);
    const tanh = partsFor(dilated, { cell: 'tanh' });
    expect(tanh.gates).toEqual([]);
    expect(ids(tanh.equations)).toEqual(['h', 'buf']);
    expect(tanh.equations[0].tex).toContain('\\tanh(W_{ih} x_t');
  });

  it('writes the squashing the 1997 LSTM option selects', () => {
    expect(line('lstm-1997', {}, 'g')).toContain('4\\sigma');
    expect(line('lstm-1997', { squash: 'tanh' }, 'g')).toContain('\\tanh');
    expect(line('lstm-1997', { squash: 'tanh' }, 'h')).toContain('\\tanh(c_t)');
  });

  it('follows the NARX delay line, the RNN nonlinearity and the fTRU φ', () => {
    expect(line('narx', {}, 'h')).toContain('y_{t-d}');
    expect(line('narx', { feedback: 'hidden' }, 'h')).toContain('h_{t-d}');
    expect(line('rnn', { nonlinearity: 'relu' }, 'h')).toContain('ReLU');
    expect(line('ftru', { activation: 'sigmoid' }, 'h')).toBe('h_t = \\sigma(u_t)');
  });

  it('keeps exactly one line per id for every choice of every cell', () => {
    for (const cell of ['rnn', 'dilated', 'lstm-1997', 'narx', 'ftru'].map(getCell)) {
      for (const o of cell.options.filter((o) => o.kind === 'choice')) {
        for (const choice of o.choices ?? []) {
          const eqIds = ids(partsFor(cell, { [o.key]: choice }).equations);
          expect(new Set(eqIds).size, `${cell.id} ${o.key}=${choice}`).toBe(eqIds.length);
        }
      }
    }
  });

  it('reads a missing or unknown choice as the default', () => {
    const specs = getCell('dilated').options;
    expect(withDefaults(specs, { cell: 'lstm' }).cell).toBe('gru');
    expect(withDefaults(specs, {}).base).toBe(2);
    expect(withDefaults(specs, { base: 3 }).base).toBe(3);
  });

  it('gives the page a meta of the chosen variant', () => {
    const meta = metaFor(cellMeta(getCell('dilated')), { cell: 'tanh' });
    expect(meta.gates).toEqual([]);
    expect(ids(meta.states)).toEqual(['h']);
  });

  it('names candidate blocks only on recurrent weights, and only blocks they have', () => {
    for (const cell of cellList) {
      const dims = { inputSize: 3, hiddenSize: 4, seqLen: 6, layer: 0, numLayers: 1, options: withDefaults(cell.options) };
      for (const p of cell.params(dims)) {
        if (!p.candidateBlocks) continue;
        expect(p.role, `${cell.id}.${p.name}`).toBe('recurrent');
        const blocks = p.shape[0] / p.shape[1];
        for (const b of p.candidateBlocks) expect(b, `${cell.id}.${p.name}`).toBeLessThan(blocks);
      }
    }
    // The GRU's candidate is n, the third block of weight_hh, as Kanai et al. clip it.
    const gru = getCell('gru').params({ inputSize: 3, hiddenSize: 4, seqLen: 6, layer: 0, numLayers: 1, options: {} });
    expect(gru.find((p) => p.name === 'weight_hh')?.candidateBlocks).toEqual([2]);
  });
});
