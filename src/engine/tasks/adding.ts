// The adding problem (Hochreiter & Schmidhuber 1997; the form of Le, Jaitly & Hinton 2015):
// channel 0 holds values drawn from U[0, 1], channel 1 marks two of them, one in each half of the
// sequence (first half t < ⌊T/2⌋). The target, scored only at the last step, is the sum of the two
// marked values. Predicting the mean (1.0) already gives MSE ≈ 0.167, the usual baseline.
import { createRng, type Rng } from '../rng';
import { PROBE_SEED, type Task, type TaskBatch, type TaskSpec } from './types';

const MIN_T = 2;

function sample(rng: Rng, T: number): { values: number[]; marks: [number, number] } {
  const half = Math.floor(T / 2);
  const values = Array.from({ length: T }, () => rng.next());
  return { values, marks: [rng.int(half), half + rng.int(T - half)] };
}

function encode(seqs: ReturnType<typeof sample>[], T: number): TaskBatch {
  const B = seqs.length;
  const x = new Float32Array(T * B * 2);
  const y = new Float32Array(T * B);
  const mask = new Float32Array(T * B);
  seqs.forEach((s, b) => {
    for (let t = 0; t < T; t++) x[(t * B + b) * 2] = s.values[t];
    for (const m of s.marks) x[(m * B + b) * 2 + 1] = 1;
    const last = (T - 1) * B + b;
    y[last] = s.values[s.marks[0]] + s.values[s.marks[1]];
    mask[last] = 1;
  });
  return { T, B, x, y, mask };
}

export const addingTask: TaskSpec = {
  id: 'adding',
  name: 'Adding problem',
  summary:
    'A stream of random numbers with two of them marked, one in each half; at the end the network must output their sum. It has to hold one number across half the sequence while ignoring all the others.',
  options: [],
  // The target is the sum of two independent U[0, 1] values wherever the marks fall: the best
  // constant is its mean 1, whose MSE is its variance 2 · 1/12 = 1/6, for every T.
  baseline: () => 1 / 6,
  create(): Task {
    const resolveSeqLen = (seqLen: number) => Math.max(MIN_T, Math.round(seqLen));
    return {
      id: 'adding',
      name: 'Adding problem',
      kind: 'regress',
      inputSize: 2,
      outputSize: 1,
      tolerance: 0.04,
      resolveSeqLen,
      batch(rng, batchSize, seqLen) {
        const T = resolveSeqLen(seqLen);
        return encode(Array.from({ length: batchSize }, () => sample(rng, T)), T);
      },
      probe(seqLen) {
        const T = resolveSeqLen(seqLen);
        const s = sample(createRng(PROBE_SEED).fork('probe:adding'), T);
        const target = (s.values[s.marks[0]] + s.values[s.marks[1]]).toFixed(2);
        return {
          batch: encode([s], T),
          // A trailing * marks the two values that count.
          inputLabels: s.values.map((v, t) => v.toFixed(2) + (s.marks.includes(t) ? '*' : '')),
          targetLabels: s.values.map((_, t) => (t === T - 1 ? target : '')),
        };
      },
      outputLabel: (row) => Number(row[0]).toFixed(2),
    };
  },
};
