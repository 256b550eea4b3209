// Weight files: PyTorch state_dicts and our own format load after a full check, a bad file gets a
// message that names the problem, and what the page saves loads back to the same numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import { getTask } from '../../src/engine/tasks/registry';
import { parseWeightsFile, weightsFileJson } from '../../src/engine/weights-file';
import { useNodeBackend } from '../../src/engine/node-backend';
import { Trainer, WeightsMismatch } from '../../src/engine/trainer';
import type { RunConfig } from '../../src/protocol/messages';
import { loadFixture } from './pytorch-fixtures';

const base: RunConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'adding', seqLen: 10, hiddenSize: 5, numLayers: 1,
  bidirectional: false, learningRate: 0.01, batchSize: 4, recurrentScale: 0, clipNorm: 1, seed: 7,
};

const sizes = (taskId: string) => {
  const t = getTask(taskId);
  return { inputSize: t.inputSize, outputSize: t.outputSize, name: taskId };
};

beforeAll(async () => {
  await useNodeBackend();
});

describe('weight files', () => {
  it('reads a PyTorch LSTM state_dict (a torch.nn fixture) for a task with its input size', () => {
    const fx = loadFixture('lstm_l2_bi');
    const I = fx.model.config.input_size as number;
    const f = parseWeightsFile(JSON.stringify({ format: 'pytorch', ...fx.model }), { inputSize: I, outputSize: 1 });
    expect(f.shape).toMatchObject({ cellId: 'lstm', hiddenSize: fx.model.config.hidden_size, numLayers: 2, bidirectional: true });
    expect(Object.keys(f.values).sort()).toEqual(Object.keys(fx.model.state_dict).sort());
    const w = f.values.weight_hh_l1_reverse;
    expect(Array.from(w.values.slice(0, 3))).toEqual((fx.model.state_dict.weight_hh_l1_reverse as number[][])[0].slice(0, 3).map(Math.fround));
  });

  it('says what is wrong: bad JSON, an unknown format, a missing tensor, a wrong shape, another input size', () => {
    const fx = loadFixture('gru_l1_uni');
    const I = fx.model.config.input_size as number;
    const task = { inputSize: I, outputSize: 1, name: 'adding' };
    const file = (patch: object) => JSON.stringify({ format: 'pytorch', ...fx.model, ...patch });
    expect(() => parseWeightsFile('{"format": "pytorch",', task)).toThrow(/bad JSON/);
    expect(() => parseWeightsFile('{"format": "onnx"}', task)).toThrow(/format: expected "pytorch".*"rnn-atlas"/);
    const { weight_hh_l0: _gone, ...rest } = fx.model.state_dict;
    expect(() => parseWeightsFile(file({ state_dict: rest }), task)).toThrow(/missing key\(s\) weight_hh_l0/);
    expect(() => parseWeightsFile(file({ state_dict: { ...fx.model.state_dict, bias_hh_l0: [1, 2] } }), task)).toThrow(/bias_hh_l0/);
    expect(() => parseWeightsFile(file({}), { ...task, inputSize: I + 1 })).toThrow(new RegExp(`input_size is ${I}, but the adding task feeds ${I + 1}`));
  });

  it('notes a model without biases, and leaves out a readout made for another task', () => {
    const fx = loadFixture('lstm_l1_uni_nobias');
    const I = fx.model.config.input_size as number;
    const H = fx.model.config.hidden_size as number;
    const readout = { weight: [Array(H).fill(0.5), Array(H).fill(0.25)], bias: [0, 1] };
    const f = parseWeightsFile(JSON.stringify({ format: 'pytorch', ...fx.model, readout }), { inputSize: I, outputSize: 3 });
    expect(f.notes.join(' ')).toMatch(/bias=False/);
    expect(f.notes.join(' ')).toMatch(/readout has 2 outputs and this task needs 3/);
    expect(f.values.weight_out).toBeUndefined();
    const kept = parseWeightsFile(JSON.stringify({ format: 'pytorch', ...fx.model, readout }), { inputSize: I, outputSize: 2 });
    expect(Array.from(kept.values.bias_out.values)).toEqual([0, 1]);
  });

  for (const [cellId, cellOptions, extra] of [
    ['gru', {}, { bidirectional: true }],
    ['rnn', { nonlinearity: 'relu' }, { numLayers: 2 }],
    ['clockwork', { modules: 2, periodBase: 3 }, {}],
    ['ftru', { degreeFrom: 'hyper', terms: 1 }, {}],
  ] as const) {
    it(`saves a ${cellId} run and loads it back to the same numbers, readout included`, () => {
      const config: RunConfig = { ...base, cellId, cellOptions: { ...cellOptions }, ...extra };
      const a = new Trainer(config);
      a.train(2);
      const saved = a.values();
      const json = JSON.stringify(weightsFileJson(config, a.task.inputSize, saved));
      expect(JSON.parse(json).format).toBe(['rnn', 'lstm', 'gru'].includes(cellId) ? 'pytorch' : 'rnn-atlas');
      const f = parseWeightsFile(json, sizes(config.taskId));
      expect(f.shape).toMatchObject({ cellId, hiddenSize: config.hiddenSize, numLayers: config.numLayers, bidirectional: config.bidirectional });
      for (const [k, v] of Object.entries(cellOptions)) expect(f.shape.cellOptions[k]).toBe(v);
      const b = new Trainer({ ...config, ...f.shape, seed: 999 }, f.values);
      const back = b.values();
      for (const [name, d] of Object.entries(saved)) expect(Array.from(back[name].values), name).toEqual(Array.from(d.values));
      a.dispose();
      b.dispose();
    });
  }

  it('checks our own format against the cell: unknown cell, bad option, wrong parameter names', () => {
    const task = sizes('adding');
    const doc = { format: 'rnn-atlas', cell: 'clockwork', config: { input_size: task.inputSize, hidden_size: 4 }, params: {} };
    expect(() => parseWeightsFile(JSON.stringify({ ...doc, cell: 'transformer' }), task)).toThrow(/unknown cell "transformer"/);
    expect(() => parseWeightsFile(JSON.stringify({ ...doc, cell_options: { modules: 99 } }), task)).toThrow(/cell_options\.modules: expected an integer in \[1, 8\]/);
    expect(() => parseWeightsFile(JSON.stringify({ ...doc, params: { nope: [1] } }), task)).toThrow(/unexpected key\(s\) "nope"/);
  });

  it('refuses, in the trainer, weights that do not fit the model', () => {
    const a = new Trainer(base);
    const values = a.values();
    expect(() => new Trainer({ ...base, hiddenSize: 6 }, values)).toThrow(WeightsMismatch);
    expect(() => new Trainer({ ...base, hiddenSize: 6 }, values)).toThrow(/weight_ih_l0 has shape \[20, 2\], this model needs \[24, 2\]/);
    a.dispose();
  });
});
