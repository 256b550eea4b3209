// The recurrent-init control sets ρ(W_hh) at init: every square gate block gets exactly ρ; IRNN's
// identity becomes ρ·I; IndRNN's u gets max |uᵢ| = ρ; a Clockwork module's diagonal block has ρ;
// NARX's taps are left alone; 0 keeps PyTorch's init (ρ ≈ 0.58 at H = 32).
import { describe, expect, it } from 'vitest';
import { spectralRadius } from '../../src/cells/eigen';
import { cellList, getCell } from '../../src/cells/registry';
import type { CellOptions } from '../../src/cells/types';
import { createRng } from '../../src/engine/rng';
import { blockRadii, initRecurrentRadius } from '../../src/engine/spectral';
import { initStackValues, stackParams, type StackConfig } from '../../src/engine/stack';

const cfgOf = (cellId: string, recurrentScale?: number, options: CellOptions = {}, H = 32): StackConfig => ({
  cell: getCell(cellId), inputSize: 3, hiddenSize: H, numLayers: 1, bidirectional: false, seqLen: 20, options, recurrentScale,
});

function radii(cfg: StackConfig, name: string): number[] {
  const values = initStackValues(cfg, createRng(1).fork('params').fork('stack'));
  const spec = stackParams(cfg).find((p) => p.name === name)!.spec;
  return blockRadii(spec, values.get(name)!.values);
}

describe('the ρ control', () => {
  it('off (0) keeps PyTorch’s init: ρ(W_hh) ≈ 0.58 at H = 32, and the page’s readout measures the same', () => {
    const [rho] = radii(cfgOf('rnn', 0), 'weight_hh_l0');
    expect(rho).toBeGreaterThan(0.5);
    expect(rho).toBeLessThan(0.66);
    expect(initRecurrentRadius(cfgOf('rnn'), 1)).toBeCloseTo(rho, 10);
  });

  it('sets every gate block of an LSTM and a GRU to exactly ρ', () => {
    for (const [cell, blocks] of [['lstm', 4], ['gru', 3]] as const) {
      const r = radii(cfgOf(cell, 1.3), 'weight_hh_l0');
      expect(r).toHaveLength(blocks);
      for (const v of r) expect(v).toBeCloseTo(1.3, 6);
    }
  });

  it('is a multiplier only where the init is ρ·I already: IRNN', () => {
    const values = initStackValues(cfgOf('irnn', 0.9, { alpha: 1 }, 4), createRng(1)).get('weight_hh_l0')!.values;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(values[i * 4 + j]).toBeCloseTo(i === j ? 0.9 : 0, 6);
  });

  it('IndRNN: max |uᵢ| = ρ; Clockwork: each module’s diagonal block, so ρ(W_H) = ρ; NARX: unchanged', () => {
    expect(radii(cfgOf('indrnn', 0.7), 'u_l0')[0]).toBeCloseTo(0.7, 6);
    const cw = cfgOf('clockwork', 1.1, {}, 16);
    const values = initStackValues(cw, createRng(1).fork('params').fork('stack'));
    const blocks = stackParams(cw).filter((p) => p.spec.role === 'recurrent');
    // Assemble the block upper-triangular W_H from the module rows and check its radius.
    const H = 16;
    const W = new Float64Array(H * H);
    let row = 0;
    for (const p of blocks) {
      const [r, c] = p.spec.shape;
      const v = values.get(p.name)!.values;
      for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) W[(row + i) * H + (H - c) + j] = v[i * c + j];
      row += r;
    }
    expect(spectralRadius(W, H)).toBeCloseTo(1.1, 6);
    const narxOff = initStackValues(cfgOf('narx', 0), createRng(1)).get('weight_taps_l0')!.values;
    const narxOn = initStackValues(cfgOf('narx', 2), createRng(1)).get('weight_taps_l0')!.values;
    expect(Array.from(narxOn)).toEqual(Array.from(narxOff));
  });

  it('the cells the help names have no square recurrent matrix (the slider says so); every other cell has one', () => {
    const none = ['qrnn', 'sru', 'fru', 'urnn', 'mlstm', 'narx', 'hotrnn'];
    for (const c of cellList) {
      const options = Object.fromEntries(c.options.map((o) => [o.key, o.default]));
      const r = initRecurrentRadius({ ...cfgOf(c.id), options }, 1);
      if (none.includes(c.id)) expect(r, c.id).toBeNull();
      else expect(r, c.id).toBeGreaterThan(0);
    }
  });
});
