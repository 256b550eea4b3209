// Small dense linear algebra in plain JS (Float64, row-major), for diagnostics such as uRNN's
// max |σ_i − 1| and for reference checks of singular-value clipping. No tfjs: these run on
// numbers already read back, and must be exact enough to test against (n ≤ ~256).

export interface Svd {
  /** [rows, k] row-major, orthonormal columns; k = min(rows, cols). */
  u: Float64Array;
  /** Singular values, descending, length k. */
  s: Float64Array;
  /** [cols, k] row-major, orthonormal columns; a = u · diag(s) · vᵀ. */
  v: Float64Array;
}

const EPS = 1e-15;
const MAX_SWEEPS = 60;

/**
 * One-sided Jacobi (Hestenes) on a tall matrix given as columns: rotates column pairs until all
 * are mutually orthogonal; the column norms are then the singular values. Chosen over
 * Golub–Kahan because it is short, needs no bidiagonalisation, and is accurate to working
 * precision even for tiny singular values.
 */
function jacobiTall(a: Float64Array, m: number, n: number): Svd {
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(m);
    for (let i = 0; i < m; i++) c[i] = a[i * n + j];
    cols.push(c);
  }
  const vCols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(n);
    c[j] = 1;
    vCols.push(c);
  }
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const cp = cols[p];
        const cq = cols[q];
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          alpha += cp[i] * cp[i];
          beta += cq[i] * cq[i];
          gamma += cp[i] * cq[i];
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = cp[i];
          const y = cq[i];
          cp[i] = c * x - s * y;
          cq[i] = s * x + c * y;
        }
        const vp = vCols[p];
        const vq = vCols[q];
        for (let i = 0; i < n; i++) {
          const x = vp[i];
          const y = vq[i];
          vp[i] = c * x - s * y;
          vq[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = cols.map((c) => Math.sqrt(c.reduce((acc, x) => acc + x * x, 0)));
  const order = norms.map((_, j) => j).sort((x, y) => norms[y] - norms[x]);
  const s = new Float64Array(n);
  const uCols: Float64Array[] = [];
  const vSorted: Float64Array[] = [];
  const tiny = (norms[order[0]] || 0) * m * 1e-14;
  order.forEach((j, k) => {
    s[k] = norms[j];
    const c = cols[j];
    uCols.push(norms[j] > tiny && norms[j] > 0 ? c.map((x) => x / norms[j]) : new Float64Array(m));
    vSorted.push(vCols[j]);
  });
  completeOrthonormal(uCols, m);
  const u = new Float64Array(m * n);
  const v = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < m; i++) u[i * n + k] = uCols[k][i];
    for (let i = 0; i < n; i++) v[i * n + k] = vSorted[k][i];
  }
  return { u, s, v };
}

/**
 * Columns left zero (singular value 0) get unit vectors orthogonal to the rest, by Gram–Schmidt
 * on the standard basis, so u always has orthonormal columns as callers may assume.
 */
function completeOrthonormal(cols: Float64Array[], m: number): void {
  let e = 0;
  for (let k = 0; k < cols.length; k++) {
    if (cols[k].some((x) => x !== 0)) continue;
    while (e < m) {
      const w = new Float64Array(m);
      w[e++] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j < cols.length; j++) {
          if (j === k) continue;
          const c = cols[j];
          let d = 0;
          for (let i = 0; i < m; i++) d += c[i] * w[i];
          for (let i = 0; i < m; i++) w[i] -= d * c[i];
        }
      }
      const nrm = Math.sqrt(w.reduce((acc, x) => acc + x * x, 0));
      if (nrm > 1e-8) {
        cols[k] = w.map((x) => x / nrm);
        break;
      }
    }
  }
}

function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  return t;
}

function check(a: ArrayLike<number>, rows: number, cols: number): void {
  if (!(rows > 0 && cols > 0) || a.length !== rows * cols) {
    throw new Error(`linalg: expected ${rows}×${cols} = ${rows * cols} values, got ${a.length}`);
  }
}

/** Thin SVD of a row-major [rows, cols] matrix: a = u · diag(s) · vᵀ, s descending. */
export function svd(a: ArrayLike<number>, rows: number, cols: number): Svd {
  check(a, rows, cols);
  const a64 = Float64Array.from(a);
  if (rows >= cols) return jacobiTall(a64, rows, cols);
  // Wide: decompose aᵀ = v s uᵀ and swap the roles.
  const r = jacobiTall(transpose(a64, rows, cols), cols, rows);
  return { u: r.v, s: r.s, v: r.u };
}

export function singularValues(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  return svd(a, rows, cols).s;
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
