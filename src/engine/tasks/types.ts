// What a training task is: a seeded batch generator, a fixed probe example with labels the views
// print under the heatmaps, and the loss/accuracy semantics the trainer needs. Plain arrays only,
// so tasks run anywhere (page, worker, Node) and tests can check them without tensors.
import type { CellOptions, OptionSpec } from '../../cells/types';
import type { Rng } from '../rng';

/**
 * 'classify': softmax cross-entropy at every timestep whose mask is 1; accuracy = fraction of
 *   masked timesteps whose argmax matches the target.
 * 'regress': squared error at the masked timesteps (the adding task masks only the last one);
 *   accuracy = fraction of masked outputs within `tolerance` of the target.
 */
export type TaskKind = 'classify' | 'regress';

/** Time-major, as everywhere in the engine. */
export interface TaskBatch {
  /** Steps actually used; a task may lengthen a too-short seqLen to its minimum. */
  T: number;
  B: number;
  /** [T, B, inputSize]. */
  x: Float32Array;
  /** [T, B, outputSize]: one-hot classes for 'classify', target values for 'regress'. */
  y: Float32Array;
  /** [T, B]: 1 where the loss and the accuracy count, 0 elsewhere. */
  mask: Float32Array;
}

export interface TaskProbe {
  /** A batch of one. */
  batch: TaskBatch;
  /** One short label per timestep, e.g. "c", "_", "0.42*". */
  inputLabels: string[];
  /** '' where the mask is 0. */
  targetLabels: string[];
}

export interface Task {
  id: string;
  name: string;
  kind: TaskKind;
  inputSize: number;
  outputSize: number;
  /** 'regress' only: |prediction − target| below this counts as correct. */
  tolerance?: number;
  /** What each one-hot input channel stands for, where inputs are symbols (saved in weight files). */
  inputSymbols?: readonly string[];
  /** The T a batch will really have for a requested seqLen. */
  resolveSeqLen(seqLen: number): number;
  batch(rng: Rng, batchSize: number, seqLen: number): TaskBatch;
  /** The same example for the same seqLen on every call: the views watch the model on it. */
  probe(seqLen: number): TaskProbe;
  /** Label of the model's output row at one timestep ('classify': argmax symbol). */
  outputLabel(row: ArrayLike<number>): string;
}

export interface TaskSpec {
  id: string;
  name: string;
  /** One paragraph for the task card: what must be remembered, and for how long. */
  summary: string;
  options: OptionSpec[];
  create(options: CellOptions): Task;
  /**
   * The loss of the best input-independent predictor under these options and seqLen, derived
   * from how the task draws its targets: what a model that learned nothing about the input
   * scores. A loss curve must fall clearly below it to show that anything was remembered.
   */
  baseline(options: CellOptions, seqLen: number): number;
}

/** Plain-JS accuracy of model outputs [T, B, outputSize] on a batch (the trainer does the same in tfjs). */
export function scoreOutputs(task: Task, out: ArrayLike<number>, b: TaskBatch): number {
  const O = task.outputSize;
  let hit = 0;
  let n = 0;
  for (let i = 0; i < b.T * b.B; i++) {
    if (!b.mask[i]) continue;
    n++;
    if (task.kind === 'classify') {
      if (argmax(out, i * O, O) === argmax(b.y, i * O, O)) hit++;
    } else {
      let ok = true;
      for (let j = 0; j < O; j++) if (!(Math.abs(out[i * O + j] - b.y[i * O + j]) < (task.tolerance ?? 0))) ok = false;
      if (ok) hit++;
    }
  }
  return n ? hit / n : 0;
}

export function argmax(a: ArrayLike<number>, offset: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (a[offset + j] > a[offset + best]) best = j;
  return best;
}

/** Reads an integer option, falling back to the spec's default and clamping to its range. */
export function intOption(options: CellOptions, spec: OptionSpec): number {
  const raw = Number(options[spec.key] ?? spec.default);
  const v = Number.isFinite(raw) ? Math.round(raw) : Number(spec.default);
  return Math.min(spec.max ?? v, Math.max(spec.min ?? v, v));
}

/** Seed of every probe example: fixed, so the probe never changes with the run's seed. */
export const PROBE_SEED = 20240611;
