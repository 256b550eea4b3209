// Saving runs in the weights worker (src/engine/weights-save.ts): the Blob it answers with is the
// same file the page wrote before, so it reads back to the same weights and the same task.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { saveWeightsRequest } from '../../src/engine/weights-save';
import { readWeightsRequest } from '../../src/engine/weights-load';

const config: TrainerConfig = {
  cellId: 'gru', cellOptions: {}, taskId: 'copy', taskOptions: { symbols: 4 }, seqLen: 12, hiddenSize: 6, numLayers: 2,
  bidirectional: true, learningRate: 0.02, batchSize: 4, recurrentScale: 0, clipNorm: 1, seed: 5,
};

beforeAll(async () => {
  await useNodeBackend();
});

describe('saving weights in the worker', () => {
  it('answers with a JSON Blob that reads back to the same weights and task', async () => {
    const trainer = new Trainer(config);
    for (let i = 0; i < 3; i++) trainer.trainStep();
    const values = trainer.values();
    const reply = saveWeightsRequest({ kind: 'save', config, inputSize: trainer.task.inputSize, values });
    trainer.dispose();
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.blob.type).toBe('application/json');
    const back = await readWeightsRequest({
      file: reply.blob, limits: { hiddenSize: 512, numLayers: 4 }, seqLimits: { min: 2, max: 400 },
      current: { inputSize: 1, outputSize: 1, name: 'adding' },
    });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.restore).toMatchObject({ taskId: 'copy', taskOptions: { symbols: 4 }, seqLen: 12 });
    expect(back.file.shape).toMatchObject({ cellId: 'gru', hiddenSize: 6, numLayers: 2, bidirectional: true });
    expect(Object.keys(back.file.values).sort()).toEqual(Object.keys(values).sort());
    for (const [k, v] of Object.entries(values)) expect(Array.from(back.file.values[k].values), k).toEqual(Array.from(v.values));
  });

  it('says what is wrong instead of throwing when the weights do not fit the config', () => {
    const reply = saveWeightsRequest({ kind: 'save', config, inputSize: 5, values: {} });
    expect(reply).toMatchObject({ ok: false });
    expect(!reply.ok && reply.message).toMatch(/the run has no parameter weight_ih_l0/);
  });
});
