// The character-model task: seeded batches of windows of the text (input one-hot, target the next
// character, every step scored), its vocabulary (cap and the shared rare token) and its baseline,
// the unigram entropy, recomputed here from the raw text.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { buildVocab, CORPORA, decodeIds, getCorpus, probePassage, RARE, splitChars } from '../../src/engine/tasks/chars';
import { getTask, getTaskSpec, taskList } from '../../src/engine/tasks/registry';
import { argmax } from '../../src/engine/tasks/types';

/** −Σ p ln p of the text's characters, with every character outside the `keep` most frequent merged. */
function entropyOf(text: string, keep = Infinity): number {
  const counts = new Map<string, number>();
  for (const c of Array.from(text)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const kept = sorted.length > keep ? sorted.slice(0, keep - 1) : sorted;
  const rest = sorted.slice(kept.length).reduce((a, b) => a + b, 0);
  const n = Array.from(text).length;
  let h = 0;
  for (const k of rest > 0 ? [...kept, rest] : kept) h -= (k / n) * Math.log(k / n);
  return h;
}

describe('chars task', () => {
  it('is registered, with a corpus and a vocabulary cap option', () => {
    expect(taskList.some((t) => t.id === 'chars')).toBe(true);
    expect(getTaskSpec('chars').options.map((o) => o.key)).toEqual(['corpus', 'vocab']);
  });

  it('English: every distinct character is a token (64 of them), input size = output size', () => {
    const task = getTask('chars', { corpus: 'en' });
    expect(new Set(Array.from(CORPORA.en)).size).toBe(64);
    expect(task.inputSize).toBe(64);
    expect(task.outputSize).toBe(64);
    expect(getCorpus({ corpus: 'en' }).vocab.rare).toBe(-1);
  });

  it('Chinese: the cap keeps cap − 1 most frequent characters and one rare token', () => {
    const distinct = new Set(Array.from(CORPORA.zh)).size;
    expect(distinct).toBeGreaterThan(900);
    const c = getCorpus({ corpus: 'zh', vocab: 300 });
    expect(c.vocab.chars.length).toBe(300);
    expect(c.vocab.chars[299]).toBe(RARE);
    // The kept ones are the most frequent: the newline, then the comma and the full stop.
    expect(c.vocab.chars.slice(0, 3)).toEqual(['\n', '，', '。']);
    const counts = new Map<string, number>();
    for (const ch of Array.from(CORPORA.zh)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const minKept = Math.min(...c.vocab.chars.slice(0, 299).map((ch) => counts.get(ch)!));
    for (const [ch, k] of counts) if (!c.vocab.chars.includes(ch)) expect(k).toBeLessThanOrEqual(minKept);
    // Decoding the ids gives the text back with the rare characters as □.
    const back = decodeIds(c.vocab, c.ids);
    expect(back.length).toBe(Array.from(CORPORA.zh).length);
    expect(Array.from(back).filter((ch, i) => ch !== Array.from(CORPORA.zh)[i]).every((ch) => ch === RARE)).toBe(true);
  });

  it('buildVocab: most frequent first, ties by first occurrence', () => {
    const v = buildVocab('abcabcaxy', 10);
    expect(v.chars).toEqual(['a', 'b', 'c', 'x', 'y']);
    const capped = buildVocab('abcabcaxy', 3);
    expect(capped.chars).toEqual(['a', 'b', RARE]);
    expect(capped.index.get('y')).toBe(2);
  });

  it('baseline = the unigram entropy of the text, computed independently', () => {
    const spec = getTaskSpec('chars');
    expect(spec.baseline({ corpus: 'en' }, 40)).toBeCloseTo(entropyOf(CORPORA.en), 10);
    expect(spec.baseline({ corpus: 'zh', vocab: 300 }, 40)).toBeCloseTo(entropyOf(CORPORA.zh, 300), 10);
    expect(spec.baseline({ corpus: 'zh', vocab: 1200 }, 40)).toBeCloseTo(entropyOf(CORPORA.zh), 10);
    // English: about 4.4 bits per character, as unigram English text is.
    const bits = spec.baseline({ corpus: 'en' }, 40) / Math.LN2;
    expect(bits).toBeGreaterThan(4.1);
    expect(bits).toBeLessThan(4.6);
  });

  it('seeded batches: windows of the text, target = the next character, every step scored', () => {
    const task = getTask('chars', { corpus: 'en' });
    const a = task.batch(createRng(5), 8, 30);
    const b = task.batch(createRng(5), 8, 30);
    const c = task.batch(createRng(6), 8, 30);
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
    expect(a.x).not.toEqual(c.x);
    expect(a.T).toBe(30);
    expect(Array.from(a.mask).every((m) => m === 1)).toBe(true);
    const V = task.inputSize;
    const { vocab } = getCorpus({ corpus: 'en' });
    const text = CORPORA.en;
    for (let i = 0; i < a.B; i++) {
      let input = '';
      let target = '';
      for (let t = 0; t < a.T; t++) {
        const k = t * a.B + i;
        // One-hot rows.
        expect(a.x.subarray(k * V, (k + 1) * V).reduce((s, v) => s + v, 0)).toBe(1);
        input += vocab.chars[argmax(a.x, k * V, V)];
        target += vocab.chars[argmax(a.y, k * V, V)];
      }
      expect(target.slice(0, -1)).toBe(input.slice(1));
      expect(text.includes(input + target.slice(-1))).toBe(true);
    }
  });

  it('the probe is a fixed passage with speech and line ends; its labels show the newline and space', () => {
    const task = getTask('chars', { corpus: 'en' });
    const p1 = task.probe(40);
    const p2 = task.probe(40);
    expect(p1.batch.x).toEqual(p2.batch.x);
    expect(p1.inputLabels.join('').startsWith('"Well!"·thought·Alice')).toBe(true);
    expect(p1.targetLabels.slice(0, -1)).toEqual(p1.inputLabels.slice(1));
    expect(probePassage('en', 200)).toContain('\n');
    expect(probePassage('zh', 40).startsWith('《春望》杜甫\n')).toBe(true);
    const zh = getTask('chars', { corpus: 'zh' }).probe(20);
    expect(zh.inputLabels.slice(0, 4)).toEqual(['《', '春', '望', '》']);
    expect(splitChars('《春望》').length).toBe(4);
  });
});
