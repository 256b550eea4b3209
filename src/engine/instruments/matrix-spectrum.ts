// One matrix's spectrum for the Spectrum view (issue 10, item 1): eigenvalues (where square) and
// singular values, by ml-matrix — JAMA's EigenvalueDecomposition (Householder to Hessenberg, then
// Francis double-shift QR; the symmetric case by tridiagonal QL) and its Golub–Kahan SVD, in plain
// JS (Float64). Plain numbers in, plain numbers out: the worker reads the weights back first.
//
// Two cautions, both handled here:
// - JAMA's QR has no iteration cap, and a NaN never passes its convergence test, so a matrix with a
//   non-finite entry (a run that diverged) would loop forever. Such a matrix is not decomposed: its
//   eigenvalues and singular values are all NaN (drawn as markers by the views).
// - The eigenvalues of a defective matrix are ill-conditioned: a Jordan block of size k perturbed
//   by ε has eigenvalues ε^{1/k} away. Rounding gives ε ≈ 1e-16, so a 4 × 4 block's eigenvalues
//   come back within ~1e-4, not 1e-16. That is the problem's conditioning, not the package's.

import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { MatrixSpectrum } from './types';

function toMatrix(values: ArrayLike<number>, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, values[i * cols + j]);
  return m;
}

/** Eigenvalues of a square matrix (ml-matrix), as [re, im] pairs in ml-matrix's order. */
export function eigenvaluePairs(values: ArrayLike<number>, n: number): [number, number][] {
  if (values.length !== n * n) throw new Error(`eigenvaluePairs: expected ${n * n} values, got ${values.length}`);
  if (n === 0) return [];
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return Array.from({ length: n }, () => [NaN, NaN]);
  }
  const e = new EigenvalueDecomposition(toMatrix(values, n, n));
  const re = e.realEigenvalues;
  const im = e.imaginaryEigenvalues;
  return re.map((x, i) => [x, im[i]]);
}

/** Singular values, descending (ml-matrix's SVD, no vectors). */
export function singularValueList(values: ArrayLike<number>, rows: number, cols: number): number[] {
  if (values.length !== rows * cols) throw new Error(`singularValueList: expected ${rows * cols} values, got ${values.length}`);
  const k = Math.min(rows, cols);
  if (k === 0) return [];
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return new Array(k).fill(NaN);
  const svd = new SingularValueDecomposition(toMatrix(values, rows, cols), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  // JAMA returns them sorted descending; sort anyway (cheap, and the contract says descending).
  return Array.from(svd.diagonal).slice(0, k).sort((a, b) => b - a);
}

/**
 * The spectrum of a row-major [rows, cols] matrix: eigenvalues (null unless rows = cols), singular
 * values (descending), ρ = max |λ| (null without eigenvalues) and σ_max. NaN throughout when the
 * matrix holds a non-finite value.
 */
export function matrixSpectrum(values: ArrayLike<number>, rows: number, cols: number, id: string, label: string): MatrixSpectrum {
  if (!(rows > 0 && cols > 0) || values.length !== rows * cols) {
    throw new Error(`matrixSpectrum: expected ${rows}×${cols} = ${rows * cols} values, got ${values.length}`);
  }
  const eigenvalues = rows === cols ? eigenvaluePairs(values, rows) : null;
  const singularValues = singularValueList(values, rows, cols);
  let radius: number | null = null;
  if (eigenvalues) {
    radius = 0;
    for (const [re, im] of eigenvalues) {
      const r = Math.hypot(re, im);
      radius = Number.isNaN(r) ? NaN : Math.max(radius, r);
      if (Number.isNaN(radius)) break;
    }
  }
  return { id, label, eigenvalues, singularValues, radius, sigmaMax: singularValues[0] };
}
