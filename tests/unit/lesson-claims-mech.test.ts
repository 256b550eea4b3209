// "Three ways to remember", the numbers its steps state, on each step's own run (seed 1).
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { Trainer } from '../../src/engine/trainer';
import { getLesson } from '../../src/lessons/registry';
import { checkLive, liveExampleState, type LiveQuestion } from '../../src/lessons/questions';
import { mean, stepConfig, train, trainCached } from './lesson-claims-helpers';

const L = 'three-mechanisms';

beforeAll(async () => {
  await useNodeBackend();
});

describe('lesson "Three ways to remember"', () => {
  it('problem: the tanh RNN on the 30-step adding problem falls by ×0.45–0.65 per step', async () => {
    const cfg = stepConfig(L, 'problem');
    expect([cfg.taskId, cfg.seqLen]).toEqual(['adding', 30]);
    const { initial } = await train(cfg, 1);
    expect(initial.perStep).toBeGreaterThan(0.45);
    expect(initial.perStep).toBeLessThan(0.65);
  });

  it('gates: the GRU falls ×0.5–0.7 per step at init, and is nearly flat (≥ 0.9) after 150 steps, the loss below the baseline', async () => {
    const r = await train(stepConfig(L, 'gates'), 150);
    expect(r.initial.perStep).toBeGreaterThan(0.5);
    expect(r.initial.perStep).toBeLessThan(0.7);
    expect(r.final.perStep).toBeGreaterThan(0.9);
    // The adding problem's baseline (predicting the mean) is 1/6 ≈ 0.167.
    expect(mean(r.losses.slice(-25))).toBeLessThan(0.15);
  }, 120_000);

  it('scales: the Clockwork RNN on copy (T = 20) learns: after 150 steps loss < 0.8·ln 8 and about 40% right (chance 12.5%), its profile gentler than the tanh RNN’s', async () => {
    const cfg = stepConfig(L, 'scales');
    expect([cfg.cellId, cfg.taskId, cfg.seqLen]).toEqual(['clockwork', 'copy', 20]);
    const r = await trainCached(cfg, 150);
    expect(mean(r.losses.slice(-25))).toBeLessThan(0.8 * Math.log(8));
    const acc = mean(r.accuracies.slice(-25));
    expect(acc).toBeGreaterThan(0.33); // "about 40%"
    expect(acc).toBeLessThan(0.5);
    // "the profile falls more gently than the plain RNN's", on the same task.
    const rnn = await train({ ...cfg, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' } }, 1);
    expect(r.initial.perStep).toBeGreaterThan(rnn.initial.perStep + 0.1);
  }, 120_000);

  it('init and compare: at the start RNN ×0.45–0.65, GRU ×0.5–0.7, Clockwork ×0.8–0.92, uRNN flat (×0.98–1.02)', async () => {
    const urnn = await train(stepConfig(L, 'init'), 1);
    expect(urnn.initial.perStep).toBeGreaterThan(0.98);
    expect(urnn.initial.perStep).toBeLessThan(1.02);
    const cmp = stepConfig(L, 'compare');
    const at = async (cellId: string) => (await train({ ...cmp, cellId, cellOptions: {} }, 1)).initial.perStep;
    const rnn = await at('rnn');
    expect(rnn).toBeGreaterThan(0.45);
    expect(rnn).toBeLessThan(0.65);
    const gru = await at('gru');
    expect(gru).toBeGreaterThan(0.5);
    expect(gru).toBeLessThan(0.7);
    const cw = await at('clockwork');
    expect(cw).toBeGreaterThan(0.8);
    expect(cw).toBeLessThan(0.92);
    const u = await at('urnn');
    expect(u).toBeGreaterThan(0.98);
    expect(u).toBeLessThan(1.02);
  }, 60_000);

  it('compare: on the Compare page’s shared settings the GRU’s profile rises towards flat (> 0.8 after 150 steps), the plain RNN’s stays steep (< 0.75)', async () => {
    const cmp = stepConfig(L, 'compare');
    const gru = await train({ ...cmp, cellId: 'gru', cellOptions: {} }, 150);
    expect(gru.final.perStep).toBeGreaterThan(0.8);
    const rnn = await train(cmp, 150);
    expect(rnn.final.perStep).toBeLessThan(0.75);
  }, 120_000);

  it('init: the spectrum widget shows the built W as 128 × 128, all 128 eigenvalues on the unit circle, before and after Play', async () => {
    const cfg = stepConfig(L, 'init');
    expect([cfg.cellId, cfg.hiddenSize]).toEqual(['urnn', 64]);
    const tr = new Trainer(cfg);
    try {
      const light = { instruments: { jacobians: null, light: true } } as const;
      const before = (await tr.snapshot(1, light)).telemetry.instruments!.spectra.blocks[0];
      tr.train(10);
      const after = (await tr.snapshot(1, light)).telemetry.instruments!.spectra.blocks[0];
      for (const b of [before, after]) {
        expect(b.eigenvalues).toHaveLength(128);
        for (const [re, im] of b.eigenvalues!) expect(Math.abs(Math.hypot(re, im) - 1)).toBeLessThan(1e-4);
      }
      // "Play moves them": the spectrum after 10 steps is not the one before.
      const re = (e: [number, number][]) => e.map(([x]) => x).sort((x, y) => x - y);
      const [r0, r1] = [re(before.eigenvalues!), re(after.eigenvalues!)];
      const moved = Math.max(...r0.map((x, i) => Math.abs(x - r1[i])));
      expect(moved).toBeGreaterThan(1e-4);
    } finally {
      tr.dispose();
    }
  });

  it('question "clock": period base 1 falls ≈ ×0.39 and fails; base 2 (the scales step’s run) passes at the start and after 150 steps', async () => {
    const q = getLesson(L).questions!.find((x) => x.id === 'clock') as LiveQuestion;
    const cfg = stepConfig(L, 'scales');
    const state = (periodBase: number, gradNorms: number[]) =>
      liveExampleState(q, cfg, { config: { cellOptions: { periodBase } }, telemetry: { gradNorms: Float32Array.from(gradNorms) } });
    const one = await train({ ...cfg, ...q.preset, cellOptions: { modules: 4, periodBase: 1 } } as typeof cfg, 1);
    expect(one.initial.perStep).toBeGreaterThan(0.3);
    expect(one.initial.perStep).toBeLessThan(0.5);
    expect(checkLive(q, state(1, one.initial.norms)).pass).toBe(false);
    const two = await trainCached(cfg, 150);
    expect(checkLive(q, state(2, two.initial.norms)).pass).toBe(true);
    expect(checkLive(q, state(2, two.final.norms)).pass).toBe(true);
    expect(checkLive(q, liveExampleState(q, cfg, null)).pass).toBe(false);
  });

  it('the lesson ends with check questions (a right answer each) and cites its papers; the Compare step the e2e walk opens is unchanged', () => {
    const lesson = getLesson(L);
    expect(lesson.questions!.length).toBeGreaterThanOrEqual(2);
    for (const q of lesson.questions!) if (q.kind === 'choice') expect(q.choices).toContain(q.answer);
    expect(lesson.papers!.length).toBeGreaterThanOrEqual(2);
    const last = lesson.steps[lesson.steps.length - 1];
    expect(last.compare).toEqual(['rnn', 'gru', 'clockwork', 'urnn']);
    expect(stepConfig(L, last.id).taskId).toBe('adding');
  });
});
