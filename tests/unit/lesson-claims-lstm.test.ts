// "LSTM step by step", the numbers its steps state, on the lesson's run (copy, T = 20, LSTM with
// forget-gate bias 1, seed 1), read from the loss and from the page's probe (the gate traces on
// the task's fixed example), and on the two sliders the last step offers.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
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

beforeAll(async () => {
  await useNodeBackend();
});

describe('lesson "LSTM step by step"', () => {
  it('watch offers the sliders its text names: the forget-gate bias and the sequence length', () => {
    const watch = getLesson(L).steps.find((s) => s.id === 'watch')!;
    expect(watch.controls).toEqual(['opt.forgetBias', 'seqLen']);
  });

  it('forget, input, watch: over 300 steps the loss falls smoothly from ln 8 (≈1.5 at 150, ≈1.15 at 300, ~40% right); f_t starts ≈0.73 and about half the units end above 0.9 through the gap; i_t’s gap mean falls from ½ to ≈0.35; o_t ≈0.47 on the symbols, ≈0.72 after', async () => {
    const cfg = stepConfig(L, 'watch');
    expect([cfg.taskId, cfg.seqLen, cfg.cellOptions.forgetBias]).toEqual(['copy', 20, 1]);
    for (const s of getLesson(L).steps) expect(stepConfig(L, s.id)).toEqual(cfg);
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
    const p = r.probe!;
    const o = p.traces[0].series.o;
    const oMean = (ts: number[]) => mean(ts.flatMap((t) => Array.from(o.data.subarray(t * o.width, (t + 1) * o.width))));
    const symbols = [0, 1, 2];
    const rest = [...Array(p.T).keys()].slice(3);
    expect(Math.abs(oMean(symbols) - 0.47)).toBeLessThan(0.07);
    expect(Math.abs(oMean(rest) - 0.72)).toBeLessThan(0.07);
  }, 180_000);

  it('watch: with forget-gate bias 0 (f starts at ½), or at T = 40, the loss stays at ln 8 (±0.05) for 150 steps', async () => {
    // "the gates start at ½": with bias 0 the forget gate's mean over the gap is about 0.5.
    expect(Math.abs(overGap(await train(stepConfig(L, 'watch', { cellOptions: { forgetBias: 0 } }), 1), 'f').mean - 0.5)).toBeLessThan(0.05);
    for (const moved of [{ cellOptions: { forgetBias: 0 } }, { seqLen: 40 }]) {
      const r = await train(stepConfig(L, 'watch', moved), 150);
      for (const w of windows(r.losses, 25)) expect(Math.abs(w - CHANCE)).toBeLessThan(0.05);
    }
  }, 180_000);
});
