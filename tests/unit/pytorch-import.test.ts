// The import parser: a good export round-trips into the stack's parameters, and every kind of
// bad file is refused with a message that names the problem.
import { describe, expect, it } from 'vitest';
import { ImportError, parsePytorchInput, parsePytorchModel } from '../../src/engine/pytorch-import';
import { stackParams } from '../../src/engine/stack';
import { flat, loadFixture } from './pytorch-fixtures';

const fx = () => loadFixture('lstm_l2_bi');
const withModel = (edit: (m: any) => void) => {
  const m = structuredClone(fx().model);
  edit(m);
  return m;
};
const refused = (f: () => unknown, message: string | RegExp) => {
  expect(f).toThrow(ImportError);
  expect(f).toThrow(message);
};

describe('parsePytorchModel', () => {
  it('reads an LSTM export into the stack config and every parameter, values intact', () => {
    const src = fx();
    const m = parsePytorchModel(JSON.stringify(src.model));
    expect(m.module).toBe('LSTM');
    expect(m.config.cell.id).toBe('lstm');
    expect([m.config.inputSize, m.config.hiddenSize, m.config.numLayers, m.config.bidirectional]).toEqual([3, 4, 2, true]);
    expect([...m.values.keys()]).toEqual(stackParams(m.config).map((p) => p.name));
    const w = m.values.get('weight_hh_l1_reverse')!;
    expect(w.shape).toEqual([16, 4]);
    expect(Array.from(w.values)).toEqual(flat(src.model.state_dict.weight_hh_l1_reverse).map(Math.fround));
    expect(m.fixedZero.size).toBe(0);
  });

  it('maps RNN nonlinearity to the cell option, tanh by default', () => {
    const relu = loadFixture('rnn_relu_l1_uni').model;
    expect(parsePytorchModel(relu).config.options.nonlinearity).toBe('relu');
    const m = structuredClone(loadFixture('rnn_tanh_l1_uni').model);
    delete m.config.nonlinearity;
    expect(parsePytorchModel(m).config.options.nonlinearity).toBe('tanh');
  });

  it('bias: false gives fixed zero biases', () => {
    const m = parsePytorchModel(loadFixture('gru_l2_bi_nobias').model);
    expect([...m.fixedZero].sort()).toEqual(
      stackParams(m.config).filter((p) => p.name.startsWith('bias_')).map((p) => p.name).sort(),
    );
    for (const k of m.fixedZero) expect(m.values.get(k)!.values.every((v) => v === 0)).toBe(true);
  });

  it('refuses bad JSON, and says so when NaN is the cause', () => {
    refused(() => parsePytorchModel('{"format": "pytorch",'), /model: bad JSON/);
    refused(() => parsePytorchModel('{"a": NaN}'), /NaN or Infinity/);
  });

  it('refuses an unknown module and a wrong format', () => {
    refused(() => parsePytorchModel(withModel((m) => (m.module = 'Transformer'))), 'module: unknown module; expected one of RNN, LSTM, GRU, got "Transformer"');
    refused(() => parsePytorchModel(withModel((m) => (m.format = 'onnx'))), 'format: expected "pytorch" (RNN, LSTM, GRU) or "rnn-atlas", got "onnx"');
  });

  it('names missing and unexpected state_dict keys', () => {
    refused(() => parsePytorchModel(withModel((m) => delete m.state_dict.bias_hh_l1)), 'state_dict: missing key(s) bias_hh_l1');
    refused(() => parsePytorchModel(withModel((m) => (m.state_dict.weight_hr_l0 = [[1]]))), 'state_dict: unexpected key(s) "weight_hr_l0"');
    refused(() => parsePytorchModel(withModel((m) => (m.config.bias = false))), /unexpected key\(s\) "bias_ih_l0".*\(config.bias is false\)/);
  });

  it('gives expected and actual shapes', () => {
    refused(
      () => parsePytorchModel(withModel((m) => (m.state_dict.weight_ih_l0 = m.state_dict.weight_ih_l0.map((r: number[]) => r.slice(0, 2))))),
      'state_dict.weight_ih_l0: expected shape [16, 3], got [16, 2]',
    );
    refused(() => parsePytorchModel(withModel((m) => (m.config.hidden_size = 5))), 'state_dict.weight_ih_l0: expected shape [20, 3], got [16, 3]');
    refused(() => parsePytorchModel(withModel((m) => m.state_dict.weight_ih_l0[3].pop())), 'state_dict.weight_ih_l0[3]: ragged list, expected a list of length 3, got a list of length 2');
  });

  it('refuses non-numeric and non-finite values, naming the element', () => {
    refused(() => parsePytorchModel(withModel((m) => (m.state_dict.bias_ih_l1[5] = 'x'))), 'state_dict.bias_ih_l1[5]: expected a finite number, got "x"');
    refused(() => parsePytorchModel(withModel((m) => (m.state_dict.bias_ih_l1[0] = null))), 'state_dict.bias_ih_l1[0]: expected a finite number, got null');
  });

  it('checks config fields', () => {
    refused(() => parsePytorchModel(withModel((m) => (m.config.num_layers = 0))), 'config.num_layers: expected an integer in [1, 8], got 0');
    refused(() => parsePytorchModel(withModel((m) => (m.config.nonlinearity = 'tanh'))), 'config.nonlinearity: only nn.RNN has a nonlinearity, not nn.LSTM');
    refused(() => parsePytorchModel(withModel((m) => (m.config.proj_size = 2))), /proj_size/);
    refused(() => parsePytorchModel(withModel((m) => (m.config.hiden_size = 2))), 'config: unexpected key "hiden_size"; allowed: input_size, hidden_size');
    const rnn = structuredClone(loadFixture('rnn_tanh_l1_uni').model);
    rnn.config.nonlinearity = 'sigmoid';
    refused(() => parsePytorchModel(rnn), 'config.nonlinearity: expected "tanh" or "relu", got "sigmoid"');
  });
});

describe('parsePytorchInput', () => {
  const model = () => parsePytorchModel(fx().model);

  it('reads input, h0 and c0 with their shapes', () => {
    const inp = parsePytorchInput(JSON.stringify(fx().input), model());
    expect(inp.input.shape).toEqual([5, 2, 3]);
    expect(inp.h0!.shape).toEqual([4, 2, 4]);
    expect(inp.c0!.shape).toEqual([4, 2, 4]);
  });

  it('checks the input size, the state shape and the keys against the model', () => {
    const x = fx().input;
    const narrow = { input: (x.input as number[][][]).map((s) => s.map((r) => r.slice(0, 2))) };
    refused(() => parsePytorchInput(narrow, model()), 'input: expected shape [*, *, 3], got [5, 2, 2]');
    refused(() => parsePytorchInput({ ...x, h0: (x.h0 as number[][][]).slice(1) }, model()), 'h0: expected shape [4, 2, 4], got [3, 2, 4]');
    refused(() => parsePytorchInput({ h0: x.h0 }, model()), 'input file: missing key(s) "input"');
    refused(() => parsePytorchInput({ ...x, hx: 1 }, model()), 'input file: unexpected key(s) "hx"');
    refused(() => parsePytorchInput({ input: [] }, model()), /input: expected shape \[\*, \*, 3\], got \[0\]/);
    const gru = parsePytorchModel(loadFixture('gru_l2_uni').model);
    refused(() => parsePytorchInput({ input: x.input, c0: x.c0 }, gru), 'c0: only an LSTM has a cell state, not GRU');
  });
});
