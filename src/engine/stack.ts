// Stacked, optionally bidirectional layers of one cell, with PyTorch's parameter naming
// (weight_ih_l0, weight_hh_l1_reverse …) and PyTorch's layout: a bidirectional layer emits
// [forward; backward] along features, and h_n is ordered layer-major, forward before backward.
import * as tf from '@tensorflow/tfjs-core';
import type { CellSpec, Params, State } from '../cells/types';
import { hiddenKeyOf } from '../cells/types';
import { layerDims, numDirections, paramName, stackLayerDims, type StackShape } from './stack-shape';
import { runLayer, type LayerRun, type Sequence } from './unroll';

export {
  initStackValues, layerDims, numDirections, paramName, stackLayerDims, stackOutputSize, stackParamCount, stackParams,
  type StackParam, type StackShape,
} from './stack-shape';

export interface StackConfig extends StackShape {
  cell: CellSpec;
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
