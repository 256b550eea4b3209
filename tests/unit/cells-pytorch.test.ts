// Forward values and every gradient against torch.nn.RNN / LSTM / GRU (fixtures computed in
// float64 by tests/fixtures/make_pytorch_fixtures.py from float32 parameters).
import '@tensorflow/tfjs'; // registers gradients (tfjs-core alone has none)
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { importedParams, parsePytorchInput, parsePytorchModel, toTensor } from '../../src/engine/pytorch-import';
import { forwardStack, topGradNorms } from '../../src/engine/pytorch-run';
import { expectClose, fixtureNames, loadFixture } from './pytorch-fixtures';

const names = fixtureNames();

// WASM and CPU take different code paths in the cells (custom-gradient matmuls on WASM, fused
// matmuls elsewhere), so both are checked against PyTorch.
describe.each(['wasm', 'cpu'] as const)('PyTorch reference fixtures on %s', (backend) => {
  beforeAll(async () => {
    expect(await useNodeBackend(backend)).toBe(backend);
  });

  it('cover RNN (tanh, relu), LSTM and GRU, 1 and 2 layers, uni- and bidirectional', () => {
    for (const cell of ['rnn_tanh', 'rnn_relu', 'lstm', 'gru']) {
      for (const shape of ['l1_uni', 'l1_bi', 'l2_uni', 'l2_bi']) expect(names).toContain(`${cell}_${shape}`);
    }
  });

  describe.each(names)('%s', (name) => {
    const fx = loadFixture(name);
    const model = parsePytorchModel(fx.model);
    const input = parsePytorchInput(fx.input, model);
    const { config } = model;

    it('forward: output, h_n and c_n match', async () => {
      const before = tf.memory().numTensors;
      const res = tf.tidy(() => {
        const xs = toTensor(input.input) as tf.Tensor3D;
        const init = {
          h: input.h0 && (toTensor(input.h0) as tf.Tensor3D),
          c: input.c0 && (toTensor(input.c0) as tf.Tensor3D),
        };
        return forwardStack(config, importedParams(model), xs, init);
      });
      expectClose(await res.output.array(), fx.expected.output, 'output');
      expectClose(await res.finals.h.array(), fx.expected.h_n, 'h_n');
      if (fx.model.module === 'LSTM') expectClose(await res.finals.c.array(), fx.expected.c_n!, 'c_n');
      else expect(res.finals.c).toBeUndefined();
      tf.dispose([res.output, ...Object.values(res.finals)]);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('backward: ∂L/∂(every parameter) and ∂L/∂input for L = Σ output ⊙ R', async () => {
      const before = tf.memory().numTensors;
      const names = [...model.values.keys()].filter((n) => !model.fixedZero.has(n));
      const grads = tf.tidy(() => {
        const params = importedParams(model);
        const xs = toTensor(input.input) as tf.Tensor3D;
        const R = tf.tensor(fx.expected.R as number[][][]);
        const init = {
          h: input.h0 && (toTensor(input.h0) as tf.Tensor3D),
          c: input.c0 && (toTensor(input.c0) as tf.Tensor3D),
        };
        const f = (...args: tf.Tensor[]) => {
          const p = { ...params };
          names.forEach((n, i) => (p[n] = args[i]));
          const out = forwardStack(config, p, args[names.length] as tf.Tensor3D, init).output;
          return tf.sum(tf.mul(out, R));
        };
        return tf.grads(f)([...names.map((n) => params[n]), xs]);
      });
      const expectedKeys = Object.keys(fx.expected.grads).filter((k) => k !== 'input');
      expect([...names].sort()).toEqual(expectedKeys.sort());
      for (let i = 0; i < names.length; i++) {
        expectClose(await grads[i].array(), fx.expected.grads[names[i]], `∂L/∂${names[i]}`);
      }
      expectClose(await grads[names.length].array(), fx.expected.grads.input, '∂L/∂input');
      tf.dispose(grads);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('grad norms of the top forward layer match torch (hand unroll with probes)', async () => {
      const norms = tf.tidy(() => {
        const init = {
          h: input.h0 && (toTensor(input.h0) as tf.Tensor3D),
          c: input.c0 && (toTensor(input.c0) as tf.Tensor3D),
        };
        return topGradNorms(config, importedParams(model), toTensor(input.input) as tf.Tensor3D, init);
      });
      expectClose(Array.from(await norms.data()), fx.expected.grad_norms, 'grad_norms');
      norms.dispose();
    });
  });
});
