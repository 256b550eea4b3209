// Whole-sequence LSTM, GRU and Elman RNN recurrences as ONE kernel each, with ONE gradient kernel (BPTT in
// one loop), for the WASM and CPU backends.
//
// Why: with fused steps (kernels.ts) an H = 64 training step still ran ~26 tfjs kernels per
// timestep, each with ~15–20 µs of engine bookkeeping larger than its arithmetic. Here the
// engine sees one kernel forward and one backward per layer and direction; inside, the per-step
// matmuls and σ are the backend's own kernel functions called directly on its memory (WASM) or
// plain loops (CPU), tanh is 2σ(2x) − 1 (see TANH_BY_SIGMOID), and each weight gradient is one
// [T·B]-long matmul at the end.
//
// Contract (float32; x [T,B,I]: the layer's input, projected inside by wih = W_ih [G·H, I] and
// the input bias (the LSTM's is b_ih + b_hh); w: W_hh as the cell keeps it, [G·H, H]; dGᵀ: the
// pre-activation gradients, transposed, from which dx = dG·W_ih; probe: the zero perturbation e_t added
// to h_t after each step, whose gradient is ∂L/∂h_t; attr reverse: process t = T−1 … 0):
//   AtlasLstmSeq      {x, wih, w, bias, h0, c0, probe?}   → [hs, hT, cT, gates (i|f|g|o) [T,B,4H], cs, tanh(cs)]
//   AtlasLstmSeqGrad  {dhs, dhT, dcT, gates, cs, tcs, hs, h0, c0, w, x} → [dGᵀ [4H,T·B], dw, dh0, dc0, dprobe, dwih, dbias]
//   AtlasGruSeq       {x, wih, bih, w, bhh, h0, probe?}   → [hs, hT, gates (r|z|n) [T,B,3H], ghn [T,B,H]]
//   AtlasGruSeqGrad   {dhs, dhT, gates, ghn, hs, h0, w, x} → [dGxᵀ [3H,T·B], dw, dbhh, dh0, dprobe, dwih, dbih]
//   AtlasRnnSeq       {x, wih, bias, w, h0, probe?}       → [hs, hT, acts φ(a_t) [T,B,H]]
//   AtlasRnnSeqGrad   {dhs, dhT, acts, hs, h0, w, x}      → [dGᵀ [H,T·B], dw, dh0, dprobe, dwih, dbias]
// (the RNN's bias is b_ih + b_hh, its w is W_hh [H, H], and both take attr nonlinearity 'tanh' |
// 'relu'; acts is h_t before e_t is added, from which φ' is read: 1 − acts² or [acts > 0]).
// hs holds h_t + e_t (what the layer emits and the next step reads). The extra outputs are only
// what the gradient needs; the wrappers below dispose them, and a gradient reaching them is
// ignored (nothing can reach them: they never leave this file).
//
// Values equal the step-by-step path's to float32 rounding, not bit for bit (sums are formed in
// another order); the training hot path only (the views' traces keep the per-step path).
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { hasFused } from './kernels';
import { input } from './cpu';

export const LSTM_SEQ = 'AtlasLstmSeq';
export const GRU_SEQ = 'AtlasGruSeq';
export const RNN_SEQ = 'AtlasRnnSeq';

let seqEnabled = true;
/** Switches the whole-sequence kernels off (true: on, the default); for tests and the bench. */
export function setFusedSequenceEnabled(on: boolean): void {
  seqEnabled = on;
}

/** True when the active backend has the kernel and its gradient, and nothing switched them off. */
export function hasFusedSequence(kernelName: string): boolean {
  return seqEnabled && hasFused(kernelName);
}

type F32 = Float32Array;

/**
 * What the loops need from a backend: scratch and output buffers, a plain matmul and σ. A
 * buffer's view is taken anew after every call that may allocate (the WASM heap may grow and
 * move), so no loop holds a view across one.
 */
interface Ops<Buf> {
  wrap(t: tf.TensorInfo): Buf;
  alloc(shape: number[]): Buf;
  view(b: Buf): F32;
  /** a [M, K] · b [K, N] (+ bias [N]) → a new [M, N] buffer. */
  matmul(a: Buf, M: number, K: number, b: Buf, N: number, bias?: Buf): Buf;
  sigmoid(x: Buf): Buf;
  free(b: Buf): void;
  out(b: Buf, shape: number[]): tf.TensorInfo;
}

function wasmOps(be: BackendWasm): Ops<tf.TensorInfo> {
  const unary = (name: string, x: tf.TensorInfo) => {
    const k = tf.getKernel(name, 'wasm');
    if (!k) throw new Error(`the WASM backend has no ${name} kernel`);
    return k.kernelFunc({ inputs: { x }, backend: be, attrs: {} }) as tf.TensorInfo;
  };
  return {
    wrap: (t) => t,
    alloc: (shape) => be.makeOutput(shape, 'float32'),
    view: (b) => be.typedArrayFromHeap(b) as F32,
    matmul: (a, M, K, b, N, bias) => {
      const k = tf.getKernel('_FusedMatMul', 'wasm');
      if (!k) throw new Error('the WASM backend has no _FusedMatMul kernel');
      const y = k.kernelFunc({
        inputs: { a: { ...a, shape: [1, M, K] }, b: { ...b, shape: [1, K, N] }, ...(bias ? { bias } : {}) },
        backend: be,
        attrs: { transposeA: false, transposeB: false, activation: 'linear', leakyreluAlpha: 0 },
      }) as tf.TensorInfo;
      return { ...y, shape: [M, N] };
    },
    sigmoid: (x) => unary('Sigmoid', x),
    free: (b) => be.disposeData(b.dataId),
    out: (b, shape) => ({ ...b, shape }),
  };
}

interface CpuBuf { values: F32; shape: number[] }

function cpuOps(be: MathBackendCPU): Ops<CpuBuf> {
  const map = (x: CpuBuf, f: (v: number) => number) => ({ shape: x.shape, values: x.values.map(f) });
  return {
    wrap: (t) => ({ values: be.data.get(t.dataId).values as F32, shape: t.shape }),
    alloc: (shape) => ({ shape, values: new Float32Array(shape.reduce((a, b) => a * b, 1)) }),
    view: (b) => b.values,
    matmul: (a, M, K, b, N, bias) => {
      const y = new Float32Array(M * N);
      const av = a.values, bv = b.values;
      for (let i = 0; i < M; i++) {
        const row = i * N;
        if (bias) y.set(bias.values, row);
        for (let k = 0; k < K; k++) {
          const aik = av[i * K + k];
          if (aik === 0) continue;
          const bk = k * N;
          for (let j = 0; j < N; j++) y[row + j] += aik * bv[bk + j];
        }
      }
      return { shape: [M, N], values: y };
    },
    sigmoid: (x) => map(x, (v) => 1 / (1 + Math.exp(-v))),
    free: () => undefined,
    out: (b, shape) => be.makeTensorInfo(shape, 'float32', b.values),
  };
}

const dims3 = (t: tf.TensorInfo, blocks: number, name: string): [number, number, number] => {
  const [T, B, n] = t.shape;
  if (t.shape.length !== 3 || n % blocks !== 0 || t.dtype !== 'float32') {
    throw new Error(`${name}: expected a float32 [T, B, ${blocks}H] tensor, got ${t.dtype} [${t.shape.join(', ')}]`);
  }
  return [T, B, n / blocks];
};

/** wᵀ of a [R, C] weight, as a new [C, R] buffer. */
function transposed<Buf>(ops: Ops<Buf>, w: Buf, R: number, C: number): Buf {
  const out = ops.alloc([C, R]);
  const src = ops.view(w), dst = ops.view(out);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) dst[c * R + r] = src[r * C + c];
  return out;
}

/** Index of timestep processed k-th, and of the one processed before it (−1: the initial state). */
const order = (T: number, reverse: boolean, k: number) => (reverse ? T - 1 - k : k);
const prevOf = (T: number, reverse: boolean, k: number) => (k === 0 ? -1 : order(T, reverse, k - 1));

/**
 * Σ_t dGᵀ·h_{t−1}: the recurrent weight's gradient [G, H] as one matmul of dGT [G, T·B] (filled
 * in the backward loop) by the previous states [T·B, H] in the same column order.
 */
function weightGrad<Buf>(ops: Ops<Buf>, dGT: Buf, G: number, hsIn: Buf, h0In: Buf, T: number, B: number, H: number, reverse: boolean): Buf {
  const HP = ops.alloc([T * B, H]);
  {
    const hp = ops.view(HP), hs = ops.view(hsIn), h0 = ops.view(h0In);
    for (let t = 0; t < T; t++) {
      // The state before timestep t in processing order.
      const k = reverse ? T - 1 - t : t;
      const p = prevOf(T, reverse, k);
      if (p < 0) hp.set(h0.subarray(0, B * H), t * B * H);
      else hp.set(hs.subarray(p * B * H, (p + 1) * B * H), t * B * H);
    }
  }
  const dW = ops.matmul(dGT, G, T * B, HP, H);
  ops.free(HP);
  return dW;
}

/**
 * x·W_ihᵀ + b for every timestep in one matmul: x [T, B, I], wih [G, I], bias [G] → [T·B, G].
 * Inside the kernel, so its gradient is two plain matmuls at the end of the backward kernel
 * (tfjs's own, a transposed-operand matmul and a Sum, cost ~8 ms at H = 64 on WASM).
 */
function projectInputs<Buf>(ops: Ops<Buf>, inputs: tf.NamedTensorInfoMap, name: string, biasKey: string): { xp: Buf; T: number; B: number; I: number; G: number } {
  const xInfo = input(inputs, 'x', name);
  const [T, B, I] = xInfo.shape;
  const G = input(inputs, 'wih', name).shape[0];
  if (xInfo.shape.length !== 3 || xInfo.dtype !== 'float32') throw new Error(`${name}: expected a float32 [T, B, I] input, got ${xInfo.dtype} [${xInfo.shape.join(', ')}]`);
  const wihT = transposed(ops, ops.wrap(input(inputs, 'wih', name)), G, I);
  const xp = ops.matmul(ops.wrap(xInfo), T * B, I, wihT, G, ops.wrap(input(inputs, biasKey, name)));
  ops.free(wihT);
  return { xp, T, B, I, G };
}

/** dW_ih = dGᵀ·x as one matmul of dGT [G, T·B] by x [T·B, I]. */
function inputWeightGrad<Buf>(ops: Ops<Buf>, dGT: Buf, G: number, inputs: tf.NamedTensorInfoMap, name: string): Buf {
  const x = input(inputs, 'x', name);
  const TB = x.shape[0] * x.shape[1];
  return ops.matmul(dGT, G, TB, ops.wrap(x), x.shape[2]);
}

function lstmForward<Buf>(ops: Ops<Buf>, inputs: tf.NamedTensorInfoMap, reverse: boolean): tf.TensorInfo[] {
  const { xp: xpIn, T, B } = projectInputs(ops, inputs, LSTM_SEQ, 'bias');
  const H = input(inputs, 'w', LSTM_SEQ).shape[1];
  const wT = transposed(ops, ops.wrap(input(inputs, 'w', LSTM_SEQ)), 4 * H, H);
  const probeIn = inputs.probe ? ops.wrap(inputs.probe) : null;
  const hs = ops.alloc([T, B, H]), gates = ops.alloc([T, B, 4 * H]), cs = ops.alloc([T, B, H]), tcs = ops.alloc([T, B, H]);
  const h = ops.alloc([B, H]), c = ops.alloc([B, H]), c2 = ops.alloc([B, H]);
  ops.view(h).set(ops.view(ops.wrap(input(inputs, 'h0', LSTM_SEQ))));
  ops.view(c).set(ops.view(ops.wrap(input(inputs, 'c0', LSTM_SEQ))));
  const BH = B * H, G = 4 * H;
  for (let k = 0; k < T; k++) {
    const t = order(T, reverse, k);
    const Z = ops.matmul(h, B, H, wT, G);
    {
      // z = xp_t + h·W_hhᵀ in place, g's block doubled: tanh(z) = 2σ(2z) − 1, so one σ call
      // covers all four blocks (see TANH_BY_SIGMOID).
      const z = ops.view(Z), xp = ops.view(xpIn), o = t * B * G;
      for (let b = 0; b < B; b++) {
        const zr = b * G;
        for (let u = 0; u < 2 * H; u++) z[zr + u] += xp[o + zr + u];
        for (let u = 2 * H; u < 3 * H; u++) z[zr + u] = 2 * (z[zr + u] + xp[o + zr + u]);
        for (let u = 3 * H; u < G; u++) z[zr + u] += xp[o + zr + u];
      }
    }
    const S = ops.sigmoid(Z);
    ops.free(Z);
    {
      const s = ops.view(S), gv = ops.view(gates), cv = ops.view(c), c2v = ops.view(c2), csv = ops.view(cs);
      for (let b = 0; b < B; b++) {
        const zr = b * G, gr = t * B * G + zr, r = b * H;
        for (let u = 0; u < H; u++) {
          const i = s[zr + u], f = s[zr + H + u], g = 2 * s[zr + 2 * H + u] - 1, o = s[zr + 3 * H + u];
          gv[gr + u] = i; gv[gr + H + u] = f; gv[gr + 2 * H + u] = g; gv[gr + 3 * H + u] = o;
          const cn = f * cv[r + u] + i * g;
          cv[r + u] = cn;
          c2v[r + u] = 2 * cn;
          csv[t * BH + r + u] = cn;
        }
      }
    }
    ops.free(S);
    const SC = ops.sigmoid(c2);
    {
      const sc = ops.view(SC), gv = ops.view(gates), hv = ops.view(h), hsv = ops.view(hs), tcv = ops.view(tcs);
      const e = probeIn ? ops.view(probeIn) : null;
      for (let b = 0; b < B; b++) {
        const gr = t * B * G + b * G + 3 * H;
        for (let u = 0; u < H; u++) {
          const j = b * H + u, tj = t * BH + j;
          const tc = 2 * sc[j] - 1;
          const hn = gv[gr + u] * tc + (e ? e[tj] : 0);
          hv[j] = hn; hsv[tj] = hn; tcv[tj] = tc;
        }
      }
    }
    ops.free(SC);
  }
  ops.free(wT); ops.free(c2); ops.free(xpIn);
  return [ops.out(hs, [T, B, H]), ops.out(h, [B, H]), ops.out(c, [B, H]), ops.out(gates, [T, B, G]), ops.out(cs, [T, B, H]), ops.out(tcs, [T, B, H])];
}

function lstmBackward<Buf>(ops: Ops<Buf>, inputs: tf.NamedTensorInfoMap, reverse: boolean): tf.TensorInfo[] {
  const n = (k: string) => ops.wrap(input(inputs, k, `${LSTM_SEQ}Grad`));
  const [T, B, H] = dims3(input(inputs, 'gates', `${LSTM_SEQ}Grad`), 4, `${LSTM_SEQ}Grad`);
  const G = 4 * H, BH = B * H, TB = T * B;
  const dhsIn = n('dhs'), gatesIn = n('gates'), csIn = n('cs'), tcsIn = n('tcs'), c0In = n('c0'), w = n('w');
  const dprobe = ops.alloc([T, B, H]), dGT = ops.alloc([G, TB]), dz = ops.alloc([B, G]);
  const dh = ops.alloc([B, H]), dc = ops.alloc([B, H]), dbias = ops.alloc([G]);
  ops.view(dbias).fill(0);
  ops.view(dh).set(ops.view(n('dhT')));
  ops.view(dc).set(ops.view(n('dcT')));
  for (let k = T - 1; k >= 0; k--) {
    const t = order(T, reverse, k), p = prevOf(T, reverse, k);
    {
      const dhs = ops.view(dhsIn), gv = ops.view(gatesIn), csv = ops.view(csIn), tcv = ops.view(tcsIn), c0 = ops.view(c0In);
      const dhv = ops.view(dh), dcv = ops.view(dc), dzv = ops.view(dz), dpv = ops.view(dprobe), dgt = ops.view(dGT), db = ops.view(dbias);
      for (let b = 0; b < B; b++) {
        const gr = t * B * G + b * G, col = t * B + b;
        for (let u = 0; u < H; u++) {
          const j = b * H + u, tj = t * BH + j;
          const dht = dhs[tj] + dhv[j];
          dpv[tj] = dht;
          const i = gv[gr + u], f = gv[gr + H + u], g = gv[gr + 2 * H + u], o = gv[gr + 3 * H + u], tc = tcv[tj];
          const cPrev = p < 0 ? c0[j] : csv[p * BH + j];
          const dct = dcv[j] + dht * o * (1 - tc * tc);
          dcv[j] = dct * f;
          const di = dct * g * i * (1 - i), df = dct * cPrev * f * (1 - f), dg = dct * i * (1 - g * g), dO = dht * tc * o * (1 - o);
          const zr = b * G;
          dzv[zr + u] = di; dzv[zr + H + u] = df; dzv[zr + 2 * H + u] = dg; dzv[zr + 3 * H + u] = dO;
          dgt[u * TB + col] = di; dgt[(H + u) * TB + col] = df; dgt[(2 * H + u) * TB + col] = dg; dgt[(3 * H + u) * TB + col] = dO;
          db[u] += di; db[H + u] += df; db[2 * H + u] += dg; db[3 * H + u] += dO;
        }
      }
    }
    // The gradient reaching h_{t−1} through W_hh: dz · W_hh.
    const DH = ops.matmul(dz, B, G, w, H);
    ops.view(dh).set(ops.view(DH));
    ops.free(DH);
  }
  const dW = weightGrad(ops, dGT, G, n('hs'), n('h0'), T, B, H, reverse);
  const dWih = inputWeightGrad(ops, dGT, G, inputs, `${LSTM_SEQ}Grad`);
  ops.free(dz);
  return [ops.out(dGT, [G, TB]), ops.out(dW, [G, H]), ops.out(dh, [B, H]), ops.out(dc, [B, H]), ops.out(dprobe, [T, B, H]), ops.out(dWih, [G, dWihCols(inputs)]), ops.out(dbias, [G])];
}

function gruForward<Buf>(ops: Ops<Buf>, inputs: tf.NamedTensorInfoMap, reverse: boolean): tf.TensorInfo[] {
  const { xp: gxIn, T, B } = projectInputs(ops, inputs, GRU_SEQ, 'bih');
  const H = input(inputs, 'w', GRU_SEQ).shape[1];
  const G = 3 * H, BH = B * H;
  const wT = transposed(ops, ops.wrap(input(inputs, 'w', GRU_SEQ)), G, H);
  const bhh = ops.wrap(input(inputs, 'bhh', GRU_SEQ));
  const probeIn = inputs.probe ? ops.wrap(inputs.probe) : null;
  const hs = ops.alloc([T, B, H]), gates = ops.alloc([T, B, G]), ghn = ops.alloc([T, B, H]);
  const h = ops.alloc([B, H]), pre = ops.alloc([B, 2 * H]), preN = ops.alloc([B, H]);
  ops.view(h).set(ops.view(ops.wrap(input(inputs, 'h0', GRU_SEQ))));
  for (let k = 0; k < T; k++) {
    const t = order(T, reverse, k);
    const GH = ops.matmul(h, B, H, wT, G, bhh);
    {
      const gh = ops.view(GH), gx = ops.view(gxIn), pv = ops.view(pre);
      for (let b = 0; b < B; b++) {
        const o = t * B * G + b * G;
        for (let u = 0; u < 2 * H; u++) pv[b * 2 * H + u] = gx[o + u] + gh[b * G + u];
      }
    }
    const S = ops.sigmoid(pre);
    {
      const s = ops.view(S), gh = ops.view(GH), gx = ops.view(gxIn), pn = ops.view(preN), gv = ops.view(gates), ghnv = ops.view(ghn);
      for (let b = 0; b < B; b++) {
        const o = t * B * G + b * G;
        for (let u = 0; u < H; u++) {
          const r = s[b * 2 * H + u], ghU = gh[b * G + 2 * H + u];
          gv[o + u] = r; gv[o + H + u] = s[b * 2 * H + H + u];
          ghnv[t * BH + b * H + u] = ghU;
          pn[b * H + u] = 2 * (gx[o + 2 * H + u] + r * ghU);
        }
      }
    }
    ops.free(GH); ops.free(S);
    const N = ops.sigmoid(preN);
    {
      const nv = ops.view(N), gv = ops.view(gates), hv = ops.view(h), hsv = ops.view(hs);
      const e = probeIn ? ops.view(probeIn) : null;
      for (let b = 0; b < B; b++) {
        const o = t * B * G + b * G;
        for (let u = 0; u < H; u++) {
          const j = b * H + u, nn = 2 * nv[j] - 1, z = gv[o + H + u];
          gv[o + 2 * H + u] = nn;
          let hn = nn + z * (hv[j] - nn);
          if (e) hn += e[t * BH + j];
          hv[j] = hn; hsv[t * BH + j] = hn;
        }
      }
    }
    ops.free(N);
  }
  ops.free(wT); ops.free(pre); ops.free(preN); ops.free(gxIn);
  return [ops.out(hs, [T, B, H]), ops.out(h, [B, H]), ops.out(gates, [T, B, G]), ops.out(ghn, [T, B, H])];
}

function gruBackward<Buf>(ops: Ops<Buf>, inputs: tf.NamedTensorInfoMap, reverse: boolean): tf.TensorInfo[] {
  const n = (k: string) => ops.wrap(input(inputs, k, `${GRU_SEQ}Grad`));
  const [T, B, H] = dims3(input(inputs, 'gates', `${GRU_SEQ}Grad`), 3, `${GRU_SEQ}Grad`);
  const G = 3 * H, BH = B * H, TB = T * B;
  const dhsIn = n('dhs'), gatesIn = n('gates'), ghnIn = n('ghn'), hsIn = n('hs'), h0In = n('h0'), w = n('w');
  const dprobe = ops.alloc([T, B, H]), dGT = ops.alloc([G, TB]), dgh = ops.alloc([B, G]);
  const dbhh = ops.alloc([G]), dbih = ops.alloc([G]), direct = ops.alloc([B, H]), dGXT = ops.alloc([G, TB]);
  const dh = ops.alloc([B, H]);
  ops.view(dh).set(ops.view(n('dhT')));
  ops.view(dbhh).fill(0);
  ops.view(dbih).fill(0);
  for (let k = T - 1; k >= 0; k--) {
    const t = order(T, reverse, k), p = prevOf(T, reverse, k);
    {
      const dhs = ops.view(dhsIn), gv = ops.view(gatesIn), ghnv = ops.view(ghnIn), hsv = ops.view(hsIn), h0 = ops.view(h0In);
      const dhv = ops.view(dh), dghv = ops.view(dgh), dpv = ops.view(dprobe), dgt = ops.view(dGT);
      const db = ops.view(dbhh), dbi = ops.view(dbih), dir = ops.view(direct), dgxt = ops.view(dGXT);
      for (let b = 0; b < B; b++) {
        const gr = t * B * G + b * G, col = t * B + b, zr = b * G;
        for (let u = 0; u < H; u++) {
          const j = b * H + u, tj = t * BH + j;
          const dht = dhs[tj] + dhv[j];
          dpv[tj] = dht;
          const r = gv[gr + u], z = gv[gr + H + u], nn = gv[gr + 2 * H + u];
          const hPrev = p < 0 ? h0[j] : hsv[p * BH + j];
          dir[j] = dht * z;
          const an = dht * (1 - z) * (1 - nn * nn);
          const ar = an * ghnv[tj] * r * (1 - r);
          const az = dht * (hPrev - nn) * z * (1 - z);
          const anr = an * r;
          dghv[zr + u] = ar; dghv[zr + H + u] = az; dghv[zr + 2 * H + u] = anr;
          dgt[u * TB + col] = ar; dgt[(H + u) * TB + col] = az; dgt[(2 * H + u) * TB + col] = anr;
          db[u] += ar; db[H + u] += az; db[2 * H + u] += anr;
          dgxt[(2 * H + u) * TB + col] = an;
          dbi[2 * H + u] += an;
        }
      }
    }
    const DH = ops.matmul(dgh, B, G, w, H);
    { const d = ops.view(DH), dhv = ops.view(dh), dir = ops.view(direct); for (let j = 0; j < BH; j++) dhv[j] = d[j] + dir[j]; }
    ops.free(DH);
  }
  const dW = weightGrad(ops, dGT, G, hsIn, h0In, T, B, H, reverse);
  {
    // dgx equals dgh on the r and z blocks; only n's differs (an, not an·r). Same for the biases.
    const dgt = ops.view(dGT), dgxt = ops.view(dGXT), db = ops.view(dbhh), dbi = ops.view(dbih);
    dgxt.set(dgt.subarray(0, 2 * H * TB));
    for (let u = 0; u < 2 * H; u++) dbi[u] = db[u];
  }
  const dWih = inputWeightGrad(ops, dGXT, G, inputs, `${GRU_SEQ}Grad`);
  ops.free(dGT); ops.free(dgh); ops.free(direct);
  return [ops.out(dGXT, [G, TB]), ops.out(dW, [G, H]), ops.out(dbhh, [G]), ops.out(dh, [B, H]), ops.out(dprobe, [T, B, H]), ops.out(dWih, [G, dWihCols(inputs)]), ops.out(dbih, [G])];
}

function rnnForward<Buf>(ops: Ops<Buf>, inputs: tf.NamedTensorInfoMap, reverse: boolean, relu: boolean): tf.TensorInfo[] {
  const { xp: xpIn, T, B } = projectInputs(ops, inputs, RNN_SEQ, 'bias');
  const H = input(inputs, 'w', RNN_SEQ).shape[1];
  const BH = B * H;
  const wT = transposed(ops, ops.wrap(input(inputs, 'w', RNN_SEQ)), H, H);
  const probeIn = inputs.probe ? ops.wrap(inputs.probe) : null;
  const hs = ops.alloc([T, B, H]), acts = ops.alloc([T, B, H]);
  const h = ops.alloc([B, H]);
  ops.view(h).set(ops.view(ops.wrap(input(inputs, 'h0', RNN_SEQ))));
  for (let k = 0; k < T; k++) {
    const t = order(T, reverse, k);
    const Z = ops.matmul(h, B, H, wT, H);
    {
      // a = xp_t + h·W_hhᵀ in place; doubled for tanh = 2σ(2a) − 1 (see TANH_BY_SIGMOID).
      const z = ops.view(Z), xp = ops.view(xpIn), o = t * BH;
      if (relu) for (let j = 0; j < BH; j++) z[j] += xp[o + j];
      else for (let j = 0; j < BH; j++) z[j] = 2 * (z[j] + xp[o + j]);
    }
    const S = relu ? Z : ops.sigmoid(Z);
    if (!relu) ops.free(Z);
    {
      const s = ops.view(S), hv = ops.view(h), hsv = ops.view(hs), av = ops.view(acts);
      const e = probeIn ? ops.view(probeIn) : null;
      const o = t * BH;
      for (let j = 0; j < BH; j++) {
        const a = relu ? (s[j] > 0 ? s[j] : 0) : 2 * s[j] - 1;
        const hn = a + (e ? e[o + j] : 0);
        av[o + j] = a; hv[j] = hn; hsv[o + j] = hn;
      }
    }
    ops.free(S);
  }
  ops.free(wT); ops.free(xpIn);
  return [ops.out(hs, [T, B, H]), ops.out(h, [B, H]), ops.out(acts, [T, B, H])];
}

// FLUSH_TINY: a vanishing gradient (a tanh RNN over a long gap, the lessons' subject) falls into
// float32's subnormal range (< 1.2e-38), where the matmuls run many times slower (WASM cannot set
// flush-to-zero). Measured on WASM, T 200, B 64, H 256, 3 bidirectional tanh layers, one training
// step: 41 s unflushed, 14 s flushing below 1.2e-38 (products of the smallest normals with the
// weights are still subnormal), 5.7 s flushing below 1e-30 (the LSTM at the same FLOPs: 6.9 s). So
// the pre-activation gradient (what dGᵀ, dbias and the recurrence carry) is set to 0 below FLUSH:
// some 25 orders under the gradients it is summed with, and Adam's ε makes a step from such a
// gradient nil anyway. ∂L/∂h_t (dprobe) is written before the flush, but the part of it that only
// a flushed value would have carried back is 0 instead of < 1e-30.
const FLUSH = 1e-30;

function rnnBackward<Buf>(ops: Ops<Buf>, inputs: tf.NamedTensorInfoMap, reverse: boolean, relu: boolean): tf.TensorInfo[] {
  const n = (k: string) => ops.wrap(input(inputs, k, `${RNN_SEQ}Grad`));
  const [T, B, H] = dims3(input(inputs, 'acts', `${RNN_SEQ}Grad`), 1, `${RNN_SEQ}Grad`);
  const BH = B * H, TB = T * B;
  const dhsIn = n('dhs'), actsIn = n('acts'), w = n('w');
  const dprobe = ops.alloc([T, B, H]), dGT = ops.alloc([H, TB]), da = ops.alloc([B, H]);
  const dh = ops.alloc([B, H]), dbias = ops.alloc([H]);
  ops.view(dbias).fill(0);
  ops.view(dh).set(ops.view(n('dhT')));
  for (let k = T - 1; k >= 0; k--) {
    const t = order(T, reverse, k);
    {
      const dhs = ops.view(dhsIn), av = ops.view(actsIn), dhv = ops.view(dh), dav = ops.view(da);
      const dpv = ops.view(dprobe), dgt = ops.view(dGT), db = ops.view(dbias);
      for (let b = 0; b < B; b++) {
        const col = t * B + b;
        for (let u = 0; u < H; u++) {
          const j = b * H + u, tj = t * BH + j;
          const dht = dhs[tj] + dhv[j];
          dpv[tj] = dht;
          const a = av[tj];
          let d = relu ? (a > 0 ? dht : 0) : dht * (1 - a * a);
          if (d < FLUSH && d > -FLUSH) d = 0; // see FLUSH_TINY
          dav[j] = d;
          dgt[u * TB + col] = d;
          db[u] += d;
        }
      }
    }
    // The gradient reaching h_{t−1} through W_hh: da · W_hh.
    const DH = ops.matmul(da, B, H, w, H);
    ops.view(dh).set(ops.view(DH));
    ops.free(DH);
  }
  const dW = weightGrad(ops, dGT, H, n('hs'), n('h0'), T, B, H, reverse);
  const dWih = inputWeightGrad(ops, dGT, H, inputs, `${RNN_SEQ}Grad`);
  ops.free(da);
  return [ops.out(dGT, [H, TB]), ops.out(dW, [H, H]), ops.out(dh, [B, H]), ops.out(dprobe, [T, B, H]), ops.out(dWih, [H, dWihCols(inputs)]), ops.out(dbias, [H])];
}

const dWihCols = (inputs: tf.NamedTensorInfoMap) => input(inputs, 'x', 'AtlasSeqGrad').shape[2];
// TANH_BY_SIGMOID: every tanh here is 2σ(2x) − 1, with the doubling and the 2s − 1 folded into
// loops that run anyway. tfjs-wasm's Tanh costs ~33 ns an element on this machine, its Sigmoid ~4
// ns; the price is an absolute error of ~1e-7 (float32's σ, doubled), within the float32
// agreement this file promises.
const isReverse = (attrs: unknown) => Boolean((attrs as { reverse?: boolean | number } | undefined)?.reverse);
/** The RNN's attr nonlinearity: 'relu', or anything else (the default) for tanh. */
const isRelu = (attrs: unknown) => (attrs as { nonlinearity?: string } | undefined)?.nonlinearity === 'relu';
type Loop = <Buf>(ops: Ops<Buf>, inputs: tf.NamedTensorInfoMap, reverse: boolean, relu: boolean) => tf.TensorInfo[];

for (const [name, loop] of [[LSTM_SEQ, lstmForward], [`${LSTM_SEQ}Grad`, lstmBackward], [GRU_SEQ, gruForward], [`${GRU_SEQ}Grad`, gruBackward], [RNN_SEQ, rnnForward], [`${RNN_SEQ}Grad`, rnnBackward]] as [string, Loop][]) {
  tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: ({ inputs, backend, attrs }) => loop(wasmOps(backend as BackendWasm), inputs, isReverse(attrs), isRelu(attrs)) });
  tf.registerKernel({ kernelName: name, backendName: 'cpu', kernelFunc: ({ inputs, backend, attrs }) => loop(cpuOps(backend as MathBackendCPU), inputs, isReverse(attrs), isRelu(attrs)) });
}

function runSeq(name: string, inputs: tf.NamedTensorMap, reverse: boolean, extra: Record<string, string> = {}): tf.Tensor[] {
  return tf.engine().runKernel(name, inputs, { reverse, ...extra } as unknown as tf.NamedAttrMap) as tf.Tensor[];
}

/**
 * dx = dG·W_ih with dG given transposed ([G, T·B]), back to x's shape [T, B, I]: ordinary ops, run
 * only when the input needs a gradient (a lower layer's output, not the network's input). dGᵀ is
 * transposed first: tfjs-wasm's matMul with transposeA ran ~10× slower than a Transpose and a plain
 * matMul (T·B 3200, G 128, I 256: ~230 ms against ~23 ms).
 */
function inputGrad(dGT: tf.Tensor, wih: tf.Tensor, shape: number[]): tf.Tensor {
  return tf.reshape(tf.matMul(tf.transpose(dGT) as tf.Tensor2D, wih as tf.Tensor2D), shape);
}

tf.registerGradient({
  kernelName: LSTM_SEQ,
  inputsToSave: ['x', 'wih', 'w', 'h0', 'c0'],
  outputsToSave: [true, false, false, true, true, true],
  gradFunc: (dy, saved, attrs) => {
    const [dhs, dhT, dcT] = dy as tf.Tensor[];
    const [x, wih, w, h0, c0, hs, gates, cs, tcs] = saved;
    const [dGT, dw, dh0, dc0, dprobe, dwih, dbias] = runSeq(`${LSTM_SEQ}Grad`, { dhs, dhT, dcT, gates, cs, tcs, hs, h0, c0, w, x }, isReverse(attrs));
    return { x: () => inputGrad(dGT, wih, x.shape), wih: () => dwih, bias: () => dbias, w: () => dw, h0: () => dh0, c0: () => dc0, probe: () => dprobe };
  },
});

tf.registerGradient({
  kernelName: GRU_SEQ,
  inputsToSave: ['x', 'wih', 'w', 'h0'],
  outputsToSave: [true, false, true, true],
  gradFunc: (dy, saved, attrs) => {
    const [dhs, dhT] = dy as tf.Tensor[];
    const [x, wih, w, h0, hs, gates, ghn] = saved;
    const [dGXT, dw, dbhh, dh0, dprobe, dwih, dbih] = runSeq(`${GRU_SEQ}Grad`, { dhs, dhT, gates, ghn, hs, h0, w, x }, isReverse(attrs));
    return { x: () => inputGrad(dGXT, wih, x.shape), wih: () => dwih, bih: () => dbih, w: () => dw, bhh: () => dbhh, h0: () => dh0, probe: () => dprobe };
  },
});

tf.registerGradient({
  kernelName: RNN_SEQ,
  inputsToSave: ['x', 'wih', 'w', 'h0'],
  outputsToSave: [true, false, true],
  gradFunc: (dy, saved, attrs) => {
    const [dhs, dhT] = dy as tf.Tensor[];
    const [x, wih, w, h0, hs, acts] = saved;
    const nonlinearity = isRelu(attrs) ? 'relu' : 'tanh';
    const [dGT, dw, dh0, dprobe, dwih, dbias] = runSeq(`${RNN_SEQ}Grad`, { dhs, dhT, acts, hs, h0, w, x }, isReverse(attrs), { nonlinearity });
    return { x: () => inputGrad(dGT, wih, x.shape), wih: () => dwih, bias: () => dbias, w: () => dw, h0: () => dh0, probe: () => dprobe };
  },
});

export interface SequenceRun {
  /** h_t (+ e_t) of every timestep, [T, B, H], original time order. */
  hs: tf.Tensor3D;
  final: Record<string, tf.Tensor2D>;
}

/** The LSTM over a whole sequence x [T, B, I]; wih = W_ih [4H, I], w = W_hh [4H, H], bias = b_ih + b_hh. */
export function lstmSequence(x: tf.Tensor3D, wih: tf.Tensor, w: tf.Tensor, bias: tf.Tensor, h0: tf.Tensor2D, c0: tf.Tensor2D, reverse: boolean, probe?: tf.Tensor3D): SequenceRun {
  const inputs: tf.NamedTensorMap = { x, wih, w, bias, h0, c0 };
  if (probe) inputs.probe = probe;
  const [hs, h, c, ...internal] = runSeq(LSTM_SEQ, inputs, reverse);
  tf.dispose(internal);
  return { hs: hs as tf.Tensor3D, final: { h: h as tf.Tensor2D, c: c as tf.Tensor2D } };
}

/** The GRU over a whole sequence x [T, B, I]; wih = W_ih [3H, I], w = W_hh [3H, H]. */
export function gruSequence(x: tf.Tensor3D, wih: tf.Tensor, bih: tf.Tensor, w: tf.Tensor, bhh: tf.Tensor, h0: tf.Tensor2D, reverse: boolean, probe?: tf.Tensor3D): SequenceRun {
  const inputs: tf.NamedTensorMap = { x, wih, bih, w, bhh, h0 };
  if (probe) inputs.probe = probe;
  const [hs, h, ...internal] = runSeq(GRU_SEQ, inputs, reverse);
  tf.dispose(internal);
  return { hs: hs as tf.Tensor3D, final: { h: h as tf.Tensor2D } };
}


/**
 * The Elman RNN over a whole sequence x [T, B, I]; wih = W_ih [H, I], w = W_hh [H, H], bias =
 * b_ih + b_hh, h_t = φ(W_ih x_t + bias + W_hh h_{t−1}) (+ e_t).
 */
export function rnnSequence(x: tf.Tensor3D, wih: tf.Tensor, bias: tf.Tensor, w: tf.Tensor, h0: tf.Tensor2D, nonlinearity: 'tanh' | 'relu', reverse: boolean, probe?: tf.Tensor3D): SequenceRun {
  const inputs: tf.NamedTensorMap = { x, wih, bias, w, h0 };
  if (probe) inputs.probe = probe;
  const [hs, h, ...internal] = runSeq(RNN_SEQ, inputs, reverse, { nonlinearity });
  tf.dispose(internal);
  return { hs: hs as tf.Tensor3D, final: { h: h as tf.Tensor2D } };
}
