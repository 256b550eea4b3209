// The original LSTM (Hochreiter & Schmidhuber 1997): input and output gates only, no forget
// gate, so the cell state is a Constant Error Carousel c_t = c_{t−1} + i_t ⊙ g_t. Weights keep
// torch.nn.LSTM's names and layout (rows i, g, o here; two biases) to compare with 'lstm'.
import * as tf from '@tensorflow/tfjs-core';
import { chunk, matMulPrepared, T, transposeWeights } from './common';
import type { CellSpec } from './types';
import { lstm1997Info, paperSquash } from './info/lstm-1997';

export const lstm1997: CellSpec = {
  ...lstm1997Info,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), c: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => ({ ...transposeWeights(p, ['weight_ih', 'weight_hh']), bias: tf.add(p.bias_ih, p.bias_hh) }),
  step: (xt, s, p, { dims }) => {
    const zx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih);
    const z = tf.add(tf.add(zx, matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh)), p.bias) as tf.Tensor2D;
    const [zi, zg, zo] = chunk(z, 3);
    const paper = paperSquash(dims.options);
    const i = tf.sigmoid(zi);
    const g = (paper ? tf.sub(tf.mul(4, tf.sigmoid(zg)), 2) : tf.tanh(zg)) as tf.Tensor2D;
    const o = tf.sigmoid(zo);
    // No forget gate: the carousel adds and never scales, so ∂c_t/∂c_{t−1} = I.
    const c = tf.add(s.c, tf.mul(i, g)) as tf.Tensor2D;
    const hc = paper ? tf.sub(tf.mul(2, tf.sigmoid(c)), 1) : tf.tanh(c);
    const h = tf.mul(o, hc) as tf.Tensor2D;
    return { state: { h, c }, gates: { i, g, o } };
  },
};
