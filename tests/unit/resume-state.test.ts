// Every cell's state is complete (issue 11): a sequence run in pieces, each piece from the state
// the previous one returned, gives exactly (to float32 rounding) the outputs and final state of
// one run. Checked for every cell of the registry, with its defaults and with every option value
// that changes what the state must hold (NARX's output or hidden feedback, QRNN's window, …), on
// one and two layers, through the engine's public resume path (src/engine/resume.ts) and, for
// NARX with output feedback, through the `forward-cell` CLI as the issue describes it.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellList, getCell } from '../../src/cells/registry';
import { statesFor, type CellOptions, type CellSpec, type Params } from '../../src/cells/types';
import { forward, initModelValues, type ModelConfig } from '../../src/engine/model';
import { useNodeBackend } from '../../src/engine/node-backend';
import { disposeModelState, initialModelState, runFrom, type ModelState } from '../../src/engine/resume';
import { createRng } from '../../src/engine/rng';
import { cli, scratch } from './cli-run';

const T = 12;
const B = 2;
const I = 3;
const H = 6;
const OUT = 4;

beforeAll(async () => {
  await useNodeBackend();
});

function config(cell: CellSpec, options: CellOptions, numLayers: number, bidirectional = false): ModelConfig {
  return {
    stack: { cell, inputSize: I, hiddenSize: H, numLayers, bidirectional, seqLen: T, options, recurrentScale: 0 },
    outputSize: OUT,
  };
}

/** The cell's own init plus noise on every trainable value, so zero-initialised biases matter too. */
function params(mc: ModelConfig, seed: number): Params {
  const noise = createRng(seed + 1000);
  const out: Params = {};
  for (const [name, v] of initModelValues(mc, createRng(seed))) {
    const values = Float32Array.from(v.values);
    if (v.trainable) for (let i = 0; i < values.length; i++) values[i] += noise.normal(0, 0.2);
    out[name] = tf.tensor(values, v.shape);
  }
  return out;
}

function input(seed: number): tf.Tensor3D {
  const rng = createRng(seed);
  return tf.tensor3d(Float32Array.from({ length: T * B * I }, () => rng.normal(0, 1)), [T, B, I]);
}

/**
 * The option values that change what a cell carries from step to step: every other choice or
 * boolean value, and each integer option's minimum and maximum (window widths, delay orders, lags,
 * filter lengths, sizes), one option at a time.
 */
function variants(cell: CellSpec): { name: string; options: CellOptions }[] {
  const out = [{ name: 'defaults', options: {} as CellOptions }];
  for (const o of cell.options) {
    const values: (string | number | boolean)[] = [];
    if (o.kind === 'choice') values.push(...(o.choices ?? []).filter((c) => c !== o.default));
    else if (o.kind === 'boolean') values.push(!o.default);
    else if (o.kind === 'integer') values.push(...[o.min, o.max].filter((v): v is number => v !== undefined && v !== o.default));
    for (const v of values) out.push({ name: `${o.key}=${v}`, options: { [o.key]: v } });
  }
  return out;
}

async function arrays(ts: tf.Tensor[]): Promise<Float32Array[]> {
  return Promise.all(ts.map(async (t) => (await t.data()) as Float32Array));
}

function expectNear(got: Float32Array, want: Float32Array, what: string): void {
  expect(got.length, what).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / (1 + Math.abs(want[i])));
  expect(worst, `${what}: largest difference`).toBeLessThan(2e-5);
}

/** One run over all T steps against the same steps fed in pieces of the given lengths. */
async function checkPieces(mc: ModelConfig, seed: number, pieces: number[]): Promise<void> {
  const p = params(mc, seed);
  const xs = input(seed + 7);
  const whole = forward(mc, p, xs);
  let state: ModelState | undefined;
  const outs: tf.Tensor3D[] = [];
  let t0 = 0;
  for (const k of pieces) {
    const x = tf.slice(xs, [t0, 0, 0], [k, -1, -1]) as tf.Tensor3D;
    const run = runFrom(mc, p, x, state);
    disposeModelState(state);
    state = run.state;
    outs.push(run.out);
    run.top.dispose();
    x.dispose();
    t0 += k;
  }
  const [a, b] = await arrays([whole.out, tf.concat(outs, 0)]);
  expectNear(b, a, 'outputs');
  const ids = statesFor(mc.stack.cell, mc.stack.options).map((s) => s.id);
  for (let l = 0; l < mc.stack.numLayers; l++) {
    expect(Object.keys(state![l]).sort(), `layer ${l}'s state ids`).toEqual([...ids].sort());
    for (const id of ids) {
      const [w, g] = await arrays([whole.stack.finals[l][id], state![l][id]]);
      expectNear(g, w, `layer ${l}, final ${id}`);
    }
  }
  disposeModelState(state);
}

describe('resuming from a returned state equals one run', () => {
  for (const cell of cellList) {
    it(`${cell.id}: every state-changing variant, one layer, two halves`, async () => {
      for (const v of variants(cell)) {
        const mc = config(cell, v.options, 1);
        tf.engine().startScope();
        try {
          await checkPieces(mc, 3, [T / 2, T / 2]);
        } catch (e) {
          throw new Error(`${cell.id} (${v.name}): ${(e as Error).message}`);
        } finally {
          tf.engine().endScope();
        }
      }
    });
  }

  for (const cell of cellList) {
    it(`${cell.id}: two layers, in three uneven pieces`, async () => {
      tf.engine().startScope();
      try {
        await checkPieces(config(cell, {}, 2), 5, [1, 7, 4]);
      } finally {
        tf.engine().endScope();
      }
    });
  }

  // Cells whose state depends on the layer (the Dilated RNN's dilation doubles per layer) or holds
  // several past states (HOT-RNN's lags, mRNN/mLSTM's filter buffers), on three layers.
  for (const id of ['dilated', 'hotrnn', 'mrnn', 'mlstm']) {
    it(`${id}: three layers, in pieces of 5 and 7`, async () => {
      tf.engine().startScope();
      try {
        await checkPieces(config(getCell(id), {}, 3), 6, [5, 7]);
      } finally {
        tf.engine().endScope();
      }
    });
  }
});

describe('runFrom', () => {
  it('disposes every intermediate tensor and hands out a state that survives disposing the old one', async () => {
    const mc = config(getCell('urnn'), {}, 2); // the uRNN's h0 is a parameter: the state must not alias it
    const p = params(mc, 1);
    const xs = input(2);
    const before = tf.memory().numTensors;
    let state: ModelState | undefined = initialModelState(mc, p, B);
    for (let t = 0; t < 3; t++) {
      const x = tf.slice(xs, [t, 0, 0], [1, -1, -1]) as tf.Tensor3D;
      const run = runFrom(mc, p, x, state);
      disposeModelState(state);
      state = run.state;
      tf.dispose([x, run.out, run.top]);
    }
    const live = state!.flatMap((s) => Object.values(s)).length;
    expect(tf.memory().numTensors).toBe(before + live);
    disposeModelState(state);
    expect(tf.memory().numTensors).toBe(before);
    // Every parameter is still alive (none was handed out as state and then disposed).
    for (const t of Object.values(p)) expect(t.isDisposed).toBe(false);
    tf.dispose([xs, ...Object.values(p)]);
  });

  it('starts from initialModelState exactly as from no state', async () => {
    const mc = config(getCell('lstm'), {}, 2);
    const p = params(mc, 4);
    const xs = input(5);
    const s0 = initialModelState(mc, p, B);
    const a = runFrom(mc, p, xs);
    const b = runFrom(mc, p, xs, s0);
    const [x, y] = await arrays([a.out, b.out]);
    expect(Array.from(y)).toEqual(Array.from(x));
    disposeModelState(s0);
    disposeModelState(a.state);
    disposeModelState(b.state);
    tf.dispose([a.out, a.top, b.out, b.top, xs, ...Object.values(p)]);
  });

  it('refuses a bidirectional model, whose backward direction reads the sequence from its end', () => {
    const mc = config(getCell('gru'), {}, 1, true);
    const p = params(mc, 1);
    const xs = input(1);
    expect(() => runFrom(mc, p, xs)).toThrow(/bidirectional/);
    expect(() => initialModelState(mc, p, B)).toThrow(/bidirectional/);
    tf.dispose([xs, ...Object.values(p)]);
  });
});

describe('forward-cell in two halves (the issue\'s check, through the CLI)', () => {
  const { write } = scratch('rnn-atlas-resume-');
  it('NARX with output feedback: the second half from the first half\'s states equals one run', async () => {
    const cell = getCell('narx');
    const dims = { inputSize: 2, hiddenSize: 4, seqLen: 6, layer: 0, numLayers: 1, options: { feedback: 'output', order: 2, outputs: 3 } };
    const rng = createRng(9);
    const paramsJson: Record<string, unknown> = {};
    for (const spec of cell.params(dims)) {
      const v = Array.from(spec.init(spec.shape, rng.fork(spec.name)), (x) => x + rng.normal(0, 0.3));
      paramsJson[spec.name] = spec.shape.length === 1 ? v : Array.from({ length: spec.shape[0] }, (_, i) => v.slice(i * spec.shape[1], (i + 1) * spec.shape[1]));
    }
    const p = write('narx.json', { config: { input_size: 2, hidden_size: 4, feedback: 'output', order: 2, outputs: 3 }, params: paramsJson });
    const x = Array.from({ length: 6 }, () => [[rng.normal(0, 1), rng.normal(0, 1)]]);
    const run = async (name: string, content: unknown) => {
      const r = await cli('forward-cell', 'narx', p, write(name, content));
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { output: number[][][]; states: Record<string, number[][]> };
    };
    const whole = await run('whole.json', { input: x });
    const head = await run('head.json', { input: x.slice(0, 3) });
    expect(Object.keys(head.states).sort()).toEqual(['clock', 'h', 'taps']);
    const tail = await run('tail.json', { input: x.slice(3), state0: head.states });
    const flat = (a: unknown) => Float32Array.from((a as number[]).flat(3) as number[]);
    expectNear(flat([...head.output, ...tail.output]), flat(whole.output), 'output');
    for (const id of Object.keys(whole.states)) expectNear(flat(tail.states[id]), flat(whole.states[id]), id);
  }, 30_000);
});
