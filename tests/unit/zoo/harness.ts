// The tests every cell of the zoo must pass, declared once. A cell's test file supplies what only
// it knows: an independent plain-JS forward written from the paper's equations (never calling
// the cell), its parameter-count formula, and a task it is known to learn quickly.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../../src/cells/registry';
import { partsFor, type CellDims, type CellOptions, type Params } from '../../../src/cells/types';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { Trainer } from '../../../src/engine/trainer';
import { runLayer } from '../../../src/engine/unroll';
import type { RunConfig } from '../../../src/protocol/messages';

export interface Arr {
  shape: number[];
  data: Float32Array;
}

export interface ReferenceResult {
  /** [T][B][O], original time order. */
  outputs: number[][][];
  /** Final value of any states worth checking, [B][k]. */
  states?: Record<string, number[][]>;
}

export interface ZooCase {
  id: string;
  options?: CellOptions;
  inputSize?: number;
  hiddenSize?: number;
  seqLen?: number;
  batch?: number;
  layer?: number;
  numLayers?: number;
  /** Independent forward from the equations. x is [T][B][I]; p holds every param by local name. */
  reference(x: number[][][], p: Record<string, Arr>, dims: CellDims): ReferenceResult;
  /** Trainable parameter count of one layer, from the paper's formula. */
  paramCount(I: number, H: number, options: CellOptions): number;
  /** Std of the noise added to trainable params for the forward test, so zero inits are exercised. Default 0.2. */
  noise?: number;
  /** A short seeded run whose loss must fall. */
  train: { overrides: Partial<RunConfig>; steps: number; maxRatio?: number };
  tol?: { forward?: number; gradRel?: number; gradAbs?: number };
  /** Params to leave out of the finite-difference check (e.g. a non-differentiable count). */
  skipGrad?: string[];
}

/** a[i][j]… helpers for references. */
export const at = (a: Arr, ...idx: number[]) => {
  let off = 0;
  for (let k = 0; k < idx.length; k++) off = off * a.shape[k] + idx[k];
  return a.data[off];
};
/** y = W v for W stored [out, in] (PyTorch layout). */
export const matVec = (w: Arr, v: number[]) => {
  const [out, inp] = w.shape;
  const y = new Array(out).fill(0);
  for (let i = 0; i < out; i++) for (let j = 0; j < inp; j++) y[i] += w.data[i * inp + j] * v[j];
  return y;
};
export const vec = (a: Arr) => Array.from(a.data);
export const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
export const add = (...vs: number[][]) => vs[0].map((_, i) => vs.reduce((s, v) => s + v[i], 0));
export const mul = (a: number[], b: number[]) => a.map((v, i) => v * b[i]);
export const map = (a: number[], f: (v: number) => number) => a.map(f);

/** w_1 … w_K of (1 − B)^d: w_0 = 1, w_j = w_{j−1}(j − 1 − d)/j (written here, not taken from the cells). */
export function fracDiffWeights(d: number, K: number): number[] {
  const w: number[] = [];
  let prev = 1;
  for (let j = 1; j <= K; j++) {
    prev = (prev * (j - 1 - d)) / j;
    w.push(prev);
  }
  return w;
}

function dimsOf(c: ZooCase): CellDims {
  return {
    inputSize: c.inputSize ?? 2,
    hiddenSize: c.hiddenSize ?? 3,
    seqLen: c.seqLen ?? 4,
    layer: c.layer ?? 0,
    numLayers: c.numLayers ?? 1,
    options: { ...Object.fromEntries(getCell(c.id).options.map((o) => [o.key, o.default])), ...(c.options ?? {}) },
  };
}

function initValues(c: ZooCase, dims: CellDims): Record<string, Arr> {
  const cell = getCell(c.id);
  const rng = createRng(11);
  const noise = createRng(12);
  const out: Record<string, Arr> = {};
  for (const spec of cell.params(dims)) {
    const data = spec.init(spec.shape, rng.fork(spec.name));
    if (spec.trainable !== false) for (let i = 0; i < data.length; i++) data[i] += noise.normal(0, c.noise ?? 0.2);
    out[spec.name] = { shape: spec.shape, data };
  }
  return out;
}

function toTensors(values: Record<string, Arr>): Params {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, tf.tensor(v.data, v.shape)]));
}

function randomInput(dims: CellDims, B: number, seed: number): { nested: number[][][]; flat: Float32Array } {
  const rng = createRng(seed);
  const nested = Array.from({ length: dims.seqLen }, () =>
    Array.from({ length: B }, () => Array.from({ length: dims.inputSize }, () => rng.normal(0, 1))));
  return { nested, flat: Float32Array.from(nested.flat(2)) };
}

function forward(c: ZooCase, dims: CellDims, p: Params, x: Float32Array, B: number) {
  const xs = tf.tensor3d(x, [dims.seqLen, B, dims.inputSize]);
  return runLayer(getCell(c.id), p, xs, dims, { record: true });
}

export function testCell(c: ZooCase): void {
  const cell = getCell(c.id);
  const B = c.batch ?? 2;

  describe(`cell ${c.id}`, () => {
    beforeAll(async () => {
      await useNodeBackend();
    });

    it('declares a coherent spec (paper, mechanisms, one equation per gate and state, ids agree with step)', () => {
      expect(cell.paper.authors.length).toBeGreaterThan(2);
      expect(cell.paper.year).toBeGreaterThan(1980);
      expect(cell.paper.title.length).toBeGreaterThan(5);
      expect(cell.mechanisms.length).toBeGreaterThan(0);
      expect(cell.summary.length).toBeGreaterThan(60);
      // The parts of the variant under test: a gate, state or line may belong to one variant only.
      const parts = partsFor(cell, c.options);
      const eqIds = parts.equations.map((e) => e.id);
      expect(new Set(eqIds).size, 'one equation line per id in a variant').toBe(eqIds.length);
      for (const g of parts.gates) expect(eqIds, `equation for gate ${g.id}`).toContain(g.id);
      for (const s of parts.states.filter((s) => !s.hidden)) expect(eqIds, `equation for state ${s.id}`).toContain(s.id);
      const dims = dimsOf(c);
      tf.tidy(() => {
        const p = toTensors(initValues(c, dims));
        const run = forward(c, dims, p, randomInput(dims, B, 1).flat, B);
        const traced = new Set(Object.keys(run.trace ?? {}));
        // Exactly the declared gates: a view must neither miss one nor show a stale one.
        // (the trace also records every state, which is checked below).
        const stateIds = new Set(parts.states.map((s) => s.id));
        const tracedGates = [...traced].filter((id) => !stateIds.has(id)).sort();
        expect(tracedGates, 'step returns exactly the declared gates').toEqual(parts.gates.map((g) => g.id).sort());
        expect(Object.keys(run.final).sort()).toEqual(parts.states.map((s) => s.id).sort());
      });
    });

    it('matches an independent implementation of its equations', () => {
      const dims = dimsOf(c);
      const values = initValues(c, dims);
      const input = randomInput(dims, B, 2);
      const ref = c.reference(input.nested, values, dims);
      const { outputs, finals } = tf.tidy(() => {
        const run = forward(c, dims, toTensors(values), input.flat, B);
        return {
          outputs: run.outputs.map((o) => o.arraySync() as number[][]),
          finals: Object.fromEntries(Object.entries(run.final).map(([k, v]) => [k, v.arraySync() as number[][]])),
        };
      });
      const tol = c.tol?.forward ?? 1e-4;
      const close = (got: number[][], want: number[][], what: string) => {
        expect(got.length, what).toBe(want.length);
        got.forEach((row, b) => row.forEach((v, j) => {
          expect(Math.abs(v - want[b][j]), `${what} [${b}][${j}]: got ${v}, want ${want[b][j]}`).toBeLessThanOrEqual(tol * (1 + Math.abs(want[b][j])));
        }));
      };
      expect(outputs.length).toBe(ref.outputs.length);
      outputs.forEach((o, t) => close(o, ref.outputs[t], `output t=${t}`));
      for (const [k, want] of Object.entries(ref.states ?? {})) close(finals[k], want, `final ${k}`);
    });

    it('has gradients equal to finite differences', () => {
      const dims = dimsOf(c);
      const values = initValues(c, dims);
      const input = randomInput(dims, B, 3);
      const rng = createRng(4);
      const loss = (p: Params) => tf.tidy(() => {
        const out = tf.stack(forward(c, dims, p, input.flat, B).outputs);
        const r = tf.tensor(Float32Array.from({ length: out.size }, (_, i) => Math.sin(i * 1.7 + 0.3)), out.shape);
        return tf.sum(tf.mul(out, r)) as tf.Scalar;
      });
      const trainable = cell.params(dims).filter((s) => s.trainable !== false && !(c.skipGrad ?? []).includes(s.name));
      const vars = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, tf.variable(tf.tensor(v.data, v.shape), true, `fd_${c.id}_${k}_${Math.random()}`)]));
      const { grads, value } = tf.variableGrads(() => loss(vars), trainable.map((s) => vars[s.name]));
      const byName = Object.fromEntries(trainable.map((s) => [s.name, grads[vars[s.name].name].dataSync()]));
      const scale = Math.max(1, ...Object.values(byName).flatMap((g) => Array.from(g).map(Math.abs)));
      const eps = 1e-2;
      for (const spec of trainable) {
        const g = byName[spec.name];
        for (let k = 0; k < Math.min(5, g.length); k++) {
          const idx = rng.int(g.length);
          const probe = (delta: number) => {
            const data = Float32Array.from(values[spec.name].data);
            data[idx] += delta;
            const p = tf.tidy(() => toTensors({ ...values, [spec.name]: { shape: spec.shape, data } }));
            const v = loss(p).dataSync()[0];
            tf.dispose(Object.values(p));
            return v;
          };
          const fd = (probe(eps) - probe(-eps)) / (2 * eps);
          const tolAbs = (c.tol?.gradAbs ?? 2e-3) * scale;
          const tolRel = c.tol?.gradRel ?? 0.05;
          expect(Math.abs(fd - g[idx]), `∂L/∂${spec.name}[${idx}]: analytic ${g[idx]}, finite difference ${fd}`).toBeLessThanOrEqual(tolAbs + tolRel * Math.abs(fd));
        }
      }
      tf.dispose([value, ...Object.values(grads), ...Object.values(vars)]);
    });

    it('counts its parameters as the paper does', () => {
      for (const [I, H] of [[3, 5], [7, 16]]) {
        const dims = { ...dimsOf(c), inputSize: I, hiddenSize: H };
        const count = cell.params(dims).filter((s) => s.trainable !== false).reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
        expect(count, `I=${I}, H=${H}`).toBe(c.paramCount(I, H, dims.options));
      }
    });

    it('leaks no tensors through forward and backward', () => {
      const dims = dimsOf(c);
      const values = initValues(c, dims);
      const vars = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, tf.variable(tf.tensor(v.data, v.shape), true, `leak_${c.id}_${k}_${Math.random()}`)]));
      const input = randomInput(dims, B, 5).flat;
      const once = () => {
        const { value, grads } = tf.variableGrads(() => tf.tidy(() => tf.sum(tf.stack(forward(c, dims, vars, input, B).outputs)) as tf.Scalar),
          cell.params(dims).filter((s) => s.trainable !== false).map((s) => vars[s.name]));
        tf.dispose([value, ...Object.values(grads)]);
      };
      once();
      const before = tf.memory().numTensors;
      once();
      once();
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose(Object.values(vars));
    });

    it(`learns: a short seeded run on ${c.train.overrides.taskId ?? 'adding'} lowers the loss`, async () => {
      const config: RunConfig = {
        cellId: c.id, cellOptions: dimsOf(c).options, taskId: 'adding', seqLen: 10, hiddenSize: 16, numLayers: 1,
        bidirectional: false, learningRate: 0.01, batchSize: 16, recurrentScale: 0, clipNorm: 1, seed: 1,
        ...c.train.overrides,
      };
      const before = tf.memory().numTensors;
      const tr = new Trainer(config);
      const losses: number[] = [];
      for (let done = 0; done < c.train.steps; done += 10) {
        tr.train(Math.min(10, c.train.steps - done));
        losses.push(...(await tr.snapshot(1)).telemetry.points.map((p) => p.loss));
      }
      tr.dispose();
      expect(tf.memory().numTensors).toBe(before);
      const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
      const first = mean(losses.slice(0, 10));
      const last = mean(losses.slice(-10));
      expect(Number.isFinite(last), `final loss ${last}`).toBe(true);
      expect(last, `loss ${first.toFixed(4)} → ${last.toFixed(4)}`).toBeLessThan(first * (c.train.maxRatio ?? 0.8));
    });
  });
}
