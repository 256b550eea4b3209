// Launches Debian's Chromium through playwright-core with the flags measured to work here
// (../shared/chromium.md). WebGPU is on unless a test asks for it to be missing; `realGpu` asks
// Chromium to use the machine's GPU instead of SwiftShader (the bench on a machine that has one).
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a machine with a real GPU (`npm run bench -- --real-gpu`): headless Chromium on Linux
 * otherwise keeps WebGPU and WebGL on SwiftShader. Vulkan for both (ANGLE on Vulkan for WebGL),
 * past the GPU blocklist that leaves many server and driver combinations out.
 */
export const REAL_GPU_FLAGS = ['--enable-unsafe-webgpu', '--ignore-gpu-blocklist', '--enable-gpu',
  '--enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan,UseSkiaRenderer', '--use-angle=vulkan', '--use-vulkan=native',
  '--disable-vulkan-fallback-to-gl-for-testing'];

export async function launchBrowser(opts: { webgpu?: boolean; realGpu?: boolean } = {}): Promise<BrowserContext> {
  const args = ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (opts.realGpu) args.push(...REAL_GPU_FLAGS);
  else if (opts.webgpu !== false) args.push('--enable-unsafe-webgpu');
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'atlas-chr-')), {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1440, height: 1000 },
  });
}
