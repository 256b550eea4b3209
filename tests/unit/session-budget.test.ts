// The worker refuses, before building it, a model above the budget (workload.ts): the run ends in
// an error that says what to lower, Play does not start it, and a smaller model trains again.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { TrainingSession } from '../../src/engine/session';
import type { TrainerConfig } from '../../src/engine/trainer';
import type { FromWorker } from '../../src/protocol/messages';

const big: TrainerConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'adding', seqLen: 200, hiddenSize: 128, numLayers: 3,
  bidirectional: true, learningRate: 0.01, batchSize: 256, recurrentScale: 1, clipNorm: 1, seed: 3,
};

beforeAll(async () => {
  await useNodeBackend();
});

describe('TrainingSession and the budget', () => {
  it('refuses a model above the budget, stays refused on Play, and builds a smaller one', async () => {
    const msgs: FromWorker[] = [];
    const session = new TrainingSession({ post: (m) => msgs.push(m), snapshotIntervalMs: 20 });
    const statuses = () => msgs.flatMap((m) => (m.type === 'status' ? [m] : []));
    await session.handle({ type: 'configure', runId: 1, config: big });
    expect(statuses().at(-1)).toMatchObject({ runId: 1, status: 'error', message: expect.stringMatching(/Too big to train in this tab.*Lower the/) });
    expect(msgs.some((m) => m.type === 'telemetry')).toBe(false);
    await session.handle({ type: 'play' });
    expect(statuses().at(-1)).toMatchObject({ status: 'error' });
    await session.handle({ type: 'configure', runId: 2, config: { ...big, hiddenSize: 8, seqLen: 20, numLayers: 1 } });
    expect(statuses().at(-1)).toMatchObject({ runId: 2, status: 'idle' });
    await session.handle({ type: 'step', steps: 1 });
    expect(msgs.filter((m) => m.type === 'telemetry').at(-1)).toMatchObject({ telemetry: { runId: 2, step: 1 } });
    session.dispose();
  });

  it('in a comparison, refuses only the cell above the budget', async () => {
    const msgs: FromWorker[] = [];
    const session = new TrainingSession({ post: (m) => msgs.push(m), snapshotIntervalMs: 20 });
    const small = { ...big, seqLen: 20, hiddenSize: 8, numLayers: 1, bidirectional: false };
    const hot = { ...big, seqLen: 100, numLayers: 1, bidirectional: false, cellId: 'hotrnn', cellOptions: { lags: 4, order: 3, rank: 8 } };
    await session.handle({ type: 'compare', runId: 1, configs: [small, hot] });
    const bySlot = (slot: number) => msgs.flatMap((m) => (m.type === 'status' && m.slot === slot ? [m] : [])).at(-1);
    expect(bySlot(0)).toMatchObject({ status: 'idle' });
    expect(bySlot(1)).toMatchObject({ status: 'error', message: expect.stringMatching(/Too big/) });
    session.dispose();
  });
});
