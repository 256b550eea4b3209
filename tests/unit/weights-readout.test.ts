// Item 11: a weight file without a readout (the CLI's own PyTorch format has none) still loads,
// but the page says its task head starts fresh, as it does for a head that does not fit.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWeightsFile, weightsFileJson } from '../../src/engine/weights-file';
import { useNodeBackend } from '../../src/engine/node-backend';
import { Trainer } from '../../src/engine/trainer';
import { getTask } from '../../src/engine/tasks/registry';
import type { RunConfig } from '../../src/protocol/messages';
import { loadFixture } from './pytorch-fixtures';

const base: RunConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'adding', seqLen: 10, hiddenSize: 5, numLayers: 1,
  bidirectional: false, learningRate: 0.01, batchSize: 4, recurrentScale: 1, clipNorm: 1, seed: 7,
};

beforeAll(async () => {
  await useNodeBackend();
});

describe('a weight file without a readout', () => {
  it('loads a PyTorch state_dict (the CLI format) and notes that the task head starts fresh', () => {
    const fx = loadFixture('gru_l1_uni');
    const I = fx.model.config.input_size as number;
    const f = parseWeightsFile(JSON.stringify({ format: 'pytorch', ...fx.model }), { inputSize: I, outputSize: 1 });
    expect(f.values.weight_out).toBeUndefined();
    expect(f.notes).toHaveLength(1);
    expect(f.notes[0]).toMatch(/no readout .*fresh random init/);
  });

  it('says so for our own format too, and says nothing when the readout is there', () => {
    const a = new Trainer(base);
    const task = getTask(base.taskId);
    const sizes = { inputSize: task.inputSize, outputSize: task.outputSize };
    const full = weightsFileJson(base, task.inputSize, a.values());
    expect(parseWeightsFile(JSON.stringify(full), sizes).notes).toEqual([]);
    const { readout: _dropped, ...headless } = full;
    const f = parseWeightsFile(JSON.stringify(headless), sizes);
    expect(f.notes.join(' ')).toMatch(/no readout/);
    expect(f.values.weight_ih_l0).toBeDefined();
    a.dispose();
  });
});
