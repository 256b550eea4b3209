// Shared by tests/unit/lesson-claims-*.test.ts: train the run a lesson step announces
// (lessonStepConfig: the defaults, the step's preset, seed 1) in Node on WASM and read what the
// step's text talks about — the gradient profile ‖∂L/∂h_t‖, the loss, the global gradient norm.
import { cellList } from '../../src/cells/registry';
import { taskList } from '../../src/engine/tasks/registry';
import { Trainer, type Snapshot, type TrainerConfig } from '../../src/engine/trainer';
import { getLesson } from '../../src/lessons/registry';
import type { LessonStep } from '../../src/lessons/types';
import { lessonStepConfig } from '../../src/store/page-config';
import { defaultOptions, type UrlRegistry } from '../../src/store/url';
import type { RunConfig } from '../../src/protocol/messages';

export const catalog: UrlRegistry = {
  cells: cellList.map((c) => ({ id: c.id, options: c.options ?? [] })),
  tasks: taskList.map((t) => ({ id: t.id, options: t.options ?? [] })),
};

export function stepOf(lessonId: string, stepId: string): { index: number; step: LessonStep } {
  const steps = getLesson(lessonId).steps;
  const index = steps.findIndex((s) => s.id === stepId);
  if (index < 0) throw new Error(`no step ${stepId} in ${lessonId}`);
  return { index, step: steps[index] };
}

/** The run the step announces, with the reader's slider moves on top. */
export function stepConfig(lessonId: string, stepId: string, moved: Partial<RunConfig> = {}): TrainerConfig {
  return { ...lessonStepConfig(catalog, lessonId, stepOf(lessonId, stepId).index), ...moved };
}

export interface Profile {
  /** ‖∂L/∂h_t‖ per t of the last batch (t = 0 … T−1). */
  norms: number[];
  /** The mean factor per step back over the profile: (g_0 / g_{T−1})^{1/(T−1)}. */
  perStep: number;
}

export function profileOf(norms: ArrayLike<number>): Profile {
  const a = Array.from(norms);
  const T = a.length;
  return { norms: a, perStep: Math.pow(a[0] / a[T - 1], 1 / (T - 1)) };
}

export interface RunRead {
  /** Gradient profile of the first training step's batch (the untrained model). */
  initial: Profile;
  /** Gradient profile of the last step's batch. */
  final: Profile;
  losses: number[];
  accuracies: number[];
  /** Global gradient norm (before clipping) of every step. */
  totals: number[];
  /** Global norm of the gradient each update used (after clipping). */
  applied: number[];
  diverged?: string;
  /** The page's probe (gate and state traces on the task's fixed example) after the last step. */
  probe: Snapshot['telemetry']['probe'];
}

/** Trains `steps` steps (≥ 1) and reads the profile after the first and the last. */
export async function train(cfg: TrainerConfig, steps: number): Promise<RunRead> {
  const tr = new Trainer(cfg);
  const totals: number[] = [];
  const applied: number[] = [];
  const read = async () => {
    const n = await tr.gradNorms();
    totals.push(n.total);
    applied.push(n.applied);
  };
  try {
    tr.trainStep();
    await read();
    const first = await tr.snapshot(1);
    const initial = profileOf(first.telemetry.gradNorms);
    const points = [...first.telemetry.points];
    let diverged = first.diverged;
    for (let i = 1; i < steps; i++) {
      tr.trainStep();
      await read();
    }
    const last = await tr.snapshot(1);
    points.push(...last.telemetry.points);
    diverged ??= last.diverged;
    return {
      initial, final: profileOf(last.telemetry.gradNorms), losses: points.map((p) => p.loss),
      accuracies: points.map((p) => p.accuracy), totals, applied, diverged, probe: last.telemetry.probe,
    };
  } finally {
    tr.dispose();
  }
}

export const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

// ---- appended for the time-scales / special-init / three-mechanisms claims ----

/**
 * What the Compare page runs for `cellId` when opened from a step (src/store/bridge.ts,
 * compareConfigs): the step's settings, the step's own cell options for its own cell and each other
 * cell's default options.
 */
export function compareSlotConfig(stepCfg: TrainerConfig, cellId: string): TrainerConfig {
  if (cellId === stepCfg.cellId) return { ...stepCfg };
  const cell = catalog.cells.find((c) => c.id === cellId);
  if (!cell) throw new Error(`no cell ${cellId}`);
  return { ...stepCfg, cellId, cellOptions: defaultOptions(cell.options) };
}

const trained = new Map<string, Promise<RunRead>>();

/** Canonical JSON (object keys sorted), so equal configs written in another key order share a run. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** `train`, once per (config, steps) within a test file: several claims read the same run. */
export function trainCached(cfg: TrainerConfig, steps: number): Promise<RunRead> {
  const key = `${steps}|${canonical(cfg)}`;
  let r = trained.get(key);
  if (!r) {
    r = train(cfg, steps);
    trained.set(key, r);
  }
  return r;
}
