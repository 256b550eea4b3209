import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { getTask, taskList } from '../../src/engine/tasks/registry';
import { scoreOutputs, type TaskBatch } from '../../src/engine/tasks/types';

const same = (a: TaskBatch, b: TaskBatch) =>
  a.T === b.T && a.B === b.B && [a.x, a.y, a.mask].every((arr, i) => arr.every((v, j) => v === [b.x, b.y, b.mask][i][j]));

/** Decodes one-hot rows [T, B, n] of example b into indices (−1 for an all-zero row). */
function decode(arr: Float32Array, T: number, B: number, n: number, b: number): number[] {
  return Array.from({ length: T }, (_, t) => {
    const row = arr.subarray((t * B + b) * n, (t * B + b + 1) * n);
    return row.indexOf(1);
  });
}

describe.each(taskList.map((t) => t.id))('task %s', (id) => {
  const task = getTask(id);

  it('same seed gives the same batch, another seed a different one', () => {
    const a = task.batch(createRng(7), 8, 20);
    expect(same(a, task.batch(createRng(7), 8, 20))).toBe(true);
    expect(same(a, task.batch(createRng(8), 8, 20))).toBe(false);
  });

  it('has time-major shapes and a non-empty binary mask', () => {
    const b = task.batch(createRng(1), 5, 16);
    expect(b.T).toBe(16);
    expect(b.x.length).toBe(16 * 5 * task.inputSize);
    expect(b.y.length).toBe(16 * 5 * task.outputSize);
    expect(b.mask.length).toBe(16 * 5);
    expect(b.mask.every((m) => m === 0 || m === 1)).toBe(true);
    expect(b.mask.some((m) => m === 1)).toBe(true);
  });

  it('lengthens a too-short seqLen to the task minimum', () => {
    const T = task.resolveSeqLen(1);
    expect(T).toBeGreaterThan(1);
    expect(task.batch(createRng(1), 2, 1).T).toBe(T);
  });

  it('has a fixed probe with one label per timestep', () => {
    const p = task.probe(12);
    expect(p.batch.B).toBe(1);
    expect(p.inputLabels.length).toBe(p.batch.T);
    expect(p.targetLabels.length).toBe(p.batch.T);
    expect(task.probe(12)).toEqual(p);
    p.targetLabels.forEach((l, t) => expect(l !== '').toBe(p.batch.mask[t] === 1));
  });

  it('scores the targets themselves as fully correct', () => {
    const b = task.batch(createRng(3), 6, 14);
    expect(scoreOutputs(task, b.y, b)).toBe(1);
  });
});

describe('copy', () => {
  const task = getTask('copy', { symbols: 4, alphabet: 6 });

  it('recalls the first S symbols after the delimiter, only recall positions masked', () => {
    const T = 15;
    const b = task.batch(createRng(11), 3, T);
    expect(task.inputSize).toBe(8);
    expect(task.outputSize).toBe(6);
    for (let k = 0; k < 3; k++) {
      const inp = decode(b.x, T, 3, 8, k);
      const tgt = decode(b.y, T, 3, 6, k);
      expect(inp.slice(0, 4).every((s) => s >= 0 && s < 6)).toBe(true);
      expect(inp.slice(4, T - 5).every((s) => s === 6)).toBe(true); // blanks
      expect(inp[T - 5]).toBe(7); // delimiter
      expect(inp.slice(T - 4).every((s) => s === 6)).toBe(true);
      expect(tgt.slice(T - 4)).toEqual(inp.slice(0, 4));
      expect(tgt.slice(0, T - 4).every((s) => s === -1)).toBe(true);
      for (let t = 0; t < T; t++) expect(b.mask[t * 3 + k]).toBe(t >= T - 4 ? 1 : 0);
    }
  });

  it('labels the probe in symbols', () => {
    const p = task.probe(11);
    expect(p.inputLabels[6]).toBe(':');
    expect(p.inputLabels.slice(4, 6)).toEqual(['_', '_']);
    expect(p.targetLabels.slice(7)).toEqual(p.inputLabels.slice(0, 4));
  });

  it('clamps options to their range', () => {
    expect(getTask('copy', { symbols: 99, alphabet: 1 }).resolveSeqLen(0)).toBe(11);
    expect(getTask('copy', { alphabet: 1 }).outputSize).toBe(2);
  });
});

describe('select', () => {
  it('targets the first k symbols once the input turns blank', () => {
    const task = getTask('select', { recall: 2, alphabet: 5 });
    const T = 9;
    const b = task.batch(createRng(5), 4, T);
    for (let k = 0; k < 4; k++) {
      const inp = decode(b.x, T, 4, 6, k);
      const tgt = decode(b.y, T, 4, 5, k);
      expect(inp.slice(0, T - 2).every((s) => s >= 0 && s < 5)).toBe(true);
      expect(inp.slice(T - 2)).toEqual([5, 5]);
      expect(tgt.slice(T - 2)).toEqual(inp.slice(0, 2));
      expect(tgt.slice(0, T - 2).every((s) => s === -1)).toBe(true);
    }
  });
});

describe('adding', () => {
  const task = getTask('adding');

  it('marks one value in each half and targets their sum at the last step', () => {
    const T = 10;
    const B = 16;
    const b = task.batch(createRng(9), B, T);
    for (let k = 0; k < B; k++) {
      const marks: number[] = [];
      let sum = 0;
      for (let t = 0; t < T; t++) {
        const v = b.x[(t * B + k) * 2];
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(1);
        if (b.x[(t * B + k) * 2 + 1] === 1) {
          marks.push(t);
          sum += v;
        }
        expect(b.mask[t * B + k]).toBe(t === T - 1 ? 1 : 0);
      }
      expect(marks.length).toBe(2);
      expect(marks[0]).toBeLessThan(5);
      expect(marks[1]).toBeGreaterThanOrEqual(5);
      expect(b.y[(T - 1) * B + k]).toBeCloseTo(sum, 5);
    }
  });

  it('counts an answer within 0.04 as correct', () => {
    const b = task.batch(createRng(2), 2, 6);
    const out = Float32Array.from(b.y);
    out[5 * 2] += 0.03;
    out[5 * 2 + 1] += 0.05;
    expect(scoreOutputs(task, out, b)).toBe(0.5);
  });
});
