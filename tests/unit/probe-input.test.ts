// The typed probe input: numbers (one per step, or vectors with ';' between steps), characters
// through the character task's vocabulary, every kind of bad input refused with a reason; and a
// session told to watch it shows it in every probe trace and instrument snapshot, keeps training,
// and falls back to the task's example when the input stops fitting.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import {
  parseChars, parseNumbers, parseProbeInput, probeContext, ProbeInputError, PROBE_MAX_STEPS, typedProbe,
} from '../../src/engine/probe-input';
import { TrainingSession } from '../../src/engine/session';
import { getCorpus } from '../../src/engine/tasks/chars';
import { getTask } from '../../src/engine/tasks/registry';
import type { TrainerConfig } from '../../src/engine/trainer';
import type { FromWorker, Telemetry } from '../../src/protocol/messages';

const refused = (f: () => unknown, message: RegExp) => {
  expect(f).toThrow(ProbeInputError);
  expect(f).toThrow(message);
};

describe('parseNumbers', () => {
  it('reads one number per step, commas or spaces between them', () => {
    const p = parseNumbers('1, 0, 0, 1, 0.5', 1);
    expect(p.T).toBe(5);
    expect(Array.from(p.x)).toEqual([1, 0, 0, 1, 0.5]);
    expect(p.labels).toEqual(['1', '0', '0', '1', '0.5']);
    expect(Array.from(parseNumbers(' 2 -3\t.25 ,1e-2 −4 ', 1).x)).toEqual([2, -3, 0.25, 0.01, -4].map(Math.fround));
  });

  it('puts a single number per step in the first input when the model reads more', () => {
    const p = parseNumbers('1, 0.5', 3);
    expect(p).toMatchObject({ T: 2, width: 3, labels: ['1', '0.5'] });
    expect(Array.from(p.x)).toEqual([1, 0, 0, 0.5, 0, 0]);
  });

  it('reads vectors with ";" or line breaks between steps, and mixes them with single numbers', () => {
    const p = parseNumbers('1 0; 0,1;\n0.5 0.25\n2;', 2);
    expect(p.T).toBe(4);
    expect(Array.from(p.x)).toEqual([1, 0, 0, 1, 0.5, 0.25, 2, 0]);
    expect(p.labels).toEqual(['1,0', '0,1', '0.5,0.25', '2']);
  });

  it('refuses an empty input, a non-number, a non-finite or huge value, a wrong width and too many steps', () => {
    refused(() => parseNumbers('  ', 1), /empty/);
    refused(() => parseNumbers(' ; ;', 2), /empty/);
    refused(() => parseNumbers('1, two, 3', 1), /step 2: "two" is not a number/);
    refused(() => parseNumbers('1, NaN', 1), /"NaN" is not a number/);
    refused(() => parseNumbers('Infinity', 1), /not a number/);
    refused(() => parseNumbers('1e400', 1), /too large/);
    refused(() => parseNumbers('3e6', 1), /too large/);
    refused(() => parseNumbers('1 2 3; 4 5 6', 2), /step 1 has 3 numbers; this model reads 2 per step/);
    refused(() => parseNumbers(Array(PROBE_MAX_STEPS + 1).fill('1').join(','), 1), /501 steps; at most 500/);
    expect(parseNumbers(Array(PROBE_MAX_STEPS).fill('1').join(' '), 1).T).toBe(500);
  });
});

describe('parseChars', () => {
  const vocab = getCorpus({}).vocab;
  it('one-hot through the character task’s vocabulary, with visible labels for space and newline', () => {
    const p = parseChars('Alice was\n', vocab);
    expect(p.T).toBe(10);
    expect(p.width).toBe(vocab.chars.length);
    expect(p.labels).toEqual(['A', 'l', 'i', 'c', 'e', '·', 'w', 'a', 's', '↵']);
    for (let t = 0; t < p.T; t++) {
      const row = p.x.subarray(t * p.width, (t + 1) * p.width);
      expect(row.reduce((a, b) => a + b, 0)).toBe(1);
      expect(vocab.chars[row.indexOf(1)]).toBe('Alice was\n'[t]);
    }
  });

  it('refuses characters the text never uses, naming them, and an empty or too long text', () => {
    refused(() => parseChars('naïve 😀', vocab), /"ï", "😀" are not in the text’s vocabulary/);
    refused(() => parseChars('', vocab), /empty/);
    refused(() => parseChars('a'.repeat(501), vocab), /501 steps/);
  });

  it('characters only on the character task; its context carries the vocabulary', () => {
    const chars = getTask('chars');
    const ctx = probeContext('chars', {}, chars.inputSize);
    expect(parseProbeInput({ mode: 'chars', text: 'the' }, ctx).T).toBe(3);
    refused(() => parseProbeInput({ mode: 'chars', text: 'abc' }, probeContext('adding', {}, 2)), /only on the character task/);
    const probe = typedProbe(chars, parseProbeInput({ mode: 'chars', text: 'the' }, ctx));
    expect(probe.batch).toMatchObject({ T: 3, B: 1 });
    expect(Array.from(probe.batch.mask)).toEqual([1, 1, 1]);
    refused(() => typedProbe(getTask('adding'), parseNumbers('1 2 3;', 3)), /3 values per step, the model reads 2/);
  });
});

describe('a session watching a typed input', () => {
  const config: TrainerConfig = {
    cellId: 'gru', cellOptions: {}, taskId: 'adding', seqLen: 12, hiddenSize: 4, numLayers: 2,
    bidirectional: false, learningRate: 0.01, batchSize: 4, recurrentScale: 0, clipNorm: 1, seed: 3,
  };
  beforeAll(async () => {
    await useNodeBackend();
  });

  it('probe traces, labels and instruments take the typed length and values; training and a bad input change nothing else', async () => {
    const msgs: FromWorker[] = [];
    const session = new TrainingSession({ post: (m) => msgs.push(m), snapshotIntervalMs: 20, chunkSteps: 4, defer: (fn) => setTimeout(fn, 0) });
    const telemetry = () => msgs.flatMap((m) => (m.type === 'telemetry' ? [m.telemetry as Telemetry] : []));
    const probeStatus = () => msgs.flatMap((m) => (m.type === 'probeStatus' ? [m] : []));
    await session.handle({ type: 'instruments', open: true });
    await session.handle({ type: 'configure', runId: 1, config });
    expect(telemetry().at(-1)!.probe.T).toBe(12);

    await session.handle({ type: 'probeInput', input: { mode: 'numbers', text: '1, 0, 0, 1, 0.5' } });
    expect(probeStatus().at(-1)).toMatchObject({ applied: true, T: 5 });
    const t = telemetry().at(-1)!;
    expect(t.probe.T).toBe(5);
    expect(t.probe.inputLabels).toEqual(['1', '0', '0', '1', '0.5']);
    expect(t.probe.targetLabels).toEqual(['', '', '', '', '']);
    expect(t.probe.predictedLabels.every((l) => /^-?\d+\.\d\d$/.test(l))).toBe(true);
    for (const tr of t.probe.traces) for (const s of Object.values(tr.series)) expect(s.data.length).toBe(5 * s.width);
    // The full snapshot with the Jacobians follows in a later turn: one point per typed step.
    const deadline = Date.now() + 20_000;
    while (!telemetry().some((x) => x.instruments?.jacobians) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const ins = telemetry().findLast((x) => x.instruments?.jacobians)!.instruments!;
    expect(ins.jacobians!.T).toBe(5);
    expect(ins.jacobians!.xSpectral.length).toBe(5);
    // Gate histograms count every unit at every typed step (layer 0: H = 4).
    for (const g of ins.gates) expect(g.counts.reduce((a, b) => a + b, 0)).toBe(5 * 4);

    // Training still uses the task's batches, and the views keep watching the typed input.
    await session.handle({ type: 'step', steps: 3 });
    expect(telemetry().at(-1)).toMatchObject({ step: 3 });
    expect(telemetry().at(-1)!.probe.T).toBe(5);

    // Another width (a vector of 3 on a 2-input task): refused by the session, the task's example returns.
    await session.handle({ type: 'probeInput', input: { mode: 'numbers', text: '1 2 3; 4 5 6' } });
    expect(probeStatus().at(-1)).toMatchObject({ applied: false, message: expect.stringMatching(/step 1 has 3 numbers/) });
    expect(telemetry().at(-1)).toMatchObject({ step: 3 });
    expect(telemetry().at(-1)!.probe.T).toBe(12);

    // A typed input survives a rebuild that fits it, and is dropped (with a reason) by one that does not.
    await session.handle({ type: 'probeInput', input: { mode: 'numbers', text: '0.5 1; 1' } });
    await session.handle({ type: 'configure', runId: 2, config: { ...config, hiddenSize: 5 } });
    expect(telemetry().at(-1)!.probe.T).toBe(2);
    await session.handle({ type: 'configure', runId: 3, config: { ...config, taskId: 'copy' } });
    expect(probeStatus().at(-1)).toMatchObject({ runId: 3, applied: false });
    expect(telemetry().at(-1)!.probe.T).toBe(getTask('copy').resolveSeqLen(12));
    await session.handle({ type: 'probeInput', input: null });
    session.dispose();
  }, 60_000);

  it('a one-step input works through every view’s data, Jacobians included', async () => {
    const msgs: FromWorker[] = [];
    const session = new TrainingSession({ post: (m) => msgs.push(m), defer: (fn) => setTimeout(fn, 0) });
    const telemetry = () => msgs.flatMap((m) => (m.type === 'telemetry' ? [m.telemetry as Telemetry] : []));
    await session.handle({ type: 'instruments', open: true });
    await session.handle({ type: 'configure', runId: 1, config: { ...config, numLayers: 1, cellId: 'lstm' } });
    await session.handle({ type: 'probeInput', input: { mode: 'numbers', text: '0.5' } });
    const deadline = Date.now() + 20_000;
    while (!telemetry().some((x) => x.probe.T === 1 && x.instruments?.jacobians) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const last = telemetry().findLast((x) => x.instruments?.jacobians)!;
    expect(last.probe.T).toBe(1);
    expect(last.instruments!.jacobians!.xSpectral).toHaveLength(1);
    expect(msgs.some((m) => m.type === 'status' && m.status === 'error')).toBe(false);
    session.dispose();
  }, 60_000);
});
