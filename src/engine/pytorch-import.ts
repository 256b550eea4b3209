// Maps a torch.nn.RNN / LSTM / GRU, checked by weights-schema.ts, onto the app's stack: the
// module becomes a cell, the config a StackConfig, the state_dict's names the stack's parameters.
// Also reads the matching input file. Plain data in, plain data out (no Node, no DOM), so the CLI
// and the page share it. Every limit is checked before stackParams runs.
//
// Model:  {"format":"pytorch","module":"RNN"|"LSTM"|"GRU",
//          "config":{input_size,hidden_size,num_layers?,nonlinearity?,bias?,bidirectional?,batch_first?,dropout?},
//          "state_dict":{"weight_ih_l0":[[…]], …}}
//         or a bare state_dict ({"weight_ih_l0": …}), whose config is read off its shapes; in
//         either, every key may carry one wrapper module's prefix ("rnn.weight_ih_l0").
// Input:  {"input":[T][B][I], "h0"?:[L·D][B][H], "c0"?:[L·D][B][H] (LSTM only)}
import * as tf from '@tensorflow/tfjs-core';
import { getCell } from '../cells/registry';
import type { Params } from '../cells/types';
import { numDirections, stackParams, type StackConfig } from './stack';
import {
  check, claimedShape, FILE_LIMITS, ImportError, isObject, own, parseJsonText, PytorchConfig, PytorchFile,
  quote, quoteKey, quoteKeys, readTensor, type TensorData,
} from './weights-schema';

// The CLI and older callers import these from here.
export { ImportError, isObject, readTensor, type TensorData };

export type PytorchModule = 'RNN' | 'LSTM' | 'GRU';

const MODULE_CELL = new Map<PytorchModule, string>([['RNN', 'rnn'], ['LSTM', 'lstm'], ['GRU', 'gru']]);
/** Gate blocks stacked in weight_hh_l0's rows: H for an RNN, 3H for a GRU, 4H for an LSTM. */
const MODULE_OF_GATES = new Map<number, PytorchModule>([[1, 'RNN'], [3, 'GRU'], [4, 'LSTM']]);

export interface ImportedModel {
  /** null for an "rnn-atlas" file (any cell; see weights-file.ts). */
  module: PytorchModule | null;
  config: StackConfig;
  /** Every parameter the stack needs, by full PyTorch name. */
  values: Map<string, TensorData>;
  /** Biases filled with zeros because the model has bias=false; keep them out of training. */
  fixedZero: Set<string>;
  /** PyTorch's batch_first as the file declares it: inputs and outputs are [B, T, …] when true. */
  batchFirst: boolean;
  /** What the reader should know: a prefix read past, dropout run as eval, a config read off shapes. */
  notes: string[];
}

export interface ImportedInput {
  /** [T, B, I]. */
  input: TensorData;
  /** [L·D, B, H]. */
  h0?: TensorData;
  c0?: TensorData;
}

/** Accepts text (size- and nesting-checked before JSON.parse) or an already parsed document. */
export function parseJson(src: string | unknown, what: string): unknown {
  return typeof src === 'string' ? parseJsonText(src, what) : src;
}

/** Keys not in `allowed` or missing from `required`; own keys only, so `__proto__` is just a name. */
export function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], required: readonly string[], where: string): void {
  const extra = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (extra.length) throw new ImportError(`${where}: unexpected key(s) ${quoteKeys(extra)}; allowed: ${allowed.join(', ')}`);
  const missing = required.filter((k) => !Object.hasOwn(obj, k));
  if (missing.length) throw new ImportError(`${where}: missing key(s) ${quoteKeys(missing)}`);
}

const RECURRENT_NAME = /^(weight|bias)_(ih|hh|hr)_l(\d{1,3})(_reverse)?$/;

/**
 * The state_dict's entries under the names nn.RNN uses. A wrapper module's state_dict prefixes
 * every key ("rnn.weight_ih_l0", "encoder.lstm.weight_ih_l0"): the one prefix whose keys are a
 * recurrent module's is read past, with a note, and keys of other modules (a linear head) are
 * left out by name. Two recurrent modules in one file are refused: which one is meant is unknown.
 */
export function recurrentEntries(sd: Record<string, unknown>, where = 'state_dict'): { entries: Map<string, unknown>; notes: string[] } {
  const groups = new Map<string, string[]>();
  for (const k of Object.keys(sd)) {
    const p = k.slice(0, k.lastIndexOf('.') + 1);
    const g = groups.get(p);
    if (g) g.push(k);
    else groups.set(p, [k]);
  }
  if (groups.size === 1 && groups.has('')) return { entries: new Map(Object.entries(sd)), notes: [] };
  const recurrent = [...groups].filter(([p, ks]) => ks.some((k) => RECURRENT_NAME.test(k.slice(p.length))));
  if (recurrent.length > 1) {
    const ps = recurrent.map(([p]) => p);
    throw new ImportError(`${where}: keys of ${ps.length} recurrent modules (prefixes ${quoteKeys(ps, 3)}): keep one, e.g. {k[${ps[0].length}:]: v for k, v in sd.items() if k.startswith(${quoteKey(ps[0])})}`);
  }
  if (recurrent.length === 0) return { entries: new Map(Object.entries(sd)), notes: [] };
  const [prefix, keys] = recurrent[0];
  const entries = new Map(keys.map((k) => [k.slice(prefix.length), sd[k]] as const));
  const notes: string[] = [];
  if (prefix) notes.push(`every recurrent key starts with ${quoteKey(prefix)} (a wrapper module’s state_dict): read without that prefix`);
  const others = Object.keys(sd).filter((k) => !k.startsWith(prefix) || k.slice(prefix.length).includes('.'));
  if (others.length) notes.push(`left out ${others.length} key(s) of other modules: ${quoteKeys(others, 3)}`);
  return { entries, notes };
}

/** A bare state_dict's config, read off its shapes (what nn.RNN's constructor would have been given). */
function configOfBare(entries: Map<string, unknown>, where: string): { module: PytorchModule; config: Record<string, unknown>; notes: string[] } {
  const hh = claimedShape(entries.get('weight_hh_l0'));
  const ih = claimedShape(entries.get('weight_ih_l0'));
  if (hh.length !== 2 || ih.length !== 2 || hh[1] < 1) {
    throw new ImportError(`${where}: a bare state_dict needs weight_ih_l0 [G·H, I] and weight_hh_l0 [G·H, H] to read the model off (got ${JSON.stringify(ih)} and ${JSON.stringify(hh)}); or give {"format": "pytorch", "module", "config", "state_dict"}`);
  }
  const H = hh[1];
  const module = hh[0] % H === 0 ? MODULE_OF_GATES.get(hh[0] / H) : undefined;
  if (!module) throw new ImportError(`${where}.weight_hh_l0: shape [${hh.join(', ')}] is not nn.RNN's [H, H], nn.GRU's [3H, H] or nn.LSTM's [4H, H]`);
  let layers = 0;
  for (const k of entries.keys()) {
    const m = RECURRENT_NAME.exec(k);
    if (m) layers = Math.max(layers, Number(m[3]) + 1);
  }
  const config = {
    input_size: ih[1], hidden_size: H, num_layers: layers,
    bidirectional: entries.has('weight_ih_l0_reverse'), bias: entries.has('bias_ih_l0'),
  };
  const notes = [
    `a bare state_dict: read as nn.${module}(input_size=${config.input_size}, hidden_size=${H}, num_layers=${layers}, bias=${config.bias ? 'True' : 'False'}, bidirectional=${config.bidirectional ? 'True' : 'False'}) from its shapes; batch_first is not in a state_dict, so inputs are read time-major`,
  ];
  if (module === 'RNN') notes.push('nonlinearity is not in a state_dict: read as tanh, nn.RNN’s default');
  return { module, config, notes };
}

function readConfig(module: PytorchModule, cfg: Record<string, unknown>, seqLen: number) {
  if (module !== 'RNN' && Object.hasOwn(cfg, 'nonlinearity')) {
    throw new ImportError(`config.nonlinearity: only nn.RNN has a nonlinearity, not nn.${module}`);
  }
  const c = check(PytorchConfig, cfg, 'config');
  const config: StackConfig = {
    cell: getCell(MODULE_CELL.get(module)!),
    inputSize: c.input_size,
    hiddenSize: c.hidden_size,
    numLayers: c.num_layers,
    bidirectional: c.bidirectional,
    seqLen,
    options: module === 'RNN' ? { nonlinearity: c.nonlinearity ?? 'tanh' } : {},
  };
  return { config, bias: c.bias, batchFirst: c.batch_first, dropout: c.dropout };
}

/**
 * Validates an exported model (JSON text or an already parsed object): the "pytorch" format, or a
 * bare state_dict. Dropout is accepted, with a note: this runs the module as in eval(). seqLen
 * only fills StackConfig (the classic cells do not depend on it).
 */
export function parsePytorchModel(src: string | unknown, seqLen = 1): ImportedModel {
  const doc = parseJson(src, 'model');
  if (!isObject(doc)) throw new ImportError(`model: expected a JSON object, got ${quote(doc)}`);
  const notes: string[] = [];
  let module: PytorchModule;
  let rawConfig: Record<string, unknown>;
  let entries: Map<string, unknown>;
  if (!Object.hasOwn(doc, 'format') && Object.keys(doc).some((k) => /(^|\.)weight_ih_l0$/.test(k))) {
    const r = recurrentEntries(doc, 'state_dict');
    const bare = configOfBare(r.entries, 'state_dict');
    ({ module, config: rawConfig, entries } = { ...bare, entries: r.entries });
    notes.push(...bare.notes, ...r.notes);
  } else {
    const file = check(PytorchFile, doc, '', 'model');
    module = file.module;
    rawConfig = file.config;
    const r = recurrentEntries(file.state_dict);
    entries = r.entries;
    notes.push(...r.notes);
  }
  const { config, bias, batchFirst, dropout } = readConfig(module, rawConfig, seqLen);
  if (dropout > 0) notes.push(`dropout=${dropout} in the file: the app runs the model as in eval(), without dropout`);

  // Limits are checked (readConfig), so the parameter list is small and quick to build.
  const specs = stackParams(config);
  const isBias = (p: (typeof specs)[number]) => p.spec.role === 'bias';
  const wanted = specs.filter((p) => bias || !isBias(p)).map((p) => p.name);
  const missing = wanted.filter((n) => !entries.has(n));
  if (missing.length) throw new ImportError(`state_dict: missing key(s) ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  const wantedSet = new Set(wanted);
  const extra = [...entries.keys()].filter((n) => !wantedSet.has(n));
  if (extra.length) {
    const why = !bias && extra.some((n) => n.startsWith('bias_')) ? ' (config.bias is false)' : '';
    throw new ImportError(`state_dict: unexpected key(s) ${quoteKeys(extra)}${why}`);
  }

  const values = new Map<string, TensorData>();
  const fixedZero = new Set<string>();
  for (const p of specs) {
    if (!bias && isBias(p)) {
      values.set(p.name, { shape: [...p.spec.shape], values: new Float32Array(p.spec.shape.reduce((a, b) => a * b, 1)) });
      fixedZero.add(p.name);
    } else {
      values.set(p.name, readTensor(entries.get(p.name), p.spec.shape, `state_dict.${p.name}`));
    }
  }
  return { module, config, values, fixedZero, batchFirst, notes };
}

/** Validates an input file against the model it will be fed to (time-major, as the engine runs). */
export function parsePytorchInput(src: string | unknown, model: ImportedModel): ImportedInput {
  const doc = parseJson(src, 'input file');
  if (!isObject(doc)) throw new ImportError(`input file: expected a JSON object, got ${quote(doc)}`);
  const has = (k: string) => Object.hasOwn(doc, k);
  if (model.module === null && (has('h0') || has('c0'))) {
    throw new ImportError('input file: an rnn-atlas model starts from its cells’ own initial states; give only "input"');
  }
  const keys = model.module === 'LSTM' ? ['input', 'h0', 'c0'] : ['input', 'h0'];
  if (has('c0') && model.module !== 'LSTM') throw new ImportError(`c0: only an LSTM has a cell state, not ${model.module}`);
  checkKeys(doc, keys, ['input'], 'input file');
  const { config } = model;
  const input = readTensor(own(doc, 'input'), [null, null, config.inputSize], 'input');
  if (input.shape[0] > FILE_LIMITS.seqLen) throw new ImportError(`input: at most ${FILE_LIMITS.seqLen} steps, got ${input.shape[0]}`);
  const B = input.shape[1];
  const stateShape = [config.numLayers * numDirections(config), B, config.hiddenSize];
  const out: ImportedInput = { input };
  if (doc.h0 !== undefined) out.h0 = readTensor(own(doc, 'h0'), stateShape, 'h0');
  if (doc.c0 !== undefined) out.c0 = readTensor(own(doc, 'c0'), stateShape, 'c0');
  return out;
}

export const toTensor = (d: TensorData): tf.Tensor => tf.tensor(d.values, d.shape, 'float32');

/** One tensor per parameter, by full name. The caller owns (and disposes) them. */
export function importedParams(model: ImportedModel): Params {
  const p: Params = {};
  for (const [name, d] of model.values) p[name] = toTensor(d);
  return p;
}
