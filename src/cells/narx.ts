// NARX RNN (Lin, Horne, Tiňo & Giles 1996): the only recurrence is a tapped delay line of the
// network's own past OUTPUTS y_{t−1} … y_{t−n}, each tap wired straight into the hidden layer. A
// tap d is a jump-ahead path: the gradient from step t reaches step t−d through one nonlinearity
// instead of d, which is why NARX nets latch information longer than an Elman net.
// Option `feedback: 'hidden'` is the later hidden-state form h_t = f(x_t, h_{t−1} … h_{t−n}).
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, tick, transposeWeights } from './common';
import type { CellSpec } from './types';
import { feedsOutput, narxInfo, narxOrder, tapWidth } from './info/narx';

/** y = W_y h + b_y, the cell's own output layer (what the delay line carries in the original). */
function outputLayer(h: tf.Tensor2D, p: Record<string, tf.Tensor>): tf.Tensor2D {
  return tf.add(matMulPrepared(h, p[T('weight_y')], p.weight_y), p.bias_y) as tf.Tensor2D;
}

export const narx: CellSpec = {
  ...narxInfo,
  initialState: (d, B) => {
    const s: Record<string, tf.Tensor2D> = { h: tf.zeros([B, d.hiddenSize]), taps: tf.zeros([B, narxOrder(d) * tapWidth(d)]) };
    if (feedsOutput(d)) s.clock = tf.zeros([B, 1]);
    return s;
  },
  prepare: (p) => transposeWeights(p, ['weight_ih', 'weight_taps', 'weight_y']),
  step: (xt, s, p, { dims }) => {
    const n = narxOrder(dims);
    const m = tapWidth(dims);
    // The newest tap is y_{t−1} (or h_{t−1}), taken from the previous state; before the first step
    // (clock 0) it is 0: min(clock, 1) is 0 there and 1 after.
    const newest = !feedsOutput(dims) ? s.h : tf.mul(outputLayer(s.h, p), tf.minimum(s.clock, 1)) as tf.Tensor2D;
    const taps = (n === 1 ? newest : tf.concat([newest, tf.slice(s.taps, [0, 0], [-1, (n - 1) * m])], 1)) as tf.Tensor2D;
    const a = tf.add(tf.add(matMulPrepared(xt, p[T('weight_ih')], p.weight_ih), matMulPrepared(taps, p[T('weight_taps')], p.weight_taps)), p.bias);
    const h = tf.tanh(a) as tf.Tensor2D;
    const state: Record<string, tf.Tensor2D> = { h, taps };
    if (feedsOutput(dims)) state.clock = tick(s.clock);
    return { state, gates: { y: outputLayer(h, p) } };
  },
  emit: (s, p) => outputLayer(s.h, p),
};
