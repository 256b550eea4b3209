// Sampling from a character model (src/engine/sampling.ts): the same seed gives the same text, a
// temperature near 0 gives the argmax path (checked against a full forward pass over the whole
// text each time), the state carries over exactly between calls, and every tensor is disposed.
// Also the unit features (src/engine/unit-features.ts): indicators, correlation and the best unit.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { forward } from '../../src/engine/model';
import { createRng } from '../../src/engine/rng';
import { CharSampler, pickToken, sampleRng, sampleText, softmaxT } from '../../src/engine/sampling';
import { decodeIds, encodeText, getCorpus, probePassage } from '../../src/engine/tasks/chars';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { bestUnits, correlation, textFeatures, trackUnits } from '../../src/engine/unit-features';

const cfg: TrainerConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'chars', taskOptions: { corpus: 'en', vocab: 400 }, seqLen: 16, hiddenSize: 16,
  numLayers: 1, bidirectional: false, learningRate: 0.02, batchSize: 8, recurrentScale: 0, clipNorm: 1, seed: 1,
};

let trainer: Trainer;
const vocab = getCorpus({ corpus: 'en' }).vocab;

beforeAll(async () => {
  await useNodeBackend();
  trainer = new Trainer(cfg);
  trainer.train(30);
});

afterAll(() => trainer?.dispose());

/** The greedy continuation the slow way: the whole text through one forward pass per character. */
function greedyByFullPass(prompt: string, n: number): string {
  let ids = encodeText(vocab, prompt);
  const V = vocab.chars.length;
  for (let i = 0; i < n; i++) {
    const logits = tf.tidy(() => {
      const x = tf.reshape(tf.oneHot(tf.tensor1d(ids, 'int32'), V), [ids.length, 1, V]).toFloat() as tf.Tensor3D;
      const { out } = forward(trainer.model, trainer.params, x);
      return tf.slice(out, [ids.length - 1, 0, 0], [1, 1, V]).dataSync();
    });
    let best = 0;
    for (let j = 1; j < V; j++) if (logits[j] > logits[best]) best = j;
    ids = [...ids, best];
  }
  return decodeIds(vocab, ids.slice(encodeText(vocab, prompt).length));
}

describe('sampling', () => {
  it('the same seed gives the same text; another seed another; every tensor disposed', async () => {
    const before = tf.memory().numTensors;
    const req = { prompt: 'Alice ', length: 40, temperature: 1, seed: 7 };
    const a = await sampleText(trainer.model, trainer.params, vocab, req);
    const b = await sampleText(trainer.model, trainer.params, vocab, req);
    const c = await sampleText(trainer.model, trainer.params, vocab, { ...req, seed: 8 });
    expect(a.text).toBe(b.text);
    expect(a.text.length).toBe(40);
    expect(c.text).not.toBe(a.text);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('temperature → 0 gives the argmax path, the same as a full forward pass per character', async () => {
    const greedy = await sampleText(trainer.model, trainer.params, vocab, { prompt: 'The Rabbit', length: 12, temperature: 0, seed: 1 });
    expect(greedy.text).toBe(greedyByFullPass('The Rabbit', 12));
    const cold = await sampleText(trainer.model, trainer.params, vocab, { prompt: 'The Rabbit', length: 12, temperature: 1e-3, seed: 99 });
    expect(cold.text).toBe(greedy.text);
  });

  it('the state resumes exactly: k + m characters in one go = k, then m from the state it left', async () => {
    const k = 15;
    const m = 20;
    const one = new CharSampler(trainer.model, trainer.params, vocab);
    await one.feedText('Down, down, ');
    const whole = await one.generate(k + m, 0.8, sampleRng(3));
    one.dispose();

    const two = new CharSampler(trainer.model, trainer.params, vocab);
    await two.feedText('Down, down, ');
    const rng = sampleRng(3);
    const first = await two.generate(k, 0.8, rng);
    const logitsAfterK = Float32Array.from(two.nextLogits!);
    const second = await two.generate(m, 0.8, rng);
    two.dispose();
    expect([...first, ...second]).toEqual(whole);

    // A fresh sampler primed with the prompt and the k characters in ONE pass reaches the same
    // next-character logits, and (the stream advanced by k draws) the same m characters.
    const three = new CharSampler(trainer.model, trainer.params, vocab);
    await three.feed([...encodeText(vocab, 'Down, down, '), ...first]);
    const logits = three.nextLogits!;
    for (let j = 0; j < logits.length; j++) expect(logits[j]).toBeCloseTo(logitsAfterK[j], 5);
    const rng3 = sampleRng(3);
    for (let i = 0; i < k; i++) rng3.next();
    expect(await three.generate(m, 0.8, rng3)).toEqual(second);
    three.dispose();
  });

  it('pickToken: argmax at temperature 0; frequencies follow softmax(logits / T) at T = 1 and flatten at T = 2', async () => {
    const logits = [2, 0.5, -1, 1];
    expect(pickToken(logits, 0, createRng(1))).toBe(0);
    const rng = createRng(2);
    const n = 20000;
    for (const temp of [1, 2]) {
      const counts = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) counts[pickToken(logits, temp, rng)]++;
      const p = softmaxT(logits, temp);
      for (let j = 0; j < 4; j++) expect(Math.abs(counts[j] / n - p[j])).toBeLessThan(0.015);
    }
    expect(softmaxT(logits, 2)[0]).toBeLessThan(softmaxT(logits, 1)[0]);
  });

  it('a bidirectional model cannot sample', async () => {
    const bi = new Trainer({ ...cfg, bidirectional: true, hiddenSize: 4 });
    await expect(sampleText(bi.model, bi.params, vocab, { prompt: 'a', length: 2, temperature: 1, seed: 1 })).rejects.toThrow(/bidirectional/);
    bi.dispose();
  });
});

describe('unit features', () => {
  it('English indicators: quotes, parentheses, line ends and the position in the line', async () => {
    const f = Object.fromEntries(textFeatures('a "b" (c)\nde', 'en').map((x) => [x.id, Array.from(x.values)]));
    // a ␣ " b " ␣ ( c ) ↵ d e
    expect(f.quote).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(f.paren).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(f.lineEnd).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(f.linePos).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2]);
  });

  it('Chinese indicators: the end of a line of verse, the position in it, the title', async () => {
    const f = Object.fromEntries(textFeatures('《春》杜\n床前明，疑是。', 'zh').map((x) => [x.id, Array.from(x.values)]));
    expect(f.title).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // The poet's name before the newline ends no line of verse.
    expect(f.verseEnd).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0]);
    expect(f.versePos).toEqual([1, 2, 3, 4, 0, 1, 2, 3, 0, 1, 2, 0]);
  });

  it('the best unit is the one most correlated with the feature (either sign)', async () => {
    const T = 6;
    const H = 3;
    const feature = Float64Array.from([0, 1, 1, 0, 0, 1]);
    const acts = new Float32Array(T * H);
    for (let t = 0; t < T; t++) {
      acts[t * H] = Math.sin(t);
      acts[t * H + 1] = -2 * feature[t] + 0.01 * t;
      acts[t * H + 2] = 0.5;
    }
    expect(correlation(acts, T, H, 2, feature)).toBe(0);
    const [u] = bestUnits(acts, T, H, [{ id: 'quote', values: feature }]);
    expect(u.unit).toBe(1);
    expect(u.r).toBeLessThan(-0.99);
    expect(Array.from(u.trace)).toEqual(Array.from({ length: T }, (_, t) => acts[t * H + 1]));
  });

  it('trackUnits on the trained model: one unit per feature, a trace per character, tensors flat', async () => {
    const before = tf.memory().numTensors;
    const text = probePassage('en', 120);
    const rep = await trackUnits(trainer.model, trainer.params, vocab, text, 'en');
    expect(rep.units.map((u) => u.feature)).toEqual(['quote', 'paren', 'lineEnd', 'linePos']);
    for (const u of rep.units) {
      expect(u.trace.length).toBe(Array.from(text).length);
      expect(u.unit).toBeGreaterThanOrEqual(0);
      expect(u.unit).toBeLessThan(16);
      expect(Math.abs(u.r)).toBeLessThanOrEqual(1);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
