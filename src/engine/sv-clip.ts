// Singular-value clipping (Kanai, Fujiwara & Iwamura 2017, "Preventing Gradient Explosions in
// Gated Recurrent Units", NeurIPS, §4): after every update, W ← U·min(Σ, c)·Vᵀ.
//
// Which matrices. Kanai et al. write the GRU with the reset gate inside the candidate's matmul,
// h̃ = tanh(W_xh x + W_hh(r ⊙ h)), and clip only that W_hh, to c = 2 − δ: by their fixed-point
// analysis, the abrupt changes of the dynamics behind the explosions need ‖W_hh‖₂ > 2. Two scopes,
// the same for every cell: 'all' cuts each 'recurrent' parameter into square H×H blocks, one per
// gate (LSTM's [4H, H] weight_hh is W_hi, W_hf, W_hg, W_ho; GRU's [3H, H] is W_hr, W_hz, W_hn) and
// clips each; 'candidate' clips only the blocks a cell marks as writing the candidate
// (ParamSpec.candidateBlocks: the GRU's W_hn, the matrix Kanai et al. clip — PyTorch applies r
// after it rather than inside, the same matrix — or the LSTM's W_hg); a parameter with no mark is
// all candidate (a gateless cell's W_hh). Under 'all' the gate blocks rarely bind with c near 2
// (under PyTorch's init their spectral norms start near 2/√3).
// A 1-D recurrent parameter (IndRNN's u) is a diagonal matrix: its singular values are |u_i|.
//
// How, without a GPU→CPU round trip per step (see the top of trainer.ts). Per step the clip runs
// in the graph as matrix functions computed by Newton–Schulz iterations (matmuls only, see
// clipBlocks): nothing is read back and nothing branches on data. An exact SVD in JS
// (cells/linalg.ts) runs only where a readback is acceptable: on the initial values and when the
// user changes c, the two moments when many singular values may sit far above c at once.
// Chosen over the alternatives after measuring (tfjs WASM, shared 2-core machine, 4 blocks):
// - deflated power iteration with warm-started vectors: cheap, but after one clip a whole cluster
//   of singular values sits at c and the next update pushes many of them above it; K tracked
//   pairs cannot follow a cluster (σ_max stayed ~5% above c on an H=8 LSTM);
// - an exact JS SVD every step: a readback per step, and more time than the step itself at H ≥ 64;
// - every k steps: σ drifts above c in between, which is what the clip is meant to stop.
// With 12 + 4 iterations the in-graph result is within ~2% of the exact correction and σ_max
// within 0.25% of c after an optimiser-sized step; on WASM an LSTM's four blocks cost ~7 ms at
// H = 32 and ~66 ms at H = 128 (clipped one block at a time there, see oneBlockAtATime).
import * as tf from '@tensorflow/tfjs-core';
import { clipSingularValues } from '../cells/linalg';

export interface SvClipOptions {
  /** Newton–Schulz iterations for sign(WᵀW − c²I). */
  signIterations?: number;
  /** Coupled Newton–Schulz iterations for the inverse square root. */
  sqrtIterations?: number;
}

interface Layout {
  variable: tf.Variable;
  /** Blocks are stacked along rows ([nb·n, n]) or columns ([n, nb·n]); 'diag' for vectors. */
  kind: 'rows' | 'cols' | 'diag';
  nb: number;
  m: number;
  n: number;
  /** The blocks to clip (Kanai et al.'s scope: the candidate's); absent: every block. */
  only?: number[];
}

/** A recurrent parameter, and which of its blocks to clip (absent: all). */
export type ClipTarget = tf.Variable | { variable: tf.Variable; only?: number[] };

export function blockLayout(target: ClipTarget): Layout {
  const variable = target instanceof tf.Variable ? target : target.variable;
  const only = target instanceof tf.Variable ? undefined : target.only;
  const s = variable.shape;
  if (s.length === 1) return { variable, kind: 'diag', nb: 1, m: s[0], n: s[0], only };
  if (s.length !== 2) throw new Error(`svClip: recurrent parameter ${variable.name} has rank ${s.length}`);
  const [r, c] = s;
  if (r % c === 0) return { variable, kind: 'rows', nb: r / c, m: c, n: c, only };
  if (c % r === 0) return { variable, kind: 'cols', nb: c / r, m: r, n: r, only };
  return { variable, kind: 'rows', nb: 1, m: r, n: c, only };
}

const clips = (l: Layout, b: number) => !l.only || l.only.includes(b);

/** [nb, m, n] view of a parameter's blocks, and back. */
function toBlocks(w: tf.Tensor, l: Layout): tf.Tensor3D {
  if (l.kind === 'rows') return tf.reshape(w, [l.nb, l.m, l.n]);
  return tf.transpose(tf.reshape(w, [l.m, l.nb, l.n]), [1, 0, 2]);
}

function fromBlocks(b: tf.Tensor3D, l: Layout): tf.Tensor {
  if (l.kind === 'rows') return tf.reshape(b, l.variable.shape);
  return tf.reshape(tf.transpose(b, [1, 0, 2]), l.variable.shape);
}

/** Blocks of a row-major parameter as separate row-major [m, n] arrays (for the exact JS path). */
export function blocksOf(values: ArrayLike<number>, l: Layout): Float64Array[] {
  const out: Float64Array[] = [];
  const width = l.kind === 'cols' ? l.nb * l.n : l.n;
  for (let b = 0; b < l.nb; b++) {
    const blk = new Float64Array(l.m * l.n);
    for (let i = 0; i < l.m; i++) {
      for (let j = 0; j < l.n; j++) {
        blk[i * l.n + j] = l.kind === 'cols' ? values[i * width + b * l.n + j] : values[(b * l.m + i) * l.n + j];
      }
    }
    out.push(blk);
  }
  return out;
}

/** Exact clip of a parameter's values in JS (Float32 in, Float32 out), block by block. */
export function clipValuesExact(values: Float32Array, l: Layout, c: number): Float32Array {
  if (l.kind === 'diag') return l.only?.length === 0 ? values.slice() : values.map((x) => Math.max(-c, Math.min(c, x)));
  const out = new Float32Array(values.length);
  const width = l.kind === 'cols' ? l.nb * l.n : l.n;
  blocksOf(values, l).forEach((blk, b) => {
    const clipped = clips(l, b) ? clipSingularValues(blk, l.m, l.n, c) : blk;
    for (let i = 0; i < l.m; i++) {
      for (let j = 0; j < l.n; j++) {
        const idx = l.kind === 'cols' ? i * width + b * l.n + j : (b * l.m + i) * l.n + j;
        out[idx] = clipped[i * l.n + j];
      }
    }
  });
  return out;
}

/**
 * WASM's batched matmul is slow for blocks past ~32 × 32 (measured, clip of 4 blocks on a 2-core
 * machine: n = 64 46 ms batched vs 13 ms one by one; n = 128 351 vs 66 ms), while for small
 * blocks the per-op cost wins and one batch is faster. GPU backends keep the batch.
 */
function oneBlockAtATime(n: number): boolean {
  return tf.getBackend() === 'wasm' && n > 32;
}

export class SvClipper {
  private readonly layouts: Layout[];
  private readonly opts: Required<SvClipOptions>;
  /** Warm-started right singular vectors of each parameter's clipped blocks, for sigmaMax(). */
  private readonly vecs = new Map<Layout, tf.Variable>();

  constructor(targets: ClipTarget[], opts: SvClipOptions = {}) {
    // A parameter none of whose blocks is clipped is left out altogether.
    this.layouts = targets.map(blockLayout).filter((l) => l.only === undefined || l.only.length > 0);
    this.opts = { signIterations: 12, sqrtIterations: 4, ...opts };
  }

  /**
   * Exact clip through a readback (dataSync): for moments outside the training loop, the start
   * of a run and a change of c, where many singular values may sit far above c.
   */
  clipExact(c: number): void {
    for (const layout of this.layouts) {
      const v = layout.variable;
      const clipped = clipValuesExact(v.dataSync() as Float32Array, layout, c);
      tf.tidy(() => v.assign(tf.tensor(clipped, v.shape)));
    }
  }

  /**
   * σ_max over the blocks this clipper acts on, in the graph (nothing read back): power iteration
   * on WᵀW, warm-started from the previous call's vectors, so a couple of iterations per training
   * step follow the slowly changing weights. A Rayleigh estimate: never above the true σ_max.
   * null when there is nothing to clip. For the clipping chart (σ_max before and after).
   */
  sigmaMax(iterations = 2): tf.Scalar | null {
    if (this.layouts.length === 0) return null;
    return tf.tidy(() => {
      const parts: tf.Tensor[] = [];
      for (const l of this.layouts) {
        if (l.kind === 'diag') {
          parts.push(tf.max(tf.abs(l.variable)));
          continue;
        }
        const all = toBlocks(l.variable, l);
        const blocks = l.only && l.only.length !== l.nb ? (tf.gather(all, l.only, 0) as tf.Tensor3D) : all;
        let vec = this.vecs.get(l);
        if (!vec) {
          vec = tf.variable(tf.fill([blocks.shape[0], l.n, 1], 1 / Math.sqrt(l.n)), false);
          this.vecs.set(l, vec);
        }
        let x: tf.Tensor3D = vec as unknown as tf.Tensor3D;
        for (let k = 0; k < iterations; k++) {
          x = tf.matMul(blocks, tf.matMul(blocks, x), true, false);
          x = tf.div(x, tf.maximum(tf.norm(x, 'euclidean', [1, 2], true), 1e-30)) as tf.Tensor3D;
        }
        vec.assign(x);
        parts.push(tf.max(tf.norm(tf.matMul(blocks, x), 'euclidean', [1, 2])));
      }
      return tf.max(tf.stack(parts)) as tf.Scalar;
    });
  }

  dispose(): void {
    for (const v of this.vecs.values()) v.dispose();
    this.vecs.clear();
  }

  /**
   * In-graph clip after an update: nothing is read back. Blocks of the same size from every
   * layer and direction go through one batched clip (per op costs dominate for small blocks),
   * except on WASM past 32 × 32, where batched matmuls are the slow part (oneBlockAtATime).
   */
  clip(c: number): void {
    tf.tidy(() => {
      const groups = new Map<string, Layout[]>();
      for (const l of this.layouts) {
        if (l.kind === 'diag') l.variable.assign(tf.clipByValue(l.variable, -c, c));
        else groups.set(`${l.m}x${l.n}`, [...(groups.get(`${l.m}x${l.n}`) ?? []), l]);
      }
      for (const ls of groups.values()) {
        // Only the chosen blocks of each parameter go into the clip; the rest are put back as they were.
        const picked = ls.map((l) => l.only ?? Array.from({ length: l.nb }, (_, b) => b));
        const blocks = ls.map((l, i) => {
          const all = toBlocks(l.variable, l);
          return picked[i].length === l.nb ? all : (tf.gather(all, picked[i], 0) as tf.Tensor3D);
        });
        const all = blocks.length === 1 ? blocks[0] : tf.concat(blocks, 0);
        const clipped = oneBlockAtATime(all.shape[2]) && all.shape[0] > 1
          ? (tf.concat(tf.split(all, all.shape[0], 0).map((b) => clipBlocks(b as tf.Tensor3D, c, this.opts)), 0) as tf.Tensor3D)
          : clipBlocks(all, c, this.opts);
        const parts = ls.length === 1 ? [clipped] : tf.split(clipped, picked.map((p) => p.length), 0);
        ls.forEach((l, i) => {
          let next = parts[i] as tf.Tensor3D;
          if (picked[i].length !== l.nb) {
            const kept = tf.split(toBlocks(l.variable, l), l.nb, 0);
            const fresh = tf.split(next, picked[i].length, 0);
            picked[i].forEach((b, j) => (kept[b] = fresh[j]));
            next = tf.concat(kept, 0) as tf.Tensor3D;
          }
          l.variable.assign(fromBlocks(next, l));
        });
      }
    });
  }
}

/**
 * U·min(Σ, c)·Vᵀ = c · W · max(WᵀW, c²I)^(−1/2), where max acts on eigenvalues:
 * max(A, c²I) = (A + c²I + |A − c²I|)/2 and |X| = X·sign(X). Both matrix functions by
 * Newton–Schulz iterations, which are matmuls only. Where an eigenvalue of WᵀW sits close to c²
 * the sign iteration converges slowly, but there the error is bounded by the (small) distance
 * to c²: an unconverged sign at most halves σ's excess over c instead of removing it.
 */
export function clipBlocks(w: tf.Tensor3D, c: number, opts: Required<SvClipOptions>): tf.Tensor3D {
  return tf.tidy(() => {
    const [nb, , n] = w.shape;
    const eye = tf.broadcastTo(tf.eye(n), [nb, n, n]) as tf.Tensor3D;
    const c2 = c * c;
    const a = tf.matMul(w, w, true, false);
    const x = tf.sub(a, tf.mul(eye, c2)) as tf.Tensor3D;
    // ‖X‖₂ ≤ each of ‖X‖_F, ‖X‖_∞ (X symmetric), max(λ_max(A), c²) ≤ max(‖A‖_∞, c²): take the least.
    const bound = tf.minimum(
      tf.minimum(tf.norm(x, 'euclidean', [1, 2], true), maxRowSum(x)),
      tf.maximum(maxRowSum(a as tf.Tensor3D), c2),
    );
    let s = tf.div(x, tf.maximum(bound, 1e-30)) as tf.Tensor3D;
    for (let k = 0; k < opts.signIterations; k++) {
      s = tf.mul(tf.matMul(s, tf.sub(tf.mul(eye, 3), tf.matMul(s, s))), 0.5) as tf.Tensor3D;
    }
    const m = tf.mul(tf.add(tf.add(a, tf.mul(eye, c2)), tf.matMul(x, s)), 0.5) as tf.Tensor3D;
    // Coupled Newton–Schulz: Y → M̃^(1/2), Z → M̃^(−1/2) for M̃ = M / scale, eigenvalues in (0, 1].
    const scale = tf.minimum(tf.norm(m, 'euclidean', [1, 2], true), maxRowSum(m));
    let y = tf.div(m, scale) as tf.Tensor3D;
    let z = eye;
    for (let k = 0; k < opts.sqrtIterations; k++) {
      const t = tf.mul(tf.sub(tf.mul(eye, 3), tf.matMul(z, y)), 0.5) as tf.Tensor3D;
      y = tf.matMul(y, t);
      z = tf.matMul(t, z);
    }
    // M^(−1/2) = M̃^(−1/2) / √scale.
    return tf.mul(tf.matMul(w, z), tf.div(c, tf.sqrt(scale))) as tf.Tensor3D;
  });
}

function maxRowSum(x: tf.Tensor3D): tf.Tensor {
  return tf.reshape(tf.max(tf.sum(tf.abs(x), 2), 1, true), [x.shape[0], 1, 1]);
}
