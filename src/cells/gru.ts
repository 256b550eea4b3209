// GRU exactly as torch.nn.GRU: gate rows ordered r, z, n; two biases; the reset gate multiplies
// (W_hn h + b_hn) AFTER the recurrent matmul (cuDNN's "reset-after", not Cho et al.'s original
// r ⊙ h inside the matmul), which lets one matmul serve all three gates per step.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, T, transposeWeights } from './common';
import { GRU_CELL, gruCell, hasFused } from './fused';
import { GRU_SEQ, gruSequence, hasFusedSequence } from './fused/sequence';
import type { CellSpec, PaperRef } from './types';
import { GRU_GATES, HIDDEN_STATE, pytorchGateParams } from './parts';

/** The paper that introduced the GRU (the 'gru' and 'gru-original' cells cite it). */
export const CHO_2014: PaperRef = {
  authors: 'Cho, van Merriënboer, Gulcehre, Bahdanau, Bougares, Schwenk & Bengio',
  year: 2014,
  title: 'Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation',
  venue: 'EMNLP',
  arxiv: '1406.1078',
  url: 'https://arxiv.org/abs/1406.1078',
};

export const gru: CellSpec = {
  id: 'gru',
  name: 'GRU',
  paper: CHO_2014,
  mechanisms: ['gates'],
  summary:
    'A lighter LSTM without a separate cell state: the update gate $z_t$ interpolates between keeping the old state and taking a candidate, and the reset gate $r_t$ decides how much of the past the candidate sees. Where $z_t \\approx 1$ a unit carries its state (and, on that path, its gradient) through unchanged.',
  // The adding problem at T = 20 as the other gated cards (Chung et al. 2014 set GRU against LSTM on one task); it learns in ~150 steps here.
  preset: { taskId: 'adding', seqLen: 20, hiddenSize: 32, learningRate: 0.01, clipNorm: 1 },
  options: [],
  gates: GRU_GATES,
  states: [HIDDEN_STATE],
  equations: [
    { id: 'r', tex: 'r_t = \\sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr})' },
    { id: 'z', tex: 'z_t = \\sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})' },
    { id: 'n', tex: 'n_t = \\tanh(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn}))' },
    { id: 'h', tex: 'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}' },
  ],
  params: (d) => pytorchGateParams(d, 3, 0, 2),
  outputSize: (d) => d.hiddenSize,
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
