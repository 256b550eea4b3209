// The CLI as a user runs it: a child process on fixture files and on malformed ones.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClose, loadFixture } from './pytorch-fixtures';
import { cli, scratch, type Result } from './cli-run';
import * as tf from '@tensorflow/tfjs-core';
import { getCell } from '../../src/cells/registry';
import { useNodeBackend } from '../../src/engine/node-backend';
import { forwardStack } from '../../src/engine/pytorch-run';
import { Trainer } from '../../src/engine/trainer';
import { weightsFileJson } from '../../src/engine/weights-file';
import type { RunConfig } from '../../src/protocol/messages';
import { cellsCommand, forwardCellCommand } from '../../src/cli/cell-commands';
import { jacobiansCommand } from '../../src/cli/jacobian-commands';
import { forwardCommand, gradNormsCommand } from '../../src/cli/pytorch-commands';

type Nested = number | Nested[];
/** [a][b][…] → [b][a][…]. */
const swap01 = (x: Nested[][]) => x[0].map((_, j) => x.map((row) => row[j]));

const { dir, write } = scratch('rnn-atlas-cli-');

/** A refusal: exit code 2, one clean message on stderr, nothing on stdout, no stack trace. */
function expectRefused(r: Result, message: string | RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: /);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('cli forward / gradnorms', () => {
  const lstm = loadFixture('lstm_l2_bi');
  const lstmModel = write('lstm-model.json', lstm.model);
  const lstmInput = write('lstm-input.json', lstm.input);

  it('forward prints output, h_n and c_n matching PyTorch', async () => {
    const r = await cli('forward', lstmModel, lstmInput);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['c_n', 'h_n', 'layout', 'output']);
    expect(out.layout).toMatch(/^\[T, B, I\] \(time-major/);
    expectClose(out.output, lstm.expected.output, 'output');
    expectClose(out.h_n, lstm.expected.h_n, 'h_n');
    expectClose(out.c_n, lstm.expected.c_n!, 'c_n');
  });

  it('forward on a GRU prints no c_n; gradnorms match PyTorch', async () => {
    const gru = loadFixture('gru_l2_bi');
    const model = write('gru-model.json', gru.model);
    const input = write('gru-input.json', gru.input);
    const fwd = await cli('forward', model, input);
    const gn = await cli('gradnorms', model, input);
    expect(fwd.code).toBe(0);
    const out = JSON.parse(fwd.stdout);
    expect(Object.keys(out).sort()).toEqual(['h_n', 'layout', 'output']);
    expectClose(out.h_n, gru.expected.h_n, 'h_n');
    expect(gn.code).toBe(0);
    const norms = JSON.parse(gn.stdout);
    expect(Object.keys(norms)).toEqual(['about', 'layout', 'grad_norms']);
    expect(norms.about).toMatch(/top layer, forward direction.*full BPTT/);
    expectClose(norms.grad_norms, gru.expected.grad_norms, 'grad_norms');
  });

  it('refuses bad JSON', async () => {
    expectRefused(await cli('forward', write('bad.json', '{"format": "pytorch", '), lstmInput), /bad\.json: model: bad JSON/);
  });

  it('refuses a wrong shape, with expected and actual shapes', async () => {
    const m = structuredClone(lstm.model);
    (m.state_dict.weight_hh_l0 as number[][]).pop();
    expectRefused(
      await cli('forward', write('shape.json', m), lstmInput),
      'state_dict.weight_hh_l0: expected shape [16, 4], got [15, 4]',
    );
  });

  it('refuses an unknown module', async () => {
    const m = { ...lstm.model, module: 'Transformer' };
    expectRefused(await cli('gradnorms', write('module.json', m), lstmInput), /unknown module.*"Transformer"/);
  });

  it('refuses an input that does not fit the model, a missing file, a wrong argument count and an unknown command', async () => {
    // One at a time: the machine's cores are shared.
    const input = await cli('forward', lstmModel, write('input.json', { input: [[[1, 2]]] }));
    const missing = await cli('forward', join(dir, 'nope.json'), lstmInput);
    const args = await cli('forward', lstmModel);
    const unknown = await cli('train', lstmModel);
    expectRefused(input, 'input: expected shape [*, *, 3], got [1, 1, 2]');
    expectRefused(missing, 'nope.json: no such file');
    expectRefused(args, /expected 2 argument\(s\)[\s\S]*usage: npm run --silent cli -- forward \[--batch-first\] MODEL\.json INPUT\.json/);
    expectRefused(unknown, 'unknown command "train"');
  });

  it('forward runs a weight file the page saved for any cell (rnn-atlas) and prints every final state', async () => {
    await useNodeBackend();
    const config: RunConfig = {
      cellId: 'clockwork', cellOptions: { modules: 2, periodBase: 2 }, taskId: 'adding', seqLen: 6, hiddenSize: 4, numLayers: 2,
      bidirectional: false, learningRate: 0.01, batchSize: 2, recurrentScale: 0, clipNorm: 1, seed: 4,
    };
    const trainer = new Trainer(config);
    const values = trainer.values();
    trainer.dispose();
    const file = weightsFileJson(config, 2, values);
    const input = [[[0.5, 0], [0.1, 1]], [[0.2, 1], [0.3, 0]], [[0.9, 0], [0.4, 0]]];
    const r = await cli('forward', write('cw.json', file), write('cw-input.json', { input }));
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { output: number[][][]; states: Record<string, number[][][]> };
    // The same numbers as the engine's own stack on those parameters.
    const want = tf.tidy(() => {
      const stack = { cell: getCell('clockwork'), inputSize: 2, hiddenSize: 4, numLayers: 2, bidirectional: false, seqLen: 3, options: config.cellOptions };
      const params = Object.fromEntries(Object.entries(values).map(([k, d]) => [k, tf.tensor(d.values, d.shape)]));
      return forwardStack(stack, params, tf.tensor3d(input)).output.arraySync() as number[][][];
    });
    expectClose(out.output, want, 'output');
    expect(Object.keys(out.states)).toEqual(['h']);
    expect(out.states.h.length).toBe(2);
    expectRefused(await cli('forward', write('cw2.json', file), write('cw-h0.json', { input, h0: [[[0, 0, 0, 0]]] })), /give only "input"/);
  });
});

describe('cli layouts: batch_first and unbatched input, as PyTorch takes them', () => {
  const gru = loadFixture('gru_l2_bi');

  it('a batch_first model reads [B][T][I] and prints output as [B][T][D·H]; h_n stays [L·D][B][H]', async () => {
    const model = { ...gru.model, config: { ...gru.model.config, batch_first: true } };
    const input = { ...gru.input, input: swap01(gru.input.input as Nested[][]) };
    const r = await cli('forward', write('bf-model.json', model), write('bf-input.json', input));
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.layout).toMatch(/^\[B, T, I\] \(batch_first=True\)/);
    expectClose(out.output, swap01(gru.expected.output as Nested[][]) as number[][][], 'output');
    expectClose(out.h_n, gru.expected.h_n, 'h_n');
  });

  it('an unbatched input [T][I] with h0 [L·D][H] gives unbatched output and h_n (batch item 0 of the batched run)', async () => {
    const x = (gru.input.input as number[][][]).map((step) => step[0]);
    const input: Record<string, unknown> = { input: x };
    if (gru.input.h0) input.h0 = (gru.input.h0 as number[][][]).map((l) => l[0]);
    const r = await cli('gradnorms', write('gru-model-u.json', gru.model), write('un-input.json', input));
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.layout).toMatch(/^\[T, I\] \(unbatched/);
    expect(out.grad_norms).toHaveLength(x.length);
    const fwd = await cli('forward', write('gru-model-u2.json', gru.model), write('un-input2.json', input));
    const f = JSON.parse(fwd.stdout);
    expectClose(f.output, (gru.expected.output as number[][][]).map((step) => step[0]), 'output');
    expectClose(f.h_n, (gru.expected.h_n as number[][][]).map((l) => l[0]), 'h_n');
  });
});

describe('cli help', () => {
  it('every command that reads files states its arguments and formats and points to docs/FILE-FORMATS.md', () => {
    for (const c of [forwardCommand, gradNormsCommand, jacobiansCommand, forwardCellCommand]) {
      expect(c.help).toContain('docs/FILE-FORMATS.md');
      for (const arg of c.usage.split(' ').filter((a) => a.endsWith('.json'))) expect(c.help).toContain(`${arg}:`);
    }
    expect(cellsCommand.help).toContain('docs/STATE-LAYOUTS.md');
    expect(gradNormsCommand.help).toMatch(/TOP layer’s FORWARD direction/);
    expect(gradNormsCommand.help).toMatch(/full backpropagation-through-time/);
    expect(gradNormsCommand.help).toMatch(/over the batch and the hidden units/);
  });

  it('`<command> --help` and `help <command>` print it on stdout with exit 0', async () => {
    const a = await cli('forward', '--help');
    const b = await cli('help', 'gradnorms');
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
    expect(a.stdout).toMatch(/^usage: npm run --silent cli -- forward \[--batch-first\] MODEL\.json INPUT\.json/);
    expect(a.stdout).toContain('--batch-first');
    expect(b.stdout).toContain('grad_norms');
  });
});
