// The installable app: the web manifest has what browsers require to offer "Install", its icon
// files exist in public/ at the sizes it states (read from the PNG headers), the page carries the
// theme colour and iOS icon, and the service worker's precache list covers every kind of file the
// build writes (the tfjs .wasm binaries and KaTeX's fonts included) at their sizes.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { manifest, MAX_PRECACHE_BYTES, PRECACHE_GLOBS, THEME_COLOR } from '../../src/pwa/manifest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const publicDir = join(root, 'public');

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect([...b.subarray(0, 8)], `${file} is a PNG`).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('web manifest', () => {
  it('has the fields an installable app needs', () => {
    expect(manifest.name).toBe('RNN Atlas');
    expect(manifest.short_name?.length).toBeGreaterThan(0);
    expect(manifest.short_name!.length).toBeLessThanOrEqual(12); // fits under a home-screen icon
    expect(manifest.start_url).toBeTruthy();
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const icons = manifest.icons ?? [];
    const has = (size: string, purpose: string) =>
      icons.some((i) => i.type === 'image/png' && i.sizes === size && String(i.purpose ?? 'any').split(/[ ,]/).includes(purpose));
    expect(has('192x192', 'any')).toBe(true);
    expect(has('512x512', 'any')).toBe(true);
    expect(has('512x512', 'maskable')).toBe(true);
  });

  it('names icon files that exist in public/ at the sizes it states', () => {
    for (const icon of manifest.icons ?? []) {
      const file = join(publicDir, icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.type === 'image/png') {
        const [w, h] = icon.sizes!.split('x').map(Number);
        expect(pngSize(file), icon.src).toEqual({ width: w, height: h });
      } else {
        expect(readFileSync(file, 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
      }
    }
  });

  it('is what vite.config.ts builds with, and the page carries the theme colour and iOS icon', async () => {
    const config = (await import('../../vite.config')).default as { plugins: unknown[] };
    const names = config.plugins.flat(3).map((p) => (p as { name?: string } | null)?.name);
    expect(names).toContain('vite-plugin-pwa');
    expect(readFileSync(join(root, 'vite.config.ts'), 'utf8')).toMatch(/VitePWA\(\{[\s\S]*\bmanifest,/);
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    expect(html).toContain(`<meta name="theme-color" content="${THEME_COLOR}" />`);
    const apple = /<link rel="apple-touch-icon" href="\/([^"]+)"/.exec(html)?.[1];
    expect(apple).toBeTruthy();
    expect(pngSize(join(publicDir, apple!))).toEqual({ width: 180, height: 180 });
  });
});

describe('precache list', () => {
  const exts = PRECACHE_GLOBS.flatMap((g) => /\{([^}]+)\}$/.exec(g)?.[1].split(',') ?? []);

  it('covers every kind of file the build writes', () => {
    for (const ext of ['html', 'js', 'css', 'wasm', 'woff2', 'woff', 'ttf', 'png', 'svg', 'webmanifest']) expect(exts).toContain(ext);
    // KaTeX's fonts are emitted as woff2, woff and ttf; all their extensions are in the list.
    const fonts = readdirSync(join(root, 'node_modules/katex/dist/fonts'));
    for (const f of fonts) expect(exts).toContain(f.split('.').pop());
  });

  it('keeps files as large as tfjs\'s .wasm binaries (all three variants) and its bundles', () => {
    const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
    const wasm = readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'));
    expect(wasm.sort()).toEqual(['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm', 'tfjs-backend-wasm.wasm']);
    for (const f of wasm) expect(statSync(join(wasmDir, f)).size).toBeLessThan(MAX_PRECACHE_BYTES);
    // The whole minified tfjs bundle, an upper bound on any chunk the app's build makes of it.
    expect(statSync(join(root, 'node_modules/@tensorflow/tfjs/dist/tf.min.js')).size).toBeLessThan(MAX_PRECACHE_BYTES);
  });
});
