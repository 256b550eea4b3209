// "LSTM step by step", the numbers its steps state, each on its own step's run (copy, T = 20,
// seed 1): the LSTM with forget-gate bias 1 (intro, forget, input, watch), the 1997 cell without a
// forget gate (cec), the peephole LSTM, the coupled-gate LSTM (cifg) and the LSTM with its forget
// gate shut (plain). Read from the loss, the gradient profile ‖∂L/∂h_t‖ of the first and last batch,
// and the page's probe (the gate traces on the task's fixed example).
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import { useNodeBackend } from '../../src/engine/node-backend';
import { gateHistogram } from '../../src/engine/instruments/probe';
import { getLesson } from '../../src/lessons/registry';
import { mean, stepConfig, train, type RunRead } from './lesson-claims-helpers';

const L = 'lstm-step-by-step';
const CHANCE = Math.log(8);
const windows = (a: number[], w: number) => Array.from({ length: Math.floor(a.length / w) }, (_, i) => mean(a.slice(i * w, (i + 1) * w)));

/** Per unit, gate `id` over the blank stretch of the probe (after the symbols, before the delimiter). */
function overGap(r: RunRead, id: string): { min: number[]; mean: number } {
  const p = r.probe!;
  const { width, data } = p.traces[0].series[id];
  const delim = p.inputLabels.indexOf(':');
  const gap = [...Array(delim).keys()].filter((t) => p.inputLabels[t] === '_');
  const min = Array.from({ length: width }, (_, u) => Math.min(...gap.map((t) => data[t * width + u])));
  const all = gap.flatMap((t) => Array.from(data.subarray(t * width, (t + 1) * width)));
  return { min, mean: mean(all) };
}

/** Mean of series `id` over the probe steps `ts`. */
function meanAt(r: RunRead, id: string, ts: number[]): number {
  const s = r.probe!.traces[0].series[id];
  return mean(ts.flatMap((t) => Array.from(s.data.subarray(t * s.width, (t + 1) * s.width))));
}

/** Largest |value| of series `id` at each probe step. */
function absMaxPerStep(r: RunRead, id: string): number[] {
  const p = r.probe!;
  const s = p.traces[0].series[id];
  return Array.from({ length: p.T }, (_, t) => Math.max(...Array.from(s.data.subarray(t * s.width, (t + 1) * s.width), Math.abs)));
}

/** ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ on the first batch: how much of the gradient reaches the first step. */
const reach = (r: RunRead) => r.initial.norms[0] / r.initial.norms[r.initial.norms.length - 1];

/** Weights of the cell alone (no readout) for the copy task's 10 input channels and 32 units. */
function cellWeights(cellId: string, options: Record<string, number | string> = {}): number {
  const dims = { inputSize: 10, hiddenSize: 32, seqLen: 20, layer: 0, numLayers: 1, options };
  return getCell(cellId).params(dims).reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
}

beforeAll(async () => {
  await useNodeBackend();
});

describe('lesson "LSTM step by step"', () => {
  it('has 4–8 steps; intro, forget, input and watch share one run; cec, peephole, cifg and plain train their own cell or bias on the same task and seed', () => {
    const steps = getLesson(L).steps;
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.length).toBeLessThanOrEqual(8);
    const watch = steps.find((s) => s.id === 'watch')!;
    expect(watch.controls).toEqual(['opt.forgetBias', 'seqLen']);
    const cfg = stepConfig(L, 'watch');
    for (const id of ['intro', 'forget', 'input']) expect(stepConfig(L, id)).toEqual(cfg);
    const own = { cec: 'lstm-1997', peephole: 'lstm-peephole', cifg: 'lstm-cifg', plain: 'lstm' } as const;
    for (const [id, cell] of Object.entries(own)) {
      const c = stepConfig(L, id);
      expect(c.cellId).toBe(cell);
      expect({ ...c, cellId: cfg.cellId, cellOptions: cfg.cellOptions }).toEqual(cfg);
    }
    expect(stepConfig(L, 'peephole').cellOptions.forgetBias).toBe(1);
    expect(stepConfig(L, 'plain').cellOptions.forgetBias).toBe(-3);
    expect(steps.find((s) => s.id === 'plain')!.controls).toContain('opt.forgetBias');
    expect(getLesson(L).questions!.length).toBeGreaterThanOrEqual(2);
  });

  it('forget, input, watch: over 300 steps the loss falls smoothly from ln 8 (≈1.5 at 150, ≈1.15 at 300, ~40% right; near 1.4 at 200); f_t starts ≈0.73 and about half the units end above 0.9 through the gap; i_t’s gap mean falls from ½ to ≈0.35; o_t ≈0.47 on the symbols, ≈0.72 after', async () => {
    const cfg = stepConfig(L, 'watch');
    expect([cfg.taskId, cfg.seqLen, cfg.cellOptions.forgetBias]).toEqual(['copy', 20, 1]);
    const start = await train(cfg, 1);
    const f0 = overGap(start, 'f');
    expect(Math.abs(f0.mean - 0.73)).toBeLessThan(0.05);
    expect(Math.abs(overGap(start, 'i').mean - 0.5)).toBeLessThan(0.05);

    const r = await train(cfg, 300);
    expect(Math.abs(r.losses[0] - CHANCE)).toBeLessThan(0.1);
    const w = windows(r.losses, 25);
    for (let i = 1; i < w.length; i++) expect(w[i]).toBeLessThan(w[i - 1]);
    expect(w[5]).toBeGreaterThan(1.35); // steps 125–150: "about 1.5"
    expect(w[5]).toBeLessThan(1.65);
    expect(w[7]).toBeGreaterThan(1.32); // steps 175–200: "near 1.4" (cec), "1.38" (peephole, cifg)
    expect(w[7]).toBeLessThan(1.44);
    expect(w[11]).toBeGreaterThan(1.0); // steps 275–300: "about 1.15"
    expect(w[11]).toBeLessThan(1.3);
    const acc = mean(r.accuracies.slice(-25));
    expect(acc).toBeGreaterThan(0.33);
    expect(acc).toBeLessThan(0.5);
    const f = overGap(r, 'f');
    const held = f.min.filter((v) => v > 0.9).length;
    expect(held).toBeGreaterThanOrEqual(10); // of 32: "about half"
    expect(held).toBeLessThanOrEqual(22);
    const i = overGap(r, 'i');
    expect(i.mean).toBeGreaterThan(0.28);
    expect(i.mean).toBeLessThan(0.42);
    // output: o_t ≈ 0.47 while the symbols arrive, ≈ 0.72 through the blanks and the recall.
    const rest = [...Array(r.probe!.T).keys()].slice(3);
    expect(Math.abs(meanAt(r, 'o', [0, 1, 2]) - 0.47)).toBeLessThan(0.07);
    expect(Math.abs(meanAt(r, 'o', rest) - 0.72)).toBeLessThan(0.07);
  }, 180_000);

  it('cec vs the rest, first batch: the gradient reaching step 1 is ≈1/8 of the last step’s for the 1997 cell, ≈1/100 for the LSTM, below 1e-4 for CIFG, ≈1e-13 with the forget gate shut; the 1997 cell’s is the flattest', async () => {
    const at: Record<string, number> = {};
    for (const id of ['cec', 'watch', 'peephole', 'cifg', 'plain']) at[id] = reach(await train(stepConfig(L, id), 1));
    expect(at.cec).toBeGreaterThan(0.09); // "about 1/8"
    expect(at.cec).toBeLessThan(0.17);
    expect(at.watch).toBeGreaterThan(0.005); // "about 1/100"
    expect(at.watch).toBeLessThan(0.02);
    expect(at.cifg).toBeLessThan(1e-4);
    expect(at.plain).toBeGreaterThan(1e-15); // "about 1e-13"
    expect(at.plain).toBeLessThan(1e-11);
    for (const id of ['watch', 'peephole', 'cifg', 'plain']) expect(at.cec).toBeGreaterThan(at[id]);
  }, 60_000);

  it('cec: the 1997 cell is below 1.0 by step 200; the largest |c_t| grows at every step of the example, to ≈14; its output gate is open (≈0.7) through the blanks', async () => {
    const r = await train(stepConfig(L, 'cec'), 200);
    expect(windows(r.losses, 25)[7]).toBeLessThan(1.0);
    const c = absMaxPerStep(r, 'c');
    for (let t = 1; t < c.length; t++) expect(c[t]).toBeGreaterThan(c[t - 1]);
    expect(c[c.length - 1]).toBeGreaterThan(12);
    expect(c[c.length - 1]).toBeLessThan(16);
    expect(Math.abs(overGap(r, 'o').mean - 0.7)).toBeLessThan(0.06);
  }, 120_000);

  it('peephole: by step 200 o_t climbs from ≈0.43 on the symbols to ≈0.8 at the recall while the largest |c_t| grows from ≈0.3 to near 10; loss ≈1.29', async () => {
    const r = await train(stepConfig(L, 'peephole'), 200);
    const T = r.probe!.T;
    expect(Math.abs(meanAt(r, 'o', [0, 1, 2]) - 0.43)).toBeLessThan(0.05);
    expect(Math.abs(meanAt(r, 'o', [T - 3, T - 2, T - 1]) - 0.8)).toBeLessThan(0.06);
    const c = absMaxPerStep(r, 'c');
    expect(Math.abs(c[0] - 0.3)).toBeLessThan(0.12);
    expect(c[T - 1]).toBeGreaterThan(8.5);
    expect(c[T - 1]).toBeLessThan(11);
    const w7 = windows(r.losses, 25)[7];
    expect(Math.abs(w7 - 1.29)).toBeLessThan(0.05);
  }, 120_000);

  it('cifg: 4,224 cell weights instead of 5,632; f = 1 − i starts ≈½; the loss stays at ln 8 for 75 steps, then falls to ≈1.12 by step 200', async () => {
    expect(cellWeights('lstm-cifg')).toBe(4224);
    expect(cellWeights('lstm', { forgetBias: 1 })).toBe(5632);
    const start = await train(stepConfig(L, 'cifg'), 1);
    expect(Math.abs(mean(Array.from(start.probe!.traces[0].series.f.data)) - 0.5)).toBeLessThan(0.05);
    const r = await train(stepConfig(L, 'cifg'), 200);
    const w = windows(r.losses, 25);
    for (const v of w.slice(0, 3)) expect(Math.abs(v - CHANCE)).toBeLessThan(0.02);
    expect(Math.abs(w[7] - 1.12)).toBeLessThan(0.06);
  }, 120_000);

  it('plain: with bias −3 f_t starts ≈0.05 everywhere (all of it below 0.1), i_t and o_t near 0.4, and the loss stays at ln 8 for 150 steps', async () => {
    const cfg = stepConfig(L, 'plain');
    const start = await train(cfg, 1);
    const f = start.probe!.traces[0].series.f.data;
    expect(gateHistogram('f', f, 'unit').below).toBe(1);
    expect(Math.abs(mean(Array.from(f)) - 0.05)).toBeLessThan(0.01);
    const r = await train(cfg, 150);
    expect(gateHistogram('f', r.probe!.traces[0].series.f.data, 'unit').below).toBe(1);
    for (const g of ['i', 'o']) expect(Math.abs(mean(Array.from(r.probe!.traces[0].series[g].data)) - 0.4)).toBeLessThan(0.05);
    for (const w of windows(r.losses, 25)) expect(Math.abs(w - CHANCE)).toBeLessThan(0.05);
  }, 120_000);

  it('watch: with forget-gate bias 0 (f starts at ½), or at T = 40, the loss stays at ln 8 (±0.05) for 150 steps', async () => {
    // "the gates start at ½": with bias 0 the forget gate's mean over the gap is about 0.5.
    expect(Math.abs(overGap(await train(stepConfig(L, 'watch', { cellOptions: { forgetBias: 0 } }), 1), 'f').mean - 0.5)).toBeLessThan(0.05);
    for (const moved of [{ cellOptions: { forgetBias: 0 } }, { seqLen: 40 }]) {
      const r = await train(stepConfig(L, 'watch', moved), 150);
      for (const w of windows(r.losses, 25)) expect(Math.abs(w - CHANCE)).toBeLessThan(0.05);
    }
  }, 180_000);

  it('the live question accepts a forget-gate bias of −3 and refuses 0 and the step’s own 1', () => {
    const q = getLesson(L).questions!.find((x) => x.id === 'plain')!;
    if (q.kind !== 'live') throw new Error('plain is a live question');
    const state = (forgetBias: number) => ({ config: { ...stepConfig(L, 'watch'), cellOptions: { forgetBias } }, telemetry: null, instruments: null });
    expect(q.check(state(-3))).toBe(true);
    expect(q.check(state(0))).toBe(false);
    expect(q.check(state(1))).toBe(false);
  });
});
