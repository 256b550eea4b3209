// Small tensor helpers shared by cells. Pure tfjs-core.
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from './types';

/** x Wᵀ + b for every timestep at once: [T, B, I] → [T, B, K], W stored PyTorch-style as [K, I]. */
export function projectAll(xs: tf.Tensor3D, w: tf.Tensor, b?: tf.Tensor): tf.Tensor3D {
  const [T, B, I] = xs.shape;
  let y = tf.matMul(tf.reshape(xs, [T * B, I]) as tf.Tensor2D, w as tf.Tensor2D, false, true);
  if (b) y = tf.add(y, b) as tf.Tensor2D;
  return tf.reshape(y, [T, B, w.shape[0]]) as tf.Tensor3D;
}

/** h Wᵀ (+ b): one matmul for all gates of a step. */
export function linear(h: tf.Tensor2D, w: tf.Tensor, b?: tf.Tensor): tf.Tensor2D {
  const y = tf.matMul(h, w as tf.Tensor2D, false, true);
  return b ? (tf.add(y, b) as tf.Tensor2D) : y;
}

/** Splits [B, n·H] into n [B, H] blocks, in order. */
export function chunk(x: tf.Tensor2D, n: number): tf.Tensor2D[] {
  return tf.split(x, n, 1) as tf.Tensor2D[];
}

export function requireParams(p: Params, names: string[]): void {
  for (const n of names) if (!p[n]) throw new Error(`missing parameter "${n}"`);
}
