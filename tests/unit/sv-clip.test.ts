import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { singularValues } from '../../src/cells/linalg';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';
import { blockLayout, blocksOf, clipValuesExact, SvClipper } from '../../src/engine/sv-clip';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';

const base: TrainerConfig = {
  cellId: 'lstm',
  cellOptions: {},
  taskId: 'copy',
  taskOptions: { symbols: 3, alphabet: 4 },
  seqLen: 8,
  hiddenSize: 8,
  numLayers: 1,
  bidirectional: false,
  learningRate: 0.05,
  batchSize: 8,
  // Large enough that every block starts well above the bound.
  recurrentScale: 6,
  clipNorm: 0,
  seed: 3,
};

beforeAll(async () => {
  await useNodeBackend();
});

afterEach(() => vi.restoreAllMocks());

/** Largest singular value of every H×H block of every recurrent parameter. */
async function blockMaxima(tr: Trainer, names: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const name of names) {
    const v = tr.params[name] as tf.Variable;
    const l = blockLayout(v);
    for (const blk of blocksOf(await v.data(), l)) out.push(singularValues(blk, l.m, l.n)[0]);
  }
  return out;
}

function randomVariable(shape: number[], seed: number, scale: number): tf.Variable {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.variable(tf.tensor(Float32Array.from({ length: n }, () => scale * rng.normal()), shape));
}

describe('SvClipper', () => {
  it('clipExact matches U·min(Σ, c)·Vᵀ block by block, for row- and column-stacked blocks', () => {
    for (const shape of [[12, 4], [4, 12], [5, 5]]) {
      const v = randomVariable(shape, shape[0] * 7 + shape[1], 1);
      const before = v.dataSync() as Float32Array;
      const c = 1.2;
      const clipper = new SvClipper([v]);
      clipper.clipExact(c);
      const l = blockLayout(v);
      expect(l.nb).toBe(shape[0] === shape[1] ? 1 : 3);
      const after = blocksOf(v.dataSync(), l);
      blocksOf(before, l).forEach((blk, b) => {
        const want = singularValues(blk, l.m, l.n).map((s) => Math.min(s, c));
        const got = singularValues(after[b], l.m, l.n);
        for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i], 5);
      });
      v.dispose();
    }
  });

  // H = 40 goes through WASM's one-block-at-a-time path (blocks past 32 × 32), H = 16 through the batch.
  it.each([16, 40])('the in-graph clip follows the exact clip after a small update, without reading back (H = %i)', (H) => {
    expect(tf.getBackend()).toBe('wasm');
    const v = randomVariable([4 * H, H], 5, 0.5);
    const clipper = new SvClipper([v]);
    const c = 1.5;
    clipper.clipExact(c);
    for (let step = 0; step < 5; step++) {
      // An optimiser-sized move, which pushes a cluster of singular values above c.
      const dv = randomVariable([4 * H, H], 100 + step, 0.02);
      tf.tidy(() => v.assign(tf.add(v, dv)));
      dv.dispose();
      const perturbed = v.dataSync().slice() as Float32Array;
      const spies = [vi.spyOn(tf.Tensor.prototype, 'dataSync'), vi.spyOn(tf.Tensor.prototype, 'data')];
      const before = tf.memory().numTensors;
      clipper.clip(c);
      expect(tf.memory().numTensors).toBe(before);
      for (const s of spies) expect(s).not.toHaveBeenCalled();
      vi.restoreAllMocks();
      const exact = clipValuesExact(perturbed, blockLayout(v), c);
      const got = v.dataSync();
      const err = exact.reduce((m, x, i) => Math.max(m, Math.abs(x - got[i])), 0);
      // Relative to the size of the correction itself.
      const corr = exact.reduce((m, x, i) => Math.max(m, Math.abs(x - perturbed[i])), 0);
      expect(corr).toBeGreaterThan(1e-3);
      console.log(`in-graph vs exact: max error ${err.toExponential(2)}, correction ${corr.toExponential(2)}`);
      expect(err).toBeLessThan(0.05 * corr + 1e-5);
      for (const blk of blocksOf(got, blockLayout(v))) expect(singularValues(blk, H, H)[0]).toBeLessThan(c * 1.01);
    }
    v.dispose();
  });

  it('clips a 1-D recurrent parameter (a diagonal matrix) elementwise to |u| ≤ c', () => {
    const u = tf.variable(tf.tensor1d([3, -2, 0.5, -0.1]));
    const clipper = new SvClipper([u]);
    clipper.clip(1);
    expect(Array.from(u.dataSync())).toEqual([1, -1, 0.5, expect.closeTo(-0.1, 6)]);
    u.dispose();
  });
});

describe('Trainer with svClip', () => {
  it('keeps every block of W_hh at σ_max ≤ c after each step (LSTM, GRU, 2 bidirectional layers)', async () => {
    for (const extra of [{}, { cellId: 'gru' }, { numLayers: 2, bidirectional: true }]) {
      const cfg = { ...base, ...extra, svClip: 1.5 };
      const tr = new Trainer(cfg);
      const names = Object.keys(tr.params).filter((n) => n.startsWith('weight_hh'));
      expect(names.length).toBe((cfg.numLayers ?? 1) * (cfg.bidirectional ? 2 : 1));
      // Without the clip these blocks start far above c (checked below), so this can fail.
      expect(Math.max(...(await blockMaxima(tr, names)))).toBeLessThanOrEqual(1.5 + 1e-4);
      for (let step = 0; step < 8; step++) {
        tr.trainStep();
        for (const s of await blockMaxima(tr, names)) expect(s).toBeLessThanOrEqual(1.5 * 1.005);
      }
      tr.dispose();
    }
    const free = new Trainer(base);
    const maxima = await blockMaxima(free, ['weight_hh_l0']);
    expect(Math.min(...maxima)).toBeGreaterThan(3);
    free.dispose();
  });

  it('is a no-op when off (0 or absent) and changes training when on', async () => {
    const run = async (cfg: TrainerConfig) => {
      const tr = new Trainer(cfg);
      tr.train(4);
      const w = await tr.params.weight_hh_l0.data();
      tr.dispose();
      return Array.from(w);
    };
    const absent = await run(base);
    expect(await run({ ...base, svClip: 0 })).toEqual(absent);
    expect(await run({ ...base, svClip: 2 })).not.toEqual(absent);
  });

  it('is live: turning it on clips at once, turning it off stops clipping, no rebuild needed', async () => {
    expect(Trainer.needsRebuild(base, { ...base, svClip: 1 })).toBe(false);
    const tr = new Trainer(base);
    tr.train(2);
    expect(Math.max(...(await blockMaxima(tr, ['weight_hh_l0'])))).toBeGreaterThan(3);
    tr.setLive({ svClip: 1 });
    expect(Math.max(...(await blockMaxima(tr, ['weight_hh_l0'])))).toBeLessThanOrEqual(1 + 1e-4);
    tr.trainStep();
    expect(Math.max(...(await blockMaxima(tr, ['weight_hh_l0'])))).toBeLessThanOrEqual(1.005);
    tr.setLive({ svClip: 0 });
    tr.setLive({ learningRate: 0.5 });
    tr.train(3);
    expect(Math.max(...(await blockMaxima(tr, ['weight_hh_l0'])))).toBeGreaterThan(1.01);
    tr.dispose();
  });

  it('in Kanai et al.’s scope clips only the candidate’s block (GRU W_hn, LSTM W_hg), live, in-graph and exact', async () => {
    for (const [cellId, candidate] of [['gru', 2], ['lstm', 2]] as const) {
      const cfg: TrainerConfig = { ...base, cellId, svClip: 1.5, svClipScope: 'candidate' };
      const tr = new Trainer(cfg);
      const blocks = async () => blockMaxima(tr, ['weight_hh_l0']);
      const start = await blocks();
      expect(start[candidate]).toBeLessThanOrEqual(1.5 + 1e-4);
      // The other blocks were left as initialised, far above c (recurrentScale 6).
      start.forEach((s, b) => b !== candidate && expect(s, `${cellId} block ${b}`).toBeGreaterThan(3));
      for (let step = 0; step < 4; step++) {
        tr.trainStep();
        expect((await blocks())[candidate]).toBeLessThanOrEqual(1.5 * 1.005);
      }
      expect(Math.max(...(await blocks()))).toBeGreaterThan(3);
      // Switching the scope to every block is live: all blocks come down at once.
      tr.setLive({ svClipScope: 'all' });
      expect(Math.max(...(await blocks()))).toBeLessThanOrEqual(1.5 + 1e-4);
      tr.dispose();
    }
    expect(Trainer.needsRebuild(base, { ...base, svClipScope: 'candidate' })).toBe(false);
  });

  it('in the candidate scope clips a gateless cell’s whole W_hh and skips a matrix with no candidate block', () => {
    const rnn = new Trainer({ ...base, cellId: 'rnn', svClip: 1.5, svClipScope: 'candidate' });
    const l = blockLayout(rnn.params.weight_hh_l0 as tf.Variable);
    expect(singularValues(blocksOf(rnn.params.weight_hh_l0.dataSync(), l)[0], l.m, l.n)[0]).toBeLessThanOrEqual(1.5 + 1e-4);
    rnn.dispose();
    // The Dilated GRU keeps r, z (weight_hh) apart from the candidate's weight_hn.
    const dil = new Trainer({ ...base, cellId: 'dilated', cellOptions: { cell: 'gru', base: 2 }, svClip: 1.5, svClipScope: 'candidate' });
    const top = (name: string) => {
      const v = dil.params[name] as tf.Variable;
      const lv = blockLayout(v);
      return Math.max(...blocksOf(v.dataSync(), lv).map((b) => singularValues(b, lv.m, lv.n)[0]));
    };
    expect(top('weight_hn_l0')).toBeLessThanOrEqual(1.5 + 1e-4);
    expect(top('weight_hh_l0')).toBeGreaterThan(3);
    dil.dispose();
  });

  it.each(['all', 'candidate'] as const)('keeps tf.memory().numTensors flat with the clip on (scope %s)', async (scope) => {
    const before = tf.memory().numTensors;
    const tr = new Trainer({ ...base, svClip: 1.5, svClipScope: scope });
    tr.train(3);
    await tr.snapshot(1);
    const after3 = tf.memory().numTensors;
    tr.train(30);
    await tr.snapshot(1);
    expect(tf.memory().numTensors).toBe(after3);
    tr.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
