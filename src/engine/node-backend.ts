// Node-only: picks tfjs's WASM backend (its matmul is ~25× the CPU backend's here), falling back
// to CPU. Tests, the CLI and the bench call this; the page has its own chooser in src/worker.
// In Node the WASM backend finds its .wasm next to its own script, so no setWasmPaths.
// Node resolves tfjs-core to its CommonJS bundle, which registers no gradients; the umbrella
// package registers them (and tf.layers, which tests and the bench compare against).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

export async function useNodeBackend(preferred: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  if (preferred === 'wasm') {
    try {
      if (await tf.setBackend('wasm')) return 'wasm';
    } catch {
      // fall through to CPU
    }
  }
  await tf.setBackend('cpu');
  return 'cpu';
}
