// GRU exactly as torch.nn.GRU: gate rows ordered r, z, n; two biases; the reset gate multiplies
// (W_hn h + b_hn) AFTER the recurrent matmul (cuDNN's "reset-after", not Cho et al.'s original
// r ⊙ h inside the matmul), which lets one matmul serve all three gates per step.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import { GRU_CELL, gruCell, hasFused } from './fused';
import { GRU_SEQ, gruSequence, hasFusedSequence } from './fused/sequence';
import type { CellSpec } from './types';
import { gruInfo } from './info/gru';

export const gru: CellSpec = {
  ...gruInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]) }),
  prepare: (p) => transposeWeights(p, ['weight_ih', 'weight_hh']),
  step: (xt, s, p, { dims }) => {
    const H = dims.hiddenSize;
    const gx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih, p.bias_ih);
    const gh = matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh, p.bias_hh);
    const [xrz, xn] = tf.split(gx, [2 * H, H], 1) as tf.Tensor2D[];
    const [hrz, hn] = tf.split(gh, [2 * H, H], 1) as tf.Tensor2D[];
    // r and z share one sigmoid over their joined block: fewer ops per step.
    const [r, z] = tf.split(tf.sigmoid(tf.add(xrz, hrz)), 2, 1) as tf.Tensor2D[];
    const n = tf.tanh(tf.add(xn, tf.mul(r, hn))) as tf.Tensor2D;
    // (1 − z) n + z h written as n + z (h − n): one multiply fewer, same value.
    const h = tf.add(n, tf.mul(z, tf.sub(s.h, n))) as tf.Tensor2D;
    return { state: { h }, gates: { r, z, n } };
  },
  fusedStep: (xt, s, p) => {
    if (!hasFused(GRU_CELL)) return null;
    const gx = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih, p.bias_ih);
    const gh = matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh, p.bias_hh);
    const { h, r, z, n } = gruCell(gx, gh, s.h);
    return { state: { h }, gates: { r, z, n } };
  },
  fusedSequence: (xs, s, p, _dims, { reverse, probe }) => {
    if (!hasFusedSequence(GRU_SEQ)) return null;
    const run = gruSequence(xs, p.weight_ih, p.bias_ih, p.weight_hh, p.bias_hh, s.h, reverse, probe);
    return { outputs: run.hs, final: run.final };
  },
};
