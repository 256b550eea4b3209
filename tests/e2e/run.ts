// End-to-end tests: build output served on 127.0.0.1, driven in Debian's Chromium by
// playwright-core. Each scenario file exports `scenarios`; this runner runs them in order and
// exits non-zero on any failure. `npm run test:e2e` builds first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDir } from './static-server';
import type { Scenario } from './scenario';
import { scenarios as playground } from './playground.e2e';
import { scenarios as lesson } from './lesson.e2e';
import { scenarios as fallback } from './fallback.e2e';
import { scenarios as devServer } from './dev-server.e2e';
import { scenarios as cells } from './cells.e2e';
import { scenarios as compare } from './compare.e2e';
import { scenarios as navigation } from './navigation.e2e';
import { scenarios as readouts } from './readouts.e2e';
import { scenarios as zh } from './zh.e2e';
import { scenarios as instruments } from './instruments.e2e';
import { scenarios as lessons } from './lessons.e2e';
import { scenarios as charlm } from './charlm.e2e';

const root = fileURLToPath(new URL('../..', import.meta.url));
// E2E_DIST / E2E_PORT let a build elsewhere be tested without touching dist/.
const dist = process.env.E2E_DIST ?? `${root}/dist`;
if (!existsSync(`${dist}/index.html`)) {
  console.error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  process.exit(2);
}
const only = process.argv[2];
const all: Scenario[] = [...playground, ...lesson, ...fallback, ...devServer, ...cells, ...compare, ...navigation, ...readouts, ...zh, ...instruments, ...lessons, ...charlm].filter((s) => !only || s.name.includes(only));
all.push(...(await import('./export.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./present.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./links.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./links-fuzz.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./a11y.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./offline.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./ownmodel.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./security.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./loading.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./fused-gpu.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./weights-fuzz.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
all.push(...(await import('./faults.e2e')).scenarios.filter((s) => !only || s.name.includes(only)));
const server = await serveDir(dist, Number(process.env.E2E_PORT ?? 0));
let failed = 0;
for (const s of all) {
  const t0 = Date.now();
  try {
    await s.run(server.url);
    console.log(`  ✓ ${s.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${s.name}\n    ${String((e as Error).stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
  }
}
await server.close();
console.log(`${all.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
