// Fused element-wise steps of the classic cells: the kernel names (the contract every backend file
// implements, see the list below), the op wrappers the cells call, and their gradients.
//
// Why: on WASM (and on a GPU) a training step pays ~15–20 µs of fixed cost per kernel, and the
// op-by-op LSTM step runs ~40 small kernels forward and backward. One kernel for the whole
// element-wise part of a step (gates and state update), and one for its gradient, removes most of
// them. The matmuls stay ordinary tfjs ops.
//
// Contract (all float32, row-major, [B, n]; H = hidden size):
//   AtlasLstmCell      {z [B,4H] (i|f|g|o), c [B,H]}          → [h, c, i, f, g, o]
//   AtlasLstmCellGrad  {dh, dc, i, f, g, o, c, cPrev}         → [dz [B,4H], dcPrev]
//   AtlasGruCell       {gx [B,3H], gh [B,3H] (r|z|n), h}      → [h, r, z, n]
//   AtlasGruCellGrad   {dh, r, z, n, hPrev, gh}               → [dgx, dgh, dhPrev]
//   AtlasRnnCell       {a, b} attr {activation}               → [h = act(a + b)]
//   AtlasRnnCellGrad   {dh, h} attr {activation}              → [dpre]
// The gate outputs are for the views. A gradient reaching them (nothing in the app does that
// today) is added here with ordinary ops, so a backend only implements the kernels above.
import * as tf from '@tensorflow/tfjs-core';

export const LSTM_CELL = 'AtlasLstmCell';
export const LSTM_CELL_GRAD = 'AtlasLstmCellGrad';
export const GRU_CELL = 'AtlasGruCell';
export const GRU_CELL_GRAD = 'AtlasGruCellGrad';
export const RNN_CELL = 'AtlasRnnCell';
export const RNN_CELL_GRAD = 'AtlasRnnCellGrad';

/**
 * Not part of the cell contract: a plain 2-D a·b (+ bias [n]) (+ addend [B, n]) as ONE kernel on
 * WASM, where tf.fused.matMul runs five (its own custom gradient, three reshapes to 3-D and back,
 * the matmul). Its gradient (below) needs the untransposed weight, which linearT registers; inside
 * matMulPrepared's custom gradient (matMul2D) the tape is off and that gradient never runs.
 */
export const MATMUL_2D = 'AtlasMatMul2D';

export type RnnActivation = 'tanh' | 'relu';

let enabled = true;
const toggles: ((on: boolean) => void)[] = [];

/**
 * Switches everything in this folder off (false) or back on: the fused steps, the one-kernel
 * matmul and a backend file's replacements of the backend's own kernels (wasm.ts), so "off" is the
 * op-by-op step exactly as it ran before them. For the bench's "before" profile and the tests
 * that compare the two; the app leaves it on.
 */
export function setFusedEnabled(on: boolean): void {
  if (on === enabled) return;
  enabled = on;
  for (const t of toggles) t(on);
}

/** A backend file's hook, called with the new setting whenever setFusedEnabled changes it. */
export function onFusedToggle(fn: (on: boolean) => void): void {
  toggles.push(fn);
}

export function fusedEnabled(): boolean {
  return enabled;
}

const firstUse = new Map<string, () => void>();

/**
 * Runs `fn` once, the first time a fused step is asked for on `backend`: by then the backend's
 * package has registered its own kernels (so a backend file can wrap one of them).
 */
export function onFirstFusedUse(backend: string, fn: () => void): void {
  firstUse.set(backend, fn);
}

/** True when the forward kernel and its gradient both exist for the active backend. */
export function hasFused(kernelName: string): boolean {
  if (!enabled) return false;
  const backend = tf.getBackend();
  const hook = firstUse.get(backend);
  if (hook) {
    firstUse.delete(backend);
    hook();
  }
  return tf.getKernel(kernelName, backend) != null && tf.getKernel(`${kernelName}Grad`, backend) != null;
}

/** Runs a kernel; always a list (the engine returns a lone tensor for a one-output kernel). */
function run(name: string, inputs: tf.NamedTensorMap, attrs: Record<string, string> = {}): tf.Tensor2D[] {
  const out = tf.engine().runKernel(name, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor2D | tf.Tensor2D[];
  return Array.isArray(out) ? out : [out];
}

/** a·b (+ bias) in one kernel where the backend has MATMUL_2D, else tf.fused.matMul. */
export function matMul2D(a: tf.Tensor2D, b: tf.Tensor2D, bias?: tf.Tensor): tf.Tensor2D {
  if (!enabled || !tf.getKernel(MATMUL_2D, tf.getBackend())) return tf.fused.matMul({ a, b, bias }) as tf.Tensor2D;
  return run(MATMUL_2D, bias ? { a, b, bias } : { a, b })[0];
}

// The weights a MATMUL_2D gradient multiplies by, by tensor id (see linearT): a kernel's gradient
// only gets saved copies of its inputs and outputs, and copying a weight every step is what this
// avoids. Variables only; entries of disposed ones are dropped as the map grows.
const weights = new Map<number, tf.Tensor>();

function rememberWeight(w: tf.Tensor): number {
  if (weights.size > 256) for (const [id, t] of weights) if (t.isDisposed) weights.delete(id);
  weights.set(w.id, w);
  return w.id;
}

/**
 * x · wT (+ bias) where wT = wᵀ was made once per sequence and w is a variable, as ONE kernel with
 * a gradient that differentiates only what the loss needs: dx = dy · w (no transposed operand,
 * WASM's slow path), dwT = xᵀ · dy, dbias = Σ dy. A custom gradient (tf.customGrad) would add a
 * wrapper and a saved copy per call and compute dx even for the network's input. Null where the
 * fast path does not apply (not WASM, switched off, w not a variable): the caller uses its own.
 */
export function linearT(x: tf.Tensor2D, wT: tf.Tensor2D, w: tf.Tensor, bias?: tf.Tensor, addend?: tf.Tensor2D): tf.Tensor2D | null {
  if (!enabled || !(w instanceof tf.Variable) || !tf.getKernel(MATMUL_2D, tf.getBackend())) return null;
  const inputs: tf.NamedTensorMap = { a: x, b: wT };
  if (bias) inputs.bias = bias;
  if (addend) inputs.addend = addend;
  return tf.engine().runKernel(MATMUL_2D, inputs, { weight: rememberWeight(w) } as unknown as tf.NamedAttrMap) as tf.Tensor2D;
}

tf.registerGradient({
  kernelName: MATMUL_2D,
  inputsToSave: ['a'],
  gradFunc: (dy, saved, attrs) => {
    const [a] = saved;
    const g = dy as tf.Tensor2D;
    const w = weights.get(Number((attrs as { weight?: number }).weight));
    return {
      a: () => {
        if (!w || w.isDisposed) throw new Error(`${MATMUL_2D}: its weight was disposed before the backward pass`);
        return tf.matMul(g, w as tf.Tensor2D);
      },
      b: () => tf.matMul(tf.transpose(a) as tf.Tensor2D, g),
      bias: () => tf.sum(g, 0),
      // Its own tensor (sharing dy's memory): the tape may add to and dispose one input's gradient.
      addend: () => tf.reshape(g, g.shape),
    };
  },
});

export interface LstmCellOut { h: tf.Tensor2D; c: tf.Tensor2D; i: tf.Tensor2D; f: tf.Tensor2D; g: tf.Tensor2D; o: tf.Tensor2D }
export interface GruCellOut { h: tf.Tensor2D; r: tf.Tensor2D; z: tf.Tensor2D; n: tf.Tensor2D }

export function lstmCell(z: tf.Tensor2D, c: tf.Tensor2D): LstmCellOut {
  const [h, cNew, i, f, g, o] = run(LSTM_CELL, { z, c });
  return { h, c: cNew, i, f, g, o };
}

export function gruCell(gx: tf.Tensor2D, gh: tf.Tensor2D, h: tf.Tensor2D): GruCellOut {
  const [hNew, r, z, n] = run(GRU_CELL, { gx, gh, h });
  return { h: hNew, r, z, n };
}

export function rnnCell(a: tf.Tensor2D, b: tf.Tensor2D, activation: RnnActivation): tf.Tensor2D {
  return run(RNN_CELL, { a, b }, { activation })[0];
}

/**
 * The tape hands a multi-output kernel's gradient a zero tensor for every output that does not
 * reach the loss (tfjs-core engine.addTapeNode), so "no gradient reached this gate" looks like a
 * tensor of zeros, freshly written from the CPU. Read where it lies without a GPU read-back: the
 * WASM heap, the CPU backend's array, or the CPU-side copy a WebGL/WebGPU backend keeps of data
 * written from JS until it is first used. Anything else counts as non-zero: the gate terms are
 * then added, which is correct either way, only slower.
 */
function isZero(t: tf.Tensor): boolean {
  type Store = { get(id: unknown): { values?: unknown } | undefined };
  const backend = tf.backend() as unknown as {
    typedArrayFromHeap?: (t: tf.TensorInfo) => ArrayLike<number>;
    data?: Store; texData?: Store; tensorMap?: Store;
  };
  let v: unknown;
  if (tf.getBackend() === 'wasm') v = backend.typedArrayFromHeap?.(t);
  else v = (backend.data ?? backend.texData ?? backend.tensorMap)?.get(t.dataId)?.values;
  if (!(v instanceof Float32Array)) return false;
  for (let k = 0; k < v.length; k++) if (v[k] !== 0) return false;
  return true;
}

/** σ'(s) written with σ's value: s(1 − s). */
const dSigmoid = (s: tf.Tensor) => tf.mul(s, tf.sub(1, s));
/** tanh'(u) written with tanh's value: 1 − u². */
const dTanh = (u: tf.Tensor) => tf.sub(1, tf.square(u));

tf.registerGradient({
  kernelName: LSTM_CELL,
  inputsToSave: ['c'],
  outputsToSave: [false, true, true, true, true, true],
  gradFunc: (dy, saved) => {
    const [dh, dc, di, df, dg, dO] = dy as tf.Tensor[];
    const [cPrev, c, i, f, g, o] = saved;
    const [dz, dcPrev] = run(LSTM_CELL_GRAD, { dh, dc, i, f, g, o, c, cPrev });
    const gateTerms = [di, df, dg, dO].some((d) => !isZero(d));
    return {
      z: () => gateTerms
        ? tf.add(dz, tf.concat([tf.mul(di, dSigmoid(i)), tf.mul(df, dSigmoid(f)), tf.mul(dg, dTanh(g)), tf.mul(dO, dSigmoid(o))], 1))
        : dz,
      c: () => dcPrev,
    };
  },
});

tf.registerGradient({
  kernelName: GRU_CELL,
  inputsToSave: ['h', 'gh'],
  outputsToSave: [false, true, true, true],
  gradFunc: (dy, saved) => {
    const [dh, dr, dzg, dn] = dy as tf.Tensor[];
    const [hPrev, gh, r, z, n] = saved;
    const [dgx, dgh, dhPrev] = run(GRU_CELL_GRAD, { dh, r, z, n, hPrev, gh });
    if ([dr, dzg, dn].every(isZero)) return { gx: () => dgx, gh: () => dgh, h: () => dhPrev };
    // A gradient on a gate output: r and z feed gx and gh alike; n's pre-activation is
    // gx_n + r·gh_n, so its term reaches gh_n scaled by r, and r through gh_n.
    const H = r.shape[1] as number;
    const ghN = tf.slice(gh, [0, 2 * H], [-1, H]);
    const an = tf.mul(dn, dTanh(n));
    const ar = tf.add(tf.mul(dr, dSigmoid(r)), tf.mul(tf.mul(an, ghN), dSigmoid(r)));
    const az = tf.mul(dzg, dSigmoid(z));
    return {
      gx: () => tf.add(dgx, tf.concat([ar, az, an], 1)),
      gh: () => tf.add(dgh, tf.concat([ar, az, tf.mul(an, r)], 1)),
      h: () => dhPrev,
    };
  },
});

tf.registerGradient({
  kernelName: RNN_CELL,
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [dpre] = run(RNN_CELL_GRAD, { dh: dy as tf.Tensor, h: saved[0] }, { activation: String((attrs as { activation?: string }).activation ?? 'tanh') });
    // Two tensors, not one twice: the tape may add to and dispose one input's gradient.
    return { a: () => dpre, b: () => tf.reshape(dpre, dpre.shape) };
  },
});
