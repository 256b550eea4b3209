// The whole-sequence kernels (src/cells/fused/sequence.ts) against the per-step path they replace
// on the training hot path, on WASM and CPU: emitted outputs, final states, the gradient of every
// parameter, of the initial state and of the probe (∂L/∂h_t, what telemetry plots), for the LSTM,
// the GRU and the Elman RNN (tanh and ReLU), one layer forward, one layer reversed, and two
// bidirectional layers. A whole-sequence
// op forms its sums in another order, so "equal" here is float32 agreement: every value within
// 1e-5 of the largest magnitude of its tensor (the per-step path itself is the reference). Also:
// the kernels really run (and the per-step ones do not), tensors stay flat over training steps,
// and the fallback when the backend has no such kernel.
import '@tensorflow/tfjs'; // registers gradients (tfjs-core alone has none)
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import { GRU_CELL, LSTM_CELL, RNN_CELL } from '../../src/cells/fused';
import { GRU_SEQ, hasFusedSequence, LSTM_SEQ, RNN_SEQ, setFusedSequenceEnabled } from '../../src/cells/fused/sequence';
import type { CellOptions } from '../../src/cells/types';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';
import { initStackValues, runStack, type StackConfig } from '../../src/engine/stack';
import { runLayer } from '../../src/engine/unroll';

const T = 6;
const B = 3;
const I = 4;
const H = 5;
const TOL = 1e-5;

function config(cellId: string, numLayers: number, bidirectional: boolean, options: CellOptions = {}): StackConfig {
  return { cell: getCell(cellId), inputSize: I, hiddenSize: H, numLayers, bidirectional, seqLen: T, options };
}

interface Run {
  values: Record<string, Float32Array>;
  kernels: string[];
}

/**
 * Loss Σ R ⊙ output + Σ Q ⊙ (every final state), with random non-zero initial states and probes
 * on the top layer (non-zero, so h_t + e_t is exercised); gradients w.r.t. every parameter, the
 * initial states and the probes.
 */
async function runOnce(cfg: StackConfig, sequence: boolean): Promise<Run> {
  setFusedSequenceEnabled(sequence);
  const D = cfg.bidirectional ? 2 : 1;
  const rng = createRng(17);
  const rand = (shape: number[], s = 1) => tf.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => s * rng.normal()), shape);
  const values = initStackValues(cfg, createRng(4));
  const x = rand([T, B, I]) as tf.Tensor3D;
  const params = Object.fromEntries([...values].map(([n, v]) => [n, tf.tensor(v.values, v.shape)]));
  const stateIds = cfg.cell.id === 'lstm' ? ['c', 'h'] : ['h'];
  const states = Array.from({ length: cfg.numLayers * D }, () => Object.fromEntries(stateIds.map((id) => [id, rand([B, H], 0.5)])));
  const probes = Array.from({ length: D }, () => rand([T, B, H], 0.1) as tf.Tensor3D);
  const R = rand([T, B, H * D]);
  const Q = rand([B, H]);
  const names = Object.keys(params);
  const inputs: tf.Tensor[] = [...names.map((n) => params[n]), ...states.flatMap((s) => stateIds.map((id) => s[id])), ...probes];
  const labels = [...names, ...states.flatMap((_, k) => stateIds.map((id) => `state${k}.${id}`)), ...probes.map((_, d) => `probe${d}`)];
  const out: Run = { values: {}, kernels: [] };
  const profile = await tf.profile(() => {
    const { value, grads } = tf.valueAndGrads((...ts: tf.Tensor[]) => {
      const p = Object.fromEntries(names.map((n, k) => [n, ts[k]]));
      let k = names.length;
      const s0 = states.map(() => Object.fromEntries(stateIds.map((id) => [id, ts[k++] as tf.Tensor2D])));
      const pr = probes.map(() => ts[k++] as tf.Tensor3D);
      const run = runStack(cfg, p, x, { state0: s0, topProbes: pr });
      out.values.output = run.output.dataSync() as Float32Array;
      run.finals.forEach((s, l) => stateIds.forEach((id) => { out.values[`final${l}.${id}`] = s[id].dataSync() as Float32Array; }));
      const terms = [tf.sum(tf.mul(run.output, R)), ...run.finals.flatMap((s) => stateIds.map((id) => tf.sum(tf.mul(s[id], Q))))];
      return tf.addN(terms) as tf.Scalar;
    })(inputs);
    out.values.loss = value.dataSync() as Float32Array;
    grads.forEach((g, k) => { out.values[`d ${labels[k]}`] = g.dataSync() as Float32Array; });
    tf.dispose([value, ...grads]);
  });
  tf.dispose([x, R, Q, ...Object.values(params), ...states.flatMap((s) => Object.values(s)), ...probes]);
  setFusedSequenceEnabled(true);
  out.kernels = profile.kernels.map((k) => k.name);
  return out;
}

/** Largest |a − b| over the largest |b| (at least 1e-3, so a tensor of near-zeros is not divided by ~0). */
function relErr(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let err = 0;
  let scale = 1e-3;
  for (let k = 0; k < a.length; k++) {
    err = Math.max(err, Math.abs(a[k] - b[k]));
    scale = Math.max(scale, Math.abs(b[k]));
  }
  return err / scale;
}

function expectClose(seq: Run, step: Run): void {
  expect(Object.keys(seq.values).sort()).toEqual(Object.keys(step.values).sort());
  for (const k of Object.keys(step.values)) {
    // Every gradient is there and non-trivial (a missing one would be all zeros on both sides).
    expect(step.values[k].some((v) => v !== 0), k).toBe(true);
    expect(relErr(seq.values[k], step.values[k]), k).toBeLessThan(TOL);
  }
}

const CASES: { cell: string; seq: string; step: string; options?: CellOptions }[] = [
  { cell: 'lstm', seq: LSTM_SEQ, step: LSTM_CELL },
  { cell: 'gru', seq: GRU_SEQ, step: GRU_CELL },
  { cell: 'rnn', seq: RNN_SEQ, step: RNN_CELL, options: { nonlinearity: 'tanh' } },
  { cell: 'rnn', seq: RNN_SEQ, step: RNN_CELL, options: { nonlinearity: 'relu' } },
];
const label = (c: (typeof CASES)[number]) => (c.options?.nonlinearity ? `${c.cell} (${c.options.nonlinearity})` : c.cell);

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`whole-sequence kernels on ${backend}`, () => {
    beforeAll(async () => {
      expect(await useNodeBackend(backend)).toBe(backend);
    });
    afterEach(() => setFusedSequenceEnabled(true));

    for (const c of CASES) {
      for (const [layers, bidir] of [[1, false], [2, true]] as const) {
        it(`${label(c)}, ${layers} layer(s)${bidir ? ', bidirectional' : ''}: outputs, final states and every gradient as the per-step path`, async () => {
          expect(hasFusedSequence(c.seq)).toBe(true);
          const cfg = config(c.cell, layers, bidir, c.options);
          const seq = await runOnce(cfg, true);
          const step = await runOnce(cfg, false);
          expect(seq.kernels).toContain(c.seq);
          expect(seq.kernels).toContain(`${c.seq}Grad`);
          expect(seq.kernels).not.toContain(c.step);
          expect(step.kernels).not.toContain(c.seq);
          expect(step.kernels).toContain(c.step);
          expectClose(seq, step);
        });
      }

      it(`${label(c)}: one reversed layer (runLayer, reverse) as the per-step path`, () => {
        const cfg = config(c.cell, 1, false, c.options);
        const values = initStackValues(cfg, createRng(8));
        const rng = createRng(2);
        const x = tf.tensor3d(new Float32Array(T * B * I).map(() => rng.normal()), [T, B, I]);
        const probe = tf.tensor3d(new Float32Array(T * B * H).map(() => 0.1 * rng.normal()), [T, B, H]);
        const params = Object.fromEntries([...values].map(([n, v]) => [n.replace(/_l0$/, ''), tf.tensor(v.values, v.shape)]));
        const names = Object.keys(params);
        const once = (on: boolean) => {
          setFusedSequenceEnabled(on);
          const { value, grads } = tf.valueAndGrads((...ts: tf.Tensor[]) => {
            const p = Object.fromEntries(names.map((n, k) => [n, ts[k]]));
            const run = runLayer(cfg.cell, p, x, { ...cfg, layer: 0, numLayers: 1, reverse: true }, { reverse: true, probe: ts[names.length] as tf.Tensor3D });
            // Weighted by time so the order of the outputs matters.
            return tf.addN(run.outputs.map((o, t) => tf.mul(t + 1, tf.sum(tf.square(o))))) as tf.Scalar;
          })([...names.map((n) => params[n]), probe]);
          const res = [value, ...grads].map((t) => t.dataSync() as Float32Array);
          tf.dispose([value, ...grads]);
          return res;
        };
        const a = once(true);
        const b = once(false);
        a.forEach((v, k) => expect(relErr(v, b[k])).toBeLessThan(TOL));
        tf.dispose([x, probe, ...Object.values(params)]);
      });
    }

    it('rnn: a gradient vanishing past float32 (tiny W_hh, T 12) is flushed below 1e-30, everything else as the per-step path', () => {
      const cfg = config('rnn', 1, false, { nonlinearity: 'tanh' });
      const values = initStackValues(cfg, createRng(5));
      const rng = createRng(9);
      const x = tf.tensor3d(new Float32Array(12 * B * I).map(() => rng.normal()), [12, B, I]);
      const probe = tf.zeros([12, B, H]) as tf.Tensor3D;
      // W_hh scaled by 1e-3: ∂L/∂h_t shrinks ~1e-3 a step back from the last, below 1e-30 at t = 0.
      const params = Object.fromEntries([...values].map(([n, v]) => [n.replace(/_l0$/, ''), tf.mul(tf.tensor(v.values, v.shape), n.startsWith('weight_hh') ? 1e-3 : 1)]));
      const names = Object.keys(params);
      const once = (on: boolean) => {
        setFusedSequenceEnabled(on);
        const { value, grads } = tf.valueAndGrads((...ts: tf.Tensor[]) => {
          const p = Object.fromEntries(names.map((n, k) => [n, ts[k]]));
          const run = runLayer(cfg.cell, p, x, { ...cfg, seqLen: 12, layer: 0, numLayers: 1 }, { probe: ts[names.length] as tf.Tensor3D });
          return tf.sum(run.outputs[11]) as tf.Scalar;
        })([...names.map((n) => params[n]), probe]);
        const res = [value, ...grads].map((t) => t.dataSync() as Float32Array);
        tf.dispose([value, ...grads]);
        return res;
      };
      const a = once(true);
      const b = once(false);
      a.forEach((v, k) => expect(relErr(v, b[k])).toBeLessThan(TOL));
      const dprobe = (r: Float32Array[]) => r[r.length - 1];
      const first = (r: Float32Array[]) => Math.max(...dprobe(r).subarray(0, B * H).map(Math.abs));
      expect(first(b)).toBeLessThan(1e-30); // the per-step path: subnormal or 0
      expect(first(a)).toBe(0);
      expect(Math.max(...dprobe(a).subarray(11 * B * H).map(Math.abs))).toBeGreaterThan(0.01);
      tf.dispose([x, probe, ...Object.values(params)]);
    });
  });
}

describe('whole-sequence kernels: memory, fallback', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });
  afterAll(() => setFusedSequenceEnabled(true));

  it('numTensors stays flat over training steps', async () => {
    const { train } = await import('@tensorflow/tfjs');
    for (const cellId of ['lstm', 'gru', 'rnn']) {
      const cfg = config(cellId, 2, true);
      const values = initStackValues(cfg, createRng(1));
      const vars = [...values].map(([n, v]) => tf.variable(tf.tensor(v.values, v.shape), true, `fused_seq_mem_${cellId}_${n}`));
      const params = Object.fromEntries([...values.keys()].map((n, k) => [n, vars[k]]));
      const probe = tf.variable(tf.zeros([T, B, H]), true, `fused_seq_probe_${cellId}`) as tf.Variable<tf.Rank.R3>;
      const x = tf.randomNormal([T, B, I], 0, 1, 'float32', 1) as tf.Tensor3D;
      const opt = train.adam(1e-2);
      const step = () => tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(runStack(cfg, params, x, { topProbes: [probe, undefined] }).output)) as tf.Scalar, [...vars, probe]);
        opt.applyGradients(Object.fromEntries(Object.entries(grads).filter(([n]) => n !== probe.name)) as unknown as Parameters<typeof opt.applyGradients>[0]);
        value.dispose();
        tf.dispose(Object.values(grads));
      });
      step();
      const before = tf.memory().numTensors;
      for (let k = 0; k < 6; k++) step();
      expect(tf.memory().numTensors).toBe(before);
      opt.dispose();
      tf.dispose([x, probe, ...vars]);
    }
  });

  it('falls back to the per-step path when the backend has no whole-sequence kernel', async () => {
    const cfg = config('lstm', 1, false);
    const reference = await runOnce(cfg, false);
    const saved = tf.getKernel(LSTM_SEQ, 'wasm');
    expect(saved).toBeDefined();
    tf.unregisterKernel(LSTM_SEQ, 'wasm');
    try {
      expect(hasFusedSequence(LSTM_SEQ)).toBe(false);
      const fallback = await runOnce(cfg, true);
      expect(fallback.kernels).not.toContain(LSTM_SEQ);
      expect(fallback.kernels).toContain(LSTM_CELL);
      for (const k of Object.keys(reference.values)) expect(fallback.values[k], k).toEqual(reference.values[k]);
    } finally {
      tf.registerKernel(saved!);
    }
    expect(hasFusedSequence(LSTM_SEQ)).toBe(true);
  });

  it('a recorded run (the views’ traces) keeps the per-step path', () => {
    const cfg = config('gru', 1, false);
    const values = initStackValues(cfg, createRng(6));
    const params = Object.fromEntries([...values].map(([n, v]) => [n, tf.tensor(v.values, v.shape)]));
    const x = tf.randomNormal([T, B, I], 0, 1, 'float32', 3) as tf.Tensor3D;
    const names: string[] = [];
    const origRun = tf.engine().runKernel.bind(tf.engine());
    const spy = (name: string, ...rest: unknown[]) => { names.push(name); return (origRun as (...a: unknown[]) => unknown)(name, ...rest); };
    (tf.engine() as unknown as { runKernel: unknown }).runKernel = spy;
    try {
      const run = runStack(cfg, params, x, { record: true });
      expect(run.traces?.[0].r.shape).toEqual([T, B, H]);
      tf.dispose([run.output, ...run.finals.flatMap((s) => Object.values(s)), ...(run.traces ?? []).flatMap((tr) => Object.values(tr))]);
    } finally {
      (tf.engine() as unknown as { runKernel: unknown }).runKernel = origRun;
    }
    expect(names).toContain(GRU_CELL);
    expect(names).not.toContain(GRU_SEQ);
    tf.dispose([x, ...Object.values(params)]);
  });
});
