// The "what if" mode (issue 10, item 6): no training, no tfjs. A tanh RNN h_t = tanh(W h_{t−1} + U x_t)
// with W = ρ·Q (Q a seeded random orthogonal matrix, a seeded Gaussian scaled to spectral radius 1,
// or the identity) runs on a seeded random input, and the instruments are computed in plain JS
// (Float64) in the page, fast enough to follow a slider within a frame at T = 200, H = 64:
// - eigenvalues and singular values of W: those of the base matrix (computed once per kind, H and
//   seed, cached) times ρ — both scale linearly, so a slider move costs nothing here;
// - ‖∂h_T/∂h_t‖ for t = T..0 by the backward product M_t = M_{t+1}·diag(1 − h_{t+1}²)·W (M_T = I),
//   its spectral norm by power iteration warm-started from the previous t's top left vector (the
//   left singular vectors of M_t settle as t falls: new factors join on the right);
// - ‖∂h_T/∂x_t‖ = ‖M_t·diag(1 − h_t²)·U‖ (H × I, I small: exact from the I × I Gram matrix);
// - the long-memory fit of ‖∂h_T/∂x_t‖ against lag T − t (fitInfluence).

import { createRng } from '../rng';
import { matrixSpectrum } from './matrix-spectrum';
import { fitInfluence } from './memory-fit';
import type { JacobianProfile, LongMemoryFit, MatrixSpectrum } from './types';

export type WhatIfMatrix = 'orthogonal' | 'gaussian' | 'identity';
export const WHATIF_MATRICES: readonly WhatIfMatrix[] = ['orthogonal', 'gaussian', 'identity'];

export interface WhatIfParams {
  matrix: WhatIfMatrix;
  rho: number;
  T: number;
  H: number;
  inputScale: number;
  seed: number;
}

export interface WhatIfResult {
  params: WhatIfParams;
  spectrum: MatrixSpectrum;
  jacobians: JacobianProfile;
  memory: LongMemoryFit;
  /** Eigenvalues of W outside the unit circle (|λ| > 1 + 1e-6: an orthogonal Q's sit on it up to rounding). */
  outside: number;
  /** Milliseconds the computation took (for the page's readout and the bench). */
  ms: number;
}

/** Lags computed with the full H × H product; beyond them a k-row block (see computeWhatIf). */
export const EXACT_LAGS = 8;
export const BLOCK = 6;

/** Input width of the toy RNN. */
export const WHATIF_INPUT = 4;

interface Base {
  /** Row-major H × H base matrix with spectral radius 1. */
  q: Float64Array;
  eig: [number, number][];
  sv: number[];
  /** Input weights U, H × I, N(0, 1/I). */
  u: Float64Array;
}

const baseCache = new Map<string, Base>();

/** A seeded random orthogonal matrix: Gram–Schmidt (twice, for stability) on a Gaussian matrix's columns. */
export function randomOrthogonal(n: number, seed: number): Float64Array {
  const rng = createRng(seed).fork('whatif-orthogonal');
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const v = Float64Array.from({ length: n }, () => rng.normal());
    for (let pass = 0; pass < 2; pass++) {
      for (const c of cols) {
        let d = 0;
        for (let i = 0; i < n; i++) d += c[i] * v[i];
        for (let i = 0; i < n; i++) v[i] -= d * c[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) v[i] /= norm;
    cols.push(v);
  }
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q[i * n + j] = cols[j][i];
  return q;
}

function baseFor(kind: WhatIfMatrix, n: number, seed: number): Base {
  const key = `${kind}:${n}:${seed}`;
  const hit = baseCache.get(key);
  if (hit) return hit;
  let q: Float64Array;
  if (kind === 'identity') {
    q = new Float64Array(n * n);
    for (let i = 0; i < n; i++) q[i * n + i] = 1;
  } else if (kind === 'orthogonal') {
    q = randomOrthogonal(n, seed);
  } else {
    const rng = createRng(seed).fork('whatif-gaussian');
    q = Float64Array.from({ length: n * n }, () => rng.normal(0, 1 / Math.sqrt(n)));
  }
  const spec = matrixSpectrum(q, n, n, 'whh', '$W_{hh}$');
  const radius = spec.radius ?? 0;
  // The Gaussian is rescaled to spectral radius exactly 1, so ρ on the slider is ρ(W).
  const s = kind === 'gaussian' && radius > 0 ? 1 / radius : 1;
  if (s !== 1) for (let i = 0; i < q.length; i++) q[i] *= s;
  const eig: [number, number][] = (spec.eigenvalues ?? []).map(([re, im]) => [re * s, im * s]);
  const sv = spec.singularValues.map((v) => v * s);
  const rngU = createRng(seed).fork('whatif-input-weights');
  const u = Float64Array.from({ length: n * WHATIF_INPUT }, () => rngU.normal(0, 1 / Math.sqrt(WHATIF_INPUT)));
  const base = { q, eig, sv, u };
  if (baseCache.size > 16) baseCache.clear();
  baseCache.set(key, base);
  return base;
}

const inputCache = new Map<string, Float64Array>();

/** The seeded random input x_1..x_T (T × I, standard normal), before the input scale. */
function inputFor(T: number, seed: number): Float64Array {
  const key = `${T}:${seed}`;
  const hit = inputCache.get(key);
  if (hit) return hit;
  const rng = createRng(seed).fork('whatif-input');
  const x = Float64Array.from({ length: T * WHATIF_INPUT }, () => rng.normal());
  if (inputCache.size > 16) inputCache.clear();
  inputCache.set(key, x);
  return x;
}

/** Largest singular value of the n × n matrix m (row-major) by power iteration on m·mᵀ from `u` (updated in place). */
function topSingular(m: Float64Array, n: number, u: Float64Array, iters: number, tmp: Float64Array): number {
  let sigma = 0;
  for (let it = 0; it < iters; it++) {
    // tmp = mᵀu, then u = m·tmp; ‖u_new‖ / ‖u‖ → σ².
    for (let j = 0; j < n; j++) tmp[j] = 0;
    for (let i = 0; i < n; i++) {
      const ui = u[i];
      if (ui === 0) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) tmp[j] += m[row + j] * ui;
    }
    const tn = froNorm(tmp, n);
    if (!(tn > 0) || !Number.isFinite(tn)) return tn;
    const prev = sigma;
    sigma = tn; // u has unit norm, so ‖mᵀu‖ is a lower bound on σ_max that rises to it.
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += m[row + j] * tmp[j];
      u[i] = s;
    }
    const un = froNorm(u, n);
    if (!(un > 0) || !Number.isFinite(un)) return sigma;
    for (let i = 0; i < n; i++) u[i] /= un;
    if (it > 0 && Math.abs(sigma - prev) <= 1e-6 * sigma) break;
  }
  return sigma;
}

/** max |a_i| over the first len entries (NaN when one is NaN). */
function maxAbs(a: Float64Array, len: number): number {
  let mx = 0;
  for (let i = 0; i < len; i++) {
    const v = Math.abs(a[i]);
    if (v > mx || v !== v) mx = v;
  }
  return mx;
}

/** Frobenius norm without underflow or overflow in the squares (entries ~1e−200 still count). */
function froNorm(a: Float64Array, len: number): number {
  const mx = maxAbs(a, len);
  if (!(mx > 0) || !Number.isFinite(mx)) return mx;
  let f = 0;
  // Divide, not multiply by 1/mx: 1/mx overflows to Infinity for a subnormal mx.
  for (let i = 0; i < len; i++) {
    const v = a[i] / mx;
    f += v * v;
  }
  return Math.sqrt(f) * mx;
}

/** σ_max of a rows × cols matrix (row-major, cols small) from its cols × cols Gram matrix, rescaled against underflow. */
function smallSigmaMax(b: Float64Array, rows: number, cols: number): number {
  const mx = maxAbs(b, rows * cols);
  if (!(mx > 0) || !Number.isFinite(mx)) return mx;
  const g = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++) {
    for (let a = 0; a < cols; a++) {
      const ba = b[i * cols + a] / mx;
      for (let c = 0; c < cols; c++) g[a * cols + c] += ba * (b[i * cols + c] / mx);
    }
  }
  return Math.sqrt(gramTop(g, cols, 'x')) * mx;
}

/** σ_max of a k × n matrix (row-major, k small) from its k × k Gram matrix R·Rᵀ. */
function smallSigmaMaxRows(r: Float64Array, k: number, n: number): number {
  const mx = maxAbs(r, k * n);
  if (!(mx > 0) || !Number.isFinite(mx)) return mx;
  const g = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let c = a; c < k; c++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += (r[a * n + j] / mx) * (r[c * n + j] / mx);
      g[a * k + c] = s;
      g[c * k + a] = s;
    }
  }
  return Math.sqrt(gramTop(g, k, 'h')) * mx;
}

/** Warm-start vectors and scratch for gramTop, per matrix size (adjacent t have nearly the same Gram matrix). */
const gramState = new Map<string, { v: Float64Array; w: Float64Array }>();

/** Largest eigenvalue of a symmetric positive semi-definite k × k matrix by power iteration, warm-started per `slot`. */
function gramTop(g: Float64Array, k: number, slot = 'default'): number {
  // Rescale so tiny or huge entries do not underflow or overflow in the iteration.
  let mx = 0;
  for (let i = 0; i < k * k; i++) mx = Math.max(mx, Math.abs(g[i]));
  if (!(mx > 0)) return 0;
  if (!Number.isFinite(mx)) return Infinity;
  const key = `${slot}:${k}`;
  let st = gramState.get(key);
  if (!st) {
    st = { v: new Float64Array(k).fill(1 / Math.sqrt(k)), w: new Float64Array(k) };
    gramState.set(key, st);
  }
  const { v, w } = st;
  // A warm start orthogonal to the top eigenvector would never find it: nudge it.
  for (let a = 0; a < k; a++) v[a] += 1e-3 / Math.sqrt(k);
  let lambda = 0;
  for (let it = 0; it < 100; it++) {
    let nw = 0;
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += (g[a * k + c] / mx) * v[c];
      w[a] = s;
      nw += s * s;
    }
    nw = Math.sqrt(nw);
    if (!(nw > 0)) return 0;
    const prev = lambda;
    lambda = nw;
    for (let a = 0; a < k; a++) v[a] = w[a] / nw;
    if (it > 1 && Math.abs(lambda - prev) <= 1e-10 * lambda) break;
  }
  return lambda * mx;
}

/** Pᵀ·m for P (n × k) an orthonormal basis of m's top-k left singular subspace (block power iteration on m·mᵀ). */
function topLeftBlock(m: Float64Array, n: number, k: number): Float64Array {
  // Rows of q: k orthonormal vectors of length n.
  const q = new Float64Array(k * n);
  const rng = createRng(7).fork('whatif-block');
  for (let i = 0; i < q.length; i++) q[i] = rng.normal();
  const z = new Float64Array(k * n);
  const orth = (a: Float64Array) => {
    for (let r = 0; r < k; r++) {
      for (let pass = 0; pass < 2; pass++) {
        for (let s = 0; s < r; s++) {
          let dd = 0;
          for (let j = 0; j < n; j++) dd += a[r * n + j] * a[s * n + j];
          for (let j = 0; j < n; j++) a[r * n + j] -= dd * a[s * n + j];
        }
      }
      let nn = 0;
      for (let j = 0; j < n; j++) nn += a[r * n + j] * a[r * n + j];
      nn = Math.sqrt(nn);
      for (let j = 0; j < n; j++) a[r * n + j] = nn > 0 && Number.isFinite(nn) ? a[r * n + j] / nn : 0;
    }
  };
  orth(q);
  for (let it = 0; it < 4; it++) {
    // z_r = mᵀ q_r (row r of qᵀm), then q_r = m z_r.
    z.fill(0);
    for (let r = 0; r < k; r++) for (let i = 0; i < n; i++) {
      const qi = q[r * n + i];
      for (let j = 0; j < n; j++) z[r * n + j] += qi * m[i * n + j];
    }
    for (let r = 0; r < k; r++) for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += m[i * n + j] * z[r * n + j];
      q[r * n + i] = s;
    }
    orth(q);
  }
  const out = new Float64Array(k * n);
  for (let r = 0; r < k; r++) for (let i = 0; i < n; i++) {
    const qi = q[r * n + i];
    if (qi === 0) continue;
    for (let j = 0; j < n; j++) out[r * n + j] += qi * m[i * n + j];
  }
  return out;
}

/** Runs the toy RNN and measures everything the what-if views draw. */
export function computeWhatIf(p: WhatIfParams, opts: { exactLags?: number; block?: number } = {}): WhatIfResult {
  const t0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const n = p.H;
  const T = p.T;
  const I = WHATIF_INPUT;
  const base = baseFor(p.matrix, n, p.seed);
  const rho = p.rho;
  const w = new Float64Array(n * n);
  for (let i = 0; i < w.length; i++) w[i] = rho * base.q[i];
  const x = inputFor(T, p.seed);
  const u = base.u;

  // Forward: states h_0 = 0, h_1..h_T; keep d_t = 1 − h_t².
  const d = new Float64Array((T + 1) * n);
  let h = new Float64Array(n);
  for (let t = 1; t <= T; t++) {
    const next = new Float64Array(n);
    const xo = (t - 1) * I;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) s += w[row + j] * h[j];
      const ur = i * I;
      for (let k = 0; k < I; k++) s += u[ur + k] * p.inputScale * x[xo + k];
      const v = Math.tanh(s);
      next[i] = v;
      d[t * n + i] = 1 - v * v;
    }
    h = next;
  }

  // Backward: M_T = I; M_t = M_{t+1}·diag(d_{t+1})·W, exactly for the last `exactLags` steps; beyond
  // them only a k-row block R_t = Pᵀ·M_t is carried (P: the top-k left singular subspace of M at the
  // last exact step), so ‖R_t‖ ≤ ‖M_t‖ is the spectral norm restricted to that subspace, exact when
  // M_t's top left singular vector lies in it (the left singular vectors settle as t falls: new
  // factors join on the right). Cost k·H² per step instead of H³.
  const K = Math.max(1, Math.min(T, opts.exactLags ?? EXACT_LAGS));
  const k = Math.min(n, opts.block ?? BLOCK);
  const hSpectral = new Array<number>(T + 1);
  const hFro = new Array<number>(T + 1);
  const xSpectral = new Array<number>(T);
  const xFro = new Array<number>(T);
  let m: Float64Array = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  let mNext: Float64Array = new Float64Array(n * n);
  const uvec = new Float64Array(n).fill(1 / Math.sqrt(n));
  const tmp = new Float64Array(n);
  const b = new Float64Array(n * I);
  hSpectral[T] = 1;
  hFro[T] = Math.sqrt(n);
  // One pass over mat (rows × n) with y = mat·diag(d_t): b = y·U·scale (rows × I, ∂h_T/∂x_t) and
  // out = y·W (rows × n, the next step back); returns ‖b‖_F.
  const stepBack = (mat: Float64Array, out: Float64Array, rows: number, dt: number): number => {
    out.fill(0, 0, rows * n);
    b.fill(0, 0, rows * I);
    const sc = p.inputScale;
    for (let i = 0; i < rows; i++) {
      const row = i * n;
      const bi = i * I;
      for (let kk = 0; kk < n; kk++) {
        const y = mat[row + kk] * d[dt + kk];
        if (y === 0) continue;
        const kr = kk * n;
        for (let j = 0; j < n; j++) out[row + j] += y * w[kr + j];
        const ys = y * sc;
        const ur = kk * I;
        for (let a = 0; a < I; a++) b[bi + a] += ys * u[ur + a];
      }
    }
    return froNorm(b, rows * I);
  };
  let t = T;
  for (; t >= 1 && T - t < K; t--) {
    xFro[t - 1] = stepBack(m, mNext, n, t * n);
    xSpectral[t - 1] = smallSigmaMax(b, n, I);
    const swap = m;
    m = mNext;
    mNext = swap;
    const f = froNorm(m, n * n);
    hFro[t - 1] = f;
    hSpectral[t - 1] = f === 0 || !Number.isFinite(f) ? f : topSingular(m, n, uvec, 15, tmp);
  }
  if (t >= 1) {
    // m = M_t now (t = T − K). R = Pᵀ·m with P its top-k left singular subspace.
    let r: Float64Array = topLeftBlock(m, n, k);
    let rNext: Float64Array = new Float64Array(k * n);
    for (; t >= 1; t--) {
      xFro[t - 1] = stepBack(r, rNext, k, t * n);
      xSpectral[t - 1] = smallSigmaMax(b, k, I);
      const swap = r;
      r = rNext;
      rNext = swap;
      const f = froNorm(r, k * n);
      hFro[t - 1] = f;
      hSpectral[t - 1] = f === 0 || !Number.isFinite(f) ? f : smallSigmaMaxRows(r, k, n);
    }
  }

  const scaleEig = (l: [number, number]): [number, number] => [l[0] * rho, l[1] * rho];
  const eig = base.eig.map(scaleEig);
  const radius = eig.reduce((r, l) => Math.max(r, Math.hypot(l[0], l[1])), 0);
  const sv = base.sv.map((s) => s * Math.abs(rho));
  const spectrum: MatrixSpectrum = {
    id: 'whh',
    label: '$W_{hh}$',
    eigenvalues: eig,
    singularValues: sv,
    radius,
    sigmaMax: sv[0] ?? 0,
  };
  const outside = eig.filter((l) => Math.hypot(l[0], l[1]) > 1 + 1e-6).length;
  const jacobians: JacobianProfile = {
    T, hSpectral, hFro, xSpectral, xFro,
    // The one-step Jacobian diag(d_t)·W is not drawn in this mode.
    stepRadius: [], stepSigmaMax: [],
  };
  const memory = fitInfluence(xSpectral);
  const t1 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  return { params: p, spectrum, jacobians, memory, outside, ms: t1 - t0 };
}

/** Does a curve fall, stay flat or rise from its start to its end? Slope of log y per step over the finite positive points. */
export function logSlope(values: number[]): number {
  const pts = values.map((v, i) => [i, v] as const).filter(([, v]) => Number.isFinite(v) && v > 0);
  if (pts.length < 2) return NaN;
  const [i0, v0] = pts[0];
  const [i1, v1] = pts[pts.length - 1];
  return (Math.log(v1) - Math.log(v0)) / (i1 - i0);
}
