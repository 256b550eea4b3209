// The bridge's device side: a hidden tab pauses a playing run and plays it again when shown
// (unless the reader keeps training in the background); a lost GPU backend leaves a notice and the
// curves drop the undone steps; a measured backend is remembered for this device and handed to the
// next worker; "measure again" forgets it and starts a worker that measures.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { createBridge } from '../../src/store/bridge';
import { BACKEND_MEMORY_KEY, KEEP_TRAINING_HIDDEN_KEY, useDeviceSettings } from '../../src/store/device-settings';
import { fakeWorker, type FakeWorker } from './fake-worker';
import type { Telemetry, ToWorker } from '../../src/protocol/messages';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };
const reg: UrlRegistry = catalog;

class FakeDocument {
  visibilityState: DocumentVisibilityState = 'visible';
  private listeners: (() => void)[] = [];
  addEventListener(_type: string, fn: () => void) {
    this.listeners.push(fn);
  }
  removeEventListener(_type: string, fn: () => void) {
    this.listeners = this.listeners.filter((l) => l !== fn);
  }
  set(state: DocumentVisibilityState) {
    this.visibilityState = state;
    for (const l of this.listeners) l();
  }
}

function setup() {
  const store = createAppStore(defaultState(reg, 5));
  store.getState().setCatalog(catalog);
  const doc = new FakeDocument();
  const workers: FakeWorker[] = [];
  const make = () => {
    const w = fakeWorker();
    workers.push(w);
    return w;
  };
  const bridge = createBridge(store, { makeWorker: make, debounceMs: 0, visibility: doc as unknown as Document });
  const last = () => workers[workers.length - 1];
  const controls = () => last().sent.filter((m) => m.type === 'play' || m.type === 'pause').map((m) => m.type);
  return { store, doc, bridge, workers, last, controls };
}

const telemetry = (runId: number, step: number, slot?: number): Telemetry => ({
  runId, step, ...(slot !== undefined ? { slot } : {}),
  points: Array.from({ length: 10 }, (_, i) => ({ step: step - 9 + i, loss: 1, accuracy: 0 })),
  gradNorms: new Float32Array([1]), gradNormTotal: 1,
  probe: { T: 1, inputLabels: [], targetLabels: [], predictedLabels: [], traces: [], means: {} }, stepsPerSecond: 1,
});

const memory = new Map<string, string>();
beforeEach(() => {
  memory.clear();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  });
  useDeviceSettings.setState({ keepTrainingHidden: false, hiddenPause: false, fault: null });
});

describe('a hidden tab', () => {
  it('pauses a playing run and plays it again when shown', () => {
    const h = setup();
    h.bridge.play();
    h.doc.set('hidden');
    expect(h.store.getState().run.wantPlaying).toBe(false);
    expect(h.controls().at(-1)).toBe('pause');
    expect(useDeviceSettings.getState().hiddenPause).toBe(true);
    h.doc.set('visible');
    expect(h.store.getState().run.wantPlaying).toBe(true);
    expect(h.controls().at(-1)).toBe('play');
    expect(useDeviceSettings.getState().hiddenPause).toBe(false);
    h.bridge.destroy();
  });

  it('leaves a paused run paused, and does not play one that went wrong while hidden', () => {
    const h = setup();
    h.doc.set('hidden');
    h.doc.set('visible');
    expect(h.controls()).toEqual([]);
    h.bridge.play();
    h.doc.set('hidden');
    h.last().emit({ type: 'status', runId: h.store.getState().run.runId, status: 'diverged', message: 'NaN' });
    h.doc.set('visible');
    expect(h.controls()).toEqual(['play', 'pause']);
    h.bridge.destroy();
  });

  it('keeps training when the reader chose so (remembered in this browser), and on the Compare page pauses the comparison', () => {
    const h = setup();
    useDeviceSettings.getState().setKeepTrainingHidden(true);
    expect(memory.get(KEEP_TRAINING_HIDDEN_KEY)).toBe('true');
    h.bridge.play();
    h.doc.set('hidden');
    expect(h.controls()).toEqual(['play']);
    h.doc.set('visible');
    useDeviceSettings.getState().setKeepTrainingHidden(false);
    h.store.getState().setUi({ page: 'compare', compare: ['lstm', 'gru'] });
    h.bridge.play();
    h.doc.set('hidden');
    expect(h.controls().at(-1)).toBe('pause');
    h.doc.set('visible');
    expect(h.controls().at(-1)).toBe('play');
    expect(h.last().sent.some((m) => m.type === 'compare')).toBe(true);
    h.bridge.destroy();
  });
});

describe('backend faults and measurements in the page', () => {
  it('a fault leaves a notice with both steps and drops the undone steps from the curve', () => {
    const h = setup();
    const runId = h.store.getState().run.runId;
    h.last().emit({ type: 'telemetry', telemetry: telemetry(runId, 130) });
    h.last().emit({ type: 'fault', runId, kind: 'webgl-context-loss', from: 'webgl', to: 'wasm', step: 125, message: 'the WebGL context was lost' });
    expect(useDeviceSettings.getState().fault).toEqual({ kind: 'webgl-context-loss', from: 'webgl', to: 'wasm', step: 125, reached: 130 });
    expect(h.store.getState().telemetry.history.map((p) => p.step)).toEqual([121, 122, 123, 124, 125]);
    // A stale run's fault is not this run's news.
    useDeviceSettings.setState({ fault: null });
    h.last().emit({ type: 'fault', runId: runId - 1, kind: 'webgl-context-loss', from: 'webgl', to: 'wasm', step: 1, message: '' });
    expect(useDeviceSettings.getState().fault).toBeNull();
    h.bridge.destroy();
  });

  it('on the Compare page each run’s curve keeps the steps up to its own saved copy', () => {
    const h = setup();
    h.store.getState().setUi({ page: 'compare', compare: ['lstm', 'gru'] });
    const runId = h.store.getState().run.runId;
    h.last().emit({ type: 'telemetry', telemetry: telemetry(runId, 130, 0) });
    h.last().emit({ type: 'telemetry', telemetry: telemetry(runId, 130, 1) });
    h.last().emit({ type: 'fault', runId, kind: 'webgpu-device-loss', from: 'webgpu', to: 'wasm', step: 122, slotSteps: [124, 122], message: '' });
    const slots = h.store.getState().compareRun.slots;
    expect(slots.map((sl) => sl.history.at(-1)?.step)).toEqual([124, 122]);
    h.bridge.destroy();
  });

  it('remembers a measured choice for the device, hands it to the next worker, and forgets it to measure again', () => {
    const h = setup();
    expect(h.last().sent[0]).toEqual({ type: 'init', prefer: 'auto', remembered: {} });
    const measured = [{ backend: 'webgpu' as const, ms: 2 }, { backend: 'wasm' as const, ms: 9 }];
    h.last().emit({ type: 'backend', report: { backend: 'webgpu', fallbacks: [], how: 'measured', measured, deviceKey: 'gpu | UA' } });
    expect(JSON.parse(memory.get(BACKEND_MEMORY_KEY)!)).toMatchObject({ 'gpu | UA': { backend: 'webgpu', measured } });
    // A remembered (not measured) report is not stored again.
    h.last().emit({ type: 'backend', report: { backend: 'wasm', fallbacks: [], how: 'order', deviceKey: 'gpu | UA' } });
    expect(JSON.parse(memory.get(BACKEND_MEMORY_KEY)!)['gpu | UA'].backend).toBe('webgpu');
    h.last().emit({ type: 'backend', report: { backend: 'webgpu', fallbacks: [], how: 'remembered', measured, deviceKey: 'gpu | UA' } });
    useDeviceSettings.getState().remeasure!();
    expect(h.workers).toHaveLength(2);
    const init = h.last().sent[0] as Extract<ToWorker, { type: 'init' }>;
    expect(init).toEqual({ type: 'init', prefer: 'auto', remembered: {} });
    expect(h.last().sent.some((m) => m.type === 'configure')).toBe(true);
    h.bridge.destroy();
  });

  it('asks for no remembered choice when the link names a backend', () => {
    memory.set(BACKEND_MEMORY_KEY, JSON.stringify({ k: { backend: 'wasm', measured: [], at: 1 } }));
    const store = createAppStore({ ...defaultState(reg, 5), ui: { ...defaultState(reg, 5).ui, backend: 'webgl' } });
    const w = fakeWorker();
    const bridge = createBridge(store, { makeWorker: () => w, debounceMs: 0, visibility: null });
    expect(w.sent[0]).toEqual({ type: 'init', prefer: 'webgl' });
    bridge.destroy();
    const auto = fakeWorker();
    const b2 = createBridge(createAppStore(defaultState(reg, 5)), { makeWorker: () => auto, debounceMs: 0, visibility: null });
    expect(auto.sent[0]).toEqual({ type: 'init', prefer: 'auto', remembered: { k: { backend: 'wasm', measured: [], at: 1 } } });
    b2.destroy();
  });
});
