import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { waitForStep, withPage, type Scenario } from './scenario';

// The README's first command runs the dev server, which bundles dependencies differently from the
// production build (a second tfjs-core copy once broke training there), so it gets its own check.
export const scenarios: Scenario[] = [
  {
    name: 'dev server: `npm run dev` serves an app that trains',
    run: async () => {
      const root = fileURLToPath(new URL('../..', import.meta.url));
      const server = await createServer({ root, logLevel: 'silent', server: { port: 0, host: '127.0.0.1', open: false } });
      await server.listen();
      const url = server.resolvedUrls?.local[0];
      try {
        assert.ok(url, 'dev server has a URL');
        await withPage({ webgpu: false }, async (page) => {
          await page.goto(url);
          await page.waitForSelector('[data-testid=backend-badge]:not(:empty)', { timeout: 90_000 });
          await page.click('[data-testid=play-toggle]');
          await waitForStep(page, 5, 90_000);
        });
      } finally {
        await server.close();
      }
    },
  },
];
