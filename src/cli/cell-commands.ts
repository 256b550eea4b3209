// `cells` and `forward-cell`: every registered cell's declarations as JSON, and one layer of any
// cell run on given parameters, so a cell's numbers can be checked outside the page.
import * as tf from '@tensorflow/tfjs-core';
import { cellList, getCell, hasCell } from '../cells/registry';
import { partsFor, statesFor, type CellDims, type CellSpec, type Params, type State } from '../cells/types';
import { toTensor } from '../engine/pytorch-import';
import { runLayer } from '../engine/unroll';
import { expectArgs, UsageError, type Command } from './command';
import { inputLength, optionDomain, readCellInput, readCellParams } from './cell-input';
import { readText } from './io';
import { plainProse } from '../i18n/prose';

/** Sizes used only to call cell.params for its labels; labels are formulas in I and H. */
const LISTING_DIMS = { inputSize: 3, hiddenSize: 4, seqLen: 8, layer: 0, numLayers: 1 };

function describeCell(cell: CellSpec) {
  const options = Object.fromEntries(cell.options.map((o) => [o.key, o.default]));
  const dims: CellDims = { ...LISTING_DIMS, options };
  return {
    id: cell.id,
    name: cell.name,
    paper: cell.paper,
    mechanisms: cell.mechanisms,
    group: cell.group ?? null,
    options: cell.options.map((o) => ({
      key: o.key,
      label: o.label,
      kind: o.kind,
      default: o.default,
      ...(o.min !== undefined ? { min: o.min } : {}),
      ...(o.max !== undefined ? { max: o.max } : {}),
      ...(o.choices ? { choices: [...o.choices] } : {}),
      accepts: optionDomain(o),
    })),
    parameters: cell.params(dims).map((p) => ({
      name: p.name,
      shape: p.shapeLabel,
      init: plainProse(p.initLabel),
      role: p.role,
      trainable: p.trainable !== false,
    })),
    // Like the parameters, the states and gates of the default variant.
    states: partsFor(cell, options).states.map((s) => s.id),
    gates: partsFor(cell, options).gates.map((g) => g.id),
  };
}

export const cellsCommand: Command = {
  usage: '',
  summary: 'List every cell: id, paper, mechanisms, options, parameters (shape in I and H, init) and states.',
  async run(args) {
    expectArgs(args, []);
    return { cells: cellList.map(describeCell) };
  },
};

function parseJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

function inFile<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

export const forwardCellCommand: Command = {
  usage: 'CELL_ID PARAMS.json INPUT.json',
  summary:
    'Run one layer of a cell. PARAMS.json: {"config": {input_size, hidden_size, [layer, num_layers, seed], ...options}, '
    + '"params": {name: nested list}}; INPUT.json: {"input": [T][B][input_size], "state0"?: {state: [B][k]}}. '
    + 'Prints {"output": [T][B][O], "states": {id: [B][k]}, "gates": {id: [T][B][k]}}. "states" holds every state the cell '
    + 'carries (clocks, delay lines, input windows too): given back as "state0" with the rest of the sequence, it continues the run exactly.',
  async run(args) {
    const [id, paramsPath, inputPath] = expectArgs(args, ['CELL_ID', 'PARAMS.json', 'INPUT.json']);
    if (!hasCell(id)) throw new UsageError(`unknown cell "${id}"; known cells: ${cellList.map((c) => c.id).join(', ')}`);
    const cell = getCell(id);
    const paramsSrc = parseJson(paramsPath);
    const inputSrc = parseJson(inputPath);
    const { dims, params } = inFile(paramsPath, () => readCellParams(cell, paramsSrc, inputLength(inputSrc)));
    const { input, state0 } = inFile(inputPath, () => readCellInput(cell, inputSrc, dims));
    const stateIds = new Set(statesFor(cell, dims.options).map((s) => s.id));
    const run = tf.tidy(() => {
      const p: Params = {};
      for (const [name, d] of Object.entries(params)) p[name] = toTensor(d);
      const xs = toTensor(input) as tf.Tensor3D;
      let s0: State | undefined;
      if (Object.keys(state0).length) {
        s0 = { ...cell.initialState(dims, input.shape[1], p) };
        for (const [k, d] of Object.entries(state0)) s0[k] = toTensor(d) as tf.Tensor2D;
      }
      const r = runLayer(cell, p, xs, dims, { record: true, state0: s0 });
      const gates: Record<string, tf.Tensor> = {};
      for (const [k, t] of Object.entries(r.trace ?? {})) if (!stateIds.has(k)) gates[k] = t;
      return { output: tf.stack(r.outputs), states: r.final as Record<string, tf.Tensor>, gates };
    });
    try {
      const read = async (m: Record<string, tf.Tensor>) =>
        Object.fromEntries(await Promise.all(Object.entries(m).map(async ([k, t]) => [k, await t.array()] as const)));
      return { output: await run.output.array(), states: await read(run.states), gates: await read(run.gates) };
    } finally {
      tf.dispose([run.output, ...Object.values(run.states), ...Object.values(run.gates)]);
    }
  },
};
