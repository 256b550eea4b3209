import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the fused-kernel check page on its own (tests/e2e/fused-gpu.e2e.ts builds it into a
// temporary folder), so the product bundle carries none of it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: '/tmp/atlas-fused-page', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8000 },
  logLevel: 'warn',
});
