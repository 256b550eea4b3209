// "LSTM step by step", the claims of its last step ("watch it learn") on the lesson's run (copy,
// T = 20, LSTM with forget-gate bias 1, seed 1) and on the two sliders it offers.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { getLesson } from '../../src/lessons/registry';
import { mean, stepConfig, train } from './lesson-claims-helpers';

const L = 'lstm-step-by-step';
const CHANCE = Math.log(8);
const windows = (a: number[], w: number) => Array.from({ length: Math.floor(a.length / w) }, (_, i) => mean(a.slice(i * w, (i + 1) * w)));

beforeAll(async () => {
  await useNodeBackend();
});

describe('lesson "LSTM step by step"', () => {
  it('watch offers the sliders its text names: the forget-gate bias and the sequence length', () => {
    const watch = getLesson(L).steps.find((s) => s.id === 'watch')!;
    expect(watch.controls).toEqual(['opt.forgetBias', 'seqLen']);
  });

  it('watch: the loss starts at ln 8 and falls smoothly, with no plateau: every 25-step mean below the one before; ≤ 1.6 after 150 steps', async () => {
    const cfg = stepConfig(L, 'watch');
    expect([cfg.taskId, cfg.seqLen, cfg.cellOptions.forgetBias]).toEqual(['copy', 20, 1]);
    const r = await train(cfg, 150);
    expect(Math.abs(r.losses[0] - CHANCE)).toBeLessThan(0.1);
    const w = windows(r.losses, 25);
    for (let i = 1; i < w.length; i++) expect(w[i]).toBeLessThan(w[i - 1]);
    expect(w[w.length - 1]).toBeLessThan(1.6);
    expect(mean(r.accuracies.slice(-25))).toBeGreaterThan(0.3);
  }, 120_000);

  it('watch: with forget-gate bias 0, or at T = 40, the loss stays at ln 8 (±0.05) for 150 steps', async () => {
    for (const moved of [{ cellOptions: { forgetBias: 0 } }, { seqLen: 40 }]) {
      const r = await train(stepConfig(L, 'watch', moved), 150);
      for (const w of windows(r.losses, 25)) expect(Math.abs(w - CHANCE)).toBeLessThan(0.05);
    }
  }, 180_000);
});
