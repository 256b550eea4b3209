// Eigenvalues of a small dense real matrix that need not be symmetric, in plain JS (Float64,
// row-major): a Householder reduction to upper Hessenberg form, then the Francis double-shift QR
// iteration, as in EISPACK's orthes/hqr (the form JAMA publishes). Eigenvalues only, no vectors.
// Used for the spectral radius ρ(W_hh) that the recurrent-init control sets (n ≤ ~256).
//
// Kept rather than replaced by ml-matrix's EigenvalueDecomposition (which the Spectrum view uses,
// src/engine/instruments/matrix-spectrum.ts; a test keeps the two within 1e-9 on random matrices),
// because that one is JAMA's hqr2 as published: exceptional shifts only at iterations 10 and 30 and
// no iteration cap (a NaN or a stalled sweep loops forever), and it always accumulates eigenvectors.
// Measured: on the 64 × 64 lower shift (nilpotent, ρ = 0) it returns ρ ≈ 0.56, this code 0 — and
// spectral.ts divides by ρ to rescale a block; on random matrices it is 2× slower at n = 128.

export interface Eigenvalues {
  /** Real parts. */
  re: Float64Array;
  /** Imaginary parts; a complex pair is listed as (a + bi, a − bi). */
  im: Float64Array;
}

const EPS = 2 ** -52;

/** Householder similarity reduction of a (n × n, rows of `h`) to upper Hessenberg form, in place. */
function toHessenberg(h: Float64Array[], n: number): void {
  const ort = new Float64Array(n);
  const high = n - 1;
  for (let m = 1; m <= high - 1; m++) {
    let scale = 0;
    for (let i = m; i <= high; i++) scale += Math.abs(h[i][m - 1]);
    if (scale === 0) continue;
    let hh = 0;
    for (let i = high; i >= m; i--) {
      ort[i] = h[i][m - 1] / scale;
      hh += ort[i] * ort[i];
    }
    let g = Math.sqrt(hh);
    if (ort[m] > 0) g = -g;
    hh -= ort[m] * g;
    ort[m] -= g;
    for (let j = m; j < n; j++) {
      let f = 0;
      for (let i = high; i >= m; i--) f += ort[i] * h[i][j];
      f /= hh;
      for (let i = m; i <= high; i++) h[i][j] -= f * ort[i];
    }
    for (let i = 0; i <= high; i++) {
      let f = 0;
      for (let j = high; j >= m; j--) f += ort[j] * h[i][j];
      f /= hh;
      for (let j = m; j <= high; j++) h[i][j] -= f * ort[j];
    }
    ort[m] *= scale;
    h[m][m - 1] = scale * g;
  }
}

/** Francis double-shift QR on an upper Hessenberg matrix (destroyed); throws if it fails to converge. */
function hessenbergEigenvalues(h: Float64Array[], nn: number): Eigenvalues {
  const re = new Float64Array(nn);
  const im = new Float64Array(nn);
  const low = 0;
  let n = nn - 1;
  let exshift = 0;
  let p = 0, q = 0, r = 0, s = 0, z = 0, w = 0, x = 0, y = 0;
  let norm = 0;
  for (let i = 0; i < nn; i++) for (let j = Math.max(i - 1, 0); j < nn; j++) norm += Math.abs(h[i][j]);
  let iter = 0;
  let total = 0;
  while (n >= low) {
    // The last small sub-diagonal element splits the active block.
    let l = n;
    while (l > low) {
      s = Math.abs(h[l - 1][l - 1]) + Math.abs(h[l][l]);
      if (s === 0) s = norm;
      if (Math.abs(h[l][l - 1]) <= EPS * s) break;
      l--;
    }
    if (l === n) {
      // One root.
      re[n] = h[n][n] + exshift;
      im[n] = 0;
      n--;
      iter = 0;
    } else if (l === n - 1) {
      // Two roots: the eigenvalues of the trailing 2 × 2 block.
      w = h[n][n - 1] * h[n - 1][n];
      p = (h[n - 1][n - 1] - h[n][n]) / 2;
      q = p * p + w;
      z = Math.sqrt(Math.abs(q));
      x = h[n][n] + exshift;
      if (q >= 0) {
        z = p >= 0 ? p + z : p - z;
        re[n - 1] = x + z;
        re[n] = z !== 0 ? x - w / z : x + z;
        im[n - 1] = 0;
        im[n] = 0;
      } else {
        re[n - 1] = x + p;
        re[n] = x + p;
        im[n - 1] = z;
        im[n] = -z;
      }
      n -= 2;
      iter = 0;
    } else {
      x = h[n][n];
      y = 0;
      w = 0;
      if (l < n) {
        y = h[n - 1][n - 1];
        w = h[n][n - 1] * h[n - 1][n];
      }
      // Exceptional shifts every ten iterations without a deflation (JAMA only tries them at 10 and
      // 30, which stalls on a defective matrix such as a nilpotent shift).
      if (iter > 0 && iter % 20 === 10) {
        // Wilkinson's exceptional shift.
        exshift += x;
        for (let i = low; i <= n; i++) h[i][i] -= x;
        s = Math.abs(h[n][n - 1]) + Math.abs(h[n - 1][n - 2]);
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      if (iter > 0 && iter % 20 === 0) {
        s = (y - x) / 2;
        s = s * s + w;
        if (s > 0) {
          s = Math.sqrt(s);
          if (y < x) s = -s;
          s = x - w / ((y - x) / 2 + s);
          for (let i = low; i <= n; i++) h[i][i] -= s;
          exshift += s;
          x = y = w = 0.964;
        }
      }
      iter++;
      if (++total > 1000 * nn) throw new Error('eigenvalues: QR iteration did not converge');
      // Two consecutive small sub-diagonal elements.
      let m = n - 2;
      while (m >= l) {
        z = h[m][m];
        r = x - z;
        s = y - z;
        p = (r * s - w) / h[m + 1][m] + h[m][m + 1];
        q = h[m + 1][m + 1] - z - r - s;
        r = h[m + 2][m + 1];
        s = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p /= s;
        q /= s;
        r /= s;
        if (m === l) break;
        if (Math.abs(h[m][m - 1]) * (Math.abs(q) + Math.abs(r)) <
          EPS * (Math.abs(p) * (Math.abs(h[m - 1][m - 1]) + Math.abs(z) + Math.abs(h[m + 1][m + 1])))) break;
        m--;
      }
      for (let i = m + 2; i <= n; i++) {
        h[i][i - 2] = 0;
        if (i > m + 2) h[i][i - 3] = 0;
      }
      // Double QR step on rows l..n and columns m..n.
      for (let k = m; k <= n - 1; k++) {
        const notlast = k !== n - 1;
        if (k !== m) {
          p = h[k][k - 1];
          q = h[k + 1][k - 1];
          r = notlast ? h[k + 2][k - 1] : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x === 0) continue;
          p /= x;
          q /= x;
          r /= x;
        }
        s = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s === 0) continue;
        if (k !== m) h[k][k - 1] = -s * x;
        else if (l !== m) h[k][k - 1] = -h[k][k - 1];
        p += s;
        x = p / s;
        y = q / s;
        z = r / s;
        q /= p;
        r /= p;
        // Eigenvalues only (EISPACK's hqr, not hqr2): the reflections touch only the active block
        // l..n; the rows above and the columns right of it would matter only for eigenvectors.
        for (let j = k; j <= n; j++) {
          p = h[k][j] + q * h[k + 1][j];
          if (notlast) {
            p += r * h[k + 2][j];
            h[k + 2][j] -= p * z;
          }
          h[k][j] -= p * x;
          h[k + 1][j] -= p * y;
        }
        for (let i = l; i <= Math.min(n, k + 3); i++) {
          p = x * h[i][k] + y * h[i][k + 1];
          if (notlast) {
            p += z * h[i][k + 2];
            h[i][k + 2] -= p * r;
          }
          h[i][k] -= p;
          h[i][k + 1] -= p * q;
        }
      }
    }
  }
  return { re, im };
}

/** Every eigenvalue of the n × n matrix `a` (row-major), in no particular order. */
export function eigenvalues(a: ArrayLike<number>, n: number): Eigenvalues {
  if (a.length !== n * n) throw new Error(`eigenvalues: expected ${n * n} values, got ${a.length}`);
  if (n === 0) return { re: new Float64Array(0), im: new Float64Array(0) };
  const h = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => a[i * n + j]));
  toHessenberg(h, n);
  return hessenbergEigenvalues(h, n);
}

/** ρ(A) = max |λᵢ| of the n × n matrix `a` (row-major). */
export function spectralRadius(a: ArrayLike<number>, n: number): number {
  const { re, im } = eigenvalues(a, n);
  let rho = 0;
  for (let i = 0; i < n; i++) rho = Math.max(rho, Math.hypot(re[i], im[i]));
  return rho;
}
