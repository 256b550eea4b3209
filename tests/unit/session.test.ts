import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { TrainingSession } from '../../src/engine/session';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import type { FromWorker, Telemetry } from '../../src/protocol/messages';

const config: TrainerConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'copy', seqLen: 8, hiddenSize: 4, numLayers: 1,
  bidirectional: false, learningRate: 0.01, batchSize: 4, recurrentScale: 0, clipNorm: 1, seed: 3,
};

function harness() {
  const msgs: FromWorker[] = [];
  const session = new TrainingSession({ post: (m) => msgs.push(m), snapshotIntervalMs: 20, chunkSteps: 4 });
  const telemetry = () => msgs.filter((m): m is { type: 'telemetry'; telemetry: Telemetry } => m.type === 'telemetry').map((m) => m.telemetry);
  const statuses = () => msgs.flatMap((m) => (m.type === 'status' ? [m] : []));
  const lastStep = () => telemetry().at(-1)?.step;
  return { msgs, session, telemetry, statuses, lastStep };
}

const until = async (cond: () => boolean, ms = 20_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

beforeAll(async () => {
  await useNodeBackend();
});

describe('TrainingSession', () => {
  it('configures idle at step 0 with a probe snapshot and the parameter count', async () => {
    const h = harness();
    await h.session.handle({ type: 'configure', runId: 1, config });
    expect(h.statuses().at(-1)).toMatchObject({ runId: 1, status: 'idle', paramCount: 4 * 4 * (10 + 4 + 2) + 8 * 4 + 8 });
    expect(h.telemetry()[0]).toMatchObject({ runId: 1, step: 0, points: [] });
    h.session.dispose();
  });

  it('plays in chunks, pauses with a final snapshot, and steps one at a time', async () => {
    const h = harness();
    await h.session.handle({ type: 'configure', runId: 1, config });
    await h.session.handle({ type: 'play' });
    await until(() => (h.lastStep() ?? 0) >= 8);
    await h.session.handle({ type: 'pause' });
    expect(h.statuses().at(-1)?.status).toBe('paused');
    const paused = h.lastStep()!;
    const points = h.telemetry().flatMap((t) => t.points.map((p) => p.step));
    expect(points).toEqual(Array.from({ length: paused }, (_, i) => i + 1));
    await new Promise((r) => setTimeout(r, 50));
    await h.session.idle();
    expect(h.lastStep()).toBe(paused);
    await h.session.handle({ type: 'step', steps: 3 });
    expect(h.lastStep()).toBe(paused + 3);
    h.session.dispose();
  });

  it('updates live fields in place, restarts on others, and drops stale runIds', async () => {
    const h = harness();
    await h.session.handle({ type: 'configure', runId: 1, config });
    await h.session.handle({ type: 'step', steps: 2 });
    await h.session.handle({ type: 'configure', runId: 2, config: { ...config, learningRate: 0.5, clipNorm: 0 } });
    await h.session.handle({ type: 'step' });
    expect(h.telemetry().at(-1)).toMatchObject({ runId: 2, step: 3 });
    await h.session.handle({ type: 'configure', runId: 1, config: { ...config, hiddenSize: 9 } });
    expect(h.statuses().at(-1)?.runId).toBe(2);
    await h.session.handle({ type: 'configure', runId: 3, config: { ...config, hiddenSize: 5 } });
    expect(h.telemetry().at(-1)).toMatchObject({ runId: 3, step: 0 });
    await h.session.handle({ type: 'reset' });
    expect(h.telemetry().at(-1)).toMatchObject({ runId: 3, step: 0 });
    h.session.dispose();
  });

  it('stops with status diverged on NaN, and reports errors without throwing', async () => {
    const h = harness();
    await h.session.handle({
      type: 'configure', runId: 1,
      config: { ...config, cellId: 'rnn', cellOptions: { nonlinearity: 'relu' }, taskId: 'adding', seqLen: 40, recurrentScale: 30, learningRate: 10, clipNorm: 0 },
    });
    await h.session.handle({ type: 'play' });
    await until(() => h.statuses().some((s) => s.status === 'diverged'));
    expect(h.statuses().find((s) => s.status === 'diverged')?.message).toMatch(/diverged at step 1/);
    await h.session.idle();
    const step = h.lastStep();
    await h.session.handle({ type: 'play' });
    await new Promise((r) => setTimeout(r, 30));
    await h.session.idle();
    expect(h.lastStep()).toBe(step);
    expect(h.statuses().at(-1)?.status).toBe('diverged');

    await expect(h.session.handle({ type: 'configure', runId: 2, config: { ...config, cellId: 'nope' } })).resolves.toBeUndefined();
    expect(h.statuses().at(-1)).toMatchObject({ runId: 2, status: 'error', message: expect.stringMatching(/unknown cell/) });
    h.session.dispose();
  });

  it('starts from loaded weights, keeps them across live changes and resets, and sets aside ones that do not fit', async () => {
    const h = harness();
    const src = new Trainer(config);
    const values = src.values();
    src.dispose();
    // Something recognisable: every weight of the file is 0.125.
    for (const d of Object.values(values)) d.values.fill(0.125);
    await h.session.handle({ type: 'configure', runId: 1, config, weights: { id: 1, values } });
    expect(h.msgs.find((m) => m.type === 'weightsStatus')).toMatchObject({ id: 1, applied: true });
    const exported = async (runId: number) => {
      await h.session.handle({ type: 'exportWeights', runId });
      const m = h.msgs.filter((x) => x.type === 'weights').at(-1);
      return m && m.type === 'weights' ? m.values : {};
    };
    expect(Array.from((await exported(1)).weight_hh_l0.values.slice(0, 4))).toEqual([0.125, 0.125, 0.125, 0.125]);
    await h.session.handle({ type: 'step', steps: 2 });
    expect((await exported(1)).weight_hh_l0.values[0]).not.toBe(0.125);
    // A learning-rate change keeps the run; a reset starts again from the file.
    await h.session.handle({ type: 'configure', runId: 1, config: { ...config, learningRate: 0.02 }, weights: { id: 1, values } });
    expect((await exported(1)).weight_hh_l0.values[0]).not.toBe(0.125);
    await h.session.handle({ type: 'reset' });
    expect((await exported(1)).weight_hh_l0.values[0]).toBe(0.125);
    // A bigger model: the file no longer fits, the run starts from its seeded init and says why.
    await h.session.handle({ type: 'configure', runId: 2, config: { ...config, hiddenSize: 6 }, weights: { id: 1, values } });
    const status = h.msgs.filter((m) => m.type === 'weightsStatus').at(-1);
    expect(status).toMatchObject({ runId: 2, id: 1, applied: false });
    expect(status && 'message' in status ? status.message : '').toMatch(/this model needs/);
    expect(h.statuses().at(-1)).toMatchObject({ runId: 2, status: 'idle' });
    // An export for a run that is no longer current is not answered.
    const before = h.msgs.length;
    await h.session.handle({ type: 'exportWeights', runId: 1 });
    expect(h.msgs.length).toBe(before);
    h.session.dispose();
  });
});
