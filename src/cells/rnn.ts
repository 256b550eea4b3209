// Elman RNN exactly as torch.nn.RNN: h' = φ(W_ih x + b_ih + W_hh h + b_hh), φ = tanh or ReLU;
// two biases (PyTorch keeps both even though only their sum matters); U(−1/√H, 1/√H) init.
import * as tf from '@tensorflow/tfjs-core';
import { matMulPrepared, onGpu, prepareXH, T, xhPreactivation } from './common';
import { hasFused, RNN_CELL, rnnCell } from './fused';
import { hasFusedSequence, RNN_SEQ, rnnSequence } from './fused/sequence';
import type { CellSpec } from './types';
import { rnnInfo } from './info/rnn';

export const rnn: CellSpec = {
  ...rnnInfo,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]) }),
  // The two biases are summed once per sequence: same value, same gradient for each.
  prepare: (p) => ({ ...prepareXH(p), bias: tf.add(p.bias_ih, p.bias_hh) }),
  step: (xt, s, p, { dims }) => {
    const a = xhPreactivation(xt, s.h, p, p.bias);
    const h = dims.options.nonlinearity === 'relu' ? tf.relu(a) : tf.tanh(a);
    return { state: { h }, gates: {} };
  },
  fusedStep: (xt, s, p, { dims }) => {
    // On a GPU the op-by-op step is already one matmul over [x, h] and a tanh; two products and the
    // kernel would launch twice the matmuls, so the fused step is for CPU and WASM only.
    if (!hasFused(RNN_CELL) || onGpu()) return null;
    // The same two products xhPreactivation adds on CPU and WASM; the kernel adds them.
    const a = matMulPrepared(xt, p[T('weight_ih')], p.weight_ih, p.bias);
    const b = matMulPrepared(s.h, p[T('weight_hh')], p.weight_hh);
    const h = rnnCell(a, b, dims.options.nonlinearity === 'relu' ? 'relu' : 'tanh');
    return { state: { h }, gates: {} };
  },
  // Like fusedStep, CPU and WASM only: the whole-sequence kernels are registered for those
  // backends alone, so on a GPU hasFusedSequence is false and the layer loop steps as usual.
  fusedSequence: (xs, s, p, { options }, { reverse, probe }) => {
    if (!hasFusedSequence(RNN_SEQ)) return null;
    const run = rnnSequence(xs, p.weight_ih, p.bias, p.weight_hh, s.h, options.nonlinearity === 'relu' ? 'relu' : 'tanh', reverse, probe);
    return { outputs: run.hs, final: run.final };
  },
};
