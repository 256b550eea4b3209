// The page's side of the samples panel: the store's wish goes to the worker when it changes and
// after every configure while there is one; the worker's samples for the current run land in the
// store (stale runs dropped, a history of the last few, cleared when the run restarts).
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { SAMPLES_KEPT } from '../../src/store/slices';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { createBridge } from '../../src/store/bridge';
import { fakeWorker } from './fake-worker';
import type { SampleReport, SamplesWant } from '../../src/protocol/messages';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };
const reg: UrlRegistry = catalog;
const want: SamplesWant = { prompt: 'Alice ', length: 10, temperature: 1, seed: 1, every: 50 };
const report = (step: number, temperature = 1): SampleReport => ({ step, prompt: 'Alice ', temperature, seed: 1, text: 'abc' });

function setup() {
  const store = createAppStore(defaultState(reg, 5));
  store.getState().setCatalog(catalog);
  const w = fakeWorker();
  createBridge(store, { makeWorker: () => w, debounceMs: 0 });
  return { store, w, samplesMsgs: () => w.sent.filter((m) => m.type === 'samples') };
}

describe('samples through the bridge', () => {
  it('no samples message until a panel wants some; the wish, its change and its withdrawal are sent once each', () => {
    const { store, samplesMsgs } = setup();
    expect(samplesMsgs()).toEqual([]);
    store.getState().setSamplesWant(want);
    store.getState().setSamplesWant({ ...want }); // the same wish: nothing new
    store.getState().setSamplesWant({ ...want, temperature: 0.5 });
    store.getState().setSamplesWant(null);
    expect(samplesMsgs()).toEqual([
      { type: 'samples', want },
      { type: 'samples', want: { ...want, temperature: 0.5 } },
      { type: 'samples', want: null },
    ]);
  });

  it('a restart re-sends the wish after its configure', () => {
    const { store, w } = setup();
    store.getState().setSamplesWant(want);
    store.getState().setConfig({ hiddenSize: 16 });
    const i = w.sent.map((m) => m.type).lastIndexOf('configure');
    expect(w.sent[i]).toMatchObject({ type: 'configure', runId: 2 });
    expect(w.sent.slice(i + 1).find((m) => m.type === 'samples')).toEqual({ type: 'samples', want });
  });

  it('samples of the current run land in the store, stale ones are dropped, a new temperature replaces its step', () => {
    const { store, w } = setup();
    const runId = store.getState().run.runId;
    w.emit({ type: 'samples', runId: runId - 1, samples: report(3) });
    expect(store.getState().samples.latest).toBeNull();
    w.emit({ type: 'samples', runId, samples: report(0) });
    w.emit({ type: 'samples', runId, samples: report(50) });
    w.emit({ type: 'samples', runId, samples: report(50, 0.2) });
    expect(store.getState().samples.latest).toMatchObject({ step: 50, temperature: 0.2 });
    expect(store.getState().samples.history.map((r) => [r.step, r.temperature])).toEqual([[0, 1], [50, 0.2]]);
    for (let k = 2; k < 12; k++) w.emit({ type: 'samples', runId, samples: report(50 * k) });
    expect(store.getState().samples.history).toHaveLength(SAMPLES_KEPT);
    store.getState().setConfig({ hiddenSize: 16 });
    expect(store.getState().samples).toMatchObject({ latest: null, history: [] });
  });
});
