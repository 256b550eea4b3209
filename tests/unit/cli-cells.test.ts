// `cells` and `forward-cell` as a user runs them: a child process on fixture and malformed files.
import { describe, expect, it } from 'vitest';
import { cellList, getCell } from '../../src/cells/registry';
import { readCellParams } from '../../src/cli/cell-input';
import { FILE_LIMITS } from '../../src/engine/weights-schema';
import { expectClose, loadFixture } from './pytorch-fixtures';
import { cli, scratch, type Result } from './cli-run';

const { write } = scratch('rnn-atlas-cli-cells-');

function expectRefused(r: Result, ...messages: (string | RegExp)[]) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: /);
  for (const m of messages) {
    if (typeof m === 'string') expect(r.stderr).toContain(m);
    else expect(r.stderr).toMatch(m);
  }
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

type Nested = number | Nested[];
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** One-layer fixture's state_dict under the cell's local names (weight_ih_l0 → weight_ih). */
function localParams(name: string) {
  const f = loadFixture(name);
  const params: Record<string, Nested> = {};
  for (const [k, v] of Object.entries(f.model.state_dict)) params[k.replace(/_l0$/, '')] = v;
  return { f, params };
}

describe('cli cells', () => {
  it('lists every registered cell with its paper, options, parameters and states', async () => {
    const r = await cli('cells');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { cells } = JSON.parse(r.stdout);
    expect(cells.map((c: { id: string }) => c.id)).toEqual(cellList.map((c) => c.id));
    const byId = Object.fromEntries(cells.map((c: { id: string }) => [c.id, c]));
    expect(byId.lstm.parameters).toEqual([
      { name: 'weight_ih', shape: '4H × I', init: 'U(−1/√H, 1/√H)', role: 'input', trainable: true },
      { name: 'weight_hh', shape: '4H × H', init: 'U(−1/√H, 1/√H)', role: 'recurrent', trainable: true },
      { name: 'bias_ih', shape: '4H', init: 'U(−1/√H, 1/√H)', role: 'bias', trainable: true },
      { name: 'bias_hh', shape: '4H', init: 'U(−1/√H, 1/√H)', role: 'bias', trainable: true },
    ]);
    expect(byId.lstm.states).toEqual(['h', 'c']);
    expect(byId.lstm.options[0]).toMatchObject({ key: 'forgetBias', kind: 'number', default: 0, min: -3, max: 5 });
    expect(byId.gru.parameters.map((p: { shape: string }) => p.shape)).toEqual(['3H × I', '3H × H', '3H', '3H']);
    expect(byId.gru.states).toEqual(['h']);
    expect(byId.rnn.options[0]).toMatchObject({ key: 'nonlinearity', kind: 'choice', choices: ['tanh', 'relu'] });
    expect(byId.rnn.paper).toMatchObject({ authors: 'Elman', year: 1990 });
    // Variants: a choice that changes the parameter list is listed with its own parameters and states.
    expect(byId.rnn.variants).toEqual([]); // relu vs tanh: same parameters
    expect(byId.dilated.variants).toEqual([expect.objectContaining({ options: { cell: 'tanh' }, states: ['h', 'buf'] })]);
    expect(byId.dilated.variants[0].parameters.map((p: { name: string }) => p.name)).toEqual(['weight_ih', 'weight_hh', 'bias']);
    const hyper = byId.ftru.variants.find((v: { options: object }) => JSON.stringify(v.options) === '{"degreeFrom":"hyper"}');
    expect(hyper.states).toEqual(['h', 'p']);
    expect(hyper.parameters.some((p: { name: string }) => p.name.startsWith('hyper_'))).toBe(true);
    expect(byId.ftru.parameters.some((p: { name: string }) => p.name.startsWith('hyper_'))).toBe(false);
    // Numeric options that change the list or its shapes are named.
    expect(byId.clockwork.size_options).toContain('modules');
    expect(byId.qrnn.size_options).toEqual(['window']);
    expect(byId.lstm.size_options).toEqual([]);
    for (const c of cells) {
      expect(c.paper.title.length).toBeGreaterThan(0);
      expect(c.parameters.length).toBeGreaterThan(0);
      expect(c.states.length).toBeGreaterThan(0);
      for (const p of c.parameters) expect(typeof p.shape === 'string' && p.shape.length > 0).toBe(true);
    }
  });
});

describe('cli forward-cell', () => {
  const { f: lstm, params: lstmParams } = localParams('lstm_l1_uni');
  const lstmPath = write('lstm-params.json', { config: { input_size: 3, hidden_size: 4 }, params: lstmParams });
  const inputPath = write('lstm-input.json', { input: lstm.input.input });

  it('runs one LSTM layer: output, final h and c equal PyTorch; gates are [T][B][H] and match the equations', async () => {
    const r = await cli('forward-cell', 'lstm', lstmPath, inputPath);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expectClose(out.output, lstm.expected.output, 'output');
    expectClose(out.states.h, (lstm.expected.h_n as Nested[])[0], 'h');
    expectClose(out.states.c, (lstm.expected.c_n as Nested[])[0], 'c');
    expect(Object.keys(out.gates).sort()).toEqual(['f', 'g', 'i', 'o']);
    const x = lstm.input.input as number[][][];
    const [T, B] = [x.length, x[0].length];
    for (const g of Object.values(out.gates) as number[][][][]) expect([g.length, g[0].length, g[0][0].length]).toEqual([T, B, 4]);
    // o at t = 0 with h_0 = 0: σ(W_io x_0 + b_io + b_ho), rows 3H..4H of PyTorch's (i, f, g, o) layout.
    const W = lstmParams.weight_ih as number[][];
    const bi = lstmParams.bias_ih as number[];
    const bh = lstmParams.bias_hh as number[];
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < 4; j++) {
        const row = 12 + j;
        const pre = W[row].reduce((s, w, k) => s + w * x[0][b][k], bi[row] + bh[row]);
        expect(out.gates.o[0][b][j]).toBeCloseTo(sigmoid(pre), 5);
      }
    }
  });

  it('continues from state0: the run on steps 3… from the state after step 2 equals the full run', async () => {
    const { f: gru, params } = localParams('gru_l1_uni');
    const x = gru.input.input as number[][][];
    const p = write('gru-params.json', { config: { input_size: 3, hidden_size: 4 }, params });
    const head = JSON.parse((await cli('forward-cell', 'gru', p, write('head.json', { input: x.slice(0, 3) }))).stdout);
    const tail = await cli('forward-cell', 'gru', p, write('tail.json', { input: x.slice(3), state0: { h: head.states.h } }));
    expect(tail.stderr).toBe('');
    const out = JSON.parse(tail.stdout);
    expectClose(out.output, (gru.expected.output as Nested[]).slice(3), 'output after state0');
    expectClose(out.states.h, (gru.expected.h_n as Nested[])[0], 'h');
  });

  it('refuses an unknown cell, naming the known ones', async () => {
    expectRefused(await cli('forward-cell', 'lstn', lstmPath, inputPath), 'unknown cell "lstn"', /known cells: rnn, lstm/);
  });

  it('refuses unknown and missing parameters, naming the expected ones with shapes', async () => {
    const extra = write('extra.json', { config: { input_size: 3, hidden_size: 4 }, params: { ...lstmParams, weight_hx: [[0]] } });
    expectRefused(await cli('forward-cell', 'lstm', extra, inputPath), 'unknown parameter(s) "weight_hx"', 'weight_hh [16, 4] (4H × H)');
    const { bias_hh: _, ...noBias } = lstmParams;
    const missing = write('missing.json', { config: { input_size: 3, hidden_size: 4 }, params: noBias });
    expectRefused(await cli('forward-cell', 'lstm', missing, inputPath), 'missing parameter(s) bias_hh [16] (4H)');
  });

  it('refuses a wrong shape, naming the expected one', async () => {
    const bad = write('shape.json', { config: { input_size: 3, hidden_size: 4 }, params: { ...lstmParams, weight_hh: (lstmParams.weight_hh as number[][]).slice(0, 12) } });
    expectRefused(await cli('forward-cell', 'lstm', bad, inputPath), 'params.weight_hh (4H × H): expected shape [16, 4], got [12, 4]');
  });

  it('refuses a bad or unknown option and a wrong input width', async () => {
    const badOpt = write('opt.json', { config: { input_size: 3, hidden_size: 4, forgetBias: 'high' }, params: lstmParams });
    expectRefused(await cli('forward-cell', 'lstm', badOpt, inputPath), 'config.forgetBias: expected a number in [-3, 5], got "high"');
    const rnnParams = localParams('rnn_tanh_l1_uni').params;
    const badChoice = write('choice.json', { config: { input_size: 3, hidden_size: 4, nonlinearity: 'gelu' }, params: rnnParams });
    expectRefused(await cli('forward-cell', 'rnn', badChoice, inputPath), 'config.nonlinearity: expected one of "tanh", "relu", got "gelu"');
    const unknownOpt = write('unknown-opt.json', { config: { input_size: 3, hidden_size: 4, forget_bias: 1 }, params: lstmParams });
    expectRefused(await cli('forward-cell', 'lstm', unknownOpt, inputPath), 'unknown key(s) "forget_bias"', 'forgetBias');
    const wide = write('wide.json', { input: [[[1, 2, 3, 4]]] });
    expectRefused(await cli('forward-cell', 'lstm', lstmPath, wide), /input \(\[T\]\[B\]\[input_size\]\): expected shape \[\*, \*, 3\], got \[1, 1, 4\]/);
  });
});

describe('forward-cell limits', () => {
  it('refuses sizes beyond the weight files’ limits before the cell builds anything (a dilated layer 999,999 would want 2^999999 states)', () => {
    const read = (config: Record<string, unknown>) => () => readCellParams(getCell('dilated'), { config: { input_size: 1, hidden_size: 4, ...config }, params: {} }, 1);
    expect(read({ num_layers: 1_000_000, layer: 999_999 })).toThrow(`config.num_layers: expected an integer from 1 to ${FILE_LIMITS.numLayers}, got 1000000`);
    expect(read({ hidden_size: 1e6 })).toThrow(`config.hidden_size: expected an integer from 1 to ${FILE_LIMITS.hiddenSize}, got 1000000`);
    expect(read({ seq_len: 1e9 })).toThrow(/config\.seq_len/);
  });
});
