// "GRU step by step", the numbers its steps state, each on its own step's run (copy, T = 20,
// seed 1): PyTorch's GRU (intro, update, reset, simpler), Cho et al.'s reset-before GRU (original)
// and the plain tanh RNN (plain). Read from the loss, the gradient profile of the first batch and
// the page's probe (gate traces on the task's fixed example); the two reductions the text states
// (r ≡ 1: original = PyTorch's; z ≡ 0 and r ≡ 1: GRU = nn.RNN) are checked on the trained weights.
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import type { TensorData } from '../../src/engine/pytorch-import';
import { useNodeBackend } from '../../src/engine/node-backend';
import { gateHistogram } from '../../src/engine/instruments/probe';
import { createRng } from '../../src/engine/rng';
import { Trainer } from '../../src/engine/trainer';
import { updateGateAbove } from '../../src/lessons/gru-step-by-step';
import { getLesson } from '../../src/lessons/registry';
import type { Telemetry } from '../../src/protocol/messages';
import { mean, stepConfig, train, type RunRead } from './lesson-claims-helpers';

const L = 'gru-step-by-step';
const CHANCE = Math.log(8);
const windows = (a: number[], w: number) => Array.from({ length: Math.floor(a.length / w) }, (_, i) => mean(a.slice(i * w, (i + 1) * w)));

/** The probe's blank stretch: after the symbols, before the delimiter. */
function gapSteps(r: RunRead): number[] {
  const p = r.probe!;
  return [...Array(p.inputLabels.indexOf(':')).keys()].filter((t) => p.inputLabels[t] === '_');
}
function meanAt(r: RunRead, id: string, ts: number[]): number {
  const s = r.probe!.traces[0].series[id];
  return mean(ts.flatMap((t) => Array.from(s.data.subarray(t * s.width, (t + 1) * s.width))));
}
const reach = (r: RunRead) => r.initial.norms[0] / r.initial.norms[r.initial.norms.length - 1];
const hist = (r: RunRead, id: string) => gateHistogram(id, r.probe!.traces[0].series[id].data, 'unit');

function cellWeights(cellId: string, inputSize: number, hiddenSize: number, options: Record<string, number | string> = {}): number {
  const dims = { inputSize, hiddenSize, seqLen: 20, layer: 0, numLayers: 1, options };
  return getCell(cellId).params(dims).reduce((s, p) => s + p.shape.reduce((a, b) => a * b, 1), 0);
}

let gru0: RunRead;
let gru: RunRead;

beforeAll(async () => {
  await useNodeBackend();
});

describe('lesson "GRU step by step"', () => {
  it('has 4–8 steps on the copy task at T = 20; intro, update, reset and simpler share one run; original and plain change only the cell', () => {
    const steps = getLesson(L).steps;
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.length).toBeLessThanOrEqual(8);
    const cfg = stepConfig(L, 'intro');
    expect([cfg.cellId, cfg.taskId, cfg.seqLen, cfg.hiddenSize]).toEqual(['gru', 'copy', 20, 32]);
    for (const id of ['update', 'reset', 'simpler']) expect(stepConfig(L, id)).toEqual(cfg);
    expect(stepConfig(L, 'original').cellId).toBe('gru-original');
    expect(stepConfig(L, 'plain').cellId).toBe('rnn');
    expect(stepConfig(L, 'plain').cellOptions.nonlinearity).toBe('tanh');
    for (const id of ['original', 'plain']) expect({ ...stepConfig(L, id), cellId: 'gru', cellOptions: {} }).toEqual(cfg);
    expect(steps.find((s) => s.id === 'plain')!.controls).toEqual(['seqLen']);
    expect(getLesson(L).questions!.length).toBeGreaterThanOrEqual(2);
  });

  it('simpler: 4,224 GRU weights (= the coupled-gate LSTM’s) against the LSTM’s 5,632 at 10 inputs and 32 units; nn.GRU(10, 20) = 1,920, nn.LSTM(10, 20) = 2,560', () => {
    expect(cellWeights('gru', 10, 32)).toBe(4224);
    expect(cellWeights('lstm-cifg', 10, 32)).toBe(4224);
    expect(cellWeights('lstm', 10, 32)).toBe(5632);
    expect(cellWeights('gru', 10, 20)).toBe(1920);
    expect(cellWeights('lstm', 10, 20)).toBe(2560);
    // The copy task's input really has 10 channels.
    const tr = new Trainer(stepConfig(L, 'intro'));
    try {
      expect(tr.task.inputSize).toBe(10);
    } finally {
      tr.dispose();
    }
  });

  it('intro, update, reset: ln 8 for ~50 steps, then ≈0.94 over 275–300 (~47% right); z ≈½ at first, ≈0.76 over the gap by step 300, 8 of 32 units above 0.9 through it, about half its values above 0.9; r ≈0.58 on the symbols, ≈0.84 over the gap, ≈45% above 0.9', async () => {
    gru0 = await train(stepConfig(L, 'intro'), 1);
    gru = await train(stepConfig(L, 'intro'), 300);
    const w = windows(gru.losses, 25);
    for (const v of w.slice(0, 2)) expect(Math.abs(v - CHANCE)).toBeLessThan(0.02);
    expect(Math.abs(w[11] - 0.94)).toBeLessThan(0.04);
    expect(Math.abs(mean(gru.accuracies.slice(-25)) - 0.47)).toBeLessThan(0.03);

    expect(Math.abs(meanAt(gru0, 'z', [...Array(20).keys()]) - 0.5)).toBeLessThan(0.03);
    const gap = gapSteps(gru);
    expect(Math.abs(meanAt(gru, 'z', gap) - 0.76)).toBeLessThan(0.03);
    const z = gru.probe!.traces[0].series.z;
    const held = Array.from({ length: z.width }, (_, u) => Math.min(...gap.map((t) => z.data[t * z.width + u]))).filter((v) => v > 0.9).length;
    expect(held).toBeGreaterThanOrEqual(7);
    expect(held).toBeLessThanOrEqual(9);
    expect(Math.abs(hist(gru, 'z').above - 0.5)).toBeLessThan(0.05);

    expect(Math.abs(meanAt(gru0, 'r', [...Array(20).keys()]) - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(meanAt(gru, 'r', [0, 1, 2]) - 0.58)).toBeLessThan(0.03);
    expect(Math.abs(meanAt(gru, 'r', gap) - 0.84)).toBeLessThan(0.03);
    expect(Math.abs(hist(gru, 'r').above - 0.45)).toBeLessThan(0.03);
  }, 180_000);

  it('the live question: the trained GRU’s update gate is past 40% above 0.9 at step 300; the untrained one and no telemetry are not', () => {
    const q = getLesson(L).questions!.find((x) => x.id === 'saturate')!;
    if (q.kind !== 'live') throw new Error('saturate is a live question');
    const config = stepConfig(L, 'intro');
    const state = (r: RunRead | null) => ({ config, telemetry: r ? ({ probe: r.probe } as Telemetry) : null, instruments: null });
    expect(updateGateAbove(gru.probe)).toBeGreaterThan(0.4);
    expect(q.check(state(gru))).toBe(true);
    expect(q.check(state(gru0))).toBe(false);
    expect(q.check(state(null))).toBe(false);
  });

  it('original: same weights at the start, first loss 2.052 against 2.055; ≈0.95 over 275–300 (~47% right); its reset gate ≈0.72 over the gap against PyTorch’s ≈0.84', async () => {
    const a = new Trainer(stepConfig(L, 'intro'));
    const b = new Trainer(stepConfig(L, 'original'));
    try {
      const va = a.values();
      const vb = b.values();
      expect(Object.keys(vb).sort()).toEqual(Object.keys(va).sort());
      for (const k of Object.keys(va)) expect(Array.from(vb[k].values)).toEqual(Array.from(va[k].values));
    } finally {
      a.dispose();
      b.dispose();
    }
    const r = await train(stepConfig(L, 'original'), 300);
    expect(Math.abs(r.losses[0] - 2.052)).toBeLessThan(0.0015);
    expect(Math.abs(gru.losses[0] - 2.055)).toBeLessThan(0.0015);
    expect(Math.abs(windows(r.losses, 25)[11] - 0.95)).toBeLessThan(0.03);
    expect(Math.abs(mean(r.accuracies.slice(-25)) - 0.47)).toBeLessThan(0.03);
    expect(Math.abs(meanAt(r, 'r', gapSteps(r)) - 0.72)).toBeLessThan(0.03);
  }, 180_000);

  it('original, plain: with r ≡ 1 the original and PyTorch’s GRU are the same function; with z ≡ 0 and r ≡ 1 the GRU is nn.RNN with W_in and W_hn', async () => {
    const H = 32;
    const base = new Trainer(stepConfig(L, 'intro'));
    const values = base.values();
    base.dispose();
    const biasName = Object.keys(values).find((k) => k.startsWith('bias_ih'))!;
    const forced = (zBias: number | null): Record<string, TensorData> => {
      const b = Float32Array.from(values[biasName].values);
      for (let u = 0; u < H; u++) {
        b[u] += 30; // r = σ(… + 30) ≈ 1
        if (zBias !== null) b[H + u] += zBias;
      }
      return { ...values, [biasName]: { shape: values[biasName].shape, values: b } };
    };
    const batch = (tr: Trainer) => tr.task.batch(createRng(7), tr.config.batchSize, tr.T);
    const lossOf = async (cfg: ReturnType<typeof stepConfig>, init: Record<string, TensorData>) => {
      const tr = new Trainer(cfg, init);
      try {
        return (await tr.inspect(batch(tr))).loss;
      } finally {
        tr.dispose();
      }
    };
    // r ≡ 1: reset before = reset after; with r ≈ ½ (the untouched init) they differ.
    const r1 = forced(null);
    expect(Math.abs((await lossOf(stepConfig(L, 'original'), r1)) - (await lossOf(stepConfig(L, 'intro'), r1)))).toBeLessThan(1e-5);
    expect(Math.abs((await lossOf(stepConfig(L, 'original'), values)) - (await lossOf(stepConfig(L, 'intro'), values)))).toBeGreaterThan(1e-4);
    // z ≡ 0 and r ≡ 1: the GRU step is tanh(W_in x + b_in + W_hn h + b_hn), the plain RNN's with those blocks.
    const gruForced = forced(-30);
    const rows = (name: string, from: number) => {
      const d = values[name];
      const cols = d.shape.length === 2 ? d.shape[1] : 1;
      return { shape: d.shape.length === 2 ? [H, cols] : [H], values: d.values.slice(from * H * cols, (from + 1) * H * cols) };
    };
    const rnnCfg = stepConfig(L, 'plain');
    const rnnInit: Record<string, TensorData> = {};
    for (const [k, v] of Object.entries(values)) rnnInit[k] = /^(weight|bias)_(ih|hh)_l0$/.test(k) ? rows(k, 2) : v;
    const rnnLoss = await lossOf(rnnCfg, rnnInit);
    expect(Math.abs((await lossOf(stepConfig(L, 'intro'), gruForced)) - rnnLoss)).toBeLessThan(1e-5);
  }, 60_000);

  it('plain: the gradient reaching step 1 of the first batch is ≈2.5e-5 of the last step’s (GRU ≈3.7e-4); loss between ≈1.65 and 1.85 over steps 50–175, then ≈1.02 over 275–300 (~58% right)', async () => {
    expect(Math.abs(reach(gru) / 3.7e-4 - 1)).toBeLessThan(0.1);
    const r = await train(stepConfig(L, 'plain'), 300);
    expect(Math.abs(reach(r) / 2.5e-5 - 1)).toBeLessThan(0.1);
    const w = windows(r.losses, 25);
    for (const v of w.slice(2, 7)) {
      expect(v).toBeGreaterThan(1.63);
      expect(v).toBeLessThan(1.86);
    }
    expect(Math.abs(w[11] - 1.02)).toBeLessThan(0.04);
    expect(Math.abs(mean(r.accuracies.slice(-25)) - 0.58)).toBeLessThan(0.03);
  }, 120_000);
});
