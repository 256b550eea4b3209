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
