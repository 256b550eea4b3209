// Play/pause/step/reset as the page sees them. Until the bridge exists (the worker chunk is still
// loading) the buttons are harmless no-ops, so the page can render first.
import type { Bridge } from './bridge';

const noop: Bridge = {
  play() {}, pause() {}, toggle() {}, step() {}, reset() {}, destroy() {},
  exportWeights: () => Promise.reject(new Error('the training worker is still loading')),
};
const holder: { bridge: Bridge } = { bridge: noop };

export function installBridge(b: Bridge): void {
  holder.bridge = b;
}

export function controls(): Bridge {
  return holder.bridge;
}
