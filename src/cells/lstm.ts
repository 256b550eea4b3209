// LSTM exactly as torch.nn.LSTM: gate rows ordered i, f, g, o; two biases; U(−1/√H, 1/√H) init.
import * as tf from '@tensorflow/tfjs-core';
import { chunk, onGpu, prepareXH, xhPreactivation } from './common';
import { hasFused, LSTM_CELL, lstmCell } from './fused';
import { hasFusedSequence, LSTM_SEQ, lstmSequence } from './fused/sequence';
import type { CellSpec } from './types';
import { LSTM_GATES, LSTM_STATES, pytorchGateParams } from './parts';

export const lstm: CellSpec = {
  id: 'lstm',
  name: 'LSTM',
  paper: {
    authors: 'Hochreiter & Schmidhuber; forget gate: Gers, Schmidhuber & Cummins',
    year: 1997,
    title: 'Long Short-Term Memory (forget gate: Learning to Forget, 2000)',
    venue: 'Neural Computation 9(8)',
    url: 'https://doi.org/10.1162/neco.1997.9.8.1735',
  },
  mechanisms: ['gates'],
  summary:
    'A cell state $c_t$ runs through time with only element-wise gating: the forget gate decides what to keep, the input gate what to write, the output gate what to show. One step back along $c_t$ multiplies the gradient by $f_t$ alone, unit by unit, so where $f_t \\approx 1$ it neither shrinks nor grows on that path: this is how the LSTM bridges long gaps.',
  // Hochreiter & Schmidhuber's adding problem (1997, Exp. 4), at T = 10 so it leaves the 1/6 plateau within ~300 steps here (T = 20 took 300+ and some seeds more).
  preset: { taskId: 'adding', seqLen: 10, hiddenSize: 32, learningRate: 0.02, clipNorm: 1 },
  options: [
    { key: 'forgetBias', label: 'Forget-gate bias (init)', kind: 'number', default: 0, min: -3, max: 5, step: 0.5,
      help: 'Added to $b_f$ at initialisation. 1–2 makes the cell remember by default; 0 is PyTorch’s init.' },
  ],
  gates: LSTM_GATES,
  states: LSTM_STATES,
  equations: [
    { id: 'i', tex: 'i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})' },
    { id: 'f', tex: 'f_t = \\sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})' },
    { id: 'g', tex: 'g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg})' },
    { id: 'o', tex: 'o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})' },
    { id: 'c', tex: 'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t' },
    { id: 'h', tex: 'h_t = o_t \\odot \\tanh(c_t)' },
  ],
  params: (d) => pytorchGateParams(d, 4, Number(d.options.forgetBias ?? 0), 2),
  outputSize: (d) => d.hiddenSize,
  initialState: (d, B) => ({ h: tf.zeros([B, d.hiddenSize]), c: tf.zeros([B, d.hiddenSize]) }),
  // The two biases are summed once per sequence: same value, same gradient for each.
  prepare: (p) => ({ ...prepareXH(p), bias: tf.add(p.bias_ih, p.bias_hh) }),
  step: (xt, s, p, { dims }) => {
    const z = xhPreactivation(xt, s.h, p, p.bias);
    let i: tf.Tensor2D, f: tf.Tensor2D, g: tf.Tensor2D, o: tf.Tensor2D;
    if (onGpu()) {
      // One sigmoid over all four blocks (g's is wasted) beats three small kernels on a GPU.
      [i, f, , o] = chunk(tf.sigmoid(z), 4);
      g = tf.tanh(tf.slice(z, [0, 2 * dims.hiddenSize], [-1, dims.hiddenSize]));
    } else {
      const [zi, zf, zg, zo] = chunk(z, 4);
      [i, f, g, o] = [tf.sigmoid(zi), tf.sigmoid(zf), tf.tanh(zg), tf.sigmoid(zo)];
    }
    const c = tf.add(tf.mul(f, s.c), tf.mul(i, g)) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { state: { h, c }, gates: { i, f, g, o } };
  },
  fusedStep: (xt, s, p) => {
    if (!hasFused(LSTM_CELL)) return null;
    const { h, c, i, f, g, o } = lstmCell(xhPreactivation(xt, s.h, p, p.bias), s.c);
    return { state: { h, c }, gates: { i, f, g, o } };
  },
  fusedSequence: (xs, s, p, _dims, { reverse, probe }) => {
    if (!hasFusedSequence(LSTM_SEQ)) return null;
    const run = lstmSequence(xs, p.weight_ih, p.weight_hh, p.bias, s.h, s.c, reverse, probe);
    return { outputs: run.hs, final: run.final };
  },
};
