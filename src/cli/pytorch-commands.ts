// `forward` and `gradnorms`: run an exported torch.nn.RNN/LSTM/GRU on an input file and print
// what PyTorch would (output, h_n, c_n in its layout), or the top layer's ‖∂L/∂h_t‖.
import * as tf from '@tensorflow/tfjs-core';
import { forwardStack, topGradNorms } from '../engine/pytorch-run';
import { expectArgs, type Command } from './command';
import { loadPytorchRun, runTensors } from './io';

export const forwardCommand: Command = {
  usage: 'MODEL.json INPUT.json',
  summary: 'Run the model; print {"output","h_n"} (+"c_n" for LSTM) as nested lists in PyTorch layout; for a weight file saved by the page for any other cell ("rnn-atlas"), {"output","states"}.',
  async run(args) {
    const [modelPath, inputPath] = expectArgs(args, ['MODEL.json', 'INPUT.json']);
    const loaded = loadPytorchRun(modelPath, inputPath);
    const { output, finals } = tf.tidy(() => {
      const { params, xs, init } = runTensors(loaded);
      return forwardStack(loaded.model.config, params, xs, init);
    });
    try {
      const result: Record<string, unknown> = { output: await output.array() };
      if (loaded.model.module === null) {
        // Any cell: every visible final state by its id, each [L·D][B][size].
        const states: Record<string, unknown> = {};
        for (const [id, t] of Object.entries(finals)) states[id] = await t.array();
        result.states = states;
        return result;
      }
      result.h_n = await finals.h.array();
      if (finals.c) result.c_n = await finals.c.array();
      return result;
    } finally {
      tf.dispose([output, ...Object.values(finals)]);
    }
  },
};

export const gradNormsCommand: Command = {
  usage: 'MODEL.json INPUT.json',
  summary:
    'For L = sum of the top layer’s final forward hidden state, print {"grad_norms":[‖∂L/∂h_t‖ for t = 0..T−1]} (full BPTT gradients).',
  async run(args) {
    const [modelPath, inputPath] = expectArgs(args, ['MODEL.json', 'INPUT.json']);
    const loaded = loadPytorchRun(modelPath, inputPath);
    const norms = tf.tidy(() => {
      const { params, xs, init } = runTensors(loaded);
      return topGradNorms(loaded.model.config, params, xs, init);
    });
    try {
      return { grad_norms: Array.from(await norms.data()) };
    } finally {
      norms.dispose();
    }
  },
};
