import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the in-browser bench page on its own, so the product bundle carries no bench code.
export default defineConfig({
  root: fileURLToPath(new URL('./browser', import.meta.url)),
  base: './',
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8000 },
  logLevel: 'warn',
});
