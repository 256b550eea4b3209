// Validation of `forward-cell`'s two files against a cell's own declarations (options, params,
// states), so every cell gets the same messages: what is wrong, and what was expected.
import { statesFor, type CellDims, type CellOptions, type CellSpec, type ParamSpec } from '../cells/types';
import { createRng } from '../engine/rng';
import { ImportError, readTensor, type TensorData } from '../engine/pytorch-import';
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
    throw new ImportError(`${where}: expected a JSON object, got ${Array.isArray(v) ? 'a list' : JSON.stringify(v)}`);
  }
  return v as Json;
}

function checkKeys(obj: Json, allowed: readonly string[], required: readonly string[], where: string): void {
  const extra = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (extra.length) throw new ImportError(`${where}: unknown key(s) ${quote(extra)}; expected: ${allowed.join(', ')}`);
  const missing = required.filter((k) => !(k in obj));
  if (missing.length) throw new ImportError(`${where}: missing key(s) ${quote(missing)}`);
}

function integer(v: unknown, where: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ImportError(`${where}: expected an integer ≥ ${min}, got ${JSON.stringify(v)}`);
  }
  return v;
}

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
  const numLayers = cfg.num_layers === undefined ? 1 : integer(cfg.num_layers, 'config.num_layers', 1);
  const layer = cfg.layer === undefined ? 0 : integer(cfg.layer, 'config.layer', 0);
  if (layer >= numLayers) throw new ImportError(`config.layer: expected an integer < num_layers (${numLayers}), got ${layer}`);
  const dims: CellDims = {
    inputSize: integer(cfg.input_size, 'config.input_size', 1),
    hiddenSize: integer(cfg.hidden_size, 'config.hidden_size', 1),
    seqLen: cfg.seq_len === undefined ? seqLen : integer(cfg.seq_len, 'config.seq_len', 1),
    layer,
    numLayers,
    options,
  };
  const seed = cfg.seed === undefined ? 0 : integer(cfg.seed, 'config.seed', 0);
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
