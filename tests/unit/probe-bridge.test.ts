// The typed probe input through the bridge, with a fake worker: typed on the Playground it goes to
// the worker at once and again before a replaced worker's configure; a lesson shows its tasks' own
// examples (null is sent) and the Playground gets the input back; the worker's answer about the
// input the page holds sets its length, or sets it aside with the reason.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { createBridge } from '../../src/store/bridge';
import { goToPage, goToLessonStep } from '../../src/store/navigation';
import { LESSONS } from '../../src/lessons/registry';
import { fakeWorker, type FakeWorker } from './fake-worker';
import type { ToWorker } from '../../src/protocol/messages';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };
const reg: UrlRegistry = catalog;

function setup() {
  const store = createAppStore(defaultState(reg, 5));
  store.getState().setCatalog(catalog);
  const workers: FakeWorker[] = [];
  const bridge = createBridge(store, { makeWorker: () => { const w = fakeWorker(); workers.push(w); return w; }, debounceMs: 0 });
  return { store, workers, bridge };
}

const probes = (sent: ToWorker[]) => sent.flatMap((m) => (m.type === 'probeInput' ? [m.input] : []));
const input = { mode: 'numbers' as const, text: '1, 0, 0, 1, 0.5' };

describe('typed probe input through the bridge', () => {
  it('goes to the worker when typed, is withdrawn on a lesson and comes back on the Playground', () => {
    const { store, workers } = setup();
    const w = workers[0];
    expect(probes(w.sent)).toEqual([]);
    store.getState().setProbeInput(input);
    expect(probes(w.sent)).toEqual([input]);
    goToLessonStep(store, LESSONS[0].id, 0);
    expect(probes(w.sent).at(-1)).toBeNull();
    goToPage(store, 'playground');
    expect(probes(w.sent).at(-1)).toEqual(input);
    store.getState().setProbeInput(null);
    expect(probes(w.sent).at(-1)).toBeNull();
  });

  it('a replaced worker hears it before its configure', () => {
    const { store, workers } = setup();
    store.getState().setProbeInput(input);
    workers[0].onerror?.({ message: 'boom' } as ErrorEvent);
    const w2 = workers[1];
    const kinds = w2.sent.map((m) => m.type);
    expect(kinds.indexOf('probeInput')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('probeInput')).toBeLessThan(kinds.indexOf('configure'));
  });

  it('takes the worker’s answer about the input it holds: its length, or why it was set aside', () => {
    const { store, workers } = setup();
    const w = workers[0];
    store.getState().setProbeInput(input);
    const runId = store.getState().run.runId;
    // About another input: ignored.
    w.emit({ type: 'probeStatus', runId, input: { mode: 'numbers', text: '1' }, applied: true, T: 1 });
    expect(store.getState().probeInput.T).toBeNull();
    w.emit({ type: 'probeStatus', runId, input, applied: true, T: 5 });
    expect(store.getState().probeInput).toMatchObject({ input, T: 5, message: null });
    w.emit({ type: 'probeStatus', runId, input, applied: false, message: 'step 1 has 2 numbers; this model reads 10 per step' });
    expect(store.getState().probeInput).toMatchObject({ input: null, T: null, message: expect.stringMatching(/reads 10 per step/) });
  });
});
