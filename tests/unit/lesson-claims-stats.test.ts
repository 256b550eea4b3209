// "Multi-scale statistics", the numbers its steps state, on each step's own run (lessonStepConfig:
// defaults + step preset, seed 1) and the option values the text names. The profile is the
// chart's ‖∂L/∂μ_t‖ (the state the SRU and FRU carry) of the first training batch, the loss the
// mean of the last 20 steps.
import { beforeAll, describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { useNodeBackend } from '../../src/engine/node-backend';
import { getTaskSpec } from '../../src/engine/tasks/registry';
import type { TrainerConfig } from '../../src/engine/trainer';
import { getLesson } from '../../src/lessons/registry';
import { checkLive, liveExampleState } from '../../src/lessons/questions';
import { defaultOptions } from '../../src/store/url';
import { mean, stepConfig, train } from './lesson-claims-helpers';

const L = 'multiscale-statistics';

beforeAll(async () => {
  await useNodeBackend();
});

const ratio = (n: number[]) => n[0] / n[n.length - 1];
const compareSlot = (cfg: TrainerConfig, cellId: string): TrainerConfig =>
  cellId === cfg.cellId ? cfg : { ...cfg, cellId, cellOptions: defaultOptions(cellList.find((c) => c.id === cellId)!.options) };

describe('lesson "Multi-scale statistics"', () => {
  it('averages: the SRU on the 10-step adding problem starts near 1.2 and gets below 0.01 (baseline 1/6) within 250 steps; the heatmap’s α = 0.99 rows move ≥ 10× less than the α = 0 rows', async () => {
    const cfg = stepConfig(L, 'averages');
    expect([cfg.cellId, cfg.taskId, cfg.seqLen, cfg.cellOptions.alphas]).toEqual(['sru', 'adding', 10, '0, 0.25, 0.5, 0.9, 0.99']);
    expect(getTaskSpec('adding').baseline({}, 10)).toBeCloseTo(1 / 6, 3);
    const r = await train(cfg, 250);
    expect(r.diverged).toBeUndefined();
    const end = mean(r.losses.slice(-20));
    expect(r.losses[0]).toBeGreaterThan(1.1);
    expect(r.losses[0]).toBeLessThan(1.3);
    expect(end).toBeLessThan(0.01);
    // The heatmap: the α = 0 rows (the first S = 8 of μ, scale-major) move with every input, the
    // α = 0.99 rows (the last 8) barely: mean |μ_t − μ_{t−1}| at least 10× smaller.
    const mu = r.probe.traces[0].series.mu;
    expect(mu.width).toBe(40);
    const moves = (from: number) => {
      let s = 0;
      for (let t = 1; t < 10; t++) for (let u = from; u < from + 8; u++) s += Math.abs(mu.data[t * 40 + u] - mu.data[(t - 1) * 40 + u]);
      return s / (9 * 8);
    };
    expect(moves(32) * 10).toBeLessThan(moves(0));
  }, 120_000);

  it('gradient: at T = 30 the SRU’s profile falls ×0.93–0.98 per step, first bar 0.15–0.4 of the last; the tanh RNN on the same run ×0.45–0.65', async () => {
    const { initial } = await train(stepConfig(L, 'gradient'), 1);
    const rnn = (await train(stepConfig(L, 'gradient', { cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' } }), 1)).initial;
    expect(initial.perStep).toBeGreaterThan(0.93);
    expect(initial.perStep).toBeLessThan(0.98);
    expect(ratio(initial.norms)).toBeGreaterThan(0.15);
    expect(ratio(initial.norms)).toBeLessThan(0.4);
    expect(rnn.perStep).toBeGreaterThan(0.45);
    expect(rnn.perStep).toBeLessThan(0.65);
    expect(ratio(rnn.norms)).toBeGreaterThan(1e-10);
    expect(ratio(rnn.norms)).toBeLessThan(1e-6);
  });

  it('scales (and the live question): {0, 0.5, 0.9} ×0.87–0.93, first bar ~5%; {0, 0.9, 0.99, 0.999} ×0.96–0.99, first bar > half', async () => {
    const at = async (alphas: string) => (await train(stepConfig(L, 'scales', { cellOptions: { alphas } }), 1)).initial;
    const fast = await at('0, 0.5, 0.9');
    const slow = await at('0, 0.9, 0.99, 0.999');
    const dflt = (await train(stepConfig(L, 'scales'), 1)).initial;
    expect(fast.perStep).toBeGreaterThan(0.87);
    expect(fast.perStep).toBeLessThan(0.93);
    expect(ratio(fast.norms)).toBeGreaterThan(0.03);
    expect(ratio(fast.norms)).toBeLessThan(0.08);
    expect(slow.perStep).toBeGreaterThan(0.96);
    expect(slow.perStep).toBeLessThan(0.99);
    expect(ratio(slow.norms)).toBeGreaterThan(0.5);
    expect(ratio(dflt.norms)).toBeLessThan(0.4);
    // The live question's check on what these runs show: only the slow scales pass.
    const q = getLesson(L).questions!.find((x) => x.id === 'scales')!;
    if (q.kind !== 'live') throw new Error('scales is a live question');
    const state = (alphas: string, norms: number[]) => ({
      ...liveExampleState(q, stepConfig(L, 'scales'), { config: { cellOptions: { alphas } } }),
      telemetry: { gradNorms: new Float32Array(norms) } as never,
    });
    expect(checkLive(q, state('0, 0.9, 0.99, 0.999', slow.norms)).pass).toBe(true);
    expect(checkLive(q, state('0, 0.5, 0.9', fast.norms)).pass).toBe(false);
    expect(checkLive(q, state('0, 0.25, 0.5, 0.9, 0.99', dflt.norms)).pass).toBe(false);
    // The question's run keeps training while the reader looks: with the slow scales the first bar
    // is still at least 40% of the last after 200 steps.
    const trained = await train(stepConfig(L, 'scales', { cellOptions: { alphas: '0, 0.9, 0.99, 0.999' } }), 200);
    expect(checkLive(q, state('0, 0.9, 0.99, 0.999', trained.final.norms)).pass).toBe(true);
  }, 120_000);

  it('fourier: the FRU’s profile at T = 20 is nearly flat, ×0.98–1.0 per step, first bar ≥ 0.7 of the last', async () => {
    const cfg = stepConfig(L, 'fourier');
    expect([cfg.cellId, cfg.seqLen, cfg.cellOptions.freqs]).toEqual(['fru', 20, '0, 0.5, 1, 2, 3']);
    const { initial } = await train(cfg, 1);
    expect(initial.perStep).toBeGreaterThan(0.98);
    expect(initial.perStep).toBeLessThanOrEqual(1.0);
    expect(ratio(initial.norms)).toBeGreaterThan(0.75);
    expect(ratio(initial.norms)).toBeLessThan(0.9);
  });

  it('fit: the FRU gets below 0.01 within 200 steps, the profile still nearly flat (≥ 0.97 per step)', async () => {
    const r = await train(stepConfig(L, 'fit'), 200);
    expect(r.diverged).toBeUndefined();
    expect(r.losses[0]).toBeGreaterThan(1.3);
    expect(r.losses[0]).toBeLessThan(1.5);
    expect(mean(r.losses.slice(-20))).toBeLessThan(0.01);
    expect(r.final.perStep).toBeGreaterThan(0.97);
  }, 120_000);

  it('compare: on the FRU’s run the tanh RNN falls ×0.45–0.65 per step (first bar < 10⁻⁴), the SRU ×0.9–0.97, the FRU ≥ 0.98', async () => {
    const cfg = stepConfig(L, 'compare');
    const at = async (id: string) => (await train(compareSlot(cfg, id), 1)).initial;
    const rnn = await at('rnn');
    const sru = await at('sru');
    const fru = await at('fru');
    expect(rnn.perStep).toBeGreaterThan(0.45);
    expect(rnn.perStep).toBeLessThan(0.65);
    expect(ratio(rnn.norms)).toBeLessThan(1e-4);
    expect(sru.perStep).toBeGreaterThan(0.9);
    expect(sru.perStep).toBeLessThan(0.97);
    expect(ratio(sru.norms)).toBeGreaterThan(0.2);
    expect(ratio(sru.norms)).toBeLessThan(0.35);
    expect(fru.perStep).toBeGreaterThan(0.98);
  });
});
