// The model the playground trains: a recurrent stack (stack.ts) and a dense readout applied to
// every timestep, y_t = W_out h_t + b_out, as torch.nn.Linear after torch.nn.LSTM. Pure functions
// of a parameter record, so the trainer, the tests and the bench share one forward pass and loss.
import * as tf from '@tensorflow/tfjs-core';
import { projectAll } from '../cells/common';
import { uniformInit } from '../cells/init';
import type { CellOptions, CellSpec, Params } from '../cells/types';
import type { Rng } from './rng';
import {
  initStackValues, runStack, stackOutputSize, stackParams,
  type StackConfig, type StackRun, type StackRunOptions,
} from './stack';
import type { Task, TaskBatch, TaskKind } from './tasks/types';

/** Readout names, next to the stack's PyTorch names (weight_ih_l0 …). */
export const READOUT_WEIGHT = 'weight_out';
export const READOUT_BIAS = 'bias_out';

export interface ModelConfig {
  stack: StackConfig;
  outputSize: number;
}

export interface ModelShape {
  cell: CellSpec;
  cellOptions: CellOptions;
  hiddenSize: number;
  numLayers: number;
  bidirectional: boolean;
  recurrentScale: number;
}

/** The model for a task; seqLen is the task's resolved T (cells such as IndRNN depend on it). */
export function modelConfig(shape: ModelShape, task: Task, seqLen: number): ModelConfig {
  return {
    stack: {
      cell: shape.cell,
      inputSize: task.inputSize,
      hiddenSize: shape.hiddenSize,
      numLayers: shape.numLayers,
      bidirectional: shape.bidirectional,
      seqLen,
      options: shape.cellOptions,
      recurrentScale: shape.recurrentScale,
    },
    outputSize: task.outputSize,
  };
}

export interface ParamValue {
  shape: number[];
  values: Float32Array;
  trainable: boolean;
}

/**
 * Every parameter value, drawn from the seeded stream in a fixed order. The readout uses
 * torch.nn.Linear's default, U(−1/√fan_in, 1/√fan_in) for weight and bias.
 */
export function initModelValues(mc: ModelConfig, rng: Rng): Map<string, ParamValue> {
  const out = new Map<string, ParamValue>();
  const trainable = new Map(stackParams(mc.stack).map((p) => [p.name, p.spec.trainable !== false]));
  for (const [name, v] of initStackValues(mc.stack, rng.fork('stack'))) {
    out.set(name, { ...v, trainable: trainable.get(name) ?? true });
  }
  const fanIn = stackOutputSize(mc.stack);
  const init = uniformInit(1 / Math.sqrt(fanIn));
  const wShape = [mc.outputSize, fanIn];
  out.set(READOUT_WEIGHT, { shape: wShape, values: init(wShape, rng.fork(READOUT_WEIGHT)), trainable: true });
  out.set(READOUT_BIAS, { shape: [mc.outputSize], values: init([mc.outputSize], rng.fork(READOUT_BIAS)), trainable: true });
  return out;
}

export interface ModelRun {
  /** [T, B, outputSize]: logits for 'classify', values for 'regress'. */
  out: tf.Tensor3D;
  stack: StackRun;
}

export function forward(mc: ModelConfig, params: Params, x: tf.Tensor3D, opts: StackRunOptions = {}): ModelRun {
  const stack = runStack(mc.stack, params, x, opts);
  return { out: projectAll(stack.output, params[READOUT_WEIGHT], params[READOUT_BIAS]), stack };
}

export interface BatchTensors {
  x: tf.Tensor3D;
  y: tf.Tensor3D;
  mask: tf.Tensor2D;
}

export function batchTensors(b: TaskBatch, inputSize: number, outputSize: number): BatchTensors {
  return {
    x: tf.tensor3d(b.x, [b.T, b.B, inputSize]),
    y: tf.tensor3d(b.y, [b.T, b.B, outputSize]),
    mask: tf.tensor2d(b.mask, [b.T, b.B]),
  };
}

/** Mean over the masked timesteps of a per-step [T, B] quantity. */
function maskedMean(perStep: tf.Tensor, mask: tf.Tensor2D): tf.Scalar {
  return tf.div(tf.sum(tf.mul(perStep, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
}

/** Softmax cross-entropy ('classify') or squared error averaged over outputs ('regress'), masked. */
export function maskedLoss(kind: TaskKind, out: tf.Tensor3D, b: BatchTensors): tf.Scalar {
  const perStep = kind === 'classify'
    ? tf.neg(tf.sum(tf.mul(b.y, tf.logSoftmax(out)), -1))
    : tf.mean(tf.squaredDifference(out, b.y), -1);
  return maskedMean(perStep, b.mask);
}

/** The in-graph twin of scoreOutputs in tasks/types.ts. */
export function maskedAccuracy(task: Task, out: tf.Tensor3D, b: BatchTensors): tf.Scalar {
  const hit = task.kind === 'classify'
    ? tf.equal(tf.argMax(out, -1), tf.argMax(b.y, -1))
    : tf.all(tf.less(tf.abs(tf.sub(out, b.y)), task.tolerance ?? 0), -1);
  return maskedMean(tf.cast(hit, 'float32'), b.mask);
}
