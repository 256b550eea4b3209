// The gallery's named demos (src/demos/gallery.ts) say something about the run their link opens;
// each claim is checked here on exactly that run: the link read as the page reads it (readLink),
// trained in Node on WASM. The lesson demos open a lesson step whose claims the
// lesson-claims-*.test.ts files prove; here they only have to open that step.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { DEMOS, LESSON_DEMOS, NAMED_DEMOS } from '../../src/demos/gallery';
import { getLesson, LESSON_IDS } from '../../src/lessons/registry';
import { readLink } from '../../src/store/page-config';
import type { UrlState } from '../../src/store/url';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { catalog, compareSlotConfig, trainCached } from './lesson-claims-helpers';

beforeAll(async () => {
  await useNodeBackend();
});

/** The demo's link as the page reads it; a demo link must need no repair. */
function demoState(id: string): UrlState {
  const demo = DEMOS.find((d) => d.id === id);
  if (!demo) throw new Error(`no demo ${id}`);
  const { state, notices } = readLink(demo.query, catalog, () => 12345);
  expect(notices).toEqual([]);
  return state;
}

const ratio = (norms: number[], back: number) => norms[norms.length - 1 - back] / norms[norms.length - 1];

describe('gallery data', () => {
  it('has the five named demos and one demo per lesson, each titled and described in both languages', () => {
    expect(NAMED_DEMOS.map((d) => d.id)).toEqual(['tanh-forgets', 'lstm-remembers', 'exploding-clipping', 'irnn-vs-rnn', 'urnn-norm']);
    expect(LESSON_DEMOS.map((d) => d.lesson?.id)).toEqual([...LESSON_IDS]);
    for (const d of NAMED_DEMOS) {
      for (const table of [en, zh] as Record<string, string>[]) {
        expect(table[`gallery.demo.${d.id}.title`], d.id).toBeTruthy();
        expect(table[`gallery.demo.${d.id}.desc`], d.id).toBeTruthy();
      }
    }
    for (const d of LESSON_DEMOS) {
      const s = demoState(d.id);
      expect(s.ui.page).toBe('lesson');
      expect(s.ui.lesson).toBe(d.lesson?.id);
      expect(s.ui.lessonStep).toBe(d.lesson?.step);
      expect(d.lesson!.step).toBeLessThan(getLesson(d.lesson!.id).steps.length);
    }
    // A chosen step, not only first steps.
    expect(LESSON_DEMOS.find((d) => d.lesson?.id === 'vanishing-gradients')?.lesson?.step).toBe(1);
  });
});

describe('gallery claims, each on its own link’s run', () => {
  it('a tanh RNN forgets after 20 steps: ‖∂L/∂h_t‖ 20 steps before the end is below 1e-3 of the last (untrained), and still below 1e-2 after 30 steps', async () => {
    const s = demoState('tanh-forgets');
    expect(s.config.cellId).toBe('rnn');
    expect(s.config.cellOptions.nonlinearity).toBe('tanh');
    const r = await trainCached(s.config, 30);
    expect(ratio(r.initial.norms, 20)).toBeLessThan(1e-3);
    expect(ratio(r.final.norms, 20)).toBeLessThan(1e-2);
  }, 60_000);

  it('an LSTM remembers 100 steps: with forget bias 5 its gradient 100 steps back is above 10% of the last step’s (untrained)', async () => {
    const s = demoState('lstm-remembers');
    expect(s.config.cellId).toBe('lstm');
    expect(s.config.seqLen).toBeGreaterThan(100);
    const r = await trainCached(s.config, 1);
    expect(ratio(r.initial.norms, 100)).toBeGreaterThan(0.1);
    // The same link with the tanh RNN forgets it: below 1e-6 of the last step's.
    const rnn = await trainCached(compareSlotConfig(s.config, 'rnn'), 1);
    expect(ratio(rnn.initial.norms, 100)).toBeLessThan(1e-6);
  }, 60_000);

  it('exploding gradients and clipping: ρ = 2 makes ‖∂L/∂h_0‖ over 100× the last; the global norm is over 10× the threshold and every update is clipped to it; the loss still falls', async () => {
    const s = demoState('exploding-clipping');
    expect(s.config.recurrentScale).toBe(2);
    expect(s.config.clipNorm).toBe(1);
    const r = await trainCached(s.config, 30);
    expect(r.initial.norms[0] / r.initial.norms[r.initial.norms.length - 1]).toBeGreaterThan(100);
    expect(r.totals[0]).toBeGreaterThan(10 * s.config.clipNorm);
    for (const a of r.applied) expect(a).toBeLessThanOrEqual(s.config.clipNorm * 1.001);
    expect(r.diverged).toBeUndefined();
    expect(r.losses[r.losses.length - 1]).toBeLessThan(0.5 * r.losses[0]);
  }, 60_000);

  it('IRNN vs RNN on the adding problem (Compare): the IRNN’s gradient reaches the first of 50 steps at over half the last step’s size, the tanh RNN’s below 1e-9 of it', async () => {
    const s = demoState('irnn-vs-rnn');
    expect(s.ui.page).toBe('compare');
    expect(s.ui.compare).toEqual(['rnn', 'irnn']);
    expect(s.config.taskId).toBe('adding');
    const irnn = await trainCached(compareSlotConfig(s.config, 'irnn'), 1);
    const rnn = await trainCached(compareSlotConfig(s.config, 'rnn'), 1);
    const T = s.config.seqLen;
    expect(ratio(irnn.initial.norms, T - 1)).toBeGreaterThan(0.5);
    expect(ratio(rnn.initial.norms, T - 1)).toBeLessThan(1e-9);
  }, 60_000);

  it('uRNN keeps its norm: over 100 steps ‖∂L/∂h_t‖ stays within 10% of the last step’s (untrained) and within a factor 2 after 30 steps', async () => {
    const s = demoState('urnn-norm');
    expect(s.config.cellId).toBe('urnn');
    const r = await trainCached(s.config, 30);
    const spread = (n: number[]) => Math.max(...n) / Math.min(...n);
    expect(spread(r.initial.norms)).toBeLessThan(1.1);
    expect(spread(r.final.norms)).toBeLessThan(2);
  }, 60_000);
});
