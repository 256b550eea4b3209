// The "appears again?" task: seeded batches, labels that match a brute-force reading of each
// sequence, and a baseline that is both the best input-independent loss and the best a causal
// (left-to-right) model can do, checked by enumerating every sequence of a small case.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { againLabels, againProbabilities, againTask } from '../../src/engine/tasks/again';
import { getTask, getTaskSpec } from '../../src/engine/tasks/registry';

const H = (p: number) => (p <= 0 || p >= 1 ? 0 : -p * Math.log(p) - (1 - p) * Math.log(1 - p));

/** Every sequence of length T over A symbols. */
function allSequences(A: number, T: number): number[][] {
  if (T === 0) return [[]];
  return allSequences(A, T - 1).flatMap((s) => Array.from({ length: A }, (_, k) => [...s, k]));
}

describe('task again', () => {
  it('is registered, with the alphabet option', () => {
    expect(getTaskSpec('again')).toBe(againTask);
    const task = getTask('again', { alphabet: 5 });
    expect(task.inputSize).toBe(5);
    expect(task.outputSize).toBe(2);
    expect(task.kind).toBe('classify');
    expect(getTask('again', { alphabet: 99 }).inputSize).toBe(8); // clamped to the option's range
  });

  it('draws the same batch for the same seed, another for another seed', () => {
    const task = getTask('again');
    const a = task.batch(createRng(3), 4, 12);
    const b = task.batch(createRng(3), 4, 12);
    const c = task.batch(createRng(4), 4, 12);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
  });

  it('labels every step 1 exactly when its symbol occurs again later, and scores every step', () => {
    const A = 4;
    const task = getTask('again', { alphabet: A });
    const b = task.batch(createRng(7), 16, 15);
    let ones = 0;
    for (let i = 0; i < b.B; i++) {
      const sym = Array.from({ length: b.T }, (_, t) => Array.from(b.x.subarray((t * b.B + i) * A, (t * b.B + i + 1) * A)).indexOf(1));
      expect(sym.every((s) => s >= 0 && s < A)).toBe(true);
      for (let t = 0; t < b.T; t++) {
        const k = t * b.B + i;
        const want = sym.slice(t + 1).includes(sym[t]) ? 1 : 0;
        expect(b.y[k * 2 + want], `example ${i}, t = ${t}`).toBe(1);
        expect(b.y[k * 2 + 1 - want]).toBe(0);
        expect(b.mask[k]).toBe(1);
        ones += want;
      }
      // The last step never recurs.
      expect(b.y[((b.T - 1) * b.B + i) * 2]).toBe(1);
    }
    expect(ones).toBeGreaterThan(0);
    expect(ones).toBeLessThan(b.T * b.B);
    expect(againLabels([0, 1, 0, 2, 1, 0])).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('probe: the same sequence every call, with + / − target labels', () => {
    const task = getTask('again');
    const p = task.probe(12);
    expect(p.inputLabels).toEqual(task.probe(12).inputLabels);
    expect(p.inputLabels).toHaveLength(12);
    const syms = p.inputLabels;
    expect(p.targetLabels).toEqual(syms.map((s, t) => (syms.slice(t + 1).includes(s) ? '+' : '−')));
    expect(task.outputLabel([0.1, 0.9])).toBe('+');
    expect(task.outputLabel([0.9, 0.1])).toBe('−');
  });

  it('baseline: the mean binary entropy of p_t = 1 − ((A − 1)/A)^(T−1−t)', () => {
    const A = 8;
    const T = 12;
    const p = againProbabilities(A, T);
    expect(p[T - 1]).toBe(0);
    expect(p[T - 2]).toBeCloseTo(1 / 8, 12);
    expect(againTask.baseline({ alphabet: A }, T)).toBeCloseTo(p.reduce((s, q) => s + H(q), 0) / T, 12);
    // Clamped options and a too-short T are read as the task reads them.
    expect(againTask.baseline({ alphabet: 99 }, 12)).toBeCloseTo(againTask.baseline({ alphabet: 8 }, 12), 12);
    expect(getTask('again').resolveSeqLen(1)).toBe(2);
  });

  it('baseline = the exact best input-independent loss, and no prefix of the input improves on it (every sequence, A = 3, T = 6)', () => {
    const A = 3;
    const T = 6;
    const seqs = allSequences(A, T);
    // Per step: class frequencies over all sequences (the best input-blind guess), and over each prefix x_0..x_t.
    let blind = 0;
    let causal = 0;
    for (let t = 0; t < T; t++) {
      const byPrefix = new Map<string, [number, number]>();
      let yes = 0;
      for (const s of seqs) {
        const y = againLabels(s)[t];
        yes += y;
        const key = s.slice(0, t + 1).join('');
        const c = byPrefix.get(key) ?? [0, 0];
        c[y]++;
        byPrefix.set(key, c);
      }
      blind += H(yes / seqs.length);
      for (const [n0, n1] of byPrefix.values()) causal += ((n0 + n1) / seqs.length) * H(n1 / (n0 + n1));
    }
    expect(againTask.baseline({ alphabet: A }, T)).toBeCloseTo(blind / T, 12);
    expect(causal / T).toBeCloseTo(blind / T, 12);
  });

  it('baseline matches a seeded empirical estimate at the default alphabet', () => {
    const task = getTask('again');
    const T = 10;
    const rng = createRng(11);
    const yes = new Array(T).fill(0);
    const n = 20000;
    for (let done = 0; done < n; done += 500) {
      const b = task.batch(rng, 500, T);
      for (let t = 0; t < T; t++) for (let i = 0; i < b.B; i++) yes[t] += b.y[(t * b.B + i) * 2 + 1];
    }
    const empirical = yes.reduce((s, k) => s + H(k / n), 0) / T;
    expect(Math.abs(empirical - againTask.baseline({}, T))).toBeLessThan(0.01);
  });
});
