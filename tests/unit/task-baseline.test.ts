// Each task's baseline (the loss of the best input-independent predictor) against an empirical
// measure: sample many batches, fit the best guess per scored timestep from the targets alone
// (the mean for a regression, the class frequencies for a classification) and score it.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { getTask, getTaskSpec, taskList } from '../../src/engine/tasks/registry';
import type { CellOptions } from '../../src/cells/types';

function empiricalBaseline(id: string, options: CellOptions, seqLen: number, n = 6000): number {
  const task = getTask(id, options);
  const rng = createRng(11);
  const O = task.outputSize;
  // Targets per scored timestep: regression values, or class counts.
  const byT = new Map<number, number[][]>();
  for (let done = 0; done < n; done += 100) {
    const b = task.batch(rng, 100, seqLen);
    for (let t = 0; t < b.T; t++) {
      for (let i = 0; i < b.B; i++) {
        const k = t * b.B + i;
        if (!b.mask[k]) continue;
        if (!byT.has(t)) byT.set(t, []);
        byT.get(t)!.push(Array.from(b.y.subarray(k * O, (k + 1) * O)));
      }
    }
  }
  let total = 0;
  let count = 0;
  for (const rows of byT.values()) {
    const mean = Array.from({ length: O }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    for (const r of rows) {
      total += task.kind === 'regress'
        ? r.reduce((s, v, j) => s + (v - mean[j]) ** 2, 0) / O // the trainer's MSE: mean over outputs
        : -Math.log(mean[r.indexOf(1)]); // cross-entropy of the class frequencies
      count++;
    }
  }
  return total / count;
}

const cases: [string, CellOptions, number][] = [
  ['adding', {}, 12],
  ['adding', {}, 50],
  ['copy', {}, 12],
  ['copy', { symbols: 5, alphabet: 4 }, 30],
  ['copy', { alphabet: 2 }, 10],
  ['select', {}, 12],
  ['select', { recall: 1, alphabet: 5 }, 20],
];

describe('task baselines', () => {
  it('every task has one', () => {
    for (const t of taskList) expect(Number.isFinite(t.baseline({}, 12))).toBe(true);
  });

  it('adding: Var of the sum of two U[0, 1] = 1/6; copy and select: ln of the alphabet', () => {
    expect(getTaskSpec('adding').baseline({}, 20)).toBeCloseTo(1 / 6, 12);
    expect(getTaskSpec('copy').baseline({}, 20)).toBeCloseTo(Math.log(8), 12);
    expect(getTaskSpec('select').baseline({ alphabet: 3 }, 20)).toBeCloseTo(Math.log(3), 12);
    // Options out of range are clamped as the task itself clamps them.
    expect(getTaskSpec('copy').baseline({ alphabet: 99 }, 20)).toBeCloseTo(Math.log(8), 12);
  });

  it.each(cases)('%s %j T=%i agrees with the best constant fitted on sampled targets', (id, options, seqLen) => {
    const stated = getTaskSpec(id).baseline(options, seqLen);
    const measured = empiricalBaseline(id, options, seqLen);
    expect(Math.abs(measured - stated) / stated).toBeLessThan(0.03);
  });
});
