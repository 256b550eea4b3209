// Weight files the page saves and loads, and the CLI's model files. Two formats, both JSON, both
// described in weights-schema.ts and docs/FILE-FORMATS.md:
// - "pytorch" for RNN / LSTM / GRU (or a bare state_dict): read by pytorch-import.ts, so a model
//   trained in PyTorch loads here and one trained here runs there;
// - "rnn-atlas" for every cell: the cell id and options, the stack's sizes and every parameter by
//   its full name (weight_ih_l0 …, the same names the trainer uses).
// Either may carry "readout" (the task head) and "task" (what the run was trained on). Everything
// is checked here, limits first, before anything is built or the run changes: a bad file costs
// a message that names the key and what was expected.
import { getCell, hasCell } from '../cells/registry';
import type { CellOptions } from '../cells/types';
import type { RunConfig } from '../protocol/messages';
import { READOUT_BIAS, READOUT_WEIGHT } from './model';
import { optionDomain, readOption } from './option-values';
import { parseJson, parsePytorchModel, type ImportedModel, type PytorchModule } from './pytorch-import';
import { stackOutputSize, stackParams, type StackConfig } from './stack';
import { fileTaskOf, type FileTask, type TaskRecord } from './weights-task';
import {
  AtlasFile, check, ImportError, isObject, MAX_FILE_BYTES, own, parseJsonText, quote, quoteKeys, readTensor,
  type ReadoutDoc, type TensorData,
} from './weights-schema';

/** The run settings a weight file fixes: which cell and the model's shape. */
export type WeightsShape = Pick<RunConfig, 'cellId' | 'cellOptions' | 'hiddenSize' | 'numLayers' | 'bidirectional'>;

/** The largest model the caller runs (the page's sliders), checked before anything is built. */
export interface WeightsLimits {
  hiddenSize: number;
  numLayers: number;
}

/** A file read and checked on its own, before it is fitted to a task. */
export interface ParsedWeights {
  shape: WeightsShape;
  inputSize: number;
  /** Every stack parameter by full name. */
  values: Record<string, TensorData>;
  /** The task head, checked against the stack's output size; its row count is the task's outputs. */
  readout?: { weight: TensorData; bias: TensorData };
  task?: FileTask;
  batchFirst: boolean;
  notes: string[];
}

export interface WeightsFile {
  shape: WeightsShape;
  inputSize: number;
  /** Every stack parameter by full name, and the readout's when the file has one that fits. */
  values: Record<string, TensorData>;
  /** Things the reader should know (biases absent in the file, a readout left out …). */
  notes: string[];
  task?: FileTask;
  batchFirst: boolean;
}

const MODULE_OF = new Map<string, PytorchModule>([['rnn', 'RNN'], ['lstm', 'LSTM'], ['gru', 'GRU']]);

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

function checkLimits(hiddenSize: number, numLayers: number, limits: WeightsLimits | undefined): void {
  if (!limits) return;
  if (hiddenSize > limits.hiddenSize) {
    throw new ImportError(`config.hidden_size: expected an integer in [1, ${limits.hiddenSize}] (the page’s largest model), got ${hiddenSize}`);
  }
  if (numLayers > limits.numLayers) {
    throw new ImportError(`config.num_layers: expected an integer in [1, ${limits.numLayers}] (the page’s largest model), got ${numLayers}`);
  }
}

function readReadout(doc: ReadoutDoc, stack: StackConfig): ParsedWeights['readout'] {
  const fanIn = stackOutputSize(stack);
  const weight = readTensor(doc.weight, [null, fanIn], 'readout.weight');
  const bias = readTensor(doc.bias, [weight.shape[0]], 'readout.bias');
  return { weight, bias };
}

/** Peeks at the raw document for the limits the page sets, before the full read builds anything. */
function peekLimits(doc: Record<string, unknown>, limits: WeightsLimits | undefined): void {
  const cfg = own(doc, 'config');
  if (!limits || !isObject(cfg)) return;
  const h = own(cfg, 'hidden_size');
  const l = own(cfg, 'num_layers');
  if (typeof h === 'number' && Number.isInteger(h) && h > limits.hiddenSize) checkLimits(h, 1, limits);
  if (typeof l === 'number' && Number.isInteger(l) && l > limits.numLayers) checkLimits(1, l, limits);
}

function readPytorch(doc: Record<string, unknown>, limits: WeightsLimits | undefined): ParsedWeights {
  // A bare state_dict has no room for our extras; the "pytorch" format's schema checks them.
  const isBare = !Object.hasOwn(doc, 'format');
  const model = parsePytorchModel(doc);
  checkLimits(model.config.hiddenSize, model.config.numLayers, limits);
  const notes = [...model.notes];
  if (model.fixedZero.size) notes.push('the model has bias=False: its biases start at 0 here and are trained');
  if (model.batchFirst) notes.push('batch_first=True only changes the layout of the module’s inputs, not its weights: the page feeds its own');
  const shape: WeightsShape = {
    cellId: model.config.cell.id,
    cellOptions: { ...model.config.options },
    hiddenSize: model.config.hiddenSize,
    numLayers: model.config.numLayers,
    bidirectional: model.config.bidirectional,
  };
  const extras = isBare ? undefined : check(AtlasFile.entries.readout, own(doc, 'readout'), 'readout');
  const taskDoc = isBare ? undefined : check(AtlasFile.entries.task, own(doc, 'task'), 'task');
  return {
    shape,
    inputSize: model.config.inputSize,
    values: Object.fromEntries(model.values),
    readout: extras && readReadout(extras, model.config),
    task: taskDoc && fileTaskOf(taskDoc),
    batchFirst: model.batchFirst,
    notes,
  };
}

/** An "rnn-atlas" file's stack and parameters, checked against the cell's own declarations. */
function readAtlas(raw: Record<string, unknown>, limits: WeightsLimits | undefined): ParsedWeights & { stack: StackConfig } {
  const doc = check(AtlasFile, raw, '', 'weights file');
  // A Map lookup, so "__proto__" or "constructor" is an unknown cell like any other name.
  if (!hasCell(doc.cell)) throw new ImportError(`cell: unknown cell ${quote(doc.cell)}`);
  const cell = getCell(doc.cell);
  const given = doc.cell_options;
  const known = new Map(cell.options.map((o) => [o.key, o] as const));
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new ImportError(`cell_options: unexpected key(s) ${quoteKeys(unknown)}; ${cell.name} has ${cell.options.map((o) => o.key).join(', ') || 'no options'}`);
  }
  const cellOptions: CellOptions = {};
  for (const o of cell.options) {
    if (!Object.hasOwn(given, o.key)) {
      cellOptions[o.key] = o.default;
      continue;
    }
    try {
      cellOptions[o.key] = readOption(o, given[o.key], 'cell_options');
    } catch {
      throw new ImportError(`cell_options.${o.key}: expected ${optionDomain(o)}, got ${quote(given[o.key])}`);
    }
  }
  checkLimits(doc.config.hidden_size, doc.config.num_layers, limits);
  const shape: WeightsShape = {
    cellId: cell.id,
    cellOptions,
    hiddenSize: doc.config.hidden_size,
    numLayers: doc.config.num_layers,
    bidirectional: doc.config.bidirectional,
  };
  const stack = stackOf(shape, doc.config.input_size);
  const specs = stackParams(stack);
  const names = new Set(specs.map((p) => p.name));
  const params = new Map(Object.entries(doc.params));
  const extra = [...params.keys()].filter((n) => !names.has(n));
  if (extra.length) throw new ImportError(`params: unexpected key(s) ${quoteKeys(extra)}; this ${cell.name} has ${quoteKeys([...names], 8)}`);
  const missing = [...names].filter((n) => !params.has(n));
  if (missing.length) throw new ImportError(`params: missing key(s) ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  const values: Record<string, TensorData> = {};
  for (const p of specs) values[p.name] = readTensor(params.get(p.name), p.spec.shape, `params.${p.name}`);
  return {
    shape, stack, inputSize: stack.inputSize, values,
    readout: doc.readout && readReadout(doc.readout, stack),
    task: doc.task && fileTaskOf(doc.task),
    batchFirst: doc.config.batch_first,
    notes: [],
  };
}

/**
 * Reads and checks a weight file on its own (no task yet): the text's size and nesting, every key,
 * the sizes against FILE_LIMITS and `limits`, then every tensor. Throws ImportError.
 */
export function readWeightsFile(text: string, limits?: WeightsLimits, maxBytes = MAX_FILE_BYTES): ParsedWeights {
  const doc = parseJsonText(text, 'weights file', maxBytes);
  if (!isObject(doc)) throw new ImportError(`weights file: expected a JSON object, got ${quote(doc)}`);
  peekLimits(doc, limits);
  const format = own(doc, 'format');
  if (format === 'rnn-atlas') {
    const { stack: _stack, ...file } = readAtlas(doc, limits);
    return file;
  }
  if (format === 'pytorch' || (format === undefined && Object.keys(doc).some((k) => /(^|\.)weight_ih_l0$/.test(k)))) return readPytorch(doc, limits);
  throw new ImportError(`format: expected "pytorch" (RNN, LSTM, GRU) or "rnn-atlas", got ${quote(format)}`);
}

/** Fits a checked file to a task: its input size must match; a readout for other outputs is left out. */
export function fitWeightsToTask(file: ParsedWeights, task: { inputSize: number; outputSize: number; name?: string }): WeightsFile {
  if (file.inputSize !== task.inputSize) {
    throw new ImportError(`config.input_size is ${file.inputSize}, but the ${task.name ?? 'current'} task feeds ${task.inputSize} inputs per step: choose a task with ${file.inputSize} inputs, or a model made for this one`);
  }
  const notes = [...file.notes];
  const values = { ...file.values };
  if (!file.readout) {
    // PyTorch's recurrent modules have no head, so a PyTorch file never carries one: the
    // recurrent weights are the file's, the task head is not, and the first losses show it.
    notes.push('the file has no readout (the task head that maps the stack’s output to the answer): it starts from a fresh random init, so the loss starts high until the head is trained');
  } else if (file.readout.weight.shape[0] !== task.outputSize) {
    notes.push(`the file’s readout has ${file.readout.weight.shape[0]} outputs and this task needs ${task.outputSize}: it was left out and starts fresh`);
  } else {
    values[READOUT_WEIGHT] = file.readout.weight;
    values[READOUT_BIAS] = file.readout.bias;
  }
  return { shape: file.shape, inputSize: file.inputSize, values, notes, task: file.task, batchFirst: file.batchFirst };
}

/**
 * Reads a weight file for a task with the given input and output sizes. Throws ImportError with
 * a message for the page when the file is malformed, beyond `limits`, or does not fit the task.
 */
export function parseWeightsFile(text: string, task: { inputSize: number; outputSize: number; name?: string }, limits?: WeightsLimits): WeightsFile {
  return fitWeightsToTask(readWeightsFile(text, limits), task);
}

/**
 * A model file for the CLI's `forward` and `gradnorms`: the PyTorch format (or a bare
 * state_dict), or ours for any cell (its readout and task, if any, are ignored: those commands
 * run the recurrent stack alone). `batchFirst` is the file's batch_first.
 */
export function parseModelFile(src: string | unknown): ImportedModel {
  const doc = parseJson(src, 'model');
  if (isObject(doc) && own(doc, 'format') === 'rnn-atlas') {
    const { stack, values, batchFirst } = readAtlas(doc, undefined);
    return { module: null, config: stack, values: new Map(Object.entries(values)), fixedZero: new Set(), batchFirst, notes: [] };
  }
  if (isObject(doc) && Object.hasOwn(doc, 'format') && own(doc, 'format') !== 'pytorch') {
    throw new ImportError(`format: expected "pytorch" (RNN, LSTM, GRU) or "rnn-atlas", got ${quote(own(doc, 'format'))}`);
  }
  return parsePytorchModel(doc);
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
 * `values` holds every parameter by full name (the trainer's variables), the readout included;
 * `task` (taskRecord in weights-task.ts) lets loading the file restore what it was trained on.
 */
export function weightsFileJson(config: RunConfig, inputSize: number, values: Record<string, TensorData>, task?: TaskRecord): Record<string, unknown> {
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
  const withTask = task ? { task } : {};
  const module = MODULE_OF.get(config.cellId);
  if (module) {
    const nonlinearity = config.cellId === 'rnn' ? { nonlinearity: String(config.cellOptions.nonlinearity ?? 'tanh') } : {};
    return {
      format: 'pytorch',
      module,
      config: {
        input_size: inputSize, hidden_size: config.hiddenSize, num_layers: config.numLayers, bidirectional: config.bidirectional,
        bias: true, batch_first: false, dropout: 0, ...nonlinearity,
      },
      state_dict: params,
      ...readout,
      ...withTask,
    };
  }
  return {
    format: 'rnn-atlas',
    cell: config.cellId,
    cell_options: config.cellOptions,
    config: { input_size: inputSize, hidden_size: config.hiddenSize, num_layers: config.numLayers, bidirectional: config.bidirectional },
    params,
    ...readout,
    ...withTask,
  };
}
