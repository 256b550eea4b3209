// "Gates as selectivity", the numbers its steps state, each on its own step's run (selective copy,
// T = 10, recall 3 of 7 symbols, seed 1): the GRU (task, write, saturate, still), the plain tanh RNN
// (plain) and the LSTM with forget-gate bias 1 (lstm). Read from the loss and accuracy and from the
// page's probe after training: the gate traces on the task's fixed example, their histograms
// (the saturation widget's numbers) and the hidden state over the distractors.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { gateHistogram } from '../../src/engine/instruments/probe';
import { saturatedShare } from '../../src/lessons/gates-selectivity';
import { getLesson } from '../../src/lessons/registry';
import type { Telemetry } from '../../src/protocol/messages';
import { mean, stepConfig, train, type RunRead } from './lesson-claims-helpers';

const L = 'gates-selectivity';
const CHANCE = Math.log(8);
const windows = (a: number[], w: number) => Array.from({ length: Math.floor(a.length / w) }, (_, i) => mean(a.slice(i * w, (i + 1) * w)));

/** Series `id` of the probe at step t (all units). */
const at = (r: RunRead, id: string, t: number): number[] => {
  const s = r.probe!.traces[0].series[id];
  return Array.from(s.data.subarray(t * s.width, (t + 1) * s.width));
};
const norm = (a: number[]) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));
/** ‖a − b‖ / ‖b‖: how far the state moved from b, relative to its size. */
const moved = (b: number[], a: number[]) => norm(a.map((v, i) => v - b[i])) / norm(b);
const cosine = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0) / (norm(a) * norm(b));
const hist = (r: RunRead, id: string) => gateHistogram(id, r.probe!.traces[0].series[id].data, 'unit');
/** The probe's distractors: t = 3 … 6 (the first three symbols are kept, the last three steps are blank). */
const DISTRACTORS = [3, 4, 5, 6];

let gru0: RunRead;
let gru: RunRead;

beforeAll(async () => {
  await useNodeBackend();
});

describe('lesson "Gates as selectivity"', () => {
  it('runs the selective-copy task `abcdefg___` → `_______abc` (T = 10, recall 3) in every step; the GRU steps share one run', () => {
    const cfg = stepConfig(L, 'task');
    expect([cfg.taskId, cfg.seqLen, cfg.taskOptions?.recall, cfg.taskOptions?.alphabet, cfg.cellId]).toEqual(['select', 10, 3, 8, 'gru']);
    for (const id of ['write', 'saturate', 'still']) expect(stepConfig(L, id)).toEqual(cfg);
    expect(stepConfig(L, 'plain').cellId).toBe('rnn');
    expect(stepConfig(L, 'lstm').cellId).toBe('lstm');
    for (const id of ['plain', 'lstm']) expect({ ...stepConfig(L, id), cellId: 'gru', cellOptions: {} }).toEqual(cfg);
    expect(getLesson(L).questions!.length).toBeGreaterThanOrEqual(2);
  });

  it('task, write, saturate, still: the GRU learns it (≈2.0 over the first 50 steps, ≈0.31 over 350–400, ≈90% right, the probe’s recall right); z ≈ ½ at first, then low on the symbols to keep (≈0.46, 0.22, 0.33) and ≈0.84 on the distractors', async () => {
    gru0 = await train(stepConfig(L, 'task'), 1);
    gru = await train(stepConfig(L, 'task'), 400);
    expect(Math.abs(gru.losses[0] - CHANCE)).toBeLessThan(0.1);
    const w = windows(gru.losses, 50);
    expect(Math.abs(w[0] - 2.0)).toBeLessThan(0.06);
    expect(Math.abs(w[7] - 0.31)).toBeLessThan(0.06);
    expect(Math.abs(mean(gru.accuracies.slice(-50)) - 0.9)).toBeLessThan(0.04);
    const p = gru.probe!;
    expect(p.inputLabels.slice(7)).toEqual(['_', '_', '_']);
    expect(p.predictedLabels.slice(7)).toEqual(p.targetLabels.slice(7));
    expect(p.targetLabels.slice(7)).toEqual(p.inputLabels.slice(0, 3));

    for (let t = 0; t < 10; t++) expect(Math.abs(mean(at(gru0, 'z', t)) - 0.5)).toBeLessThan(0.03);
    const z = (t: number) => mean(at(gru, 'z', t));
    [0.46, 0.22, 0.33].forEach((v, t) => expect(Math.abs(z(t) - v)).toBeLessThan(0.05));
    for (const t of DISTRACTORS) expect(Math.abs(z(t) - 0.84)).toBeLessThan(0.04);
  }, 180_000);

  it('saturate: before training no value of z or r lies outside 0.1–0.9; after 400 steps ≈17% of z below 0.1, ≈36% above 0.9, ≈45% of r above 0.9 (so the live question’s 40% is reached)', () => {
    for (const id of ['z', 'r']) {
      expect(hist(gru0, id).below).toBe(0);
      expect(hist(gru0, id).above).toBe(0);
    }
    expect(Math.abs(hist(gru, 'z').below - 0.17)).toBeLessThan(0.03);
    expect(Math.abs(hist(gru, 'z').above - 0.36)).toBeLessThan(0.03);
    expect(Math.abs(hist(gru, 'r').above - 0.45)).toBeLessThan(0.03);
    expect(saturatedShare(gru.probe, 'z')).toBeGreaterThan(0.4);
    expect(saturatedShare(gru0.probe, 'z')).toBe(0);
  });

  it('still: the first distractor moves h by ≈36% of its size, the next three by ≈12%, 7%, 6%; cos(h after the 3rd symbol, h after the last distractor) ≈0.86; untrained, a quarter to a half per step', () => {
    const step = (r: RunRead) => DISTRACTORS.map((t) => moved(at(r, 'h', t - 1), at(r, 'h', t)));
    const trained = step(gru);
    [0.36, 0.12, 0.07, 0.06].forEach((v, k) => expect(Math.abs(trained[k] - v)).toBeLessThan(0.03));
    expect(Math.abs(cosine(at(gru, 'h', 2), at(gru, 'h', 6)) - 0.86)).toBeLessThan(0.03);
    for (const v of step(gru0)) {
      expect(v).toBeGreaterThan(0.2);
      expect(v).toBeLessThan(0.56);
    }
  });

  it('plain: the tanh RNN learns sooner (≈0.95 over steps 100–150 where the GRU is ≈1.47; ≈85% right over 350–400) but rewrites its state by 1.0–1.6× its size at every distractor, cosine ≈ −0.2', async () => {
    const r = await train(stepConfig(L, 'plain'), 400);
    const w = windows(r.losses, 50);
    expect(Math.abs(w[2] - 0.95)).toBeLessThan(0.06);
    expect(Math.abs(windows(gru.losses, 50)[2] - 1.47)).toBeLessThan(0.06);
    expect(Math.abs(mean(r.accuracies.slice(-50)) - 0.85)).toBeLessThan(0.04);
    for (const t of DISTRACTORS) {
      const v = moved(at(r, 'h', t - 1), at(r, 'h', t));
      expect(v).toBeGreaterThan(0.95);
      expect(v).toBeLessThan(1.7);
    }
    expect(Math.abs(cosine(at(r, 'h', 2), at(r, 'h', 6)) + 0.2)).toBeLessThan(0.05);
  }, 120_000);

  it('lstm: f starts ≈0.72 with none above 0.9, ends ≈80% above 0.9; i only ≈10% outside 0.1–0.9, lower on the distractors than on the symbols to keep; ≈75% right over 350–400', async () => {
    const cfg = stepConfig(L, 'lstm');
    expect(cfg.cellOptions.forgetBias).toBe(1);
    const r0 = await train(cfg, 1);
    expect(Math.abs(mean(Array.from(r0.probe!.traces[0].series.f.data)) - 0.72)).toBeLessThan(0.03);
    expect(hist(r0, 'f').above).toBe(0);
    const r = await train(cfg, 400);
    expect(Math.abs(hist(r, 'f').above - 0.8)).toBeLessThan(0.04);
    expect(Math.abs(saturatedShare(r.probe, 'i') - 0.1)).toBeLessThan(0.03);
    const i = (ts: number[]) => mean(ts.flatMap((t) => at(r, 'i', t)));
    expect(i(DISTRACTORS)).toBeLessThan(i([0, 1, 2]) - 0.1);
    expect(Math.abs(mean(r.accuracies.slice(-50)) - 0.75)).toBeLessThan(0.04);
  }, 120_000);

  it('the live question passes on a saturated update gate and not before training', () => {
    const q = getLesson(L).questions!.find((x) => x.id === 'decide')!;
    if (q.kind !== 'live') throw new Error('decide is a live question');
    const config = stepConfig(L, 'task');
    expect(q.check({ config, telemetry: null, instruments: null })).toBe(false);
    expect(q.check({ config, telemetry: { probe: gru0.probe } as Telemetry, instruments: null })).toBe(false);
    expect(q.check({ config, telemetry: { probe: gru.probe } as Telemetry, instruments: null })).toBe(true);
  });
});
