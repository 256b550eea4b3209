// Soak (issue 13, item 7): does a long run leak? In Node, every cell of the catalogue trains
// `steps` steps (10,000 by default) at small sizes with the real Trainer on the WASM backend, a
// telemetry snapshot every 50 steps as the worker takes them, and tf.memory().numTensors,
// numBytes and the JS heap (after a forced GC) are sampled every 500 steps. In Chromium, the built
// app trains with every view open for `minutes`, and the page's and the worker's JS heaps are
// sampled every minute through the DevTools protocol. Numbers and verdicts only, not a test.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { execSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import * as tf from '@tensorflow/tfjs';
import { cellList } from '../src/cells/registry';
import { useNodeBackend } from '../src/engine/node-backend';
import { Trainer, type TrainerConfig } from '../src/engine/trainer';
import { launchBrowser } from '../tests/e2e/browser';
import { serveDir } from '../tests/e2e/static-server';

type Log = (s: string) => void;

/** Sizes of the Node soak: small, so the whole catalogue fits in a bench run. */
export const SOAK_SIZES = { hidden: 8, seqLen: 10, batch: 4 } as const;
const SAMPLE_EVERY = 500;
const SNAPSHOT_EVERY = 50;
/** Samples before this step are warm-up (kernels compile, Adam's slots and caches fill). */
const WARMUP_STEPS = 1000;
/**
 * A heap that grows by less than this per 1,000 steps (least-squares slope after warm-up, heap
 * measured after a forced GC) counts as flat: 10,000 steps would then add < 0.5 MB, while a leak
 * of one telemetry point per step (~100 B) would already show as ~100 kB per 1,000 steps.
 */
export const HEAP_SLOPE_BOUND = 50_000;

export interface SoakSample {
  step: number;
  numTensors: number;
  numBytes: number;
  heapUsed: number;
  /** Of heapUsed, V8's code space: compiled code, which grows as the JIT optimises hot loops, then stops. */
  codeSpaceUsed?: number;
}

export interface CellSoak {
  cell: string;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  samples: SoakSample[];
  /** Bytes of JS heap per 1,000 steps after warm-up (least squares). */
  heapSlopePer1000: number;
  tensorsFlat: boolean;
  bytesFlat: boolean;
  heapFlat: boolean;
  flat: boolean;
  /** Full collections before each heap sample (GC_PASSES; absent in reports from before it was 2: one). */
  gcPasses?: number;
  error?: string;
}

export interface NodeSoak {
  backend: string;
  sizes: typeof SOAK_SIZES;
  stepsPerCell: number;
  sampleEvery: number;
  warmupSteps: number;
  heapSlopeBoundPer1000: number;
  totalSeconds: number;
  allFlat: boolean;
  cells: CellSoak[];
}

/** A GC we can call: V8 exposes one once the flag is set, through a fresh context. */
/**
 * Two full collections: one alone leaves a sawtooth of up to ~1 MB in the samples (what the
 * first frees, finalizers and weak maps release for the second), which reads as a slope over
 * 10,000 steps where a 30,000-step run shows none.
 */
export const GC_PASSES = 2;

function forcedGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? () => { for (let i = 0; i < GC_PASSES; i++) gc(); } : () => {};
}

/** Least-squares slope of y over x. */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Flat: after warm-up every sample has the same tensor count and bytes, and the heap's slope is within the bound. */
export function verdict(samples: SoakSample[]): Pick<CellSoak, 'heapSlopePer1000' | 'tensorsFlat' | 'bytesFlat' | 'heapFlat' | 'flat'> {
  const after = samples.filter((s) => s.step >= WARMUP_STEPS);
  const ref = after[0];
  const tensorsFlat = !!ref && after.every((s) => s.numTensors === ref.numTensors);
  const bytesFlat = !!ref && after.every((s) => s.numBytes === ref.numBytes);
  const heapSlopePer1000 = slope(after.map((s) => s.step), after.map((s) => s.heapUsed)) * 1000;
  const heapFlat = after.length >= 2 && heapSlopePer1000 < HEAP_SLOPE_BOUND;
  return { heapSlopePer1000: Math.round(heapSlopePer1000), tensorsFlat, bytesFlat, heapFlat, flat: tensorsFlat && bytesFlat && heapFlat };
}

function soakConfig(cellId: string): TrainerConfig {
  return {
    cellId, cellOptions: {}, taskId: 'adding', seqLen: SOAK_SIZES.seqLen, hiddenSize: SOAK_SIZES.hidden, numLayers: 1,
    bidirectional: false, learningRate: 0.01, batchSize: SOAK_SIZES.batch, recurrentScale: 0, clipNorm: 1, seed: 1,
  };
}

async function soakCell(cellId: string, steps: number, gc: () => void, log: Log): Promise<CellSoak> {
  const samples: SoakSample[] = [];
  const t0 = performance.now();
  let trainer: Trainer | null = null;
  let error: string | undefined;
  try {
    trainer = new Trainer(soakConfig(cellId));
    for (let step = 1; step <= steps; step++) {
      trainer.trainStep();
      if (step % SNAPSHOT_EVERY === 0) await trainer.snapshot(1);
      if (step % SAMPLE_EVERY === 0) {
        gc();
        const m = tf.memory();
        const codeSpaceUsed = getHeapSpaceStatistics().find((sp) => sp.space_name === 'code_space')?.space_used_size;
        samples.push({ step, numTensors: m.numTensors, numBytes: m.numBytes, heapUsed: process.memoryUsage().heapUsed, codeSpaceUsed });
      }
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    trainer?.dispose();
  }
  const seconds = (performance.now() - t0) / 1000;
  const v = verdict(samples);
  const result: CellSoak = {
    cell: cellId, steps, seconds: Math.round(seconds * 10) / 10, stepsPerSecond: Math.round(steps / seconds), samples, ...v, gcPasses: GC_PASSES,
    ...(error ? { error, flat: false } : {}),
  };
  const last = samples.at(-1);
  log(`soak ${cellId}: ${steps} steps in ${result.seconds} s; tensors ${samples[0]?.numTensors}→${last?.numTensors}, `
    + `bytes ${samples[0]?.numBytes}→${last?.numBytes}, heap slope ${v.heapSlopePer1000} B/1000 steps: ${result.flat ? 'flat' : 'NOT FLAT'}${error ? ` (${error})` : ''}`);
  return result;
}

/**
 * The Node soak over the catalogue (or the given cells). `steps` per cell defaults to 10,000;
 * at H 8, T 10, B 4 on 2 cores that takes minutes per cell, so `npm run bench -- --only=soak
 * --soak-steps=N` can shorten it (the report says how many ran).
 */
export async function soakNodeBench(log: Log, opts: { steps?: number; cells?: string[] } = {}): Promise<NodeSoak> {
  const steps = opts.steps ?? 10_000;
  const backend = await useNodeBackend('wasm');
  const gc = forcedGc();
  const ids = opts.cells ?? cellList.map((c) => c.id);
  const t0 = performance.now();
  const cells: CellSoak[] = [];
  // Each cell's result also goes to a file as it lands: an hour's run is not lost to a late crash.
  const partial = `${tmpdir()}/atlas-soak-cells.jsonl`;
  for (const id of ids) {
    cells.push(await soakCell(id, steps, gc, log));
    appendFileSync(partial, JSON.stringify(cells.at(-1)) + '\n');
  }
  return {
    backend, sizes: SOAK_SIZES, stepsPerCell: steps, sampleEvery: SAMPLE_EVERY, warmupSteps: WARMUP_STEPS,
    heapSlopeBoundPer1000: HEAP_SLOPE_BOUND, totalSeconds: Math.round((performance.now() - t0) / 1000),
    allFlat: cells.every((c) => c.flat), cells,
  };
}

/** `fresh`'s cells replace those of `old` with the same id; the rest of `old` is kept, in catalogue order. */
export function mergeNodeSoak(old: NodeSoak, fresh: NodeSoak): NodeSoak {
  const byId = new Map(old.cells.map((c) => [c.cell, c]));
  for (const c of fresh.cells) byId.set(c.cell, c);
  const order = cellList.map((c) => c.id);
  const cells = [...byId.values()].sort((a, b) => order.indexOf(a.cell) - order.indexOf(b.cell));
  return {
    ...fresh, cells, allFlat: cells.every((c) => c.flat),
    totalSeconds: Math.round(cells.reduce((s, c) => s + c.seconds, 0)),
  };
}

export interface BrowserSoakSample {
  minute: number;
  /** Training steps shown by the page's step counter. */
  step: number;
  /** JS heap in use (CDP Runtime.getHeapUsage on the page's target, after a forced GC). */
  pageHeapUsed: number;
  /** The training worker's JS heap (CDP Runtime.getHeapUsage on the worker's target, after a forced GC), or null. */
  workerHeapUsed: number | null;
}

export interface BrowserSoak {
  minutes: number;
  url: string;
  /** Views open while it trained. */
  views: string[];
  samples: BrowserSoakSample[];
  /** Least-squares slopes after the first minute, bytes per minute. */
  pageHeapSlopePerMinute: number;
  workerHeapSlopePerMinute: number | null;
  /** A heap that grows by less than this per minute counts as flat (15 min: < 7.5 MB in all). */
  slopeBoundPerMinute: number;
  pageFlat: boolean;
  workerFlat: boolean | null;
  flat: boolean;
  workerHeapHow: string;
  error?: string;
}

/** 0.5 MB a minute: a leak of one telemetry message per snapshot (~10 snapshots a second) would exceed it. */
const BROWSER_SLOPE_BOUND = 512 * 1024;

/** The character task (samples panel) with the instruments section open: the most views at once. */
const SOAK_URL = '/?cell=lstm&task=chars&hiddenSize=32&seed=1';

const stepOf = async (page: Page) => Number((await page.textContent('[data-testid=step-counter]'))?.replace(/\D/g, '') || 0);

/**
 * A DevTools session on the page's training worker. Playwright opens CDP sessions on pages only,
 * so this auto-attaches the page session to its child targets (non-flattened) and talks to the
 * worker through Target.sendMessageToTarget.
 */
async function workerSession(cdp: CDPSession): Promise<(method: string) => Promise<Record<string, unknown> | null>> {
  let workerId: string | null = null;
  let next = 1;
  const pending = new Map<number, (v: Record<string, unknown> | null) => void>();
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type === 'worker' && /trainer/.test(e.targetInfo.url)) workerId = e.sessionId;
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
    if (m.id !== undefined) pending.get(m.id)?.(m.result ?? null);
    if (m.id !== undefined) pending.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return async (method) => {
    if (!workerId) return null;
    const id = next++;
    const answer = new Promise<Record<string, unknown> | null>((resolve) => {
      pending.set(id, resolve);
      setTimeout(() => resolve(null), 10_000);
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId: workerId, message: JSON.stringify({ id, method, params: {} }) });
    return answer;
  };
}

/**
 * The built app in Chromium, training with every view open for `minutes`, the page's and the
 * worker's heap sampled every minute. Builds into a temporary folder (never dist/).
 */
export async function soakBrowserBench(root: string, log: Log, minutes = 15): Promise<BrowserSoak> {
  const out = `${tmpdir()}/atlas-soak-dist`;
  execSync(`npx vite build --outDir ${out} --emptyOutDir`, { cwd: root, stdio: 'inherit' });
  const server = await serveDir(out);
  const ctx = await launchBrowser({ webgpu: true });
  const samples: BrowserSoakSample[] = [];
  const views: string[] = [];
  let error: string | undefined;
  let workerHeapHow = 'CDP Runtime.getHeapUsage on the worker target (Target.setAutoAttach, Target.sendMessageToTarget)';
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(`${server.url}${SOAK_URL}`);
    await page.waitForSelector('[data-testid=play-toggle]');
    await page.waitForSelector('[data-testid=backend-badge]:not(:empty)', { timeout: 60_000 }).catch(() => {});
    await page.click('[data-testid=instruments-toggle]');
    await page.waitForSelector('[data-testid=instruments-section][data-open="1"]', { timeout: 30_000 });
    views.push('instruments');
    if (await page.$('[data-testid=samples-panel]')) views.push('samples');
    const inWorker = await workerSession(cdp);
    await page.click('[data-testid=play-toggle]');
    await page.waitForTimeout(3000);
    // Every chart the page shows has export buttons named after it (loss, heatmaps, gradient norms …).
    views.push(...(await page.$$eval('[data-testid^="export-png-"]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice('export-png-'.length)))));
    const sample = async (minute: number) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      await inWorker('HeapProfiler.collectGarbage');
      const w = await inWorker('Runtime.getHeapUsage');
      const workerHeapUsed = typeof w?.usedSize === 'number' ? w.usedSize : null;
      const s: BrowserSoakSample = { minute, step: await stepOf(page), pageHeapUsed: usedSize, workerHeapUsed };
      samples.push(s);
      log(`soak browser: minute ${minute}, step ${s.step}, page heap ${(usedSize / 2 ** 20).toFixed(1)} MB, worker heap ${s.workerHeapUsed === null ? 'n/a' : `${(s.workerHeapUsed / 2 ** 20).toFixed(1)} MB`}`);
    };
    await page.waitForTimeout(2000);
    await sample(0);
    for (let m = 1; m <= minutes; m++) {
      await page.waitForTimeout(60_000);
      await sample(m);
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    await ctx.close();
    await server.close();
  }
  const after = samples.filter((s) => s.minute >= 1);
  const pageSlope = slope(after.map((s) => s.minute), after.map((s) => s.pageHeapUsed));
  const w = after.filter((s) => s.workerHeapUsed !== null);
  const workerSlope = w.length >= 2 ? slope(w.map((s) => s.minute), w.map((s) => s.workerHeapUsed as number)) : null;
  if (workerSlope === null) workerHeapHow = 'not available: no worker target answered';
  const pageFlat = after.length >= 2 && pageSlope < BROWSER_SLOPE_BOUND;
  const workerFlat = workerSlope === null ? null : workerSlope < BROWSER_SLOPE_BOUND;
  return {
    minutes, url: SOAK_URL, views, samples,
    pageHeapSlopePerMinute: Math.round(pageSlope),
    workerHeapSlopePerMinute: workerSlope === null ? null : Math.round(workerSlope),
    slopeBoundPerMinute: BROWSER_SLOPE_BOUND, pageFlat, workerFlat,
    flat: !error && pageFlat && workerFlat !== false && (samples.at(-1)?.step ?? 0) > (samples[0]?.step ?? 0),
    workerHeapHow,
    ...(error ? { error } : {}),
  };
}
