// Our RNN and LSTM against tf.layers.simpleRNN / tf.layers.lstm with the weights mapped across
// (tf.layers stores kernels as [in, gates·H], i.e. PyTorch's weight_ihᵀ, and has one bias).
//
// GRU is not compared: tf.layers.gru only implements Cho et al.'s reset-BEFORE form
// (r ⊙ h inside the recurrent matmul, resetAfter: true throws "not supported"), while
// torch.nn.GRU (and ours) applies r after W_hn h + b_hn, and its gate order is z, r, h rather
// than r, z, n. The PyTorch fixtures cover GRU instead.
import '@tensorflow/tfjs'; // gradients + tf.layers share this tfjs-core instance
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import { useNodeBackend } from '../../src/engine/node-backend';
import { forwardStack } from '../../src/engine/pytorch-run';
import { createRng } from '../../src/engine/rng';
import { initStackValues, type StackConfig } from '../../src/engine/stack';
import { expectClose } from './pytorch-fixtures';

beforeAll(async () => {
  await useNodeBackend();
});

const I = 3;
const H = 5;
const T = 6;
const B = 2;

function setup(cellId: string, options: StackConfig['options'], seed: number) {
  const cfg: StackConfig = {
    cell: getCell(cellId), inputSize: I, hiddenSize: H, numLayers: 1, bidirectional: false, seqLen: T, options,
  };
  const values = initStackValues(cfg, createRng(seed));
  const rng = createRng(seed + 1);
  const x = Float32Array.from({ length: T * B * I }, () => rng.normal());
  return { cfg, values, x };
}

const tensorOf = (v: { shape: number[]; values: Float32Array }) => tf.tensor(v.values, v.shape);

/** Runs a tf.layers recurrent layer on our time-major input; returns [T, B, H] like ours. */
async function runLayer(layer: tfl.layers.Layer, x: Float32Array, weights: tf.Tensor[]): Promise<number[][][]> {
  const xs = tf.tensor3d(x, [T, B, I]);
  const batchMajor = tf.transpose(xs, [1, 0, 2]);
  // The first apply builds the weights (calling build() directly leaves `built` unset).
  tf.dispose(layer.apply(batchMajor) as tf.Tensor);
  layer.setWeights(weights);
  const y = layer.apply(batchMajor) as tf.Tensor3D;
  const timeMajor = tf.transpose(y, [1, 0, 2]);
  const out = (await timeMajor.array()) as number[][][];
  tf.dispose([xs, batchMajor, y, timeMajor, ...weights]);
  layer.dispose();
  return out;
}

/** Our stack's output, [T, B, H]; checks it leaves no tensor behind (tf.layers keeps a few of its own). */
async function ours(cfg: StackConfig, values: Map<string, { shape: number[]; values: Float32Array }>, x: Float32Array) {
  const before = tf.memory().numTensors;
  const out = tf.tidy(() => {
    const params = Object.fromEntries([...values].map(([n, v]) => [n, tensorOf(v)]));
    return forwardStack(cfg, params, tf.tensor3d(x, [T, B, I])).output;
  });
  const arr = (await out.array()) as number[][][];
  out.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return arr;
}

describe('RNN vs tf.layers.simpleRNN', () => {
  for (const activation of ['tanh', 'relu'] as const) {
    it(`${activation}: same outputs with bias_hh = 0 and kernels transposed`, async () => {
      const { cfg, values, x } = setup('rnn', { nonlinearity: activation }, 11);
      // tf.layers has one bias; ours has two whose sum matters. Zero ours so both are one bias.
      values.get('bias_hh_l0')!.values.fill(0);
      const expected = await ours(cfg, values, x);
      const layer = tfl.layers.simpleRNN({ units: H, activation, returnSequences: true, useBias: true });
      const got = await runLayer(layer, x, [
        tf.transpose(tensorOf(values.get('weight_ih_l0')!)),
        tf.transpose(tensorOf(values.get('weight_hh_l0')!)),
        tensorOf(values.get('bias_ih_l0')!),
      ]);
      expectClose(got, expected, `simpleRNN ${activation}`, 1e-5, 1e-4);
    });
  }

  it('detects a difference when the bias_hh is not folded in (the comparison can fail)', async () => {
    const { cfg, values, x } = setup('rnn', { nonlinearity: 'tanh' }, 12);
    const expected = await ours(cfg, values, x); // bias_hh left nonzero
    const layer = tfl.layers.simpleRNN({ units: H, activation: 'tanh', returnSequences: true });
    const got = await runLayer(layer, x, [
      tf.transpose(tensorOf(values.get('weight_ih_l0')!)),
      tf.transpose(tensorOf(values.get('weight_hh_l0')!)),
      tensorOf(values.get('bias_ih_l0')!),
    ]);
    expect(() => expectClose(got, expected, 'unfolded bias')).toThrow();
  });
});

describe('LSTM vs tf.layers.lstm', () => {
  it('same outputs: gate order i,f,c,o = i,f,g,o, sigmoid recurrent activation, one bias = b_ih + b_hh', async () => {
    const { cfg, values, x } = setup('lstm', { forgetBias: 0 }, 21);
    const expected = await ours(cfg, values, x);
    const layer = tfl.layers.lstm({
      units: H,
      returnSequences: true,
      recurrentActivation: 'sigmoid', // tf.layers' default is hardSigmoid
      unitForgetBias: false,
    });
    const bias = tf.add(tensorOf(values.get('bias_ih_l0')!), tensorOf(values.get('bias_hh_l0')!));
    const got = await runLayer(layer, x, [
      tf.transpose(tensorOf(values.get('weight_ih_l0')!)),
      tf.transpose(tensorOf(values.get('weight_hh_l0')!)),
      bias,
    ]);
    expectClose(got, expected, 'lstm', 1e-5, 1e-4);
  });
});
