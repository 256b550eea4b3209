// The page's estimate (BudgetNote, from the catalogue's cell metadata) is the worker's (budget.ts,
// from the cell registry), so what the control panel says is what the worker does; Compare takes
// the largest cell's memory and the sum of their times.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import * as taskRegistry from '../../src/engine/tasks/registry';
import { assessRun } from '../../src/engine/budget';
import { cellMeta, readTasks } from '../../src/store/catalog';
import { pageWorkload } from '../../src/components/BudgetNote';
import type { RunConfig } from '../../src/protocol/messages';

const catalog = { cells: cellList.map(cellMeta), tasks: readTasks(taskRegistry as unknown as Record<string, unknown>) };

const base: RunConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'adding', seqLen: 200, hiddenSize: 128, numLayers: 3,
  bidirectional: true, learningRate: 0.01, batchSize: 32, recurrentScale: 1, clipNorm: 1, seed: 3,
};

describe('the page’s estimate', () => {
  for (const patch of [
    {},
    { cellId: 'hotrnn', cellOptions: { lags: 4, order: 3, rank: 8 }, numLayers: 1, bidirectional: false, seqLen: 50 },
    { cellId: 'narx', cellOptions: { order: 3, outputs: 8 }, taskId: 'copy', taskOptions: { symbols: 3, alphabet: 8 }, seqLen: 30 },
  ] as Partial<RunConfig>[]) {
    it(`equals the worker’s: ${patch.cellId ?? 'lstm'}`, () => {
      const config = { ...base, ...patch };
      const page = pageWorkload({ config, catalog, page: 'playground', compare: [] })!;
      const worker = assessRun(config);
      expect(page.workload.bytes).toBeCloseTo(worker.workload.bytes, -3);
      expect(page.workload.ms).toBeCloseTo(worker.workload.ms, 3);
      expect(page.level).toBe(worker.level);
    });
  }

  it('says what to lower above the budget, and nothing below it', () => {
    // LSTM T 200 H 128 ×3 bidirectional: a warning at B 32 since the fused kernels, refused at B 256.
    expect(pageWorkload({ config: base, catalog, page: 'playground', compare: [] })!.level).toBe('warn');
    const refused = pageWorkload({ config: { ...base, batchSize: 256 }, catalog, page: 'playground', compare: [] })!;
    expect(refused.level).toBe('refuse');
    expect(refused.lowerings.map((l) => l.field)).toEqual(expect.arrayContaining(['hiddenSize', 'seqLen']));
    const fine = pageWorkload({ config: { ...base, seqLen: 12, hiddenSize: 32, numLayers: 1, bidirectional: false }, catalog, page: 'playground', compare: [] })!;
    expect(fine).toMatchObject({ level: 'ok', lowerings: [] });
  });

  it('on Compare: the largest memory and the summed time of the cells', () => {
    const config = { ...base, seqLen: 50, hiddenSize: 32, numLayers: 1, bidirectional: false };
    const both = pageWorkload({ config, catalog, page: 'compare', compare: ['rnn', 'lstm'] })!;
    const rnn = assessRun({ ...config, cellId: 'rnn', cellOptions: { nonlinearity: 'tanh' } }).workload;
    const lstm = assessRun(config).workload;
    expect(both.workload.bytes).toBeCloseTo(Math.max(rnn.bytes, lstm.bytes), -3);
    expect(both.workload.ms).toBeCloseTo(rnn.ms + lstm.ms, 3);
  });
});
