// Notices when the active GPU backend dies under the worker (the browser reclaimed the WebGL
// context, the WebGPU device was lost or destroyed) so the session can move on (session.ts), and
// causes such a loss on request, for tests (window.__atlasDebug.simulateFault in the page).
// tfjs keeps its WebGL context on an OffscreenCanvas (backend.gpgpu.gl) and its WebGPU device on
// backend.device; neither is public API, so every access is guarded.
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName, FaultKind } from '../protocol/messages';
import type { LostBackend } from '../engine/session';

interface GlLike {
  isContextLost(): boolean;
  getExtension(name: 'WEBGL_lose_context'): { loseContext(): void } | null;
  canvas?: { addEventListener?(type: string, fn: () => void): void };
}
interface DeviceLike {
  lost?: Promise<{ message?: string; reason?: string }>;
  destroy(): void;
}

const glOf = (): GlLike | null => (tf.backend() as unknown as { gpgpu?: { gl?: GlLike } }).gpgpu?.gl ?? null;
const deviceOf = (): DeviceLike | null => (tf.backend() as unknown as { device?: DeviceLike }).device ?? null;

/** How often a WebGL context is asked whether it is lost, besides its event (ms). */
const GL_POLL_MS = 250;

export class FaultWatch {
  private backend: BackendName | null = null;
  private lost: LostBackend | null = null;
  private gl: GlLike | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private signal!: { promise: Promise<LostBackend>; resolve(l: LostBackend): void };

  constructor() {
    this.resetSignal();
  }

  /**
   * Settles when the watched backend is lost (null at once for one that cannot be). A read from a lost WebGL context never finishes
   * (tfjs polls a fence that never passes), so the session races its work against this.
   */
  whenLost(): Promise<LostBackend | null> {
    // WASM and CPU have no context or device to lose.
    return this.backend === 'webgl' || this.backend === 'webgpu' ? this.signal.promise : Promise.resolve(null);
  }

  /** Watches the backend tfjs now runs on (call after every switch). */
  watch(backend: BackendName): void {
    this.backend = backend;
    this.lost = null;
    this.gl = null;
    this.resetSignal();
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    if (backend === 'webgl') {
      const gl = glOf();
      this.gl = gl;
      gl?.canvas?.addEventListener?.('webglcontextlost', () => this.mark('webgl', 'webgl-context-loss', 'the WebGL context was lost'));
      this.poll = setInterval(() => this.check(), GL_POLL_MS);
    } else if (backend === 'webgpu') {
      void deviceOf()?.lost?.then((info) => this.mark('webgpu', 'webgpu-device-loss', `the WebGPU device was lost${info?.message ? ` (${info.message})` : ''}`));
    }
  }

  /** The loss of the backend being watched, or null while it is sound. */
  check(): LostBackend | null {
    if (!this.lost && this.backend === 'webgl' && this.gl?.isContextLost()) this.mark('webgl', 'webgl-context-loss', 'the WebGL context was lost');
    return this.lost;
  }

  /** Loses the WebGL context or destroys the WebGPU device; false when that backend is not the one running. */
  simulate(kind: FaultKind): boolean {
    if (kind === 'webgl-context-loss' && this.backend === 'webgl') {
      const ext = glOf()?.getExtension('WEBGL_lose_context');
      ext?.loseContext();
      return !!ext;
    }
    if (kind === 'webgpu-device-loss' && this.backend === 'webgpu') {
      const device = deviceOf();
      // Noticed as a real loss would be: through device.lost, which settles a moment later.
      device?.destroy();
      return !!device;
    }
    return false;
  }

  private mark(backend: BackendName, kind: FaultKind, message: string): void {
    if (this.backend !== backend || this.lost) return;
    this.lost = { backend, kind, message };
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    this.signal.resolve(this.lost);
  }

  private resetSignal(): void {
    let resolve!: (l: LostBackend) => void;
    const promise = new Promise<LostBackend>((r) => {
      resolve = r;
    });
    this.signal = { promise, resolve };
  }
}
