// mLSTM (Zhao et al. 2020), following the authors' MLSTMCell / MLSTMFixDCell (huawei-noah/
// noah-research, mRNN-mLSTM/layers.py): the forget gate is replaced by the long-memory filter
// (1 − B)^d over the last K cell states.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import { filterConstants, filterK, isDynamic, longMemoryFilter, pushLag } from './long-memory-filter';
import type { CellSpec } from './types';
import { mlstmInfo } from './info/mlstm';

export const mlstm: CellSpec = {
  ...mlstmInfo,
  initialState: (d, B) => ({
    h: tf.zeros([B, d.hiddenSize]), c: tf.zeros([B, d.hiddenSize]), d: tf.zeros([B, d.hiddenSize]),
    cs: tf.zeros([B, (filterK(d) - 1) * d.hiddenSize]),
  }),
  // One matmul per gate: the weights stay the code's separate layers (i_gate, c_gate, o_gate, f_gate),
  // so parameters can be loaded from it name for name.
  prepare: (p, dims) => ({
    ...transposeWeights(p, ['weight_i', 'weight_c', 'weight_o', ...(isDynamic(dims) ? ['weight_d'] : [])]),
    ...filterConstants(filterK(dims)),
  }),
  step: (xt, s, p, { dims }) => {
    const K = filterK(dims);
    const B = xt.shape[0];
    const H = dims.hiddenSize;
    const xh = tf.concat([xt, s.h], 1);
    const d = isDynamic(dims)
      ? (tf.mul(0.5, tf.sigmoid(tf.add(matMulPrepared(tf.concat([xh, s.d], 1), p[T('weight_d')], p.weight_d), p.bias_d))) as tf.Tensor2D)
      : (tf.broadcastTo(tf.mul(0.5, tf.sigmoid(p.delta)), [B, H]) as tf.Tensor2D);
    const { f: filtered, view } = longMemoryFilter(d, s.c, s.cs, K, p);
    const gate = (name: string) => tf.add(matMulPrepared(xh, p[T(`weight_${name}`)], p[`weight_${name}`]), p[`bias_${name}`]) as tf.Tensor2D;
    const i = tf.sigmoid(gate('i'));
    const g = tf.tanh(gate('c'));
    const o = tf.sigmoid(gate('o'));
    const c = tf.sub(tf.mul(i, g), filtered) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { state: { h, c, d, cs: pushLag(s.cs, s.c) }, gates: { i, g, o, w: view } };
  },
};
