// Text from a character model (the 'chars' task): prime it with a prompt, then draw one character
// at a time from softmax(logits / temperature) with a seeded stream, feeding each drawn character
// back in. The recurrent state carries over exactly between calls (resume.ts: every cell's state
// is complete), so n characters drawn in one go equal k then n − k from the state it left.
// Temperature 0 (or below 1e-6) takes the argmax. Every tensor is disposed; only the state lives
// between calls, owned by the CharSampler until dispose().
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from '../cells/types';
import type { ModelConfig } from './model';
import { disposeModelState, runFrom, type ModelState } from './resume';
import { createRng, type Rng } from './rng';
import { decodeIds, encodeText, type CharVocab } from './tasks/chars';

/** Below this, sampling is the argmax. */
export const GREEDY_BELOW = 1e-6;

/**
 * One draw from softmax(logits / temperature), in float64 (the max subtracted first), using one
 * number of `rng`; temperature ≤ GREEDY_BELOW: the argmax (the first of equal maxima).
 */
export function pickToken(logits: ArrayLike<number>, temperature: number, rng: Rng): number {
  const n = logits.length;
  let best = 0;
  for (let j = 1; j < n; j++) if (logits[j] > logits[best]) best = j;
  const u = rng.next();
  if (!(temperature > GREEDY_BELOW)) return best;
  const max = logits[best];
  const w = new Float64Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += w[j] = Math.exp((logits[j] - max) / temperature);
  let acc = 0;
  const target = u * sum;
  for (let j = 0; j < n; j++) {
    acc += w[j];
    if (target < acc) return j;
  }
  return best;
}

/** Probabilities softmax(logits / temperature) in float64 (the argmax one-hot at temperature 0). */
export function softmaxT(logits: ArrayLike<number>, temperature: number): Float64Array {
  const n = logits.length;
  const p = new Float64Array(n);
  let best = 0;
  for (let j = 1; j < n; j++) if (logits[j] > logits[best]) best = j;
  if (!(temperature > GREEDY_BELOW)) {
    p[best] = 1;
    return p;
  }
  let sum = 0;
  for (let j = 0; j < n; j++) sum += p[j] = Math.exp((logits[j] - logits[best]) / temperature);
  for (let j = 0; j < n; j++) p[j] /= sum;
  return p;
}

/**
 * A character model being read or written one piece at a time. `feed` runs the model over some
 * token ids from the current state; `generate` draws characters. The logits for the next character
 * are those after the last token fed.
 */
export class CharSampler {
  private state: ModelState | undefined;
  private logits: Float32Array | null = null;
  private disposed = false;

  constructor(
    readonly model: ModelConfig,
    readonly params: Params,
    readonly vocab: CharVocab,
  ) {
    if (model.stack.bidirectional) throw new Error('a bidirectional model cannot generate text: it reads its input from both ends');
  }

  /** Logits for the next character (after the last token fed), or null before any. */
  get nextLogits(): Float32Array | null {
    return this.logits;
  }

  /** Runs the model over `ids` from the current state (one pass, batch 1); resolves once the next logits are read. */
  async feed(ids: readonly number[]): Promise<void> {
    if (this.disposed) throw new Error('sampler disposed');
    if (ids.length === 0) return;
    const V = this.vocab.chars.length;
    const x = tf.tidy(() => tf.reshape(tf.cast(tf.oneHot(tf.tensor1d(Array.from(ids), 'int32'), V), 'float32'), [ids.length, 1, V])) as tf.Tensor3D;
    const run = runFrom(this.model, this.params, x, this.state);
    x.dispose();
    disposeModelState(this.state);
    this.state = run.state;
    const last = tf.tidy(() => tf.slice(run.out, [ids.length - 1, 0, 0], [1, 1, V]));
    tf.dispose([run.out, run.top]);
    try {
      // Read asynchronously (a synchronous read stalls WebGPU and WebGL).
      this.logits = (await last.data()) as Float32Array;
    } finally {
      last.dispose();
    }
  }

  feedText(text: string): Promise<void> {
    return this.feed(encodeText(this.vocab, text));
  }

  /** Draws `n` tokens (each fed back in); the first needs something fed before. */
  async generate(n: number, temperature: number, rng: Rng): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!this.logits) throw new Error('feed the sampler a prompt first');
      const id = pickToken(this.logits, temperature, rng);
      out.push(id);
      await this.feed([id]);
    }
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeModelState(this.state);
    this.state = undefined;
  }
}

export interface SampleRequest {
  /** Text the model reads first; empty: a newline (the start of a line). */
  prompt: string;
  /** Characters to generate. */
  length: number;
  temperature: number;
  seed: number;
}

export interface SampleResult {
  /** The generated characters only (the prompt not repeated). */
  text: string;
  ids: number[];
}

/** The stream a request draws from: the same seed, the same characters. */
export const sampleRng = (seed: number): Rng => createRng(seed).fork('samples');

/** Primes a fresh sampler with the prompt and generates `length` characters; disposes everything. */
export async function sampleText(model: ModelConfig, params: Params, vocab: CharVocab, req: SampleRequest): Promise<SampleResult> {
  const sampler = new CharSampler(model, params, vocab);
  try {
    await sampler.feedText(req.prompt.length ? req.prompt : '\n');
    const ids = await sampler.generate(Math.max(0, Math.floor(req.length)), req.temperature, sampleRng(req.seed));
    return { text: decodeIds(vocab, ids), ids };
  } finally {
    sampler.dispose();
  }
}
