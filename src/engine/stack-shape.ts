// The shape of a stack of one cell's layers, without tfjs: each layer's dims, every parameter's
// PyTorch name and spec, and their seeded initial values. The page reads it from the cells' info
// (src/cells/info: the ρ readout, sizes), the engine from their specs (src/engine/stack.ts).
import type { CellDims, CellInfo, CellOptions, ParamSpec } from '../cells/types';
import type { Rng } from './rng';
import { setSpectralRadius, setsRadius } from './spectral';

export interface StackShape {
  cell: CellInfo;
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

export const numDirections = (cfg: StackShape) => (cfg.bidirectional ? 2 : 1);

/**
 * Every layer's dims in one pass: layer l reads what layer l−1 emits (times the directions).
 * Linear in numLayers; callers check numLayers against their limits first (files: FILE_LIMITS).
 */
export function stackLayerDims(cfg: StackShape, upTo = cfg.numLayers - 1): CellDims[] {
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

export function layerDims(cfg: StackShape, layer: number): CellDims {
  return stackLayerDims(cfg, layer)[layer];
}

export const paramName = (local: string, layer: number, reverse: boolean) =>
  `${local}_l${layer}${reverse ? '_reverse' : ''}`;

export function stackParams(cfg: StackShape): StackParam[] {
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

export function stackOutputSize(cfg: StackShape): number {
  return cfg.cell.outputSize(layerDims(cfg, cfg.numLayers - 1)) * numDirections(cfg);
}

export function stackParamCount(cfg: StackShape): number {
  return stackParams(cfg)
    .filter((p) => p.spec.trainable !== false)
    .reduce((n, p) => n + p.spec.shape.reduce((a, b) => a * b, 1), 0);
}

/** Draws every parameter from the seeded stream, in a fixed order, as plain arrays. */
export function initStackValues(cfg: StackShape, rng: Rng): Map<string, { shape: number[]; values: Float32Array }> {
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  for (const p of stackParams(cfg)) {
    const values = p.spec.init(p.spec.shape, rng.fork(p.name));
    if (p.spec.role === 'recurrent' && setsRadius(cfg.recurrentScale)) setSpectralRadius(p.spec, values, cfg.recurrentScale);
    out.set(p.name, { shape: p.spec.shape, values });
  }
  return out;
}

