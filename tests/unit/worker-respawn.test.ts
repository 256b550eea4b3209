// A dead backend does not leave the page broken: the bridge ends the worker, starts a new one,
// configures it with the current settings (paused) and leaves a notice; it gives up after a few
// crashes in a row and tries again on the next change.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { createBridge, MAX_RESPAWNS } from '../../src/store/bridge';
import { fakeWorker, type FakeWorker } from './fake-worker';
import type { Telemetry, ToWorker } from '../../src/protocol/messages';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };
const reg: UrlRegistry = catalog;

function setup() {
  const store = createAppStore(defaultState(reg, 5));
  store.getState().setCatalog(catalog);
  const workers: (FakeWorker & { terminated: boolean })[] = [];
  const make = () => {
    const w = Object.assign(fakeWorker(), { terminated: false });
    w.terminate = () => {
      w.terminated = true;
    };
    workers.push(w);
    return w;
  };
  const bridge = createBridge(store, { makeWorker: make, debounceMs: 0 });
  return { store, workers, bridge, last: () => workers[workers.length - 1] };
}

const telemetry = (runId: number, step: number): Telemetry => ({
  runId, step, points: [{ step, loss: 0.5, accuracy: 0 }], gradNorms: new Float32Array([1]), gradNormTotal: 1,
  probe: { T: 1, inputLabels: [], targetLabels: [], predictedLabels: [], traces: [], means: {} }, stepsPerSecond: 1,
});

const configureOf = (sent: ToWorker[]) => sent.find((m) => m.type === 'configure') as Extract<ToWorker, { type: 'configure' }> | undefined;

describe('worker restarts', () => {
  it('restarts on a worker error event: new worker, init, configure with the current config, paused, notice', () => {
    const { store, workers, bridge, last } = setup();
    store.getState().setConfig({ hiddenSize: 20 });
    bridge.play();
    const first = workers[0];
    const runBefore = store.getState().run.runId;
    first.onerror?.({ message: 'Uncaught RuntimeError: Aborted()' } as ErrorEvent);
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const fresh = last();
    expect(fresh.sent[0]).toMatchObject({ type: 'init' });
    const cfg = configureOf(fresh.sent)!;
    expect(cfg.config.hiddenSize).toBe(20);
    expect(cfg.runId).toBeGreaterThan(runBefore);
    expect(fresh.sent.some((m) => m.type === 'play')).toBe(false);
    const run = store.getState().run;
    expect(run).toMatchObject({ wantPlaying: false, status: 'loading', workerNotice: { why: expect.stringMatching(/Aborted/), gaveUp: false } });
    // The old worker's late messages are not heard.
    expect(first.onmessage).toBeNull();
    // The new one trains as before.
    fresh.emit({ type: 'status', runId: cfg.runId, status: 'idle', paramCount: 9 });
    expect(store.getState().run.status).toBe('idle');
    bridge.play();
    expect(fresh.sent.at(-1)).toEqual({ type: 'play' });
  });

  it('restarts on a run that failed with a WASM abort or out of memory, but not on an ordinary error', () => {
    const { store, workers, last } = setup();
    const runId = store.getState().run.runId;
    last().emit({ type: 'status', runId, status: 'error', message: 'cell hotrnn: unknown option' });
    expect(workers).toHaveLength(1);
    expect(store.getState().run).toMatchObject({ status: 'error', message: 'cell hotrnn: unknown option' });
    for (const why of ['memory access out of bounds', 'Aborted(). Build with -sASSERTIONS for more info.', 'Failed to allocate: out of memory']) {
      last().emit({ type: 'status', runId: store.getState().run.runId, status: 'error', message: why });
      expect(store.getState().run.workerNotice?.why).toBe(why);
      expect(configureOf(last().sent)).toBeDefined();
    }
    expect(workers).toHaveLength(4);
    expect(workers.slice(0, 3).every((w) => w.terminated)).toBe(true);
  });

  it('counts crashes on the Compare page too (a slot that aborted), and reconfigures the comparison', () => {
    const { store, workers, last } = setup();
    store.getState().setUi({ page: 'compare', compare: ['lstm', 'gru'] });
    last().emit({ type: 'status', runId: store.getState().run.runId, slot: 1, status: 'error', message: 'memory access out of bounds' });
    expect(workers).toHaveLength(2);
    expect(last().sent.find((m) => m.type === 'compare')).toMatchObject({ type: 'compare', configs: [{ cellId: 'lstm' }, { cellId: 'gru' }] });
  });

  it('gives up after repeated crashes with no training step between, and tries again when a setting changes', () => {
    const { store, workers, last } = setup();
    for (let i = 0; i < MAX_RESPAWNS; i++) {
      last().onerror?.({ message: 'Aborted()' } as ErrorEvent);
      expect(configureOf(last().sent), `restart ${i + 1}`).toBeDefined();
    }
    last().onerror?.({ message: 'Aborted()' } as ErrorEvent);
    expect(workers).toHaveLength(MAX_RESPAWNS + 2);
    expect(configureOf(last().sent)).toBeUndefined();
    expect(store.getState().run).toMatchObject({ status: 'error', workerNotice: { gaveUp: true } });
    store.getState().setConfig({ hiddenSize: 8 });
    expect(configureOf(last().sent)?.config.hiddenSize).toBe(8);
  });

  it('a training step that gets through resets the count', () => {
    const { store, workers, last } = setup();
    for (let i = 0; i < MAX_RESPAWNS * 2; i++) {
      last().onerror?.({ message: 'Aborted()' } as ErrorEvent);
      const runId = store.getState().run.runId;
      last().emit({ type: 'telemetry', telemetry: telemetry(runId, 3) });
    }
    expect(workers).toHaveLength(MAX_RESPAWNS * 2 + 1);
    expect(store.getState().run.workerNotice?.gaveUp).toBe(false);
    expect(configureOf(last().sent)).toBeDefined();
  });

  it('rejects a pending weights export when the worker dies', async () => {
    const { bridge, last } = setup();
    const pending = bridge.exportWeights();
    last().onerror?.({ message: 'Aborted()' } as ErrorEvent);
    await expect(pending).rejects.toThrow(/stopped/);
  });
});
