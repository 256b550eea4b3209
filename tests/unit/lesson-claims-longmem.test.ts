// "Long memory", the numbers its steps state, on each step's own run (lessonStepConfig: defaults +
// step preset, seed 1) and the slider values the text names. The memory chart is the worker's
// instruments snapshot (Trainer.snapshot with jacobianProfile: ‖∂h_T/∂x_t‖ on the probe sequence,
// fitted by memory-fit.ts), taken, as the page does at configure, before any training unless the
// claim says it trained.
import { beforeAll, describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { useNodeBackend } from '../../src/engine/node-backend';
import { jacobianProfile } from '../../src/engine/instruments/jacobians';
import type { LongMemoryFit } from '../../src/engine/instruments/types';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { getLesson } from '../../src/lessons/registry';
import { checkLive, liveExampleState } from '../../src/lessons/questions';
import { defaultOptions } from '../../src/store/url';
import { configFrom } from '../../src/store/page-config';
import { catalog, mean, stepConfig } from './lesson-claims-helpers';

const L = 'long-memory';

beforeAll(async () => {
  await useNodeBackend();
});

interface MemoryRead {
  fit: LongMemoryFit;
  /** Probe means of the cell's gates and states (the heatmap rows' averages). */
  means: Record<string, number>;
  losses: number[];
  /** The heatmap rows: the probe's series of layer 0 (id → width and T·width values). */
  series: Record<string, { width: number; data: Float32Array }>;
}

/** Trains `steps` steps (0: the untrained model) and reads the memory chart and the probe. */
async function memoryAt(cfg: TrainerConfig, steps = 0): Promise<MemoryRead> {
  const tr = new Trainer(cfg);
  try {
    if (steps > 0) tr.train(steps);
    const snap = await tr.snapshot(1, { instruments: { jacobians: jacobianProfile } });
    expect(snap.diverged).toBeUndefined();
    const fit = snap.telemetry.instruments!.memory!;
    return { fit, means: snap.telemetry.probe.means, losses: snap.telemetry.points.map((p) => p.loss), series: snap.telemetry.probe.traces[0].series };
  } finally {
    tr.dispose();
  }
}

/** What the Compare page runs for a cell (src/store/bridge.ts compareConfigs). */
function compareSlot(cfg: TrainerConfig, cellId: string): TrainerConfig {
  if (cellId === cfg.cellId) return cfg;
  return { ...cfg, cellId, cellOptions: defaultOptions(cellList.find((c) => c.id === cellId)!.options) };
}

describe('lesson "Long memory"', () => {
  it('short: LSTM (forget bias 1) is exponential, R² ≥ 0.985 vs ~0.88, rate ~0.19; bias 2 → ~0.09, still exponential; bias 3 → undecided', async () => {
    const cfg = stepConfig(L, 'short');
    expect([cfg.cellId, cfg.taskId, cfg.seqLen, cfg.cellOptions.forgetBias]).toEqual(['lstm', 'adding', 30, 1]);
    const one = (await memoryAt(cfg)).fit;
    expect(one.verdict).toBe('exponential');
    expect(one.exponential.r2).toBeGreaterThan(0.985);
    expect(one.powerLaw.r2).toBeGreaterThan(0.85);
    expect(one.powerLaw.r2).toBeLessThan(0.9);
    expect(one.exponential.rate).toBeGreaterThan(0.17);
    expect(one.exponential.rate).toBeLessThan(0.21);
    const two = (await memoryAt(stepConfig(L, 'short', { cellOptions: { forgetBias: 2 } }))).fit;
    expect(two.verdict).toBe('exponential');
    expect(two.exponential.rate).toBeGreaterThan(0.07);
    expect(two.exponential.rate).toBeLessThan(0.1);
    const three = (await memoryAt(stepConfig(L, 'short', { cellOptions: { forgetBias: 3 } }))).fit;
    expect(three.verdict).toBe('undecided');
    expect(three.exponential.rate).toBeGreaterThan(0.015);
    expect(three.exponential.rate).toBeLessThan(0.035);
    expect(Math.max(three.exponential.r2, three.powerLaw.r2)).toBeLessThan(0.9);
  });

  it('definition: mLSTM at K = 30 is a power law, R² ≥ 0.985 vs ~0.85, exponent ~0.67', async () => {
    const cfg = stepConfig(L, 'definition');
    expect([cfg.cellId, cfg.cellOptions.K, cfg.seqLen]).toEqual(['mlstm', 30, 30]);
    const { fit } = await memoryAt(cfg);
    expect(fit.verdict).toBe('power-law');
    expect(fit.powerLaw.r2).toBeGreaterThan(0.985);
    expect(fit.exponential.r2).toBeGreaterThan(0.82);
    expect(fit.exponential.r2).toBeLessThan(0.88);
    expect(fit.powerLaw.exponent).toBeGreaterThan(0.62);
    expect(fit.powerLaw.exponent).toBeLessThan(0.72);
  });

  it('window (and the live question): K = 10 exponential (R² ~0.99 vs ~0.87), 15 exponential, 20 undecided, 25 and 30 power law', async () => {
    const at = async (K: number) => (await memoryAt(stepConfig(L, 'window', { cellOptions: { K, dynamic: true } }))).fit;
    expect(stepConfig(L, 'window').cellOptions.K).toBe(10);
    const ten = (await memoryAt(stepConfig(L, 'window'))).fit;
    expect(ten.verdict).toBe('exponential');
    expect(ten.exponential.r2).toBeGreaterThan(0.985);
    expect(ten.powerLaw.r2).toBeGreaterThan(0.85);
    expect(ten.powerLaw.r2).toBeLessThan(0.89);
    expect((await at(15)).verdict).toBe('exponential');
    expect((await at(20)).verdict).toBe('undecided');
    const t25 = await at(25);
    expect(t25.verdict).toBe('power-law');
    expect((await at(30)).verdict).toBe('power-law');
    // The live question's check on these fits: K = 25 passes, K = 10 does not.
    const q = getLesson(L).questions!.find((x) => x.id === 'window')!;
    if (q.kind !== 'live') throw new Error('window is a live question');
    const state = (K: number, memory: LongMemoryFit) => ({
      ...liveExampleState(q, stepConfig(L, 'window'), { config: { cellOptions: { K, dynamic: true } } }),
      instruments: { memory } as never,
    });
    expect(checkLive(q, state(25, t25)).pass).toBe(true);
    expect(checkLive(q, state(10, ten)).pass).toBe(false);
  });

  it('the live question’s run (lr 0.002): after 150 steps of training K = 25 is still a power law, K = 10 still not', async () => {
    const q = getLesson(L).questions!.find((x) => x.id === 'window')!;
    if (q.kind !== 'live') throw new Error('window is a live question');
    const cfg = (K: number): TrainerConfig => ({ ...configFrom(catalog, q.preset), cellOptions: { K, dynamic: true } });
    expect(configFrom(catalog, q.preset).learningRate).toBe(0.002);
    const pass = (K: number, memory: LongMemoryFit) =>
      checkLive(q, { ...liveExampleState(q, cfg(K), { config: { cellOptions: { K, dynamic: true } } }), instruments: { memory } as never }).pass;
    const k25 = await memoryAt(cfg(25), 150);
    expect(k25.fit.verdict).toBe('power-law');
    expect(pass(25, k25.fit)).toBe(true);
    const k10 = await memoryAt(cfg(10), 150);
    expect(k10.fit.verdict).not.toBe('power-law');
    expect(pass(10, k10.fit)).toBe(false);
  }, 120_000);

  it('d: fixed d is exactly 0.25, exponent ~0.73 (near 1 − d); dynamic d averages ~0.26, exponent ~0.67, still a power law', async () => {
    const cfg = stepConfig(L, 'd');
    expect(cfg.cellOptions).toMatchObject({ K: 30, dynamic: false });
    const fixed = await memoryAt(cfg);
    expect(fixed.means.d).toBeCloseTo(0.25, 6);
    // The heatmap's w row at the last step: w_1 = −d = −0.25, then smaller and smaller in size.
    const w = fixed.series.w;
    expect(w.width).toBe(30);
    const last = Array.from(w.data.slice(29 * 30, 30 * 30));
    expect(last[0]).toBeCloseTo(-0.25, 5);
    for (let j = 1; j < 30; j++) expect(Math.abs(last[j])).toBeLessThan(Math.abs(last[j - 1]));
    expect(fixed.fit.verdict).toBe('power-law');
    expect(fixed.fit.powerLaw.exponent).toBeGreaterThan(0.7);
    expect(fixed.fit.powerLaw.exponent).toBeLessThan(0.77);
    const dyn = await memoryAt(stepConfig(L, 'd', { cellOptions: { K: 30, dynamic: true } }));
    expect(dyn.means.d).toBeGreaterThan(0.24);
    expect(dyn.means.d).toBeLessThan(0.28);
    expect(dyn.fit.verdict).toBe('power-law');
    expect(dyn.fit.powerLaw.exponent).toBeGreaterThan(0.62);
    expect(dyn.fit.powerLaw.exponent).toBeLessThan(0.72);
  });

  it('mrnn: power law R² ≥ 0.985 vs ~0.87, exponent ~1.2 within 0.1 of 1 + d, d ~0.23', async () => {
    const { fit, means } = await memoryAt(stepConfig(L, 'mrnn'));
    expect(fit.verdict).toBe('power-law');
    expect(fit.powerLaw.r2).toBeGreaterThan(0.985);
    expect(fit.exponential.r2).toBeGreaterThan(0.84);
    expect(fit.exponential.r2).toBeLessThan(0.9);
    expect(fit.powerLaw.exponent).toBeGreaterThan(1.1);
    expect(fit.powerLaw.exponent).toBeLessThan(1.3);
    expect(means.d).toBeGreaterThan(0.21);
    expect(means.d).toBeLessThan(0.25);
    expect(Math.abs(fit.powerLaw.exponent - (1 + means.d))).toBeLessThan(0.1);
  });

  it('learn: mLSTM K = 12, T = 12 starts as a power law (R² ≥ 0.985); 300 steps take the loss below 0.01 and the verdict to undecided, the curve not decaying', async () => {
    const cfg = stepConfig(L, 'learn');
    expect([cfg.cellId, cfg.cellOptions.K, cfg.seqLen, cfg.hiddenSize]).toEqual(['mlstm', 12, 12, 16]);
    const before = (await memoryAt(cfg)).fit;
    expect(before.verdict).toBe('power-law');
    expect(before.powerLaw.r2).toBeGreaterThan(0.985);
    const after = await memoryAt(cfg, 300);
    expect(mean(after.losses.slice(-20))).toBeLessThan(0.01);
    expect(after.fit.verdict).toBe('undecided');
    expect(after.fit.exponential.rate).toBeLessThan(0);
  }, 120_000);

  it('compare: on the step’s settings LSTM (default bias 0) exponential at ~0.44, mRNN (default K = 10) exponential, mLSTM (K = 30) power law', async () => {
    const cfg = stepConfig(L, 'compare');
    const lstm = (await memoryAt(compareSlot(cfg, 'lstm'))).fit;
    expect(compareSlot(cfg, 'lstm').cellOptions.forgetBias).toBe(0);
    expect(lstm.verdict).toBe('exponential');
    expect(lstm.exponential.rate).toBeGreaterThan(0.4);
    expect(lstm.exponential.rate).toBeLessThan(0.48);
    expect(compareSlot(cfg, 'mrnn').cellOptions.K).toBe(10);
    expect((await memoryAt(compareSlot(cfg, 'mrnn'))).fit.verdict).toBe('exponential');
    expect((await memoryAt(compareSlot(cfg, 'mlstm'))).fit.verdict).toBe('power-law');
  });
});
