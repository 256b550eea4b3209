// The store slices and the worker bridge, with a fake worker standing in for the real one.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, readTasks, taskSizes, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { appendBounded } from '../../src/store/slices';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { createBridge, onlyLiveFieldsChanged } from '../../src/store/bridge';
import { fakeWorker } from './fake-worker';
import type { LossPoint, Telemetry } from '../../src/protocol/messages';
import { logDomain, logTick, majorLogTicks } from '../../src/views/chart-frame';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };
const reg: UrlRegistry = catalog;

function makeStore() {
  const store = createAppStore(defaultState(reg, 5));
  store.getState().setCatalog(catalog);
  return store;
}

function telemetry(runId: number, step: number, loss = 1): Telemetry {
  return {
    runId,
    step,
    points: [{ step, loss, accuracy: 0.5 }],
    gradNorms: new Float32Array([1, 2]),
    gradNormTotal: 1,
    probe: { T: 2, inputLabels: [], targetLabels: [], predictedLabels: [], traces: [], means: { f: 0.7 } },
    stepsPerSecond: 10,
  };
}

describe('config slice', () => {
  it('does not notify when a patch changes nothing (cellOptions compared by value)', () => {
    const store = makeStore();
    let calls = 0;
    store.subscribe(() => calls++);
    const { config } = store.getState();
    store.getState().setConfig({ hiddenSize: config.hiddenSize, cellOptions: { ...config.cellOptions } });
    expect(calls).toBe(0);
    store.getState().setConfig({ hiddenSize: config.hiddenSize + 1 });
    expect(calls).toBe(1);
  });

  it('switching cell resets options to the new cell’s defaults plus the given ones', () => {
    const store = makeStore();
    store.getState().setCellOption('forgetBias', 2);
    store.getState().setCell('rnn', { nonlinearity: 'relu' });
    expect(store.getState().config.cellId).toBe('rnn');
    expect(store.getState().config.cellOptions).toEqual({ nonlinearity: 'relu' });
    store.getState().setCell('lstm');
    expect(store.getState().config.cellOptions).toEqual({ forgetBias: 0 });
  });
});

describe('telemetry slice', () => {
  it('appends points and updates the run summary', () => {
    const store = makeStore();
    store.getState().pushTelemetry(telemetry(0, 1, 2.5));
    store.getState().pushTelemetry(telemetry(0, 2, 2.0));
    const s = store.getState();
    expect(s.telemetry.history.map((p) => p.step)).toEqual([1, 2]);
    expect(s.run.step).toBe(2);
    expect(s.run.lastLoss).toBe(2.0);
    store.getState().clearTelemetry();
    expect(store.getState().telemetry.history).toEqual([]);
    expect(store.getState().run.step).toBe(0);
  });

  it('bounds the history, keeping its first and latest points', () => {
    let h: LossPoint[] = [];
    for (let i = 0; i < 50; i++) h = appendBounded(h, [{ step: i, loss: 1, accuracy: 0 }], 20);
    expect(h.length).toBeLessThanOrEqual(20);
    expect(h[0].step).toBe(0);
    expect(h[h.length - 1].step).toBe(49);
    expect(h.map((p) => p.step)).toEqual([...h.map((p) => p.step)].sort((a, b) => a - b));
  });
});

describe('catalog', () => {
  it('reads task metadata from a list or a record, and falls back when there is none', () => {
    expect(readTasks({ taskList: [{ id: 'copy', name: 'Copy' }] })).toMatchObject([{ id: 'copy', name: 'Copy', description: undefined, inputSize: undefined, outputSize: undefined, options: [] }]);
    expect(readTasks({ tasks: { a: { id: 'adding', summary: 's' } } })[0]).toMatchObject({ id: 'adding', name: 'adding', description: 's' });
    expect(readTasks({})).toBe(FALLBACK_TASKS);
  });

  it('knows each task’s options and its sizes under them (the alphabet sets the copy task’s input)', async () => {
    const tasks = readTasks(await import('../../src/engine/tasks/registry'));
    const copy = tasks.find((t) => t.id === 'copy')!;
    expect(copy.options!.map((o) => o.key).sort()).toEqual(['alphabet', 'symbols']);
    expect(taskSizes(copy).inputSize).toBe(copy.inputSize);
    expect(taskSizes(copy, { alphabet: 4 }).inputSize).toBe(copy.inputSize! - 4);
  });

  it('gives a new task its own default options, and keeps an option change in the config', () => {
    const store = makeStore();
    const tasks = readTasks({ taskList: [{ id: 'copy', options: [{ key: 'symbols', label: 'S', kind: 'integer', default: 3 }] }, { id: 'select', options: [{ key: 'recall', label: 'k', kind: 'integer', default: 2 }] }] });
    store.getState().setCatalog({ ...store.getState().catalog!, tasks });
    store.getState().setConfig({ taskId: 'select' });
    expect(store.getState().config.taskOptions).toEqual({ recall: 2 });
    store.getState().setTaskOption('recall', 4);
    expect(store.getState().config.taskOptions).toEqual({ recall: 4 });
    store.getState().setConfig({ taskId: 'copy' });
    expect(store.getState().config.taskOptions).toEqual({ symbols: 3 });
  });
});

describe('bridge', () => {
  it('classifies live-only changes', () => {
    const a = defaultState(reg, 1).config;
    expect(onlyLiveFieldsChanged(a, { ...a, learningRate: 0.05, clipNorm: 0 })).toBe(true);
    expect(onlyLiveFieldsChanged(a, { ...a, hiddenSize: 8 })).toBe(false);
    expect(onlyLiveFieldsChanged(a, { ...a, cellOptions: { forgetBias: 1 } })).toBe(false);
  });

  it('configures on start, keeps the run for live fields, restarts for the rest', () => {
    const store = makeStore();
    const w = fakeWorker();
    createBridge(store, { makeWorker: () => w, debounceMs: 0 });
    expect(w.sent[0]).toMatchObject({ type: 'init' });
    expect(w.sent[1]).toMatchObject({ type: 'instruments', open: false });
    expect(w.sent[2]).toMatchObject({ type: 'configure', runId: 1 });

    store.getState().setConfig({ learningRate: 0.05 });
    expect(w.sent.at(-1)).toMatchObject({ type: 'configure', runId: 1, config: { learningRate: 0.05 } });

    store.getState().pushTelemetry(telemetry(1, 3));
    store.getState().setConfig({ hiddenSize: 16 });
    expect(w.sent.at(-1)).toMatchObject({ type: 'configure', runId: 2, config: { hiddenSize: 16 } });
    expect(store.getState().telemetry.history).toEqual([]);
  });

  it('drops telemetry and status from stale runs', () => {
    const store = makeStore();
    const w = fakeWorker();
    createBridge(store, { makeWorker: () => w, debounceMs: 0 });
    store.getState().setConfig({ hiddenSize: 16 }); // now run 2
    w.emit({ type: 'telemetry', telemetry: telemetry(1, 7) });
    w.emit({ type: 'status', runId: 1, status: 'diverged' });
    expect(store.getState().run.step).toBe(0);
    expect(store.getState().run.status).toBe('loading');
    w.emit({ type: 'telemetry', telemetry: telemetry(2, 4) });
    w.emit({ type: 'status', runId: 2, status: 'running', paramCount: 123 });
    expect(store.getState().run.step).toBe(4);
    expect(store.getState().run).toMatchObject({ status: 'running', paramCount: 123 });
    w.emit({ type: 'backend', report: { backend: 'wasm', fallbacks: [] } });
    expect(store.getState().run.backend?.backend).toBe('wasm');
  });

  it('play/pause/step/reset send their messages; reset starts a new run; divergence stops wanting to play', () => {
    const store = makeStore();
    const w = fakeWorker();
    const b = createBridge(store, { makeWorker: () => w, debounceMs: 0 });
    b.toggle();
    expect(w.sent.at(-1)).toEqual({ type: 'play' });
    expect(store.getState().run.wantPlaying).toBe(true);
    b.toggle();
    expect(w.sent.at(-1)).toEqual({ type: 'pause' });
    b.step(3);
    expect(w.sent.at(-1)).toEqual({ type: 'step', steps: 3 });
    const before = store.getState().run.runId;
    b.reset();
    expect(store.getState().run.runId).toBe(before + 1);
    expect(w.sent.at(-1)).toEqual({ type: 'reset' });
    b.play();
    w.emit({ type: 'status', runId: store.getState().run.runId, status: 'diverged', message: 'NaN' });
    expect(store.getState().run).toMatchObject({ status: 'diverged', wantPlaying: false, message: 'NaN' });
  });

  it('a slider drag restarts once, after the debounce, and a click flushes it at once', async () => {
    const store = makeStore();
    const w = fakeWorker();
    const b = createBridge(store, { makeWorker: () => w, debounceMs: 30 });
    const configures = () => w.sent.filter((m) => m.type === 'configure').length;
    for (const h of [10, 11, 12, 13]) store.getState().setConfig({ hiddenSize: h });
    expect(configures()).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(configures()).toBe(2);
    expect(w.sent.at(-1)).toMatchObject({ config: { hiddenSize: 13 } });
    store.getState().setConfig({ hiddenSize: 20 });
    b.step();
    const idx = w.sent.findIndex((m) => m.type === 'configure' && m.config.hiddenSize === 20);
    const stepIdx = w.sent.findIndex((m) => m.type === 'step');
    expect(idx).toBeGreaterThan(0);
    expect(stepIdx).toBeGreaterThan(idx);
    b.destroy();
  });
});


describe('log axes', () => {
  it('keeps a flat loss visible and never reaches zero', () => {
    const [lo, hi] = logDomain([2, 2.01, 1.99]);
    expect(lo).toBeGreaterThan(1);
    expect(hi).toBeLessThan(3);
    expect(logDomain([0, NaN, -1])[0]).toBeGreaterThan(0);
  });

  it('places at least two labelled ticks inside any domain', () => {
    for (const d of [[1.5, 2.6], [1e-11, 0.1], [0.9, 1.1]]) {
      const ticks = majorLogTicks(d);
      expect(ticks.length, String(d)).toBeGreaterThanOrEqual(2);
      for (const t of ticks) expect(t >= d[0] * 0.999 && t <= d[1] * 1.001).toBe(true);
    }
    expect(logTick(0.2)).toBe('0.2');
    expect(logTick(1e-7)).toBe('1e−7');
  });
});
