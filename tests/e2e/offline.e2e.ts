import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { waitForStep, withPage, addTestScript, type Scenario } from './scenario';

/** axe-core on one notice: its serious or critical violations (contrast, names), as `id: target`. */
async function axeOn(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await addTestScript(page, createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

/**
 * A switchable door in front of the app's server. While it is shut, every request that still
 * reaches the network is recorded and its connection cut, so "works offline" cannot pass on a
 * request that Chromium's offline emulation let through (a service worker's own fetches, say).
 */
async function door(base: string) {
  let shut = false;
  let swSuffix = '';
  const leaked: string[] = [];
  const server = createServer(async (req, res) => {
    if (shut) {
      leaked.push(req.url ?? '?');
      req.socket.destroy();
      return;
    }
    try {
      const r = await fetch(`${base}${req.url}`);
      const headers: Record<string, string> = {};
      for (const h of ['content-type', 'cache-control']) {
        const v = r.headers.get(h);
        if (v) headers[h] = v;
      }
      let body = Buffer.from(await r.arrayBuffer());
      if (swSuffix && req.url === '/sw.js') body = Buffer.concat([body, Buffer.from(swSuffix)]);
      res.writeHead(r.status, headers).end(body);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    // Another port is another origin: this scenario's service worker is its own.
    url: `http://127.0.0.1:${port}`,
    shut() {
      shut = true;
      server.closeAllConnections();
    },
    /** From now on the service worker script differs by a comment: a new version of the app. */
    newVersion(tag: string) {
      swSuffix = `\n// ${tag}\n`;
    },
    leaked,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Every file of the build under test (the one run.ts serves), relative, but the service worker's own. */
function builtFiles(): string[] {
  const dist = process.env.E2E_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath.slice(dist.length)}/${e.name}`.replace(/^\/+/, ''))
    // _headers is the host's configuration (docs/SECURITY.md), never fetched by the page.
    .filter((f) => f !== 'sw.js' && f !== '_headers' && !/^workbox-[\w-]+\.js$/.test(f));
}

export const scenarios: Scenario[] = [
  {
    name: 'offline: after one visit the app, a lesson with KaTeX and WASM training work with the network off',
    run: async (base) => {
      const net = await door(base);
      try {
        await withPage({ webgpu: false, shot: 'offline' }, async (page) => {
          // One ordinary visit. The manifest and its icons are linked from the page.
          await page.goto(`${net.url}/`);
          await page.waitForSelector('[data-testid=backend-badge]:not(:empty)', { timeout: 60_000 });
          const manifestHref = await page.getAttribute('link[rel=manifest]', 'href');
          assert.ok(manifestHref, 'the page links its web manifest');
          // The service worker has cached every build file and controls the page; the page says so.
          await page.waitForSelector('[data-testid=pwa-ready]', { timeout: 60_000 });
          assert.match((await page.textContent('[data-testid=pwa-ready]')) ?? '', /Ready to work offline/);
          assert.deepEqual(await axeOn(page, '[data-testid=pwa-ready]'), []);
          await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 30_000 });
          // Chromium itself finds the app installable (manifest, icons, service worker) and the manifest clean.
          const cdp = await page.context().newCDPSession(page);
          assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
          assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
          await cdp.detach();
          // Every build file is in its cache: the three .wasm binaries (the backend picks one by what
          // the browser offers), KaTeX's fonts, both workers, every lesson and cell chunk.
          const cached: string[] = await page.evaluate(async () => {
            const urls: string[] = [];
            for (const name of await caches.keys()) {
              for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname.slice(1));
            }
            return urls;
          });
          const missing = builtFiles().filter((f) => !cached.includes(f));
          assert.deepEqual(missing, [], 'build files the service worker did not cache');
          for (const want of [/tfjs-backend-wasm-[\w-]+\.wasm$/, /tfjs-backend-wasm-simd-[\w-]+\.wasm$/, /tfjs-backend-wasm-threaded-simd-[\w-]+\.wasm$/,
            /KaTeX_Main-Regular-[\w-]+\.woff2$/, /trainer\.worker-[\w-]+\.js$/, /whatif\.worker-[\w-]+\.js$/, /^index\.html$/, /^manifest\.webmanifest$/]) {
            assert.ok(cached.some((u) => want.test(u)), `cached: ${want}`);
          }

          // Network off, twice over: the browser's emulation, and the server no longer answers.
          net.shut();
          await page.context().setOffline(true);
          // The open page hears the browser go offline and says it runs from the saved copy. (Chromium's
          // emulation does not carry navigator.onLine over to the next document, so this is checked here.)
          await page.waitForSelector('[data-testid=pwa-offline-now]', { timeout: 5000 });
          assert.match((await page.textContent('[data-testid=pwa-offline-now]')) ?? '', /You are offline/);

          // A lesson link with its query string (served from the cache), the maths in KaTeX's fonts.
          await page.goto(`${net.url}/?page=lesson&lesson=vanishing-gradients&lstep=1&lang=zh`);
          await page.waitForSelector('.lesson[data-lesson=vanishing-gradients] .katex', { timeout: 60_000 });
          await page.waitForFunction(async () => {
            await document.fonts.ready;
            return [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded');
          }, null, { timeout: 30_000 });
          assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the service worker served this page');
          // The Chinese text came from the cache too.
          assert.match((await page.textContent('.lesson')) ?? '', /[\u4e00-\u9fff]/);

          // Reload the playground on the WASM backend and train: the workers, tfjs and its .wasm all
          // come from the cache.
          await page.goto(`${net.url}/?cell=gru&task=adding&backend=wasm&hiddenSize=8&seqLen=10`);
          await page.reload();
          await page.waitForSelector('[data-testid=backend-badge]:not(:empty)', { timeout: 60_000 });
          assert.match((await page.textContent('[data-testid=backend-badge]')) ?? '', /wasm/i);
          await page.click('[data-testid=play-toggle]');
          await waitForStep(page, 5, 60_000);
          // Only the browser's own check for a newer service worker may knock (it fails quietly offline).
          assert.deepEqual(net.leaked.filter((u) => u !== '/sw.js'), [], 'nothing else was asked of the network while offline');
        });
      } finally {
        await net.close();
      }
    },
  },
  {
    name: 'offline: a new version waits, the page says so, and its Reload button switches to it',
    run: async (base) => {
      const net = await door(base);
      try {
        await withPage({ webgpu: false }, async (page) => {
          await page.goto(`${net.url}/?page=lesson&lesson=vanishing-gradients&lstep=1`);
          await page.waitForSelector('[data-testid=pwa-ready]', { timeout: 60_000 });
          await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 30_000 });
          assert.equal(await page.$('[data-testid=pwa-update]'), null, 'no update on the first visit');

          // The server now has a new build; the browser's update check finds it.
          net.newVersion('v2');
          await page.evaluate(async () => {
            await (await navigator.serviceWorker.getRegistration())?.update();
          });
          await page.waitForSelector('[data-testid=pwa-update]', { timeout: 60_000 });
          assert.match((await page.textContent('[data-testid=pwa-update]')) ?? '', /A new version is ready — reload/);
          assert.deepEqual(await axeOn(page, '[data-testid=pwa-update]'), []);
          assert.ok(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), 'the new version waits');

          // Until the reader agrees, nothing changes; the button switches versions and reloads.
          await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
          await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('[data-testid=pwa-update-apply]')]);
          await page.waitForSelector('.lesson[data-lesson=vanishing-gradients]', { timeout: 60_000 });
          assert.equal(await page.evaluate(() => 'beforeUpdate' in window), false, 'the page reloaded');
          assert.equal(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), false, 'nothing waits any more');
          assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the new version controls the page');
          assert.equal(await page.$('[data-testid=pwa-update]'), null, 'the notice is gone');
        });
      } finally {
        await net.close();
      }
    },
  },
];
