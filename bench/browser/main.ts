// The in-browser half of `npm run bench`: the same cases as in Node, on every tfjs backend
// that starts in this browser. bench/run.ts reads window.__benchResult.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { DEFAULT_CASES, runCases, type BenchResult } from '../core';

declare global {
  interface Window { __benchResult?: unknown; __benchParams?: { backends?: string[]; budgetMs?: number; hidden?: number[] } }
}

const log = (s: string) => {
  document.getElementById('log')!.textContent += '\n' + s;
};

/** The WebGPU adapter the numbers were measured on: a real GPU, or SwiftShader (software). */
export interface AdapterReport {
  present: boolean;
  /** Why there is none (navigator.gpu missing, no adapter) or what failed. */
  note?: string;
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
  /** Software: SwiftShader, llvmpipe or a fallback adapter; its WebGPU numbers say nothing about a GPU. */
  software?: boolean;
  /** The software adapter is SwiftShader (what headless Chromium falls back to without GPU flags). */
  swiftshader?: boolean;
}

interface AdapterInfoLike { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; device?: string; description?: string }

async function webgpuAdapter(): Promise<AdapterReport> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return { present: false, note: 'navigator.gpu missing' };
  const adapter = (await gpu.requestAdapter()) as { isFallbackAdapter?: boolean; info?: AdapterInfoLike; requestAdapterInfo?(): Promise<AdapterInfoLike> } | null;
  if (!adapter) return { present: false, note: 'no adapter' };
  // adapter.info is the current API; requestAdapterInfo() the one older Chromium versions have.
  const info = adapter.info ?? (adapter.requestAdapterInfo ? await adapter.requestAdapterInfo() : {});
  const isFallbackAdapter = !!(adapter.isFallbackAdapter || info.isFallbackAdapter);
  const text = [info.vendor, info.architecture, info.device, info.description].join(' ');
  return {
    present: true, vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description,
    isFallbackAdapter, software: isFallbackAdapter || /swiftshader|llvmpipe|software/i.test(text), swiftshader: /swiftshader/i.test(text),
  };
}

const adapterNote = (a: AdapterReport) =>
  a.present ? `adapter ${a.vendor || '?'} ${a.architecture ?? ''} ${a.description ?? ''}${a.software ? ' (software)' : ''}`.replace(/\s+/g, ' ').trim() : a.note;

async function main() {
  setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });
  const params = new URL(location.href).searchParams;
  const backends = (params.get('backends') ?? 'webgpu,webgl,wasm,cpu').split(',');
  const budgetMs = Number(params.get('budget') ?? 3000);
  const hidden = (params.get('hidden') ?? '64,256').split(',').map(Number);
  const results: BenchResult[] = [];
  const skipped: { backend: string; reason: string }[] = [];
  const adapter = await webgpuAdapter().catch((e): AdapterReport => ({ present: false, note: String(e) }));
  const notes: Record<string, string | undefined> = { webgpu: adapterNote(adapter) };
  log(`WebGPU: ${notes.webgpu}`);
  for (const b of backends) {
    try {
      if (!(await tf.setBackend(b))) throw new Error('setBackend returned false');
      await tf.ready();
    } catch (e) {
      skipped.push({ backend: b, reason: (e as Error).message ?? String(e) });
      log(`${b}: did not start (${(e as Error).message})`);
      continue;
    }
    const cases = DEFAULT_CASES.filter((c) => hidden.includes(c.hidden));
    results.push(...(await runCases(cases, { budgetMs, minReps: b === 'cpu' ? 1 : 3, log })));
  }
  window.__benchResult = { userAgent: navigator.userAgent, adapter, results, skipped, notes };
  log('done');
}

main().catch((e) => {
  window.__benchResult = { error: String(e?.stack ?? e) };
});
