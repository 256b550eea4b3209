// The page's record of ‖∂L/∂h_t‖ snapshots for the telemetry export (the store keeps only the
// latest): pushed telemetry → rows with the profile at the steps it came, cleared on a restart;
// on Compare each cell's own rows. Store only (no worker, no DOM).
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, FALLBACK_TASKS } from '../../src/store/catalog';
import { createAppStore } from '../../src/store';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import type { Telemetry } from '../../src/protocol/messages';
import { gradNormLogFor, telemetryRuns } from '../../src/components/ExportMenu';
import { telemetryCsv } from '../../src/views/export/telemetry';

const catalog = { cells: cellList.map(cellMeta), tasks: FALLBACK_TASKS };

function setup(page: 'playground' | 'compare') {
  const init = defaultState(catalog as UrlRegistry, 5);
  init.ui.page = page;
  init.ui.compare = ['rnn', 'gru'];
  const store = createAppStore(init);
  store.getState().setCatalog(catalog);
  return store;
}

/** Telemetry for steps from..to (one loss and clip point each), the profile [step, 2·step, 3·step]. */
function tel(from: number, to: number, slot?: number): Telemetry {
  const steps = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return {
    runId: 0, step: to, stepsPerSecond: 1,
    points: steps.map((step) => ({ step, loss: 1 / step, accuracy: 0.5 })),
    clip: steps.map((step) => ({ step, raw: step, clipped: Math.min(1, step) })),
    gradNorms: new Float32Array([to, 2 * to, 3 * to]), gradNormTotal: to,
    probe: { T: 3, inputLabels: [], targetLabels: [], predictedLabels: [], traces: [], means: {} },
    ...(slot !== undefined ? { slot } : {}),
  } as Telemetry;
}

describe('telemetry export record', () => {
  it('one row per logged step; the profile at the steps a snapshot came; a restart empties it', () => {
    const store = setup('playground');
    const log = gradNormLogFor(store);
    expect(gradNormLogFor(store)).toBe(log);
    store.getState().pushTelemetry(tel(1, 4));
    store.getState().pushTelemetry(tel(5, 9));
    const [run] = telemetryRuns(store.getState(), log);
    expect(run.history.length).toBe(9);
    expect(run.gradNorms.map((g) => g.step)).toEqual([4, 9]);
    const rows = telemetryCsv([run]).trim().split('\n').map((l) => l.split(','));
    expect(rows.length - 1).toBe(9);
    expect(rows[4]).toEqual(['4', '0.25', '0.5', '4', '1', '4', '8', '12']);
    expect(rows[3].slice(5)).toEqual(['', '', '']);
    store.getState().clearTelemetry();
    expect(telemetryRuns(store.getState(), log)[0].gradNorms).toEqual([]);
    store.getState().pushTelemetry(tel(1, 2));
    expect(telemetryRuns(store.getState(), log)[0].gradNorms.map((g) => g.step)).toEqual([2]);
  });

  it('Compare: each cell its own history and profiles; a new comparison empties them', () => {
    const store = setup('compare');
    const log = gradNormLogFor(store);
    store.getState().resetCompare(['rnn', 'gru']);
    store.getState().pushCompareTelemetry(tel(1, 3, 0));
    store.getState().pushCompareTelemetry(tel(1, 2, 1));
    store.getState().pushCompareTelemetry(tel(3, 5, 1));
    const runs = telemetryRuns(store.getState(), log);
    expect(runs.map((r) => r.cellId)).toEqual(['rnn', 'gru']);
    expect(runs.map((r) => r.history.length)).toEqual([3, 5]);
    expect(runs[1].gradNorms.map((g) => g.step)).toEqual([2, 5]);
    const csv = telemetryCsv(runs, { cellColumn: true }).trim().split('\n');
    expect(csv.length - 1).toBe(8);
    store.getState().resetCompare(['lstm', 'gru']);
    expect(telemetryRuns(store.getState(), log).every((r) => r.gradNorms.length === 0)).toBe(true);
  });
});
