// The Compare page through the bridge, with a fake worker: entering the page sends one `compare`
// run with the shared settings, slot telemetry lands in its own slot, one diverged cell does not
// stop the others, and leaving the page goes back to a single `configure`d run.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { createBridge } from '../../src/store/bridge';
import { fakeWorker } from './fake-worker';
import type { Telemetry } from '../../src/protocol/messages';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };
const reg: UrlRegistry = catalog;

function setup(page: 'playground' | 'compare' = 'compare') {
  const init = defaultState(reg, 5);
  init.ui.page = page;
  init.ui.compare = ['rnn', 'gru'];
  const store = createAppStore(init);
  store.getState().setCatalog(catalog);
  const w = fakeWorker();
  const sent = w.sent;
  const bridge = createBridge(store, { makeWorker: () => w, debounceMs: 0 });
  return { store, sent, w, bridge };
}

function tel(runId: number, slot: number, step: number, loss: number): Telemetry {
  return {
    runId, slot, step, points: [{ step, loss, accuracy: 0.25 }], gradNorms: new Float32Array([0.5, 1]), gradNormTotal: 1,
    probe: { T: 2, inputLabels: [], targetLabels: [], predictedLabels: [], traces: [], means: {} }, stepsPerSecond: 5,
  };
}

describe('compare through the bridge', () => {
  it('sends one compare run: the chosen cells with their own default options, the rest shared', () => {
    const { sent, store } = setup();
    const msg = sent.find((m) => m.type === 'compare');
    expect(msg).toBeDefined();
    if (msg?.type !== 'compare') return;
    expect(msg.runId).toBe(store.getState().run.runId);
    expect(msg.configs.map((c) => c.cellId)).toEqual(['rnn', 'gru']);
    const rnn = cellList.find((c) => c.id === 'rnn')!;
    expect(Object.keys(msg.configs[0].cellOptions).sort()).toEqual(rnn.options.map((o) => o.key).sort());
    const cfg = store.getState().config;
    for (const c of msg.configs) {
      expect(c.seed).toBe(cfg.seed);
      expect(c.taskId).toBe(cfg.taskId);
      expect(c.hiddenSize).toBe(cfg.hiddenSize);
      expect(c.learningRate).toBe(cfg.learningRate);
    }
    expect(sent.some((m) => m.type === 'configure')).toBe(false);
  });

  it('files telemetry by slot; the shared step counter is the slowest cell’s', () => {
    const { store, w } = setup();
    const runId = store.getState().run.runId;
    w.emit({ type: 'telemetry', telemetry: tel(runId, 1, 20, 0.7) });
    w.emit({ type: 'telemetry', telemetry: tel(runId, 0, 12, 0.9) });
    w.emit({ type: 'telemetry', telemetry: tel(runId - 1, 0, 99, 5) }); // stale: dropped
    const slots = store.getState().compareRun.slots;
    expect(slots.map((s) => s.cellId)).toEqual(['rnn', 'gru']);
    expect(slots[0].history.map((p) => p.step)).toEqual([12]);
    expect(slots[1].lastLoss).toBe(0.7);
    expect(store.getState().run.step).toBe(12);
    expect(store.getState().telemetry.history).toEqual([]);
  });

  it('one diverged cell marks its slot only; all diverged stops the page', () => {
    const { store, w, bridge } = setup();
    bridge.play();
    const runId = store.getState().run.runId;
    w.emit({ type: 'status', runId, status: 'running', slot: 0, paramCount: 123 });
    w.emit({ type: 'status', runId, status: 'diverged', slot: 1 });
    let s = store.getState();
    expect(s.compareRun.slots[0]).toMatchObject({ status: 'running', paramCount: 123 });
    expect(s.compareRun.slots[1].status).toBe('diverged');
    expect(s.run.wantPlaying).toBe(true);
    w.emit({ type: 'status', runId, status: 'diverged', slot: 0 });
    s = store.getState();
    expect(s.run.status).toBe('diverged');
    expect(s.run.wantPlaying).toBe(false);
  });

  it('changing the list or a shared setting restarts the comparison; leaving the page configures one run', () => {
    const { store, sent } = setup();
    const before = sent.filter((m) => m.type === 'compare').length;
    store.getState().setUi({ compare: ['rnn', 'gru', 'lstm'] });
    store.getState().setConfig({ learningRate: 0.02 });
    const compares = sent.filter((m) => m.type === 'compare');
    expect(compares.length).toBe(before + 2);
    const last = compares[compares.length - 1];
    if (last.type === 'compare') {
      expect(last.configs.map((c) => c.cellId)).toEqual(['rnn', 'gru', 'lstm']);
      expect(last.configs.every((c) => c.learningRate === 0.02)).toBe(true);
    }
    store.getState().setUi({ page: 'playground' });
    const tail = sent[sent.length - 1];
    expect(tail.type).toBe('configure');
    if (tail.type === 'configure') expect(tail.runId).toBe(store.getState().run.runId);
  });

  it('a repeated error status without a reason keeps the first reason', () => {
    const { store, w } = setup('playground');
    const runId = store.getState().run.runId;
    w.emit({ type: 'status', runId, status: 'error', message: 'x is not a function' });
    w.emit({ type: 'status', runId, status: 'error' });
    expect(store.getState().run.message).toBe('x is not a function');
    w.emit({ type: 'status', runId, status: 'paused' });
    expect(store.getState().run.message).toBeNull();
  });

  it('pages other than Compare do not restart the run', () => {
    const { store, sent } = setup('playground');
    const n = sent.length;
    store.getState().setUi({ page: 'cells' });
    store.getState().setUi({ page: 'cell' });
    store.getState().setUi({ compare: ['lstm', 'gru'] });
    expect(sent.length).toBe(n);
  });
});
