// The timing behind the automatic backend choice (backend.ts): one small LSTM-like training step
// (B 32, H 64, I 8, T 10: a fused gate matmul, the gate nonlinearities and the state update per
// time step, then the gradient of a loss through all of it), the cost model of a real step (many
// small kernels, a few matmuls) at a fraction of its size. The first run compiles shaders and is
// not counted; a backend whose first run alone took the whole budget is not timed further (a
// software GPU compiling for seconds); otherwise one more run, and more while they fit the
// budget, at most 3; the best one counts.
import * as tf from '@tensorflow/tfjs-core';

const B = 32;
const H = 64;
const I = 8;
const T = 10;

export interface StepTiming {
  /** Best timed run (ms); null when the first run alone used up the budget. */
  ms: number | null;
  /** The first (compiling) run, reported only when no timed run fitted. */
  firstMs?: number;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** One forward + backward pass on the active backend, read back so a GPU has really finished. */
async function runOnce(w: tf.Tensor2D, xs: tf.Tensor3D): Promise<void> {
  const grad = tf.tidy(() => {
    const loss = (weights: tf.Tensor2D) => {
      let h = tf.zeros([B, H]) as tf.Tensor2D;
      let c = tf.zeros([B, H]) as tf.Tensor2D;
      for (let t = 0; t < T; t++) {
        const x = tf.reshape(tf.slice(xs, [t, 0, 0], [1, B, I]), [B, I]) as tf.Tensor2D;
        const z = tf.matMul(tf.concat([x, h], 1), weights);
        const [i, f, g, o] = tf.split(z, 4, 1);
        c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
        h = tf.mul(tf.sigmoid(o), tf.tanh(c));
      }
      return tf.mean(tf.square(h)) as tf.Scalar;
    };
    return tf.grad((x: tf.Tensor) => loss(x as tf.Tensor2D))(w);
  });
  try {
    await grad.data();
  } finally {
    grad.dispose();
  }
}

export async function timeTrainingStep(budgetMs: number): Promise<StepTiming> {
  const w = tf.randomNormal([I + H, 4 * H], 0, 0.1, 'float32', 1) as tf.Tensor2D;
  const xs = tf.randomNormal([T, B, I], 0, 1, 'float32', 2) as tf.Tensor3D;
  try {
    const start = now();
    await runOnce(w, xs);
    const firstMs = now() - start;
    let best = Infinity;
    for (let rep = 0; rep < 3 && firstMs < budgetMs; rep++) {
      // After the first timed run, another only while one more (as fast as the best) still fits.
      if (rep > 0 && now() - start + best > budgetMs) break;
      const t0 = now();
      await runOnce(w, xs);
      best = Math.min(best, now() - t0);
    }
    return Number.isFinite(best) ? { ms: round(best) } : { ms: null, firstMs: round(firstMs) };
  } finally {
    w.dispose();
    xs.dispose();
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
