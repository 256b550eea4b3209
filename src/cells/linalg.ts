// Small dense linear algebra in plain JS (Float64, row-major), for diagnostics such as uRNN's
// max |σ_i − 1| and for singular-value clipping. No tfjs: these run on numbers already read
// back. The SVD is ml-matrix's (JAMA's Golub–Kahan–Reinsch: Householder bidiagonalisation, then
// implicit-shift QR), a maintained pure-JS package; this file only adapts its layout.

import { Matrix, SingularValueDecomposition } from 'ml-matrix';

export interface Svd {
  /** [rows, k] row-major, orthonormal columns; k = min(rows, cols). */
  u: Float64Array;
  /** Singular values, descending, length k. */
  s: Float64Array;
  /** [cols, k] row-major, orthonormal columns; a = u · diag(s) · vᵀ. */
  v: Float64Array;
}

function check(a: ArrayLike<number>, rows: number, cols: number): void {
  if (!(rows > 0 && cols > 0) || a.length !== rows * cols) {
    throw new Error(`linalg: expected ${rows}×${cols} = ${rows * cols} values, got ${a.length}`);
  }
}

function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/**
 * A matrix holding NaN or ±Inf (weights of a diverged run) is not decomposed: JAMA's QR sweeps test
 * convergence with comparisons a NaN never passes, so it could loop forever. Everything is NaN,
 * as the hand-written Jacobi SVD this replaced returned after its sweep limit.
 */
function nanSvd(rows: number, cols: number, k: number): Svd {
  return { u: new Float64Array(rows * k).fill(NaN), s: new Float64Array(k).fill(NaN), v: new Float64Array(cols * k).fill(NaN) };
}

/** The first k columns of an ml-matrix matrix, row-major [rows, k]. */
function leadingColumns(m: Matrix, k: number): Float64Array {
  const out = new Float64Array(m.rows * k);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < k; j++) out[i * k + j] = m.get(i, j);
  return out;
}

/** Thin SVD of a row-major [rows, cols] matrix: a = u · diag(s) · vᵀ, s descending. */
export function svd(a: ArrayLike<number>, rows: number, cols: number): Svd {
  check(a, rows, cols);
  const k = Math.min(rows, cols);
  if (!allFinite(a)) return nanSvd(rows, cols, k);
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, a[i * cols + j]);
  // autoTranspose: JAMA's algorithm needs rows ≥ cols; for a wide matrix it decomposes aᵀ and swaps
  // the factors back. Its U (thin) and V have orthonormal columns even where σ = 0, and s comes
  // back non-negative and sorted descending.
  const d = new SingularValueDecomposition(m, { autoTranspose: true });
  return {
    u: leadingColumns(d.leftSingularVectors, k),
    s: Float64Array.from(d.diagonal.slice(0, k)),
    v: leadingColumns(d.rightSingularVectors, k),
  };
}

/** Singular values only, descending (no vectors: about three times cheaper than `svd`). */
export function singularValues(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  check(a, rows, cols);
  const k = Math.min(rows, cols);
  if (!allFinite(a)) return new Float64Array(k).fill(NaN);
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, a[i * cols + j]);
  const d = new SingularValueDecomposition(m, {
    autoTranspose: true,
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return Float64Array.from(d.diagonal.slice(0, k));
}

/** U · min(Σ, max) · Vᵀ: the nearest matrix (in spectral and Frobenius norm) with ‖·‖₂ ≤ max. */
export function clipSingularValues(a: ArrayLike<number>, rows: number, cols: number, max: number): Float64Array {
  const { u, s, v } = svd(a, rows, cols);
  const k = s.length;
  const out = new Float64Array(rows * cols);
  const sc = s.map((x) => Math.min(x, max));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let acc = 0;
      for (let l = 0; l < k; l++) acc += u[i * k + l] * sc[l] * v[j * k + l];
      out[i * cols + j] = acc;
    }
  }
  return out;
}

/** C = A · B for row-major A [n, k], B [k, m]. */
export function matMul(a: ArrayLike<number>, b: ArrayLike<number>, n: number, k: number, m: number): Float64Array {
  const c = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < k; l++) {
      const x = a[i * k + l];
      if (x === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j] += x * b[l * m + j];
    }
  }
  return c;
}
