// The generic recurrence: one layer, one direction, any CellSpec. Kept apart from the cells
// (as tf.layers keeps rnn() apart from its cells) so every cell gets the same fast path:
// the input projection of all timesteps happens once, before the loop.
import * as tf from '@tensorflow/tfjs-core';
import type { CellDims, CellSpec, Params, State } from '../cells/types';
import { hiddenKeyOf, statesFor } from '../cells/types';

export interface LayerRunOptions {
  reverse?: boolean;
  /**
   * The state to start from (default: the cell's initial state). A final state of an earlier run
   * continues that run exactly: every cell's state is complete (clocks, delay lines, input windows).
   */
  state0?: State;
  /**
   * Zero perturbation e_t added to the hidden state after each step ([T, B, H], original time
   * order). Its gradient is exactly the BPTT gradient ∂L/∂h_t: the total derivative through the
   * future, not just the local one.
   */
  probe?: tf.Tensor3D;
  /** Keep every gate and visible state per step for the views. */
  record?: boolean;
}

/** A sequence either as one [T, B, F] tensor or as its T steps (what a lower layer produced). */
export type Sequence = tf.Tensor3D | tf.Tensor2D[];

export interface LayerRun {
  /** [B, O] per step, original time order. Kept as a list: re-slicing a stacked tensor is slow on WASM. */
  outputs: tf.Tensor2D[];
  final: State;
  /** [T, B, *] per gate and per visible state, original time order; only when record is set. */
  trace?: Record<string, tf.Tensor3D>;
}

export function zeroState(cell: CellSpec, dims: CellDims, batch: number): State {
  const state: State = {};
  for (const s of statesFor(cell, dims.options)) state[s.id] = tf.zeros([batch, s.size(dims)]);
  return state;
}

export function runLayer(
  cell: CellSpec,
  p: Params,
  xs: Sequence,
  dims: CellDims,
  opts: LayerRunOptions = {},
): LayerRun {
  const T = Array.isArray(xs) ? xs.length : xs.shape[0];
  const B = Array.isArray(xs) ? xs[0].shape[0] : xs.shape[1];
  const hk = hiddenKeyOf(cell);
  if (cell.prepare) p = { ...p, ...cell.prepare(p, dims) };
  let state: State = opts.state0 ?? cell.initialState(dims, B, p);
  if (cell.fusedSequence && !opts.record && !cell.project) {
    const seq = cell.fusedSequence(Array.isArray(xs) ? (tf.stack(xs) as tf.Tensor3D) : xs, state, p, dims, { reverse: !!opts.reverse, probe: opts.probe });
    if (seq) return { outputs: tf.unstack(seq.outputs) as tf.Tensor2D[], final: seq.final };
  }
  let steps: tf.Tensor2D[];
  if (cell.project) steps = tf.unstack(cell.project(Array.isArray(xs) ? (tf.stack(xs) as tf.Tensor3D) : xs, p, dims, state)) as tf.Tensor2D[];
  else steps = Array.isArray(xs) ? xs : (tf.unstack(xs) as tf.Tensor2D[]);
  const probes = opts.probe ? (tf.unstack(opts.probe) as tf.Tensor2D[]) : null;
  const outputs: tf.Tensor2D[] = new Array(T);
  const traces: Record<string, tf.Tensor2D[]> = {};
  const visibleStates = statesFor(cell, dims.options).filter((s) => !s.hidden).map((s) => s.id);

  for (let k = 0; k < T; k++) {
    const t = opts.reverse ? T - 1 - k : k;
    const ctx = { t: k, dims };
    const res = cell.fusedStep?.(steps[t], state, p, ctx) ?? cell.step(steps[t], state, p, ctx);
    state = res.state;
    if (probes) state = { ...state, [hk]: tf.add(state[hk], probes[t]) as tf.Tensor2D };
    outputs[t] = cell.emit ? cell.emit(state, p, dims) : state[hk];
    if (opts.record) {
      for (const [id, g] of Object.entries(res.gates)) (traces[id] ??= new Array(T))[t] = g;
      for (const id of visibleStates) (traces[id] ??= new Array(T))[t] = state[id];
    }
  }
  const run: LayerRun = { outputs, final: state };
  if (opts.record) {
    run.trace = {};
    for (const [id, list] of Object.entries(traces)) run.trace[id] = tf.stack(list) as tf.Tensor3D;
  }
  return run;
}
