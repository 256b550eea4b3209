// Owns one run: its variables, Adam, the seeded data stream, and the tensors telemetry is read
// from. Nothing is read back during training; snapshot() reads everything in one go.
//
// Divergence. Checking the loss before every update would need a GPU→CPU sync per step, which is
// what we avoid. Instead the update is guarded in the graph: when the loss or the global gradient
// norm is not finite, the applied gradient is zero (tf.where, no sync), so the weights keep their
// last finite values. snapshot() then sees the non-finite loss/norm it reads anyway and reports
// the first bad step. Adam's moments still decay on a skipped step; that cannot poison the weights.
import * as tf from '@tensorflow/tfjs-core';
import { getCell } from '../cells/registry';
import type { CellOptions, Params } from '../cells/types';
import type { ClipPoint, InstrumentSnapshot, RunConfig, Telemetry } from '../protocol/messages';
import type { TensorData } from './pytorch-import';
import { LIVE_FIELDS } from '../protocol/messages';
import {
  batchTensors, forward, initModelValues, maskedAccuracy, maskedLoss, modelConfig,
  type BatchTensors, type ModelConfig,
} from './model';
import { createRng, type Rng, type RngState } from './rng';
import { layerDims, numDirections, paramName, paramsOf, stackParams, topHiddenSize } from './stack';
import { SvClipper } from './sv-clip';
import { getTask } from './tasks/registry';
import type { Task, TaskBatch, TaskProbe } from './tasks/types';
import { readProbe } from './telemetry';
import { RateWindow } from './rate';
import { instrumentSnapshot, type JacobianFn } from './instruments/probe';

/** RunConfig plus options for the task (defaults apply where absent). */
export type TrainerConfig = RunConfig & { taskOptions?: CellOptions };

/** Loaded weights that do not fit the model (another cell, size or task). */
export class WeightsMismatch extends Error {
  override name = 'WeightsMismatch';
}

function checkFits(initial: Record<string, TensorData>, model: Map<string, { shape: number[] }>): void {
  const extra = Object.keys(initial).filter((n) => !model.has(n));
  if (extra.length) throw new WeightsMismatch(`this model has no parameter ${extra.join(', ')}`);
  for (const [name, d] of Object.entries(initial)) {
    const want = model.get(name)!.shape;
    if (d.shape.length !== want.length || d.shape.some((n, i) => n !== want[i]) || d.values.length !== want.reduce((a, b) => a * b, 1)) {
      throw new WeightsMismatch(`${name} has shape [${d.shape.join(', ')}], this model needs [${want.join(', ')}]`);
    }
  }
}

export type LiveSettings = Pick<RunConfig, (typeof LIVE_FIELDS)[number]>;

/**
 * What a run needs besides its weights to go on exactly as it would have: the step, Adam's
 * iteration count and moments, and where the seeded batch stream stands. Plain arrays, read back
 * from the backend, so a run moved to another backend after a fault resumes from it.
 */
export interface TrainingState {
  step: number;
  dataRng: RngState;
  adam: { iterations: number; moments: { name: string; shape: number[]; values: Float32Array }[] };
}

export interface Snapshot {
  telemetry: Telemetry;
  /** Set once a non-finite loss or gradient norm has been seen; the run should stop. */
  diverged?: string;
  /** Wall time the instrument snapshot took (0 when none was asked for), for the session's throttle. */
  instrumentsMs: number;
}

/** What snapshot() should add: the instruments (spectra, Jacobians, gate histograms, memory fit). */
export interface SnapshotRequest {
  instruments?: { stepEigAt?: number; jacobians?: JacobianFn | null; interrupted?: () => boolean; light?: boolean };
}

/** Columns of a pending row: loss, accuracy, raw gradient norm, clipped norm, σ_max before/after SV clipping (NaN when off). */
const ROW = 6;

export interface Inspection {
  loss: number;
  accuracy: number;
  /** ∂L/∂h_t of the top layer per direction, [T, B, H] flattened. */
  dLdh: Float32Array[];
  gradNormTotal: number;
}

/** Beyond this many unread steps the oldest loss points are dropped (nobody is reading them). */
const MAX_PENDING = 4096;

export class Trainer {
  readonly config: TrainerConfig;
  readonly task: Task;
  readonly model: ModelConfig;
  /** The sequence length the task really uses. */
  readonly T: number;
  readonly paramCount: number;
  step = 0;

  private readonly vars: Record<string, tf.Variable> = {};
  private readonly trainable: [string, tf.Variable][] = [];
  /** Zero variables added to the top layer's h_t; their gradient is ∂L/∂h_t. Never updated. */
  private readonly probes: tf.Variable[] = [];
  private readonly optimizer: tf.AdamOptimizer;
  private readonly dataRng: Rng;
  private clipNorm: number;
  /** Singular-value clipping of the 'recurrent' parameters (sv-clip.ts); 0 = off. */
  private svClip: number;
  private svClipper: SvClipper;
  /** [n, ROW] rows (loss, accuracy, grad norm raw and clipped, σ_max before/after) of steps pendingFrom … step, not yet read. */
  private pending: tf.Tensor2D | null = null;
  private pendingFrom = 1;
  private last: { gradNorms: tf.Tensor1D; total: tf.Scalar; applied: tf.Scalar } | null = null;
  private lastRead = { gradNorms: new Float32Array(0) as Float32Array<ArrayBuffer>, total: 0, applied: 0 };
  private divergedAt: string | undefined;
  /** Steps per second over the last ~2 s of wall time (rate.ts), for the readout. */
  private rate = new RateWindow(2000);
  private disposed = false;
  /** A typed probe sequence (probe-input.ts) the views watch instead of the task's example; null: the task's. */
  private customProbe: TaskProbe | null = null;

  /**
   * `initial` replaces the seeded init of the parameters it names (a loaded weight file). It must
   * fit this model: the same names and shapes, or the constructor throws (WeightsMismatch).
   */
  constructor(config: TrainerConfig, initial?: Record<string, TensorData>) {
    this.config = { ...config };
    this.task = getTask(config.taskId, config.taskOptions);
    this.T = this.task.resolveSeqLen(config.seqLen);
    this.model = modelConfig(
      { ...config, cell: getCell(config.cellId), cellOptions: config.cellOptions },
      this.task,
      this.T,
    );
    const root = createRng(config.seed);
    this.dataRng = root.fork('data');
    let count = 0;
    const values = initModelValues(this.model, root.fork('params'));
    if (initial) checkFits(initial, values);
    for (const [name, v] of values) {
      const start = initial?.[name]?.values ?? v.values;
      const variable = tf.tidy(() => tf.variable(tf.tensor(start, v.shape), v.trainable));
      this.vars[name] = variable;
      if (v.trainable) {
        this.trainable.push([name, variable]);
        count += v.values.length;
      }
    }
    this.paramCount = count;
    const H = topHiddenSize(this.model.stack);
    for (let d = 0; d < numDirections(this.model.stack); d++) {
      this.probes.push(tf.tidy(() => tf.variable(tf.zeros([this.T, config.batchSize, H]), true)));
    }
    this.optimizer = tf.train.adam(config.learningRate);
    this.clipNorm = config.clipNorm;
    this.svClipper = this.makeSvClipper(config.svClipScope);
    this.svClip = config.svClip ?? 0;
    // The initial values may lie outside the constraint set (recurrentScale > 1 …): clip exactly once.
    if (this.svClip > 0) this.svClipper.clipExact(this.svClip);
  }

  /** The recurrent weights singular-value clipping acts on, whole or (Kanai et al.) their candidate blocks. */
  private makeSvClipper(scope: TrainerConfig['svClipScope']): SvClipper {
    const targets = stackParams(this.model.stack)
      .filter((p) => p.spec.role === 'recurrent' && p.spec.trainable !== false)
      .map((p) => ({ variable: this.vars[p.name], only: scope === 'candidate' ? p.spec.candidateBlocks : undefined }));
    return new SvClipper(targets);
  }

  /** Every parameter's current value by full name (a readback: for saving, not per step). */
  values(): Record<string, TensorData> {
    const out: Record<string, TensorData> = {};
    for (const [name, v] of Object.entries(this.vars)) out[name] = { shape: [...v.shape], values: Float32Array.from(v.dataSync() as Float32Array) };
    return out;
  }

  /** Reads back the step, Adam's state and the batch stream's position (see TrainingState). */
  async trainingState(): Promise<TrainingState> {
    const step = this.step;
    const dataRng = this.dataRng.save();
    const [iter, ...moments] = await this.optimizer.getWeights();
    try {
      const [it, ...values] = await Promise.all([iter, ...moments].map((w) => w.tensor.data() as Promise<Float32Array>));
      return {
        step, dataRng,
        adam: { iterations: it[0], moments: moments.map((m, i) => ({ name: m.name, shape: [...m.tensor.shape], values: Float32Array.from(values[i]) })) },
      };
    } finally {
      iter.tensor.dispose(); // a fresh scalar; the moments are Adam's own variables
    }
  }

  /** Goes on from a TrainingState read from a run of the same config (on any backend). */
  async resumeTraining(state: TrainingState): Promise<void> {
    this.step = state.step;
    this.dataRng.restore(state.dataRng);
    const tensors = [tf.scalar(state.adam.iterations, 'int32'), ...state.adam.moments.map((m) => tf.tensor(m.values, m.shape))];
    try {
      // setWeights makes its own variables from these; an empty list of moments (no step taken
      // yet) leaves Adam to create them on its first step, as a fresh one would.
      await this.optimizer.setWeights([{ name: 'iter', tensor: tensors[0] }, ...state.adam.moments.map((m, i) => ({ name: m.name, tensor: tensors[i + 1] }))]);
    } finally {
      tf.dispose(tensors);
    }
  }

  /** True when going from `a` to `b` needs a new Trainer (anything but the LIVE_FIELDS changed). */
  static needsRebuild(a: TrainerConfig, b: TrainerConfig): boolean {
    const strip = (c: TrainerConfig) => {
      const rest: Record<string, unknown> = { ...c };
      for (const f of LIVE_FIELDS) delete rest[f];
      return JSON.stringify(rest, Object.keys(rest).sort());
    };
    return strip(a) !== strip(b) || JSON.stringify(a.cellOptions) !== JSON.stringify(b.cellOptions)
      || JSON.stringify(a.taskOptions ?? {}) !== JSON.stringify(b.taskOptions ?? {});
  }

  /** Learning rate and clipping change in place; Adam's moments are kept. */
  setLive(live: Partial<LiveSettings>): void {
    if (live.learningRate !== undefined) {
      // AdamOptimizer reads this field on every applyGradients; it is only `protected` in the typings.
      (this.optimizer as unknown as { learningRate: number }).learningRate = live.learningRate;
      this.config.learningRate = live.learningRate;
    }
    if (live.clipNorm !== undefined) this.clipNorm = this.config.clipNorm = live.clipNorm;
    if (live.svClipScope !== undefined && live.svClipScope !== (this.config.svClipScope ?? 'all')) {
      this.config.svClipScope = live.svClipScope;
      this.svClipper.dispose();
      this.svClipper = this.makeSvClipper(live.svClipScope);
      if (this.svClip > 0 && (live.svClip === undefined || live.svClip === this.svClip)) this.svClipper.clipExact(this.svClip);
    }
    if (live.svClip !== undefined && live.svClip !== this.svClip) {
      this.svClip = this.config.svClip = live.svClip;
      // A user action, not a training step: one exact clip through a readback is fine here, and
      // needed, since a lower c may put many singular values above it at once.
      if (this.svClip > 0) this.svClipper.clipExact(this.svClip);
    }
  }

  get params(): Params {
    return this.vars;
  }

  /** One Adam step on a fresh batch from the seeded stream. Never throws on NaN (see the top). */
  trainStep(): void {
    if (this.disposed) throw new Error('trainer disposed');
    const batch = this.task.batch(this.dataRng, this.config.batchSize, this.T);
    const kept = tf.tidy(() => {
      const { loss, accuracy, grads, dLdhNorms, total } = this.gradients(batchTensors(batch, this.task.inputSize, this.task.outputSize));
      const ok = tf.logicalAnd(tf.isFinite(loss), tf.isFinite(total));
      const scale = this.clipNorm > 0 ? tf.div(this.clipNorm, tf.maximum(total, this.clipNorm)) : null;
      const applied = grads.map(({ name, tensor: g }) => ({
        name,
        tensor: tf.where(ok, scale ? tf.mul(g, scale) : g, tf.zerosLike(g)),
      }));
      this.optimizer.applyGradients(applied);
      this.constrain();
      const nan = tf.scalar(NaN);
      let sv: [tf.Scalar, tf.Scalar] = [nan, nan];
      if (this.svClip > 0) {
        const before = this.svClipper.sigmaMax();
        this.svClipper.clip(this.svClip);
        sv = [before ?? nan, this.svClipper.sigmaMax() ?? nan];
      }
      const appliedNorm = globalNorm(applied.map((g) => g.tensor));
      const row = tf.reshape(tf.stack([loss, accuracy, total, appliedNorm, ...sv]), [1, ROW]);
      let pending = this.pending ? tf.concat([this.pending, row]) : row;
      if (pending.shape[0] > MAX_PENDING) pending = tf.slice(pending, [pending.shape[0] - MAX_PENDING, 0]);
      return { pending: pending as tf.Tensor2D, gradNorms: dLdhNorms, total, applied: appliedNorm };
    });
    this.step++;
    this.pending?.dispose();
    this.last?.gradNorms.dispose();
    this.last?.total.dispose();
    this.last?.applied.dispose();
    this.pending = kept.pending;
    this.pendingFrom = this.step - kept.pending.shape[0] + 1;
    this.last = { gradNorms: kept.gradNorms, total: kept.total, applied: kept.applied };
  }

  /** Training (re)starts after a pause: the pause is not training time, so the rate starts over. */
  restartRate(): void {
    this.rate.reset();
    this.rate.push(now(), this.step);
  }

  train(steps: number): void {
    for (let i = 0; i < steps; i++) this.trainStep();
  }

  /** Telemetry since the previous snapshot. Do not call trainStep() until it resolves. */
  async snapshot(runId: number, req: SnapshotRequest = {}): Promise<Snapshot> {
    const pending = this.pending;
    const from = this.pendingFrom;
    this.pending = null;
    const rows = pending ? await pending.data() : new Float32Array(0);
    pending?.dispose();
    await this.readLast();
    const points = [];
    const clip: ClipPoint[] = [];
    for (let i = 0; i < rows.length / ROW; i++) {
      const [loss, accuracy, norm, clipped, svBefore, svAfter] = rows.subarray(ROW * i, ROW * (i + 1));
      const step = from + i;
      clip.push({ step, raw: norm, clipped, ...(Number.isNaN(svBefore) ? {} : { svBefore }), ...(Number.isNaN(svAfter) ? {} : { svAfter }) });
      if (!this.divergedAt && !(Number.isFinite(loss) && Number.isFinite(norm))) {
        const what = Number.isFinite(loss) ? `the gradient norm became ${norm}` : `the loss became ${loss}`;
        this.divergedAt = `Training diverged at step ${step}: ${what}. `
          + 'Lower the learning rate or the spectral radius ρ(W_hh) at init, or turn on gradient clipping.';
      }
      points.push({ step, loss, accuracy });
    }
    const stepsPerSecond = this.rate.push(now(), this.step);
    const probe = await readProbe(this.model, this.task, this.vars, this.probeExample());
    const diagnostics = await this.diagnostics();
    let instruments: InstrumentSnapshot | undefined;
    let instrumentsMs = 0;
    if (req.instruments) {
      const t0 = now();
      instruments = (await this.instruments(probe.traces.find((tr) => tr.layer === 0 && tr.direction === 0), req.instruments)) ?? undefined;
      instrumentsMs = now() - t0;
    }
    return {
      telemetry: {
        runId,
        ...(diagnostics ? { diagnostics } : {}),
        step: this.step,
        points,
        gradNorms: this.lastRead.gradNorms,
        gradNormTotal: this.lastRead.total,
        probe,
        stepsPerSecond,
        ...(clip.length ? { clip } : {}),
        ...(instruments ? { instruments } : {}),
      },
      diverged: this.divergedAt,
      instrumentsMs,
    };
  }

  /** The instrument snapshot on the probe sequence (layer 0, forward, batch item 0); see instruments/probe.ts. */
  async instruments(
    trace: Telemetry['probe']['traces'][number] | undefined,
    opts: NonNullable<SnapshotRequest['instruments']> = {},
  ): Promise<InstrumentSnapshot | null> {
    const probe = this.probeExample();
    return instrumentSnapshot({
      step: this.step,
      stack: this.model.stack,
      params: this.vars,
      probeX: probe.batch.x,
      T: probe.batch.T,
      trace,
      stepEigAt: opts.stepEigAt,
      jacobians: opts.jacobians,
      interrupted: opts.interrupted,
      light: opts.light,
    });
  }

  /** Watch this sequence instead of the task's example (null: the task's again). Training is untouched. */
  setProbe(probe: TaskProbe | null): void {
    this.customProbe = probe;
  }

  /** The sequence the views watch: a typed one, or the task's fixed example. */
  probeExample(): TaskProbe {
    return this.customProbe ?? this.task.probe(this.T);
  }

  /** Global gradient norm of the last step before and after clipping (for tests and the bench). */
  async gradNorms(): Promise<{ total: number; applied: number }> {
    await this.readLast();
    return { total: this.lastRead.total, applied: this.lastRead.applied };
  }

  /**
   * Loss, accuracy and ∂L/∂h_t on a given batch (its B must be batchSize), without updating.
   * `perturb` sets the probe values (h_t ← h_t + e_t), for finite-difference checks.
   */
  async inspect(batch: TaskBatch, perturb?: Float32Array[]): Promise<Inspection> {
    if (perturb) this.probes.forEach((p, d) => p.assign(tf.tensor(perturb[d], p.shape)));
    const res = tf.tidy(() => {
      const g = this.gradients(batchTensors(batch, this.task.inputSize, this.task.outputSize));
      return { loss: g.loss, accuracy: g.accuracy, total: g.total, dLdh: g.dLdh };
    });
    if (perturb) this.probes.forEach((p) => p.assign(tf.zerosLike(p)));
    const [loss, accuracy, total, ...dLdh] = await Promise.all(
      [res.loss, res.accuracy, res.total, ...res.dLdh].map((t) => t.data() as Promise<Float32Array>),
    );
    tf.dispose(res);
    return { loss: loss[0], accuracy: accuracy[0], gradNormTotal: total[0], dLdh };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([...Object.values(this.vars), ...this.probes]);
    this.pending?.dispose();
    if (this.last) tf.dispose([this.last.gradNorms, this.last.total, this.last.applied]);
    this.optimizer.dispose();
    this.svClipper.dispose();
  }

  /** The cell's own numbers (CellSpec.diagnostics) on the top layer's forward parameters. */
  private async diagnostics(): Promise<Record<string, number> | undefined> {
    const { stack } = this.model;
    if (!stack.cell.diagnostics) return undefined;
    const top = stack.numLayers - 1;
    return stack.cell.diagnostics(paramsOf(stack, this.vars, top, false), layerDims(stack, top));
  }

  /** Forward and backward on one batch. Call inside tf.tidy. */
  private gradients(b: BatchTensors) {
    let accuracy: tf.Scalar | undefined;
    const list = [...this.trainable.map(([, v]) => v), ...this.probes];
    const { value: loss, grads } = tf.variableGrads(() => {
      const { out } = forward(this.model, this.vars, b.x, { topProbes: this.probes as tf.Tensor3D[] });
      // The forward pass runs in its own scope; keep accuracy out of it (disposed by our caller's tidy).
      accuracy = tf.keep(maskedAccuracy(this.task, out, b));
      return maskedLoss(this.task.kind, out, b);
    }, list);
    // A tensor in this (the caller's) scope, so the caller's tidy owns it like everything else.
    const acc = tf.clone(accuracy!);
    accuracy!.dispose();
    // Keyed by the tfjs variable name, which is what applyGradients looks up. A parameter the
    // loss does not reach (possible in some cells) gets no update at all.
    const modelGrads: { name: string; tensor: tf.Tensor }[] = [];
    for (const [, v] of this.trainable) if (grads[v.name]) modelGrads.push({ name: v.name, tensor: grads[v.name] });
    const dLdh = this.probes.map((p) => grads[p.name] ?? tf.zerosLike(p));
    const perStep = dLdh.map((g) => tf.sum(tf.square(g), [1, 2]));
    const dLdhNorms = tf.sqrt(perStep.length === 1 ? perStep[0] : tf.addN(perStep)) as tf.Tensor1D;
    return { loss, accuracy: acc, grads: modelGrads, dLdh, dLdhNorms, total: globalNorm(modelGrads.map((g) => g.tensor)) };
  }

  /** Applies cell.constrain (e.g. IndRNN's bound on |u|) to each layer/direction. */
  private constrain(): void {
    const { cell } = this.model.stack;
    if (!cell.constrain) return;
    const D = numDirections(this.model.stack);
    for (let layer = 0; layer < this.model.stack.numLayers; layer++) {
      const dims = layerDims(this.model.stack, layer);
      for (let d = 0; d < D; d++) {
        const p: Record<string, tf.Variable> = {};
        for (const spec of cell.params(dims)) p[spec.name] = this.vars[paramName(spec.name, layer, d === 1)];
        cell.constrain(p, dims);
      }
    }
  }

  private async readLast(): Promise<void> {
    if (!this.last) return;
    const last = this.last;
    this.last = null;
    const [gradNorms, total, applied] = await Promise.all([last.gradNorms.data(), last.total.data(), last.applied.data()]);
    tf.dispose([last.gradNorms, last.total, last.applied]);
    this.lastRead = { gradNorms: gradNorms as Float32Array<ArrayBuffer>, total: total[0], applied: applied[0] };
  }
}

function globalNorm(ts: tf.Tensor[]): tf.Scalar {
  if (ts.length === 0) return tf.scalar(0);
  return tf.sqrt(tf.addN(ts.map((g) => tf.sum(tf.square(g))))) as tf.Scalar;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
