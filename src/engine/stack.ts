// Stacked, optionally bidirectional layers of one cell, with PyTorch's parameter naming
// (weight_ih_l0, weight_hh_l1_reverse …) and PyTorch's layout: a bidirectional layer emits
// [forward; backward] along features, and h_n is ordered layer-major, forward before backward.
import * as tf from '@tensorflow/tfjs-core';
import type { CellDims, CellOptions, CellSpec, ParamSpec, Params, State } from '../cells/types';
import { hiddenKeyOf } from '../cells/types';
import type { Rng } from './rng';
import { setSpectralRadius, setsRadius } from './spectral';
import { runLayer, type LayerRun, type Sequence } from './unroll';

export interface StackConfig {
  cell: CellSpec;
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  bidirectional: boolean;
  seqLen: number;
  options: CellOptions;
  /**
   * The recurrent-init control: > 0 sets the spectral radius ρ of every square block of every
   * 'recurrent' parameter at init (src/engine/spectral.ts); 0 or absent keeps the cell's own init.
   */
  recurrentScale?: number;
}

export interface StackParam {
  /** Full name, e.g. weight_hh_l1_reverse. */
  name: string;
  layer: number;
  reverse: boolean;
  spec: ParamSpec;
}

export const numDirections = (cfg: StackConfig) => (cfg.bidirectional ? 2 : 1);

/**
 * Every layer's dims in one pass: layer l reads what layer l−1 emits (times the directions).
 * Linear in numLayers; callers check numLayers against their limits first (files: FILE_LIMITS).
 */
export function stackLayerDims(cfg: StackConfig, upTo = cfg.numLayers - 1): CellDims[] {
  const out: CellDims[] = [];
  let inputSize = cfg.inputSize;
  for (let layer = 0; layer <= upTo; layer++) {
    const dims: CellDims = {
      inputSize,
      hiddenSize: cfg.hiddenSize,
      seqLen: cfg.seqLen,
      layer,
      numLayers: cfg.numLayers,
      options: cfg.options,
    };
    out.push(dims);
    if (layer < upTo) inputSize = cfg.cell.outputSize(dims) * numDirections(cfg);
  }
  return out;
}

export function layerDims(cfg: StackConfig, layer: number): CellDims {
  return stackLayerDims(cfg, layer)[layer];
}

export const paramName = (local: string, layer: number, reverse: boolean) =>
  `${local}_l${layer}${reverse ? '_reverse' : ''}`;

export function stackParams(cfg: StackConfig): StackParam[] {
  const out: StackParam[] = [];
  const all = stackLayerDims(cfg);
  for (let layer = 0; layer < cfg.numLayers; layer++) {
    const dims = all[layer];
    for (let d = 0; d < numDirections(cfg); d++) {
      for (const spec of cfg.cell.params(dims)) {
        out.push({ name: paramName(spec.name, layer, d === 1), layer, reverse: d === 1, spec });
      }
    }
  }
  return out;
}

export function stackOutputSize(cfg: StackConfig): number {
  return cfg.cell.outputSize(layerDims(cfg, cfg.numLayers - 1)) * numDirections(cfg);
}

export function stackParamCount(cfg: StackConfig): number {
  return stackParams(cfg)
    .filter((p) => p.spec.trainable !== false)
    .reduce((n, p) => n + p.spec.shape.reduce((a, b) => a * b, 1), 0);
}

/** Draws every parameter from the seeded stream, in a fixed order, as plain arrays. */
export function initStackValues(cfg: StackConfig, rng: Rng): Map<string, { shape: number[]; values: Float32Array }> {
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  for (const p of stackParams(cfg)) {
    const values = p.spec.init(p.spec.shape, rng.fork(p.name));
    if (p.spec.role === 'recurrent' && setsRadius(cfg.recurrentScale)) setSpectralRadius(p.spec, values, cfg.recurrentScale);
    out.set(p.name, { shape: p.spec.shape, values });
  }
  return out;
}

/** The local (un-suffixed) params of one layer and direction. */
export function paramsOf(cfg: StackConfig, all: Params, layer: number, reverse: boolean, dims = layerDims(cfg, layer)): Params {
  const p: Params = {};
  for (const spec of cfg.cell.params(dims)) {
    const t = all[paramName(spec.name, layer, reverse)];
    if (!t) throw new Error(`missing parameter ${paramName(spec.name, layer, reverse)}`);
    p[spec.name] = t;
  }
  return p;
}

export interface StackRunOptions {
  /** Initial states indexed layer * D + direction, as PyTorch's h0/c0. */
  state0?: (State | undefined)[];
  /** Probes for the top layer, indexed by direction ([T, B, H] each). */
  topProbes?: (tf.Tensor3D | undefined)[];
  record?: boolean;
}

export interface StackRun {
  /** [T, B, outputSize * D]. */
  output: tf.Tensor3D;
  /** Final state of each layer/direction, indexed layer * D + direction. */
  finals: State[];
  /** Traces of each layer/direction when record is set. */
  traces?: Record<string, tf.Tensor3D>[];
}

export function runStack(cfg: StackConfig, params: Params, xs: tf.Tensor3D, opts: StackRunOptions = {}): StackRun {
  const D = numDirections(cfg);
  let input: Sequence = xs;
  const finals: State[] = [];
  const traces: Record<string, tf.Tensor3D>[] = [];
  const all = stackLayerDims(cfg);
  for (let layer = 0; layer < cfg.numLayers; layer++) {
    const dims = all[layer];
    const runs: LayerRun[] = [];
    for (let d = 0; d < D; d++) {
      const run = runLayer(cfg.cell, paramsOf(cfg, params, layer, d === 1, dims), input, d === 1 ? { ...dims, reverse: true } : dims, {
        reverse: d === 1,
        state0: opts.state0?.[layer * D + d],
        probe: layer === cfg.numLayers - 1 ? opts.topProbes?.[d] : undefined,
        record: opts.record,
      });
      runs.push(run);
      finals.push(run.final);
      if (run.trace) traces.push(run.trace);
    }
    input = D === 1 ? runs[0].outputs : runs[0].outputs.map((o, t) => tf.concat([o, runs[1].outputs[t]], 1) as tf.Tensor2D);
  }
  const output = tf.stack(input as tf.Tensor2D[]) as tf.Tensor3D;
  return { output, finals, traces: opts.record ? traces : undefined };
}

/** The top layer's forward-direction hidden size, the shape of its ∂L/∂h_t probe. */
export function topHiddenSize(cfg: StackConfig): number {
  const dims = layerDims(cfg, cfg.numLayers - 1);
  const hk = hiddenKeyOf(cfg.cell);
  const spec = cfg.cell.states.find((s) => s.id === hk);
  if (!spec) throw new Error(`cell ${cfg.cell.id} has no state "${hk}"`);
  return spec.size(dims);
}
