// Initialisers shared by the cells. Each returns an InitFn and comes with its label for cards.
import type { InitFn } from './types';

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export const uniformInit = (bound: number): InitFn => (shape, rng) => {
  const out = new Float32Array(size(shape));
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform(-bound, bound);
  return out;
};

export const rangeInit = (lo: number, hi: number): InitFn => (shape, rng) => {
  const out = new Float32Array(size(shape));
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform(lo, hi);
  return out;
};

export const normalInit = (std: number, mean = 0): InitFn => (shape, rng) => {
  const out = new Float32Array(size(shape));
  for (let i = 0; i < out.length; i++) out[i] = rng.normal(mean, std);
  return out;
};

export const constantInit = (value: number): InitFn => (shape) => new Float32Array(size(shape)).fill(value);

export const zerosInit: InitFn = constantInit(0);

/** value·I for a square [n, n] matrix (IRNN); non-square shapes get ones on the main diagonal. */
export const identityInit = (value = 1): InitFn => (shape) => {
  const [r, c] = shape;
  const out = new Float32Array(r * c);
  for (let i = 0; i < Math.min(r, c); i++) out[i * c + i] = value;
  return out;
};

/** Glorot/Xavier uniform for a [fanOut, fanIn] matrix. */
export const glorotUniformInit: InitFn = (shape, rng) => {
  const [fanOut, fanIn] = shape.length >= 2 ? [shape[0], shape[shape.length - 1]] : [shape[0], shape[0]];
  return uniformInit(Math.sqrt(6 / (fanIn + fanOut)))(shape, rng);
};

/** PyTorch's RNN/LSTM/GRU default: every weight and bias U(−1/√H, 1/√H). */
export const pytorchRnnInit = (hiddenSize: number): InitFn => uniformInit(1 / Math.sqrt(hiddenSize));

/** Scale any init by a constant. (The page's recurrent-init control sets a spectral radius instead: src/engine/spectral.ts.) */
export const scaledInit = (base: InitFn, scale: number): InitFn => (shape, rng) => {
  const out = base(shape, rng);
  if (scale !== 1) for (let i = 0; i < out.length; i++) out[i] *= scale;
  return out;
};
