// Running a model a few steps at a time: one long sequence fed in pieces, each piece continuing
// from the state the previous one returned (a character model sampling one character at a time,
// a stream read chunk by chunk).
//
//   let state = initialModelState(mc, params, B);          // or undefined: the same thing
//   for (…) {
//     const run = runFrom(mc, params, x, state);           // x [k, B, I]: k more steps, all layers
//     disposeModelState(state);                            // the old state is the caller's to free
//     state = run.state;                                   // … and so are run.out, run.top, run.state
//     …
//   }
//
// Exactness: every cell's state is complete (src/cells/types.ts, initialState): besides h (and c)
// it holds whatever the step reads that is not x_t — a Clockwork RNN's or FRU's clock, NARX's delay
// line and clock, the last k − 1 inputs of QRNN's convolution window, the Dilated RNN's and
// HOT-RNN's lagged states, mRNN/mLSTM's filter buffers. So running x in two pieces, the second
// from the first's returned state, gives the outputs and the final state of one run on x (to
// float32 rounding; tests/unit/resume-state.test.ts checks every cell of the registry).
//
// Not for bidirectional models: a backward direction reads the sequence from its end, so no
// prefix of the sequence determines its output; runFrom refuses them.
import * as tf from '@tensorflow/tfjs-core';
import type { Params, State } from '../cells/types';
import { forward, type ModelConfig } from './model';
import { layerDims, paramsOf } from './stack';

/** One state per layer (bottom first), each the cell's complete state, [B, size] per entry. */
export type ModelState = State[];

// Type aliases, not interfaces, so tf.tidy accepts them as TensorContainers.
export type ResumeRun = {
  /** [k, B, outputSize]: the readout's logits ('classify') or values ('regress') for the k steps. */
  out: tf.Tensor3D;
  /** [k, B, H_out]: what the top layer emitted (the readout's input), for views of hidden units. */
  top: tf.Tensor3D;
  /** The state after the k steps; pass it to the next call. */
  state: ModelState;
};

function requireUnidirectional(mc: ModelConfig): void {
  if (mc.stack.bidirectional) {
    throw new Error('a bidirectional model cannot be resumed: its backward direction reads the sequence from the end');
  }
}

/** The state before the first step: each layer's cell.initialState (zeros, or a learned h0). */
export function initialModelState(mc: ModelConfig, params: Params, batch: number): ModelState {
  requireUnidirectional(mc);
  const keep = new Set(Object.values(params).map((t) => t.id));
  return tf.tidy(() => {
    const out: ModelState = [];
    for (let layer = 0; layer < mc.stack.numLayers; layer++) {
      const dims = layerDims(mc.stack, layer);
      const s = mc.stack.cell.initialState(dims, batch, paramsOf(mc.stack, params, layer, false));
      // A learned h0 is a parameter: hand out a copy, so that disposing the state never frees it.
      out.push(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, keep.has(v.id) ? v.clone() : v])));
    }
    return out;
  });
}

/**
 * Runs the model (every layer, then the readout) for the k steps of x ([k, B, inputSize]) from
 * `state` (undefined: from the start) and returns the k outputs and the new state. Every
 * intermediate tensor is disposed; the returned tensors are the caller's, and so is `state` (not
 * disposed here). The returned state never shares a tensor with `state` or `params`.
 */
export function runFrom(mc: ModelConfig, params: Params, x: tf.Tensor3D, state?: ModelState): ResumeRun {
  requireUnidirectional(mc);
  if (state && state.length !== mc.stack.numLayers) {
    throw new Error(`runFrom: the state has ${state.length} layers, the model ${mc.stack.numLayers}`);
  }
  const theirs = new Set([...Object.values(params), ...(state ?? []).flatMap((s) => Object.values(s))].map((t) => t.id));
  return tf.tidy(() => {
    const run = forward(mc, params, x, { state0: state });
    const next = run.stack.finals.map((s) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [k, theirs.has(v.id) ? v.clone() : v])) as State);
    return { out: run.out, top: run.stack.output, state: next };
  });
}

/** Frees every tensor of a state (undefined is fine: the start needs none). */
export function disposeModelState(state: ModelState | undefined): void {
  if (state) for (const s of state) tf.dispose(Object.values(s));
}
