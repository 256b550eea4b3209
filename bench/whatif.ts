// The what-if page's budget (issue 10, item 6): at T = 200 and H = 64 one slider move must
// recompute and redraw in under 100 ms. Two numbers:
// - Node: computeWhatIf alone (the page's computation, plain JS), median and worst over ρ moves;
// - Chromium: the app's what-if page, a ρ move as an input event on the slider, timed from the
//   event to the end of the first frame painted with the ‖∂h_T/∂h_t‖ curve, the spectrum and the
//   memory chart showing the new values (worker round trip + recompute + React + D3 redraw), median and
//   worst, and the main thread's long tasks (> 50 ms) meanwhile.
// `npm run bench -- --only=whatif` runs just this and updates the `whatif` key of latest.json.
import { execSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { computeWhatIf } from '../src/engine/instruments/whatif';
import { launchBrowser } from '../tests/e2e/browser';
import { serveDir } from '../tests/e2e/static-server';

const T = 200;
const H = 64;
const RHOS = [0.5, 0.7, 0.9, 1.0, 1.1, 1.3, 1.5, 0.6, 0.8, 1.2, 1.4, 0.95, 1.05, 0.55, 1.45];

const MOVE_SCRIPT = `
  const slider = document.querySelector('[data-testid=slider-wiRho]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const hPath = () => document.querySelector('[data-testid=whatif-jacobian] g.s[data-series=whatif-h] path.line').getAttribute('data-values');
  const radius = () => Number(document.querySelector('[data-testid=whatif-spectrum]').getAttribute('data-radius'));
  const memory = () => document.querySelector('[data-testid=whatif-memory] path.data').getAttribute('d');
  const total = [];
  const compute = [];
  const long = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration))).observe({ type: 'longtask' });
  for (const [i, rho] of [0.52, 0.74, 1.26, 1.48, 0.98, ...rhos].entries()) {
    const warmUp = i < 5; // the first moves warm the worker's JIT up and are not counted
    const h0 = hPath();
    const m0 = memory();
    const t0 = performance.now();
    setValue.call(slider, String(rho));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    // Watch the DOM: when the last of the three views shows the new rho (inside the animation
    // frame that draws it), a task queued then runs right after that frame is painted.
    await new Promise((done) => {
      const ready = () => hPath() !== h0 && memory() !== m0 && Math.abs(radius() - rho) < 1e-6;
      const obs = new MutationObserver(() => {
        if (!ready()) return;
        obs.disconnect();
        setTimeout(done, 0);
      });
      obs.observe(document.querySelector('[data-testid=whatif-page]'), { attributes: true, subtree: true });
    });
    if (warmUp) {
      long.length = 0;
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    total.push(performance.now() - t0);
    compute.push(Number(document.querySelector('[data-testid=whatif-timing]').getAttribute('data-ms')));
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 100));
  return { total, compute, long };
`;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, medianMs: +s[Math.floor(s.length / 2)].toFixed(1), p90Ms: +s[Math.floor(s.length * 0.9)].toFixed(1), maxMs: +s[s.length - 1].toFixed(1) };
}

export function whatifNode(): ReturnType<typeof stats> {
  const p = { matrix: 'orthogonal' as const, rho: 0.9, T, H, inputScale: 0.2, seed: 1 };
  for (let i = 0; i < 3; i++) computeWhatIf({ ...p, rho: 0.9 + i * 1e-3 }); // warm up the JIT and the cached Q
  const ms: number[] = [];
  for (const rho of RHOS) {
    const t0 = performance.now();
    computeWhatIf({ ...p, rho });
    ms.push(performance.now() - t0);
  }
  return stats(ms);
}

export async function whatifBrowser(root: string, log: (s: string) => void): Promise<unknown> {
  const out = `${tmpdir()}/rnn-atlas-bench-whatif`;
  execSync(`npx vite build --outDir ${out} --emptyOutDir`, { cwd: root, stdio: 'inherit' });
  const server = await serveDir(out);
  const ctx = await launchBrowser({});
  try {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => log(`browser error: ${e}`));
    await page.goto(`${server.url}/?page=whatif&wiRho=0.9&wiLen=${T}&wiHidden=${H}&wiScale=0.2&wiMatrix=orthogonal&seed=1`);
    await page.waitForSelector('[data-testid=whatif-jacobian] path.line[data-values]');
    await page.waitForTimeout(500);
    // A string, not a function: tsx's keep-names helper (__name) does not exist in the page.
    const res = (await page.evaluate(`(async (rhos) => {${MOVE_SCRIPT}})(${JSON.stringify(RHOS)})`)) as { total: number[]; compute: number[]; long: number[] };
    // The computation runs in the page's what-if worker; long tasks (> 50 ms) are the main thread's.
    return { total: stats(res.total), computeInWorker: stats(res.compute), mainThreadLongTasks: res.long.length, longestTaskMs: +Math.max(0, ...res.long).toFixed(0) };
  } finally {
    await ctx.close();
    await server.close();
  }
}

/** How busy the machine was: ns per multiply-add of a plain-JS 64 × 64 matmul and the load average. */
function calibrate(): { nsPerMac: number; loadavg1: number } {
  const n = 64;
  const a = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i));
  const b = Float64Array.from({ length: n * n }, (_, i) => Math.cos(i));
  const c = new Float64Array(n * n);
  const mm = () => {
    c.fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
      const x = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += x * b[k * n + j];
    }
  };
  for (let r = 0; r < 50; r++) mm();
  const t0 = performance.now();
  for (let r = 0; r < 100; r++) mm();
  return { nsPerMac: +(((performance.now() - t0) * 1e6) / (100 * n ** 3)).toFixed(2), loadavg1: +loadavg()[0].toFixed(2) };
}

export async function whatifBench(root: string, log: (s: string) => void): Promise<unknown> {
  const machine = calibrate();
  log(`whatif machine: ${JSON.stringify(machine)}`);
  const node = whatifNode();
  log(`whatif node: compute median ${node.medianMs} ms, max ${node.maxMs} ms (T = ${T}, H = ${H})`);
  const browser = await whatifBrowser(root, log).catch((e) => ({ error: String(e) }));
  log(`whatif chromium: ${JSON.stringify(browser)}`);
  return { date: new Date().toISOString(), T, H, inputScale: 0.2, matrix: 'orthogonal', machine, node, chromium: browser };
}
