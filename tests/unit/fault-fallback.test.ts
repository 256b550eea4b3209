// A backend that dies mid-run (a lost WebGL context, a destroyed WebGPU device) does not end the
// run: the session moves to the next backend and goes on from the last copy of the weights it
// read back while the backend was sound. The "backend" here is a fake flag on the Node backend.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { TrainingSession, type LostBackend } from '../../src/engine/session';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import type { BackendName, FromWorker, Telemetry, WeightSet } from '../../src/protocol/messages';
import type { JacobianFn } from '../../src/engine/instruments/probe';
import { jacobianProfile } from '../../src/engine/instruments/jacobians';

const config: TrainerConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'copy', seqLen: 8, hiddenSize: 8, numLayers: 1,
  bidirectional: false, learningRate: 0.02, batchSize: 8, recurrentScale: 0, clipNorm: 1, seed: 3,
};

function harness(opts: { checkpointEvery?: number; next?: BackendName | null; pauseOnSwitch?: boolean } = {}) {
  const msgs: FromWorker[] = [];
  const fault: { lost: LostBackend | null } = { lost: null };
  const switched: LostBackend[] = [];
  const session: TrainingSession = new TrainingSession({
    post: (m) => msgs.push(m),
    snapshotIntervalMs: 10,
    chunkSteps: 4,
    checkpointEvery: opts.checkpointEvery ?? 1000,
    backendLost: () => fault.lost,
    async switchBackend(lost) {
      switched.push(lost);
      fault.lost = null;
      if (opts.next === null) throw new Error('no tfjs backend could start');
      // Queued behind the recovery, ahead of the next chunk: the test can look at the resumed state.
      if (opts.pauseOnSwitch) void session.handle({ type: 'pause' });
      return opts.next ?? 'wasm';
    },
  });
  const telemetry = () => msgs.filter((m): m is { type: 'telemetry'; telemetry: Telemetry } => m.type === 'telemetry').map((m) => m.telemetry);
  const faults = () => msgs.flatMap((m) => (m.type === 'fault' ? [m] : []));
  const lastStep = () => telemetry().at(-1)?.step ?? 0;
  const exportWeights = async (runId: number) => {
    await session.handle({ type: 'exportWeights', runId });
    const w = msgs.filter((m) => m.type === 'weights').at(-1);
    return (w as { values: WeightSet }).values;
  };
  return { msgs, session, fault, switched, telemetry, faults, lastStep, exportWeights };
}

const until = async (cond: () => boolean, ms = 30_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

const lostGl: LostBackend = { backend: 'webgl', kind: 'webgl-context-loss', message: 'the WebGL context was lost' };

beforeAll(async () => {
  await useNodeBackend();
});

describe('fault recovery', () => {
  it('goes on from the weights saved at the last pause, on the next backend, at that step', async () => {
    const h = harness({ pauseOnSwitch: true });
    await h.session.handle({ type: 'configure', runId: 1, config });
    const initial = await h.exportWeights(1);
    await h.session.handle({ type: 'play' });
    await until(() => h.lastStep() >= 20);
    await h.session.handle({ type: 'pause' });
    const saved = h.lastStep();
    const good = await h.exportWeights(1);
    await h.session.handle({ type: 'play' });
    await until(() => h.lastStep() >= saved + 6);
    h.fault.lost = lostGl;
    await until(() => h.faults().length === 1);
    await h.session.idle();
    expect(h.switched).toEqual([lostGl]);
    expect(h.faults()[0]).toMatchObject({ runId: 1, kind: 'webgl-context-loss', from: 'webgl', to: 'wasm', step: saved });
    // The resumed run holds exactly the saved copy, not its seeded init, and counts on from its step.
    expect(h.lastStep()).toBe(saved);
    const resumed = await h.exportWeights(1);
    expect(resumed).toEqual(good);
    expect(resumed.weight_hh_l0.values).not.toEqual(initial.weight_hh_l0.values);
    await h.session.handle({ type: 'step', steps: 2 });
    expect(h.lastStep()).toBe(saved + 2);
    expect(h.msgs.filter((m) => m.type === 'status').at(-1)).toMatchObject({ status: 'paused' });
    h.session.dispose();
  });

  it('keeps a copy every checkpointEvery steps while training and keeps running after the switch', async () => {
    const h = harness({ checkpointEvery: 20 });
    await h.session.handle({ type: 'configure', runId: 1, config });
    await h.session.handle({ type: 'play' });
    await until(() => h.lastStep() >= 45);
    h.fault.lost = lostGl;
    await until(() => h.faults().length === 1);
    const { step } = h.faults()[0];
    // At least the copy at step ≥ 20 (chunks of up to 4 steps), never one from after the loss.
    expect(step).toBeGreaterThanOrEqual(20);
    const before = h.telemetry().filter((t) => t.step <= step).flatMap((t) => t.points);
    const lossAtStep = before.filter((p) => p.step > step - 5).map((p) => p.loss);
    await until(() => h.lastStep() >= step + 8);
    const after = h.telemetry().flatMap((t) => t.points).filter((p) => p.step > step && p.step <= step + 5);
    // Still running, and its loss goes on from where it was, not from the first steps' loss.
    expect(h.msgs.filter((m) => m.type === 'status').at(-1)).toMatchObject({ status: 'running' });
    const first = before.slice(0, 3).map((p) => p.loss);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(first) - mean(lossAtStep)).toBeGreaterThan(0.05);
    expect(Math.abs(mean(after.map((p) => p.loss)) - mean(lossAtStep))).toBeLessThan((mean(first) - mean(lossAtStep)) / 2);
    await h.session.handle({ type: 'pause' });
    h.session.dispose();
  });

  it('moves every compared run, each from its own copy', async () => {
    const h = harness({ checkpointEvery: 8, pauseOnSwitch: true });
    await h.session.handle({ type: 'compare', runId: 2, configs: [config, { ...config, cellId: 'gru' }] });
    await h.session.handle({ type: 'play' });
    await until(() => h.telemetry().filter((t) => t.slot === 1 && t.step >= 20).length > 0);
    h.fault.lost = { backend: 'webgpu', kind: 'webgpu-device-loss', message: 'the WebGPU device was lost' };
    await until(() => h.faults().length === 1);
    await h.session.idle();
    const { step } = h.faults()[0];
    expect(step).toBeGreaterThanOrEqual(8);
    const resumed = h.telemetry().slice(-2);
    expect(resumed.map((t) => t.slot).sort()).toEqual([0, 1]);
    // The fault names the earliest copy; each run resumes at its own, which the fault lists.
    for (const t of resumed) expect(t.step).toBeGreaterThanOrEqual(step);
    const { slotSteps } = h.faults()[0];
    expect(slotSteps).toEqual([0, 1].map((slot) => resumed.find((t) => t.slot === slot)!.step));
    expect(Math.min(...slotSteps!)).toBe(step);
    h.session.dispose();
  });

  it('fails with a message when no backend is left', async () => {
    const h = harness({ next: null });
    await h.session.handle({ type: 'configure', runId: 1, config });
    await h.session.handle({ type: 'play' });
    await until(() => h.lastStep() >= 4);
    h.fault.lost = lostGl;
    await until(() => h.msgs.some((m) => m.type === 'status' && m.status === 'error'));
    const err = h.msgs.find((m) => m.type === 'status' && m.status === 'error');
    expect(err).toMatchObject({ message: 'no tfjs backend could start' });
    expect(h.faults()).toEqual([]);
    h.session.dispose();
  });
});

describe('a read that never finishes on a lost backend', () => {
  it('is given up when the loss is announced, and the run goes on elsewhere', async () => {
    // A lost WebGL context leaves tfjs polling a fence forever: here, the first Jacobians never come.
    let hung = 0;
    const jacobians: JacobianFn = async (args) => {
      if (hung++ === 0) return new Promise(() => {});
      return jacobianProfile(args);
    };
    const msgs: FromWorker[] = [];
    let announce!: (l: LostBackend) => void;
    let lostSignal = new Promise<LostBackend>((r) => (announce = r));
    const state: { lost: LostBackend | null } = { lost: null };
    const session = new TrainingSession({
      post: (m) => msgs.push(m),
      jacobians,
      backendLost: () => state.lost,
      whenLost: () => lostSignal,
      switchBackend: async () => {
        // As the worker's FaultWatch does: the new backend gets a signal of its own.
        state.lost = null;
        lostSignal = new Promise<LostBackend>(() => {});
        return 'wasm';
      },
    });
    await session.handle({ type: 'instruments', open: true });
    await session.handle({ type: 'configure', runId: 1, config });
    await session.handle({ type: 'step', steps: 3 });
    // The full snapshot after the step is stuck in the hung Jacobians; nothing else can run.
    await new Promise((r) => setTimeout(r, 200));
    const stuck = msgs.length;
    state.lost = lostGl;
    announce(lostGl);
    await until(() => msgs.some((m) => m.type === 'fault'));
    expect(msgs.length).toBeGreaterThan(stuck);
    expect(msgs.find((m) => m.type === 'fault')).toMatchObject({ step: 3, from: 'webgl', to: 'wasm' });
    await session.handle({ type: 'step', steps: 1 });
    expect(msgs.filter((m) => m.type === 'telemetry').at(-1)).toMatchObject({ telemetry: { step: 4 } });
    expect(msgs.some((m) => m.type === 'status' && m.status === 'error')).toBe(false);
    session.dispose();
  });
});

describe('the saved training state', () => {
  const maxDiff = (a: Record<string, { values: ArrayLike<number> }>, b: Record<string, { values: ArrayLike<number> }>) =>
    Math.max(...Object.keys(a).map((k) => Math.max(...Array.from(a[k].values, (v, i) => Math.abs(v - b[k].values[i])))));

  it('lets a rebuilt run go on exactly as the first would have (Adam’s moments and the batch stream)', async () => {
    const a = new Trainer(config);
    for (let i = 0; i < 6; i++) a.trainStep();
    const weights = a.values();
    const state = await a.trainingState();
    expect(state.step).toBe(6);
    expect(state.adam.iterations).toBe(6);
    // Two moments (m and v) per trainable parameter.
    expect(state.adam.moments).toHaveLength(2 * Object.keys(weights).length);
    for (let i = 0; i < 6; i++) a.trainStep();

    const b = new Trainer(config, weights);
    await b.resumeTraining(state);
    for (let i = 0; i < 6; i++) b.trainStep();
    expect(b.step).toBe(12);
    // Only Adam's β^t, rebuilt by a power rather than by 6 products, differs: float32 rounding.
    expect(maxDiff(a.values(), b.values())).toBeLessThan(1e-5);

    // Without the state (fresh Adam, the stream from its start) the same weights go elsewhere.
    const c = new Trainer(config, weights);
    for (let i = 0; i < 6; i++) c.trainStep();
    expect(maxDiff(a.values(), c.values())).toBeGreaterThan(1e-3);
    for (const t of [a, b, c]) t.dispose();
  });

  it('is read back before any step too (no moments yet), and resumes to the fresh run', async () => {
    const a = new Trainer(config);
    const state = await a.trainingState();
    expect(state.adam).toMatchObject({ iterations: 0, moments: [] });
    const b = new Trainer(config);
    await b.resumeTraining(state);
    for (const t of [a, b]) for (let i = 0; i < 3; i++) t.trainStep();
    expect(maxDiff(a.values(), b.values())).toBe(0);
    for (const t of [a, b]) t.dispose();
  });
});
