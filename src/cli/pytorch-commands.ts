// `forward` and `gradnorms`: run an exported torch.nn.RNN/LSTM/GRU on an input file and print
// what PyTorch would (output, h_n, c_n in its layout), or the top layer's ‖∂L/∂h_t‖.
import * as tf from '@tensorflow/tfjs-core';
import type { ImportedModel } from '../engine/pytorch-import';
import { forwardStack, topGradNorms } from '../engine/pytorch-run';
import { expectArgs, FORMATS_DOC, type Command } from './command';
import { loadPytorchRun, runTensors } from './io';
import type { InputLayout } from './cell-input';
import { MAX_FILE_BYTES } from '../engine/weights-schema';

export const BATCH_FIRST_FLAG = {
  '--batch-first': 'read "input" as [B][T][input_size] (PyTorch batch_first=True); implied when the model file says batch_first: true',
};

const MODEL_FORMAT = [
  'MODEL.json: {"format": "pytorch", "module": "RNN"|"LSTM"|"GRU", "config": {input_size, hidden_size, num_layers?, bias?, bidirectional?,',
  '  batch_first?, nonlinearity? (RNN), dropout? (ignored: the module runs as in eval())}, "state_dict": {"weight_ih_l0": [[…]], …}}',
  '  (torch.nn state_dict names and shapes; a wrapper module’s prefix such as "rnn." is read past), a bare state_dict',
  '  (its config read off the shapes), or a file the page saved for any cell: {"format": "rnn-atlas", "cell", "cell_options", "config", "params"}.',
].join('\n');

const INPUT_FORMAT = [
  'INPUT.json: {"input": [T][B][input_size], "h0"?: [L·D][B][H], "c0"?: [L·D][B][H] (LSTM)}, as torch.nn takes them:',
  '  with batch_first (in the model file or --batch-first) "input" is [B][T][input_size]; an unbatched "input" [T][input_size]',
  '  (PyTorch ≥ 1.11) takes h0/c0 as [L·D][H] and gives unbatched results. L = num_layers, D = 2 if bidirectional else 1.',
  '  An rnn-atlas model takes "input" only. Every number must be finite in float32 (|x| ≤ 3.4e38).',
].join('\n');

const FILES = `Full formats: ${FORMATS_DOC}. Files larger than ${MAX_FILE_BYTES / 2 ** 20} MB are refused.`;

/** tensor [T, B, F] or [L·D, B, F] in the layout the input was read in. */
function laidOut(t: tf.Tensor3D, layout: InputLayout, isOutput: boolean): tf.Tensor {
  if (layout.kind === 'unbatched') return tf.squeeze(t, [1]);
  if (layout.kind === 'batch-first' && isOutput) return tf.transpose(t, [1, 0, 2]);
  return t;
}

/** What the reader of the model file noted (a wrapper's prefix read past, dropout run as eval …), when anything. */
const notesOf = (model: ImportedModel) => (model.notes.length ? { notes: model.notes } : {});

/** A run that overflowed float32 must not look like a result (JSON would print null). */
async function finiteArray(name: string, t: tf.Tensor): Promise<unknown> {
  const v = await t.data();
  const bad = v.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw new Error(`${name} is not finite (${v[bad]} at flat index ${bad}): the run overflowed float32; check the weights and inputs`);
  return t.array();
}

export const forwardCommand: Command = {
  usage: '[--batch-first] MODEL.json INPUT.json',
  summary: 'Run the model; print {"output","h_n"} (+"c_n" for LSTM) as nested lists in PyTorch layout; for a weight file saved by the page for any other cell ("rnn-atlas"), {"output","states"}.',
  flags: BATCH_FIRST_FLAG,
  help: [
    'Runs the model on the input as torch.nn.RNN/LSTM/GRU.forward would (dropout off, as in eval()).',
    MODEL_FORMAT,
    INPUT_FORMAT,
    'Prints one JSON line: {"layout": the input layout read, "notes"?: what the reader of the model file noted (a wrapper',
    '  module’s prefix read past, dropout run as eval(), a config read off a bare state_dict’s shapes),',
    '  "output": [T][B][D·H] ([B][T][D·H] with batch_first, [T][D·H] unbatched),',
    '  "h_n": [L·D][B][H] ([L·D][H] unbatched), "c_n" (LSTM)}; for an rnn-atlas model {"layout", "output", "states": {id: [L·D][B][size]}}.',
    FILES,
  ].join('\n'),
  async run(args, flags) {
    const [modelPath, inputPath] = expectArgs(args, ['MODEL.json', 'INPUT.json']);
    const loaded = loadPytorchRun(modelPath, inputPath, flags);
    const { layout } = loaded;
    const { output, finals } = tf.tidy(() => {
      const { params, xs, init } = runTensors(loaded);
      const r = forwardStack(loaded.model.config, params, xs, init);
      return {
        output: laidOut(r.output, layout, true),
        finals: Object.fromEntries(Object.entries(r.finals).map(([k, t]) => [k, laidOut(t, layout, false)])),
      };
    });
    try {
      const result: Record<string, unknown> = { layout: layout.text, ...notesOf(loaded.model), output: await finiteArray('output', output) };
      if (loaded.model.module === null) {
        // Any cell: every visible final state by its id, each [L·D][B][size].
        const states: Record<string, unknown> = {};
        for (const [id, t] of Object.entries(finals)) states[id] = await finiteArray(`state ${id}`, t);
        result.states = states;
        return result;
      }
      result.h_n = await finiteArray('h_n', finals.h);
      if (finals.c) result.c_n = await finiteArray('c_n', finals.c);
      return result;
    } finally {
      tf.dispose([output, ...Object.values(finals)]);
    }
  },
};

export const GRADNORMS_ABOUT =
  'top layer, forward direction; L = sum of that direction’s final hidden state; grad_norms[t] = ‖∂L/∂h_t‖, '
  + 'the Frobenius norm over batch and units of the full BPTT gradient (through every later step), t = 0..T−1';

export const gradNormsCommand: Command = {
  usage: '[--batch-first] MODEL.json INPUT.json',
  summary:
    'For L = sum of the top layer’s final forward hidden state, print {"grad_norms":[‖∂L/∂h_t‖ for t = 0..T−1]}: the top layer’s forward direction, full BPTT, norm over batch and units.',
  flags: BATCH_FIRST_FLAG,
  help: [
    'Gradient norms through time of the TOP layer’s FORWARD direction only (a bidirectional model’s backward direction',
    '  and the lower layers are not reported). L = sum over batch and units of that direction’s final hidden state h_T;',
    '  ∂L/∂h_t is the full backpropagation-through-time gradient (through every later step, not one step’s Jacobian);',
    '  grad_norms[t] is its Frobenius norm over the batch and the hidden units, for t = 0..T−1 (t = 0 is the state after x_0).',
    MODEL_FORMAT,
    INPUT_FORMAT,
    'Prints one JSON line: {"about": what the numbers are, "layout": the input layout read, "notes"? (as for forward), "grad_norms": [T numbers]};',
    '  a norm that overflows float32 prints as null (JSON has no Infinity).',
    FILES,
  ].join('\n'),
  async run(args, flags) {
    const [modelPath, inputPath] = expectArgs(args, ['MODEL.json', 'INPUT.json']);
    const loaded = loadPytorchRun(modelPath, inputPath, flags);
    const norms = tf.tidy(() => {
      const { params, xs, init } = runTensors(loaded);
      return topGradNorms(loaded.model.config, params, xs, init);
    });
    try {
      // Exploding gradients are what this command is for: a norm past float32 prints as null (as in `jacobians`).
      const grad_norms = Array.from(await norms.data(), (v) => (Number.isFinite(v) ? v : null));
      return { about: GRADNORMS_ABOUT, layout: loaded.layout.text, ...notesOf(loaded.model), grad_norms };
    } finally {
      norms.dispose();
    }
  },
};
