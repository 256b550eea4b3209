import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { TrainingSession } from '../../src/engine/session';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import type { FromWorker, Telemetry } from '../../src/protocol/messages';

const lstm: TrainerConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'copy', seqLen: 8, hiddenSize: 4, numLayers: 1,
  bidirectional: false, learningRate: 0.01, batchSize: 4, recurrentScale: 0, clipNorm: 1, seed: 3,
};
const gru: TrainerConfig = { ...lstm, cellId: 'gru' };
const exploding: TrainerConfig = {
  ...lstm, cellId: 'rnn', cellOptions: { nonlinearity: 'relu' }, taskId: 'adding', seqLen: 40, recurrentScale: 30, learningRate: 10, clipNorm: 0,
};

type Status = Extract<FromWorker, { type: 'status' }>;

function harness() {
  const msgs: FromWorker[] = [];
  const session = new TrainingSession({ post: (m) => msgs.push(m), snapshotIntervalMs: 10, chunkSteps: 3 });
  const telemetry = (slot?: number) =>
    msgs.flatMap((m) => (m.type === 'telemetry' && (slot === undefined || m.telemetry.slot === slot) ? [m.telemetry] : []));
  const statuses = (slot?: number) => msgs.flatMap((m) => (m.type === 'status' && (slot === undefined || m.slot === slot) ? [m as Status] : []));
  const lastStep = (slot: number) => telemetry(slot).at(-1)?.step ?? -1;
  return { msgs, session, telemetry, statuses, lastStep };
}

const until = async (cond: () => boolean, ms = 30_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const stepsOf = (ts: Telemetry[]) => ts.flatMap((t) => t.points.map((p) => p.step));

beforeAll(async () => {
  await useNodeBackend();
});

describe('TrainingSession compare runs', () => {
  it('builds one trainer per slot, each reporting its own status, parameter count and step-0 snapshot', async () => {
    const h = harness();
    await h.session.handle({ type: 'compare', runId: 4, configs: [lstm, gru] });
    expect(h.statuses(0).at(-1)).toMatchObject({ runId: 4, slot: 0, status: 'idle', paramCount: 4 * 4 * (10 + 4 + 2) + 8 * 4 + 8 });
    expect(h.statuses(1).at(-1)).toMatchObject({ runId: 4, slot: 1, status: 'idle', paramCount: 3 * 4 * (10 + 4 + 2) + 8 * 4 + 8 });
    expect(h.telemetry(0)[0]).toMatchObject({ runId: 4, slot: 0, step: 0 });
    expect(h.telemetry(1)[0]).toMatchObject({ runId: 4, slot: 1, step: 0 });
    // Different cells: the probe traces show their own gates.
    expect(Object.keys(h.telemetry(1)[0].probe.traces[0].series).sort()).toEqual(['h', 'n', 'r', 'z']);
    h.session.dispose();
  });

  it('trains the slots in lockstep while playing; pause and step act on all of them', async () => {
    const h = harness();
    await h.session.handle({ type: 'compare', runId: 1, configs: [lstm, gru, { ...lstm, seed: 9 }] });
    await h.session.handle({ type: 'play' });
    expect(h.statuses().slice(-3).map((s) => [s.slot, s.status])).toEqual([[0, 'running'], [1, 'running'], [2, 'running']]);
    await until(() => [0, 1, 2].every((k) => h.lastStep(k) >= 6));
    await h.session.handle({ type: 'pause' });
    expect(h.statuses().slice(-3).map((s) => [s.slot, s.status])).toEqual([[0, 'paused'], [1, 'paused'], [2, 'paused']]);
    const paused = [0, 1, 2].map((k) => h.lastStep(k));
    // The run furthest behind trains first and only until it passes the next: at most one step apart.
    expect(Math.max(...paused) - Math.min(...paused)).toBeLessThanOrEqual(1);
    for (const k of [0, 1, 2]) expect(stepsOf(h.telemetry(k))).toEqual(Array.from({ length: paused[k] }, (_, i) => i + 1));
    await new Promise((r) => setTimeout(r, 40));
    await h.session.idle();
    expect([0, 1, 2].map((k) => h.lastStep(k))).toEqual(paused);
    await h.session.handle({ type: 'step', steps: 2 });
    expect([0, 1, 2].map((k) => h.lastStep(k))).toEqual(paused.map((s) => s + 2));
    await h.session.handle({ type: 'reset' });
    expect([0, 1, 2].map((k) => h.lastStep(k))).toEqual([0, 0, 0]);
    expect(h.statuses().slice(-3).map((s) => s.status)).toEqual(['idle', 'idle', 'idle']);
    h.session.dispose();
  });

  it('stops a diverged run alone while the others go on; reset revives it', async () => {
    const h = harness();
    await h.session.handle({ type: 'compare', runId: 2, configs: [exploding, lstm] });
    await h.session.handle({ type: 'play' });
    await until(() => h.statuses(0).some((s) => s.status === 'diverged'));
    expect(h.statuses(0).find((s) => s.status === 'diverged')?.message).toMatch(/diverged at step 1/);
    expect(h.statuses(1).some((s) => s.status === 'diverged')).toBe(false);
    const dead = h.lastStep(0);
    const alive = h.lastStep(1);
    await until(() => h.lastStep(1) >= alive + 9);
    expect(h.lastStep(0)).toBe(dead);
    await h.session.handle({ type: 'pause' });
    expect(h.statuses(0).at(-1)?.status).toBe('diverged');
    expect(h.statuses(1).at(-1)?.status).toBe('paused');
    await h.session.handle({ type: 'step' });
    expect(h.lastStep(0)).toBe(dead);
    await h.session.handle({ type: 'reset' });
    expect(h.statuses(0).at(-1)?.status).toBe('idle');
    expect(h.lastStep(0)).toBe(0);
    h.session.dispose();
  });

  it('marks a slot whose config cannot be built as error, and trains the rest', async () => {
    const h = harness();
    await h.session.handle({ type: 'compare', runId: 3, configs: [lstm, { ...lstm, cellId: 'nope' }] });
    expect(h.statuses(1).at(-1)).toMatchObject({ status: 'error', message: expect.stringMatching(/unknown cell/) });
    expect(h.statuses(0).at(-1)?.status).toBe('idle');
    await h.session.handle({ type: 'step', steps: 2 });
    expect(h.lastStep(0)).toBe(2);
    expect(h.telemetry(1)).toEqual([]);
    h.session.dispose();
  });

  it('drops a stale compare, and a configure goes back to one run without slots in its status', async () => {
    const h = harness();
    await h.session.handle({ type: 'compare', runId: 5, configs: [lstm, gru] });
    await h.session.handle({ type: 'compare', runId: 4, configs: [gru, gru, gru] });
    expect(h.statuses().at(-1)).toMatchObject({ runId: 5, slot: 1 });
    await h.session.handle({ type: 'configure', runId: 6, config: gru });
    expect(h.statuses().at(-1)).toMatchObject({ runId: 6, status: 'idle' });
    expect(h.statuses().at(-1)).not.toHaveProperty('slot');
    await h.session.handle({ type: 'step' });
    expect(h.telemetry().at(-1)).toMatchObject({ runId: 6, slot: 0, step: 1 });
    h.session.dispose();
  });

  it('single run: svClip is live, and dropping it from the config turns it off without a restart', async () => {
    const setLive = vi.spyOn(Trainer.prototype, 'setLive');
    const h = harness();
    await h.session.handle({ type: 'configure', runId: 1, config: lstm });
    await h.session.handle({ type: 'step', steps: 2 });
    await h.session.handle({ type: 'configure', runId: 2, config: { ...lstm, svClip: 0.5 } });
    expect(setLive.mock.calls.at(-1)?.[0]).toMatchObject({ svClip: 0.5 });
    await h.session.handle({ type: 'configure', runId: 3, config: lstm });
    expect(setLive.mock.calls.at(-1)?.[0]).toMatchObject({ svClip: 0 });
    await h.session.handle({ type: 'step' });
    expect(h.telemetry().at(-1)).toMatchObject({ runId: 3, step: 3 });
    h.session.dispose();
    setLive.mockRestore();
  });
});
