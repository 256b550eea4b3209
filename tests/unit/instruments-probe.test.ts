// The worker's instrument snapshots (src/engine/instruments/probe.ts through Trainer.snapshot and
// the TrainingSession): spectra block by block with gate labels, or a note where a cell has no
// square recurrent matrix; gate histograms with their saturation fractions; the clipping points per
// training step; the session's throttle and its snapshots at configure, pause and step; and no
// tensor left behind.
import * as tf from '@tensorflow/tfjs-core';
import katex from 'katex';
import { cellList } from '../../src/cells/registry';
import { splitProse } from '../../src/i18n/prose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { gateHistogram, HISTOGRAM_BINS, type JacobianFn } from '../../src/engine/instruments/probe';
import { TrainingSession } from '../../src/engine/session';
import { jacobianProfile } from '../../src/engine/instruments/jacobians';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import type { FromWorker, Telemetry } from '../../src/protocol/messages';

const base: TrainerConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'copy', seqLen: 10, hiddenSize: 6, numLayers: 1,
  bidirectional: false, learningRate: 0.01, batchSize: 4, recurrentScale: 0, clipNorm: 1, seed: 3,
};

beforeAll(async () => {
  await useNodeBackend();
});

async function snapshotOf(cfg: Partial<TrainerConfig>) {
  const trainer = new Trainer({ ...base, ...cfg });
  try {
    trainer.train(2);
    const snap = await trainer.snapshot(1, { instruments: {} });
    return { snap, T: trainer.T };
  } finally {
    trainer.dispose();
  }
}

describe('instrument snapshot per cell', () => {
  it('tanh RNN: one square W_hh with its eigenvalues and descending singular values', async () => {
    const { snap } = await snapshotOf({ cellId: 'rnn', clipNorm: 0 });
    const ins = snap.telemetry.instruments!;
    expect(ins.step).toBe(2);
    expect(ins.spectra.note).toBeUndefined();
    expect(ins.spectra.blocks).toHaveLength(1);
    const [w] = ins.spectra.blocks;
    expect(w.id).toBe('whh');
    expect(w.eigenvalues).toHaveLength(6);
    expect(w.singularValues).toHaveLength(6);
    expect(w.singularValues).toEqual([...w.singularValues].sort((a, b) => b - a));
    expect(w.sigmaMax).toBe(w.singularValues[0]);
    expect(w.radius!).toBeLessThanOrEqual(w.sigmaMax + 1e-9);
    expect(ins.jacobians).toBeNull(); // no Jacobian function given
    expect(ins.memory).toBeNull();
    expect(ins.gates).toEqual([]); // the tanh RNN has no gates
  });

  it('LSTM and GRU: one block per gate, labelled by it; a histogram per gate', async () => {
    const lstm = (await snapshotOf({ cellId: 'lstm' })).snap.telemetry.instruments!;
    expect(lstm.spectra.blocks.map((b) => b.id)).toEqual(['i', 'f', 'g', 'o']);
    expect(lstm.spectra.blocks[1].label).toMatch(/^\$W_\{hf\}\$ \(.*forget.*block\)$/);
    expect(lstm.spectra.blocks.every((b) => b.eigenvalues?.length === 6 && b.radius !== null)).toBe(true);
    expect(lstm.gates.map((g) => g.id)).toEqual(['i', 'f', 'g', 'o']);
    const gru = (await snapshotOf({ cellId: 'gru' })).snap.telemetry.instruments!;
    expect(gru.spectra.blocks.map((b) => b.id)).toEqual(['r', 'z', 'n']);
    expect(gru.gates.map((g) => g.id)).toEqual(['r', 'z', 'n']);
    for (const g of [...lstm.gates, ...gru.gates]) {
      expect(g.counts).toHaveLength(HISTOGRAM_BINS);
      const total = g.counts.reduce((a, b) => a + b, 0);
      expect(total).toBe(10 * 6); // T × H activations of batch item 0
      expect(g.below).toBeGreaterThanOrEqual(0);
      expect(g.below + g.above).toBeLessThanOrEqual(1);
    }
    // Sigmoid gates over [0, 1], the candidate over [−1, 1].
    expect(lstm.gates.find((g) => g.id === 'f')).toMatchObject({ lo: 0, hi: 1 });
    expect(lstm.gates.find((g) => g.id === 'g')).toMatchObject({ lo: -1, hi: 1 });
  });

  it('IndRNN: the vector u as a diagonal, with a note saying so', async () => {
    const ins = (await snapshotOf({ cellId: 'indrnn' })).snap.telemetry.instruments!;
    expect(ins.spectra.blocks).toHaveLength(1);
    const [d] = ins.spectra.blocks;
    expect(d.id).toBe('diag');
    expect(d.eigenvalues!.every(([, im]) => im === 0)).toBe(true);
    expect(d.singularValues).toEqual(d.eigenvalues!.map(([re]) => Math.abs(re)).sort((a, b) => b - a));
    expect(ins.spectra.note).toMatch(/no square recurrent matrix/);
  });

  it('QRNN: no blocks, and a note that says why', async () => {
    const ins = (await snapshotOf({ cellId: 'qrnn' })).snap.telemetry.instruments!;
    expect(ins.spectra.blocks).toEqual([]);
    expect(ins.spectra.note).toMatch(/QRNN has no recurrent weight matrix/);
    expect(ins.gates.length).toBeGreaterThan(0);
  });

  it('uRNN: the built W, every eigenvalue on the unit circle', async () => {
    const ins = (await snapshotOf({ cellId: 'urnn', hiddenSize: 4 })).snap.telemetry.instruments!;
    expect(ins.spectra.blocks.map((b) => b.id)).toEqual(['built']);
    const [w] = ins.spectra.blocks;
    expect(w.eigenvalues).toHaveLength(8);
    for (const [re, im] of w.eigenvalues!) expect(Math.hypot(re, im)).toBeCloseTo(1, 4);
    expect(ins.spectra.note).toMatch(/no \$W_\{hh\}\$ parameter/);
  });

  it('a Jacobian function, when given, fills jacobians and the memory fit; its inputs are disposed', async () => {
    const trainer = new Trainer(base);
    let seen = 0;
    const fake: JacobianFn = async ({ xs, stepEigAt }) => {
      seen = xs.length;
      const T = xs.length;
      const decay = Array.from({ length: T }, (_, i) => Math.pow(0.7, T - 1 - i));
      return { T, hSpectral: [...decay, 1], hFro: [...decay, 1], xSpectral: decay, xFro: decay, stepRadius: decay, stepSigmaMax: decay,
        ...(stepEigAt ? { stepEigenvalues: { t: stepEigAt, eigenvalues: [[0.5, 0]] as [number, number][] } } : {}) };
    };
    const before = tf.memory().numTensors;
    const snap = await trainer.snapshot(1, { instruments: { jacobians: fake, stepEigAt: 3 } });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toBe(trainer.T);
    const ins = snap.telemetry.instruments!;
    expect(ins.jacobians?.stepEigenvalues?.t).toBe(3);
    expect(ins.memory?.verdict).toBe('exponential');
    trainer.dispose();
  });
});

describe('every cell', () => {
  it('gets a full snapshot (Jacobians too, tensors flat) whose labels and note are prose KaTeX renders; blocks or a note, never neither', async () => {
    for (const cell of cellList) {
      for (const shape of [{}, { numLayers: 2, bidirectional: true }]) {
        const trainer = new Trainer({ ...base, cellId: cell.id, cellOptions: {}, hiddenSize: 3, seqLen: 8, ...shape });
        const before = tf.memory().numTensors;
        try {
          const ins = (await trainer.snapshot(1, { instruments: { jacobians: jacobianProfile, stepEigAt: 2 } })).telemetry.instruments!;
          expect(tf.memory().numTensors, cell.id).toBe(before);
          expect(ins.jacobians?.stepEigenvalues?.t, cell.id).toBe(2);
          expect(ins.memory, cell.id).not.toBeNull();
          expect(ins.spectra.blocks.length > 0 || !!ins.spectra.note, cell.id).toBe(true);
          for (const text of [ins.spectra.note ?? '', ...ins.spectra.blocks.map((b) => b.label)]) {
            for (const seg of splitProse(text)) {
              if (seg.kind === 'math') expect(() => katex.renderToString(seg.s, { throwOnError: true }), `${cell.id}: ${seg.s}`).not.toThrow();
              else if (seg.kind === 'text') expect(seg.s, `${cell.id}: ${text}`).not.toMatch(/[\\^_{}]/);
            }
          }
          for (const b of ins.spectra.blocks) {
            expect(b.singularValues.length, `${cell.id} ${b.id}`).toBeGreaterThan(0);
            expect(Number.isFinite(b.sigmaMax), `${cell.id} ${b.id}`).toBe(true);
          }
        } finally {
          trainer.dispose();
        }
      }
    }
  });
});

describe('gate histograms', () => {
  it('counts every value in 20 bins and the fractions below 0.1 and above 0.9', () => {
    const data = [0.01, 0.05, 0.5, 0.97, 0.99, 1, 0.0, 0.3, 0.7, 0.92];
    const h = gateHistogram('f', data, 'unit');
    expect(h.counts).toHaveLength(20);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(h.below).toBeCloseTo(3 / 10);
    expect(h.above).toBeCloseTo(4 / 10);
    expect(h.counts[0]).toBe(2); // 0.01, 0.0 in [0, 0.05)
    expect(h.counts[19]).toBe(3); // 0.97, 0.99 and 1 (the top edge) in the last bin
    const free = gateHistogram('m', [2, 4, 6], 'free');
    expect([free.lo, free.hi]).toEqual([2, 6]);
    expect(free.counts[0] + free.counts[19]).toBe(2);
  });
});

describe('clipping points', () => {
  it('one per step: raw ≥ clipped, clipped ≤ threshold when clipping is on', async () => {
    const trainer = new Trainer({ ...base, clipNorm: 0.05, learningRate: 0.05 });
    trainer.train(5);
    const clip = (await trainer.snapshot(1)).telemetry.clip!;
    expect(clip.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    for (const p of clip) {
      expect(p.raw).toBeGreaterThanOrEqual(p.clipped - 1e-6);
      expect(p.clipped).toBeLessThanOrEqual(0.05 * (1 + 1e-5));
      expect(p.svBefore).toBeUndefined();
    }
    expect(clip.some((p) => p.raw > 0.05)).toBe(true);
    trainer.dispose();
  });

  it('equal when clipping is off', async () => {
    const trainer = new Trainer({ ...base, clipNorm: 0 });
    trainer.train(3);
    const clip = (await trainer.snapshot(1)).telemetry.clip!;
    expect(clip).toHaveLength(3);
    for (const p of clip) expect(p.clipped).toBeCloseTo(p.raw, 5);
    trainer.dispose();
  });

  it('σ_max before and after singular-value clipping', async () => {
    const trainer = new Trainer({ ...base, cellId: 'rnn', recurrentScale: 1.5, svClip: 1.2, learningRate: 0.05, clipNorm: 0 });
    trainer.train(6);
    const clip = (await trainer.snapshot(1)).telemetry.clip!;
    for (const p of clip) {
      expect(p.svBefore).toBeGreaterThan(0);
      expect(p.svAfter!).toBeLessThanOrEqual(1.2 * 1.01);
    }
    // The warm-started estimate converges: after a few steps it sits at c (the weights were clipped).
    expect(clip.at(-1)!.svAfter!).toBeGreaterThan(1.1);
    trainer.dispose();
  });
});

function harness(opts: Partial<ConstructorParameters<typeof TrainingSession>[0]> = {}) {
  const msgs: FromWorker[] = [];
  const session = new TrainingSession({ post: (m) => msgs.push(m), snapshotIntervalMs: 20, chunkSteps: 2, ...opts });
  const telemetry = () => msgs.flatMap((m) => (m.type === 'telemetry' ? [m.telemetry] : []));
  const withInstruments = () => telemetry().filter((t): t is Telemetry & { instruments: NonNullable<Telemetry['instruments']> } => !!t.instruments);
  return { msgs, session, telemetry, withInstruments };
}

const until = async (cond: () => boolean, ms = 20_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** Lets deferred work (the full snapshot after a light one) run, then waits for the queue. */
async function settle(session: TrainingSession) {
  for (let k = 0; k < 3; k++) {
    await new Promise((r) => setTimeout(r, 10));
    await session.idle();
  }
}

const ones = (T: number) => new Array<number>(T).fill(1);
const flatProfile = (T: number) => ({ T, hSpectral: [...ones(T), 1], hFro: [...ones(T), 1], xSpectral: ones(T), xFro: ones(T), stepRadius: ones(T), stepSigmaMax: ones(T) });

describe('session: instrument snapshots', () => {
  it('none while closed; at configure, opening, pause and step a light one at once, then the full one', async () => {
    const h = harness();
    await h.session.handle({ type: 'configure', runId: 1, config: base });
    await settle(h.session);
    expect(h.withInstruments()).toHaveLength(0);
    await h.session.handle({ type: 'instruments', open: true });
    expect(h.withInstruments()).toHaveLength(1);
    expect(h.withInstruments()[0].instruments).toMatchObject({ step: 0, jacobians: null, memory: null, jacobiansPending: true });
    expect(h.withInstruments()[0].instruments.spectra.blocks).toHaveLength(4);
    await settle(h.session);
    expect(h.withInstruments()).toHaveLength(2);
    expect(h.withInstruments()[1].instruments.step).toBe(0);
    expect(h.withInstruments()[1].instruments.jacobians).not.toBeNull();
    expect(h.withInstruments()[1].instruments.jacobiansPending).toBeUndefined();

    await h.session.handle({ type: 'configure', runId: 2, config: { ...base, hiddenSize: 5 } });
    expect(h.withInstruments().at(-1)).toMatchObject({ runId: 2, step: 0, instruments: { jacobiansPending: true } });
    await h.session.handle({ type: 'step', steps: 2 });
    expect(h.withInstruments().at(-1)).toMatchObject({ runId: 2, step: 2, instruments: { step: 2, jacobiansPending: true } });
    await settle(h.session);
    // The configure's full snapshot was dropped (the step came first); the step's arrived.
    const full = h.withInstruments().filter((t) => t.runId === 2 && t.instruments.jacobians);
    expect(full.map((t) => t.step)).toEqual([2]);

    await h.session.handle({ type: 'play' });
    await until(() => (h.telemetry().at(-1)?.step ?? 0) >= 6);
    await h.session.handle({ type: 'pause' });
    await settle(h.session);
    const last = h.telemetry().at(-1)!;
    expect(last.instruments?.step).toBe(last.step);
    expect(last.instruments?.jacobians).not.toBeNull();
    const n = h.withInstruments().length;
    await h.session.handle({ type: 'instruments', open: true }); // the same wishes: nothing new
    await settle(h.session);
    expect(h.withInstruments()).toHaveLength(n);
    await h.session.handle({ type: 'instruments', open: true, stepEigAt: 4 }); // another t: light, then full
    await settle(h.session);
    expect(h.withInstruments()).toHaveLength(n + 2);
    expect(h.withInstruments().at(-1)!.instruments.jacobians?.stepEigenvalues?.t).toBe(4);
    await h.session.handle({ type: 'instruments', open: false });
    await h.session.handle({ type: 'step' });
    await settle(h.session);
    expect(h.telemetry().at(-1)!.instruments).toBeUndefined();
    h.session.dispose();
  });

  it('uses jacobianProfile by default: Jacobians through time and the memory fit are filled', async () => {
    const h = harness();
    await h.session.handle({ type: 'instruments', open: true, stepEigAt: 3 });
    await h.session.handle({ type: 'configure', runId: 1, config: base });
    await settle(h.session);
    const ins = h.withInstruments().at(-1)!.instruments;
    const T = ins.jacobians!.T;
    expect(ins.jacobians!.hSpectral).toHaveLength(T + 1);
    expect(ins.jacobians!.hSpectral[T]).toBeCloseTo(1, 5); // ∂h_T/∂h_T = I
    expect(ins.jacobians!.xSpectral).toHaveLength(T);
    expect(ins.jacobians!.stepEigenvalues).toMatchObject({ t: 3 });
    expect(ins.jacobians!.stepEigenvalues!.eigenvalues).toHaveLength(base.hiddenSize);
    expect(ins.memory).not.toBeNull();
    expect(ins.memory!.lags.every((l) => l > 0)).toBe(true);
    h.session.dispose();
  });

  it('while training: at most one per interval, and within the share of wall time', async () => {
    const h = harness({ instrumentsIntervalMs: 150 });
    await h.session.handle({ type: 'instruments', open: true });
    await h.session.handle({ type: 'configure', runId: 1, config: base });
    await settle(h.session);
    await h.session.handle({ type: 'play' });
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 1200));
    await h.session.handle({ type: 'pause' });
    const elapsed = Date.now() - t0;
    const snaps = h.withInstruments().filter((t) => t.step > 0);
    // Some while running (plus the light one on pause), never more often than the interval allows.
    expect(snaps.length).toBeGreaterThanOrEqual(2);
    expect(snaps.length).toBeLessThanOrEqual(Math.floor(elapsed / 150) + 2);
    expect(h.telemetry().length).toBeGreaterThan(snaps.length); // plain telemetry goes on in between
    await settle(h.session);
    h.session.dispose();
  });

  it('a slow snapshot spaces the next ones out (≤ 20% of the time)', async () => {
    let calls = 0;
    const slow: JacobianFn = async ({ xs }) => {
      calls++;
      const t = Date.now();
      while (Date.now() - t < 60) { /* a 60 ms snapshot */ }
      return flatProfile(xs.length);
    };
    const h = harness({ instrumentsIntervalMs: 10, jacobians: slow });
    await h.session.handle({ type: 'instruments', open: true });
    await h.session.handle({ type: 'configure', runId: 1, config: base });
    await settle(h.session);
    calls = 0;
    const spent0 = h.session.instrumentsStats.totalMs;
    const t0 = Date.now();
    await h.session.handle({ type: 'play' });
    await new Promise((r) => setTimeout(r, 1500));
    const share = (h.session.instrumentsStats.totalMs - spent0) / (Date.now() - t0);
    await h.session.handle({ type: 'pause' });
    // Measured in the session: about 20% (one more snapshot may be running when the time is read).
    expect(share).toBeLessThanOrEqual(0.3);
    // 60+ ms each, every ≥ 4 × their cost: about 1500 / 300 = 5 while running.
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(8);
    await settle(h.session);
    h.session.dispose();
  });

  it('a pause that arrives mid-run is handled before a due snapshot; the pause’s own is the last word', async () => {
    const h = harness({ instrumentsIntervalMs: 0 });
    await h.session.handle({ type: 'instruments', open: true });
    await h.session.handle({ type: 'configure', runId: 1, config: base });
    await h.session.handle({ type: 'play' });
    await until(() => h.withInstruments().some((t) => t.step > 0));
    await h.session.handle({ type: 'pause' });
    await settle(h.session);
    const after = h.telemetry().at(-1)!;
    expect(after.instruments?.step).toBe(after.step);
    expect(after.instruments?.jacobians).not.toBeNull();
    h.session.dispose();
  });
});

describe('session: Jacobians too slow to repeat while training', () => {
  it('are left for the pause; running snapshots are light and carry the last ones with their step', async () => {
    let calls = 0;
    const slow: JacobianFn = async ({ xs }) => {
      calls++;
      const t = Date.now();
      while (Date.now() - t < 80) { /* an 80 ms Jacobian */ }
      return flatProfile(xs.length);
    };
    const h = harness({ instrumentsIntervalMs: 0, instrumentsBlockMs: 50, jacobians: slow });
    await h.session.handle({ type: 'instruments', open: true });
    await h.session.handle({ type: 'configure', runId: 1, config: base });
    await settle(h.session);
    expect(calls).toBe(1); // the configure's full snapshot
    await h.session.handle({ type: 'play' });
    await until(() => h.withInstruments().filter((t) => t.step > 0).length >= 3);
    await h.session.handle({ type: 'pause' });
    const running = h.withInstruments().filter((t) => t.step > 0);
    expect(calls).toBe(1); // none while training
    for (const t of running) {
      expect(t.instruments).toMatchObject({ jacobiansPending: true, jacobiansStep: 0 });
      expect(t.instruments.jacobians).not.toBeNull();
      expect(t.instruments.spectra.blocks).toHaveLength(4);
    }
    await settle(h.session);
    expect(calls).toBe(2); // the pause's
    const last = h.telemetry().at(-1)!;
    expect(last.instruments?.jacobiansStep).toBeUndefined();
    expect(last.instruments?.step).toBe(last.step);
    h.session.dispose();
  });
});

describe('session: a message that arrives during a snapshot', () => {
  it('makes the running snapshot give up at once (it is not posted); the pause posts its own', async () => {
    let calls = 0;
    let inFlight: (() => void) | null = null;
    const slow: JacobianFn = async ({ xs }) => {
      calls++;
      await new Promise<void>((r) => {
        inFlight = r;
        setTimeout(r, 200);
      });
      inFlight = null;
      return flatProfile(xs.length);
    };
    const h = harness({ instrumentsIntervalMs: 0, jacobians: slow });
    await h.session.handle({ type: 'instruments', open: true });
    await h.session.handle({ type: 'configure', runId: 1, config: base });
    await until(() => calls === 1 && inFlight === null);
    await settle(h.session);
    expect(h.withInstruments()).toHaveLength(2); // configure's light and full
    await h.session.handle({ type: 'play' });
    await until(() => inFlight !== null && calls === 2);
    const t0 = Date.now();
    await h.session.handle({ type: 'pause' });
    // Handled without waiting for the 200 ms computation it interrupted (its light snapshot included).
    expect(Date.now() - t0).toBeLessThan(150);
    await settle(h.session);
    await until(() => calls === 3 && inFlight === null);
    await settle(h.session);
    // Calls: configure's, the interrupted one, the pause's. Posted with instruments: configure's
    // two, the pause's light and full; not the interrupted one.
    expect(h.withInstruments()).toHaveLength(4);
    expect(h.withInstruments().at(-1)!.instruments.jacobians).not.toBeNull();
    expect(h.withInstruments().at(-1)!.step).toBe(h.telemetry().at(-1)!.step);
    h.session.dispose();
  });
});

describe('memory', () => {
  it('snapshots with instruments, clip points and SV clipping leave no tensor behind', async () => {
    for (const cellId of ['lstm', 'qrnn', 'urnn', 'indrnn']) {
      const cfg = { ...base, cellId, hiddenSize: 4, svClip: 1 };
      const warm = new Trainer(cfg);
      warm.train(1);
      await warm.snapshot(1, { instruments: {} });
      warm.dispose();
      const before = tf.memory().numTensors;
      const trainer = new Trainer(cfg);
      for (let i = 0; i < 3; i++) {
        trainer.train(2);
        await trainer.snapshot(1, { instruments: { stepEigAt: 2 } });
      }
      trainer.setLive({ svClipScope: 'candidate' });
      trainer.train(1);
      await trainer.snapshot(1, { instruments: {} });
      trainer.dispose();
      expect(tf.memory().numTensors, cellId).toBe(before);
    }
  });

  it('a session with instruments open: flat after dispose', async () => {
    const before = tf.memory().numTensors;
    const h = harness({ instrumentsIntervalMs: 0 });
    await h.session.handle({ type: 'instruments', open: true });
    await h.session.handle({ type: 'configure', runId: 1, config: base });
    await h.session.handle({ type: 'play' });
    await until(() => h.withInstruments().filter((t) => t.instruments.jacobians).length >= 3);
    await h.session.handle({ type: 'pause' });
    await settle(h.session);
    h.session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
