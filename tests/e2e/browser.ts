// Launches Debian's Chromium through playwright-core with the flags measured to work here
// (../shared/chromium.md). WebGPU is on unless a test asks for it to be missing.
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(opts: { webgpu?: boolean } = {}): Promise<BrowserContext> {
  const args = ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (opts.webgpu !== false) args.push('--enable-unsafe-webgpu');
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'atlas-chr-')), {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1440, height: 1000 },
  });
}
