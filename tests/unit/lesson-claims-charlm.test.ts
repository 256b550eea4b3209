// "A character-level language model": the numbers and behaviours its steps state, measured on each
// step's own run (lessonStepConfig: defaults + step preset, seed 1) and the panel's own requests
// (samplesWantFor in src/store/slices.ts: the prompt, length and seed the samples panel asks the worker for). Also the
// issue's required check: the model's loss falls below the unigram entropy of its text in a short
// seeded run, for both texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { sampleText } from '../../src/engine/sampling';
import { CORPORA, getCorpus, probePassage, RARE } from '../../src/engine/tasks/chars';
import { getTaskSpec } from '../../src/engine/tasks/registry';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { trackUnits } from '../../src/engine/unit-features';
import { CHARLM_GOAL_BITS, charLm } from '../../src/lessons/char-lm';
import { SAMPLE_EVERY, samplesWantFor } from '../../src/store/slices';
import { mean, stepConfig, stepOf } from './lesson-claims-helpers';

const L = 'char-lm';
const bits = (nats: number) => nats / Math.LN2;

/** Trains a run step by step, keeping every loss; the trainer stays alive for sampling. */
async function trainRun(cfg: TrainerConfig, steps: number): Promise<{ trainer: Trainer; losses: number[] }> {
  const trainer = new Trainer(cfg);
  const losses: number[] = [];
  for (let done = 0; done < steps; ) {
    const n = Math.min(20, steps - done);
    trainer.train(n);
    done += n;
    losses.push(...(await trainer.snapshot(1)).telemetry.points.map((p) => p.loss));
  }
  return { trainer, losses };
}

/** The first step after which `k` consecutive losses average below `below`. */
function firstBelow(losses: number[], below: number, k = 10): number {
  for (let i = k; i <= losses.length; i++) if (mean(losses.slice(i - k, i)) < below) return i;
  return Infinity;
}

const distinct = (s: string) => new Set(Array.from(s)).size;
const share = (s: string, c: string) => Array.from(s).filter((x) => x === c).length / Array.from(s).length;

let en: { trainer: Trainer; losses: number[] };
const trainers: Trainer[] = [];

beforeAll(async () => {
  await useNodeBackend();
  en = await trainRun(stepConfig(L, 'task'), 100);
  trainers.push(en.trainer);
});

afterAll(() => trainers.forEach((t) => t.dispose()));

describe('lesson "A character-level language model"', () => {
  it('every step but the last shares one run: LSTM, H = 32, windows of 32 characters, 32 per batch; the text has 64 distinct characters', async () => {
    const cfg = stepConfig(L, 'task');
    expect([cfg.cellId, cfg.taskId, cfg.hiddenSize, cfg.seqLen, cfg.batchSize, cfg.taskOptions?.corpus]).toEqual(['lstm', 'chars', 32, 32, 32, 'en']);
    for (const id of ['bits', 'samples', 'temperature', 'units']) expect(stepConfig(L, id)).toEqual(cfg);
    expect(getCorpus({ corpus: 'en' }).vocab.chars.length).toBe(64);
    expect(new Set(Array.from(CORPORA.en)).size).toBe(64);
    expect(charLm.steps.every((s) => s.widgets?.includes('samples'))).toBe(true);
  });

  it('bits: the unigram entropy of the English text is 4.46 bits; the untrained model scores about log₂ 64 = 6', async () => {
    const h = bits(getTaskSpec('chars').baseline({ corpus: 'en' }, 32));
    expect(h).toBeCloseTo(4.46, 2);
    expect(bits(en.losses[0])).toBeGreaterThan(5.8);
    expect(bits(en.losses[0])).toBeLessThan(6.2);
  });

  it('bits (the issue\'s check): within 60 steps the loss averages below the unigram entropy, and below 4 bits (the live question\'s goal)', async () => {
    const base = getTaskSpec('chars').baseline({ corpus: 'en' }, 32);
    const under = firstBelow(en.losses, base);
    const goal = firstBelow(en.losses, CHARLM_GOAL_BITS * Math.LN2);
    expect(under).toBeLessThanOrEqual(60);
    expect(goal).toBeLessThanOrEqual(60);
    // "after 100 steps it is near 3.4 bits"
    const at100 = bits(mean(en.losses.slice(-10)));
    expect(at100).toBeGreaterThan(3.2);
    expect(at100).toBeLessThan(3.6);
    // The live question is not passed by the untouched preset before training (no telemetry yet).
    expect(bits(en.losses[0])).toBeGreaterThan(CHARLM_GOAL_BITS);
  });

  it('samples: the prompt `Alice`, a sample every 50 steps; at step 0 about one character in a hundred is a space, after 100 steps one in five or six, as in the text (18%)', async () => {
    const want = samplesWantFor('en', 1);
    expect(want.prompt.trim()).toBe('Alice');
    expect(SAMPLE_EVERY).toBe(50);
    const fresh = new Trainer(stepConfig(L, 'samples'));
    trainers.push(fresh);
    const vocab = getCorpus({ corpus: 'en' }).vocab;
    const before = (await sampleText(fresh.model, fresh.params, vocab, want)).text;
    const after = (await sampleText(en.trainer.model, en.trainer.params, vocab, want)).text;
    const inText = share(CORPORA.en, ' ');
    expect(share(before, ' ')).toBeLessThan(0.03);
    // "at step 0 it is noise from the whole alphabet"
    expect(distinct(before)).toBeGreaterThan(40);
    expect(share(after, ' ')).toBeGreaterThan(1 / 7);
    expect(share(after, ' ')).toBeLessThan(0.22);
    expect(inText).toBeGreaterThan(0.175);
    expect(inText).toBeLessThan(0.185);
    // Short frequent words: "the", "she", "was" (at least two of them).
    expect(['the', 'she', 'was'].filter((w) => after.includes(`${w} `)).length).toBeGreaterThanOrEqual(2);
  });

  it('temperature: after 100 steps, at 0.2 the sample loops on a handful of characters (the the the), at 2 it uses most of the 64', async () => {
    const vocab = getCorpus({ corpus: 'en' }).vocab;
    const at = async (temp: number) => (await sampleText(en.trainer.model, en.trainer.params, vocab, samplesWantFor('en', temp))).text;
    const cold = await at(0.2);
    const one = await at(1);
    const hot = await at(2);
    expect(distinct(cold)).toBeLessThanOrEqual(8);
    expect(cold).toContain('the the the');
    expect(distinct(hot)).toBeGreaterThan(32);
    expect(distinct(cold)).toBeLessThan(distinct(one));
    expect(distinct(one)).toBeLessThan(distinct(hot));
  });

  it('units: four features; on the untrained model the best unit per feature reaches |r| 0.1–0.3 by chance, and after 100 steps no higher', async () => {
    const fresh = new Trainer(stepConfig(L, 'units'));
    trainers.push(fresh);
    const vocab = getCorpus({ corpus: 'en' }).vocab;
    const rep = await trackUnits(fresh.model, fresh.params, vocab, probePassage('en'), 'en');
    const trained = await trackUnits(en.trainer.model, en.trainer.params, vocab, probePassage('en'), 'en');
    expect(rep.units.map((u) => u.feature)).toEqual(['quote', 'paren', 'lineEnd', 'linePos']);
    for (const u of rep.units) {
      expect(Math.abs(u.r)).toBeGreaterThan(0.1);
      expect(Math.abs(u.r)).toBeLessThan(0.3);
    }
    const maxBefore = Math.max(...rep.units.map((u) => Math.abs(u.r)));
    for (const u of trained.units) expect(Math.abs(u.r)).toBeLessThanOrEqual(maxBefore);
    expect(stepOf(L, 'units').step.controls).toContain('hiddenSize');
  });

  it('chinese: 99 poems, about 5,000 characters, 1,044 distinct, 399 kept and □ (17% of the text); unigram entropy 6.74 bits, start near 8.6, below the dashed line within 50 steps', async () => {
    const cfg = stepConfig(L, 'chinese');
    expect(cfg.taskOptions).toEqual({ corpus: 'zh', vocab: 400 });
    const corpus = getCorpus({ corpus: 'zh', vocab: 400 });
    const distinctZh = new Set(Array.from(CORPORA.zh)).size;
    const rare = corpus.vocab.rare;
    const rareShare = Array.from(corpus.ids).filter((i) => i === rare).length / corpus.ids.length;
    const base = getTaskSpec('chars').baseline({ corpus: 'zh', vocab: 400 }, 32);
    const run = await trainRun(cfg, 50);
    trainers.push(run.trainer);
    const under = firstBelow(run.losses, base);
    expect(Array.from(CORPORA.zh).filter((c) => c === '《').length).toBe(99);
    expect(Math.abs(Array.from(CORPORA.zh).length - 5000)).toBeLessThan(100);
    expect(distinctZh).toBe(1044);
    expect(corpus.vocab.chars).toHaveLength(400);
    expect(corpus.vocab.chars[399]).toBe(RARE);
    expect(rareShare).toBeGreaterThan(0.165);
    expect(rareShare).toBeLessThan(0.175);
    expect(bits(base)).toBeCloseTo(6.74, 2);
    expect(bits(run.losses[0])).toBeGreaterThan(8.4);
    expect(bits(run.losses[0])).toBeLessThan(8.9);
    expect(under).toBeLessThanOrEqual(50);
  });
});
