// mRNN (Zhao et al. 2020), following the authors' MRNNCell / MRNNFixDCell (huawei-noah/noah-research,
// mRNN-mLSTM/layers.py): a plain tanh RNN h beside a memory m that is fed the input passed through
// the long-memory filter (1 − B)^d over the last K inputs.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import { filterConstants, filterK, isDynamic, longMemoryFilter, pushLag } from './long-memory-filter';
import type { CellDims, CellSpec, Params, State } from './types';
import { mrnnInfo } from './info/mrnn';

const linear = (p: Params, x: tf.Tensor2D, name: string) => matMulPrepared(x, p[T(name)], p[name]);
/** Sum with broadcasting (tf.addN does not broadcast the biases). */
const sum = (...ts: tf.Tensor[]) => ts.reduce((a, b) => tf.add(a, b)) as tf.Tensor2D;

const WEIGHTS_DYNAMIC = ['weight_dd', 'weight_hd', 'weight_md', 'weight_xd'];
const WEIGHTS = ['weight_mm', 'weight_fm', 'weight_hh', 'weight_xh', 'weight_hz', 'weight_mz'];

/** z_t: linear for dynamic d (MRNNCell), tanh for fixed d (MRNNFixDCell), as in the code. */
function output(s: State, p: Params, dims: CellDims): tf.Tensor2D {
  const z = tf.add(tf.add(linear(p, s.h, 'weight_hz'), p.bias_hz), linear(p, s.m, 'weight_mz')) as tf.Tensor2D;
  return isDynamic(dims) ? z : tf.tanh(z);
}

export const mrnn: CellSpec = {
  ...mrnnInfo,
  initialState: (d, B) => ({
    h: tf.zeros([B, d.hiddenSize]), m: tf.zeros([B, d.hiddenSize]),
    d: tf.zeros([B, d.inputSize]), xs: tf.zeros([B, (filterK(d) - 1) * d.inputSize]),
  }),
  prepare: (p, dims) => ({ ...transposeWeights(p, isDynamic(dims) ? [...WEIGHTS_DYNAMIC, ...WEIGHTS] : WEIGHTS), ...filterConstants(filterK(dims)) }),
  step: (xt, s, p, { dims }) => {
    const K = filterK(dims);
    const B = xt.shape[0];
    const d = isDynamic(dims)
      ? (tf.mul(0.5, tf.sigmoid(sum(linear(p, s.d, 'weight_dd'), p.bias_dd, linear(p, s.h, 'weight_hd'),
        linear(p, s.m, 'weight_md'), linear(p, xt, 'weight_xd')))) as tf.Tensor2D)
      : (tf.broadcastTo(tf.mul(0.5, tf.sigmoid(p.bias_d)), [B, dims.inputSize]) as tf.Tensor2D);
    const { f, view } = longMemoryFilter(d, xt, s.xs, K, p);
    const m = tf.tanh(sum(linear(p, s.m, 'weight_mm'), p.bias_mm, linear(p, f, 'weight_fm'))) as tf.Tensor2D;
    const h = tf.tanh(sum(linear(p, s.h, 'weight_hh'), p.bias_hh, linear(p, xt, 'weight_xh'))) as tf.Tensor2D;
    return {
      state: { h, m, d, xs: pushLag(s.xs, xt) },
      gates: { w: view, f },
    };
  },
  emit: output,
};
