// Weight files the page saves and loads. Two formats, both JSON:
// - "pytorch" for RNN / LSTM / GRU: the CLI's model format (module, config, state_dict as in
//   torch.nn's state_dict), so a model trained in PyTorch loads here and one trained here runs there;
// - "rnn-atlas" for every cell: the cell id and options, the stack's sizes and every parameter by
//   its full name (weight_ih_l0 …, the same names the trainer uses).
// Either may carry "readout": the task head (a linear layer from the stack's output to the task's
// outputs), which PyTorch's recurrent modules do not have. Everything is checked here, before the
// run changes, so a bad file costs nothing: the message names what is wrong and what was expected.
import { getCell, hasCell } from '../cells/registry';
import type { CellOptions } from '../cells/types';
import type { RunConfig } from '../protocol/messages';
import { READOUT_BIAS, READOUT_WEIGHT } from './model';
import { readOption } from './option-values';
import { checkKeys, ImportError, isObject, parseJson, parsePytorchModel, readTensor, type ImportedModel, type PytorchModule, type TensorData } from './pytorch-import';
import { stackOutputSize, stackParams, type StackConfig } from './stack';

/** The run settings a weight file fixes: which cell and the model's shape. */
export type WeightsShape = Pick<RunConfig, 'cellId' | 'cellOptions' | 'hiddenSize' | 'numLayers' | 'bidirectional'>;

export interface WeightsFile {
  shape: WeightsShape;
  inputSize: number;
  /** Every stack parameter by full name, and the readout's when the file has one that fits. */
  values: Record<string, TensorData>;
  /** Things the reader should know (biases absent in the file, a readout left out …). */
  notes: string[];
}

const MODULE_OF: Record<string, PytorchModule> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

/** The stack a file describes, ready for stackParams (seqLen does not change any shape). */
function stackOf(shape: WeightsShape, inputSize: number): StackConfig {
  return {
    cell: getCell(shape.cellId),
    inputSize,
    hiddenSize: shape.hiddenSize,
    numLayers: shape.numLayers,
    bidirectional: shape.bidirectional,
    seqLen: 1,
    options: shape.cellOptions,
  };
}

function positiveInt(v: unknown, where: string, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
    throw new ImportError(`${where}: expected an integer from 1 to ${max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

function readReadout(doc: Record<string, unknown>, stack: StackConfig, outputSize: number, notes: string[]): Record<string, TensorData> {
  if (doc.readout === undefined) {
    // PyTorch's recurrent modules have no head, so the CLI's own format never carries one: the
    // recurrent weights are the file's, the task head is not, and the first losses show it.
    notes.push('the file has no readout (the task head that maps the stack’s output to the answer): it starts from a fresh random init, so the loss starts high until the head is trained');
    return {};
  }
  if (!isObject(doc.readout)) throw new ImportError('readout: expected {"weight": [[…]], "bias": […]}');
  checkKeys(doc.readout, ['weight', 'bias'], ['weight', 'bias'], 'readout');
  const fanIn = stackOutputSize(stack);
  const weight = readTensor(doc.readout.weight, [null, fanIn], 'readout.weight');
  if (weight.shape[0] !== outputSize) {
    notes.push(`the file’s readout has ${weight.shape[0]} outputs and this task needs ${outputSize}: it was left out and starts fresh`);
    return {};
  }
  const bias = readTensor(doc.readout.bias, [outputSize], 'readout.bias');
  return { [READOUT_WEIGHT]: weight, [READOUT_BIAS]: bias };
}

function readPytorch(doc: Record<string, unknown>, outputSize: number): WeightsFile {
  const notes: string[] = [];
  // batch_first only changes the layout of the module's input and output tensors, never a weight:
  // the page feeds its own inputs, so a batch_first model loads as it is (the CLI, which reads
  // input files, still refuses it).
  if (isObject(doc.config) && doc.config.batch_first === true) {
    doc = { ...doc, config: { ...doc.config, batch_first: false } };
    notes.push('batch_first=True only changes the layout of the module’s inputs, not its weights: the page feeds its own');
  }
  const model = parsePytorchModel(doc);
  if (model.fixedZero.size) notes.push('the model has bias=False: its biases start at 0 here and are trained');
  const shape: WeightsShape = {
    cellId: model.config.cell.id,
    cellOptions: { ...model.config.options },
    hiddenSize: model.config.hiddenSize,
    numLayers: model.config.numLayers,
    bidirectional: model.config.bidirectional,
  };
  const values: Record<string, TensorData> = Object.fromEntries(model.values);
  return { shape, inputSize: model.config.inputSize, values: { ...values, ...readReadout(doc, model.config, outputSize, notes) }, notes };
}

/** An "rnn-atlas" file's stack and parameters, checked against the cell's own declarations. */
function readAtlasStack(doc: Record<string, unknown>): { shape: WeightsShape; stack: StackConfig; values: Record<string, TensorData> } {
  checkKeys(doc, ['format', 'cell', 'cell_options', 'config', 'params', 'readout'], ['format', 'cell', 'config', 'params'], 'weights');
  if (typeof doc.cell !== 'string' || !hasCell(doc.cell)) throw new ImportError(`cell: unknown cell ${JSON.stringify(doc.cell)}`);
  const cell = getCell(doc.cell);
  const given = doc.cell_options === undefined ? {} : doc.cell_options;
  if (!isObject(given)) throw new ImportError('cell_options: expected an object');
  checkKeys(given, cell.options.map((o) => o.key), [], 'cell_options');
  const cellOptions: CellOptions = {};
  for (const o of cell.options) cellOptions[o.key] = o.key in given ? readOption(o, given[o.key], 'cell_options') : o.default;
  if (!isObject(doc.config)) throw new ImportError('config: expected an object');
  checkKeys(doc.config, ['input_size', 'hidden_size', 'num_layers', 'bidirectional'], ['input_size', 'hidden_size'], 'config');
  const bidirectional = doc.config.bidirectional ?? false;
  if (typeof bidirectional !== 'boolean') throw new ImportError(`config.bidirectional: expected true or false, got ${JSON.stringify(bidirectional)}`);
  const shape: WeightsShape = {
    cellId: cell.id,
    cellOptions,
    hiddenSize: positiveInt(doc.config.hidden_size, 'config.hidden_size', 4096),
    numLayers: doc.config.num_layers === undefined ? 1 : positiveInt(doc.config.num_layers, 'config.num_layers', 16),
    bidirectional,
  };
  const stack = stackOf(shape, positiveInt(doc.config.input_size, 'config.input_size', 65536));
  if (!isObject(doc.params)) throw new ImportError('params: expected an object of nested lists');
  const specs = stackParams(stack);
  const names = specs.map((p) => p.name);
  const extra = Object.keys(doc.params).filter((n) => !names.includes(n));
  if (extra.length) throw new ImportError(`params: unexpected key(s) ${extra.join(', ')}; this ${cell.name} has ${names.join(', ')}`);
  const missing = names.filter((n) => !(n in (doc.params as object)));
  if (missing.length) throw new ImportError(`params: missing key(s) ${missing.join(', ')}`);
  const values: Record<string, TensorData> = {};
  for (const p of specs) values[p.name] = readTensor((doc.params as Record<string, unknown>)[p.name], p.spec.shape, `params.${p.name}`);
  return { shape, stack, values };
}

function readAtlas(doc: Record<string, unknown>, outputSize: number): WeightsFile {
  const { shape, stack, values } = readAtlasStack(doc);
  const notes: string[] = [];
  return { shape, inputSize: stack.inputSize, values: { ...values, ...readReadout(doc, stack, outputSize, notes) }, notes };
}

/**
 * A model file for the CLI's `forward` and `gradnorms`: the PyTorch format, or ours for any cell
 * (its readout, if any, is ignored: those commands run the recurrent stack alone).
 */
export function parseModelFile(text: string): ImportedModel {
  const doc = parseJson(text, 'model');
  if (isObject(doc) && doc.format === 'rnn-atlas') {
    const { stack, values } = readAtlasStack(doc);
    return { module: null, config: stack, values: new Map(Object.entries(values)), fixedZero: new Set() };
  }
  return parsePytorchModel(doc);
}

/**
 * Reads a weight file for a task with the given input and output sizes. Throws ImportError with
 * a message for the page when the file is malformed or does not fit the task.
 */
export function parseWeightsFile(text: string, task: { inputSize: number; outputSize: number; name?: string }): WeightsFile {
  const doc = parseJson(text, 'weights file');
  if (!isObject(doc)) throw new ImportError('weights file: expected a JSON object');
  let file: WeightsFile;
  if (doc.format === 'pytorch') file = readPytorch(doc, task.outputSize);
  else if (doc.format === 'rnn-atlas') file = readAtlas(doc, task.outputSize);
  else throw new ImportError(`format: expected "pytorch" (RNN, LSTM, GRU) or "rnn-atlas", got ${JSON.stringify(doc.format)}`);
  if (file.inputSize !== task.inputSize) {
    throw new ImportError(`config.input_size is ${file.inputSize}, but the ${task.name ?? 'current'} task feeds ${task.inputSize} inputs per step: choose a task with ${file.inputSize} inputs, or a model made for this one`);
  }
  return file;
}

const nested = (d: TensorData): unknown => {
  const build = (dim: number, offset: number): unknown => {
    if (dim === d.shape.length - 1) return Array.from(d.values.subarray(offset, offset + d.shape[dim]));
    const stride = d.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: d.shape[dim] }, (_, i) => build(dim + 1, offset + i * stride));
  };
  return d.shape.length === 0 ? d.values[0] : build(0, 0);
};

/**
 * The JSON of a weight file for a run: PyTorch's format for RNN / LSTM / GRU, ours for the rest.
 * `values` holds every parameter by full name (the trainer's variables), the readout included.
 */
export function weightsFileJson(config: RunConfig, inputSize: number, values: Record<string, TensorData>): Record<string, unknown> {
  const shape: WeightsShape = config;
  const stack = stackOf(shape, inputSize);
  const params: Record<string, unknown> = {};
  for (const p of stackParams(stack)) {
    if (!values[p.name]) throw new Error(`weights: the run has no parameter ${p.name}`);
    params[p.name] = nested(values[p.name]);
  }
  const readout = values[READOUT_WEIGHT] && values[READOUT_BIAS]
    ? { readout: { weight: nested(values[READOUT_WEIGHT]), bias: nested(values[READOUT_BIAS]) } }
    : {};
  const module = MODULE_OF[config.cellId];
  if (module) {
    const nonlinearity = config.cellId === 'rnn' ? { nonlinearity: String(config.cellOptions.nonlinearity ?? 'tanh') } : {};
    return {
      format: 'pytorch',
      module,
      config: { input_size: inputSize, hidden_size: config.hiddenSize, num_layers: config.numLayers, bidirectional: config.bidirectional, bias: true, ...nonlinearity },
      state_dict: params,
      ...readout,
    };
  }
  return {
    format: 'rnn-atlas',
    cell: config.cellId,
    cell_options: config.cellOptions,
    config: { input_size: inputSize, hidden_size: config.hiddenSize, num_layers: config.numLayers, bidirectional: config.bidirectional },
    params,
    ...readout,
  };
}
