// Small tensor helpers shared by cells. Pure tfjs-core.
//
// Why the transposes: parameters keep PyTorch's [out, in] layout, but tfjs's WASM matmul is
// 5–15× slower with transposeB (measured here: [32,64]·[64,256], ≈600 µs vs ≈50–120 µs). So a cell
// transposes each weight once per sequence in `prepare`, every step multiplies plainly, and the
// backward pass of that multiply (which tfjs would run as transposed matmuls) uses the original
// weight instead (matMulPrepared).
//
// Why classic cells do not project all timesteps in one matmul up front: slicing that [T, B, 4H]
// tensor back into steps costs a copy of the whole tensor per slice on WASM (its Slice reads the
// full buffer), which made the forward pass 2–3× slower than a per-step input matmul.
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from './types';
import { linearT, matMul2D } from './fused/kernels';

/** Name of the once-per-sequence transposed copy of a weight. */
export const T = (name: string) => `${name}_T`;

/** `prepare` helper: transposed copies of the named [out, in] weights, as [in, out]. */
export function transposeWeights(p: Params, names: readonly string[]): Params {
  const out: Params = {};
  for (const n of names) out[T(n)] = tf.transpose(p[n]);
  return out;
}

/** x Wᵀ + b for every timestep at once: [T, B, I] → [T, B, K], with W given as [K, I]. */
export function projectAll(xs: tf.Tensor3D, w: tf.Tensor, b?: tf.Tensor): tf.Tensor3D {
  return projectAllT(xs, tf.transpose(w), b);
}

/**
 * a · wT (+ bias), where wT = wᵀ was made once per sequence. On WASM its gradient, dA = dY · w and
 * dWᵀ = aᵀ · dY, avoids tfjs's transposed-operand matmuls (WASM's slow path); the result is
 * identical. GPU backends transpose for free, so there the plain fused op (fewer kernels) wins.
 */
export function matMulPrepared(a: tf.Tensor2D, wT: tf.Tensor, w: tf.Tensor, bias?: tf.Tensor, addend?: tf.Tensor2D): tf.Tensor2D {
  // `addend` ([B, out], added last): on WASM folded into the matmul kernel, elsewhere an add.
  if (addend && tf.getBackend() !== 'wasm') return tf.add(addend, matMulPrepared(a, wT, w, bias)) as tf.Tensor2D;
  if (tf.getBackend() !== 'wasm') return tf.fused.matMul({ a, b: wT as tf.Tensor2D, bias }) as tf.Tensor2D;
  const fast = linearT(a, wT as tf.Tensor2D, w, bias, addend);
  if (fast) return fast;
  if (addend) return tf.add(addend, matMulPrepared(a, wT, w, bias)) as tf.Tensor2D;
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [x, m, b] = args.slice(0, -1) as tf.Tensor[];
    // w is saved (kept by the tape until backprop) rather than captured when it may be a tensor
    // made in `prepare` that a tidy would otherwise free before the backward pass runs; a
    // variable (the usual case) lives on, and saving it would cost a kernel per step.
    const keepW = w instanceof tf.Variable;
    save(keepW ? [x] : [x, w]);
    return {
      value: matMul2D(x as tf.Tensor2D, m as tf.Tensor2D, b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const grads = [
          tf.matMul(dy as tf.Tensor2D, (keepW ? w : saved[1]) as tf.Tensor2D),
          tf.matMul(tf.transpose(saved[0]) as tf.Tensor2D, dy as tf.Tensor2D),
        ];
        if (b) grads.push(tf.sum(dy, 0));
        return grads;
      },
    };
  });
  return (bias ? f(a, wT, bias) : f(a, wT)) as tf.Tensor2D;
}

/**
 * GPU backends pay per kernel launch, so there fewer, bigger ops win (even at some wasted flops);
 * on CPU and WASM the flops are the cost.
 */
export const onGpu = () => tf.getBackend() === 'webgl' || tf.getBackend() === 'webgpu';

/**
 * `prepare` helper for cells whose pre-activation is x·W_ihᵀ + h·W_hhᵀ + b: both transposes, and
 * on a GPU backend also the two stacked into one [I + H, K] matrix for xhPreactivation.
 */
export function prepareXH(p: Params, ih = 'weight_ih', hh = 'weight_hh'): Params {
  const out = transposeWeights(p, [ih, hh]);
  if (onGpu()) out[T(`${ih}+${hh}`)] = tf.concat([out[T(ih)], out[T(hh)]], 0);
  return out;
}

/**
 * x·W_ihᵀ + h·W_hhᵀ + bias with the weights made by prepareXH: on a GPU backend one fused matmul
 * of [x; h] (one launch instead of three); on WASM and CPU two matmuls (with the WASM-safe
 * gradient), which measured faster there than concatenating every step.
 */
export function xhPreactivation(x: tf.Tensor2D, h: tf.Tensor2D, p: Params, bias: tf.Tensor, ih = 'weight_ih', hh = 'weight_hh'): tf.Tensor2D {
  const stacked = p[T(`${ih}+${hh}`)];
  if (stacked && onGpu()) {
    return tf.fused.matMul({ a: tf.concat([x, h], 1) as tf.Tensor2D, b: stacked as tf.Tensor2D, bias }) as tf.Tensor2D;
  }
  return matMulPrepared(h, p[T(hh)], p[hh], undefined, matMulPrepared(x, p[T(ih)], p[ih], bias));
}

/** Same as projectAll with the weight already transposed to [I, K]. */
export function projectAllT(xs: tf.Tensor3D, wT: tf.Tensor, b?: tf.Tensor): tf.Tensor3D {
  const [steps, B, I] = xs.shape;
  let y = tf.matMul(tf.reshape(xs, [steps * B, I]) as tf.Tensor2D, wT as tf.Tensor2D);
  if (b) y = tf.add(y, b) as tf.Tensor2D;
  return tf.reshape(y, [steps, B, wT.shape[1] as number]) as tf.Tensor3D;
}

/** h W (+ b) with W already [in, out]: one matmul for all gates of a step. */
export function matMulT(h: tf.Tensor2D, wT: tf.Tensor, b?: tf.Tensor): tf.Tensor2D {
  const y: tf.Tensor2D = tf.matMul(h, wT as tf.Tensor2D);
  return b ? (tf.add(y, b) as tf.Tensor2D) : y;
}

/** Splits [B, n·H] into n [B, H] blocks, in order. */
export function chunk(x: tf.Tensor2D, n: number): tf.Tensor2D[] {
  return tf.split(x, n, 1) as tf.Tensor2D[];
}

export function requireParams(p: Params, names: string[]): void {
  for (const n of names) if (!p[n]) throw new Error(`missing parameter "${n}"`);
}

// The clock state lives in a tfjs-free module so that cell info can use it; re-exported here.
export { CLOCK_STATE } from './info/scales';

/** The counter after one more step. Its gradient is never read (nothing downstream is smooth in it). */
export function tick(clock: tf.Tensor2D): tf.Tensor2D {
  return tf.add(clock, 1) as tf.Tensor2D;
}
