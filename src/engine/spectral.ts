// The recurrent-init control: the spectral radius ρ of W_hh at initialisation, the number the
// eigenvalue argument about vanishing and exploding gradients is about (one step back multiplies
// the gradient by diag(φ′)·W_hhᵀ, so over many steps it grows or shrinks like ρ^t, less the
// squashing). The run's `recurrentScale` is that ρ; 0 (the default) keeps the cell's own init —
// PyTorch's U(±1/√H), whose ρ is about 0.58 at any H.
import { spectralRadius } from '../cells/eigen';
import type { ParamSpec } from '../cells/types';
import { createRng } from './rng';
import { stackParams, type StackShape } from './stack-shape';

/** The square blocks (or the diagonal) a 'recurrent' parameter's ρ is read from, as row offsets. */
export type Layout =
  | { kind: 'blocks'; n: number; count: number; cols: number }
  | { kind: 'leading'; rows: number; cols: number }
  | { kind: 'diagonal' }
  | { kind: 'none' };

function layoutOf(spec: Pick<ParamSpec, 'shape' | 'spectral'>): Layout {
  const { shape } = spec;
  if (spec.spectral === 'none') return { kind: 'none' };
  if (shape.length === 1) return { kind: 'diagonal' };
  if (shape.length !== 2) return { kind: 'none' };
  const [r, c] = shape;
  if (spec.spectral !== 'leading' && r % c === 0) return { kind: 'blocks', n: c, count: r / c, cols: c };
  if (c >= r) return { kind: 'leading', rows: r, cols: c };
  return { kind: 'none' };
}

/** How a 'recurrent' parameter splits into square blocks (the instruments' spectra read it the same way). */
export const spectralLayout = (spec: Pick<ParamSpec, 'shape' | 'spectral'>): Layout => layoutOf(spec);

function squareBlock(values: ArrayLike<number>, cols: number, row0: number, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = values[(row0 + i) * cols + j];
  return out;
}

/** ρ of each square block of a 'recurrent' parameter (one per gate block; the largest |uᵢ| of a vector). */
export function blockRadii(spec: Pick<ParamSpec, 'shape' | 'spectral'>, values: ArrayLike<number>): number[] {
  const layout = layoutOf(spec);
  switch (layout.kind) {
    case 'blocks':
      return Array.from({ length: layout.count }, (_, b) => spectralRadius(squareBlock(values, layout.cols, b * layout.n, layout.n), layout.n));
    case 'leading':
      return [spectralRadius(squareBlock(values, layout.cols, 0, layout.rows), layout.rows)];
    case 'diagonal': {
      let m = 0;
      for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
      return [m];
    }
    default:
      return [];
  }
}

/**
 * Rescales, in place, every square block of a 'recurrent' parameter so its spectral radius is
 * exactly `rho` (a vector u: so that max |uᵢ| = rho). A block with ρ = 0 (all zeros, nilpotent)
 * is left alone: no multiple of it has any other radius.
 */
export function setSpectralRadius(spec: Pick<ParamSpec, 'shape' | 'spectral'>, values: Float32Array, rho: number): void {
  const layout = layoutOf(spec);
  const scaleRows = (row0: number, rows: number, cols: number, now: number) => {
    if (!(now > 1e-12)) return;
    const k = rho / now;
    for (let i = row0 * cols; i < (row0 + rows) * cols; i++) values[i] *= k;
  };
  const radii = blockRadii(spec, values);
  switch (layout.kind) {
    case 'blocks':
      radii.forEach((now, b) => scaleRows(b * layout.n, layout.n, layout.cols, now));
      break;
    case 'leading':
      scaleRows(0, layout.rows, layout.cols, radii[0]);
      break;
    case 'diagonal':
      scaleRows(0, 1, values.length, radii[0]);
      break;
    default:
  }
}

/** True when the run asks for a spectral radius (recurrentScale > 0), false for the cell's own init. */
export const setsRadius = (recurrentScale: number | undefined): recurrentScale is number =>
  recurrentScale !== undefined && Number.isFinite(recurrentScale) && recurrentScale > 0;

/**
 * ρ of the first layer's recurrent weight as the cell initialises it for this seed, before the
 * control acts: the largest radius over its square blocks (the gate blocks of an LSTM or GRU
 * each have their own). null for a cell without one the control acts on (uRNN, mLSTM, NARX …).
 * Draws exactly the numbers the trainer draws (seed → 'params' → 'stack' → parameter name).
 */
export function initRecurrentRadius(cfg: StackShape, seed: number): number | null {
  const stackRng = createRng(seed).fork('params').fork('stack');
  let best: number | null = null;
  for (const p of stackParams(cfg)) {
    if (p.layer !== 0 || p.reverse || p.spec.role !== 'recurrent') continue;
    const radii = blockRadii(p.spec, p.spec.init(p.spec.shape, stackRng.fork(p.name)));
    for (const r of radii) best = Math.max(best ?? 0, r);
  }
  return best;
}
