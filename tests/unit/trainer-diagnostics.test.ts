// CellSpec.diagnostics reaches telemetry: a stub cell (an LSTM that reports the Frobenius norm of
// its W_hh and its layer index) is registered for this file only.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CellSpec } from '../../src/cells/types';
import { useNodeBackend } from '../../src/engine/node-backend';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';

vi.mock('../../src/cells/registry', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/cells/registry')>();
  const lstm = orig.getCell('lstm');
  const stub: CellSpec = {
    ...lstm,
    id: 'diag-stub',
    async diagnostics(p, dims) {
      const t = tf.norm(p.weight_hh);
      const norm = (await t.data())[0];
      t.dispose();
      return { whhNorm: norm, layer: dims.layer, names: Object.keys(p).length };
    },
  };
  return { ...orig, getCell: (id: string) => (id === stub.id ? stub : orig.getCell(id)) };
});

const base: TrainerConfig = {
  cellId: 'diag-stub',
  cellOptions: {},
  taskId: 'copy',
  taskOptions: { symbols: 3, alphabet: 4 },
  seqLen: 7,
  hiddenSize: 4,
  numLayers: 2,
  bidirectional: true,
  learningRate: 0.05,
  batchSize: 4,
  recurrentScale: 0,
  clipNorm: 0,
  seed: 1,
};

beforeAll(async () => {
  await useNodeBackend();
});

describe('cell diagnostics in telemetry', () => {
  it('are computed at snapshot time on the top layer’s forward parameters', async () => {
    const tr = new Trainer(base);
    tr.train(2);
    const { telemetry } = await tr.snapshot(1);
    const want = Math.hypot(...(await tr.params.weight_hh_l1.data()));
    expect(telemetry.diagnostics).toEqual({ whhNorm: expect.closeTo(want, 4), layer: 1, names: 4 });
    // Not the reverse direction's or the lower layer's matrix.
    expect(Math.hypot(...(await tr.params.weight_hh_l1_reverse.data()))).not.toBeCloseTo(want, 3);
    tr.train(3);
    const later = await tr.snapshot(1);
    expect(later.telemetry.diagnostics!.whhNorm).not.toBe(telemetry.diagnostics!.whhNorm);
    tr.dispose();
  });

  it('are absent for a cell without diagnostics', async () => {
    const tr = new Trainer({ ...base, cellId: 'lstm', numLayers: 1, bidirectional: false });
    tr.trainStep();
    expect((await tr.snapshot(1)).telemetry).not.toHaveProperty('diagnostics');
    tr.dispose();
  });
});
