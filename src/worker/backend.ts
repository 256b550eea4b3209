// Picks the tfjs backend in a page or worker: WebGPU → WebGL → WASM → CPU, skipping a GPU
// backend whose adapter is software (SwiftShader), because on such machines WASM is faster.
// Every skipped backend gets one human-readable reason for the badge/notice in the UI.
// Backends are imported dynamically so the page bundle does not carry them.
import * as tf from '@tensorflow/tfjs-core';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName, BackendReport, FallbackCode } from '../protocol/messages';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_LABEL: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export interface BackendChoice {
  prefer?: BackendName | 'auto';
  disabled?: BackendName[];
  /** A folder that serves the .wasm files, instead of the copies Vite bundles. */
  wasmPaths?: string;
}

/** Usable, or not and why; `software` means it would run, only slowly: used when asked for by name. */
export type Verdict = { ok: true } | { ok: false; reason: string; software?: boolean; code?: FallbackCode; detail?: string };

export interface Candidate {
  check(): Promise<Verdict>;
  /** Imports and activates the backend; throws or returns false when it cannot start. */
  start(): Promise<boolean>;
}

export async function chooseBackend(
  choice: BackendChoice = {},
  candidates: Record<BackendName, Candidate> = browserCandidates(choice),
): Promise<BackendReport> {
  const prefer = choice.prefer && choice.prefer !== 'auto' ? choice.prefer : null;
  const order = prefer ? [prefer, ...BACKEND_ORDER.filter((b) => b !== prefer)] : BACKEND_ORDER;
  const fallbacks: BackendReport['fallbacks'] = [];
  const skip = (backend: BackendName, why: string, code?: FallbackCode, detail?: string) =>
    fallbacks.push({ backend, reason: `${BACKEND_LABEL[backend]}: ${why}`, code, detail });
  for (const name of order) {
    if (choice.disabled?.includes(name)) {
      skip(name, 'turned off in the settings', 'disabled');
      continue;
    }
    let verdict: Verdict;
    try {
      verdict = await candidates[name].check();
    } catch (e) {
      verdict = { ok: false, reason: `the check failed (${errorText(e)})`, code: 'check-failed', detail: errorText(e) };
    }
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
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  requestAdapterInfo?(): Promise<GpuAdapterLike['info']>;
}

const SOFTWARE = /swiftshader|llvmpipe|software|microsoft basic render/i;

async function checkWebGpu(): Promise<Verdict> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return { ok: false, reason: 'this browser does not offer WebGPU (navigator.gpu is missing)', code: 'missing' };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { ok: false, reason: 'the browser found no WebGPU adapter', code: 'no-adapter' };
  // adapter.info is the current API; requestAdapterInfo() the one older Chromium versions have.
  const info = adapter.info ?? (adapter.requestAdapterInfo ? await adapter.requestAdapterInfo() : undefined);
  const text = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ');
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
  if (SOFTWARE.test(renderer)) {
    const detail = /swiftshader/i.test(renderer) ? 'SwiftShader' : renderer;
    return { ok: false, software: true, reason: `the renderer is software (${detail}), which is slower than WASM here`, code: 'software', detail };
  }
  return { ok: true };
}

export function browserCandidates(choice: BackendChoice): Record<BackendName, Candidate> {
  return {
    webgpu: {
      check: checkWebGpu,
      start: async () => {
        await import('@tensorflow/tfjs-backend-webgpu');
        return activate('webgpu');
      },
    },
    webgl: {
      check: async () => checkWebGl(),
      start: async () => {
        await import('@tensorflow/tfjs-backend-webgl');
        return activate('webgl');
      },
    },
    wasm: {
      check: async () =>
        typeof WebAssembly === 'object' ? { ok: true } : { ok: false, reason: 'this browser has no WebAssembly', code: 'missing' },
      start: async () => {
        const wasm = await import('@tensorflow/tfjs-backend-wasm');
        // The threaded build needs cross-origin isolation and did not help on small machines, so
        // it stays off; setWasmPaths still insists on a URL for all three binaries.
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        wasm.setWasmPaths(choice.wasmPaths ?? {
          'tfjs-backend-wasm.wasm': wasmUrl,
          'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
          'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
        });
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
