// Clockwork RNN (Koutník, Greff, Gomez & Schmidhuber 2014): the hidden units form g modules with
// periods T_i; module i is recomputed only at steps where t mod T_i = 0 and otherwise holds its
// value, and its recurrent input comes only from modules at least as slow as itself.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, tick, transposeWeights } from './common';
import type { CellDims, CellSpec, Params } from './types';
import { blockName, clockworkInfo, clockworkModules } from './info/clockwork';

/** The period of every hidden unit's module, [H]. */
function unitPeriods(d: CellDims): Float32Array {
  const { sizes, offsets, periods } = clockworkModules(d);
  const out = new Float32Array(d.hiddenSize);
  sizes.forEach((k, i) => out.fill(periods[i], offsets[i], offsets[i] + k));
  return out;
}

export const clockwork: CellSpec = {
  ...clockworkInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), clock: tf.zeros([B, 1]) }),
  prepare: (p, d) => {
    const { sizes, offsets } = clockworkModules(d);
    // Zeros left of each block row make W_H block-upper-triangular; they carry no parameter.
    const rows = sizes.map((k, i) => (offsets[i] === 0 ? p[blockName(i)] : tf.concat([tf.zeros([k, offsets[i]]), p[blockName(i)]], 1)));
    const whh = rows.length === 1 ? rows[0] : tf.concat(rows, 0);
    return {
      ...transposeWeights(p, ['weight_ih']), weight_hh_full: whh, [T('weight_hh_full')]: tf.transpose(whh),
      periods: tf.tensor1d(unitPeriods(d)),
    } as Params;
  },
  step: (xt, s, p) => {
    // m = 1 where clock mod T_i = 0: step() is 0 at 0 and 1 above (its gradient is 0, as it should be).
    const mask = tf.sub(1, tf.step(tf.mod(s.clock, p.periods))) as tf.Tensor2D;
    const a = tf.add(tf.add(matMulPrepared(xt, p[T('weight_ih')], p.weight_ih),
      matMulPrepared(s.h, p[T('weight_hh_full')], p.weight_hh_full)), p.bias);
    const h = tf.add(tf.mul(mask, tf.tanh(a)), tf.mul(tf.sub(1, mask), s.h)) as tf.Tensor2D;
    return { state: { h, clock: tick(s.clock) }, gates: { m: mask } };
  },
};
