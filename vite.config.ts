import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest, MAX_PRECACHE_BYTES, PRECACHE_GLOBS } from './src/pwa/manifest.js';

export default defineConfig({
  plugins: [
    react(),
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
  worker: { format: 'es' },
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
