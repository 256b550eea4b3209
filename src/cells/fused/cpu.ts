// The fused cell kernels for tfjs's CPU backend, and the gradient loops the WASM backend (wasm.ts)
// also runs, on views of its heap. One pass over [B, H] per kernel. Forward, every value is
// rounded to float32 where the op-by-op step stores a tensor, in the same order of operations, so
// the forward values equal the op-by-op step's (the CPU backend's σ and tanh are Math.exp and
// Math.tanh too); so do the gradients (see the gradient loops).
import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { GRU_CELL, GRU_CELL_GRAD, LSTM_CELL, LSTM_CELL_GRAD, RNN_CELL, RNN_CELL_GRAD } from './kernels';

type F32 = Float32Array;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Writes h, c and the gates i, f, g, o ([B, H] each) from z [B, 4H] and c_{t−1}. */
export function lstmLoop(B: number, H: number, z: F32, cPrev: F32, h: F32, c: F32, i: F32, f: F32, g: F32, o: F32): void {
  for (let b = 0; b < B; b++) {
    const zr = b * 4 * H;
    const r = b * H;
    for (let k = 0; k < H; k++) {
      const ik = sigmoid(z[zr + k]);
      const fk = sigmoid(z[zr + H + k]);
      const gk = Math.tanh(z[zr + 2 * H + k]);
      const ok = sigmoid(z[zr + 3 * H + k]);
      // Rounded to float32 where the op-by-op step stores a tensor, so c and h match it exactly
      // given the same gates.
      const iq = Math.fround(ik), fq = Math.fround(fk), gq = Math.fround(gk), oq = Math.fround(ok);
      const ck = Math.fround(Math.fround(fq * cPrev[r + k]) + Math.fround(iq * gq));
      i[r + k] = iq; f[r + k] = fq; g[r + k] = gq; o[r + k] = oq;
      c[r + k] = ck;
      h[r + k] = oq * Math.fround(Math.tanh(ck));
    }
  }
}

// The gradient loops replay the op-by-op step's backward pass operation for operation, each
// product and sum rounded to float32 where tfjs's gradient functions store one (Mul: dy·b;
// Sigmoid: dy·(y·(1 − y)); Tanh: (1 − y²)·dy; Relu: dy·step(x); a tensor read twice gets the sum of
// its two gradients, the later consumer's first), so the gradients, and a whole training run,
// equal the op-by-op step's bit for bit. The lesson tests read numbers off 300-step runs.
const fr = Math.fround;
/** σ'(s)·dy as tfjs's Sigmoid gradient rounds it. */
const dSig = (dy: number, s: number) => fr(dy * fr(s * fr(1 - s)));
/** tanh'(u)·dy as tfjs's Tanh gradient rounds it. */
const dTanh = (dy: number, u: number) => fr(fr(1 - fr(u * u)) * dy);

/**
 * dz [B, 4H] and dc_{t−1} from dh, dc and what the forward kernel saved. `tanhC`: tanh(c) when the
 * caller has it (the WASM kernel gets it from the backend's own Tanh), else computed here.
 */
export function lstmGradLoop(
  B: number, H: number, dh: F32, dc: F32, i: F32, f: F32, g: F32, o: F32, c: F32, cPrev: F32, dz: F32, dcPrev: F32,
  tanhC: F32 | null = null,
): void {
  for (let b = 0; b < B; b++) {
    const zr = b * 4 * H;
    const r = b * H;
    for (let k = 0; k < H; k++) {
      const ik = i[r + k], fk = f[r + k], gk = g[r + k], ok = o[r + k], dhk = dh[r + k];
      const tc = tanhC ? tanhC[r + k] : fr(Math.tanh(c[r + k]));
      // h = o·tanh(c); c's gradient: the next step's (dc) plus this step's through tanh.
      const dct = fr(dc[r + k] + dTanh(fr(dhk * ok), tc));
      dcPrev[r + k] = fr(dct * fk);
      dz[zr + k] = dSig(fr(dct * gk), ik);
      dz[zr + H + k] = dSig(fr(dct * cPrev[r + k]), fk);
      dz[zr + 2 * H + k] = dTanh(fr(dct * ik), gk);
      dz[zr + 3 * H + k] = dSig(fr(dhk * tc), ok);
    }
  }
}

/** h, r, z, n from gx, gh [B, 3H] (blocks r|z|n) and h_{t−1}. */
export function gruLoop(B: number, H: number, gx: F32, gh: F32, hPrev: F32, h: F32, r: F32, z: F32, n: F32): void {
  for (let b = 0; b < B; b++) {
    const gr = b * 3 * H;
    const row = b * H;
    for (let k = 0; k < H; k++) {
      const rk = Math.fround(sigmoid(Math.fround(gx[gr + k] + gh[gr + k])));
      const zk = Math.fround(sigmoid(Math.fround(gx[gr + H + k] + gh[gr + H + k])));
      const nk = Math.fround(Math.tanh(Math.fround(gx[gr + 2 * H + k] + Math.fround(rk * gh[gr + 2 * H + k]))));
      r[row + k] = rk; z[row + k] = zk; n[row + k] = nk;
      // n + z (h − n), the op-by-op step's order of operations.
      h[row + k] = nk + Math.fround(zk * Math.fround(hPrev[row + k] - nk));
    }
  }
}

export function gruGradLoop(
  B: number, H: number, dh: F32, r: F32, z: F32, n: F32, hPrev: F32, gh: F32, dgx: F32, dgh: F32, dhPrev: F32,
): void {
  for (let b = 0; b < B; b++) {
    const gr = b * 3 * H;
    const row = b * H;
    for (let k = 0; k < H; k++) {
      const dhk = dh[row + k], rk = r[row + k], zk = z[row + k], nk = n[row + k];
      // h = n + z·(h_prev − n): n gets dh from the sum and −dh·z through the difference.
      const dzz = fr(dhk * fr(hPrev[row + k] - nk));
      const dd = fr(dhk * zk);
      dhPrev[row + k] = dd;
      const an = dTanh(fr(dhk + -dd), nk);
      const ar = dSig(fr(an * gh[gr + 2 * H + k]), rk);
      const az = dSig(dzz, zk);
      dgx[gr + k] = ar; dgx[gr + H + k] = az; dgx[gr + 2 * H + k] = an;
      dgh[gr + k] = ar; dgh[gr + H + k] = az; dgh[gr + 2 * H + k] = fr(an * rk);
    }
  }
}

export function rnnLoop(size: number, relu: boolean, a: F32, b: F32, h: F32): void {
  if (relu) for (let k = 0; k < size; k++) { const v = Math.fround(a[k] + b[k]); h[k] = v > 0 ? v : 0; }
  else for (let k = 0; k < size; k++) h[k] = Math.tanh(Math.fround(a[k] + b[k]));
}

export function rnnGradLoop(size: number, relu: boolean, dh: F32, h: F32, dpre: F32): void {
  // ReLU: h > 0 exactly where its input is (tfjs multiplies by step(x), so −0 where dy < 0).
  if (relu) for (let k = 0; k < size; k++) dpre[k] = dh[k] * (h[k] > 0 ? 1 : 0);
  else for (let k = 0; k < size; k++) dpre[k] = dTanh(dh[k], h[k]);
}

/** Shapes [B, H] of a kernel's inputs, checked once so a wrong caller fails loudly, not silently. */
export function dimsOf(t: tf.TensorInfo, blocks: number, name: string): [number, number] {
  const [B, n] = t.shape;
  if (t.shape.length !== 2 || n % blocks !== 0 || t.dtype !== 'float32') {
    throw new Error(`${name}: expected a float32 [B, ${blocks}H] tensor, got ${t.dtype} [${t.shape.join(', ')}]`);
  }
  return [B, n / blocks];
}

/** A kernel input by name; a missing one is a caller's bug, named in the error. */
export function input(inputs: tf.NamedTensorInfoMap, name: string, kernel: string): tf.TensorInfo {
  const t = inputs[name];
  if (!t) throw new Error(`${kernel}: missing input "${name}"`);
  return t;
}

const activationOf = (attrs: unknown) => ((attrs as { activation?: string } | undefined)?.activation === 'relu');

function registerCpu(): void {
  const cpu = (backend: unknown) => backend as MathBackendCPU;
  const read = (backend: MathBackendCPU, t: tf.TensorInfo) => backend.data.get(t.dataId).values as F32;
  const out = (backend: MathBackendCPU, shape: number[], values: F32) => backend.makeTensorInfo(shape, 'float32', values);

  tf.registerKernel({
    kernelName: LSTM_CELL, backendName: 'cpu',
    kernelFunc: ({ inputs, backend }) => {
      const be = cpu(backend);
      const [B, H] = dimsOf(input(inputs, 'z', LSTM_CELL), 4, LSTM_CELL);
      const bufs = Array.from({ length: 6 }, () => new Float32Array(B * H));
      const [h, c, i, f, g, o] = bufs;
      lstmLoop(B, H, read(be, input(inputs, 'z', LSTM_CELL)), read(be, input(inputs, 'c', LSTM_CELL)), h, c, i, f, g, o);
      return bufs.map((v) => out(be, [B, H], v));
    },
  });
  tf.registerKernel({
    kernelName: LSTM_CELL_GRAD, backendName: 'cpu',
    kernelFunc: ({ inputs, backend }) => {
      const be = cpu(backend);
      const [B, H] = dimsOf(input(inputs, 'dh', LSTM_CELL_GRAD), 1, LSTM_CELL_GRAD);
      const dz = new Float32Array(B * 4 * H);
      const dcPrev = new Float32Array(B * H);
      const r = (k: string) => read(be, input(inputs, k, LSTM_CELL_GRAD));
      lstmGradLoop(B, H, r('dh'), r('dc'), r('i'), r('f'), r('g'), r('o'), r('c'), r('cPrev'), dz, dcPrev);
      return [out(be, [B, 4 * H], dz), out(be, [B, H], dcPrev)];
    },
  });
  tf.registerKernel({
    kernelName: GRU_CELL, backendName: 'cpu',
    kernelFunc: ({ inputs, backend }) => {
      const be = cpu(backend);
      const [B, H] = dimsOf(input(inputs, 'gx', GRU_CELL), 3, GRU_CELL);
      const bufs = Array.from({ length: 4 }, () => new Float32Array(B * H));
      const [h, r, z, n] = bufs;
      gruLoop(B, H, read(be, input(inputs, 'gx', GRU_CELL)), read(be, input(inputs, 'gh', GRU_CELL)), read(be, input(inputs, 'h', GRU_CELL)), h, r, z, n);
      return bufs.map((v) => out(be, [B, H], v));
    },
  });
  tf.registerKernel({
    kernelName: GRU_CELL_GRAD, backendName: 'cpu',
    kernelFunc: ({ inputs, backend }) => {
      const be = cpu(backend);
      const [B, H] = dimsOf(input(inputs, 'dh', GRU_CELL_GRAD), 1, GRU_CELL_GRAD);
      const dgx = new Float32Array(B * 3 * H);
      const dgh = new Float32Array(B * 3 * H);
      const dhPrev = new Float32Array(B * H);
      const r = (k: string) => read(be, input(inputs, k, GRU_CELL_GRAD));
      gruGradLoop(B, H, r('dh'), r('r'), r('z'), r('n'), r('hPrev'), r('gh'), dgx, dgh, dhPrev);
      return [out(be, [B, 3 * H], dgx), out(be, [B, 3 * H], dgh), out(be, [B, H], dhPrev)];
    },
  });
  tf.registerKernel({
    kernelName: RNN_CELL, backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const be = cpu(backend);
      const [B, H] = dimsOf(input(inputs, 'a', RNN_CELL), 1, RNN_CELL);
      const h = new Float32Array(B * H);
      rnnLoop(B * H, activationOf(attrs), read(be, input(inputs, 'a', RNN_CELL)), read(be, input(inputs, 'b', RNN_CELL)), h);
      return out(be, [B, H], h);
    },
  });
  tf.registerKernel({
    kernelName: RNN_CELL_GRAD, backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const be = cpu(backend);
      const [B, H] = dimsOf(input(inputs, 'dh', RNN_CELL_GRAD), 1, RNN_CELL_GRAD);
      const dpre = new Float32Array(B * H);
      rnnGradLoop(B * H, activationOf(attrs), read(be, input(inputs, 'dh', RNN_CELL_GRAD)), read(be, input(inputs, 'h', RNN_CELL_GRAD)), dpre);
      return out(be, [B, H], dpre);
    },
  });
}

registerCpu();
