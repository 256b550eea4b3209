// The web manifest (what an installed RNN Atlas is called, its icons and colours) and the list of
// build files the service worker keeps. vite.config.ts hands both to vite-plugin-pwa; the unit test
// tests/unit/pwa-manifest.test.ts reads them from here and checks the icon files in public/.
import type { ManifestOptions } from 'vite-plugin-pwa';

export const THEME_COLOR = '#0f172a';
export const BACKGROUND_COLOR = '#f6f7f9';

export const manifest: Partial<ManifestOptions> = {
  id: './',
  name: 'RNN Atlas',
  short_name: 'RNN Atlas',
  description: 'An interactive explainer of recurrent neural network cells (RNN, LSTM, GRU and more), trained live in the browser; works offline after one visit.',
  lang: 'en',
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ['education', 'science'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
};

/** Every kind of file the build writes: scripts and their workers, styles, the tfjs .wasm binaries
 *  (all three variants: the WASM backend picks one at run time), KaTeX's fonts, icons, the page. */
export const PRECACHE_GLOBS = ['**/*.{html,js,mjs,css,wasm,woff2,woff,ttf,svg,png,ico,json,webmanifest}'];

/** The largest file the service worker will keep. tfjs's bundle and its .wasm binaries are a few
 *  MB each; workbox's default of 2 MiB would silently leave them out, and offline training with them. */
export const MAX_PRECACHE_BYTES = 64 * 1024 * 1024;
