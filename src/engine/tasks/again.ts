// "Does it appear again?": a task where the answer lies in the future. The input is T symbols drawn
// uniformly from an alphabet of A; at every step t the target is 1 when x_t occurs again later in
// the sequence (some s > t has x_s = x_t) and 0 when this is its last occurrence. Every step is
// scored.
//
// The future is independent of the past here, so what a causal (left-to-right) model can know is
// only the chance that a symbol comes back in the T − 1 − t steps that remain:
//   p_t = P(y_t = 1) = 1 − ((A − 1)/A)^(T−1−t),
// whatever x_0 … x_t were. The best a unidirectional RNN can do is therefore to predict p_t at
// step t: the same loss as the best input-independent predictor, the baseline
//   mean over t of H(p_t),  H(p) = −p ln p − (1 − p) ln(1 − p)  (nats, the trainer's cross-entropy).
// A bidirectional RNN's backward direction reads x_{T−1} … x_{t+1} before step t, so it can know
// the answer: its loss can fall to 0.
import { createRng, type Rng } from '../rng';
import { argmax, intOption, PROBE_SEED, type Task, type TaskBatch, type TaskProbe, type TaskSpec } from './types';
import { alphabetOption, drawSymbols, SYMBOLS } from './symbolic';

/** Class labels: 0 = last occurrence, 1 = appears again later. */
export const AGAIN_LABELS = ['−', '+'] as const;

const MIN_SEQ_LEN = 2;

/** y_t = 1 when symbol t occurs again after t (labels are read right to left, as a backward pass would). */
export function againLabels(symbols: readonly number[]): number[] {
  const seen = new Set<number>();
  const out = new Array<number>(symbols.length);
  for (let t = symbols.length - 1; t >= 0; t--) {
    out[t] = seen.has(symbols[t]) ? 1 : 0;
    seen.add(symbols[t]);
  }
  return out;
}

/** p_t = 1 − ((A − 1)/A)^(T−1−t): the chance that a symbol at step t comes back, for t = 0 … T−1. */
export function againProbabilities(alphabet: number, T: number): number[] {
  return Array.from({ length: T }, (_, t) => 1 - Math.pow((alphabet - 1) / alphabet, T - 1 - t));
}

/** Binary entropy in nats (0 at p = 0 or 1). */
function entropy(p: number): number {
  const h = (q: number) => (q > 0 ? -q * Math.log(q) : 0);
  return h(p) + h(1 - p);
}

const resolveSeqLen = (seqLen: number) => Math.max(MIN_SEQ_LEN, Math.round(seqLen));

function encode(seqs: number[][], A: number, T: number): TaskBatch {
  const B = seqs.length;
  const x = new Float32Array(T * B * A);
  const y = new Float32Array(T * B * 2);
  const mask = new Float32Array(T * B).fill(1);
  seqs.forEach((s, b) => {
    const labels = againLabels(s);
    for (let t = 0; t < T; t++) {
      const i = t * B + b;
      x[i * A + s[t]] = 1;
      y[i * 2 + labels[t]] = 1;
    }
  });
  return { T, B, x, y, mask };
}

export const againTask: TaskSpec = {
  id: 'again',
  name: 'Appears again?',
  summary:
    'A row of random symbols; at every step the target says whether this symbol will turn up again later in the row. The answer lies in the future: a left-to-right cell can only guess from how many steps remain, while a bidirectional one has already read the rest of the row.',
  options: [alphabetOption],
  // The best predictor that ignores the input says p_t at step t (the chance that a symbol comes
  // back in the steps that remain); its cross-entropy, averaged over the T scored steps, is the
  // mean binary entropy of p_t. A causal model can do no better: the future is independent of what
  // it has read.
  baseline(options, seqLen) {
    const T = resolveSeqLen(seqLen);
    const p = againProbabilities(intOption(options, alphabetOption), T);
    return p.reduce((s, q) => s + entropy(q), 0) / T;
  },
  create(options): Task {
    const A = intOption(options, alphabetOption);
    const sample = (rng: Rng, T: number) => drawSymbols(rng, T, A);
    return {
      id: 'again',
      name: 'Appears again?',
      kind: 'classify',
      inputSize: A,
      outputSize: 2,
      resolveSeqLen,
      batch(rng, batchSize, seqLen) {
        const T = resolveSeqLen(seqLen);
        return encode(Array.from({ length: batchSize }, () => sample(rng, T)), A, T);
      },
      probe(seqLen): TaskProbe {
        const T = resolveSeqLen(seqLen);
        const s = sample(createRng(PROBE_SEED).fork('probe:again'), T);
        return {
          batch: encode([s], A, T),
          inputLabels: s.map((k) => SYMBOLS[k]),
          targetLabels: againLabels(s).map((k) => AGAIN_LABELS[k]),
        };
      },
      outputLabel: (row) => AGAIN_LABELS[argmax(row, 0, 2)],
    };
  },
};
