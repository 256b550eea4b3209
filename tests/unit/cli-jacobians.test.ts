// The `jacobians` command against torch.autograd.functional.jacobian (tests/fixtures/jacobians/,
// written by tests/fixtures/make_jacobian_fixtures.py): relative error ≤ 1e-2 on every norm at
// T = 30, the eigenvalues of a square W_hh, the rnn-atlas format, and the refusals (exit 2, one line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import * as tf from '@tensorflow/tfjs-core';
import { jacobiansCommand } from '../../src/cli/jacobian-commands';
import { jacobianProfile } from '../../src/engine/instruments/jacobians';
import { importedParams, parsePytorchInput } from '../../src/engine/pytorch-import';
import { layerDims, paramsOf } from '../../src/engine/stack';
import { parseModelFile } from '../../src/engine/weights-file';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';
import { initStackValues, type StackConfig } from '../../src/engine/stack';
import { cli, scratch } from './cli-run';
import { FIXTURE_DIR as PYTORCH_DIR, loadFixture } from './pytorch-fixtures';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'jacobians');
const names = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as string[];
const { write } = scratch('rnn-atlas-jac-');

interface Out {
  jac_h_spectral: number[];
  jac_h_fro: number[];
  jac_x_spectral: number[];
  jac_x_fro: number[];
  eig_whh?: [number, number][];
}
const KEYS = ['jac_h_spectral', 'jac_h_fro', 'jac_x_spectral', 'jac_x_fro'] as const;

beforeAll(async () => {
  await useNodeBackend();
});

function relErr(got: number[], want: number[]): { worst: number; at: number } {
  let worst = 0;
  let at = -1;
  got.forEach((g, i) => {
    const e = Math.abs(g - want[i]) / Math.abs(want[i]);
    if (!(e <= worst)) {
      worst = e;
      at = i;
    }
  });
  return { worst, at };
}

/** Each expected eigenvalue matched to the nearest unused one. */
function expectSameEigenvalues(got: [number, number][], want: [number, number][], tol: number) {
  expect(got).toHaveLength(want.length);
  const used = new Set<number>();
  for (const [re, im] of want) {
    let best = -1;
    let bestD = Infinity;
    got.forEach(([r, i], k) => {
      const d = Math.hypot(r - re, i - im);
      if (!used.has(k) && d < bestD) [best, bestD] = [k, d];
    });
    used.add(best);
    expect(bestD, `eigenvalue ${re} + ${im}i`).toBeLessThan(tol);
  }
}

describe('jacobians CLI against PyTorch (torch.autograd.functional.jacobian), T = 30', () => {
  for (const name of names) {
    it(name, async () => {
      const fx = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
      const out = (await jacobiansCommand.run([write(`${name}-model.json`, fx.model), write(`${name}-input.json`, fx.input)])) as Out;
      const T = fx.input.input.length;
      expect(T).toBe(30);
      for (const k of KEYS) {
        expect(out[k], k).toHaveLength(k.startsWith('jac_h') ? T + 1 : T);
        const { worst, at } = relErr(out[k], fx.expected[k]);
        expect(worst, `${k}[${at}]: ${out[k][at]} vs ${fx.expected[k][at]}`).toBeLessThanOrEqual(1e-2);
      }
      expect(out.jac_h_spectral[T]).toBeCloseTo(1, 6);
      if (fx.expected.eig_whh) expectSameEigenvalues(out.eig_whh!, fx.expected.eig_whh, 1e-5);
      else expect(out.eig_whh).toBeUndefined();
    });
  }

  it('the worker’s default (Lanczos σ_max) is within 1e-2 of PyTorch on every fixture too', async () => {
    for (const name of names) {
      const fx = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
      const model = parseModelFile(JSON.stringify(fx.model));
      const input = parsePytorchInput(fx.input, model);
      const cfg = { ...model.config, seqLen: 30 };
      const all = importedParams(model);
      const I = cfg.inputSize;
      const xs = Array.from({ length: 30 }, (_, t) => Array.from(input.input.values.subarray(t * I, (t + 1) * I)));
      const state0: Record<string, Float32Array> = {};
      if (input.h0) state0.h = input.h0.values;
      if (input.c0) state0.c = input.c0.values;
      const prof = await jacobianProfile({ cell: cfg.cell, params: paramsOf(cfg, all, 0, false), dims: layerDims(cfg, 0), options: cfg.options, xs, state0 });
      tf.dispose(Object.values(all));
      for (const [k, got] of [['jac_h_spectral', prof.hSpectral], ['jac_x_spectral', prof.xSpectral]] as const) {
        const { worst, at } = relErr(got, fx.expected[k]);
        expect(worst, `${name} ${k}[${at}]`).toBeLessThanOrEqual(1e-2);
      }
    }
  });

  it('the fixtures show what they are for: α < 1 vanishes, α > 1 does not; a raised forget bias keeps more', () => {
    const load = (n: string) => JSON.parse(readFileSync(join(DIR, `${n}.json`), 'utf8')).expected as Out;
    expect(load('rnn_tanh_alpha_0.5').jac_h_spectral[0]).toBeLessThan(1e-6);
    expect(load('rnn_tanh_alpha_1.5').jac_h_spectral[0]).toBeGreaterThan(load('rnn_tanh_alpha_0.5').jac_h_spectral[0] * 1e3);
    expect(load('lstm_forget_3').jac_h_spectral[0]).toBeGreaterThan(load('lstm_forget_0').jac_h_spectral[0]);
  });
});

describe('jacobians CLI: other formats and refusals', () => {
  it('reads the page’s rnn-atlas files (IRNN: square W_hh, so eig_whh)', async () => {
    const cell = getCell('irnn');
    const cfg: StackConfig = { cell, inputSize: 2, hiddenSize: 4, numLayers: 1, bidirectional: false, seqLen: 12, options: {} };
    const values = initStackValues(cfg, createRng(3));
    const nest = (v: Float32Array, shape: number[]): unknown =>
      shape.length === 1 ? Array.from(v) : Array.from({ length: shape[0] }, (_, i) => Array.from(v.subarray(i * shape[1], (i + 1) * shape[1])));
    const params = Object.fromEntries([...values].map(([k, d]) => [k, nest(d.values, d.shape)]));
    const file = { format: 'rnn-atlas', cell: 'irnn', cell_options: {}, config: { input_size: 2, hidden_size: 4, num_layers: 1, bidirectional: false }, params };
    const rng = createRng(4);
    const input = Array.from({ length: 12 }, () => [[rng.normal(), rng.normal()]]);
    const out = (await jacobiansCommand.run([write('irnn.json', file), write('irnn-in.json', { input })])) as Out;
    expect(out.jac_h_fro).toHaveLength(13);
    expect(out.jac_x_fro).toHaveLength(12);
    expect(out.jac_h_fro[12]).toBeCloseTo(2, 6); // ‖I₄‖_F
    expect(out.eig_whh).toHaveLength(4);
    for (const [k, v] of Object.entries(out)) for (const x of v.flat()) expect(Number.isFinite(x), k).toBe(true);
  });

  it('refuses two layers, bidirectional and batch 2 in-process with a message naming the problem', async () => {
    const run = (fixture: string, input?: unknown) => {
      const fx = loadFixture(fixture);
      return jacobiansCommand.run([write(`${fixture}.json`, fx.model), write(`${fixture}-in.json`, input ?? fx.input)]);
    };
    await expect(run('lstm_l2_uni')).rejects.toThrow(/one-layer model, this one has 2 layers/);
    await expect(run('gru_l1_bi')).rejects.toThrow(/one-direction model, this one is bidirectional/);
    await expect(run('lstm_l1_uni')).rejects.toThrow(/input of batch 1, this one has batch 2/);
    expect(PYTORCH_DIR).toBeTruthy();
    // A 512-unit RNN over 200 steps: 200 SVDs of 512 × 512 matrices; refused before any is computed.
    const H = 512;
    const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array(c).fill(0));
    const big = { format: 'pytorch', module: 'RNN', config: { input_size: 1, hidden_size: H },
      state_dict: { weight_ih_l0: zeros(H, 1), weight_hh_l0: zeros(H, H), bias_ih_l0: new Array(H).fill(0), bias_hh_l0: new Array(H).fill(0) } };
    const steps = (T: number) => ({ input: Array.from({ length: T }, () => [0.5]) }); // unbatched [T][I]
    await expect(jacobiansCommand.run([write('big-rnn.json', big), write('big-in.json', steps(200))])).rejects.toThrow(/200 steps with a state of 512 numbers/);
  });

  it('exits 2 with one line on stderr, and prints one JSON line on success (as a user runs it)', async () => {
    const fx = loadFixture('lstm_l1_uni');
    const bad = await cli('jacobians', write('b2.json', fx.model), write('b2-in.json', fx.input));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^error: .*batch 1/);
    const one = { input: (fx.input.input as number[][][]).map((row) => [row[0]]) };
    const good = await cli('jacobians', write('b1.json', fx.model), write('b1-in.json', one));
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const out = JSON.parse(good.stdout) as Out;
    expect(Object.keys(out)).toEqual([...KEYS]);
    expect(out.jac_h_spectral).toHaveLength(one.input.length + 1);
  });
});
