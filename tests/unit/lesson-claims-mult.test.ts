// "Multiplicative and higher-order interactions", the numbers its steps state, on each step's own
// run (lessonStepConfig: defaults + step preset, seed 1) and the option values the text names. The
// profile is the chart's ‖∂L/∂h_t‖ of the first training batch, the loss the mean of the last 20
// steps, parameter counts the trainer's own.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { getLesson } from '../../src/lessons/registry';
import { hotParamCount } from '../../src/lessons/multiplicative';
import { checkLive, liveExampleState } from '../../src/lessons/questions';
import { mean, stepConfig, train } from './lesson-claims-helpers';

const L = 'multiplicative';

beforeAll(async () => {
  await useNodeBackend();
});

const ratio = (n: number[]) => n[0] / n[n.length - 1];
function paramsOf(cfg: TrainerConfig): number {
  const tr = new Trainer(cfg);
  try {
    return tr.paramCount;
  } finally {
    tr.dispose();
  }
}

describe('lesson "Multiplicative and higher-order interactions"', () => {
  it('mi: MI-RNN at β = 0.5 falls ×0.2–0.33 per step (first bar ~10⁻⁵); β = 1 ×0.45–0.6 like the tanh RNN; β = 2 flat; α changes little', async () => {
    const cfg = stepConfig(L, 'mi');
    expect([cfg.cellId, cfg.seqLen, cfg.cellOptions.alphaInit, cfg.cellOptions.betaInit]).toEqual(['mi-rnn', 10, 1, 0.5]);
    const at = async (alphaInit: number, betaInit: number) => (await train(stepConfig(L, 'mi', { cellOptions: { alphaInit, betaInit } }), 1)).initial;
    const half = await at(1, 0.5);
    const one = await at(1, 1);
    const two = await at(1, 2);
    const a0 = await at(0, 0.5);
    const a2 = await at(2, 0.5);
    const rnn = (await train(stepConfig(L, 'mi', { cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' } }), 1)).initial;
    expect(half.perStep).toBeGreaterThan(0.2);
    expect(half.perStep).toBeLessThan(0.33);
    expect(ratio(half.norms)).toBeGreaterThan(1e-6);
    expect(ratio(half.norms)).toBeLessThan(1e-4);
    expect(one.perStep).toBeGreaterThan(0.45);
    expect(one.perStep).toBeLessThan(0.6);
    expect(Math.abs(one.perStep - rnn.perStep)).toBeLessThan(0.05);
    expect(two.perStep).toBeGreaterThan(0.97);
    expect(two.perStep).toBeLessThan(1.01);
    expect(Math.abs(a0.perStep - half.perStep)).toBeLessThan(0.02);
    expect(Math.abs(a2.perStep - half.perStep)).toBeLessThan(0.02);
  });

  it('gated: MI-GRU on the 20-step adding problem gets below 0.01 within 150 steps; its profile from ×0.45–0.6 to ~0.99 per step', async () => {
    const cfg = stepConfig(L, 'gated');
    expect([cfg.cellId, cfg.seqLen]).toEqual(['mi-gru', 20]);
    const r = await train(cfg, 150);
    expect(r.diverged).toBeUndefined();
    expect(mean(r.losses.slice(-20))).toBeLessThan(0.01);
    expect(r.initial.perStep).toBeGreaterThan(0.45);
    expect(r.initial.perStep).toBeLessThan(0.6);
    expect(r.final.perStep).toBeGreaterThan(0.97);
    expect(r.final.perStep).toBeLessThan(1.01);
  }, 120_000);

  it('tensor (and the live question): 4,499 parameters at L = P = r = 2 (H = 16), 2,354 at r = 1, 4,631 at P = 3; the full tensor 69,696; loss < 0.02 within 150 steps', async () => {
    const cfg = stepConfig(L, 'tensor');
    expect([cfg.cellId, cfg.hiddenSize, cfg.seqLen]).toEqual(['hotrnn', 16, 10]);
    const count = (o: Record<string, number>) => paramsOf(stepConfig(L, 'tensor', { cellOptions: { lags: 2, order: 2, rank: 2, ...o } }));
    expect(count({})).toBe(4499);
    expect(count({ rank: 1 })).toBe(2354);
    expect(count({ order: 3 })).toBe(4631);
    // The live question's formula is the trainer's count, for every value of the sliders.
    for (const lags of [1, 2, 4]) for (const order of [1, 2, 3]) for (const rank of [1, 2, 3, 8]) {
      expect(hotParamCount(16, lags, order, rank)).toBe(count({ lags, order, rank }));
    }
    expect((16 * 2 + 1) ** 2 * 4 * 16).toBe(69696);
    expect((16 * 2 + 1) ** 3 * 4 * 16).toBeGreaterThan(2e6);
    const q = getLesson(L).questions!.find((x) => x.id === 'rank')!;
    if (q.kind !== 'live') throw new Error('rank is a live question');
    const passes = (rank: number) => checkLive(q, liveExampleState(q, cfg, { config: { cellOptions: { lags: 2, order: 2, rank } } })).pass;
    expect([1, 2, 3, 8].map(passes)).toEqual([true, false, false, false]);
    const r = await train(cfg, 150);
    expect(mean(r.losses.slice(-20))).toBeLessThan(0.02);
  }, 120_000);

  it('ftru: copy T = 12; the degree p starts at 1.00 and rises to 1.2–1.4 in 150 steps; loss < 0.4·ln 8, about three quarters right', async () => {
    const cfg = stepConfig(L, 'ftru');
    expect([cfg.cellId, cfg.taskId, cfg.seqLen]).toEqual(['ftru', 'copy', 12]);
    const tr = new Trainer(cfg);
    try {
      tr.train(1);
      const first = await tr.snapshot(1);
      tr.train(149);
      const last = await tr.snapshot(1);
      const pts = last.telemetry.points;
      expect(first.telemetry.probe.means.p).toBeCloseTo(1, 1);
      expect(last.telemetry.probe.means.p).toBeGreaterThan(1.2);
      expect(last.telemetry.probe.means.p).toBeLessThan(1.4);
      expect(mean(pts.slice(-20).map((p) => p.loss))).toBeLessThan(0.4 * Math.log(8));
      const acc = mean(pts.slice(-20).map((p) => p.accuracy));
      expect(acc).toBeGreaterThan(0.65);
      expect(acc).toBeLessThan(0.85);
    } finally {
      tr.dispose();
    }
  }, 120_000);

  it('qrnn: 513 parameters at k = 2, 321 at k = 1, 897 at k = 4; loss < 0.05 within 250 steps', async () => {
    const cfg = stepConfig(L, 'qrnn');
    expect([cfg.cellId, cfg.seqLen, cfg.cellOptions.window]).toEqual(['qrnn', 20, 2]);
    expect(paramsOf(cfg)).toBe(513);
    expect(paramsOf(stepConfig(L, 'qrnn', { cellOptions: { window: 1 } }))).toBe(321);
    expect(paramsOf(stepConfig(L, 'qrnn', { cellOptions: { window: 4 } }))).toBe(897);
    const r = await train(cfg, 250);
    expect(mean(r.losses.slice(-20))).toBeLessThan(0.05);
  }, 120_000);
});
