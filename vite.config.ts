import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest, MAX_PRECACHE_BYTES, PRECACHE_GLOBS } from './src/pwa/manifest.js';
import { headersFor, metaPolicy, parseHeaders } from './src/pwa/headers.js';

/** The built index.html carries public/_headers' CSP as a <meta>, so a host that ignores _headers
 *  still enforces it. Build only: the dev server injects inline scripts (React refresh). */
function cspMeta(): Plugin {
  return {
    name: 'atlas-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      const rules = parseHeaders(readFileSync(new URL('./public/_headers', import.meta.url), 'utf8'));
      const csp = headersFor(rules, '/index.html')['Content-Security-Policy'];
      if (!csp) throw new Error('public/_headers has no Content-Security-Policy for /index.html');
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy(csp) }, injectTo: 'head-prepend' }];
    },
  };
}

/** Chunks holding any of tfjs are named tfjs-…: the loading bench and e2e tell them apart by name. */
function chunkName(chunk: { moduleIds: string[] }): string {
  return chunk.moduleIds.some((id) => id.includes('@tensorflow')) ? 'assets/tfjs-[name]-[hash].js' : 'assets/[name]-[hash].js';
}

export default defineConfig({
  plugins: [
    react(),
    cspMeta(),
    // Offline after one visit: a service worker that precaches every build file (tfjs and its three
    // .wasm binaries, the workers, KaTeX's fonts, every lesson and cell chunk). The page registers it
    // (src/pwa/register.ts) and says when it is ready and when an update waits. Off in `npm run dev`.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      includeAssets: ['icons/apple-touch-icon-180.png'],
      devOptions: { enabled: false },
      workbox: {
        globPatterns: PRECACHE_GLOBS,
        maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
        // A link names its page and cell in the query (?page=lesson&cell=gru): any navigation gets
        // the one cached index.html, and asset look-ups ignore query strings.
        navigateFallback: 'index.html',
        ignoreURLParametersMatching: [/.*/],
        // The first install takes the open page at once (so it works offline without a reload);
        // later versions wait for the reader's "reload" (registerType 'prompt').
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es', rolldownOptions: { output: { chunkFileNames: chunkName } } },
  // The worker imports its tfjs backends lazily. Pre-bundle them all in one pass in dev, or Vite
  // discovers them late and re-optimises into a second copy of tfjs-core ("Cannot evaluate flag").
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
    ],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: {
        chunkFileNames: chunkName,
        // tfjs in chunks of their own, named tfjs-…: only the workers load them (the page's main
        // thread imports no tfjs at all: tests/unit/page-imports.test.ts), and the loading bench
        // and e2e tests find them by name.
        codeSplitting: { groups: [{ name: 'tfjs', test: /node_modules[\\/]@tensorflow[\\/]/ }] },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
