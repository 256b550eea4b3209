// `npm run bench`: ms per training step of our LSTM/GRU vs tf.layers.lstm/gru at the same sizes,
// in Node (WASM and CPU backends) and in Chromium on every backend that starts, plus main-thread
// long tasks while the app trains, the cost of singular-value clipping per step (Node, WASM), and
// a training step's cost with the instrument views open vs closed (Node, WASM), the per-kernel
// profile, the loading report (JS per chunk, first contentful paint) and the soak.
// Writes bench/results/latest.json. Not a test: numbers only.
// `--only=<key>` runs one part and updates only that key of latest.json:
//   node_results ours vs tf.layers per training step in Node, WASM and CPU, with the matmul floor
//   instruments  the instruments' cost (bench/instruments.ts)
//   whatif       the what-if page's recompute + redraw time (bench/whatif.ts)
//   profile      per-kernel profiles of a training step (bench/profile.ts)
//   loading      JS per chunk and time to first contentful paint of a lesson (bench/loading.ts)
//   soak         10,000 steps per cell in Node and 15 minutes of the app in Chromium (bench/soak.ts);
//                --soak-steps=N, --soak-cells=a,b and --soak-minutes=M shorten it.
//   soak_long    the Node soak of --soak-cells for --soak-steps (e.g. 30,000) with V8's heap growth
//                by space, kept under its own key.
// `--real-gpu` launches Chromium on the machine's GPU instead of SwiftShader (browser part).
import { getHeapSpaceStatistics } from 'node:v8';
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/engine/node-backend';
import { DEFAULT_CASES, runCases, type BenchResult } from './core';
import { svClipBench } from './sv-clip';
import { instrumentsBench } from './instruments';
import { whatifBench } from './whatif';
import { loadingBench } from './loading';
import { profileBench } from './profile';
import { mergeNodeSoak, soakBrowserBench, soakNodeBench, type NodeSoak } from './soak';
import { launchBrowser } from '../tests/e2e/browser';
import { serveDir } from '../tests/e2e/static-server';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const root = fileURLToPath(new URL('..', import.meta.url));
const hidden = quick ? [64] : [64, 256];
const budgetMs = quick ? 1500 : 3000;
const backendsArg = process.argv.find((a) => a.startsWith('--backends='))?.slice('--backends='.length);
const log = (s: string) => console.log(s);
const realGpu = args.has('--real-gpu');
const valueOf = (flag: string) => process.argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
const soakSteps = Number(valueOf('--soak-steps') ?? 10_000);
const soakMinutes = Number(valueOf('--soak-minutes') ?? 15);
const soakCells = valueOf('--soak-cells')?.split(',');

async function profilePart(): Promise<unknown> {
  return profileBench(log);
}

async function loadingPart(): Promise<unknown> {
  return loadingBench(root, log);
}

/**
 * The soak, or part of it: `--soak-cells=a,b` runs those cells and keeps the other cells of the
 * previous report's Node soak (same steps per cell), and `--soak-minutes=0` keeps its Chromium
 * soak, so the hour-long whole can be run in pieces and still reads as one report.
 */
/** Bytes used in each V8 heap space (code_space grows as the JIT compiles, old_space with live objects). */
function heapSpaces(): Record<string, number> {
  return Object.fromEntries(getHeapSpaceStatistics().map((sp) => [sp.space_name, sp.space_used_size]));
}

async function soakPart(prev?: unknown): Promise<unknown> {
  const before = (prev ?? {}) as { node?: NodeSoak; browser?: unknown };
  let node = await soakNodeBench(log, { steps: soakSteps, cells: soakCells });
  if (soakCells && before.node?.stepsPerCell === node.stepsPerCell) node = mergeNodeSoak(before.node, node);
  const browser = soakMinutes === 0 && before.browser
    ? before.browser
    : await soakBrowserBench(root, log, soakMinutes).catch((e) => ({ error: String(e) }));
  return { date: new Date().toISOString(), node, browser };
}

async function nodeBench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const b of ['wasm', 'cpu'] as const) {
    const got = await useNodeBackend(b);
    if (got !== b) continue;
    out.push(...(await runCases(DEFAULT_CASES.filter((c) => hidden.includes(c.hidden)), { budgetMs, minReps: b === 'cpu' ? 1 : 3, log: (s) => log(`node ${s}`) })));
  }
  return out;
}

async function browserBench(): Promise<unknown> {
  execSync('npx vite build --config bench/vite.bench.config.ts', { cwd: root, stdio: 'inherit' });
  const server = await serveDir(`${root}/bench/dist`);
  const ctx = await launchBrowser({ webgpu: true, realGpu });
  try {
    const page = await ctx.newPage();
    page.on('console', (m) => log(`browser: ${m.text()}`));
    await page.goto(`${server.url}/index.html?hidden=${hidden.join(',')}&budget=${budgetMs}${backendsArg ? `&backends=${backendsArg}` : ''}`);
    await page.waitForFunction(() => (window as unknown as { __benchResult?: unknown }).__benchResult, null, { timeout: 40 * 60_000, polling: 1000 });
    return await page.evaluate(() => (window as unknown as { __benchResult?: unknown }).__benchResult);
  } finally {
    await ctx.close();
    await server.close();
  }
}

/** Long tasks (> 50 ms) on the app's main thread over 10 s of live training. */
async function longTasks(): Promise<unknown> {
  if (!existsSync(`${root}/dist/index.html`)) execSync('npx vite build', { cwd: root, stdio: 'inherit' });
  const server = await serveDir(`${root}/dist`);
  const ctx = await launchBrowser({ webgpu: true });
  try {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/?cell=lstm&task=copy`);
    await page.waitForSelector('[data-testid=play-toggle]');
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
    });
    const stepText = async () => Number((await page.textContent('[data-testid=step-counter]'))?.replace(/\D/g, '') || 0);
    await page.click('[data-testid=play-toggle]');
    const s0 = await stepText();
    await page.waitForTimeout(10_000);
    const s1 = await stepText();
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    return { seconds: 10, stepsTrained: s1 - s0, longTaskCount: long.length, longTaskTotalMs: long.reduce((a, b) => a + b, 0), longestMs: Math.max(0, ...long) };
  } finally {
    await ctx.close();
    await server.close();
  }
}

const instrumentsHidden = [32, 64];
const instrumentsSeconds = quick ? 4 : 12;
/** `--only=<key>`: one part, written into its own key of latest.json, the other keys kept. */
const ONLY: Record<string, (prev?: unknown) => Promise<unknown>> = {
  node_results: nodeBench,
  whatif: () => whatifBench(root, log),
  instruments: async () => {
    if ((await useNodeBackend('wasm')) !== 'wasm') throw new Error('the instruments bench wants the WASM backend');
    return { date: new Date().toISOString(), results: await instrumentsBench(instrumentsHidden, instrumentsSeconds, (s) => log(`node ${s}`)) };
  },
  profile: profilePart,
  loading: loadingPart,
  soak: soakPart,
  // A longer Node soak of a few cells (--soak-cells, --soak-steps), kept apart from the 10,000-step
  // one: whether a heap that grew within 10,000 steps goes on growing, and in which V8 space.
  soak_long: async () => {
    const before = heapSpaces();
    const run = await soakNodeBench(log, { steps: soakSteps, cells: soakCells });
    const after = heapSpaces();
    return { date: new Date().toISOString(), ...run, heapSpaceGrowth: Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)])) };
  },
};
const only = valueOf('--only');
if (only !== undefined) {
  const part = Object.hasOwn(ONLY, only) ? ONLY[only] : undefined;
  if (!part) {
    console.error(`unknown --only=${only}; one of ${Object.keys(ONLY).join(', ')}`);
    process.exit(2);
  }
  const file = `${root}/bench/results/latest.json`;
  const prev = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  prev[only] = await part(prev[only]);
  mkdirSync(`${root}/bench/results`, { recursive: true });
  writeFileSync(file, JSON.stringify(prev, null, 2) + '\n');
  log(`updated bench/results/latest.json (${only})`);
  process.exit(0);
}

const report: Record<string, unknown> = { date: new Date().toISOString(), quick, tfjs: tf.version.tfjs, node: process.version };
if (!args.has('--skip-node')) {
  report.node_results = await nodeBench();
  if ((await useNodeBackend('wasm')) === 'wasm') {
    report.sv_clip = await svClipBench(quick ? [32, 128] : [32, 64, 128], (s) => log(`node ${s}`));
    report.instruments = { date: report.date, results: await instrumentsBench(instrumentsHidden, instrumentsSeconds, (s) => log(`node ${s}`)) };
  }
  report.profile = await profilePart().catch((e) => ({ error: String(e) }));
}
if (!args.has('--skip-browser')) {
  report.browser = await browserBench().catch((e) => ({ error: String(e) }));
  if (!args.has('--skip-app')) report.mainThread = await longTasks().catch((e) => ({ error: String(e) }));
  report.whatif = await whatifBench(root, log).catch((e) => ({ error: String(e) }));
  report.loading = await loadingPart().catch((e) => ({ error: String(e) }));
}
// The soak takes most of an hour; it runs on its own (`--only=soak`) unless asked for here.
if (args.has('--with-soak')) report.soak = await soakPart().catch((e) => ({ error: String(e) }));
mkdirSync(`${root}/bench/results`, { recursive: true });
writeFileSync(`${root}/bench/results/latest.json`, JSON.stringify(report, null, 2) + '\n');
log(`wrote bench/results/latest.json`);
process.exit(0);
