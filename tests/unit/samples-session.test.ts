// The worker's side of the samples panel (src/engine/session.ts): a wish for samples gets text
// from the character model at once when stopped, on step and pause, and every `every` steps while
// training; another temperature re-samples the same step; no text for other tasks or a comparison.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { TrainingSession } from '../../src/engine/session';
import type { TrainerConfig } from '../../src/engine/trainer';
import type { FromWorker, SampleReport, SamplesWant } from '../../src/protocol/messages';

const config: TrainerConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'chars', taskOptions: { corpus: 'en', vocab: 400 }, seqLen: 12, hiddenSize: 8, numLayers: 1,
  bidirectional: false, learningRate: 0.01, batchSize: 4, recurrentScale: 0, clipNorm: 1, seed: 3,
};
const want: SamplesWant = { prompt: 'Alice ', length: 20, temperature: 1, seed: 1, every: 6 };

function harness() {
  const msgs: FromWorker[] = [];
  const session = new TrainingSession({ post: (m) => msgs.push(m), snapshotIntervalMs: 20, chunkSteps: 3, jacobians: null });
  const samples = () => msgs.flatMap((m) => (m.type === 'samples' ? [m.samples] : [])) as SampleReport[];
  return { msgs, session, samples };
}

const until = async (cond: () => boolean, ms = 30_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

beforeAll(async () => {
  await useNodeBackend();
});

describe('samples in the training session', () => {
  it('samples at once when asked, again on step, on a new temperature, and not twice for the same wish', async () => {
    const h = harness();
    await h.session.handle({ type: 'configure', runId: 1, config });
    expect(h.samples()).toEqual([]);
    await h.session.handle({ type: 'samples', want });
    expect(h.samples()).toHaveLength(1);
    const first = h.samples()[0];
    expect(first).toMatchObject({ step: 0, prompt: 'Alice ', temperature: 1, seed: 1 });
    expect(Array.from(first.text)).toHaveLength(20);
    expect(first.units?.units.map((u) => u.feature)).toEqual(['quote', 'paren', 'lineEnd', 'linePos']);
    expect(first.units?.units[0].trace.length).toBe(Array.from(first.units!.probeText).length);
    await h.session.handle({ type: 'samples', want });
    expect(h.samples()).toHaveLength(1);
    await h.session.handle({ type: 'step', steps: 2 });
    expect(h.samples().at(-1)?.step).toBe(2);
    await h.session.handle({ type: 'samples', want: { ...want, temperature: 0.2 } });
    expect(h.samples().at(-1)).toMatchObject({ step: 2, temperature: 0.2 });
    // A new run (another seed) samples at its step 0 with the wish it kept.
    await h.session.handle({ type: 'configure', runId: 2, config: { ...config, seed: 4 } });
    expect(h.msgs.filter((m) => m.type === 'samples').at(-1)).toMatchObject({ runId: 2, samples: { step: 0, temperature: 0.2 } });
    h.session.dispose();
  });

  it('while training: a sample every `every` steps; none once the wish is withdrawn', async () => {
    const h = harness();
    await h.session.handle({ type: 'configure', runId: 1, config });
    await h.session.handle({ type: 'samples', want });
    await h.session.handle({ type: 'play' });
    await until(() => h.samples().some((s) => s.step >= 12));
    await h.session.handle({ type: 'samples', want: null });
    await h.session.handle({ type: 'pause' });
    await h.session.idle();
    const steps = h.samples().map((s) => s.step);
    expect(steps[0]).toBe(0);
    for (let i = 1; i < steps.length; i++) expect(steps[i] - steps[i - 1]).toBeGreaterThanOrEqual(6);
    const n = h.samples().length;
    await h.session.handle({ type: 'step', steps: 2 });
    expect(h.samples()).toHaveLength(n);
    h.session.dispose();
  });

  it('no samples for another task, nor for a bidirectional model (it says why)', async () => {
    const h = harness();
    await h.session.handle({ type: 'configure', runId: 1, config: { ...config, taskId: 'copy', taskOptions: {} } });
    await h.session.handle({ type: 'samples', want });
    expect(h.samples()).toEqual([]);
    await h.session.handle({ type: 'configure', runId: 2, config: { ...config, bidirectional: true } });
    expect(h.samples()).toHaveLength(1);
    expect(h.samples()[0].text).toBe('');
    expect(h.samples()[0].error).toMatch(/bidirectional/);
    h.session.dispose();
  });
});
