// Picks the tfjs backend in a page or worker. Automatic choice: every backend that could run is
// checked; WebGPU (on a hardware adapter), WASM, and WebGL when there is no WebGPU adapter are timed
// on a small LSTM-like training step (≤ ~1.5 s in all), and the fastest wins. A software adapter
// (SwiftShader) is not timed unless asked: it is slower than WASM and costs seconds to compile. The
// timings go back in the report with a key for this device (adapter + user agent); the page keeps
// them and hands them to the next worker, which then starts the remembered backend without timing.
// Asked for by name (the link's backend=…) or after a fault, the fixed order WebGPU → WebGL → WASM →
// CPU applies, skipping a GPU backend whose adapter is software unless it was asked for.
// Every skipped backend gets one human-readable reason for the badge/notice in the UI.
// Backends are imported dynamically so the page bundle does not carry them.
import * as tf from '@tensorflow/tfjs-core';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName, BackendReport, BackendTiming, FallbackCode, RememberedBackend } from '../protocol/messages';
import { timeTrainingStep } from './step-timing';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_LABEL: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export interface BackendChoice {
  prefer?: BackendName | 'auto';
  disabled?: BackendName[];
  /** A folder that serves the .wasm files, instead of the copies Vite bundles. */
  wasmPaths?: string;
  /** Earlier measurements by device key: a match is used instead of timing again. */
  remembered?: Record<string, RememberedBackend>;
  /** false: no timing, the fixed order (after a fault, where the next backend is wanted at once). */
  measure?: boolean;
  /** Time allowed per backend timed (ms), the first compiling step included. */
  budgetMs?: number;
  /** Backends that died during training (a lost context or device): not tried again in this worker. */
  lost?: BackendName[];
  /**
   * Time software adapters too (tests: the only GPUs here are SwiftShader's). Off by default: they
   * are known to be slower than WASM, and timing one costs seconds (SwiftShader's WebGPU took 9 s to
   * compile the first step on a 2-core machine).
   */
  timeSoftware?: boolean;
}

/** The backends that are timed in an automatic choice; CPU is always the slowest in a browser. */
const TIMED: readonly BackendName[] = ['webgpu', 'wasm', 'webgl'];

/** Usable, or not and why; `software` means it would run, only slowly: used when asked for by name. */
export type Verdict = { ok: true } | { ok: false; reason: string; software?: boolean; code?: FallbackCode; detail?: string };

export interface Candidate {
  check(): Promise<Verdict>;
  /** Imports and activates the backend; throws or returns false when it cannot start. */
  start(): Promise<boolean>;
  /** Times a training-like step on the active backend (after start); absent: never timed. */
  time?(budgetMs: number): Promise<Pick<BackendTiming, 'ms' | 'firstMs'>>;
  /** What the check saw of the device (adapter or renderer), for the device key; after check(). */
  describe?(): string;
}

export async function chooseBackend(
  choice: BackendChoice = {},
  candidates: Record<BackendName, Candidate> = browserCandidates(choice),
  userAgent: string = globalThis.navigator?.userAgent ?? '',
): Promise<BackendReport> {
  const prefer = choice.prefer && choice.prefer !== 'auto' ? choice.prefer : null;
  if (prefer) return { ...(await chooseInOrder(choice, candidates)), how: 'forced' };
  if (choice.measure === false) return { ...(await chooseInOrder(choice, candidates)), how: 'order' };
  return chooseByTiming(choice, candidates, userAgent);
}

/**
 * Checks every backend, then times those that could run (see TIMED) and starts the fastest, or
 * the one remembered for this device. With fewer than two to time it falls back to the fixed order.
 */
async function chooseByTiming(choice: BackendChoice, candidates: Record<BackendName, Candidate>, userAgent: string): Promise<BackendReport> {
  const fallbacks: BackendReport['fallbacks'] = [];
  const verdicts = new Map<BackendName, Verdict>();
  for (const name of BACKEND_ORDER) {
    if (choice.lost?.includes(name)) {
      fallbacks.push({ backend: name, reason: `${BACKEND_LABEL[name]}: lost its GPU context or device during training`, code: 'lost' });
      continue;
    }
    if (choice.disabled?.includes(name)) {
      fallbacks.push({ backend: name, reason: `${BACKEND_LABEL[name]}: turned off in the settings`, code: 'disabled' });
      continue;
    }
    verdicts.set(name, await safeCheck(candidates[name]));
  }
  const runnable = (n: BackendName) => {
    const v = verdicts.get(n);
    return v !== undefined && (v.ok || (v.software === true && choice.timeSoftware === true));
  };
  let pool = TIMED.filter((n) => runnable(n) && candidates[n].time);
  // WebGL is timed only where WebGPU is not: on a GPU that has both, WebGPU runs the same shaders with less overhead.
  if (pool.includes('webgpu')) pool = pool.filter((n) => n !== 'webgl');
  const deviceKey = [
    ...BACKEND_ORDER.map((n) => (verdicts.has(n) ? candidates[n].describe?.() : undefined)).filter(Boolean),
    userAgent,
  ].join(' | ');
  const order = (): Promise<BackendReport> => chooseInOrder(choice, candidates).then((r) => ({ ...r, how: 'order' as const, deviceKey }));
  if (pool.length < 2) return order();
  const kept = choice.remembered?.[deviceKey];
  if (kept && pool.includes(kept.backend)) {
    try {
      if (await candidates[kept.backend].start()) return { backend: kept.backend, fallbacks: notTimed(), how: 'remembered', measured: kept.measured, deviceKey };
    } catch {
      // Started once, not now (a driver update?): measure again below.
    }
  }
  const budgetMs = choice.budgetMs ?? 600;
  const measured: BackendTiming[] = [];
  for (const name of pool) {
    const v = verdicts.get(name)!;
    const software = !v.ok && v.software ? v.detail ?? 'software' : undefined;
    try {
      if (!(await candidates[name].start())) throw new Error('tfjs could not start it');
      measured.push({ backend: name, ...(software ? { software } : {}), ...(await candidates[name].time!(budgetMs)) });
    } catch (e) {
      measured.push({ backend: name, ms: null, ...(software ? { software } : {}), error: errorText(e) });
    }
  }
  const timed = measured.filter((m): m is BackendTiming & { ms: number } => m.ms !== null).sort((a, b) => a.ms - b.ms);
  for (const best of timed) {
    try {
      if (await candidates[best.backend].start()) return { backend: best.backend, fallbacks: notTimed(), how: 'measured', measured, deviceKey };
    } catch {
      // On to the next fastest.
    }
  }
  return order();

  /** Backends that were neither timed nor usable, with why (the timed ones speak for themselves). */
  function notTimed(): BackendReport['fallbacks'] {
    const out = [...fallbacks];
    for (const name of BACKEND_ORDER) {
      const v = verdicts.get(name);
      if (!v || pool.includes(name) || name === 'cpu') continue;
      if (!v.ok) out.push({ backend: name, reason: `${BACKEND_LABEL[name]}: ${v.reason}`, code: v.code, detail: v.detail });
    }
    return out;
  }
}

async function safeCheck(candidate: Candidate): Promise<Verdict> {
  try {
    return await candidate.check();
  } catch (e) {
    return { ok: false, reason: `the check failed (${errorText(e)})`, code: 'check-failed', detail: errorText(e) };
  }
}

/** WebGPU → WebGL → WASM → CPU (the preferred one first), the first that passes its check and starts. */
async function chooseInOrder(choice: BackendChoice, candidates: Record<BackendName, Candidate>): Promise<BackendReport> {
  const prefer = choice.prefer && choice.prefer !== 'auto' ? choice.prefer : null;
  const order = prefer ? [prefer, ...BACKEND_ORDER.filter((b) => b !== prefer)] : BACKEND_ORDER;
  const fallbacks: BackendReport['fallbacks'] = [];
  const skip = (backend: BackendName, why: string, code?: FallbackCode, detail?: string) =>
    fallbacks.push({ backend, reason: `${BACKEND_LABEL[backend]}: ${why}`, code, detail });
  for (const name of order) {
    if (choice.lost?.includes(name)) {
      skip(name, 'lost its GPU context or device during training', 'lost');
      continue;
    }
    if (choice.disabled?.includes(name)) {
      skip(name, 'turned off in the settings', 'disabled');
      continue;
    }
    const verdict = await safeCheck(candidates[name]);
    if (!verdict.ok && !(verdict.software && name === prefer)) {
      skip(name, verdict.reason, verdict.code, verdict.detail);
      continue;
    }
    try {
      if (await candidates[name].start()) return { backend: name, fallbacks };
      skip(name, 'tfjs could not start it', 'start-failed', '');
    } catch (e) {
      skip(name, `tfjs could not start it (${errorText(e)})`, 'start-failed', errorText(e));
    }
  }
  throw new Error(`no tfjs backend could start: ${fallbacks.map((f) => f.reason).join('; ')}`);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function activate(name: BackendName): Promise<boolean> {
  const ok = await tf.setBackend(name);
  if (ok) await tf.ready();
  return ok;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  requestAdapterInfo?(): Promise<GpuAdapterLike['info']>;
}

const SOFTWARE = /swiftshader|llvmpipe|software|microsoft basic render/i;

/** What the checks saw of this device's GPU (the device key's parts). */
const seen: { webgpu?: string; webgl?: string } = {};

async function checkWebGpu(): Promise<Verdict> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return { ok: false, reason: 'this browser does not offer WebGPU (navigator.gpu is missing)', code: 'missing' };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { ok: false, reason: 'the browser found no WebGPU adapter', code: 'no-adapter' };
  // adapter.info is the current API; requestAdapterInfo() the one older Chromium versions have.
  const info = adapter.info ?? (adapter.requestAdapterInfo ? await adapter.requestAdapterInfo() : undefined);
  const text = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ');
  seen.webgpu = `webgpu: ${[info?.vendor, info?.architecture, info?.device, info?.description].filter(Boolean).join(' ') || 'unknown adapter'}${adapter.isFallbackAdapter || info?.isFallbackAdapter ? ' (fallback)' : ''}`;
  if (adapter.isFallbackAdapter || info?.isFallbackAdapter || SOFTWARE.test(text)) {
    const detail = /swiftshader/i.test(text) || !text ? 'SwiftShader' : text;
    return {
      ok: false,
      software: true,
      reason: `the browser offers only a software adapter (${detail}), which is slower than WASM here`,
      code: 'software',
      detail,
    };
  }
  return { ok: true };
}

function checkWebGl(): Verdict {
  if (typeof OffscreenCanvas === 'undefined') return { ok: false, reason: 'no OffscreenCanvas to draw with in this context', code: 'no-canvas' };
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
  if (!gl) return { ok: false, reason: 'this browser does not offer WebGL 2', code: 'missing' };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  seen.webgl = `webgl: ${renderer}`;
  if (SOFTWARE.test(renderer)) {
    const detail = /swiftshader/i.test(renderer) ? 'SwiftShader' : renderer;
    return { ok: false, software: true, reason: `the renderer is software (${detail}), which is slower than WASM here`, code: 'software', detail };
  }
  return { ok: true };
}

/** setWasmPaths throws once the WASM backend has started, and a timed choice may start it twice. */
let wasmPathsSet = false;

export function browserCandidates(choice: BackendChoice): Record<BackendName, Candidate> {
  const time = (budgetMs: number) => timeTrainingStep(budgetMs);
  return {
    webgpu: {
      check: checkWebGpu,
      describe: () => seen.webgpu ?? '',
      time,
      start: async () => {
        await import('@tensorflow/tfjs-backend-webgpu');
        return activate('webgpu');
      },
    },
    webgl: {
      check: async () => checkWebGl(),
      describe: () => seen.webgl ?? '',
      time,
      start: async () => {
        await import('@tensorflow/tfjs-backend-webgl');
        return activate('webgl');
      },
    },
    wasm: {
      check: async () =>
        typeof WebAssembly === 'object' ? { ok: true } : { ok: false, reason: 'this browser has no WebAssembly', code: 'missing' },
      time,
      start: async () => {
        const wasm = await import('@tensorflow/tfjs-backend-wasm');
        // The threaded build needs cross-origin isolation and did not help on small machines, so
        // it stays off; setWasmPaths still insists on a URL for all three binaries.
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        if (!wasmPathsSet) {
          wasm.setWasmPaths(choice.wasmPaths ?? {
            'tfjs-backend-wasm.wasm': wasmUrl,
            'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
            'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
          });
          wasmPathsSet = true;
        }
        return activate('wasm');
      },
    },
    cpu: {
      check: async () => ({ ok: true }),
      start: async () => {
        await import('@tensorflow/tfjs-backend-cpu');
        return activate('cpu');
      },
    },
  };
}
