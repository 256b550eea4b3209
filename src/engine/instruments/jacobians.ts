// Jacobians through time (issue 10, items 1, 2 and 7) for ANY cell, through the cell interface
// alone: one layer, one direction, batch 1, on a given input sequence.
//
// Notation: s_t is the cell's full state after input x_t (every state it carries, concatenated in
// the order `statesFor` lists them, e.g. the LSTM's (h, c)), s_0 the initial state, z_t the step's
// input (x_t, or the cell's `project`ion of the sequence at t). One step is s_t = F_t(s_{t−1}, z_t).
//
// 1. tfjs: a batch-1 forward pass gives s_0 … s_{T−1}. Then every step is evaluated once more on
//    leaves tile(s_{t−1}, S) and tile(z_t, S) — a batch of S = |s| copies — and one backward pass of
//    Σ_t Σ_b ⟨e_b, F_t(…)[b]⟩ gives, in row b of each leaf's gradient, row b of the step Jacobians
//    J_t = ∂s_t/∂s_{t−1} (S × S) and B_t = ∂s_t/∂z_t (S × K): all T steps' full Jacobians in one
//    backward pass and one read-back (per ROW_BUDGET rows, which bounds the tape's memory). A step
//    that never reads ctx.t during the forward pass (a getter watches it) is the same function at
//    every t, so all those steps go through one call on a batch of steps·S rows (~15 ops instead of
//    ~15 per step). No registered cell reads t any more: Clockwork, FRU and NARX keep a clock in
//    their state (so a resumed run continues it), which the batched leaves carry per step.
// 2. JS (Float64): M_T = [rows of h in s_T], M_{t−1} = M_t · J_t, so M_t = ∂h_T/∂s_t. Its h columns
//    are ∂h_T/∂h_t with the other states at t held fixed ("for the LSTM the rerun from step t starts
//    from (h_t, c_t) and only h_t varies"); M_t · B_t is ∂h_T/∂z_t. A cell with `project` (QRNN's
//    convolution over a window of inputs) gets ∂h_T/∂x_t = Σ_k ∂h_T/∂z_k · ∂z_k/∂x_t from one more
//    backward pass through `project` on a batch of H copies of the sequence.
// 3. Norms: Frobenius exactly; spectral by Golub–Kahan–Lanczos (≤ 16 steps, warm-started from the
//    previous t's top vector; exact for n ≤ 16, a test checks it against ml-matrix's SVD), or with
//    `norms: 'svd'` by ml-matrix's SVD of every matrix. The one-step hidden block
//    ∂h_t/∂h_{t−1} = J_t[h, h]: σ_max likewise, and its
//    spectral radius by src/cells/eigen.ts (eigenvalues only, the ρ control's own code).
//
// Non-finite values are kept (a product that overflows is Infinity, one that underflows is 0).
//
// Measured (Node, tfjs WASM, this project's 2-core machine while parallel test runs kept its load
// average at 4–6, so upper bounds; tests/unit/jacobians.test.ts prints it): LSTM, H = 32, T = 50,
// I = 4: median 130–141 ms wall (best 123 ms, 128 ms of CPU time) in the quieter minutes, 180–250 ms
// in the busiest; about 60 % tfjs and the Float64 products, 40 % norms, most of that the 50 step
// eigenvalue problems. LSTM, H = 64: ~700–1100 ms (the batched step is T·2H = 6400 rows; the
// eigenvalue problems grow as H³).

import * as tf from '@tensorflow/tfjs-core';
import { eigenvalues } from '../../cells/eigen';
import { singularValues } from '../../cells/linalg';
import type { CellDims, CellOptions, CellSpec, Params, State, StepContext } from '../../cells/types';
import { hiddenKeyOf, statesFor, withDefaults } from '../../cells/types';
import type { JacobianProfile } from './types';

export interface JacobianArgs {
  cell: CellSpec;
  /** That layer's parameters, as runLayer receives them (without the _l0 suffix); `prepare` is applied here. */
  params: Params;
  dims: CellDims;
  /** The cell's options; defaults are filled in (and win over dims.options). */
  options: CellOptions;
  /** The input sequence: T rows of I numbers, or T tensors [B, I] of which batch row 0 is used. */
  xs: number[][] | tf.Tensor2D[];
  /** 1-based t at which to return the eigenvalues of ∂h_t/∂h_{t−1}. */
  stepEigAt?: number;
  /** Initial values of some states by id (batch 1), e.g. PyTorch's h0 and c0; the rest from cell.initialState. */
  state0?: Record<string, ArrayLike<number>>;
  /**
   * How spectral norms are computed: 'lanczos' (default; Golub–Kahan–Lanczos, ≤ 16 steps, warm-
   * started; exact for n ≤ 16, within ~1e-6 of the SVD on the 64 × 64 matrices measured) or 'svd'
   * (ml-matrix's SVD of every matrix; several times slower; the CLI uses it).
   */
  norms?: 'lanczos' | 'svd';
  /** Rows per batched backward pass (default ROW_BUDGET); tests set it small to exercise the chunking. */
  rowBudget?: number;
}

/** The raw Jacobians, for tests and the CLI: Float64 row-major. */
export interface JacobianMatrices {
  T: number;
  /** Size of the hidden state h (rows of every matrix below). */
  H: number;
  /** Input size I. */
  I: number;
  /** ∂h_T/∂h_t for t = 0..T, each H × H. */
  dhT_dh: Float64Array[];
  /** ∂h_T/∂x_t for t = 1..T at index t − 1, each H × I. */
  dhT_dx: Float64Array[];
  /** ∂h_t/∂h_{t−1} (hidden block) for t = 1..T at index t − 1, each H × H. */
  step: Float64Array[];
}

async function inputRows(xs: JacobianArgs['xs'], I: number): Promise<Float32Array> {
  const T = xs.length;
  if (xs.every((r) => Array.isArray(r))) {
    const out = new Float32Array(T * I);
    (xs as number[][]).forEach((row, t) => {
      if (row.length !== I) throw new Error(`jacobians: x_${t + 1} has ${row.length} values, the layer reads ${I}`);
      out.set(row, t * I);
    });
    return out;
  }
  const ts = xs as tf.Tensor2D[];
  ts.forEach((r, t) => {
    if (r.shape[1] !== I) throw new Error(`jacobians: x_${t + 1} has ${r.shape[1]} features, the layer reads ${I}`);
  });
  // Batch row 0 of every step, read back once (a GPU backend pays one sync, not T).
  const rows = tf.tidy(() => tf.concat(ts.map((r) => tf.slice(r, [0, 0], [1, I])), 0));
  try {
    return (await rows.data()) as Float32Array;
  } finally {
    rows.dispose();
  }
}

interface StepJacobians {
  /** [T, S, S + K]: row b of [J_t | B_t]. */
  data: Float32Array;
  S: number;
  K: number;
  /** Offset and size of h in the full state. */
  hOff: number;
  H: number;
}

/** Step 1: every step's full Jacobian, from one forward and one batched backward pass. */
/**
 * Rows of one batched backward pass at most (steps × S): bounds the memory the tape holds (an LSTM at
 * H = 128 has S = 256, so 16 steps per pass, ~10–20 MB per intermediate tensor) at the cost of a few
 * more passes for long sequences of large cells.
 */
export const ROW_BUDGET = 4096;

/** Step 1: every step's full Jacobian, from one forward pass and a few batched backward passes. */
async function stepJacobians(
  cell: CellSpec, params: Params, dims: CellDims, x: Float32Array, T: number, state0?: JacobianArgs['state0'],
  rowBudget = ROW_BUDGET,
): Promise<StepJacobians> {
  const I = dims.inputSize;
  const ids = statesFor(cell, dims.options).map((s) => s.id);
  const hk = hiddenKeyOf(cell);
  // The forward pass also finds out whether the step reads ctx.t (no registered cell does: clocks
  // live in the state; a cell that did would be handled too): a step that never does is the same function at every t, so many steps can go through
  // it as one batch of steps·S rows; otherwise each step gets its own call.
  let readsT = false;
  const ctxAt = (t: number): StepContext => {
    const ctx = { dims } as StepContext;
    Object.defineProperty(ctx, 't', { enumerable: true, get: () => ((readsT = true), t) });
    return ctx;
  };
  const fwd = tf.tidy(() => {
    const prep: Params = cell.prepare ? cell.prepare(params, dims) : {};
    const p = { ...params, ...prep };
    const x3 = tf.tensor3d(x, [T, 1, I]);
    const zs = (cell.project ? tf.unstack(cell.project(x3, p, dims)) : tf.unstack(x3)) as tf.Tensor2D[];
    const s0 = cell.initialState(dims, 1, p);
    for (const id of ids) if (!s0[id]) throw new Error(`jacobians: ${cell.id}'s initial state has no '${id}'`);
    for (const [id, v] of Object.entries(state0 ?? {})) {
      if (!s0[id]) throw new Error(`jacobians: ${cell.id} has no state '${id}'`);
      const size = s0[id].shape[1];
      if (v.length !== size) throw new Error(`jacobians: initial ${id} has ${v.length} values, the state has ${size}`);
      s0[id] = tf.tensor2d(Float32Array.from(v), [1, size]);
    }
    const states: State[] = [s0];
    for (let t = 0; t < T - 1; t++) states.push(cell.step(zs[t], states[t], p, ctxAt(t)).state);
    // The last step's output is not needed, but whether it reads t is.
    if (T > 0) cell.step(zs[T - 1], states[T - 1], p, ctxAt(T - 1));
    return { prep, states, zs };
  });
  // The caller's parameters may come back inside (a learned h0 as the initial state): never dispose those.
  const theirs = new Set(Object.values(params).map((t) => t.id));
  const release = () => {
    const all: tf.Tensor[] = [...Object.values(fwd.prep), ...fwd.zs, ...fwd.states.flatMap((st) => Object.values(st))];
    for (const t of new Set(all)) if (!theirs.has(t.id)) t.dispose();
  };
  try {
    const p = { ...params, ...fwd.prep };
    const { states, zs } = fwd;
    const K = zs[0].shape[1];
    const sizes = ids.map((id) => states[0][id].shape[1]);
    const S = sizes.reduce((a, b) => a + b, 0);
    const W = S + K;
    const offs = sizes.map((_, j) => sizes.slice(0, j).reduce((a, b) => a + b, 0));
    const hIdx = ids.indexOf(hk);
    if (hIdx < 0) throw new Error(`jacobians: ${cell.id} carries no '${hk}' state`);
    const data = new Float32Array(T * S * W);
    const chunk = Math.max(1, Math.floor(rowBudget / S));
    for (let t0 = 0; t0 < T; t0 += chunk) {
      const t1 = Math.min(T, t0 + chunk);
      const n = t1 - t0;
      const packed = tf.tidy(() => {
        const eye = tf.eye(S);
        const seeds = ids.map((_, j) => tf.slice(eye, [0, offs[j]], [S, sizes[j]]));
        if (!readsT) {
          // Leaves [n·S, ·]: rows k·S … k·S + S − 1 are S copies of step t0 + k's inputs.
          const leaves: tf.Tensor[] = ids.map((id) => tf.concat(states.slice(t0, t1).map((st) => tf.tile(st[id], [S, 1])), 0));
          leaves.push(tf.concat(zs.slice(t0, t1).map((z) => tf.tile(z, [S, 1])), 0));
          const tiledSeeds = seeds.map((e) => tf.tile(e, [n, 1]));
          const { grads } = tf.engine().gradients(() => {
            const prev: State = {};
            ids.forEach((id, j) => (prev[id] = leaves[j] as tf.Tensor2D));
            const next = cell.step(leaves[ids.length] as tf.Tensor2D, prev, p, { t: t0, dims }).state;
            return tf.addN(ids.map((id, j) => tf.sum(tf.mul(next[id], tiledSeeds[j]))));
          }, leaves, undefined, true);
          const parts = ids.map((_, j) => grads[j] ?? tf.zeros([n * S, sizes[j]]));
          parts.push(grads[ids.length] ?? tf.zeros([n * S, K]));
          return tf.concat(parts, 1);
        }
        const m = ids.length + 1;
        const leaves: tf.Tensor[] = [];
        for (let t = t0; t < t1; t++) {
          for (const id of ids) leaves.push(tf.tile(states[t][id], [S, 1]));
          leaves.push(tf.tile(zs[t], [S, 1]));
        }
        const { grads } = tf.engine().gradients(() => {
          const terms: tf.Scalar[] = [];
          for (let k = 0; k < n; k++) {
            const prev: State = {};
            ids.forEach((id, j) => (prev[id] = leaves[k * m + j] as tf.Tensor2D));
            const next = cell.step(leaves[k * m + ids.length] as tf.Tensor2D, prev, p, { t: t0 + k, dims }).state;
            ids.forEach((id, j) => terms.push(tf.sum(tf.mul(next[id], seeds[j]))));
          }
          return tf.addN(terms);
        }, leaves, undefined, true);
        const rows: tf.Tensor[] = [];
        for (let k = 0; k < n; k++) {
          const parts = ids.map((_, j) => grads[k * m + j] ?? tf.zeros([S, sizes[j]]));
          parts.push(grads[k * m + ids.length] ?? tf.zeros([S, K]));
          rows.push(tf.concat(parts, 1));
        }
        return tf.concat(rows, 0);
      });
      try {
        data.set((await packed.data()) as Float32Array, t0 * S * W);
      } finally {
        packed.dispose();
      }
    }
    return { data, S, K, hOff: offs[hIdx], H: sizes[hIdx] };
  } finally {
    release();
  }
}

/**
 * Lets other tasks run (the worker's messages) when more than 40 ms of plain-JS work went by since the
 * last pause: the products and norms at H = 128 take seconds. Only Float64 arrays are live then.
 */
function pauser(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 40) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

/** Step 2: products in Float64. */
async function matrices(args: JacobianArgs): Promise<JacobianMatrices & { K: number; projected: boolean }> {
  const options = withDefaults(args.cell.options, { ...args.dims.options, ...args.options });
  const dims: CellDims = { ...args.dims, options };
  const { cell } = args;
  const T = args.xs.length;
  const I = dims.inputSize;
  if (T < 1) throw new Error('jacobians: the input sequence is empty');
  const x = await inputRows(args.xs, I);
  const { data, S, K, hOff, H } = await stepJacobians(cell, args.params, dims, x, T, args.state0, args.rowBudget);
  const W = S + K;
  const J = (t: number, i: number, j: number) => data[(t - 1) * S * W + i * W + j];

  const dhT_dh: Float64Array[] = new Array(T + 1);
  const dhT_dz: Float64Array[] = new Array(T);
  const step: Float64Array[] = new Array(T);
  // M = ∂h_T/∂s_t, H × S.
  let m = new Float64Array(H * S);
  for (let i = 0; i < H; i++) m[i * S + hOff + i] = 1;
  let next = new Float64Array(H * S);
  const pause = pauser();
  for (let t = T; t >= 0; t--) {
    await pause();
    const blk = new Float64Array(H * H);
    for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) blk[i * H + j] = m[i * S + hOff + j];
    dhT_dh[t] = blk;
    if (t === 0) break;
    const base = (t - 1) * S * W;
    const bz = new Float64Array(H * K);
    next.fill(0);
    for (let i = 0; i < H; i++) {
      const mi = i * S;
      for (let l = 0; l < S; l++) {
        const a = m[mi + l];
        if (a === 0) continue;
        const row = base + l * W;
        for (let j = 0; j < S; j++) next[mi + j] += a * data[row + j];
        for (let j = 0; j < K; j++) bz[i * K + j] += a * data[row + S + j];
      }
    }
    dhT_dz[t - 1] = bz;
    const sb = new Float64Array(H * H);
    for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) sb[i * H + j] = J(t, hOff + i, hOff + j);
    step[t - 1] = sb;
    [m, next] = [next, m];
  }

  let dhT_dx = dhT_dz;
  if (cell.project) dhT_dx = await throughProjection(cell, args.params, dims, x, T, H, K, dhT_dz);
  return { T, H, I, dhT_dh, dhT_dx, step, K, projected: !!cell.project };
}

/** ∂h_T/∂x_t = Σ_k ∂h_T/∂z_k · ∂z_k/∂x_t, by one backward pass through `project` on H copies of the sequence. */
async function throughProjection(
  cell: CellSpec, params: Params, dims: CellDims, x: Float32Array, T: number, H: number, K: number, dz: Float64Array[],
): Promise<Float64Array[]> {
  const I = dims.inputSize;
  const g = new Float32Array(T * H * K);
  for (let t = 0; t < T; t++) g.set(dz[t], t * H * K);
  const grad = tf.tidy(() => {
    let p = params;
    if (cell.prepare) p = { ...p, ...cell.prepare(p, dims) };
    const xs = tf.tile(tf.tensor3d(x, [T, 1, I]), [1, H, 1]);
    const cot = tf.tensor3d(g, [T, H, K]);
    return tf.grad((v: tf.Tensor) => tf.sum(tf.mul(cell.project!(v as tf.Tensor3D, p, dims), cot)))(xs);
  });
  try {
    const d = await grad.data();
    // grad[t, b, :] = row b of ∂h_T/∂x_t.
    return Array.from({ length: T }, (_, t) => Float64Array.from(d.subarray(t * H * I, (t + 1) * H * I)));
  } finally {
    grad.dispose();
  }
}

/** ‖a‖_F, scaled by max |aᵢ| so that 1e-200 or 1e200 entries neither underflow nor overflow; NaN/∞ kept. */
export function frobenius(a: Float64Array): number {
  let big = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]);
    if (!(x <= big)) big = x; // NaN lands here too and stays
    if (Number.isNaN(x)) return NaN;
  }
  if (big === 0 || !Number.isFinite(big)) return big;
  let s = 0;
  const inv = 1 / big;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] * inv;
    s += x * x;
  }
  return big * Math.sqrt(s);
}

/** Steps of Golub–Kahan–Lanczos bidiagonalisation in sigmaMax (all of them for n ≤ 16: then exact). */
export const LANCZOS_STEPS = 16;

/** Gram–Schmidt of w against the unit vectors in `basis`, twice (enough for full reorthogonalisation). */
function orthogonalise(w: Float64Array, basis: Float64Array[]): void {
  const n = w.length;
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < basis.length; k++) {
      const b = basis[k];
      let d = 0;
      for (let i = 0; i < n; i++) d += b[i] * w[i];
      for (let i = 0; i < n; i++) w[i] -= d * b[i];
    }
  }
}

/** Euclidean norm of a unit-scale vector (no scaling pass). */
function norm2(w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * w[i];
  return Math.sqrt(s);
}

function normalised(w: Float64Array, norm: number): Float64Array {
  const inv = 1 / norm;
  for (let i = 0; i < w.length; i++) w[i] *= inv;
  return w;
}

/** A unit vector orthogonal to `basis` (after a breakdown), or null when the basis spans everything. */
function freshVector(n: number, basis: Float64Array[]): Float64Array | null {
  for (let e = 0; e < n; e++) {
    const w = new Float64Array(n);
    w[e] = 1;
    orthogonalise(w, basis);
    const nw = frobenius(w);
    if (nw > 1e-6) return w.map((x) => x / nw);
  }
  return null;
}

/**
 * σ_max of a rows × cols matrix (row-major) by Golub–Kahan–Lanczos bidiagonalisation with full
 * reorthogonalisation: min(rows, cols, LANCZOS_STEPS) steps from the start vector `v` (length cols),
 * then the largest singular value of the small bidiagonal matrix (bisection). Its Ritz values
 * converge far faster than power iteration where the top singular values cluster, never exceed
 * σ_max, and with n ≤ 16 steps cover the whole space (exact). `v`, when given, is left holding the
 * top right singular vector's estimate: the warm start for the next, similar, matrix. The matrix is
 * scaled to ‖A‖_F = 1 first, so products of huge or tiny Jacobians neither overflow nor underflow.
 */
export function sigmaMax(a: Float64Array, rows: number, cols: number, v?: Float64Array, fro = frobenius(a)): number {
  if (fro === 0 || !Number.isFinite(fro)) return fro;
  const inv = 1 / fro;
  let start = v && v.length === cols ? Float64Array.from(v) : new Float64Array(cols);
  let ns = frobenius(start);
  if (!(ns > 0) || !Number.isFinite(ns)) {
    // A deterministic start with a component along every direction.
    start = Float64Array.from({ length: cols }, (_, j) => 1 + 0.1 * Math.sin(7 * j + 1));
    ns = frobenius(start);
  }
  for (let j = 0; j < cols; j++) start[j] /= ns;
  const k = Math.min(rows, cols, LANCZOS_STEPS);
  const V: Float64Array[] = [start];
  const U: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  const TINY = 1e-13;
  for (let j = 0; j < k; j++) {
    // p = A v_j − β_{j−1} u_{j−1}
    const vj = V[j];
    const p = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let acc = 0;
      const r = i * cols;
      for (let c = 0; c < cols; c++) acc += a[r + c] * vj[c];
      p[i] = acc * inv;
    }
    orthogonalise(p, U);
    let al = norm2(p);
    let uj: Float64Array | null;
    if (al > TINY) uj = normalised(p, al);
    else {
      al = 0;
      uj = freshVector(rows, U);
    }
    if (!uj) break;
    U.push(uj);
    alpha.push(al);
    if (j === k - 1) break;
    // w = Aᵀ u_j − α_j v_j
    const w = new Float64Array(cols);
    for (let i = 0; i < rows; i++) {
      const ui = uj[i] * inv;
      if (ui === 0) continue;
      const r = i * cols;
      for (let c = 0; c < cols; c++) w[c] += a[r + c] * ui;
    }
    orthogonalise(w, V);
    let be = norm2(w);
    let next: Float64Array | null;
    if (be > TINY) next = normalised(w, be);
    else {
      be = 0;
      next = freshVector(cols, V);
    }
    if (!next) break;
    beta.push(be);
    V.push(next);
  }
  // σ_max(B)² is the largest eigenvalue of the tridiagonal T = BᵀB (B upper bidiagonal: α on the
  // diagonal, β above): diagonal α_j² + β_{j−1}², off-diagonal α_j β_j. Bisection on Sturm counts
  // finds it to rounding accuracy in O(m) per step.
  const m = alpha.length;
  const d = new Float64Array(m);
  const e = new Float64Array(Math.max(m - 1, 0));
  for (let j = 0; j < m; j++) {
    d[j] = alpha[j] * alpha[j] + (j > 0 ? beta[j - 1] * beta[j - 1] : 0);
    if (j + 1 < m) e[j] = alpha[j] * beta[j];
  }
  const lambda = largestTridiagonalEigenvalue(d, e);
  if (v && v.length === cols) {
    const y = tridiagonalEigenvector(d, e, lambda);
    if (y) {
      v.fill(0);
      for (let j = 0; j < m; j++) for (let c = 0; c < cols; c++) v[c] += y[j] * V[j][c];
    }
  }
  return Math.sqrt(lambda) * fro;
}

/** Number of eigenvalues of the symmetric tridiagonal (d, e) below x (Sturm sequence of LDLᵀ pivots). */
function sturmCount(d: Float64Array, e: Float64Array, x: number): number {
  let count = 0;
  let q = 1;
  for (let j = 0; j < d.length; j++) {
    q = d[j] - x - (j > 0 ? (e[j - 1] * e[j - 1]) / q : 0);
    if (q === 0) q = -1e-300;
    if (q < 0) count++;
  }
  return count;
}

/** The largest eigenvalue of a positive semi-definite symmetric tridiagonal matrix, by bisection. */
function largestTridiagonalEigenvalue(d: Float64Array, e: Float64Array): number {
  const m = d.length;
  let hi = 0;
  for (let j = 0; j < m; j++) hi = Math.max(hi, d[j] + (j > 0 ? Math.abs(e[j - 1]) : 0) + (j < m - 1 ? Math.abs(e[j]) : 0));
  let lo = 0;
  for (let j = 0; j < m; j++) lo = Math.max(lo, d[j]); // λ_max ≥ every diagonal entry
  for (let it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
    const mid = 0.5 * (lo + hi);
    if (sturmCount(d, e, mid) === m) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Its eigenvector by two steps of inverse iteration (Thomas algorithm); null if that breaks down. */
function tridiagonalEigenvector(d: Float64Array, e: Float64Array, lambda: number): Float64Array | null {
  const m = d.length;
  const shift = lambda * (1 + 1e-10) + 1e-300;
  let y = new Float64Array(m).fill(1);
  const c = new Float64Array(m);
  const z = new Float64Array(m);
  for (let it = 0; it < 2; it++) {
    // Solve (T − shift·I) z = y.
    let piv = d[0] - shift;
    if (piv === 0) piv = 1e-300;
    c[0] = m > 1 ? e[0] / piv : 0;
    z[0] = y[0] / piv;
    for (let j = 1; j < m; j++) {
      piv = d[j] - shift - e[j - 1] * c[j - 1];
      if (piv === 0) piv = 1e-300;
      c[j] = j < m - 1 ? e[j] / piv : 0;
      z[j] = (y[j] - e[j - 1] * z[j - 1]) / piv;
    }
    for (let j = m - 2; j >= 0; j--) z[j] -= c[j] * z[j + 1];
    const nz = frobenius(z);
    if (!(nz > 0) || !Number.isFinite(nz)) return null;
    y = z.map((x) => x / nz);
  }
  return y;
}

/** σ_max by ml-matrix's SVD, on the matrix scaled to ‖A‖_F = 1 (no overflow or underflow); 0 and non-finite kept. */
export function exactSigmaMax(a: Float64Array, rows: number, cols: number, fro = frobenius(a)): number {
  if (fro === 0 || !Number.isFinite(fro)) return fro;
  return singularValues(a.map((x) => x / fro), rows, cols)[0] * fro;
}

/** Eigenvalues as [re, im] pairs; NaN pairs for a non-finite matrix or (never seen) a QR that fails to converge. */
function eigenPairs(a: Float64Array, n: number): [number, number][] {
  const nan = () => Array.from({ length: n }, () => [NaN, NaN] as [number, number]);
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return nan();
  try {
    const { re, im } = eigenvalues(a, n);
    return Array.from(re, (r, i) => [r, im[i]] as [number, number]);
  } catch {
    return nan();
  }
}

function radius(a: Float64Array, n: number): number {
  let r = 0;
  for (const [re, im] of eigenPairs(a, n)) r = Math.max(r, Math.hypot(re, im));
  return r;
}

/** The raw Jacobian matrices (Float64), for the CLI and the tests. */
export async function jacobianMatrices(args: JacobianArgs): Promise<JacobianMatrices> {
  const { T, H, I, dhT_dh, dhT_dx, step } = await matrices(args);
  return { T, H, I, dhT_dh, dhT_dx, step };
}

/** Norms of the Jacobians through time on one sequence (see the header). */
export async function jacobianProfile(args: JacobianArgs): Promise<JacobianProfile> {
  const { T, H, I, dhT_dh, dhT_dx, step } = await matrices(args);
  const hSpectral = new Array<number>(T + 1);
  const hFro = new Array<number>(T + 1);
  const xSpectral = new Array<number>(T);
  const xFro = new Array<number>(T);
  const stepRadius = new Array<number>(T);
  const stepSigmaMax = new Array<number>(T);
  const vh = new Float64Array(H);
  const vx = new Float64Array(I);
  const vs = new Float64Array(H);
  const exact = args.norms === 'svd';
  const top = (a: Float64Array, rows: number, cols: number, v: Float64Array, fro: number) =>
    exact ? exactSigmaMax(a, rows, cols, fro) : sigmaMax(a, rows, cols, v, fro);
  const pause = pauser();
  for (let t = T; t >= 0; t--) {
    await pause();
    hFro[t] = frobenius(dhT_dh[t]);
    hSpectral[t] = top(dhT_dh[t], H, H, vh, hFro[t]);
    if (t === 0) break;
    xFro[t - 1] = frobenius(dhT_dx[t - 1]);
    xSpectral[t - 1] = top(dhT_dx[t - 1], H, I, vx, xFro[t - 1]);
    stepSigmaMax[t - 1] = top(step[t - 1], H, H, vs, frobenius(step[t - 1]));
    stepRadius[t - 1] = radius(step[t - 1], H);
  }
  const profile: JacobianProfile = { T, hSpectral, hFro, xSpectral, xFro, stepRadius, stepSigmaMax };
  const at = args.stepEigAt;
  if (at !== undefined && at >= 1 && at <= T) {
    const t = Math.round(at);
    profile.stepEigenvalues = { t, eigenvalues: eigenPairs(step[t - 1], H) };
  }
  return profile;
}
