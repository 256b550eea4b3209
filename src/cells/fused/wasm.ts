// The fused cell kernels for tfjs's WASM backend. Its tensors live on the module's heap, so a
// kernel here allocates its outputs there (makeOutput) and works on Float32Array views of the
// heap: no copy in, no copy out. Every view is taken after the last allocation before it, because
// an allocation may grow (and so replace) the heap.
//
// σ and tanh are the backend's own (SIMD) Sigmoid and Tanh kernels, called directly on the heap
// from inside this kernel: in JS, Math.exp and Math.tanh cost ~20–40 ns each, five per LSTM unit,
// which made a pure-JS kernel slower than the ops it replaces at H = 256. Called directly they
// skip the engine's ~15–20 µs of bookkeeping per op, and they give the very values the op-by-op
// step gets; the rest (products, sums) is rounded to float32 in the op-by-op step's order, so the
// forward values are identical to it.
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { fusedEnabled, GRU_CELL, GRU_CELL_GRAD, LSTM_CELL, LSTM_CELL_GRAD, MATMUL_2D, onFirstFusedUse, onFusedToggle, RNN_CELL, RNN_CELL_GRAD } from './kernels';
import { dimsOf, input, gruGradLoop, lstmGradLoop, rnnGradLoop } from './cpu';

const wasm = (backend: unknown) => backend as BackendWasm;
const view = (be: BackendWasm, t: tf.TensorInfo) => be.typedArrayFromHeap(t) as Float32Array;
const activationOf = (attrs: unknown) => ((attrs as { activation?: string } | undefined)?.activation === 'relu');
const fround = Math.fround;

/** The backend's own element-wise kernel on a heap tensor, without the engine around it. */
function unary(be: BackendWasm, kernelName: 'Sigmoid' | 'Tanh', x: tf.TensorInfo): tf.TensorInfo {
  const kernel = tf.getKernel(kernelName, 'wasm');
  if (!kernel) throw new Error(`the WASM backend has no ${kernelName} kernel`);
  return kernel.kernelFunc({ inputs: { x }, backend: be, attrs: {} }) as tf.TensorInfo;
}
const free = (be: BackendWasm, ...ts: tf.TensorInfo[]) => ts.forEach((t) => be.disposeData(t.dataId));

tf.registerKernel({
  kernelName: LSTM_CELL, backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const be = wasm(backend);
    const z = input(inputs, 'z', LSTM_CELL);
    const cIn = input(inputs, 'c', LSTM_CELL);
    const [B, H] = dimsOf(z, 4, LSTM_CELL);
    // σ and tanh over all four blocks (one call each; the unused blocks cost less than a split).
    const S = unary(be, 'Sigmoid', z);
    const Tz = unary(be, 'Tanh', z);
    const outs = Array.from({ length: 6 }, () => be.makeOutput([B, H], 'float32'));
    {
      const [, c, i, f, g, o] = outs.map((t) => view(be, t));
      const s = view(be, S), tz = view(be, Tz), cPrev = view(be, cIn);
      for (let b = 0; b < B; b++) {
        const zr = b * 4 * H, r = b * H;
        for (let k = 0; k < H; k++) {
          const ik = s[zr + k], fk = s[zr + H + k], gk = tz[zr + 2 * H + k], ok = s[zr + 3 * H + k];
          i[r + k] = ik; f[r + k] = fk; g[r + k] = gk; o[r + k] = ok;
          c[r + k] = fround(fk * cPrev[r + k]) + fround(ik * gk);
        }
      }
    }
    free(be, S, Tz);
    const Tc = unary(be, 'Tanh', outs[1]);
    const h = view(be, outs[0]), o = view(be, outs[5]), tc = view(be, Tc);
    for (let k = 0; k < B * H; k++) h[k] = o[k] * tc[k];
    free(be, Tc);
    return outs;
  },
});

tf.registerKernel({
  kernelName: LSTM_CELL_GRAD, backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const be = wasm(backend);
    const [B, H] = dimsOf(input(inputs, 'dh', LSTM_CELL_GRAD), 1, LSTM_CELL_GRAD);
    const Tc = unary(be, 'Tanh', input(inputs, 'c', LSTM_CELL_GRAD));
    const dz = be.makeOutput([B, 4 * H], 'float32');
    const dcPrev = be.makeOutput([B, H], 'float32');
    const r = (k: string) => view(be, input(inputs, k, LSTM_CELL_GRAD));
    lstmGradLoop(B, H, r('dh'), r('dc'), r('i'), r('f'), r('g'), r('o'), r('c'), r('cPrev'), view(be, dz), view(be, dcPrev), view(be, Tc));
    free(be, Tc);
    return [dz, dcPrev];
  },
});

tf.registerKernel({
  kernelName: GRU_CELL, backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const be = wasm(backend);
    const gxIn = input(inputs, 'gx', GRU_CELL);
    const ghIn = input(inputs, 'gh', GRU_CELL);
    const hIn = input(inputs, 'h', GRU_CELL);
    const [B, H] = dimsOf(gxIn, 3, GRU_CELL);
    // r and z: one σ over their joined pre-activation, as the op-by-op step.
    const A = be.makeOutput([B, 2 * H], 'float32');
    {
      const a = view(be, A), gx = view(be, gxIn), gh = view(be, ghIn);
      for (let b = 0; b < B; b++) {
        for (let k = 0; k < 2 * H; k++) a[b * 2 * H + k] = gx[b * 3 * H + k] + gh[b * 3 * H + k];
      }
    }
    const RZ = unary(be, 'Sigmoid', A);
    free(be, A);
    const P = be.makeOutput([B, H], 'float32');
    {
      const p = view(be, P), rz = view(be, RZ), gx = view(be, gxIn), gh = view(be, ghIn);
      for (let b = 0; b < B; b++) {
        for (let k = 0; k < H; k++) p[b * H + k] = gx[b * 3 * H + 2 * H + k] + fround(rz[b * 2 * H + k] * gh[b * 3 * H + 2 * H + k]);
      }
    }
    const N = unary(be, 'Tanh', P);
    free(be, P);
    const outs = [be.makeOutput([B, H], 'float32'), be.makeOutput([B, H], 'float32'), be.makeOutput([B, H], 'float32')];
    {
      const [h, r, z] = outs.map((t) => view(be, t));
      const rz = view(be, RZ), n = view(be, N), hPrev = view(be, hIn);
      for (let b = 0; b < B; b++) {
        for (let k = 0; k < H; k++) {
          const row = b * H + k;
          const zk = rz[b * 2 * H + H + k];
          r[row] = rz[b * 2 * H + k];
          z[row] = zk;
          // n + z (h − n), the op-by-op step's order of operations.
          h[row] = n[row] + fround(zk * fround(hPrev[row] - n[row]));
        }
      }
    }
    free(be, RZ);
    return [outs[0], outs[1], outs[2], N];
  },
});

tf.registerKernel({
  kernelName: GRU_CELL_GRAD, backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const be = wasm(backend);
    const [B, H] = dimsOf(input(inputs, 'dh', GRU_CELL_GRAD), 1, GRU_CELL_GRAD);
    const dgx = be.makeOutput([B, 3 * H], 'float32');
    const dgh = be.makeOutput([B, 3 * H], 'float32');
    const dhPrev = be.makeOutput([B, H], 'float32');
    const r = (k: string) => view(be, input(inputs, k, GRU_CELL_GRAD));
    gruGradLoop(B, H, r('dh'), r('r'), r('z'), r('n'), r('hPrev'), r('gh'), view(be, dgx), view(be, dgh), view(be, dhPrev));
    return [dgx, dgh, dhPrev];
  },
});

tf.registerKernel({
  kernelName: RNN_CELL, backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const be = wasm(backend);
    const aIn = input(inputs, 'a', RNN_CELL);
    const bIn = input(inputs, 'b', RNN_CELL);
    const [B, H] = dimsOf(aIn, 1, RNN_CELL);
    const pre = be.makeOutput([B, H], 'float32');
    const relu = activationOf(attrs);
    {
      const p = view(be, pre), a = view(be, aIn), b = view(be, bIn);
      if (relu) for (let k = 0; k < B * H; k++) { const v = fround(a[k] + b[k]); p[k] = v > 0 ? v : 0; }
      else for (let k = 0; k < B * H; k++) p[k] = a[k] + b[k];
    }
    if (relu) return pre;
    const h = unary(be, 'Tanh', pre);
    free(be, pre);
    return h;
  },
});

tf.registerKernel({
  kernelName: RNN_CELL_GRAD, backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const be = wasm(backend);
    const [B, H] = dimsOf(input(inputs, 'dh', RNN_CELL_GRAD), 1, RNN_CELL_GRAD);
    const dpre = be.makeOutput([B, H], 'float32');
    rnnGradLoop(B * H, activationOf(attrs), view(be, input(inputs, 'dh', RNN_CELL_GRAD)), view(be, input(inputs, 'h', RNN_CELL_GRAD)), view(be, dpre));
    return dpre;
  },
});

tf.registerKernel({
  kernelName: MATMUL_2D, backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const a = input(inputs, 'a', MATMUL_2D);
    const b = input(inputs, 'b', MATMUL_2D);
    const fused = tf.getKernel('_FusedMatMul', 'wasm');
    if (!fused) throw new Error('the WASM backend has no _FusedMatMul kernel');
    // The backend's matmul wants 3-D operands; a 3-D view of the same data is only a new shape.
    const out = fused.kernelFunc({
      inputs: { a: { ...a, shape: [1, ...a.shape] }, b: { ...b, shape: [1, ...b.shape] }, ...(inputs.bias ? { bias: inputs.bias } : {}) },
      backend,
      attrs: { transposeA: false, transposeB: false, activation: 'linear', leakyreluAlpha: 0 },
    }) as tf.TensorInfo;
    // An addend [B, n] (the other half of x·W_ihᵀ + h·W_hhᵀ) added in place: one Add kernel less.
    if (inputs.addend) {
      const y = view(wasm(backend), out);
      const d = view(wasm(backend), inputs.addend);
      for (let k = 0; k < y.length; k++) y[k] += d[k];
    }
    return { dataId: out.dataId, shape: [a.shape[0], b.shape[1]], dtype: out.dtype };
  },
});

// Two of tfjs-wasm 4.22's own kernels cost far more than their work, on every training step:
// - Identity (what tf.clone and every tensor a gradient saves for later run) copies the whole
//   tensor, where the CPU and WebGL backends share its memory by reference count. The WASM
//   backend counts references too (its Reshape shares memory), and no kernel writes into an
//   input, so sharing is safe; a saved weight matrix is no longer copied once per step.
// - Slice reads the WHOLE input out of the heap (readSync copies it) for every slice, and Unpack
//   slices T times, so unstacking [T, B, K] costs O(T² B K): ~10 ms for a [50, 32, 64] gradient.
//   The versions below read a view of the heap instead: the same bytes out, O(B K) per slice.
// Strings (never used here) go to the original kernels.
const originals = new Map<string, tf.KernelConfig>();

function overrideWasm(kernelName: string, make: (original: tf.KernelFunc) => tf.KernelFunc): void {
  const original = tf.getKernel(kernelName, 'wasm');
  if (!original || (original as { atlas?: boolean }).atlas) return;
  originals.set(kernelName, original);
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: make(original.kernelFunc), setupFunc: original.setupFunc, disposeFunc: original.disposeFunc, atlas: true } as tf.KernelConfig);
}

/** Puts tfjs-wasm's own Identity, Slice and Unpack back (setFusedEnabled(false)). */
export function removeWasmOverrides(): void {
  for (const [name, config] of originals) {
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(config);
  }
  originals.clear();
}

function sliceView(be: BackendWasm, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
  const out = be.makeOutput(size, x.dtype);
  const src = be.typedArrayFromHeap(x);
  const dst = be.typedArrayFromHeap(out);
  const rank = x.shape.length;
  const strides = new Array<number>(rank);
  for (let d = rank - 1, s = 1; d >= 0; d--) { strides[d] = s; s *= x.shape[d]; }
  // Copy runs of the innermost dimension; the outer ones are walked with an index counter.
  const inner = size[rank - 1] ?? 1;
  const outer = size.slice(0, -1);
  const n = outer.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(outer.length).fill(0);
  for (let k = 0, o = 0; k < n; k++, o += inner) {
    let off = rank ? begin[rank - 1] : 0;
    for (let d = 0; d < outer.length; d++) off += (begin[d] + idx[d]) * strides[d];
    dst.set(src.subarray(off, off + inner), o);
    for (let d = outer.length - 1; d >= 0; d--) { if (++idx[d] < outer[d]) break; idx[d] = 0; }
  }
  return out;
}

export function installWasmOverrides(): void {
  overrideWasm('Identity', (original) => (args) => {
    const x = input(args.inputs, 'x', 'Identity');
    const backend = args.backend;
    if (x.dtype === 'string') return original(args);
    (backend as BackendWasm).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  });
  overrideWasm('Slice', (original) => (args) => {
    const { backend, attrs } = args;
    const x = input(args.inputs, 'x', 'Slice');
    if (x.dtype === 'string') return original(args);
    const a = attrs as unknown as { begin: number | number[]; size: number | number[] };
    const [begin, size] = tf.slice_util.parseSliceParams(x as tf.Tensor, a.begin, a.size);
    return sliceView(backend as BackendWasm, x, begin, size);
  });
  overrideWasm('Unpack', (original) => (args) => {
    const { backend, attrs } = args;
    const value = input(args.inputs, 'value', 'Unpack');
    if (value.dtype === 'string') return original(args);
    const rank = value.shape.length;
    let axis = (attrs as unknown as { axis: number }).axis;
    if (axis < 0) axis += rank;
    const outShape = value.shape.filter((_, d) => d !== axis);
    const begin = new Array<number>(rank).fill(0);
    const size = value.shape.slice();
    size[axis] = 1;
    const outs: tf.TensorInfo[] = [];
    for (let k = 0; k < value.shape[axis]; k++) {
      begin[axis] = k;
      const o = sliceView(backend as BackendWasm, value, begin, size);
      outs.push({ dataId: o.dataId, dtype: o.dtype, shape: outShape });
    }
    return outs;
  });
}

onFirstFusedUse('wasm', installWasmOverrides);
onFusedToggle((on) => {
  if (!on) removeWasmOverrides();
  else if (fusedEnabled() && tf.getKernel('Identity', 'wasm')) installWasmOverrides();
});
