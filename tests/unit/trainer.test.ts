import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';
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
  learningRate: 0.02,
  batchSize: 16,
  recurrentScale: 0,
  clipNorm: 0,
  seed: 1,
};

const tiny: TrainerConfig = { ...base, hiddenSize: 3, batchSize: 2, seqLen: 7 };

async function losses(cfg: TrainerConfig, steps: number): Promise<number[]> {
  const tr = new Trainer(cfg);
  tr.train(steps);
  const snap = await tr.snapshot(1);
  tr.dispose();
  return snap.telemetry.points.map((p) => p.loss);
}

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

beforeAll(async () => {
  await useNodeBackend();
});

describe('Trainer', () => {
  it('lowers the loss of an LSTM on a short copy task', async () => {
    const l = await losses(base, 80);
    expect(l.length).toBe(80);
    // Chance is ln 4 ≈ 1.39 on the recall positions.
    expect(mean(l.slice(0, 5))).toBeGreaterThan(1.2);
    expect(mean(l.slice(-10))).toBeLessThan(0.8 * mean(l.slice(0, 5)));
  });

  it('repeats the loss sequence exactly for the same seed, not for another', async () => {
    const a = await losses(tiny, 12);
    expect(await losses(tiny, 12)).toEqual(a);
    expect(await losses({ ...tiny, seed: 2 }, 12)).not.toEqual(a);
  });

  it('keeps tf.memory().numTensors flat over steps and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const tr = new Trainer({ ...tiny, cellId: 'gru' });
    tr.train(100);
    const unread100 = tf.memory().numTensors;
    await tr.snapshot(1);
    const at100 = tf.memory().numTensors;
    tr.train(1900);
    expect(tf.memory().numTensors).toBe(unread100);
    await tr.snapshot(1);
    expect(tf.memory().numTensors).toBe(at100);
    await tr.inspect(tr.task.batch(createRng(3), tiny.batchSize, tr.T));
    expect(tf.memory().numTensors).toBe(at100);
    tr.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    ['one layer', {}],
    ['two bidirectional layers', { numLayers: 2, bidirectional: true }],
  ])('gives ∂L/∂h_t equal to finite differences (%s)', async (_, extra) => {
    const tr = new Trainer({ ...tiny, ...extra, seed: 5 });
    tr.train(3); // away from the symmetric init
    const batch = tr.task.batch(createRng(9), tiny.batchSize, tr.T);
    const { dLdh, loss } = await tr.inspect(batch);
    const H = 3;
    const B = tiny.batchSize;
    const size = tr.T * B * H;
    const eps = 1e-2;
    for (let d = 0; d < dLdh.length; d++) {
      let checked = 0;
      // Early steps too: their gradient only reaches the loss through the recurrence.
      for (const [t, b, j] of [[0, 0, 0], [2, 1, 2], [tr.T - 4, 0, 1], [tr.T - 1, 1, 0]]) {
        const idx = (t * B + b) * H + j;
        const at = (e: number) => {
          const p = Array.from({ length: dLdh.length }, () => new Float32Array(size));
          p[d][idx] = e;
          return tr.inspect(batch, p).then((r) => r.loss);
        };
        const fd = ((await at(eps)) - (await at(-eps))) / (2 * eps);
        // float32 central differences: about 1e-5 of rounding noise at this eps.
        expect(Math.abs(fd - dLdh[d][idx])).toBeLessThan(2e-5 + 0.01 * Math.abs(fd));
        checked += Math.abs(fd) > 1e-3 ? 1 : 0;
      }
      // Not a comparison of zeros: the backward direction only reaches the loss at the recall steps.
      expect(checked).toBeGreaterThanOrEqual(d === 0 ? 2 : 1);
    }
    // The probes were put back to zero.
    expect((await tr.inspect(batch)).loss).toBe(loss);
    tr.dispose();
  });

  it('reports divergence instead of throwing, and keeps the weights finite', async () => {
    const tr = new Trainer({
      ...base, cellId: 'rnn', cellOptions: { nonlinearity: 'relu' }, taskId: 'adding', taskOptions: {},
      seqLen: 40, recurrentScale: 30, learningRate: 10,
    });
    expect(() => tr.train(5)).not.toThrow();
    const snap = await tr.snapshot(7);
    expect(snap.diverged).toMatch(/diverged at step 1/);
    expect(snap.telemetry.points.some((p) => !Number.isFinite(p.loss))).toBe(true);
    for (const v of Object.values(tr.params)) expect((await v.data()).every(Number.isFinite)).toBe(true);
    tr.dispose();
  });

  it('clips the applied gradient to clipNorm and measures the norm before clipping', async () => {
    const tr = new Trainer({ ...tiny, clipNorm: 1e-3 });
    tr.trainStep();
    const clipped = await tr.gradNorms();
    expect(clipped.total).toBeGreaterThan(1e-2);
    expect(clipped.applied).toBeCloseTo(1e-3, 6);
    tr.setLive({ clipNorm: 0 });
    tr.trainStep();
    const free = await tr.gradNorms();
    expect(free.applied).toBeCloseTo(free.total, 5);
    tr.dispose();
  });

  it('changes the learning rate in place', async () => {
    const tr = new Trainer(tiny);
    tr.setLive({ learningRate: 0 });
    const w = await tr.params.weight_hh_l0.data();
    tr.train(2);
    expect(await tr.params.weight_hh_l0.data()).toEqual(w);
    tr.setLive({ learningRate: 0.1 });
    tr.trainStep();
    expect(await tr.params.weight_hh_l0.data()).not.toEqual(w);
    tr.dispose();
  });

  it('needs a rebuild for anything but the live fields', () => {
    expect(Trainer.needsRebuild(base, { ...base, learningRate: 1, clipNorm: 5 })).toBe(false);
    expect(Trainer.needsRebuild(base, { ...base, hiddenSize: 9 })).toBe(true);
    expect(Trainer.needsRebuild(base, { ...base, cellOptions: { forgetBias: 1 } })).toBe(true);
    expect(Trainer.needsRebuild(base, { ...base, taskOptions: { symbols: 4 } })).toBe(true);
  });

  it('snapshots probe traces for every layer and direction, with labels and means', async () => {
    const tr = new Trainer({ ...tiny, numLayers: 2, bidirectional: true });
    tr.train(2);
    const { telemetry: t } = await tr.snapshot(3);
    expect(t.runId).toBe(3);
    expect(t.step).toBe(2);
    expect(t.points.map((p) => p.step)).toEqual([1, 2]);
    expect(t.gradNorms.length).toBe(tr.T);
    expect(t.gradNormTotal).toBeGreaterThan(0);
    const { probe } = t;
    expect(probe.T).toBe(tr.T);
    expect(probe.traces.map((x) => [x.layer, x.direction])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    for (const x of probe.traces) {
      expect(Object.keys(x.series).sort()).toEqual(['c', 'f', 'g', 'h', 'i', 'o']);
      for (const s of Object.values(x.series)) expect(s.data.length).toBe(tr.T * s.width);
    }
    expect(probe.means.f).toBeGreaterThan(0);
    expect(probe.means.f).toBeLessThan(1);
    expect(probe.predictedLabels.filter((l) => l !== '').length).toBe(3);
    expect(probe.predictedLabels.every((l, i) => (l === '') === (probe.targetLabels[i] === ''))).toBe(true);
    // Nothing new since: no points, the same step.
    const again = await tr.snapshot(3);
    expect(again.telemetry.points).toEqual([]);
    tr.dispose();
  });
});
