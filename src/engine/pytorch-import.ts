// Reads a torch.nn.RNN / LSTM / GRU exported as JSON into a StackConfig plus parameter values,
// and the matching input file. Plain data in, plain data out (no Node, no DOM), so the CLI and
// the page share it. Every error names the field and says what was expected.
//
// Model:  {"format":"pytorch","module":"RNN"|"LSTM"|"GRU",
//          "config":{input_size,hidden_size,num_layers,nonlinearity?,bias?,bidirectional?},
//          "state_dict":{"weight_ih_l0":[[…]], …}}
// Input:  {"input":[T][B][I], "h0"?:[L·D][B][H], "c0"?:[L·D][B][H] (LSTM only)}
import * as tf from '@tensorflow/tfjs-core';
import { getCell } from '../cells/registry';
import type { Params } from '../cells/types';
import { numDirections, stackParams, type StackConfig } from './stack';

export class ImportError extends Error {
  override name = 'ImportError';
}

export type PytorchModule = 'RNN' | 'LSTM' | 'GRU';

const MODULE_CELL: Record<PytorchModule, string> = { RNN: 'rnn', LSTM: 'lstm', GRU: 'gru' };

/** A dense float32 tensor as plain data, row-major. */
export interface TensorData {
  shape: number[];
  values: Float32Array;
}

export interface ImportedModel {
  /** null for an "rnn-atlas" file (any cell; see weights-file.ts). */
  module: PytorchModule | null;
  config: StackConfig;
  /** Every parameter the stack needs, by full PyTorch name. */
  values: Map<string, TensorData>;
  /** Biases filled with zeros because the model has bias=false; keep them out of training. */
  fixedZero: Set<string>;
}

export interface ImportedInput {
  /** [T, B, I]. */
  input: TensorData;
  /** [L·D, B, H]. */
  h0?: TensorData;
  c0?: TensorData;
}

type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const fmtShape = (s: readonly number[]) => `[${s.join(', ')}]`;

export function parseJson(src: string | unknown, what: string): unknown {
  if (typeof src !== 'string') return src;
  try {
    return JSON.parse(src);
  } catch (e) {
    const hint = /\b(NaN|-?Infinity)\b/.test(src)
      ? ' (it contains NaN or Infinity, which JSON cannot represent; every value must be a finite number)'
      : '';
    throw new ImportError(`${what}: bad JSON: ${(e as Error).message}${hint}`);
  }
}

export function checkKeys(obj: Json, allowed: readonly string[], required: readonly string[], where: string): void {
  const extra = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (extra.length) throw new ImportError(`${where}: unexpected key(s) ${extra.map((k) => `"${k}"`).join(', ')}; allowed: ${allowed.join(', ')}`);
  const missing = required.filter((k) => !(k in obj));
  if (missing.length) throw new ImportError(`${where}: missing key(s) ${missing.map((k) => `"${k}"`).join(', ')}`);
}

/** The shape a nested list claims, read along its first elements. */
function claimedShape(v: unknown): number[] {
  const shape: number[] = [];
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}

/** Nested list → float32 data, checking it is rectangular, of the expected shape and finite. */
export function readTensor(v: unknown, expected: readonly (number | null)[], where: string): TensorData {
  const got = claimedShape(v);
  const ok = got.length === expected.length && expected.every((n, i) => n === null || n === got[i]);
  if (!ok) {
    const want = expected.map((n) => (n === null ? '*' : String(n))).join(', ');
    throw new ImportError(`${where}: expected shape [${want}], got ${fmtShape(got)}`);
  }
  if (got.some((n) => n === 0)) throw new ImportError(`${where}: empty dimension in shape ${fmtShape(got)}`);
  const values = new Float32Array(got.reduce((a, b) => a * b, 1));
  let k = 0;
  const walk = (node: unknown, depth: number, path: string): void => {
    if (depth === got.length) {
      if (typeof node !== 'number' || !Number.isFinite(node)) {
        throw new ImportError(`${where}${path}: expected a finite number, got ${JSON.stringify(node) ?? String(node)}`);
      }
      values[k++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== got[depth]) {
      const len = Array.isArray(node) ? `a list of length ${node.length}` : JSON.stringify(node);
      throw new ImportError(`${where}${path}: ragged list, expected a list of length ${got[depth]}, got ${len}`);
    }
    node.forEach((child, i) => walk(child, depth + 1, `${path}[${i}]`));
  };
  walk(v, 0, '');
  return { shape: got, values };
}

function positiveInt(cfg: Json, key: string, fallback?: number): number {
  const v = cfg[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new ImportError(`config.${key}: expected a positive integer, got ${JSON.stringify(v)}`);
  }
  return v;
}

function bool(cfg: Json, key: string, fallback: boolean): boolean {
  const v = cfg[key] ?? fallback;
  if (typeof v !== 'boolean') throw new ImportError(`config.${key}: expected true or false, got ${JSON.stringify(v)}`);
  return v;
}

const CONFIG_KEYS = ['input_size', 'hidden_size', 'num_layers', 'nonlinearity', 'bias', 'bidirectional',
  'batch_first', 'dropout', 'proj_size'] as const;

function readConfig(module: PytorchModule, cfg: Json, seqLen: number): { config: StackConfig; bias: boolean } {
  checkKeys(cfg, CONFIG_KEYS, ['input_size', 'hidden_size'], 'config');
  const options: StackConfig['options'] = {};
  if (module === 'RNN') {
    const nl = cfg.nonlinearity ?? 'tanh';
    if (nl !== 'tanh' && nl !== 'relu') {
      throw new ImportError(`config.nonlinearity: expected "tanh" or "relu", got ${JSON.stringify(nl)}`);
    }
    options.nonlinearity = nl;
  } else if ('nonlinearity' in cfg) {
    throw new ImportError(`config.nonlinearity: only nn.RNN has a nonlinearity, not nn.${module}`);
  }
  if (bool(cfg, 'batch_first', false)) {
    throw new ImportError('config.batch_first: only batch_first=false is supported; inputs are time-major [T][B][I]');
  }
  if ((cfg.proj_size ?? 0) !== 0) throw new ImportError(`config.proj_size: LSTM projections are not supported (got ${JSON.stringify(cfg.proj_size)})`);
  const dropout = cfg.dropout ?? 0;
  if (typeof dropout !== 'number' || !(dropout >= 0 && dropout < 1)) {
    throw new ImportError(`config.dropout: expected a number in [0, 1), got ${JSON.stringify(dropout)}`);
  }
  const config: StackConfig = {
    cell: getCell(MODULE_CELL[module]),
    inputSize: positiveInt(cfg, 'input_size'),
    hiddenSize: positiveInt(cfg, 'hidden_size'),
    numLayers: positiveInt(cfg, 'num_layers', 1),
    bidirectional: bool(cfg, 'bidirectional', false),
    seqLen,
    options,
  };
  return { config, bias: bool(cfg, 'bias', true) };
}

/**
 * Validates an exported model (JSON text or an already parsed object). Dropout is accepted and
 * ignored: this runs the module as in eval(). seqLen only fills StackConfig (the classic cells
 * do not depend on it).
 */
export function parsePytorchModel(src: string | unknown, seqLen = 1): ImportedModel {
  const doc = parseJson(src, 'model');
  if (!isObject(doc)) throw new ImportError('model: expected a JSON object');
  // 'readout' is RNN Atlas's task head in an exported file (weights-file.ts); the stack ignores it.
  checkKeys(doc, ['format', 'module', 'config', 'state_dict', 'readout'], ['format', 'module', 'config', 'state_dict'], 'model');
  if (doc.format !== 'pytorch') throw new ImportError(`model.format: expected "pytorch", got ${JSON.stringify(doc.format)}`);
  const module = doc.module as PytorchModule;
  if (typeof module !== 'string' || !(module in MODULE_CELL)) {
    throw new ImportError(`model.module: unknown module ${JSON.stringify(doc.module)}; expected one of ${Object.keys(MODULE_CELL).join(', ')}`);
  }
  if (!isObject(doc.config)) throw new ImportError('model.config: expected an object');
  if (!isObject(doc.state_dict)) throw new ImportError('model.state_dict: expected an object of nested lists');
  const { config, bias } = readConfig(module, doc.config, seqLen);

  const sd = doc.state_dict;
  const specs = stackParams(config);
  const isBias = (p: (typeof specs)[number]) => p.spec.role === 'bias';
  const wanted = specs.filter((p) => bias || !isBias(p)).map((p) => p.name);
  const missing = wanted.filter((n) => !(n in sd));
  if (missing.length) throw new ImportError(`state_dict: missing key(s) ${missing.join(', ')}`);
  const extra = Object.keys(sd).filter((n) => !wanted.includes(n));
  if (extra.length) {
    const why = !bias && extra.some((n) => n.startsWith('bias_')) ? ' (config.bias is false)' : '';
    throw new ImportError(`state_dict: unexpected key(s) ${extra.join(', ')}${why}`);
  }

  const values = new Map<string, TensorData>();
  const fixedZero = new Set<string>();
  for (const p of specs) {
    if (!bias && isBias(p)) {
      values.set(p.name, { shape: [...p.spec.shape], values: new Float32Array(p.spec.shape.reduce((a, b) => a * b, 1)) });
      fixedZero.add(p.name);
    } else {
      values.set(p.name, readTensor(sd[p.name], p.spec.shape, `state_dict.${p.name}`));
    }
  }
  return { module, config, values, fixedZero };
}

/** Validates an input file against the model it will be fed to. */
export function parsePytorchInput(src: string | unknown, model: ImportedModel): ImportedInput {
  const doc = parseJson(src, 'input file');
  if (!isObject(doc)) throw new ImportError('input file: expected a JSON object');
  if (model.module === null && ('h0' in doc || 'c0' in doc)) {
    throw new ImportError('input file: an rnn-atlas model starts from its cells’ own initial states; give only "input"');
  }
  const keys = model.module === 'LSTM' ? ['input', 'h0', 'c0'] : ['input', 'h0'];
  if ('c0' in doc && model.module !== 'LSTM') throw new ImportError(`c0: only an LSTM has a cell state, not ${model.module}`);
  checkKeys(doc, keys, ['input'], 'input file');
  const { config } = model;
  const input = readTensor(doc.input, [null, null, config.inputSize], 'input');
  const B = input.shape[1];
  const stateShape = [config.numLayers * numDirections(config), B, config.hiddenSize];
  const out: ImportedInput = { input };
  if (doc.h0 !== undefined) out.h0 = readTensor(doc.h0, stateShape, 'h0');
  if (doc.c0 !== undefined) out.c0 = readTensor(doc.c0, stateShape, 'c0');
  return out;
}

export const toTensor = (d: TensorData): tf.Tensor => tf.tensor(d.values, d.shape, 'float32');

/** One tensor per parameter, by full name. The caller owns (and disposes) them. */
export function importedParams(model: ImportedModel): Params {
  const p: Params = {};
  for (const [name, d] of model.values) p[name] = toTensor(d);
  return p;
}
