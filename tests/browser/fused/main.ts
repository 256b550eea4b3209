// The fused cell kernels, checked in a real browser on every tfjs backend that starts here
// (WebGPU and WebGL are SwiftShader on CI; WASM and CPU as the reference backends):
//  1. kernels: each kernel on seeded inputs against a plain-JS float64 reference (./reference.ts),
//     no tensor left behind;
//  2. gradients: tf.grads through the op wrappers (src/cells/fused/kernels.ts) against the same
//     reference, including a gradient that reaches a gate output;
//  3. cells: one forward + backward of the LSTM, GRU and RNN through the engine, with the fused
//     step on and off: which kernels ran (tf.profile), and that both paths give the same loss and
//     gradients;
//  4. (?timing=1) milliseconds of the LSTM's element-wise step alone and of a training step's
//     forward + backward, fused vs op by op (not asserted: timings vary ×3 on a loaded machine).
// tests/e2e/fused-gpu.e2e.ts builds this page, reads window.__fusedResult and asserts.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as fused from '../../../src/cells/fused';
import { setWebGpuOutputMode, type WebGpuOutputMode } from '../../../src/cells/fused/webgpu';
import { setWebGlOutputMode, type WebGlOutputMode } from '../../../src/cells/fused/webgl';
import { getCell } from '../../../src/cells/registry';
import { createRng } from '../../../src/engine/rng';
import { initStackValues, runStack, type StackConfig } from '../../../src/engine/stack';
import { INPUT_WIDTHS, makeInputs, maxAbsDiff, reference, rng, tolerance } from './reference';

const log = (s: string) => {
  document.getElementById('log')!.textContent += '\n' + s;
};

interface OutputCheck { maxErr: number; tol: number; shapeOk: boolean }
interface KernelCheck { backend: string; mode?: WebGpuOutputMode | WebGlOutputMode; kernel: string; activation?: string; B: number; H: number; missing?: boolean; outputs?: OutputCheck[]; leaked?: number; leakedBuffers?: number; error?: string }
interface GradCheck { backend: string; cell: string; inputs?: Record<string, OutputCheck>; skipped?: string; error?: string }
interface CellCheck {
  backend: string; cell: string; atlasKernels: string[];
  /** Kernels that launch work (tf.profile, one forward + backward), fused and op by op. */
  kernelsFused: number; kernelsOps: number;
  /** Shader programs the GPU backend actually ran (WebGL draws, WebGPU dispatches), including the
   *  layout conversions tf.profile does not list (WebGL's pack/unpack); null off the GPU. */
  programsFused?: number | null; programsOps?: number | null;
  lossDiff: number; gradMaxDiff: number; tol: number; leaked: number; error?: string;
  /** Kernel name → how many ran, fused and op by op: where the remaining launches are. */
  countsFused?: Record<string, number>; countsOps?: Record<string, number>;
}

// Kernels that launch nothing on a GPU backend (a reference count, a new shape) and op scopes
// tf.profile lists beside the kernels: left out of the launch counts.
const launches = (names: string[]) => names.filter((n) => n !== 'Identity' && n !== 'Reshape' && !n.endsWith('__op')).length;

/** Counts the shader programs the active GPU backend runs until stop() (internals of tfjs 4.22). */
function countGpuPrograms(): { stop(): number | null } {
  const backend = tf.engine().backend as unknown as Record<string, unknown> & { gpgpu?: Record<string, unknown> };
  const [host, method] = tf.getBackend() === 'webgl' ? [backend.gpgpu, 'executeProgram'] : [backend, 'recordAndSubmit'];
  if (!host || typeof host[method] !== 'function' || tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu') return { stop: () => null };
  const original = host[method] as (...args: unknown[]) => unknown;
  let n = 0;
  host[method] = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  return {
    stop: () => {
      host[method] = original;
      return n;
    },
  };
}

const countNames = (names: string[]) => names.reduce<Record<string, number>>((m, n) => ((m[n] = (m[n] ?? 0) + 1), m), {});
interface Timing { backend: string; cell: string; H: number; B: number; T: number; fusedMs: number; opsMs: number; reps: number }

const KERNELS: { kernel: string; activation?: string }[] = [
  { kernel: 'AtlasLstmCell' }, { kernel: 'AtlasLstmCellGrad' },
  { kernel: 'AtlasGruCell' }, { kernel: 'AtlasGruCellGrad' },
  { kernel: 'AtlasRnnCell', activation: 'tanh' }, { kernel: 'AtlasRnnCell', activation: 'relu' },
  { kernel: 'AtlasRnnCellGrad', activation: 'tanh' }, { kernel: 'AtlasRnnCellGrad', activation: 'relu' },
];
// H = 5: odd, so a gate block's edge falls inside a GPU's 2×2 texel or vec4; H = 64 with B = 33:
// more than one workgroup, a row count that is not a power of two; B = H = 1: tensors small
// enough that WebGL passes them as uniforms; H = 512 (the app's largest): WebGL's flat output
// outgrows one texture row and wraps into a 2-D texture.
const SIZES = [{ B: 3, H: 5 }, { B: 33, H: 64 }, { B: 1, H: 1 }, { B: 8, H: 512 }];

const check = (got: ArrayLike<number>, ref: Float64Array, shapeOk: boolean): OutputCheck =>
  ({ maxErr: maxAbsDiff(got, ref), tol: tolerance(ref), shapeOk });

async function checkKernels(backend: string): Promise<KernelCheck[]> {
  const out: KernelCheck[] = [];
  // WebGPU's two ways out of a kernel: buffer copies (the default) and a dispatch per output
  // (where the backend's internals are missing); both must give the same numbers.
  // WebGL's likewise: one flat program with views, or one packed program per output.
  const modes: (WebGpuOutputMode | WebGlOutputMode | undefined)[] =
    backend === 'webgpu' ? ['copies', 'programs'] : backend === 'webgl' ? ['flat', 'packed'] : [undefined];
  const setMode = (m: WebGpuOutputMode | WebGlOutputMode) =>
    m === 'flat' || m === 'packed' ? setWebGlOutputMode(m) : setWebGpuOutputMode(m);
  for (const mode of modes)
  for (const { B, H } of SIZES)
    for (const { kernel, activation } of KERNELS) {
      if (mode) setMode(mode);
      const r: KernelCheck = { backend, mode, kernel, activation, B, H };
      out.push(r);
      if (!tf.getKernel(kernel, backend)) {
        r.missing = true;
        continue;
      }
      const seed = 1000 * H + KERNELS.findIndex((k) => k.kernel === kernel && k.activation === activation);
      const x = makeInputs(kernel, B, H, seed);
      const before = tf.memory().numTensors;
      // The backend's own count of data: the kernels' intermediate flat output and input pack,
      // which no tensor stands for, must be gone once the results are read.
      const buffers = () => tf.engine().backend.numDataIds();
      const buffersBefore = buffers();
      const ins: tf.NamedTensorMap = {};
      try {
        for (const [k, w] of Object.entries(INPUT_WIDTHS[kernel])) ins[k] = tf.tensor2d(x[k], [B, w * H]);
        const attrs = activation ? { activation } : {};
        // runKernel hands back a bare tensor when a kernel returns one output not in an array.
        const outs = ([] as tf.Tensor[]).concat(tf.engine().runKernel(kernel, ins, attrs as unknown as tf.NamedAttrMap) as tf.Tensor | tf.Tensor[]);
        const ref = reference(kernel, x, B, H, attrs);
        const got = await Promise.all(outs.map((o) => o.data()));
        r.outputs = ref.map((rv, k) => check(got[k] ?? [], rv, !!outs[k] && outs[k].shape[0] === B && outs[k].size === rv.length));
        if (outs.length !== ref.length) r.error = `${outs.length} outputs, expected ${ref.length}`;
        tf.dispose(outs);
      } catch (e) {
        r.error = String((e as Error).message ?? e);
      }
      tf.dispose(Object.values(ins));
      r.leaked = tf.memory().numTensors - before;
      r.leakedBuffers = buffers() - buffersBefore;
    }
  setWebGpuOutputMode('copies');
  setWebGlOutputMode('auto');
  return out;
}

/** tf.grads through the wrappers, against the reference forward and gradient kernels. */
async function checkGrads(backend: string): Promise<GradCheck[]> {
  const out: GradCheck[] = [];
  const B = 4, H = 6;
  const rand = rng(77);
  const w = (n: number) => tf.tensor2d(Float32Array.from({ length: n * H * B }, () => rand() * 2 - 1), [B, n * H]);
  const data = async (ts: tf.Tensor[]) => Promise.all(ts.map((t) => t.data()));
  const hasAll = (k: string) => tf.getKernel(k, backend) && tf.getKernel(`${k}Grad`, backend);

  // LSTM: loss = Σ h·wh + c·wc + i·wi (the last term reaches a gate output).
  if (hasAll('AtlasLstmCell')) {
    const x = makeInputs('AtlasLstmCell', B, H, 5);
    const [wh, wc, wi] = [w(1), w(1), w(1)];
    const z = tf.tensor2d(x.z, [B, 4 * H]), c = tf.tensor2d(x.c, [B, H]);
    try {
      const g = tf.grads((zz: tf.Tensor, cc: tf.Tensor) => {
        const s = fused.lstmCell(zz as tf.Tensor2D, cc as tf.Tensor2D);
        return tf.sum(tf.addN([tf.mul(s.h, wh), tf.mul(s.c, wc), tf.mul(s.i, wi)]));
      })([z, c]);
      const [dz, dc] = await data(g);
      const [whv, wcv, wiv] = await data([wh, wc, wi]);
      const [h, cNew, i, f, gg, o] = reference('AtlasLstmCell', x, B, H);
      void h;
      const [rdz, rdc] = reference('AtlasLstmCellGrad', { dh: whv, dc: wcv, i, f, g: gg, o, c: cNew, cPrev: x.c }, B, H);
      for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) rdz[b * 4 * H + j] += wiv[b * H + j] * i[b * H + j] * (1 - i[b * H + j]);
      out.push({ backend, cell: 'lstm', inputs: { z: check(dz, rdz, true), c: check(dc, rdc, true) } });
      tf.dispose(g);
    } catch (e) {
      out.push({ backend, cell: 'lstm', error: String((e as Error).message ?? e) });
    }
    tf.dispose([wh, wc, wi, z, c]);
  } else out.push({ backend, cell: 'lstm', skipped: 'no fused LSTM kernels' });

  // GRU: loss = Σ h·wh.
  if (hasAll('AtlasGruCell')) {
    const x = makeInputs('AtlasGruCell', B, H, 6);
    const wh = w(1);
    const ins = [tf.tensor2d(x.gx, [B, 3 * H]), tf.tensor2d(x.gh, [B, 3 * H]), tf.tensor2d(x.h, [B, H])];
    try {
      const g = tf.grads((gx: tf.Tensor, gh: tf.Tensor, h: tf.Tensor) =>
        tf.sum(tf.mul(fused.gruCell(gx as tf.Tensor2D, gh as tf.Tensor2D, h as tf.Tensor2D).h, wh)))(ins);
      const got = await data(g);
      const [whv] = await data([wh]);
      const [, r, z, n] = reference('AtlasGruCell', x, B, H);
      const ref = reference('AtlasGruCellGrad', { dh: whv, r, z, n, hPrev: x.h, gh: x.gh }, B, H);
      out.push({ backend, cell: 'gru', inputs: { gx: check(got[0], ref[0], true), gh: check(got[1], ref[1], true), h: check(got[2], ref[2], true) } });
      tf.dispose(g);
    } catch (e) {
      out.push({ backend, cell: 'gru', error: String((e as Error).message ?? e) });
    }
    tf.dispose([wh, ...ins]);
  } else out.push({ backend, cell: 'gru', skipped: 'no fused GRU kernels' });

  // RNN (tanh and relu): loss = Σ h·wh, gradient to both summands.
  for (const activation of ['tanh', 'relu'] as const) {
    const cell = `rnn-${activation}`;
    if (!hasAll('AtlasRnnCell')) {
      out.push({ backend, cell, skipped: 'no fused RNN kernels' });
      continue;
    }
    const x = makeInputs('AtlasRnnCell', B, H, 7);
    const wh = w(1);
    const ins = [tf.tensor2d(x.a, [B, H]), tf.tensor2d(x.b, [B, H])];
    try {
      const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(fused.rnnCell(a as tf.Tensor2D, b as tf.Tensor2D, activation), wh)))(ins);
      const got = await data(g);
      const [whv] = await data([wh]);
      const [h] = reference('AtlasRnnCell', x, B, H, { activation });
      const [ref] = reference('AtlasRnnCellGrad', { dh: whv, h }, B, H, { activation });
      out.push({ backend, cell, inputs: { a: check(got[0], ref, true), b: check(got[1], ref, true) } });
      tf.dispose(g);
    } catch (e) {
      out.push({ backend, cell, error: String((e as Error).message ?? e) });
    }
    tf.dispose([wh, ...ins]);
  }
  return out;
}

interface StackRig { cfg: StackConfig; vars: tf.Variable[]; params: Record<string, tf.Variable>; xs: tf.Tensor3D; ys: tf.Tensor3D; dispose(): void }

function stackRig(cellId: string, options: Record<string, string | number | boolean>, H: number, B: number, T: number): StackRig {
  const cfg: StackConfig = { cell: getCell(cellId), inputSize: 3, hiddenSize: H, numLayers: 1, bidirectional: false, seqLen: T, options };
  const params: Record<string, tf.Variable> = {};
  for (const [name, v] of initStackValues(cfg, createRng(3))) params[name] = tf.variable(tf.tensor(v.values, v.shape), true);
  const r = createRng(4);
  const xs = tf.tensor3d(Float32Array.from({ length: T * B * 3 }, () => r.normal()), [T, B, 3]);
  const ys = tf.tensor3d(Float32Array.from({ length: T * B * H }, () => r.uniform(-0.5, 0.5)), [T, B, H]);
  const vars = Object.values(params);
  return { cfg, vars, params, xs, ys, dispose: () => tf.dispose([...vars, xs, ys]) };
}

/** Loss and gradients of one forward + backward, as plain arrays. */
function lossAndGrads(rig: StackRig) {
  return tf.variableGrads(() => tf.mean(tf.square(tf.sub(runStack(rig.cfg, rig.params, rig.xs).output, rig.ys))) as tf.Scalar, rig.vars);
}

async function checkCells(backend: string): Promise<CellCheck[]> {
  const out: CellCheck[] = [];
  const cases: [string, string, Record<string, string>][] = [['lstm', 'lstm', {}], ['gru', 'gru', {}], ['rnn', 'rnn', {}], ['rnn-relu', 'rnn', { nonlinearity: 'relu' }]];
  for (const [label, id, options] of cases) {
    const rig = stackRig(id, options, 6, 4, 3);
    const before = tf.memory().numTensors;
    try {
      const run = async (on: boolean) => {
        fused.setFusedEnabled(on);
        let res: { value: tf.Scalar; grads: tf.NamedTensorMap } | undefined;
        const gpu = countGpuPrograms();
        const prof = await tf.profile(() => {
          res = lossAndGrads(rig);
          return [res.value, ...Object.values(res.grads)];
        });
        const programs = gpu.stop();
        const names = prof.kernels.map((k) => k.name);
        const loss = (await res!.value.data())[0];
        const grads = await Promise.all(rig.vars.map((v) => res!.grads[v.name].data()));
        tf.dispose([res!.value, ...Object.values(res!.grads)]);
        return { names, loss, grads, programs };
      };
      // Unmeasured first: a first run also packs/uploads the inputs once, which would count against
      // whichever path ran first.
      await run(false);
      const a = await run(true);
      const b = await run(false);
      let gradMaxDiff = 0, scale = 0;
      a.grads.forEach((g, k) => {
        gradMaxDiff = Math.max(gradMaxDiff, maxAbsDiff(g, b.grads[k]));
        for (const v of b.grads[k]) scale = Math.max(scale, Math.abs(v));
      });
      out.push({
        backend, cell: label, atlasKernels: [...new Set(a.names.filter((n) => n.startsWith('Atlas')))].sort(),
        kernelsFused: launches(a.names), kernelsOps: launches(b.names), programsFused: a.programs, programsOps: b.programs, countsFused: countNames(a.names), countsOps: countNames(b.names),
        lossDiff: Math.abs(a.loss - b.loss), gradMaxDiff,
        // T = 3 steps back through time, 5× one kernel's rounding, on the gradients' own scale.
        tol: 5 * (1e-6 + 2e-6 * Math.max(scale, Math.abs(b.loss))),
        leaked: 0,
      });
    } catch (e) {
      out.push({ backend, cell: label, atlasKernels: [], kernelsFused: 0, kernelsOps: 0, lossDiff: NaN, gradMaxDiff: NaN, tol: 0, leaked: 0, error: String((e as Error).message ?? e) });
    } finally {
      fused.setFusedEnabled(true);
    }
    out[out.length - 1].leaked = tf.memory().numTensors - before;
    rig.dispose();
  }
  return out;
}

async function timeSteps(backend: string): Promise<Timing[]> {
  const out: Timing[] = [];
  const B = 32, T = 20, H = 64;
  for (const cell of ['lstm', 'gru']) {
    const rig = stackRig(cell, {}, H, B, T);
    const once = async () => {
      const r = lossAndGrads(rig);
      await r.value.data();
      tf.dispose([r.value, ...Object.values(r.grads)]);
    };
    const ms = { fused: 0, ops: 0 };
    let reps = 0;
    for (const on of [true, false]) {
      fused.setFusedEnabled(on);
      await once(); // warm-up: shader compilation
    }
    // Alternate the two so that a slow spell of the machine hits both alike.
    for (; reps < 4; reps++)
      for (const on of [true, false]) {
        fused.setFusedEnabled(on);
        const t0 = performance.now();
        await once();
        ms[on ? 'fused' : 'ops'] += performance.now() - t0;
      }
    fused.setFusedEnabled(true);
    out.push({ backend, cell, H, B, T, fusedMs: ms.fused / reps, opsMs: ms.ops / reps, reps });
    log(`${backend} ${cell}: fused ${(ms.fused / reps).toFixed(1)} ms, op by op ${(ms.ops / reps).toFixed(1)} ms`);
    rig.dispose();
  }
  return out;
}

interface KernelTiming { backend: string; what: string; B: number; H: number; ms: Record<string, number>; reps: number }

/** The LSTM's element-wise step alone (the GPU op-by-op path of src/cells/lstm.ts), forward and forward + backward. */
async function timeLstmKernel(backend: string): Promise<KernelTiming[]> {
  const B = 32, H = 64, reps = 10;
  const rand = rng(9);
  const t = (n: number) => tf.tensor2d(Float32Array.from({ length: B * n * H }, () => rand() * 4 - 2), [B, n * H]);
  const [z, c, w1, w2] = [t(4), t(1), t(1), t(1)];
  const ops = (zz: tf.Tensor2D, cc: tf.Tensor2D) => {
    const [i, f, , o] = tf.split(tf.sigmoid(zz), 4, 1);
    const g = tf.tanh(tf.slice(zz, [0, 2 * H], [-1, H]));
    const cn = tf.add(tf.mul(f, cc), tf.mul(i, g));
    return { h: tf.mul(o, tf.tanh(cn)), c: cn };
  };
  const fwd = (useFused: boolean) => (useFused ? fused.lstmCell(z as tf.Tensor2D, c as tf.Tensor2D) : ops(z as tf.Tensor2D, c as tf.Tensor2D)).h;
  const both = (useFused: boolean) => {
    const g = tf.grads((zz: tf.Tensor, cc: tf.Tensor) => {
      const s = useFused ? fused.lstmCell(zz as tf.Tensor2D, cc as tf.Tensor2D) : ops(zz as tf.Tensor2D, cc as tf.Tensor2D);
      return tf.sum(tf.add(tf.mul(s.h, w1), tf.mul(s.c, w2)));
    })([z, c]);
    return g[0];
  };
  const variants: [string, boolean, WebGpuOutputMode?][] = backend === 'webgpu'
    ? [['ops', false], ['fused (copies)', true, 'copies'], ['fused (programs)', true, 'programs']]
    : [['ops', false], ['fused', true]];
  const out: KernelTiming[] = [];
  for (const [what, run] of [['forward', fwd], ['forward+backward', both]] as const) {
    const ms: Record<string, number> = {};
    const once = async (useFused: boolean) => {
      const r = tf.tidy(() => run(useFused));
      await r.data();
      r.dispose();
    };
    for (const [name, useFused, mode] of variants) {
      if (mode) setWebGpuOutputMode(mode);
      await once(useFused);
      ms[name] = 0;
    }
    for (let k = 0; k < reps; k++)
      for (const [name, useFused, mode] of variants) {
        if (mode) setWebGpuOutputMode(mode);
        const t0 = performance.now();
        await once(useFused);
        ms[name] += (performance.now() - t0) / reps;
      }
    setWebGpuOutputMode('copies');
    out.push({ backend, what: `LSTM element-wise ${what}`, B, H, ms, reps });
    log(`${backend} LSTM ${what}: ${Object.entries(ms).map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ')}`);
  }
  tf.dispose([z, c, w1, w2]);
  return out;
}

async function adapterNote(): Promise<string> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return 'navigator.gpu missing';
  const adapter = (await gpu.requestAdapter()) as { info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean } } | null;
  if (!adapter) return 'no adapter';
  const i = adapter.info ?? {};
  return [i.vendor, i.architecture, i.description, i.isFallbackAdapter ? '(fallback)' : ''].filter(Boolean).join(' ');
}

declare global {
  interface Window { __fusedResult?: unknown }
}

async function main() {
  setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const params = new URL(location.href).searchParams;
  const backends = (params.get('backends') ?? 'webgpu,webgl,wasm,cpu').split(',');
  // ?webgl=packed|flat: the WebGL output mode for the cells and timings (the kernels run both;
  // otherwise 'auto', the app's).
  const webglMode = params.get('webgl');
  const defaultWebGl = () => {
    if (webglMode === 'flat' || webglMode === 'packed') setWebGlOutputMode(webglMode);
  };
  const result = {
    adapter: await adapterNote().catch((e) => String(e)),
    started: [] as string[],
    skipped: [] as { backend: string; reason: string }[],
    kernels: [] as KernelCheck[], grads: [] as GradCheck[], cells: [] as CellCheck[], timing: [] as Timing[], kernelTiming: [] as KernelTiming[],
    phaseMs: {} as Record<string, number>,
  };
  for (const b of backends) {
    try {
      if (!(await tf.setBackend(b))) throw new Error('setBackend returned false');
      await tf.ready();
    } catch (e) {
      result.skipped.push({ backend: b, reason: String((e as Error).message ?? e) });
      log(`${b}: did not start`);
      continue;
    }
    result.started.push(b);
    let t0 = performance.now();
    const lap = (what: string) => {
      result.phaseMs[`${b} ${what}`] = Math.round(performance.now() - t0);
      t0 = performance.now();
    };
    result.kernels.push(...(await checkKernels(b)));
    defaultWebGl();
    lap('kernels');
    result.grads.push(...(await checkGrads(b)));
    lap('grads');
    result.cells.push(...(await checkCells(b)));
    lap('cells');
    // ?timing=1: the element-wise step and whole training steps; ?timing=kernels: the former only.
    const timing = params.get('timing');
    if ((timing === '1' || timing === 'kernels') && b !== 'cpu') result.kernelTiming.push(...(await timeLstmKernel(b)));
    if (timing === '1' && b !== 'cpu') result.timing.push(...(await timeSteps(b)));
    log(`${b}: done`);
  }
  window.__fusedResult = result;
  log('done');
}

main().catch((e) => {
  window.__fusedResult = { error: String(e?.stack ?? e) };
});
