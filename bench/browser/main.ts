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

async function adapterNote(): Promise<string | undefined> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return 'navigator.gpu missing';
  const adapter = (await gpu.requestAdapter()) as { info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; description?: string } } | null;
  if (!adapter) return 'no adapter';
  const info = adapter.info ?? {};
  return `adapter ${info.vendor ?? '?'} ${info.architecture ?? ''} ${info.description ?? ''}${info.isFallbackAdapter ? ' (fallback/software)' : ''}`.trim();
}

async function main() {
  setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });
  const params = new URL(location.href).searchParams;
  const backends = (params.get('backends') ?? 'webgpu,webgl,wasm,cpu').split(',');
  const budgetMs = Number(params.get('budget') ?? 3000);
  const hidden = (params.get('hidden') ?? '64,256').split(',').map(Number);
  const results: BenchResult[] = [];
  const skipped: { backend: string; reason: string }[] = [];
  const notes: Record<string, string | undefined> = { webgpu: await adapterNote().catch((e) => String(e)) };
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
  window.__benchResult = { userAgent: navigator.userAgent, results, skipped, notes };
  log('done');
}

main().catch((e) => {
  window.__benchResult = { error: String(e?.stack ?? e) };
});
