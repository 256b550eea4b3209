// Runs a stack the way torch.nn.RNN/LSTM/GRU's forward does: h0/c0 in, (output, h_n, c_n) out,
// all in PyTorch's layout. Also the CLI's ∂L/∂h_t norms through the probes of unroll.ts.
// Call inside tf.tidy (or dispose the results): nothing here keeps tensors. topGradNorms needs
// gradients registered (tfjs-core alone registers none; importing @tensorflow/tfjs does).
import * as tf from '@tensorflow/tfjs-core';
import { hiddenKeyOf, statesFor, type Params, type State } from '../cells/types';
import { numDirections, stackLayerDims, runStack, topHiddenSize, type StackConfig } from './stack';

/** Initial states by state id, each [L·D, B, size], as PyTorch's h0 (key 'h') and c0 (key 'c'). */
export type StackState = Record<string, tf.Tensor3D | undefined>;

/** Splits PyTorch-layout initial states into runStack's per-layer/direction list; missing ids start at zero. */
export function splitInitialState(cfg: StackConfig, init: StackState, batch: number): (State | undefined)[] | undefined {
  const given = Object.entries(init).filter((e): e is [string, tf.Tensor3D] => e[1] !== undefined);
  if (given.length === 0) return undefined;
  const D = numDirections(cfg);
  const n = cfg.numLayers * D;
  const slices = given.map(([id, t]) => [id, tf.unstack(t) as tf.Tensor2D[]] as const);
  const out: State[] = [];
  const all = stackLayerDims(cfg);
  for (let k = 0; k < n; k++) {
    const s: State = {};
    const dims = all[Math.floor(k / D)];
    for (const st of statesFor(cfg.cell, dims.options)) {
      const sl = slices.find(([id]) => id === st.id);
      s[st.id] = sl ? sl[1][k] : tf.zeros([batch, st.size(dims)]);
    }
    out.push(s);
  }
  return out;
}

// A type alias, not an interface, so tf.tidy accepts it as a TensorContainer.
export type StackForward = {
  /** [T, B, D·H]. */
  output: tf.Tensor3D;
  /** Final states by state id, each [L·D, B, size]: 'h' is PyTorch's h_n, 'c' its c_n. */
  finals: Record<string, tf.Tensor3D>;
};

export function forwardStack(cfg: StackConfig, params: Params, xs: tf.Tensor3D, init: StackState = {}): StackForward {
  const run = runStack(cfg, params, xs, { state0: splitInitialState(cfg, init, xs.shape[1]) });
  const finals: Record<string, tf.Tensor3D> = {};
  for (const s of statesFor(cfg.cell, cfg.options)) {
    if (!s.hidden) finals[s.id] = tf.stack(run.finals.map((f) => f[s.id])) as tf.Tensor3D;
  }
  return { output: run.output, finals };
}

/**
 * ‖∂L/∂h_t‖_F for t = 0..T−1, of the top layer's forward direction, where L is the sum of that
 * direction's final hidden state. ∂L/∂h_t is the full BPTT gradient (through every later step),
 * read off a zero probe added to h_t. Returns [T].
 */
export function topGradNorms(cfg: StackConfig, params: Params, xs: tf.Tensor3D, init: StackState = {}): tf.Tensor1D {
  return tf.tidy(() => {
    const [T, B] = xs.shape;
    const top = (cfg.numLayers - 1) * numDirections(cfg);
    const hk = hiddenKeyOf(cfg.cell);
    const lossOf = (probe: tf.Tensor): tf.Tensor => {
      const run = runStack(cfg, params, xs, {
        state0: splitInitialState(cfg, init, B),
        topProbes: [probe as tf.Tensor3D],
      });
      return tf.sum(run.finals[top][hk]);
    };
    const g = tf.grad(lossOf)(tf.zeros([T, B, topHiddenSize(cfg)]));
    return tf.sqrt(tf.sum(tf.square(g), [1, 2])) as tf.Tensor1D;
  });
}
