// Shared plumbing of the symbol tasks (copy, select): a task samples one sequence as token ids,
// this file turns sequences into one-hot batches, probes and labels.
import type { OptionSpec } from '../../cells/types';
import { createRng, type Rng } from '../rng';
import { argmax, PROBE_SEED, type Task, type TaskBatch, type TaskProbe } from './types';

export const SYMBOLS = 'abcdefgh';
export const BLANK = '_';

export const alphabetOption: OptionSpec = {
  key: 'alphabet', label: 'Alphabet size', kind: 'integer', default: 8, min: 2, max: 8, step: 1,
  help: 'How many different symbols can appear.',
  zh: { label: '字母表大小', help: '可能出现多少种不同的符号。' },
};

/** One sequence: input token per step (an input channel), target class per step or −1 (masked out). */
export interface SymbolSequence {
  input: number[];
  target: number[];
}

export interface SymbolTaskDef {
  id: string;
  name: string;
  /** Input channels: the alphabet first, then the task's extra tokens (blank, delimiter …). */
  inputTokens: string[];
  /** Output classes: the alphabet. */
  alphabet: number;
  minSeqLen: number;
  sample(rng: Rng, T: number): SymbolSequence;
}

export function symbolTask(def: SymbolTaskDef): Task {
  const I = def.inputTokens.length;
  const O = def.alphabet;
  const resolveSeqLen = (seqLen: number) => Math.max(def.minSeqLen, Math.round(seqLen));

  const encode = (seqs: SymbolSequence[], T: number): TaskBatch => {
    const B = seqs.length;
    const x = new Float32Array(T * B * I);
    const y = new Float32Array(T * B * O);
    const mask = new Float32Array(T * B);
    seqs.forEach((s, b) => {
      for (let t = 0; t < T; t++) {
        const i = t * B + b;
        x[i * I + s.input[t]] = 1;
        if (s.target[t] >= 0) {
          y[i * O + s.target[t]] = 1;
          mask[i] = 1;
        }
      }
    });
    return { T, B, x, y, mask };
  };

  return {
    id: def.id,
    name: def.name,
    kind: 'classify',
    inputSize: I,
    outputSize: O,
    inputSymbols: def.inputTokens,
    resolveSeqLen,
    batch(rng, batchSize, seqLen) {
      const T = resolveSeqLen(seqLen);
      const seqs: SymbolSequence[] = [];
      for (let b = 0; b < batchSize; b++) seqs.push(def.sample(rng, T));
      return encode(seqs, T);
    },
    probe(seqLen): TaskProbe {
      const T = resolveSeqLen(seqLen);
      const s = def.sample(createRng(PROBE_SEED).fork(`probe:${def.id}`), T);
      return {
        batch: encode([s], T),
        inputLabels: s.input.map((k) => def.inputTokens[k]),
        targetLabels: s.target.map((k) => (k >= 0 ? SYMBOLS[k] : '')),
      };
    },
    outputLabel: (row) => SYMBOLS[argmax(row, 0, O)],
  };
}

export function drawSymbols(rng: Rng, n: number, alphabet: number): number[] {
  return Array.from({ length: n }, () => rng.int(alphabet));
}
