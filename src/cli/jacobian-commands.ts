// `jacobians`: Jacobians through time of a one-layer, one-direction model on an input of batch 1
// (issue 10, item 7). h_0 is the initial state and h_t the state after input x_t (1-based):
// jac_h_*[t] = ‖∂h_T/∂h_t‖ for t = 0..T (entry T is the identity's norm), jac_x_*[t − 1] =
// ‖∂h_T/∂x_t‖ for t = 1..T. For a cell with more states than h (the LSTM's c) the rerun from step t
// starts from the full state at t and only h_t varies. eig_whh: the eigenvalues of W_hh where it is
// square (a plain RNN's; the LSTM's [4H, H] and the GRU's [3H, H] are not), by modulus, largest first.
// A norm that overflows prints as null (JSON has no Infinity).
import * as tf from '@tensorflow/tfjs-core';
import { jacobianProfile } from '../engine/instruments/jacobians';
import { eigenvaluePairs } from '../engine/instruments/matrix-spectrum';
import { importedParams, type ImportedModel } from '../engine/pytorch-import';
import { layerDims, paramName, paramsOf } from '../engine/stack';
import { statesFor } from '../cells/types';
import { expectArgs, FORMATS_DOC, type Command } from './command';
import { loadPytorchRun } from './io';
import { BATCH_FIRST_FLAG } from './pytorch-commands';

/** Bound on T × S³ (S the cell’s full state size), the order of the SVD work: T 1000 at S 256 is at it. */
export const JACOBIAN_WORK = 2 ** 34;

/** W_hh's values when the layer has exactly one recurrent parameter and it is a square matrix. */
function squareRecurrent(model: ImportedModel): { n: number; values: Float32Array } | null {
  const cfg = model.config;
  const recurrent = cfg.cell.params(layerDims(cfg, 0)).filter((s) => s.role === 'recurrent');
  if (recurrent.length !== 1) return null;
  const [spec] = recurrent;
  if (spec.shape.length !== 2 || spec.shape[0] !== spec.shape[1]) return null;
  const d = model.values.get(paramName(spec.name, 0, false));
  return d ? { n: spec.shape[0], values: d.values } : null;
}

export const jacobiansCommand: Command = {
  usage: '[--batch-first] MODEL.json INPUT.json',
  flags: BATCH_FIRST_FLAG,
  help: [
    'Jacobians through time of a one-layer, one-direction model on one sequence (batch 1). h_0 is the initial state,',
    '  h_t the state after input x_t (t = 1..T). jac_h_spectral[t], jac_h_fro[t] = ‖∂h_T/∂h_t‖ (spectral, Frobenius) for',
    '  t = 0..T (entry T is the identity’s); jac_x_*[t − 1] = ‖∂h_T/∂x_t‖ for t = 1..T. For an LSTM the rerun from step t',
    '  starts from the full state at t and only h_t varies. eig_whh: eigenvalues of W_hh as [re, im] pairs, largest',
    '  modulus first, where W_hh is square (a plain RNN’s). A norm that overflows float32 prints as null.',
    'MODEL.json: as for `forward` (PyTorch RNN/LSTM/GRU or rnn-atlas), num_layers 1, not bidirectional.',
    '  Runs with T × S³ above 1.7e10 (S the full state size, e.g. 2H for an LSTM) are refused: one SVD per step.',
    'INPUT.json: {"input": [T][1][input_size] ([1][T][input_size] with batch_first, or unbatched [T][input_size]), "h0"?, "c0"?}.',
    `Full formats: ${FORMATS_DOC}.`,
  ].join('\n'),
  summary:
    'One layer, one direction, batch 1: print {"jac_h_spectral","jac_h_fro"} = ‖∂h_T/∂h_t‖ for t = 0..T, {"jac_x_spectral","jac_x_fro"} = ‖∂h_T/∂x_t‖ for t = 1..T, and "eig_whh" ([re, im] pairs) where W_hh is square.',
  async run(args, flags) {
    const [modelPath, inputPath] = expectArgs(args, ['MODEL.json', 'INPUT.json']);
    const { model, input } = loadPytorchRun(modelPath, inputPath, flags);
    const cfg = model.config;
    if (cfg.numLayers !== 1) throw new Error(`${modelPath}: jacobians needs a one-layer model, this one has ${cfg.numLayers} layers`);
    if (cfg.bidirectional) throw new Error(`${modelPath}: jacobians needs a one-direction model, this one is bidirectional`);
    const [T, B, I] = input.input.shape;
    if (B !== 1) throw new Error(`${inputPath}: jacobians needs an input of batch 1, this one has batch ${B}`);
    if (T < 1) throw new Error(`${inputPath}: the input has no timesteps`);
    // Every t costs an SVD of ∂h_T/∂s_t (H × S), S the full state: refuse sizes that would run for hours.
    const S = statesFor(cfg.cell, cfg.options).reduce((n, st) => n + st.size(layerDims(cfg, 0)), 0);
    if (T * S ** 3 > JACOBIAN_WORK) {
      throw new Error(`${inputPath}: ${T} steps with a state of ${S} numbers is beyond what jacobians computes in reasonable time (T × S³ ≤ ${JACOBIAN_WORK.toExponential(1)}); use fewer steps or a smaller model`);
    }
    const v = input.input.values;
    const xs = Array.from({ length: T }, (_, t) => Array.from(v.subarray(t * I, (t + 1) * I)));
    const state0: Record<string, Float32Array> = {};
    if (input.h0) state0.h = input.h0.values;
    if (input.c0) state0.c = input.c0.values;
    const all = importedParams(model);
    try {
      const prof = await jacobianProfile({
        cell: cfg.cell,
        params: paramsOf(cfg, all, 0, false),
        dims: layerDims(cfg, 0),
        options: cfg.options,
        xs,
        state0,
        norms: 'svd', // ml-matrix's SVD for every σ_max; the worker's default (Lanczos) agrees to ~1e-6
      });
      const out: Record<string, unknown> = {
        jac_h_spectral: prof.hSpectral,
        jac_h_fro: prof.hFro,
        jac_x_spectral: prof.xSpectral,
        jac_x_fro: prof.xFro,
      };
      const whh = squareRecurrent(model);
      if (whh) {
        out.eig_whh = eigenvaluePairs(whh.values, whh.n)
          .sort((a, b) => Math.hypot(b[0], b[1]) - Math.hypot(a[0], a[1]) || b[1] - a[1]);
      }
      return out;
    } finally {
      tf.dispose(Object.values(all));
    }
  },
};
