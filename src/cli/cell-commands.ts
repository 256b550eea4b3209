// `cells` and `forward-cell`: every registered cell's declarations as JSON, and one layer of any
// cell run on given parameters, so a cell's numbers can be checked outside the page.
import * as tf from '@tensorflow/tfjs-core';
import { cellList, getCell, hasCell } from '../cells/registry';
import { partsFor, statesFor, type CellDims, type CellOptions, type CellSpec, type OptionSpec, type Params, type State } from '../cells/types';
import { toTensor } from '../engine/pytorch-import';
import { runLayer } from '../engine/unroll';
import { expectArgs, FORMATS_DOC, UsageError, type Command } from './command';
import { inputLength, optionDomain, readCellInput, readCellParams } from './cell-input';
import { inFile, readJson } from './io';
import { MAX_FILE_BYTES } from '../engine/weights-schema';
import { plainProse } from '../i18n/prose';

/** Sizes used only to call cell.params for its labels; labels are formulas in I and H. */
const LISTING_DIMS = { inputSize: 3, hiddenSize: 4, seqLen: 8, layer: 0, numLayers: 1 };

const describeParam = (p: ReturnType<CellSpec['params']>[number]) => ({
  name: p.name,
  shape: p.shapeLabel,
  init: plainProse(p.initLabel),
  role: p.role,
  trainable: p.trainable !== false,
});

/** What a variant is made of: its parameters (names and shapes at the listing sizes) and its states. */
function signature(cell: CellSpec, options: CellOptions): string {
  const params = cell.params({ ...LISTING_DIMS, options }).map((p) => `${p.name}:${p.shapeLabel}:${p.shape.join('x')}`);
  return `${params.join(',')}|${statesFor(cell, options).map((s) => s.id).join(',')}`;
}

/** Every combination of the choice and boolean options (few: a cell has at most a handful). */
function discreteGrid(cell: CellSpec): CellOptions[] {
  const defaults: CellOptions = Object.fromEntries(cell.options.map((o) => [o.key, o.default]));
  let grid: CellOptions[] = [defaults];
  for (const o of cell.options) {
    const values = o.kind === 'choice' ? [...(o.choices ?? [])] : o.kind === 'boolean' ? [false, true] : [];
    if (values.length < 2) continue;
    grid = grid.flatMap((g) => values.map((v) => ({ ...g, [o.key]: v })));
  }
  return grid;
}

/**
 * The variants whose parameter list (or state list) differs from the default's: one entry per
 * distinct list, named by the option values that differ from the defaults.
 */
function describeVariants(cell: CellSpec) {
  const defaults: CellOptions = Object.fromEntries(cell.options.map((o) => [o.key, o.default]));
  const seen = new Set([signature(cell, defaults)]);
  const out = [];
  for (const options of discreteGrid(cell)) {
    const sig = signature(cell, options);
    if (seen.has(sig)) continue;
    seen.add(sig);
    const differs = Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== defaults[k]));
    out.push({
      options: differs,
      parameters: cell.params({ ...LISTING_DIMS, options }).map(describeParam),
      states: statesFor(cell, options).map((s) => s.id),
    });
  }
  return out;
}

/** Numeric options whose value changes the parameters' names, count or shapes (tried at min, default and max). */
function sizeOptions(cell: CellSpec): string[] {
  const defaults: CellOptions = Object.fromEntries(cell.options.map((o) => [o.key, o.default]));
  const base = signature(cell, defaults);
  const tries = (o: OptionSpec) => [o.min, o.max].filter((v): v is number => v !== undefined && v !== o.default);
  return cell.options
    .filter((o) => (o.kind === 'integer' || o.kind === 'number') && tries(o).some((v) => signature(cell, { ...defaults, [o.key]: v }) !== base))
    .map((o) => o.key);
}

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
    parameters: cell.params(dims).map(describeParam),
    // Like the parameters, the states and gates of the default variant.
    states: partsFor(cell, options).states.map((s) => s.id),
    gates: partsFor(cell, options).gates.map((g) => g.id),
    // The other variants' parameters and states, where a choice or switch changes them.
    variants: describeVariants(cell),
    // Numeric options whose value changes the parameter list or its shapes (module count, window …).
    size_options: sizeOptions(cell),
  };
}

export const cellsCommand: Command = {
  usage: '',
  summary: 'List every cell: id, paper, mechanisms, options, parameters (shape in I and H, init) and states, for the default and every variant.',
  help: [
    'Reads no file. Prints one JSON line {"cells": [...]}, one entry per registered cell, in the catalogue’s order:',
    '  id, name, paper, mechanisms, group; options (key, kind, default, min/max or choices, "accepts": the values allowed);',
    '  parameters of the default variant (name as in forward-cell’s PARAMS.json, shape as a formula in I and H, init,',
    '  role, trainable); states and gates of the default variant; "variants": for every choice or switch that changes the',
    '  parameter or state list, the option values that differ from the defaults with that variant’s parameters and states;',
    '  "size_options": numeric options whose value changes the parameter list or shapes (e.g. the number of modules).',
    'What each state holds and in which order (delay lines, real and imaginary halves, clock modules): docs/STATE-LAYOUTS.md.',
  ].join('\n'),
  async run(args) {
    expectArgs(args, []);
    return { cells: cellList.map(describeCell) };
  },
};

export const forwardCellCommand: Command = {
  usage: 'CELL_ID PARAMS.json INPUT.json',
  summary:
    'Run one layer of a cell. PARAMS.json: {"config": {input_size, hidden_size, [layer, num_layers, seed], ...options}, '
    + '"params": {name: nested list}}; INPUT.json: {"input": [T][B][input_size], "state0"?: {state: [B][k]}}. '
    + 'Prints {"output": [T][B][O], "states": {id: [B][k]}, "gates": {id: [T][B][k]}}. "states" holds every state the cell '
    + 'carries (clocks, delay lines, input windows too): given back as "state0" with the rest of the sequence, it continues the run exactly.',
  help: [
    'Runs one layer of any cell on given parameters, in the order t = 0..T−1.',
    'CELL_ID: one of the ids `cells` lists.',
    'PARAMS.json: {"config": {"input_size", "hidden_size", "layer"? (0-based, default 0), "num_layers"? (default 1),',
    '  "seq_len"? (default: the input’s T), "seed"? (for parameters left out), …the cell’s options by key},',
    '  "params": {name: nested list}} with the names and shapes `cells` lists; non-trainable parameters (a fixed',
    '  permutation, an identity) may be left out and are drawn from their init with "seed".',
    'INPUT.json: {"input": [T][B][input_size] (time-major), "state0"?: {state id: [B][size]}}.',
    'Prints one JSON line {"output": [T][B][O], "states": {id: [B][size]} (every state, buffers too: the layout of each',
    '  is in docs/STATE-LAYOUTS.md), "gates": {id: [T][B][k]}}. Every number must be finite in float32 (|x| ≤ 3.4e38).',
    `Full formats: ${FORMATS_DOC}. Files larger than ${MAX_FILE_BYTES / 2 ** 20} MB are refused.`,
  ].join('\n'),
  async run(args) {
    const [id, paramsPath, inputPath] = expectArgs(args, ['CELL_ID', 'PARAMS.json', 'INPUT.json']);
    if (!hasCell(id)) throw new UsageError(`unknown cell "${id}"; known cells: ${cellList.map((c) => c.id).join(', ')}`);
    const cell = getCell(id);
    const paramsSrc = readJson(paramsPath, 'PARAMS');
    const inputSrc = readJson(inputPath, 'INPUT');
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
