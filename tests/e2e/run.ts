// End-to-end tests: build output served on 127.0.0.1, driven in Debian's Chromium by
// playwright-core. Each scenario file exports `scenarios`; this runner runs them in order and
// exits non-zero on any failure. `npm run test:e2e` builds first.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDir } from './static-server';
import type { Scenario } from './scenario';

const root = fileURLToPath(new URL('../..', import.meta.url));
// E2E_DIST / E2E_PORT let a build elsewhere be tested without touching dist/.
const dist = process.env.E2E_DIST ?? `${root}/dist`;
if (!existsSync(`${dist}/index.html`)) {
  console.error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  process.exit(2);
}
const only = process.argv[2];
// In this order; a filter argument keeps the scenarios whose name contains it.
const files = [
  'playground', 'lesson', 'fallback', 'dev-server', 'cells', 'compare',
  'navigation', 'readouts', 'zh', 'instruments', 'lessons', 'charlm',
  'export', 'present', 'links', 'links-fuzz', 'a11y', 'offline',
  'ownmodel', 'security', 'loading', 'fused-gpu', 'weights-fuzz', 'faults',
];
const unlisted = readdirSync(new URL('.', import.meta.url)).filter((n) => n.endsWith('.e2e.ts') && !files.includes(n.slice(0, -'.e2e.ts'.length)));
if (unlisted.length) {
  console.error(`not in tests/e2e/run.ts's list, so never run: ${unlisted.join(', ')}`);
  process.exit(2);
}
const all: Scenario[] = [];
for (const f of files) {
  const { scenarios } = (await import(`./${f}.e2e.ts`)) as { scenarios: Scenario[] };
  all.push(...scenarios.filter((s) => !only || s.name.includes(only)));
}
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
