import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import {
  batchTensors, forward, initModelValues, maskedAccuracy, maskedLoss, modelConfig, READOUT_BIAS, READOUT_WEIGHT,
} from '../../src/engine/model';
import { useNodeBackend } from '../../src/engine/node-backend';
import { createRng } from '../../src/engine/rng';
import { getTask } from '../../src/engine/tasks/registry';
import { scoreOutputs } from '../../src/engine/tasks/types';

beforeAll(async () => {
  await useNodeBackend();
});

const shape = { cell: getCell('lstm'), cellOptions: {}, hiddenSize: 5, numLayers: 1, bidirectional: true, recurrentScale: 0 };

describe('model', () => {
  it('draws the same values for the same seed, with a PyTorch Linear-style readout', () => {
    const task = getTask('copy');
    const mc = modelConfig(shape, task, 9);
    const a = initModelValues(mc, createRng(4));
    const b = initModelValues(mc, createRng(4));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(v.values).toEqual(b.get(k)!.values);
    expect(initModelValues(mc, createRng(5)).get(READOUT_WEIGHT)!.values).not.toEqual(a.get(READOUT_WEIGHT)!.values);
    const w = a.get(READOUT_WEIGHT)!;
    expect(w.shape).toEqual([task.outputSize, 10]); // bidirectional: 2H features
    expect(w.values.every((v) => Math.abs(v) <= 1 / Math.sqrt(10))).toBe(true);
    expect(a.get(READOUT_BIAS)!.shape).toEqual([task.outputSize]);
  });

  it.each(['copy', 'adding', 'select'])('masked loss and accuracy agree with plain-JS sums (%s)', async (id) => {
    const task = getTask(id);
    const mc = modelConfig(shape, task, 10);
    const values = initModelValues(mc, createRng(1));
    const params = Object.fromEntries([...values].map(([k, v]) => [k, tf.tensor(v.values, v.shape)]));
    const batch = task.batch(createRng(2), 6, 10);
    const bt = batchTensors(batch, task.inputSize, task.outputSize);
    const out = forward(mc, params, bt.x).out;
    // Regress: push half the outputs onto the target so accuracy is neither 0 nor 1.
    const o = await out.data();
    if (task.kind === 'regress') for (let i = 0; i < o.length; i += 2) o[i] = batch.y[i] + 0.01;
    const outT = tf.tensor3d(o, out.shape);
    const loss = (await maskedLoss(task.kind, outT, bt).data())[0];
    const acc = (await maskedAccuracy(task, outT, bt).data())[0];
    const O = task.outputSize;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < batch.T * batch.B; i++) {
      if (!batch.mask[i]) continue;
      n++;
      const row = Array.from(o.subarray(i * O, (i + 1) * O));
      const y = Array.from(batch.y.subarray(i * O, (i + 1) * O));
      if (task.kind === 'classify') {
        const m = Math.max(...row);
        const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
        sum += lse - row[y.indexOf(1)];
      } else {
        sum += row.reduce((s, v, j) => s + (v - y[j]) ** 2, 0) / O;
      }
    }
    expect(loss).toBeCloseTo(sum / n, 5);
    expect(acc).toBeCloseTo(scoreOutputs(task, o, batch), 6);
    if (task.kind === 'regress') expect(acc).toBeCloseTo(0.5, 6);
    tf.dispose([...Object.values(params), out, outT, bt.x, bt.y, bt.mask]);
  });
});
