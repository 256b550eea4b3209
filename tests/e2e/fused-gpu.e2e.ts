// The fused cell kernels (src/cells/fused) in Chromium on WebGPU and WebGL (SwiftShader here),
// with WASM and CPU alongside: builds the check page tests/browser/fused on its own (the app's
// bundle carries none of it), serves it, and asserts what the page measured: every kernel within
// float32 rounding of a plain-JS reference, gradients through the wrappers likewise, the cells'
// fused step actually taken on the GPU backends and equal to the op-by-op step, no tensor leaked.
// E2E_FUSED_PAGE=<folder> reuses a build of the page instead of building it.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser';
import type { Scenario } from './scenario';
import { serveDir } from './static-server';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface OutputCheck { maxErr: number; tol: number; shapeOk: boolean }
interface FusedResult {
  error?: string;
  adapter: string;
  started: string[];
  skipped: { backend: string; reason: string }[];
  kernels: { backend: string; mode?: string; kernel: string; activation?: string; B: number; H: number; missing?: boolean; outputs?: OutputCheck[]; leaked?: number; leakedBuffers?: number; error?: string }[];
  grads: { backend: string; cell: string; inputs?: Record<string, OutputCheck>; skipped?: string; error?: string }[];
  cells: { backend: string; cell: string; atlasKernels: string[]; kernelsFused: number; kernelsOps: number; programsFused?: number | null; programsOps?: number | null; lossDiff: number; gradMaxDiff: number; tol: number; leaked: number; error?: string }[];
}

const GPU = ['webgpu', 'webgl'];
/** The fused kernels each cell's step must run, forward and backward. */
const CELL_KERNELS: Record<string, string[]> = {
  lstm: ['AtlasLstmCell', 'AtlasLstmCellGrad'],
  gru: ['AtlasGruCell', 'AtlasGruCellGrad'],
  // The Elman RNN's fused step is CPU/WASM only (rnn.ts): on a GPU its op-by-op step is one matmul
  // over [x, h], fewer launches than two products and the kernel.
  rnn: [],
  'rnn-relu': [],
};

function buildPage(): string {
  if (process.env.E2E_FUSED_PAGE) return process.env.E2E_FUSED_PAGE;
  const out = mkdtempSync(join(tmpdir(), 'atlas-fused-page-'));
  execSync(`npx vite build --config tests/browser/fused/vite.config.ts --outDir ${out}`, { cwd: root, stdio: 'inherit' });
  return out;
}

async function readResult(dir: string): Promise<FusedResult> {
  const server = await serveDir(dir);
  const ctx = await launchBrowser({ webgpu: true });
  try {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // CPU is left out: its kernels are checked in Node (tests/unit/fused-cells.test.ts), and here it
    // would only add time.
    await page.goto(`${server.url}/index.html?backends=webgpu,webgl,wasm`);
    await page.waitForFunction(() => (window as unknown as { __fusedResult?: unknown }).__fusedResult, null, { timeout: 120_000, polling: 250 });
    const result = (await page.evaluate(() => (window as unknown as { __fusedResult?: unknown }).__fusedResult)) as FusedResult;
    if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
    return result;
  } finally {
    await ctx.close();
    await server.close();
  }
}

/** Every failed expectation, one line each, so that one run shows them all. */
export function problems(r: FusedResult): string[] {
  if (r.error) return [`the page failed: ${r.error}`];
  const bad: string[] = [];
  for (const b of GPU) if (!r.started.includes(b)) bad.push(`${b} did not start (${r.skipped.find((s) => s.backend === b)?.reason ?? '?'})`);
  const outOk = (o: OutputCheck) => o.shapeOk && o.maxErr <= o.tol;
  const fmt = (o: OutputCheck) => `${o.shapeOk ? '' : 'wrong shape, '}error ${o.maxErr.toExponential(2)} > ${o.tol.toExponential(2)}`;
  for (const k of r.kernels) {
    const what = `${k.backend}${k.mode ? ` (${k.mode})` : ''} ${k.kernel}${k.activation ? `(${k.activation})` : ''} B=${k.B} H=${k.H}`;
    // CPU and WASM kernels are the other helper's files; a GPU backend must have all of them.
    if (k.missing) {
      if (GPU.includes(k.backend)) bad.push(`${what}: not registered`);
      continue;
    }
    if (k.error) bad.push(`${what}: ${k.error}`);
    k.outputs?.forEach((o, i) => !outOk(o) && bad.push(`${what} output ${i}: ${fmt(o)}`));
    if (k.leaked) bad.push(`${what}: ${k.leaked} tensor(s) leaked`);
    if (k.leakedBuffers) bad.push(`${what}: ${k.leakedBuffers} backend buffer(s) leaked`);
  }
  for (const g of r.grads) {
    if (g.skipped) {
      if (GPU.includes(g.backend)) bad.push(`${g.backend} ${g.cell} gradient: skipped (${g.skipped})`);
      continue;
    }
    if (g.error) bad.push(`${g.backend} ${g.cell} gradient: ${g.error}`);
    for (const [name, o] of Object.entries(g.inputs ?? {})) if (!outOk(o)) bad.push(`${g.backend} ${g.cell} d${name}: ${fmt(o)}`);
  }
  for (const c of r.cells) {
    const what = `${c.backend} ${c.cell} step`;
    if (c.error) {
      bad.push(`${what}: ${c.error}`);
      continue;
    }
    if (GPU.includes(c.backend)) {
      const missing = CELL_KERNELS[c.cell].filter((k) => !c.atlasKernels.includes(k));
      if (missing.length) bad.push(`${what}: the fused kernels ${missing.join(', ')} did not run (ran: ${c.atlasKernels.join(', ') || 'none'})`);
      // The point of fusing: never more launches than op by op (Identity and Reshape launch nothing).
      else if (!(c.kernelsFused <= c.kernelsOps)) bad.push(`${what}: ${c.kernelsFused} kernel launches fused, more than ${c.kernelsOps} op by op`);
      // The programs the backend really ran (WebGPU dispatches; WebGL draws, pack/unpack included).
      else if (c.programsFused != null && c.programsOps != null && c.programsFused > c.programsOps)
        bad.push(`${what}: ${c.programsFused} GPU programs fused, more than ${c.programsOps} op by op`);
    }
    if (!(c.lossDiff <= c.tol) || !(c.gradMaxDiff <= c.tol))
      bad.push(`${what}: fused and op-by-op differ (loss ${c.lossDiff.toExponential(2)}, gradients ${c.gradMaxDiff.toExponential(2)}, tolerance ${c.tol.toExponential(2)})`);
    if (c.leaked) bad.push(`${what}: ${c.leaked} tensor(s) leaked`);
  }
  return bad;
}

export const scenarios: Scenario[] = [
  {
    name: 'fused kernels: WebGPU and WebGL agree with the reference, and the cells take the fused step',
    async run() {
      const dir = buildPage();
      const result = await readResult(dir).finally(() => {
        if (!process.env.E2E_FUSED_PAGE) rmSync(dir, { recursive: true, force: true });
      });
      const bad = problems(result);
      const checked = result.kernels?.filter((k) => k.outputs).length ?? 0;
      console.log(`    adapter: ${result.adapter}; backends: ${result.started?.join(', ')}; ${checked} kernel runs checked`);
      for (const c of result.cells ?? [])
        if (c.programsFused != null) console.log(`    ${c.backend} ${c.cell}: ${c.programsFused} GPU programs fused, ${c.programsOps} op by op (one forward + backward, T = 3)`);
      if (bad.length) throw new Error(`${bad.length} problem(s):\n${bad.join('\n')}`);
    },
  },
];
