// Loaded weights through the bridge, with a fake worker: loading one restarts the run at once with
// the weights on its configure (and on every later one, live changes included, so the worker keeps
// them); a worker that finds they no longer fit makes the page set them aside and say why; saving
// asks the worker for the current run's values.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { createBridge } from '../../src/store/bridge';
import { fakeWorker } from './fake-worker';
import type { ToWorker, WeightSet } from '../../src/protocol/messages';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };
const reg: UrlRegistry = catalog;

function setup() {
  const store = createAppStore(defaultState(reg, 5));
  store.getState().setCatalog(catalog);
  const w = fakeWorker();
  const sent = w.sent;
  const bridge = createBridge(store, { makeWorker: () => w, debounceMs: 0 });
  return { store, sent, w, bridge };
}

const values: WeightSet = { weight_ih_l0: { shape: [1, 1], values: new Float32Array([0.5]) } };
const configures = (sent: ToWorker[]) => sent.flatMap((m) => (m.type === 'configure' ? [m] : []));

describe('weights through the bridge', () => {
  it('restarts with the weights at once and sends them with every later configure', () => {
    const { store, sent } = setup();
    const before = store.getState().run.runId;
    store.getState().loadWeights({ name: 'm.json', values, notes: [] });
    const id = store.getState().weights.loaded!.id;
    const first = configures(sent).at(-1)!;
    expect(first.runId).toBe(before + 1);
    expect(first.weights).toEqual({ id, values });
    store.getState().setConfig({ learningRate: 0.02 });
    const live = configures(sent).at(-1)!;
    expect(live.runId).toBe(before + 1);
    expect(live.config.learningRate).toBe(0.02);
    expect(live.weights?.id).toBe(id);
  });

  it('sets weights aside with a message when the worker says they no longer fit', () => {
    const { store, w } = setup();
    store.getState().loadWeights({ name: 'm.json', values, notes: [] });
    const { loaded } = store.getState().weights;
    const runId = store.getState().run.runId;
    // A report about an older load, or an older run, changes nothing.
    w.emit({ type: 'weightsStatus', runId: runId - 1, id: loaded!.id, applied: false, message: 'old' });
    w.emit({ type: 'weightsStatus', runId, id: loaded!.id + 1, applied: false, message: 'other' });
    w.emit({ type: 'weightsStatus', runId, id: loaded!.id, applied: true });
    expect(store.getState().weights.loaded).toBe(loaded);
    w.emit({ type: 'weightsStatus', runId, id: loaded!.id, applied: false, message: 'weight_ih_l0 has shape [1, 1], this model needs [4, 1]' });
    expect(store.getState().weights.loaded).toBeNull();
    expect(store.getState().weights.message).toMatchObject({ kind: 'error', text: expect.stringMatching(/m\.json no longer fits the model \(weight_ih_l0/) });
  });

  it('asks the worker for the current run’s values when saving', async () => {
    const { store, sent, w, bridge } = setup();
    const pending = bridge.exportWeights();
    const ask = sent.at(-1)!;
    expect(ask).toEqual({ type: 'exportWeights', runId: store.getState().run.runId });
    w.emit({ type: 'weights', runId: store.getState().run.runId, values });
    await expect(pending).resolves.toBe(values);
    store.getState().setUi({ page: 'compare' });
    await expect(bridge.exportWeights()).rejects.toThrow(/single run/);
  });
});
