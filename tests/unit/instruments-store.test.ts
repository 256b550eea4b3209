// The instruments in the store and through the bridge (fake worker): the page's wishes (open,
// stepEigAt) reach the worker when they change and before every configure or compare; snapshots and
// clipping points land in the run's slice or in their Compare slot, and go when the run restarts.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { HISTORY_MAX } from '../../src/store/slices';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { createBridge } from '../../src/store/bridge';
import { fakeWorker } from './fake-worker';
import type { ClipPoint, InstrumentSnapshot, Telemetry, ToWorker } from '../../src/protocol/messages';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };
const reg: UrlRegistry = catalog;

function setup(page: 'playground' | 'compare' = 'playground') {
  const init = defaultState(reg, 5);
  init.ui.page = page;
  init.ui.compare = ['rnn', 'gru'];
  const store = createAppStore(init);
  store.getState().setCatalog(catalog);
  const w = fakeWorker();
  const bridge = createBridge(store, { makeWorker: () => w, debounceMs: 0 });
  return { store, w, sent: w.sent, bridge };
}

const snapshot = (step: number): InstrumentSnapshot => ({
  step,
  spectra: { blocks: [{ id: 'whh', label: '$W_{hh}$', eigenvalues: [[0.5, 0]], singularValues: [0.5], radius: 0.5, sigmaMax: 0.5 }] },
  jacobians: null,
  gates: [],
  memory: null,
});

const clipPoints = (from: number, n: number): ClipPoint[] =>
  Array.from({ length: n }, (_, i) => ({ step: from + i, raw: 2, clipped: 1 }));

function tel(runId: number, step: number, extra: Partial<Telemetry> = {}, slot?: number): Telemetry {
  return {
    runId, step, points: [{ step, loss: 1, accuracy: 0.5 }], gradNorms: new Float32Array([1]), gradNormTotal: 2,
    probe: { T: 1, inputLabels: [], targetLabels: [], predictedLabels: [], traces: [], means: {} }, stepsPerSecond: 3,
    ...(slot !== undefined ? { slot } : {}),
    ...extra,
  };
}

const instrumentMsgs = (sent: ToWorker[]) => sent.flatMap((m) => (m.type === 'instruments' ? [m] : []));

describe('instruments slice', () => {
  it('starts closed and empty; setters change only what differs', () => {
    const { store } = setup();
    expect(store.getState().instruments).toEqual({ open: false, stepEigAt: null, latest: null, clip: [] });
    let calls = 0;
    const unsub = store.subscribe(() => calls++);
    store.getState().setInstrumentsOpen(false);
    store.getState().setStepEigAt(null);
    expect(calls).toBe(0);
    store.getState().setInstrumentsOpen(true);
    store.getState().setStepEigAt(7.4);
    expect(store.getState().instruments).toMatchObject({ open: true, stepEigAt: 7 });
    store.getState().setStepEigAt(-3);
    expect(store.getState().instruments.stepEigAt).toBe(1);
    unsub();
  });

  it('keeps the latest snapshot (telemetry without one leaves it) and appends clip points, bounded', () => {
    const { store } = setup();
    const runId = store.getState().run.runId;
    store.getState().pushTelemetry(tel(runId, 10, { instruments: snapshot(10), clip: clipPoints(1, 10) }));
    store.getState().pushTelemetry(tel(runId, 20, { clip: clipPoints(11, 10) }));
    const ins = store.getState().instruments;
    expect(ins.latest?.step).toBe(10);
    expect(ins.clip.map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    store.getState().pushTelemetry(tel(runId, 20 + HISTORY_MAX, { clip: clipPoints(21, HISTORY_MAX) }));
    const clip = store.getState().instruments.clip;
    expect(clip.length).toBeLessThanOrEqual(HISTORY_MAX);
    expect(clip.at(-1)!.step).toBe(20 + HISTORY_MAX);
    expect(clip.map((p) => p.step)).toEqual([...clip.map((p) => p.step)].sort((a, b) => a - b));
  });

  it('clearTelemetry drops the run’s snapshot and clip points but keeps the page’s wishes', () => {
    const { store } = setup();
    store.getState().setInstrumentsOpen(true);
    store.getState().setStepEigAt(3);
    store.getState().pushTelemetry(tel(store.getState().run.runId, 5, { instruments: snapshot(5), clip: clipPoints(1, 5) }));
    store.getState().clearTelemetry();
    expect(store.getState().instruments).toEqual({ open: true, stepEigAt: 3, latest: null, clip: [] });
  });
});

describe('instruments through the bridge', () => {
  it('sends the wishes before every configure, and again whenever they change', () => {
    const { store, sent } = setup();
    const first = sent.findIndex((m) => m.type === 'configure');
    expect(sent[first - 1]).toEqual({ type: 'instruments', open: false });
    store.getState().setInstrumentsOpen(true);
    expect(sent.at(-1)).toEqual({ type: 'instruments', open: true });
    store.getState().setStepEigAt(12);
    expect(sent.at(-1)).toEqual({ type: 'instruments', open: true, stepEigAt: 12 });
    const n = instrumentMsgs(sent).length;
    store.getState().setStepEigAt(12); // unchanged: nothing sent
    store.getState().setConfig({ learningRate: 0.02 }); // live change: same run, the worker remembers
    expect(instrumentMsgs(sent).length).toBe(n);
    store.getState().setConfig({ hiddenSize: 9 }); // restart
    const i = sent.map((m) => m.type).lastIndexOf('configure');
    expect(sent[i - 1]).toEqual({ type: 'instruments', open: true, stepEigAt: 12 });
    store.getState().setInstrumentsOpen(false);
    expect(sent.at(-1)).toEqual({ type: 'instruments', open: false, stepEigAt: 12 });
  });

  it('forwards snapshots and clip points of the current run; drops stale ones; a restart clears them', () => {
    const { store, w } = setup();
    const runId = store.getState().run.runId;
    w.emit({ type: 'telemetry', telemetry: tel(runId - 1, 3, { instruments: snapshot(3), clip: clipPoints(1, 3) }) });
    expect(store.getState().instruments.latest).toBeNull();
    w.emit({ type: 'telemetry', telemetry: tel(runId, 4, { instruments: snapshot(4), clip: clipPoints(1, 4) }) });
    expect(store.getState().instruments.latest?.step).toBe(4);
    expect(store.getState().instruments.clip).toHaveLength(4);
    store.getState().setConfig({ hiddenSize: 11 });
    expect(store.getState().instruments.latest).toBeNull();
    expect(store.getState().instruments.clip).toEqual([]);
  });

  it('Compare: the message precedes the compare run; each slot keeps its own snapshot and clip points', () => {
    const { store, w, sent } = setup('compare');
    const i = sent.findIndex((m) => m.type === 'compare');
    expect(sent[i - 1]).toMatchObject({ type: 'instruments' });
    const slots0 = store.getState().compareRun.slots;
    expect(slots0.map((s) => [s.instruments, s.clip])).toEqual([[null, []], [null, []]]);
    const runId = store.getState().run.runId;
    w.emit({ type: 'telemetry', telemetry: tel(runId, 2, { instruments: snapshot(2), clip: clipPoints(1, 2) }, 1) });
    w.emit({ type: 'telemetry', telemetry: tel(runId, 2, { clip: clipPoints(1, 2) }, 0) });
    const slots = store.getState().compareRun.slots;
    expect(slots[0].instruments).toBeNull();
    expect(slots[0].clip).toHaveLength(2);
    expect(slots[1].instruments?.step).toBe(2);
    expect(slots[1].clip).toHaveLength(2);
    expect(store.getState().instruments.latest).toBeNull(); // the single run's slice is not the slots'
    store.getState().setUi({ compare: ['rnn', 'gru', 'lstm'] });
    expect(store.getState().compareRun.slots.every((s) => s.instruments === null && s.clip.length === 0)).toBe(true);
  });
});
