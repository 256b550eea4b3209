// matMulPrepared's custom gradient (the WASM path) against tfjs's own matMul gradient, including
// the case that once crashed: a weight derived inside a tidy that ends before backprop.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { matMulPrepared } from '../../src/cells/common';
import { useNodeBackend } from '../../src/engine/node-backend';

describe.each(['wasm', 'cpu'] as const)('matMulPrepared on %s', (backend) => {
  beforeAll(async () => {
    expect(await useNodeBackend(backend)).toBe(backend);
  });

  it('gives the same value and gradients as a plain matmul, for a weight derived in a tidy', () => {
    const x = tf.variable(tf.tensor2d([[0.5, -1, 2], [1.5, 0.25, -0.75]]));
    const W = tf.variable(tf.tensor2d([[1, 2, 3], [-1, 0.5, 0], [0.2, -0.3, 0.4], [2, 1, -1]]));
    const b = tf.variable(tf.tensor1d([0.1, -0.2, 0.3, 0.4]));
    const r = tf.tensor2d([[1, -2, 0.5, 3], [0.3, 1, -1, 2]]);
    const ours = () => tf.tidy(() => {
      const w = tf.mul(W, 2); // derived: freed when this tidy ends, before the backward pass
      return tf.sum(tf.mul(matMulPrepared(x, tf.transpose(w), w, b), r)) as tf.Scalar;
    });
    const plain = () => tf.tidy(() => tf.sum(tf.mul(tf.add(tf.matMul(x, tf.mul(W, 2), false, true), b), r)) as tf.Scalar);
    const before = tf.memory().numTensors;
    const a = tf.variableGrads(ours, [x, W, b]);
    const e = tf.variableGrads(plain, [x, W, b]);
    expect(a.value.dataSync()[0]).toBeCloseTo(e.value.dataSync()[0], 4);
    for (const k of Object.keys(e.grads)) {
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a.grads[k], e.grads[k]))).dataSync()[0]);
      expect(diff, k).toBeLessThan(1e-4);
    }
    tf.dispose([a.value, e.value, ...Object.values(a.grads), ...Object.values(e.grads)]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, W, b, r]);
  });
});
