// "Why plain RNNs forget", the numbers its steps state, on each step's own run (lessonStepConfig:
// defaults + step preset, seed 1) and the slider values the text names. The profile is the chart's
// ‖∂L/∂h_t‖ of the first training batch (the untrained model the step opens on).
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { stepConfig, train } from './lesson-claims-helpers';

const L = 'vanishing-gradients';

beforeAll(async () => {
  await useNodeBackend();
});

describe('lesson "Why plain RNNs forget"', () => {
  it('plain/backward: T = 40 adding; at PyTorch’s init (ρ off) ×0.45–0.7 per step, first bar 10⁻¹²…10⁻⁸ of the last', async () => {
    const cfg = stepConfig(L, 'backward');
    expect([cfg.taskId, cfg.seqLen, cfg.cellId, cfg.recurrentScale]).toEqual(['adding', 40, 'rnn', 0]);
    expect(stepConfig(L, 'plain')).toEqual(cfg);
    const { initial } = await train(cfg, 1);
    expect(initial.perStep).toBeGreaterThan(0.45);
    expect(initial.perStep).toBeLessThan(0.7);
    const ratio = initial.norms[0] / initial.norms[39];
    expect(ratio).toBeGreaterThan(1e-12);
    expect(ratio).toBeLessThan(1e-8);
  });

  it('scale: ρ = 0.5 → first bar < 10⁻¹⁰ of the last; ρ = 1 → ×0.75–0.9 per step; ρ = 1.5 → roughly flat; ρ = 2 turns over', async () => {
    const at = async (rho: number) => (await train(stepConfig(L, 'scale', { recurrentScale: rho }), 1)).initial;
    expect(stepConfig(L, 'scale').clipNorm).toBe(0);
    const half = await at(0.5);
    expect(half.norms[0] / half.norms[39]).toBeLessThan(1e-10);
    const one = await at(1);
    expect(one.perStep).toBeGreaterThan(0.75);
    expect(one.perStep).toBeLessThan(0.9);
    const flat = await at(1.5);
    expect(flat.perStep).toBeGreaterThan(0.9);
    expect(flat.perStep).toBeLessThan(1.1);
    const two = await at(2);
    expect(two.norms[0]).toBeGreaterThan(10 * two.norms[39]);
  });

  it('scale/clip: at ρ = 3 (the slider’s top) the first bar is ≥ 10⁴ × the last and, unclipped, a gradient norm exceeds 10³ — finite, no NaN', async () => {
    const r = await train(stepConfig(L, 'scale', { recurrentScale: 3 }), 10);
    expect(r.initial.norms[0] / r.initial.norms[39]).toBeGreaterThan(1e4);
    expect(Math.max(...r.totals)).toBeGreaterThan(1e3);
    expect(r.diverged).toBeUndefined();
    expect(r.losses.every(Number.isFinite)).toBe(true);
  });

  it('clip: the step opens at ρ = 3 with threshold 1: gradients above 10³, every update’s at most 1', async () => {
    const cfg = stepConfig(L, 'clip');
    expect([cfg.recurrentScale, cfg.clipNorm]).toEqual([3, 1]);
    const r = await train(cfg, 10);
    expect(Math.max(...r.totals)).toBeGreaterThan(1e3);
    for (const a of r.applied) expect(a).toBeLessThanOrEqual(1 + 1e-4);
  });

  it('clip: below ρ = 1 clipping changes nothing on the left of the chart; a ReLU RNN at ρ = 3 starts with a loss near 10¹⁴', async () => {
    const on = (await train(stepConfig(L, 'clip', { recurrentScale: 0.8 }), 1)).initial.norms;
    const off = (await train(stepConfig(L, 'clip', { recurrentScale: 0.8, clipNorm: 0 }), 1)).initial.norms;
    expect(on).toEqual(off);
    expect(on[0] / on[39]).toBeLessThan(1e-4);
    const relu = await train(stepConfig(L, 'clip', { cellOptions: { nonlinearity: 'relu' } }), 1);
    expect(relu.losses[0]).toBeGreaterThan(1e12);
    expect(relu.losses[0]).toBeLessThan(1e16);
  });

  it('gates: the LSTM (forget bias 1) falls ×0.7–0.85 per step, first bar 10⁻⁶…10⁻³ of the last', async () => {
    const { initial } = await train(stepConfig(L, 'gates'), 1);
    expect(initial.perStep).toBeGreaterThan(0.7);
    expect(initial.perStep).toBeLessThan(0.85);
    const ratio = initial.norms[0] / initial.norms[39];
    expect(ratio).toBeGreaterThan(1e-6);
    expect(ratio).toBeLessThan(1e-3);
  });

  it('identity: IRNN starts flat (×0.97–1.02); ρ = 0.9 → first bar ~10⁻² of the last; ρ = 1.1 → ~30×', async () => {
    const flat = (await train(stepConfig(L, 'identity'), 1)).initial;
    expect(flat.perStep).toBeGreaterThan(0.97);
    expect(flat.perStep).toBeLessThan(1.02);
    const low = (await train(stepConfig(L, 'identity', { recurrentScale: 0.9 }), 1)).initial;
    expect(low.norms[0] / low.norms[39]).toBeGreaterThan(1e-3);
    expect(low.norms[0] / low.norms[39]).toBeLessThan(5e-2);
    const high = (await train(stepConfig(L, 'identity', { recurrentScale: 1.1 }), 1)).initial;
    expect(high.norms[0] / high.norms[39]).toBeGreaterThan(10);
    expect(high.norms[0] / high.norms[39]).toBeLessThan(100);
  });
});
