// Singular-value clipping's in-graph cost per training step: every W_hh block of an LSTM (four
// H × H blocks) clipped as one batch and one block at a time, on the active backend. Backs the
// choice in src/engine/sv-clip.ts (oneBlockAtATime): on WASM the batch loses past 32 × 32.
import * as tf from '@tensorflow/tfjs';
import { clipBlocks } from '../src/engine/sv-clip';

export interface SvClipResult {
  backend: string;
  hidden: number;
  blocks: number;
  batchedMs: number;
  oneByOneMs: number;
}

async function time(f: () => tf.Tensor, reps: number): Promise<number> {
  for (let k = 0; k < 2; k++) {
    const r = f();
    await r.data();
    r.dispose();
  }
  const t0 = performance.now();
  for (let k = 0; k < reps; k++) {
    const r = f();
    await r.data();
    r.dispose();
  }
  return (performance.now() - t0) / reps;
}

export async function svClipBench(hidden: number[], log: (s: string) => void): Promise<SvClipResult[]> {
  const opts = { signIterations: 12, sqrtIterations: 4 };
  const out: SvClipResult[] = [];
  for (const H of hidden) {
    const blocks = 4;
    const w = tf.randomNormal([blocks, H, H], 0, 1 / Math.sqrt(H), 'float32', 3) as tf.Tensor3D;
    const reps = H >= 128 ? 3 : 6;
    const batchedMs = await time(() => clipBlocks(w, 1, opts), reps);
    const oneByOneMs = await time(() => tf.tidy(() => tf.concat(tf.split(w, blocks, 0).map((b) => clipBlocks(b as tf.Tensor3D, 1, opts)), 0)), reps);
    w.dispose();
    const r = { backend: tf.getBackend(), hidden: H, blocks, batchedMs, oneByOneMs };
    log(`${r.backend} sv-clip H=${H} ×${blocks}: batched ${batchedMs.toFixed(1)} ms, one by one ${oneByOneMs.toFixed(1)} ms`);
    out.push(r);
  }
  return out;
}
