// "Bidirectional and deep RNNs": every number and behaviour its steps and questions state, measured
// on each step's own run (lessonStepConfig: defaults ⊕ preset, seed 1), the reader's slider moves
// on top where the text asks for them.
import { beforeAll, describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import { useNodeBackend } from '../../src/engine/node-backend';
import { stackParamCount } from '../../src/engine/stack';
import { againLabels, againProbabilities } from '../../src/engine/tasks/again';
import { getTask, getTaskSpec } from '../../src/engine/tasks/registry';
import { againBaseline, BIDIR_GOAL, BIDIR_QUESTION_PRESET } from '../../src/lessons/bidirectional-deep';
import { torchRnnParamCount } from '../../src/lessons/param-count';
import { checkLive } from '../../src/lessons/questions';
import { getLesson } from '../../src/lessons/registry';
import type { LessonQuestion } from '../../src/lessons/types';
import type { Telemetry } from '../../src/protocol/messages';
import { catalog, mean, stepConfig, train, type RunRead } from './lesson-claims-helpers';
import { configFrom } from '../../src/store/page-config';

const L = 'bidirectional-deep';
const STEPS = 200;

beforeAll(async () => {
  await useNodeBackend();
});

const baseline = (cfg: ReturnType<typeof stepConfig>) => getTaskSpec('again').baseline(cfg.taskOptions ?? {}, cfg.seqLen);
/** Mean loss of the last n recorded steps, as a fraction of the baseline. */
const tail = (r: RunRead, b: number, n = 20) => mean(r.losses.slice(-n)) / b;
/** The lowest 10-step moving average of the loss, as a fraction of the baseline. */
const lowest = (r: RunRead, b: number) =>
  Math.min(...r.losses.slice(9).map((_, i) => mean(r.losses.slice(i, i + 10)))) / b;

describe('lesson "Bidirectional and deep RNNs"', () => {
  const runs: Record<string, RunRead> = {};
  const run = async (key: string, cfg: ReturnType<typeof stepConfig>, steps = STEPS) => (runs[key] ??= await train(cfg, steps));

  it('the steps run the "again" task with 4 letters and T = 10; the baseline is the mean binary entropy of p_t = 1 − (3/4)^(9−t)', () => {
    const cfg = stepConfig(L, 'future');
    expect([cfg.cellId, cfg.taskId, cfg.taskOptions?.alphabet, cfg.seqLen, cfg.bidirectional, cfg.numLayers, cfg.hiddenSize]).toEqual(['lstm', 'again', 4, 10, false, 1, 16]);
    const p = againProbabilities(4, 10);
    p.forEach((q, t) => expect(q).toBeCloseTo(1 - Math.pow(3 / 4, 9 - t), 12));
    expect(p[9]).toBe(0); // "the last one is always −"
    expect(againBaseline(cfg)).toBeCloseTo(baseline(cfg), 12);
    // "about 78% of the labels right": what predicting p_t scores.
    expect(mean(p.map((q) => Math.max(q, 1 - q)))).toBeCloseTo(0.785, 3);
    // "rows of ten symbols from four letters", labelled + / − under the heatmaps.
    const probe = getTask('again', cfg.taskOptions).probe(cfg.seqLen);
    expect(probe.inputLabels).toHaveLength(10);
    expect(probe.inputLabels.every((s) => 'abcd'.includes(s))).toBe(true);
    expect(probe.targetLabels[9]).toBe('−');
  });

  it('future: the left-to-right LSTM settles on the baseline (within 5%, never clearly below), about 78% right', async () => {
    const cfg = stepConfig(L, 'future');
    const b = baseline(cfg);
    const r = await run('future', cfg);
    expect(Math.abs(tail(r, b) - 1)).toBeLessThan(0.05);
    expect(lowest(r, b)).toBeGreaterThan(0.93);
    const acc = mean(r.accuracies.slice(-20));
    expect(acc).toBeGreaterThan(0.74);
    expect(acc).toBeLessThan(0.82);
  }, 180_000);

  it('future: with 64 hidden units it does no better', async () => {
    const cfg = stepConfig(L, 'future', { hiddenSize: 64 });
    const b = baseline(cfg);
    const r = await train(cfg, 150);
    expect(tail(r, b)).toBeGreaterThan(0.95);
    expect(lowest(r, b)).toBeGreaterThan(0.93);
  }, 180_000);

  it('both: the bidirectional LSTM (16 per direction) plateaus on the baseline, then falls below a twentieth of it within 200 steps', async () => {
    const cfg = stepConfig(L, 'both');
    expect([cfg.bidirectional, cfg.hiddenSize, cfg.numLayers]).toEqual([true, 16, 1]);
    const b = baseline(cfg);
    const r = await run('both', cfg);
    expect(mean(r.losses.slice(0, 20)) / b).toBeGreaterThan(0.9); // the plateau
    expect(tail(r, b, 10)).toBeLessThan(0.05);
  }, 180_000);

  it('both: with 4 units per direction the loss is still above a third of the baseline after 200 steps ("around half")', async () => {
    const cfg = stepConfig(L, 'both', { hiddenSize: 4 });
    const b = baseline(cfg);
    const r = await run('both-h4', cfg);
    expect(tail(r, b)).toBeGreaterThan(1 / 3);
    expect(tail(r, b)).toBeLessThan(0.7);
  }, 180_000);

  it('inside: the same run as "both"; after 200 steps every label of the probe row is right, the last one −', async () => {
    const cfg = stepConfig(L, 'inside');
    expect(cfg).toEqual(stepConfig(L, 'both'));
    const r = await run('both', cfg);
    expect(r.probe.predictedLabels).toEqual(r.probe.targetLabels);
    expect(r.probe.targetLabels.at(-1)).toBe('−');
    // The labels are what the task says: + where the letter recurs later.
    const syms = r.probe.inputLabels.map((s) => 'abcd'.indexOf(s));
    expect(r.probe.targetLabels).toEqual(againLabels(syms).map((y) => (y ? '+' : '−')));
    // Two heatmap panels: the probe carries the top layer's traces in both directions.
    expect(new Set(r.probe.traces.map((t) => t.direction))).toEqual(new Set([0, 1]));
  }, 180_000);

  it('deep: two left-to-right layers settle on the same baseline; three as well', async () => {
    const cfg = stepConfig(L, 'deep');
    expect([cfg.numLayers, cfg.bidirectional]).toEqual([2, false]);
    const b = baseline(cfg);
    const r = await run('deep', cfg);
    // "the same dashed baseline": within 10% of it after 200 steps (the one-layer run is within 5%).
    expect(Math.abs(tail(r, b) - 1)).toBeLessThan(0.1);
    expect(lowest(r, b)).toBeGreaterThan(0.93);
    const r3 = await train(stepConfig(L, 'deep', { numLayers: 3 }), 150);
    expect(tail(r3, b)).toBeGreaterThan(0.95);
    expect(lowest(r3, b)).toBeGreaterThan(0.93);
  }, 240_000);

  it('deep and deepbi: the counter\'s numbers, which are also the runs\' recurrent parameters', () => {
    const lstm = (numLayers: number, bidirectional: boolean) => torchRnnParamCount({ cell: 'lstm', inputSize: 4, hiddenSize: 16, numLayers, bidirectional });
    expect(lstm(1, false)).toBe(1408);
    expect(lstm(2, false)).toBe(3584);
    expect(lstm(1, true)).toBe(2816);
    expect(lstm(2, true)).toBe(9216);
    // The runs' own stacks have the same counts (the readout comes on top).
    for (const [step, want] of [['future', 1408], ['deep', 3584], ['both', 2816], ['deepbi', 9216]] as const) {
      const cfg = stepConfig(L, step);
      expect(stackParamCount({ cell: getCell(cfg.cellId), inputSize: 4, hiddenSize: cfg.hiddenSize, numLayers: cfg.numLayers, bidirectional: cfg.bidirectional, seqLen: cfg.seqLen, options: cfg.cellOptions }), step).toBe(want);
    }
  });

  it('deepbi: two bidirectional layers learn it too, below a twentieth of the baseline within 200 steps', async () => {
    const cfg = stepConfig(L, 'deepbi');
    expect([cfg.numLayers, cfg.bidirectional, cfg.hiddenSize]).toEqual([2, true, 16]);
    const r = await run('deepbi', cfg);
    expect(tail(r, baseline(cfg), 10)).toBeLessThan(0.05);
  }, 240_000);

  it('question "width": its check passes on the trained 16-unit run and not on the 4-unit one (which starts the question)', async () => {
    const q = getLesson(L).questions!.find((x) => x.id === 'width') as Extract<LessonQuestion, { kind: 'live' }>;
    expect(q.control).toBe('hiddenSize');
    const start = configFrom(catalog, BIDIR_QUESTION_PRESET);
    expect(start).toEqual(stepConfig(L, 'both', { hiddenSize: 4 }));
    const telemetryOf = (r: RunRead) => ({ points: r.losses.slice(-5).map((loss, i) => ({ step: i, loss, accuracy: 0 })) }) as unknown as Telemetry;
    const four = runs['both-h4'] ?? await run('both-h4', start);
    const sixteen = runs.both ?? await run('both', stepConfig(L, 'both'));
    expect(checkLive(q, { config: start, telemetry: telemetryOf(four), instruments: null }).pass).toBe(false);
    expect(checkLive(q, { config: { ...start, hiddenSize: 16 }, telemetry: telemetryOf(sixteen), instruments: null }).pass).toBe(true);
    expect(BIDIR_GOAL).toBe(0.1); // "below a tenth"
  }, 240_000);
});
