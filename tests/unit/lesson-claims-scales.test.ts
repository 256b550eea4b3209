// "Connections across time scales", the numbers its steps state, each on the step's own run
// (lessonStepConfig: defaults ⊕ the step's preset, seed 1) with the reader's slider moves on top.
// A run used by several claims (a step and the Compare page's slot for the same cell) is trained
// once: the Compare page runs the step's settings with each cell's default options, which the test
// checks are the very configs of the cells' own steps.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { getLesson } from '../../src/lessons/registry';
import { checkLive, liveExampleState, type LiveQuestion } from '../../src/lessons/questions';
import { defaultOptions } from '../../src/store/url';
import type { TrainerConfig } from '../../src/engine/trainer';
import { catalog, compareSlotConfig, mean, stepConfig, trainCached, type RunRead } from './lesson-claims-helpers';

const L = 'time-scales';
const LN8 = Math.log(8);

beforeAll(async () => {
  await useNodeBackend();
});

const run = (cfg: TrainerConfig, steps: number): Promise<RunRead> => trainCached(cfg, steps);
const acc = (r: RunRead, last = 20) => mean(r.accuracies.slice(-last));
const loss = (r: RunRead, last = 20) => mean(r.losses.slice(-last));

describe('lesson "Connections across time scales"', () => {
  it('every step trains on copy, T = 20, seed 1; the five cells each have a step', () => {
    const steps = getLesson(L).steps;
    for (const s of steps) {
      const cfg = stepConfig(L, s.id);
      expect([cfg.taskId, cfg.seqLen, cfg.seed]).toEqual(['copy', 20, 1]);
    }
    const cells = new Set(steps.map((s) => stepConfig(L, s.id).cellId));
    for (const id of ['clockwork', 'dilated', 'narx', 'tkrnn', 'scrnn']) expect(cells.has(id)).toBe(true);
  });

  it('problem: the tanh RNN’s profile falls ×0.5–0.65 per step; after 150 steps about a third recalled (chance 12.5%)', async () => {
    const r = await run(stepConfig(L, 'problem'), 150);
    expect(r.diverged).toBeUndefined();
    expect(r.initial.perStep).toBeGreaterThan(0.5);
    expect(r.initial.perStep).toBeLessThan(0.65);
    expect(acc(r)).toBeGreaterThan(0.26);
    expect(acc(r)).toBeLessThan(0.4);
  });

  it('clockwork: ×0.85–0.93 per step at the start, about 41% after 150 steps; period base 1: ×0.3–0.5 and at chance after 100 steps', async () => {
    const r = await run(stepConfig(L, 'clockwork'), 150);
    expect(r.initial.perStep).toBeGreaterThan(0.85);
    expect(r.initial.perStep).toBeLessThan(0.93);
    expect(acc(r)).toBeGreaterThan(0.36);
    expect(acc(r)).toBeLessThan(0.47);
    const one = await run(stepConfig(L, 'clockwork', { cellOptions: { modules: 4, periodBase: 1 } }), 100);
    expect(one.initial.perStep).toBeGreaterThan(0.3);
    expect(one.initial.perStep).toBeLessThan(0.5);
    expect(acc(one)).toBeLessThan(0.2);
    expect(loss(one)).toBeGreaterThan(0.95 * LN8);
  });

  it('dilated (tanh, 3 layers, base 2): loss below 0.6 nats within 60 steps; base 1 still above 1.7 after 60', async () => {
    const cfg = stepConfig(L, 'dilated');
    expect([cfg.numLayers, cfg.cellOptions.cell, cfg.cellOptions.base]).toEqual([3, 'tanh', 2]);
    const r = await run(cfg, 60);
    expect(r.diverged).toBeUndefined();
    expect(loss(r, 10)).toBeLessThan(0.6);
    const one = await run(stepConfig(L, 'dilated', { cellOptions: { cell: 'tanh', base: 1 } }), 60);
    expect(loss(one, 10)).toBeGreaterThan(1.7);
  }, 90_000);

  it('narx: order 3 about 87% after 150 steps; order 1 at chance after 100', async () => {
    const r = await run(stepConfig(L, 'narx'), 150);
    expect(acc(r)).toBeGreaterThan(0.8);
    expect(acc(r)).toBeLessThan(0.93);
    const one = await run(stepConfig(L, 'narx', { cellOptions: { feedback: 'output', order: 1, outputs: 8 } }), 100);
    expect(acc(one)).toBeLessThan(0.2);
    expect(loss(one)).toBeGreaterThan(0.95 * LN8);
  });

  it('tkrnn: λ^h starts evenly over [0.2, 0.9]; the profile ×0.94–1.0 per step at the start; about 44% after 150 steps', async () => {
    const r = await run(stepConfig(L, 'tkrnn'), 150);
    expect(r.initial.perStep).toBeGreaterThan(0.94);
    expect(r.initial.perStep).toBeLessThan(1.0);
    expect(acc(r)).toBeGreaterThan(0.38);
    expect(acc(r)).toBeLessThan(0.5);
    expect(acc(r)).toBeGreaterThan(acc(await run(stepConfig(L, 'problem'), 150)) + 0.05);
    // The λ row of the untrained model (the step's heatmap before Play): one rate per unit in [0.2, 0.9].
    const fresh = await run(stepConfig(L, 'tkrnn', { learningRate: 0 }), 1);
    const lam = fresh.probe.traces[0].series.lam.data;
    expect(Math.min(...lam)).toBeGreaterThan(0.19);
    expect(Math.max(...lam)).toBeLessThan(0.91);
    expect(Math.max(...lam) - Math.min(...lam)).toBeGreaterThan(0.6);
  });

  it('scrnn: α = 0.95 about 41% after 150 steps; α = 0 at chance after 100', async () => {
    const cfg = stepConfig(L, 'scrnn');
    expect(cfg.cellOptions.alpha).toBe(0.95);
    const r = await run(cfg, 150);
    expect(acc(r)).toBeGreaterThan(0.35);
    expect(acc(r)).toBeLessThan(0.48);
    // The probe heatmaps after 150 steps: mean |s_t| peaks on the symbols, then fades ≈ 5% per step
    // through the blanks and is about half its peak at the last step; h_t settles between changes of input.
    const T = r.probe.T;
    const meanAbs = (id: string) => {
      const { width: k, data } = r.probe.traces[0].series[id];
      return Array.from({ length: T }, (_, t) => mean(Array.from(data.subarray(t * k, (t + 1) * k), Math.abs)));
    };
    const meanStep = (id: string) => {
      const { width: k, data } = r.probe.traces[0].series[id];
      return Array.from({ length: T }, (_, t) => (t === 0 ? NaN : mean(Array.from({ length: k }, (_, j) => Math.abs(data[t * k + j] - data[(t - 1) * k + j])))));
    };
    const s = meanAbs('s');
    const peak = Math.max(...s.slice(0, 4));
    expect(s[T - 1] / peak).toBeGreaterThan(0.4);
    expect(s[T - 1] / peak).toBeLessThan(0.6);
    const fade = Math.pow(s[15] / s[4], 1 / 11);
    expect(fade).toBeGreaterThan(0.93);
    expect(fade).toBeLessThan(0.97);
    const h = meanAbs('h');
    const dh = meanStep('h');
    for (let t = 7; t <= 15; t++) expect(dh[t] / h[t]).toBeLessThan(0.02);
    expect(dh[2] / h[2]).toBeGreaterThan(0.1);
    const zero = await run(stepConfig(L, 'scrnn', { cellOptions: { contextSize: 8, alpha: 0 } }), 100);
    expect(acc(zero)).toBeLessThan(0.2);
  });

  it('compare: the slots are the steps’ runs; profiles 0.57 / 0.64 / 0.89 / 0.97 at the start; after 150 steps NARX ≈ 87% > TKRNN, Clockwork (> 40%) > RNN (≈ a third)', async () => {
    const cmp = stepConfig(L, 'compare');
    const ids = getLesson(L).steps.find((s) => s.id === 'compare')!.compare!;
    expect(ids).toEqual(['rnn', 'clockwork', 'narx', 'tkrnn']);
    const stepOfCell: Record<string, string> = { rnn: 'problem', clockwork: 'clockwork', narx: 'narx', tkrnn: 'tkrnn' };
    const runs: Record<string, RunRead> = {};
    for (const id of ids) {
      const slot = compareSlotConfig(cmp, id);
      expect(slot).toEqual(stepConfig(L, stepOfCell[id]));
      runs[id] = await run(slot, 150);
    }
    const p = (id: string) => runs[id].initial.perStep;
    expect(p('rnn')).toBeLessThan(0.62);
    expect(p('narx')).toBeGreaterThan(0.6);
    expect(p('narx')).toBeLessThan(0.69);
    expect(p('clockwork')).toBeGreaterThan(0.85);
    expect(p('tkrnn')).toBeGreaterThan(0.94);
    expect(acc(runs.narx)).toBeGreaterThan(0.8);
    expect(acc(runs.tkrnn)).toBeGreaterThan(0.4);
    expect(acc(runs.clockwork)).toBeGreaterThan(0.4);
    expect(acc(runs.narx)).toBeGreaterThan(Math.max(acc(runs.tkrnn), acc(runs.clockwork)) + 0.2);
    expect(Math.min(acc(runs.tkrnn), acc(runs.clockwork))).toBeGreaterThan(acc(runs.rnn) + 0.05);
  });

  it('question "order": order 3 passes within 150 steps, order 1 never does, on what the page’s telemetry carries', async () => {
    const q = getLesson(L).questions!.find((x) => x.id === 'order') as LiveQuestion;
    const base = { ...stepConfig(L, 'narx') };
    const three = await run(stepConfig(L, 'narx'), 150);
    const one = await run(stepConfig(L, 'narx', { cellOptions: { feedback: 'output', order: 1, outputs: 8 } }), 100);
    const tele = (r: RunRead) => ({ step: r.losses.length, points: r.losses.slice(-5).map((l, i) => ({ step: i, loss: l, accuracy: r.accuracies.slice(-5)[i] })) });
    expect(checkLive(q, liveExampleState(q, base, { config: { cellOptions: { order: 3 } }, telemetry: tele(three) })).pass).toBe(true);
    expect(checkLive(q, liveExampleState(q, base, { config: { cellOptions: { order: 1 } }, telemetry: tele(one) })).pass).toBe(false);
    expect(checkLive(q, liveExampleState(q, base, null)).pass).toBe(false);
    // A telemetry without new points (pause, step): the probe example's recall decides.
    expect(checkLive(q, liveExampleState(q, base, { config: { cellOptions: { order: 3 } }, telemetry: { step: 150, points: [], probe: three.probe } })).pass).toBe(true);
    expect(checkLive(q, liveExampleState(q, base, { config: { cellOptions: { order: 1 } }, telemetry: { step: 100, points: [], probe: one.probe } })).pass).toBe(false);
    expect(defaultOptions(catalog.cells.find((c) => c.id === 'narx')!.options).order).toBe(3);
  });
});
