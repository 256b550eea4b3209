// Validation of `forward-cell`'s two files against a cell's own declarations (options, params,
// states), so every cell gets the same messages: what is wrong, and what was expected.
import { statesFor, type CellDims, type CellOptions, type CellSpec, type ParamSpec } from '../cells/types';
import { createRng } from '../engine/rng';
import { ImportError, readTensor, type ImportedInput, type ImportedModel, type TensorData } from '../engine/pytorch-import';
import { FILE_LIMITS, own, quote as quoteValue } from '../engine/weights-schema';
import { numDirections } from '../engine/stack';
import { optionDomain, readOption } from '../engine/option-values';

export { optionDomain, readOption };

type Json = Record<string, unknown>;

/** Config keys that are not cell options. */
const DIM_KEYS = ['input_size', 'hidden_size', 'layer', 'num_layers', 'seq_len', 'seed'] as const;

export interface CellRunSpec {
  dims: CellDims;
  params: Record<string, TensorData>;
}

export interface CellRunInput {
  input: TensorData;
  state0: Record<string, TensorData>;
}

const quote = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

function object(v: unknown, where: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new ImportError(`${where}: expected a JSON object, got ${quoteValue(v)}`);
  }
  return v as Json;
}

function checkKeys(obj: Json, allowed: readonly string[], required: readonly string[], where: string): void {
  const extra = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (extra.length) throw new ImportError(`${where}: unknown key(s) ${quote(extra)}; expected: ${allowed.join(', ')}`);
  const missing = required.filter((k) => !(k in obj));
  if (missing.length) throw new ImportError(`${where}: missing key(s) ${quote(missing)}`);
}

function integer(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ImportError(`${where}: expected an integer from ${min} to ${max}, got ${quoteValue(v)}`);
  }
  return v;
}

/**
 * Limits of forward-cell's config, the weight files' own (weights-schema.ts), checked before a cell
 * builds anything: a layer's sizes can grow with its index (the Dilated RNN's buffer is 2^layer
 * states), so the index is bounded too.
 */
export const CELL_LIMITS = {
  input_size: FILE_LIMITS.inputSize, hidden_size: FILE_LIMITS.hiddenSize, num_layers: FILE_LIMITS.numLayers,
  seq_len: FILE_LIMITS.seqLen, seed: 2 ** 31 - 1,
} as const;

/**
 * PARAMS.json: {"config": {input_size, hidden_size, [layer, num_layers, seed], ...options},
 * "params": {name: nested list}}. Non-trainable params (a fixed permutation, an identity) may be
 * left out: they are drawn from their init with `seed` (default 0), as the trainer would.
 */
export function readCellParams(cell: CellSpec, src: unknown, seqLen: number): CellRunSpec {
  const root = object(src, 'PARAMS');
  checkKeys(root, ['config', 'params'], ['config', 'params'], 'PARAMS');
  const cfg = object(root.config, 'config');
  const optionKeys = cell.options.map((o) => o.key);
  checkKeys(cfg, [...DIM_KEYS, ...optionKeys], ['input_size', 'hidden_size'], 'config');
  const options: CellOptions = {};
  for (const o of cell.options) options[o.key] = o.key in cfg ? readOption(o, cfg[o.key]) : o.default;
  const numLayers = cfg.num_layers === undefined ? 1 : integer(cfg.num_layers, 'config.num_layers', 1, CELL_LIMITS.num_layers);
  const layer = cfg.layer === undefined ? 0 : integer(cfg.layer, 'config.layer', 0, CELL_LIMITS.num_layers - 1);
  if (layer >= numLayers) throw new ImportError(`config.layer: expected an integer < num_layers (${numLayers}), got ${layer}`);
  const dims: CellDims = {
    inputSize: integer(cfg.input_size, 'config.input_size', 1, CELL_LIMITS.input_size),
    hiddenSize: integer(cfg.hidden_size, 'config.hidden_size', 1, CELL_LIMITS.hidden_size),
    seqLen: cfg.seq_len === undefined ? seqLen : integer(cfg.seq_len, 'config.seq_len', 1, CELL_LIMITS.seq_len),
    layer,
    numLayers,
    options,
  };
  const seed = cfg.seed === undefined ? 0 : integer(cfg.seed, 'config.seed', 0, CELL_LIMITS.seed);
  const specs = cell.params(dims);
  const given = object(root.params, 'params');
  const names = specs.map((s) => s.name);
  const unknown = Object.keys(given).filter((k) => !names.includes(k));
  if (unknown.length) {
    throw new ImportError(`params: unknown parameter(s) ${quote(unknown)} for cell "${cell.id}"; expected: ${describeParams(specs)}`);
  }
  const missing = specs.filter((s) => !(s.name in given) && s.trainable !== false);
  if (missing.length) throw new ImportError(`params: missing parameter(s) ${describeParams(missing)}`);
  const params: Record<string, TensorData> = {};
  const rng = createRng(seed);
  for (const s of specs) {
    params[s.name] = s.name in given
      ? readTensor(given[s.name], s.shape, `params.${s.name} (${s.shapeLabel})`)
      : { shape: s.shape, values: s.init(s.shape, rng.fork(s.name)) };
  }
  return { dims, params };
}

export function describeParams(specs: ParamSpec[]): string {
  return specs.map((s) => `${s.name} [${s.shape.join(', ')}] (${s.shapeLabel})`).join(', ');
}

/** INPUT.json: {"input": [T][B][input_size], "state0"?: {state: [B][k]}}; T may be read first. */
export function inputLength(src: unknown): number {
  const root = object(src, 'INPUT');
  return Array.isArray(root.input) && root.input.length > 0 ? root.input.length : 1;
}

export function readCellInput(cell: CellSpec, src: unknown, dims: CellDims): CellRunInput {
  const root = object(src, 'INPUT');
  checkKeys(root, ['input', 'state0'], ['input'], 'INPUT');
  const input = readTensor(root.input, [null, null, dims.inputSize], 'input ([T][B][input_size])');
  const B = input.shape[1];
  const state0: Record<string, TensorData> = {};
  if (root.state0 !== undefined) {
    const given = object(root.state0, 'state0');
    const states = statesFor(cell, dims.options);
    const ids = states.map((s) => s.id);
    const unknown = Object.keys(given).filter((k) => !ids.includes(k));
    if (unknown.length) {
      const want = states.map((s) => `${s.id} [${B}, ${s.size(dims)}]`).join(', ');
      throw new ImportError(`state0: unknown state(s) ${quote(unknown)} for cell "${cell.id}"; expected: ${want}`);
    }
    for (const s of states) {
      if (s.id in given) state0[s.id] = readTensor(given[s.id], [B, s.size(dims)], `state0.${s.id} ([B][${s.size(dims)}])`);
    }
  }
  return { input, state0 };
}

/** How an input file's tensor was read, said in the output so a wrong guess is visible. */
export interface InputLayout {
  kind: 'time-major' | 'batch-first' | 'unbatched';
  /** E.g. "[B, T, I] (batch_first=True)". */
  text: string;
}

const LAYOUTS: Record<InputLayout['kind'], string> = {
  'time-major': '[T, B, I] (time-major, batch_first=False)',
  'batch-first': '[B, T, I] (batch_first=True)',
  unbatched: '[T, I] (unbatched, batch of 1)',
};

/** Depth of a nested list, read along its first elements (iterative: a 10,000-deep list is fine). */
function depthOf(v: unknown): number {
  let n = 0;
  while (Array.isArray(v) && n < 64) {
    n++;
    v = v[0];
  }
  return n;
}

/** [B, T, I] → [T, B, I]. */
function timeMajor(d: TensorData): TensorData {
  const [B, T, I] = d.shape;
  const out = new Float32Array(d.values.length);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) out.set(d.values.subarray((b * T + t) * I, (b * T + t + 1) * I), (t * B + b) * I);
  }
  return { shape: [T, B, I], values: out };
}

/** Inserts a batch axis of 1 at `axis` (same values, row-major). */
const withBatch = (d: TensorData, axis: number): TensorData => ({ shape: [...d.shape.slice(0, axis), 1, ...d.shape.slice(axis)], values: d.values });

/**
 * The input file of `forward`, `gradnorms` and `jacobians`, in PyTorch's layouts: "input" is
 * [T, B, I], or [B, T, I] when the model is batch_first, or unbatched [T, I] (PyTorch ≥ 1.11; then
 * "h0"/"c0" are [L·D, H]). h0/c0 are [L·D, B, H] whatever batch_first says, as in PyTorch.
 * Returned time-major with a batch axis, with the layout that was read.
 */
export function readRunInput(src: unknown, model: ImportedModel, batchFirst: boolean): { input: ImportedInput; layout: InputLayout } {
  const doc = object(src, 'input file');
  if (model.module === null && ('h0' in doc || 'c0' in doc)) {
    throw new ImportError('input file: an rnn-atlas model starts from its cells’ own initial states; give only "input"');
  }
  if ('c0' in doc && model.module !== 'LSTM') throw new ImportError(`c0: only an LSTM has a cell state, not ${model.module}`);
  checkKeys(doc, model.module === 'LSTM' ? ['input', 'h0', 'c0'] : ['input', 'h0'], ['input'], 'input file');
  const { config } = model;
  const I = config.inputSize;
  const LD = config.numLayers * numDirections(config);
  const [x0, h0, c0] = [own(doc, 'input'), own(doc, 'h0'), own(doc, 'c0')];
  const depth = depthOf(x0);
  const steps = (x: TensorData) => {
    if (x.shape[0] > FILE_LIMITS.seqLen) throw new ImportError(`input: at most ${FILE_LIMITS.seqLen} steps, got ${x.shape[0]}`);
    return x;
  };
  if (depth === 2) {
    const x = steps(readTensor(x0, [null, I], 'input ([T][input_size], unbatched)'));
    const input: ImportedInput = { input: withBatch(x, 1) };
    if (h0 !== undefined) input.h0 = withBatch(readTensor(h0, [LD, config.hiddenSize], 'h0 ([L·D][H], unbatched input)'), 1);
    if (c0 !== undefined) input.c0 = withBatch(readTensor(c0, [LD, config.hiddenSize], 'c0 ([L·D][H], unbatched input)'), 1);
    return { input, layout: { kind: 'unbatched', text: LAYOUTS.unbatched } };
  }
  if (depth !== 3) {
    throw new ImportError(`input: expected ${batchFirst ? '[B][T][input_size]' : '[T][B][input_size]'} or unbatched [T][input_size], got a list nested ${depth}${depth >= 64 ? '+' : ''} deep`);
  }
  const raw = readTensor(x0, [null, null, I], batchFirst ? 'input ([B][T][input_size], batch_first)' : 'input');
  const x = steps(batchFirst ? timeMajor(raw) : raw);
  const B = x.shape[1];
  const input: ImportedInput = { input: x };
  if (h0 !== undefined) input.h0 = readTensor(h0, [LD, B, config.hiddenSize], 'h0');
  if (c0 !== undefined) input.c0 = readTensor(c0, [LD, B, config.hiddenSize], 'c0');
  const kind = batchFirst ? 'batch-first' : 'time-major';
  return { input, layout: { kind, text: LAYOUTS[kind] } };
}
